// The Teams host seam as far as sign-in needs it: which origins teams-js is told to trust (the
// SharePoint host), and the account hint that goes from the Teams context to MSAL.
import { describe, expect, it } from "vitest";
import { accountHintFrom, initHost, messageOrigins, type HostContext } from "../../../src/teams/host";
import { startAuth, type MsalClient } from "../../../src/auth";

type TeamsJs = typeof import("@microsoft/teams-js");

const TENANT = "11111111-2222-3333-4444-555555555555";
const OID = "0f0e0d0c-0b0a-4909-8807-060504030201";

/** A window inside a frame (teams-js is loaded only then). */
const framedWindow = { parent: {}, opener: null } as unknown as Window;

/** The slice of teams-js initHost uses, recording what initialize was given. */
function fakeTeams(user?: { loginHint?: string; userPrincipalName?: string; id: string; tenant?: { id: string } }) {
  const initialized: (string[] | undefined)[] = [];
  const teams = {
    app: {
      initialize: async (origins?: string[]) => void initialized.push(origins),
      getContext: async () => ({
        app: { theme: "dark", locale: "cy-GB" },
        page: { id: "wres", frameContext: "content" },
        sharePointSite: { teamSiteUrl: "https://contoso.sharepoint.com/sites/edi" },
        user,
      }),
    },
  } as unknown as TeamsJs;
  return { teams, initialized };
}

describe("teams-js initialisation in a SharePoint host", () => {
  it("tells teams-js to trust the configured SharePoint origin and the plan site's origin", async () => {
    const { teams, initialized } = fakeTeams();
    const origins = messageOrigins(
      "https://contoso.sharepoint.com",
      "https://contoso.sharepoint.com/sites/edi?x=1",
      "https://contoso-my.sharepoint.com/personal/a",
    );
    expect(origins).toEqual(["https://contoso.sharepoint.com", "https://contoso-my.sharepoint.com"]);
    const host = await initHost(1000, framedWindow, { validMessageOrigins: origins, load: async () => teams });
    expect(host.inHost).toBe(true);
    expect(initialized).toEqual([["https://contoso.sharepoint.com", "https://contoso-my.sharepoint.com"]]);
  });

  it("leaves out what teams-js would ignore (not https, not a URL, unset) and passes nothing when nothing is left", async () => {
    expect(messageOrigins(undefined, null, "", "http://127.0.0.1:5173/sites/wres", "contoso.sharepoint.com")).toEqual(
      [],
    );
    const { teams, initialized } = fakeTeams();
    await initHost(1000, framedWindow, { validMessageOrigins: [], load: async () => teams });
    expect(initialized).toEqual([undefined]);
  });
});

describe("the Teams account hint", () => {
  async function contextWith(user: Parameters<typeof fakeTeams>[0]): Promise<HostContext> {
    const host = await initHost(1000, framedWindow, { load: async () => fakeTeams(user).teams });
    if (!host.inHost) throw new Error("not hosted");
    return host.context;
  }

  it("becomes MSAL's account filter, with homeAccountId in MSAL's <object id>.<tenant id> form", async () => {
    const context = await contextWith({ loginHint: "edi.lead@contoso.example", id: OID, tenant: { id: TENANT } });
    expect(accountHintFrom(context)).toEqual({
      loginHint: "edi.lead@contoso.example",
      tenantId: TENANT,
      homeAccountId: `${OID}.${TENANT}`,
    });
  });

  it("uses the UPN when the host gives no login hint, and gives no hint outside a host", async () => {
    const context = await contextWith({
      userPrincipalName: "guest_contoso.example#EXT#@contoso.onmicrosoft.com",
      id: OID,
    });
    expect(accountHintFrom(context)).toEqual({ loginHint: "guest_contoso.example#EXT#@contoso.onmicrosoft.com" });
    expect(accountHintFrom(await contextWith(undefined))).toBeUndefined();
    expect(accountHintFrom(null)).toBeUndefined();
  });

  it("reaches MSAL: the standard flow looks the account up with it, then signs in silently with the login hint", async () => {
    const hint = accountHintFrom(
      await contextWith({ loginHint: "edi.lead@contoso.example", id: OID, tenant: { id: TENANT } }),
    );
    const filters: unknown[] = [];
    const ssoHints: (string | undefined)[] = [];
    const client = {
      handleRedirectPromise: async () => null,
      getActiveAccount: () => null,
      setActiveAccount: () => undefined,
      getAllAccounts: () => [],
      getAccount: (filter: unknown) => {
        filters.push(filter);
        return null;
      },
      ssoSilent: async (request: { loginHint?: string }) => {
        ssoHints.push(request.loginHint);
        throw Object.assign(new Error("login required"), {
          errorCode: "login_required",
          name: "InteractionRequiredAuthError",
        });
      },
      acquireTokenSilent: async () => {
        throw new Error("acquireTokenSilent without an account");
      },
    } as unknown as MsalClient;
    const session = await startAuth(
      {
        config: {
          mode: "tenant",
          clientId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
          tenantId: TENANT,
          sharePointOrigin: "https://contoso.sharepoint.com",
        },
        localUpn: "x",
        hosted: true,
        accountHint: hint,
        redirectUri: "https://wres.example/auth-redirect.html",
        framed: true,
      },
      { createClient: async () => client, isNestedAuthRecommended: () => false },
    );
    await expect(session.getToken()).rejects.toMatchObject({ name: "InteractionRequired", reason: "login_required" });
    expect(filters).toEqual([
      { homeAccountId: `${OID}.${TENANT}`, loginHint: "edi.lead@contoso.example", tenantId: TENANT },
    ]);
    expect(ssoHints).toEqual(["edi.lead@contoso.example"]);
  });
});
