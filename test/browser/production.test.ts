// The production build, served the way an organisation hosts it (static files over HTTP with the
// headers from manifest/DEPLOYMENT.md), renders standalone against the local SharePoint stand-in.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEMO_PLAN, DEMO_PLAN_YEAR } from "../../src/localsp/demo-plan";
import { startLocalSharePoint } from "../../src/localsp/server";
import { BUDGETS, measure } from "../../src/packaging/bundle-size";
import { DESKTOP, launchBrowser, openAs, screenshot, type RunningApp } from "../support/browser";

const repo = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

/** The hosting headers DEPLOYMENT.md asks for. */
function headersFor(path: string): Record<string, string> {
  const frameAncestors = "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.microsoft365.com https://*.office.com";
  if (path === "/auth-redirect.html") return { "Cache-Control": "no-store", "Content-Security-Policy": "frame-ancestors 'self'" };
  if (path.startsWith("/assets/")) return { "Cache-Control": "public, max-age=31536000, immutable" };
  return { "Cache-Control": "no-cache", "Content-Security-Policy": frameAncestors };
}

interface ProductionSite extends RunningApp {
  sharePointRequests: string[];
}

/** Paths the SharePoint stand-in answers (as mounted by the dev server's plugin). */
const SHAREPOINT_PATHS = /^\/(sites\/|_api(\/|$)|_vti_bin\/|_localsp(\/|$))/i;

/**
 * A static host for `distDir` that forwards SharePoint paths to the local SharePoint server, so the
 * tab finds its site at its own origin (as in the local demo). Only SharePoint's own requests cross.
 */
async function serveProduction(distDir: string): Promise<ProductionSite> {
  const dataDir = mkdtempSync(join(tmpdir(), "wres-production-"));
  const sharePoint = await startLocalSharePoint({ dataDir, seed: "demo" });
  const upstream = new URL(sharePoint.url);
  const sharePointRequests: string[] = [];
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
    const file = normalize(join(distDir, path === "/" ? "index.html" : path));
    if (!file.startsWith(distDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error("not a file");
      res.writeHead(200, { "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream", ...headersFor(path === "/" ? "/index.html" : path) });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    }
  });
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dataDir,
    sharePointRequests,
    async close() {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
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
    distDir = mkdtempSync(join(tmpdir(), "wres-dist-"));
    // Local mode (no VITE_WRES_* variables): the build a demo or this test serves. Vitest's own
    // NODE_ENV=test would make Vite bundle React's development build, so the child gets production.
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITE_WRES_") && !key.startsWith("VITEST") && key !== "NODE_ENV")),
      NODE_ENV: "production",
    };
    await run(process.execPath, [resolve(repo, "node_modules/vite/bin/vite.js"), "build", "--outDir", distDir, "--emptyOutDir", "--logLevel", "error"], {
      cwd: repo,
      env,
    });
    site = await serveProduction(distDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it("keeps each page's initial JavaScript within its gzip budget", () => {
    const sizes = measure(distDir);
    expect(sizes.map((size) => size.page).sort()).toEqual(Object.keys(BUDGETS).sort());
    for (const size of sizes) {
      console.log(`${size.page}: initial JS ${(size.gzipBytes / 1024).toFixed(1)} KB gzip in ${size.files.length} files (budget ${(size.budget / 1024).toFixed(0)} KB)`);
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
      await page.waitForFunction(() => (document.getElementById("root")?.textContent ?? "").trim().length > 0, undefined, { timeout: 30_000 });
      // The plan itself, read from SharePoint: its year in the heading and every seeded objective in view, no error.
      await expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent(), { timeout: 30_000 }).toContain(DEMO_PLAN_YEAR);
      for (const objective of DEMO_PLAN) {
        await expect.poll(() => page.getByRole("heading", { level: 3, name: objective.title }).first().isVisible(), { timeout: 30_000 }).toBe(true);
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
        await page.waitForFunction(() => typeof (window as unknown as { firstRenderMs?: number }).firstRenderMs === "number", undefined, { timeout: 60_000 });
        const ms = await page.evaluate(() => (window as unknown as { firstRenderMs: number }).firstRenderMs);
        timings.push(ms);
        console.log(`first render of the demo plan (${pass}): ${ms.toFixed(0)} ms from navigation start to all 5 objective cards`);
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

    const { context, page } = await openAs(browser, site, "edi.lead@wres.test", { path: "auth-redirect.html" });
    try {
      await page.waitForFunction(() => /could not be completed/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 15_000 });
    } finally {
      await context.close();
    }
  });
});
