// Browser tests: the real tab, its production build served with the local SharePoint server
// mounted at the same origin (as `npm start` mounts it), driven by playwright-core in Debian's Chromium.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { requestListener, seededHandler } from "../../src/localsp/server";
import { createPlanStore, createSp } from "../../src/sharepoint";
import type { PlanStore } from "../../src/sharepoint/types";
import { closeServer, serveBuild } from "./built-app";

export const SCREENSHOT_DIR = resolve("test-results/screenshots");

export const THEMES = ["default", "dark", "contrast"] as const;
export type Theme = (typeof THEMES)[number];

/** The meeting side panel is 280-320 px wide; we test at its widest common size. */
export const SIDE_PANEL = { width: 320, height: 800 };
export const DESKTOP = { width: 1280, height: 900 };

export interface RunningApp {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Serves the run's build of the tab (see browser-global-setup.ts) on a free loopback port with a
 * fresh local SharePoint site, seeded before the first request is answered.
 */
export async function startApp(options: { seed?: "demo" | "none"; today?: string } = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "wres-browser-"));
  // The demo plan's due dates and history are relative to its seeding day: today unless fixed here.
  process.env.WRES_LOCALSP_TODAY = options.today ?? "";
  const sharePoint = await seededHandler({ dataDir, seed: options.seed ?? "demo" });
  const { url, server } = await serveBuild(inject("appDist"), requestListener(sharePoint));
  return {
    url,
    dataDir,
    async close() {
      await closeServer(server);
      sharePoint.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** A signed-in demo user in their own browser context (own storage, like a second person). */
export async function openAs(
  browser: Browser,
  app: RunningApp,
  upn: string,
  options: {
    theme?: Theme;
    viewport?: { width: number; height: number };
    query?: Record<string, string>;
    path?: string;
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, locale: "en-GB" });
  // The dev server transforms modules on first request; a cold page can take a while on a busy machine.
  context.setDefaultNavigationTimeout(180_000);
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const params = new URLSearchParams({ as: upn, theme: options.theme ?? "default", ...options.query });
  await page.goto(`${app.url}${options.path ?? ""}?${params}`);
  return { context, page };
}

type Viewport = { width: number; height: number };

/**
 * The people of one test file, each signed in in their own browser context, kept for the whole file
 * so the dev server's modules are fetched once per person (a fresh context re-fetches every module).
 */
export function people(browser: Browser, app: RunningApp, defaults: { viewport: Viewport; acceptDownloads?: boolean }) {
  const contexts = new Map<string, BrowserContext>();
  async function context(upn: string): Promise<BrowserContext> {
    let found = contexts.get(upn);
    if (!found) {
      found = await browser.newContext({
        viewport: defaults.viewport,
        locale: "en-GB",
        acceptDownloads: defaults.acceptDownloads ?? false,
      });
      found.setDefaultNavigationTimeout(180_000);
      found.setDefaultTimeout(60_000);
      contexts.set(upn, found);
    }
    return found;
  }
  return {
    context,
    /** A new page signed in as `upn`, opened at the tab's address with `query`. */
    async open(
      upn: string,
      options: { theme?: Theme; viewport?: Viewport; query?: Record<string, string> } = {},
    ): Promise<Page> {
      const page = await (await context(upn)).newPage();
      await page.setViewportSize(options.viewport ?? defaults.viewport);
      await page.goto(
        `${app.url}?${new URLSearchParams({ as: upn, theme: options.theme ?? "default", ...options.query })}`,
      );
      return page;
    },
    async closeAll(): Promise<void> {
      for (const open of contexts.values()) await open.close();
      contexts.clear();
    },
  };
}

/** The people of one test file (see `people`). */
export type People = ReturnType<typeof people>;

/** What a browser test file runs against: the app, Chromium, and the file's signed-in people. */
export interface BrowserSession {
  app: RunningApp;
  browser: Browser;
  users: People;
}

/**
 * Starts a freshly seeded app and Chromium for one test file, with its people at `viewport`
 * (desktop unless given). Close it with `closeSession` in the file's `afterAll`.
 */
export async function openSession(
  options: { seed?: "demo" | "none"; today?: string; viewport?: Viewport; acceptDownloads?: boolean } = {},
): Promise<BrowserSession> {
  const app = await startApp({ seed: options.seed, today: options.today });
  const browser = await launchBrowser();
  const users = people(browser, app, {
    viewport: options.viewport ?? DESKTOP,
    acceptDownloads: options.acceptDownloads,
  });
  return { app, browser, users };
}

/** Closes what `openSession` opened; parts a failed start never made are skipped. */
export async function closeSession(session: Partial<BrowserSession>): Promise<void> {
  await session.users?.closeAll();
  await session.browser?.close();
  await session.app?.close();
}

/** The plan's data layer signed in as `upn`, against the running app's SharePoint stand-in. */
export function storeAs(app: RunningApp, upn: string): PlanStore {
  return createPlanStore(createSp({ siteUrl: `${app.url}sites/wres`, getToken: async () => `dev:${upn}`, retries: 0 }));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the page; returns the violations. Fluent's focus
 * management (tabster) places invisible focus sentinels (`<i data-tabster-dummy tabindex=0 aria-hidden>`)
 * around modal dialogs and drawers that hand focus straight on; axe reports them as
 * aria-hidden-focus although no user can land on them, so they are excluded. The page keeps
 * reduced motion from its first axe run on.
 */
export async function runAxe(page: Page, include?: string): Promise<AxeViolation[]> {
  // Colours measured mid-animation (a dialog fading in, a toast fading out) are not the ones people
  // read. Reduced motion makes Fluent's later animations last a millisecond, so none can start while
  // axe measures; the ones already running are left to settle.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page
    .waitForFunction(
      () => document.getAnimations().every((animation) => animation.playState !== "running"),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  await page.addScriptTag({ path: resolve("node_modules/axe-core/axe.min.js") });
  return page.evaluate(async (selector) => {
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(
      { include: [selector ?? "html"], exclude: [["[data-tabster-dummy]"]] },
      {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, include ?? null);
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n  ")}`,
    )
    .join("\n");
}

/** The page (or the part of it matching `include`) passes axe's WCAG 2.2 AA rules. */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const violations = await runAxe(page, include);
  expect(violations, describeViolations(violations)).toEqual([]);
}
