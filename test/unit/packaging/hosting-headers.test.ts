import { describe, expect, it } from "vitest";
import { frameAncestors, hostingHeaders, MICROSOFT_365_FRAME_ANCESTORS } from "../../../src/packaging/hosting-headers";

const SP = "https://contoso.sharepoint.com";

function ancestors(headers: Record<string, string>): string[] {
  const csp = headers["Content-Security-Policy"] ?? "";
  const directive = csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("frame-ancestors "));
  return directive ? directive.split(/\s+/).slice(1) : [];
}

describe("hosting headers", () => {
  it("lets Teams, Outlook, Microsoft 365 and the tenant's SharePoint frame the sign-in bridge page, so silent sign-in works in a framed tab", () => {
    const bridge = hostingHeaders("/auth-redirect.html", SP);
    expect(bridge["Cache-Control"]).toBe("no-store");
    const allowed = ancestors(bridge);
    for (const host of [
      "'self'",
      "https://teams.microsoft.com",
      "https://*.teams.microsoft.com",
      "https://*.cloud.microsoft",
      "https://*.office.com",
      "https://*.microsoft365.com",
      "https://outlook.office.com",
      SP,
    ]) {
      expect(allowed).toContain(host);
    }
  });

  it("frames the bridge page exactly where the tab is framed (a silent sign-in iframe has the tab's ancestors)", () => {
    expect(ancestors(hostingHeaders("/auth-redirect.html", SP))).toEqual(ancestors(hostingHeaders("/index.html", SP)));
    expect(ancestors(hostingHeaders("/", SP))).toEqual(["'self'", ...MICROSOFT_365_FRAME_ANCESTORS, SP]);
  });

  it("sends no X-Frame-Options or Cross-Origin-Opener-Policy (they block the frame and the sign-in popup)", () => {
    for (const path of ["/index.html", "/auth-redirect.html", "/assets/index-abc.js"]) {
      const names = Object.keys(hostingHeaders(path, SP)).map((n) => n.toLowerCase());
      expect(names).not.toContain("x-frame-options");
      expect(names).not.toContain("cross-origin-opener-policy");
    }
    expect(hostingHeaders("/assets/index-abc.js", SP)["Cache-Control"]).toBe("public, max-age=31536000, immutable");
  });

  it("takes the SharePoint root from a site address and refuses anything that is not a SharePoint Online host", () => {
    expect(frameAncestors("https://contoso.sharepoint.com/sites/wres")).toMatch(/ https:\/\/contoso\.sharepoint\.com$/);
    expect(() => frameAncestors("https://evil.example.com")).toThrow(/sharepoint\.com/);
    expect(() => frameAncestors("http://contoso.sharepoint.com")).toThrow(/sharepoint\.com/);
  });
});

describe("the deployment guide", () => {
  it("prints the frame-ancestors the code serves, for the tab and the sign-in bridge alike", async () => {
    const { readFileSync } = await import("node:fs");
    const guide = readFileSync(new URL("../../../docs/deployment.md", import.meta.url), "utf8");
    const expected = frameAncestors("https://contoso.sharepoint.com");
    // The nginx example sets one variable used by every location, the bridge page's included.
    expect(guide).toContain(`set $wres_frame_ancestors "${expected}";`);
    expect(guide).toMatch(/location = \/auth-redirect\.html \{[^}]*Content-Security-Policy \$wres_frame_ancestors/);
    expect(guide).not.toMatch(/frame-ancestors 'self'"/);
  });
});
