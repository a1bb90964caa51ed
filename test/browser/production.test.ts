// The production build, served the way an organisation hosts it (static files over HTTP with the
// headers from src/packaging/hosting-headers.ts, which docs/deployment.md prints), renders standalone against the local SharePoint stand-in.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEMO_PLAN, DEMO_PLAN_YEAR } from "../../src/demo/plan";
import { startLocalSharePoint } from "../../src/localsp/server";
import { BUDGETS, measure } from "../../src/packaging/bundle-size";
import { hostingHeaders } from "../../src/packaging/hosting-headers";
import { DESKTOP, launchBrowser, openAs, screenshot, type RunningApp } from "../support/browser";
import { closeServer, serveFile, SHAREPOINT_PATHS } from "../support/built-app";

interface ProductionSite extends RunningApp {
  sharePointRequests: string[];
  /** A page on another origin that shows the tab in a frame. */
  hostUrl: string;
}

/**
 * A static host for `distDir` that forwards SharePoint paths to the local SharePoint server, so the
 * tab finds its site at its own origin (as in the local demo). Only SharePoint's own requests cross.
 */
async function serveProduction(distDir: string): Promise<ProductionSite> {
  const dataDir = mkdtempSync(join(tmpdir(), "wres-production-"));
  const sharePoint = await startLocalSharePoint({ dataDir, seed: "demo" });
  const upstream = new URL(sharePoint.url);
  const sharePointRequests: string[] = [];
  // The framing host's origin, allowed by frame-ancestors in place of the tenant's SharePoint (set once it listens).
  let hostOrigin = "http://127.0.0.1:1";
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    if (SHAREPOINT_PATHS.test(path)) {
      sharePointRequests.push(`${req.method} ${path}`);
      // The Host header stays the static site's, so SharePoint's absolute links point back here.
      const forward = request(
        { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(forward);
      return;
    }
    serveFile(distDir, path, res, hostingHeaders(path === "/" ? "/index.html" : path, hostOrigin));
  });
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  const { port } = server.address() as AddressInfo;
  // Another origin (another port) playing a Microsoft 365 host or a SharePoint page that frames the tab.
  const host: Server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><title>host</title><iframe title="tab" style="width:1000px;height:700px" src="http://127.0.0.1:${port}/?as=edi.lead%40wres.test"></iframe>`,
    );
  });
  await new Promise<void>((resolveListen) => host.listen(0, "127.0.0.1", resolveListen));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  return {
    url: `http://127.0.0.1:${port}/`,
    hostUrl: `${hostOrigin}/`,
    dataDir,
    sharePointRequests,
    async close() {
      for (const running of [server, host]) await closeServer(running);
      await sharePoint.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe("production build", () => {
  let distDir: string;
  let site: ProductionSite;
  let browser: Browser;

  beforeAll(async () => {
    distDir = inject("appDist");
    site = await serveProduction(distDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("keeps each page's initial JavaScript within its gzip budget", () => {
    const sizes = measure(distDir);
    expect(sizes.map((size) => size.page).sort()).toEqual(Object.keys(BUDGETS).sort());
    for (const size of sizes) {
      console.log(
        `${size.page}: initial JS ${(size.gzipBytes / 1024).toFixed(1)} KB gzip in ${size.files.length} files (budget ${(size.budget / 1024).toFixed(0)} KB)`,
      );
      expect(size.gzipBytes, `${size.page} initial JS`).toBeLessThanOrEqual(size.budget);
    }
    // The MSAL library stays out of the tab's first download: it is loaded only for a tenant sign-in
    // ("msal.js.browser" is the library's own SKU string, in none of our code).
    const indexFiles = sizes.find((size) => size.page === "index.html")!.files;
    const initialCode = indexFiles.map((file) => readFileSync(join(distDir, file), "utf8"));
    expect(initialCode.filter((code) => code.includes("msal.js.browser"))).toHaveLength(0);
  });

  it("renders the tab standalone from the static files and reads the plan from the SharePoint stand-in", async () => {
    const pageErrors: string[] = [];
    const { context, page } = await openAs(browser, site, "edi.lead@wres.test");
    page.on("pageerror", (error) => pageErrors.push(error.message));
    try {
      await page.waitForFunction(
        () => (document.getElementById("root")?.textContent ?? "").trim().length > 0,
        undefined,
        { timeout: 30_000 },
      );
      // The plan itself, read from SharePoint: its year in the heading and every seeded objective in view, no error.
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).first().textContent(), { timeout: 30_000 })
        .toContain(DEMO_PLAN_YEAR);
      for (const objective of DEMO_PLAN) {
        await expect
          .poll(() => page.getByRole("heading", { level: 3, name: objective.title }).first().isVisible(), {
            timeout: 30_000,
          })
          .toBe(true);
      }
      expect(await page.getByRole("alert").count()).toBe(0);
      expect(site.sharePointRequests.filter((request) => request.includes("/_api/")).length).toBeGreaterThan(0);
      await page.waitForLoadState("networkidle");
      await screenshot(page, "production-standalone");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-GB");
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("downloads the objective and action screens on demand: a failed download says so and Try again fetches it", async () => {
    // Only the overview is in the first download. With the objective screen's chunk unreachable, opening an
    // objective shows a translated message with Try again (not a blank tab); once reachable, Try again opens it.
    const context = await browser.newContext({ viewport: DESKTOP, locale: "en-GB" });
    let blocked = true;
    const refused: string[] = [];
    await context.route(/\/assets\/ObjectiveDetail-[\w-]+\.js$/, (route) => {
      if (!blocked) return route.continue();
      refused.push(route.request().url());
      return route.abort("internetdisconnected");
    });
    try {
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.goto(`${site.url}?as=edi.lead%40wres.test`);
      const open = page.getByRole("article").first().getByRole("heading", { level: 3 }).getByRole("button");
      await open.waitFor({ timeout: 60_000 });
      const cardText = (await open.textContent()) ?? "";
      const title = DEMO_PLAN.find((objective) => cardText.includes(objective.title))!.title;
      await open.focus();
      await page.keyboard.press("Enter");
      const alert = page.getByRole("alert");
      await expect
        .poll(() => alert.textContent(), { timeout: 30_000 })
        .toContain("This part of the tab did not download");
      expect(refused.length).toBeGreaterThan(0);
      // The rest of the tab is still there: its heading and the plan views' tabs.
      expect(await page.getByRole("tab", { name: "Overview" }).isVisible()).toBe(true);
      await screenshot(page, "production-lazy-failed");
      blocked = false;
      await page.getByRole("button", { name: "Try again" }).click();
      await expect
        .poll(() => page.getByRole("heading", { level: 2 }).filter({ hasText: title }).count(), { timeout: 30_000 })
        .toBe(1);
      expect(await alert.count()).toBe(0);
      // From the keyboard, an action opens in its panel (another lazily loaded screen) and focus moves into it.
      const action = page.locator("[data-action-id]").first();
      await action.focus();
      await page.keyboard.press("Enter");
      const panel = page.getByRole("dialog");
      await panel.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => panel.evaluate((node) => node.contains(document.activeElement)), { timeout: 10_000 })
        .toBe(true);
      await screenshot(page, "production-lazy-panel");
      // Escape closes it, as it did when the panel was in the first download.
      await page.keyboard.press("Escape");
      await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("measures the first render of the seeded demo plan (reported, not timed)", async () => {
    // From navigation start to every objective card of the demo plan on screen, cold (new context,
    // empty cache) and warm (same context again). Printed for the README and the closing note.
    const context = await browser.newContext({ viewport: DESKTOP, locale: "en-GB" });
    await context.addInitScript(() => {
      const seen = () => {
        if (document.querySelectorAll('[role="article"] h3').length >= 5) {
          (window as unknown as { firstRenderMs: number }).firstRenderMs = performance.now();
          return true;
        }
        return false;
      };
      const observer = new MutationObserver(() => seen() && observer.disconnect());
      observer.observe(document, { childList: true, subtree: true });
    });
    try {
      const page = await context.newPage();
      const timings: number[] = [];
      for (const pass of ["cold", "warm"]) {
        await page.goto(`${site.url}?as=edi.lead%40wres.test`);
        await page.waitForFunction(
          () => typeof (window as unknown as { firstRenderMs?: number }).firstRenderMs === "number",
          undefined,
          { timeout: 60_000 },
        );
        const ms = await page.evaluate(() => (window as unknown as { firstRenderMs: number }).firstRenderMs);
        timings.push(ms);
        console.log(
          `first render of the demo plan (${pass}): ${ms.toFixed(0)} ms from navigation start to all 5 objective cards`,
        );
      }
      expect(await page.locator('[role="article"] h3').count()).toBe(5);
      expect(timings.every((ms) => ms > 0)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("serves the MSAL redirect bridge page, which runs and explains itself when opened directly", async () => {
    const response = await fetch(`${site.url}auth-redirect.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("cross-origin-opener-policy")).toBeNull();
    // MSAL's silent sign-in loads this page in a hidden iframe inside the (framed) tab: it must
    // accept the same ancestors as the tab, or silent sign-in fails wherever nested app auth is absent.
    const csp = response.headers.get("content-security-policy") ?? "";
    for (const host of ["https://teams.microsoft.com", "https://*.cloud.microsoft", "https://*.office.com"])
      expect(csp).toContain(host);

    const { context, page } = await openAs(browser, site, "edi.lead@wres.test", { path: "auth-redirect.html" });
    try {
      await page.waitForFunction(
        () => /could not be completed/.test(document.getElementById("status")?.textContent ?? ""),
        undefined,
        { timeout: 15_000 },
      );
    } finally {
      await context.close();
    }
  });

  it("lets the framed tab load the bridge page in a hidden iframe, as MSAL's silent sign-in does without nested app authentication", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "en-GB" });
    const blocked: string[] = [];
    try {
      const page = await context.newPage();
      page.on("console", (message) => {
        if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
      });
      await page.goto(site.hostUrl);
      await expect.poll(() => page.frames().some((f) => f.url().startsWith(site.url)), { timeout: 30_000 }).toBe(true);
      const tab = page.frames().find((f) => f.url().startsWith(site.url))!;
      // The tab itself renders in the cross-origin frame (its frame-ancestors allow the host).
      await tab.waitForFunction(
        () => (document.getElementById("root")?.textContent ?? "").trim().length > 0,
        undefined,
        { timeout: 30_000 },
      );
      // What MSAL does for a silent sign-in: a hidden iframe on the redirect URI inside the tab's page.
      const bridgeRan = await tab.evaluate(
        () =>
          new Promise<boolean>((resolveLoad) => {
            const frame = document.createElement("iframe");
            frame.style.display = "none";
            frame.src = "/auth-redirect.html";
            frame.onload = () => {
              // A page blocked by frame-ancestors is replaced by an error page of another origin.
              setTimeout(() => {
                try {
                  resolveLoad(Boolean(frame.contentDocument?.getElementById("status")));
                } catch {
                  resolveLoad(false);
                }
              }, 500);
            };
            document.body.appendChild(frame);
          }),
      );
      expect(blocked).toEqual([]);
      expect(bridgeRan).toBe(true);
    } finally {
      await context.close();
    }
  });
});
