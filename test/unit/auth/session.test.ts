import { describe, expect, it } from "vitest";
import { AuthConfigError, startAuth, type MsalClient } from "../../../src/auth";

const tenant = {
  mode: "tenant" as const,
  clientId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  tenantId: "11111111-2222-3333-4444-555555555555",
};

/** An MSAL client with no account: every silent request fails as MSAL's does; `requested` keeps their scopes. */
function signedOutClient(): { client: MsalClient; requested: string[][] } {
  const requested: string[][] = [];
  const client = {
    handleRedirectPromise: async () => null,
    getActiveAccount: () => null,
    getAllAccounts: () => [],
    getAccount: () => null,
    acquireTokenSilent: async (request: { scopes: string[] }) => {
      requested.push(request.scopes);
      throw Object.assign(new Error("no account"), { errorCode: "no_account_error" });
    },
  } as unknown as MsalClient;
  return { client, requested };
}

describe("startAuth", () => {
  it("gives the local server's demo identity in local mode, for everyday work and provisioning alike", async () => {
    const session = await startAuth({ config: { mode: "local" }, localUpn: "admin@wres.test", hosted: false });
    expect(session.mode).toBe("local");
    // The scopes the tab would request on a tenant travel in the token, so the server trims as SharePoint does.
    await expect(session.getToken()).resolves.toBe("dev:admin@wres.test?scp=AllSites.Write");
    await expect(session.getProvisioningToken()).resolves.toBe(
      "dev:admin@wres.test?scp=AllSites.Write%20AllSites.FullControl",
    );
    // A scope the (simulated) tenant has not consented to is not in the token.
    const unconsented = await startAuth({
      config: { mode: "local" },
      localUpn: "admin@wres.test",
      localConsent: ["AllSites.Write"],
      hosted: false,
    });
    await expect(unconsented.getProvisioningToken()).resolves.toBe("dev:admin@wres.test?scp=AllSites.Write");
  });

  it("in tenant mode ignores ?as= and asks MSAL for the site's tenant root", async () => {
    const { client, requested } = signedOutClient();
    const session = await startAuth(
      {
        config: { ...tenant, sharePointOrigin: undefined },
        localUpn: "admin@wres.test",
        hosted: false,
        siteUrl: "https://contoso.sharepoint.com/sites/wres",
        redirectUri: "https://wres.example/auth-redirect.html",
        framed: false,
      },
      { createClient: async () => client },
    );
    expect(session.mode).toBe("tenant");
    await expect(session.getToken()).rejects.toMatchObject({ name: "InteractionRequired" });
    expect(requested).toEqual([["https://contoso.sharepoint.com/AllSites.Write"]]);
  });

  it("asks for delegated Sites.Selected for set-up when configured so, in local and tenant mode", async () => {
    const local = await startAuth({
      config: { mode: "local" },
      localUpn: "edi.lead@wres.test",
      localSetUpScope: "Sites.Selected",
      hosted: false,
    });
    expect(local.setUpScope).toBe("Sites.Selected");
    await expect(local.getToken()).resolves.toBe("dev:edi.lead@wres.test?scp=AllSites.Write");
    await expect(local.getProvisioningToken()).resolves.toBe(
      "dev:edi.lead@wres.test?scp=AllSites.Write%20Sites.Selected",
    );
    const fromBuild = await startAuth({
      config: { mode: "local", setUpScope: "Sites.Selected" },
      localUpn: "x@wres.test",
      localConsent: ["AllSites.Write"],
      hosted: false,
    });
    await expect(fromBuild.getProvisioningToken()).resolves.toBe("dev:x@wres.test?scp=AllSites.Write");

    const { client, requested } = signedOutClient();
    const session = await startAuth(
      {
        config: { ...tenant, sharePointOrigin: "https://contoso.sharepoint.com", setUpScope: "Sites.Selected" },
        localUpn: "x",
        hosted: false,
        redirectUri: "https://wres.example/auth-redirect.html",
        framed: false,
      },
      { createClient: async () => client },
    );
    expect(session.setUpScope).toBe("Sites.Selected");
    await expect(session.getProvisioningToken()).rejects.toMatchObject({ name: "InteractionRequired" });
    await expect(session.getToken()).rejects.toMatchObject({ name: "InteractionRequired" });
    expect(requested).toEqual([
      ["https://contoso.sharepoint.com/Sites.Selected"],
      ["https://contoso.sharepoint.com/AllSites.Write"],
    ]);
  });

  it("lets the request pipeline invalidate the token after a 401, in both modes", async () => {
    const local = await startAuth({ config: { mode: "local" }, localUpn: "admin@wres.test", hosted: false });
    local.invalidate(); // demo tokens never expire: nothing to refresh, same token
    await expect(local.getToken()).resolves.toBe("dev:admin@wres.test?scp=AllSites.Write");

    const silent: { forceRefresh: boolean | undefined }[] = [];
    const account = {
      homeAccountId: "oid.t",
      environment: "login.microsoftonline.com",
      tenantId: tenant.tenantId,
      username: "u@contoso.example",
      localAccountId: "oid",
    };
    const client = {
      handleRedirectPromise: async () => null,
      getActiveAccount: () => account,
      setActiveAccount: () => undefined,
      getAllAccounts: () => [account],
      getAccount: () => null,
      acquireTokenSilent: async (request: { forceRefresh?: boolean }) => {
        silent.push({ forceRefresh: request.forceRefresh });
        return { accessToken: `not-a-jwt-${silent.length}`, account, tenantId: tenant.tenantId, expiresOn: null };
      },
    } as unknown as MsalClient;
    const session = await startAuth(
      {
        config: { ...tenant, sharePointOrigin: "https://contoso.sharepoint.com" },
        localUpn: "x",
        hosted: false,
        redirectUri: "https://wres.example/auth-redirect.html",
        framed: false,
      },
      { createClient: async () => client },
    );
    await session.getToken();
    session.invalidate();
    await session.getToken();
    expect(silent).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
  });

  it("says what is missing when tenant mode has no SharePoint address", async () => {
    await expect(
      startAuth({ config: { ...tenant, sharePointOrigin: undefined }, localUpn: "x", hosted: false }),
    ).rejects.toBeInstanceOf(AuthConfigError);
  });
});
