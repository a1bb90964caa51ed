import { describe, expect, it } from "vitest";
import { AuthConfigError, readAuthConfig, sharePointScope } from "../../../src/auth";

const CLIENT = "AAAAAAAA-bbbb-cccc-dddd-eeeeeeeeeeee";
const TENANT = "11111111-2222-3333-4444-555555555555";

describe("readAuthConfig", () => {
  it("defaults to local mode so the demo and tests need no settings", () => {
    expect(readAuthConfig({})).toEqual({ mode: "local" });
    expect(readAuthConfig({ VITE_WRES_MODE: "LOCAL" })).toEqual({ mode: "local" });
  });

  it("reads a tenant deployment and reduces the SharePoint address to its root origin", () => {
    expect(
      readAuthConfig({
        VITE_WRES_MODE: "tenant",
        VITE_WRES_CLIENT_ID: CLIENT,
        VITE_WRES_TENANT_ID: TENANT,
        VITE_WRES_SHAREPOINT_ORIGIN: "https://contoso.sharepoint.com/sites/wres/",
      }),
    ).toEqual({
      mode: "tenant",
      clientId: CLIENT.toLowerCase(),
      tenantId: TENANT,
      sharePointOrigin: "https://contoso.sharepoint.com",
    });
  });

  it("names every missing or malformed setting at once", () => {
    let failure: unknown;
    try {
      readAuthConfig({
        VITE_WRES_MODE: "tenant",
        VITE_WRES_TENANT_ID: "contoso.onmicrosoft.com",
        VITE_WRES_SHAREPOINT_ORIGIN: "http://contoso.sharepoint.com",
      });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AuthConfigError);
    const problems = (failure as AuthConfigError).problems.join("\n");
    expect(problems).toMatch(/VITE_WRES_CLIENT_ID/);
    expect(problems).toMatch(/VITE_WRES_TENANT_ID.*not a domain name/);
    expect(problems).toMatch(/must use https/);
  });

  it("reads the set-up scope: AllSites.FullControl unless the build asks for Sites.Selected; anything else is refused", () => {
    expect(readAuthConfig({ VITE_WRES_SETUP_SCOPE: "sites.selected" })).toEqual({
      mode: "local",
      setUpScope: "Sites.Selected",
    });
    expect(
      readAuthConfig({
        VITE_WRES_MODE: "tenant",
        VITE_WRES_CLIENT_ID: CLIENT,
        VITE_WRES_TENANT_ID: TENANT,
        VITE_WRES_SETUP_SCOPE: "Sites.Selected",
      }),
    ).toMatchObject({ mode: "tenant", setUpScope: "Sites.Selected" });
    expect(() => readAuthConfig({ VITE_WRES_SETUP_SCOPE: "Sites.FullControl.All" })).toThrow(
      /VITE_WRES_SETUP_SCOPE must be AllSites.FullControl or Sites.Selected/,
    );
  });

  it("rejects an unknown mode", () => {
    expect(() => readAuthConfig({ VITE_WRES_MODE: "prod" })).toThrow(/"local" or "tenant"/);
  });
});

describe("sharePointScope", () => {
  it("uses the tenant's root host, never a site path", () => {
    expect(sharePointScope("https://contoso.sharepoint.com/sites/wres", "write")).toBe(
      "https://contoso.sharepoint.com/AllSites.Write",
    );
    expect(sharePointScope("https://contoso.sharepoint.com", "provision")).toBe(
      "https://contoso.sharepoint.com/AllSites.FullControl",
    );
    expect(sharePointScope("https://contoso.sharepoint.com/sites/wres", "provision", "Sites.Selected")).toBe(
      "https://contoso.sharepoint.com/Sites.Selected",
    );
  });
});
