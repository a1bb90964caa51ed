// Addresses anyone can write and send round: whatever ?site=, ?action=, ?year= or ?since= say, no
// request leaves for another origin, the token stays on its own, and the person sees why.
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { launchBrowser, openAs, screenshot, startApp, type RunningApp } from "../support/browser";

const REFUSAL = /only opens sites on your organisation's SharePoint/;

/** Another server on this machine, standing in for an attacker's: counts what reaches it. */
async function startDecoy(): Promise<{ origin: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createHttpServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
    res.writeHead(200, {
      "Content-Type": "application/json",
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Headers": "*",
    });
    res.end("{}");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

/** Every request the page (and its workers and frames) makes, by origin. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  return urls;
}

const foreign = (urls: string[], own: string) =>
  urls.filter((url) => !url.startsWith(own) && !url.startsWith("data:") && !url.startsWith("blob:"));

describe("hostile addresses (local mode)", () => {
  let app: RunningApp;
  let browser: Browser;
  let decoy: Awaited<ReturnType<typeof startDecoy>>;

  beforeAll(async () => {
    [app, browser, decoy] = await Promise.all([startApp(), launchBrowser(), startDecoy()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((done) => decoy?.server.close(done));
  });

  async function open(
    query: Record<string, string>,
    viewport?: { width: number; height: number },
  ): Promise<{ page: Page; urls: string[]; context: BrowserContext }> {
    const { context, page } = await openAs(browser, app, "edi.lead@wres.test", { query, viewport });
    return { page, urls: recordRequests(context), context };
  }

  it("refuses a ?site= on another origin with a clear message, and nothing (no token) reaches that server", async () => {
    const own = app.url.replace(/\/$/, "");
    const sites = [
      `${decoy.origin}/sites/wres`,
      `${decoy.origin.replace("127.0.0.1", "localhost")}/sites/wres`,
      `http://edi.lead%40wres.test:x@${decoy.origin.slice("http://".length)}/sites/wres`,
      `//${decoy.origin.slice("http://".length)}/sites/wres`,
      "javascript:fetch('/x')",
      `${own}/sites/${"w".repeat(6_000)}`,
    ];
    for (const [i, site] of sites.entries()) {
      const { context, page } = await openAs(browser, app, "edi.lead@wres.test", { query: { site } });
      const urls = recordRequests(context);
      await page.reload();
      await expect.poll(() => page.getByRole("alert").textContent(), { timeout: 60_000 }).toMatch(REFUSAL);
      await expect.poll(() => page.getByText("The plan could not be loaded").isVisible()).toBe(true);
      // Nothing was asked of SharePoint at all: the refusal comes before any connection.
      expect(
        urls.filter((url) => url.includes("/_api/")),
        site,
      ).toEqual([]);
      expect(foreign(urls, own), site).toEqual([]);
      if (i === 0) await screenshot(page, "hostile-site-refused");
      await context.close();
    }
    expect(decoy.hits).toEqual([]);
  });

  it("offers the configuration page for another site after refusing one, and refuses a foreign one typed there", async () => {
    const own = app.url.replace(/\/$/, "");
    const { page, urls, context } = await open({ site: `${decoy.origin}/sites/wres`, view: "config" });
    await page.reload();
    const box = page.getByRole("textbox").first();
    await box.fill(`${decoy.origin}/sites/other`);
    await page.getByRole("button", { name: /check/i }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent(), { timeout: 60_000 }).toMatch(REFUSAL);
    expect(foreign(urls, own)).toEqual([]);
    expect(decoy.hits).toEqual([]);
    await context.close();
  });

  it("keeps hostile ?action=, ?year=, ?since= and ?view= values harmless: the plan still opens, nothing leaves", async () => {
    const own = app.url.replace(/\/$/, "");
    const queries: Record<string, string>[] = [
      { action: `${decoy.origin}/x` },
      { action: "1e9999" },
      { action: "<img src=x onerror=alert(1)>" },
      { year: "2024/25' or 1 eq 1" },
      { year: "9".repeat(6_000) },
      { view: "sidepanel", since: `${decoy.origin}/<script>` },
      { view: "stage", since: "2026-13-45" },
    ];
    const { context, page } = await openAs(browser, app, "edi.lead@wres.test");
    const urls = recordRequests(context);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const query of queries) {
      await page.goto(`${app.url}?${new URLSearchParams({ as: "edi.lead@wres.test", ...query })}`);
      // The demo plan (or the meeting view of it) opens as if the bad value were not there.
      await expect
        .poll(async () => (await page.locator("body").textContent()) ?? "", { timeout: 90_000 })
        .toMatch(/2024\/25/);
      expect(
        await page.evaluate(
          () =>
            (window as unknown as { polluted?: unknown }).polluted === undefined &&
            !document.querySelector("img[src=x]"),
        ),
      ).toBe(true);
    }
    expect(dialogs).toEqual([]);
    expect(foreign(urls, own)).toEqual([]);
    await context.close();
    expect(decoy.hits).toEqual([]);
  });
});

describe("hostile addresses (tenant mode)", () => {
  const SHAREPOINT = "https://contoso.sharepoint.com";
  let server: ViteDevServer;
  let browser: Browser;
  let origin: string;
  let cacheDir: string;

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), "wres-vite-tenant-"));
    process.env.WRES_LOCALSP_DATA = join(cacheDir, "localsp");
    process.env.WRES_LOCALSP_SEED = "none";
    const saved = { ...process.env };
    Object.assign(process.env, {
      VITE_WRES_MODE: "tenant",
      VITE_WRES_CLIENT_ID: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      VITE_WRES_TENANT_ID: "11111111-2222-4333-8444-555555555555",
      VITE_WRES_SHAREPOINT_ORIGIN: SHAREPOINT,
    });
    server = await createServer({
      configFile: resolve("vite.config.ts"),
      logLevel: "error",
      cacheDir,
      server: { port: 0, host: "127.0.0.1", strictPort: false, hmr: false },
    });
    await server.listen();
    for (const key of ["VITE_WRES_MODE", "VITE_WRES_CLIENT_ID", "VITE_WRES_TENANT_ID", "VITE_WRES_SHAREPOINT_ORIGIN"]) {
      if (saved[key] === undefined) delete process.env[key];
    }
    const address = server.httpServer?.address() as AddressInfo;
    origin = `http://127.0.0.1:${address.port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it("never asks Entra for a token for, nor sends a request to, a site outside the configured SharePoint origin", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    context.setDefaultNavigationTimeout(180_000);
    const outside: string[] = [];
    // No network here: everything off the tab's own origin is answered locally and written down.
    await context.route(
      (url) => !url.href.startsWith(origin),
      async (route) => {
        outside.push(route.request().url());
        await route.fulfill({ status: 404, body: "" });
      },
    );
    const page = await context.newPage();
    await page.goto(`${origin}/?site=${encodeURIComponent("https://evil.example/sites/wres")}`);
    await expect.poll(() => page.getByRole("alert").textContent(), { timeout: 90_000 }).toMatch(REFUSAL);
    expect(outside.filter((url) => url.includes("evil.example"))).toEqual([]);
    expect(outside.filter((url) => decodeURIComponent(url).includes("evil"))).toEqual([]);
    await context.close();
  });
});
