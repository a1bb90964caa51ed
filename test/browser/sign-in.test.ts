// The MSAL token seam in a real browser: the real @azure/msal-browser client, the popup, the
// redirect bridge page and MSAL's cache, against a fake Entra ID and a fake SharePoint Online
// answered by Playwright routes. Proves the wiring a tenant needs (redirect URI, bridge page,
// authority, scopes, tenant check) without one.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Frame, Page, Route } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { launchBrowser } from "../support/browser";

const TENANT = "11111111-2222-4333-8444-555555555555";
const OTHER_TENANT = "99999999-8888-4777-8666-555555555555";
const CLIENT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const SHAREPOINT = "https://contoso.sharepoint.com";
const LOGIN = "https://login.microsoftonline.com";

const b64url = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const jwt = (claims: Record<string, unknown>) => `${b64url({ typ: "JWT", alg: "none" })}.${b64url(claims)}.sig`;

/** A tiny Entra ID: authorize redirects back to the bridge with a code; token answers with JWTs. */
class FakeEntra {
  issuedTenant = TENANT;
  authorizeRequests: URL[] = [];
  tokenRequests: URLSearchParams[] = [];
  sharePointAuthorizations: string[] = [];
  private nonce = "";

  async install(context: BrowserContext): Promise<void> {
    await context.route(`${LOGIN}/**`, (route) => this.login(route));
    await context.route(`${SHAREPOINT}/**`, (route) => this.sharePoint(route));
  }

  private cors(route: Route): Record<string, string> {
    return {
      "Access-Control-Allow-Origin": route.request().headers().origin ?? "*",
      "Access-Control-Allow-Headers": "*",
      "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    };
  }

  private async login(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: this.cors(route) });
    if (url.pathname.endsWith("/.well-known/openid-configuration")) {
      const base = `${LOGIN}/${TENANT}`;
      return route.fulfill({
        headers: this.cors(route),
        json: {
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          issuer: `${LOGIN}/${TENANT}/v2.0`,
          jwks_uri: `${LOGIN}/${TENANT}/discovery/v2.0/keys`,
        },
      });
    }
    if (url.pathname.includes("/discovery/instance")) {
      return route.fulfill({
        headers: this.cors(route),
        json: {
          tenant_discovery_endpoint: `${LOGIN}/${TENANT}/v2.0/.well-known/openid-configuration`,
          metadata: [
            {
              preferred_network: "login.microsoftonline.com",
              preferred_cache: "login.windows.net",
              aliases: ["login.microsoftonline.com", "login.windows.net"],
            },
          ],
        },
      });
    }
    if (url.pathname.endsWith("/oauth2/v2.0/authorize")) {
      this.authorizeRequests.push(url);
      this.nonce = url.searchParams.get("nonce") ?? "";
      const back = new URL(url.searchParams.get("redirect_uri") ?? "");
      const answer = new URLSearchParams({
        code: "fake-code",
        state: url.searchParams.get("state") ?? "",
        client_info: this.clientInfo(),
      });
      return route.fulfill({ status: 302, headers: { Location: `${back.href}#${answer}` } });
    }
    if (url.pathname.endsWith("/oauth2/v2.0/token")) {
      const form = new URLSearchParams(request.postData() ?? "");
      this.tokenRequests.push(form);
      const tid = this.issuedTenant;
      const now = Math.floor(Date.now() / 1000);
      return route.fulfill({
        headers: this.cors(route),
        json: {
          token_type: "Bearer",
          scope: form
            .get("scope")
            ?.split(" ")
            .filter((s) => s.startsWith(SHAREPOINT))
            .join(" "),
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: jwt({
            aud: SHAREPOINT,
            tid,
            oid: "user-oid",
            upn: "edi.lead@contoso.example",
            iat: now,
            exp: now + 3599,
          }),
          refresh_token: "fake-refresh",
          id_token: jwt({
            aud: CLIENT,
            iss: `${LOGIN}/${tid}/v2.0`,
            tid,
            oid: "user-oid",
            sub: "user-sub",
            nonce: this.nonce,
            name: "EDI Lead",
            preferred_username: "edi.lead@contoso.example",
            iat: now,
            nbf: now,
            exp: now + 3599,
          }),
          client_info: this.clientInfo(),
        },
      });
    }
    return route.fulfill({ status: 404, headers: this.cors(route), body: "unexpected login request" });
  }

  private clientInfo(): string {
    return b64url({ uid: "user-oid", utid: this.issuedTenant });
  }

  private async sharePoint(route: Route): Promise<void> {
    if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers: this.cors(route) });
    const authorization = route.request().headers().authorization ?? "";
    this.sharePointAuthorizations.push(authorization);
    const ok = /^Bearer [\w-]+\.[\w-]+\.[\w-]*$/.test(authorization);
    return route.fulfill({
      status: ok ? 200 : 401,
      headers: this.cors(route),
      json: ok ? { Title: "WRES" } : { error: "no token" },
    });
  }
}

describe("sign-in through MSAL and the redirect bridge (fake Entra ID)", () => {
  let server: ViteDevServer;
  let origin: string;
  let browser: Browser;
  let cacheDir: string;

  beforeAll(async () => {
    // Own dependency cache, with MSAL pre-bundled up front: no optimiser reload can land mid sign-in.
    cacheDir = mkdtempSync(join(tmpdir(), "wres-vite-cache-"));
    // The dev server mounts the local SharePoint stand-in too; keep its database out of the work tree.
    process.env.WRES_LOCALSP_DATA = join(cacheDir, "localsp");
    process.env.WRES_LOCALSP_SEED = "none";
    server = await createServer({
      configFile: resolve("vite.config.ts"),
      logLevel: "error",
      cacheDir,
      optimizeDeps: {
        include: ["@azure/msal-browser", "@azure/msal-browser/redirect-bridge"],
        entries: ["auth/dev/sign-in-harness.html", "auth-redirect.html"],
      },
      server: { port: 0, host: "127.0.0.1", strictPort: false, hmr: false },
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === "string") throw new Error("dev server has no address");
    origin = `http://127.0.0.1:${address.port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  async function open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    const query = new URLSearchParams({ client: CLIENT, tenant: TENANT, sharepoint: SHAREPOINT });
    await page.goto(`${origin}/auth/dev/sign-in-harness.html?${query}`);
    return page;
  }

  const statusOf = (page: Page) => page.locator("#status").textContent();

  /** Opens the bridge page from `tab` with a response in its address; what is left of the address a moment later. */
  const bridgeAddressAfter = (tab: Frame) =>
    tab.evaluate(async () => {
      const popup = window.open(
        "/auth-redirect.html#code=fake-code&state=not-a-real-state",
        "bridge-check",
        "width=400,height=300",
      );
      if (!popup) throw new Error("popup blocked");
      await new Promise((done) => setTimeout(done, 3000)); // the bridge script has long run by then
      const hash = popup.closed ? "(closed)" : popup.location.hash;
      popup.close();
      return hash;
    });

  it("asks for a click, signs in through the popup and bridge page, calls SharePoint with the token, and stays signed in after a reload", async () => {
    const entra = new FakeEntra();
    const context = await browser.newContext();
    await entra.install(context);
    const consoleText: string[] = [];
    context.on("console", (message) => consoleText.push(message.text()));
    try {
      const page = await open(context);
      await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe("error InteractionRequired");
      expect(entra.authorizeRequests).toHaveLength(0); // no window opened without a click

      const popupOpened = page.waitForEvent("popup");
      await page.click("#sign-in");
      const popup = await popupOpened;
      await expect
        .poll(() => statusOf(page), { timeout: 30_000 })
        .toBe("signed-in edi.lead@contoso.example sharepoint 200");
      await expect.poll(() => popup.isClosed(), { timeout: 10_000 }).toBe(true);

      const authorize = entra.authorizeRequests[0]!;
      expect(authorize.pathname).toBe(`/${TENANT}/oauth2/v2.0/authorize`);
      expect(authorize.searchParams.get("client_id")).toBe(CLIENT);
      expect(authorize.searchParams.get("redirect_uri")).toBe(`${origin}/auth-redirect.html`);
      expect(authorize.searchParams.get("scope")?.split(" ")).toContain(`${SHAREPOINT}/AllSites.Write`);
      expect(authorize.searchParams.get("scope")).not.toContain("AllSites.Manage");
      expect(entra.tokenRequests[0]?.get("code")).toBe("fake-code");
      expect(entra.sharePointAuthorizations.at(-1)).toMatch(/^Bearer ey/);
      const token = entra.sharePointAuthorizations.at(-1)!.slice("Bearer ".length);
      expect(consoleText.join("\n")).not.toContain(token);

      // MSAL's cache (and only MSAL's) keeps the session: a reload signs in silently, no popup.
      const authorizeCount = entra.authorizeRequests.length;
      await page.reload();
      await expect
        .poll(() => statusOf(page), { timeout: 30_000 })
        .toBe("signed-in edi.lead@contoso.example sharepoint 200");
      expect(entra.authorizeRequests).toHaveLength(authorizeCount);
    } finally {
      await context.close();
    }
  });

  it("signs in from inside a cross-site frame (a SharePoint page): MSAL polls the popup and the bridge page leaves it alone", async () => {
    // Chromium partitions BroadcastChannel by top-level site, so the bridge's channel cannot reach
    // this frame: only MSAL's polling of the popup's address can deliver the response here.
    const entra = new FakeEntra();
    const context = await browser.newContext();
    await entra.install(context);
    const query = new URLSearchParams({ client: CLIENT, tenant: TENANT, sharepoint: SHAREPOINT });
    // Another site than the tab's 127.0.0.1 (so the frame is cross-site, and BroadcastChannel is
    // partitioned), served from loopback for real: Chromium's local network access checks stop any
    // other page (a public one, or one a route fulfils) from framing 127.0.0.1 at all.
    const pageServer = createHttpServer((_, response) => {
      response.writeHead(200, { "Content-Type": "text/html" });
      response.end(
        `<!doctype html><html lang="en"><title>WRES - SharePoint</title><iframe id="tab" title="WRES" src="${origin}/auth/dev/sign-in-harness.html?${query}" style="width:640px;height:240px"></iframe></html>`,
      );
    });
    await new Promise<void>((done) => pageServer.listen(0, "127.0.0.1", done));
    const sharePointPage = `http://localhost:${(pageServer.address() as AddressInfo).port}/sites/wres/SitePages/Plan.aspx`;
    try {
      const page = await context.newPage();
      await page.goto(sharePointPage);
      const frame = page.frameLocator("#tab");
      const frameStatus = () => frame.locator("#status").textContent();
      await expect.poll(frameStatus, { timeout: 30_000 }).toBe("error InteractionRequired");
      await frame.locator("#sign-in").click();
      await expect.poll(frameStatus, { timeout: 30_000 }).toBe("signed-in edi.lead@contoso.example sharepoint 200");
      // Polling asserts that no untrusted window can reach the popup, so Entra may leave COOP off.
      expect(entra.authorizeRequests[0]?.searchParams.get("pocd")).toBe("1");
      expect(entra.authorizeRequests[0]?.searchParams.get("redirect_uri")).toBe(`${origin}/auth-redirect.html`);

      // Without the race: the bridge page, opened by the framed tab, leaves its address for MSAL to
      // read; opened by a top-level tab it takes the response itself (and clears it, as MSAL's bridge does).
      const framedTab = page.frames().find((f) => f.url().includes("sign-in-harness"))!;
      expect(await bridgeAddressAfter(framedTab)).toBe("#code=fake-code&state=not-a-real-state");
      const topLevelTab = await open(context);
      expect(await bridgeAddressAfter(topLevelTab.mainFrame())).toBe("");
    } finally {
      await context.close();
      await new Promise((done) => pageServer.close(done));
    }
  });

  it("refuses an account from another organisation", async () => {
    const entra = new FakeEntra();
    entra.issuedTenant = OTHER_TENANT;
    const context = await browser.newContext();
    await entra.install(context);
    try {
      const page = await open(context);
      await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe("error InteractionRequired");
      await page.click("#sign-in");
      await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe("error WrongTenantError");
      expect(entra.sharePointAuthorizations).toHaveLength(0);
    } finally {
      await context.close();
    }
  });
});
