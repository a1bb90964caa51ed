import { describe, expect, it } from "vitest";
import {
  checkSiteUrl,
  ForeignSiteError,
  isOnOrigin,
  trustedSharePointOrigin,
} from "../../../src/sharepoint/site-address";
import { toAppError } from "../../../src/sharepoint/errors";

const TENANT = "https://contoso.sharepoint.com";

describe("trustedSharePointOrigin", () => {
  it("trusts only the page's own origin in local mode, whatever the host says", () => {
    expect(
      trustedSharePointOrigin({
        mode: "local",
        pageOrigin: "http://127.0.0.1:5173",
        hostSiteUrl: "https://evil.example/sites/x",
      }),
    ).toBe("http://127.0.0.1:5173");
  });

  it("trusts the configured SharePoint origin in tenant mode, over the team site the host reports", () => {
    expect(
      trustedSharePointOrigin({
        mode: "tenant",
        configuredOrigin: TENANT,
        hostSiteUrl: "https://other.sharepoint.com/sites/x",
        pageOrigin: "https://tab.example",
      }),
    ).toBe(TENANT);
  });

  it("falls back to the host's https team site, and to nothing at all without one", () => {
    expect(
      trustedSharePointOrigin({
        mode: "tenant",
        hostSiteUrl: `${TENANT}/sites/edi`,
        pageOrigin: "https://tab.example",
      }),
    ).toBe(TENANT);
    expect(
      trustedSharePointOrigin({
        mode: "tenant",
        hostSiteUrl: "http://contoso.sharepoint.com/sites/edi",
        pageOrigin: "https://tab.example",
      }),
    ).toBeNull();
    expect(trustedSharePointOrigin({ mode: "tenant", pageOrigin: "https://tab.example" })).toBeNull();
  });
});

describe("checkSiteUrl", () => {
  it("accepts a site on the trusted origin and normalises it", () => {
    expect(checkSiteUrl(` ${TENANT}/sites/wres/?x=1#top `, TENANT)).toBe(`${TENANT}/sites/wres`);
    expect(checkSiteUrl(`${TENANT}/teams/edi-network`, TENANT)).toBe(`${TENANT}/teams/edi-network`);
    expect(checkSiteUrl(TENANT, TENANT)).toBe(TENANT);
  });

  it.each([
    ["another origin", "https://evil.example/sites/wres"],
    ["another port on the same host", "https://contoso.sharepoint.com:8443/sites/wres"],
    ["a look-alike host", "https://contoso.sharepoint.com.evil.example/sites/wres"],
    ["plain http", "http://contoso.sharepoint.com/sites/wres"],
    ["credentials in the URL", "https://user:pass@contoso.sharepoint.com/sites/wres"],
    ["a script URL", "javascript:alert(1)"],
    ["a protocol-relative address", "//evil.example/sites/wres"],
    ["a relative path", "/sites/wres"],
    ["not a URL", "wres"],
    ["a data URL", "data:text/html,<script>alert(1)</script>"],
    ["a huge address", `${TENANT}/sites/${"a".repeat(100_000)}`],
  ])("refuses %s with a typed error the tab puts into words", (_, candidate) => {
    let failure: unknown = null;
    try {
      checkSiteUrl(candidate, TENANT);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ForeignSiteError);
    expect(toAppError(failure)).toMatchObject({ code: "foreignSite" });
    expect((failure as ForeignSiteError).requested.length).toBeLessThanOrEqual(200);
  });

  it("refuses every site when no origin is trusted", () => {
    expect(() => checkSiteUrl(`${TENANT}/sites/wres`, null)).toThrow(ForeignSiteError);
  });
});

describe("isOnOrigin", () => {
  it("compares whole origins, scheme and port included", () => {
    expect(isOnOrigin(`${TENANT}/sites/wres/_api/web`, TENANT)).toBe(true);
    expect(isOnOrigin("https://contoso.sharepoint.com.evil.example/_api/web", TENANT)).toBe(false);
    expect(isOnOrigin("http://contoso.sharepoint.com/_api/web", TENANT)).toBe(false);
    expect(isOnOrigin("/sites/wres/_api/web", TENANT)).toBe(false);
  });
});
