// The committee views in Chromium against the dev server and the seeded local SharePoint site:
// the meeting side panel at 320 px (changes since a date after someone else's update, the date
// remembered, share-to-stage only when the host allows it), the stage at 1920x1080 with the
// indicators' headline figures, axe-core and screenshots in the three themes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { PlanStore } from "../../src/sharepoint/types";
import { join } from "node:path";
import {
  SCREENSHOT_DIR,
  SIDE_PANEL,
  THEMES,
  screenshot,
  type RunningApp,
  type Theme,
  people,
  storeAs,
  expectNoAxeViolations,
  openSession,
  closeSession,
} from "../support/browser";

const LEAD = "edi.lead@wres.test";
const AMARA = "amara.okafor@wres.test";
const STAGE = { width: 1920, height: 1080 };

let app: RunningApp;
let browser: Browser;
let users: ReturnType<typeof people>;
const openAs = (
  upn: string,
  query: Record<string, string>,
  options: { theme?: Theme; viewport?: { width: number; height: number } } = {},
) => users.open(upn, { ...options, query });

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const today = isoDay(new Date());

beforeAll(async () => {
  ({ app, browser, users } = await openSession({ seed: "demo", viewport: SIDE_PANEL }));
  const page = await openAs(LEAD, { view: "sidepanel" });
  await page.getByRole("heading", { name: /^Committee view/ }).waitFor({ timeout: 120_000 });
  await page.close();
});

afterAll(() => closeSession({ app, browser, users }));

describe("the meeting side panel at 320 px", () => {
  it("shows an update made in another context among the changes since the chosen date", async () => {
    // Amara, elsewhere, moves one of her actions and writes a note.
    const amara = storeAs(app, AMARA);
    const [year] = await amara.planYears();
    const snapshot = await amara.loadPlan(year!);
    const mine = snapshot.actions.find(
      (a) => a.leads.some((p) => p.email?.toLowerCase() === AMARA) && a.rag !== "Blue" && a.rag !== "Red",
    );
    expect(mine).toBeDefined();
    const note = `Committee test note ${Date.now()}`;
    await amara.updateProgress(mine!.id, mine!.etag, { rag: "Red", note });

    const page = await openAs(LEAD, { view: "sidepanel", since: today });
    await page.getByRole("heading", { name: /^Changes since/ }).waitFor();
    await expect.poll(() => page.getByText(note).count()).toBe(1);
    const move = page.getByTestId("rag-move").filter({ hasText: mine!.title });
    expect(await move.count()).toBe(1);
    expect(await move.locator("[data-rag]").evaluateAll((els) => els.map((e) => e.getAttribute("data-rag")))).toEqual([
      mine!.rag,
      "Red",
    ]);
    // No horizontal scrolling at side-panel width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDE_PANEL.width);

    // A date after the update: the note is no longer among the changes.
    // Typed day first, as the field shows dates, and committed on leaving the field, as a person does.
    const [y, m, d] = isoDay(new Date(Date.now() + 86_400_000)).split("-");
    const tomorrow = `${d}/${m}/${y}`;
    await page.getByLabel("Date of the last meeting").fill(tomorrow);
    await page.getByLabel("Date of the last meeting").press("Tab");
    await expect.poll(() => page.getByText(note).count()).toBe(0);
    await page.close();

    // Remembered for this meeting (standalone: this browser) when the address names no date.
    const again = await openAs(LEAD, { view: "sidepanel" });
    await again.getByRole("heading", { name: /^Changes since/ }).waitFor();
    await expect.poll(() => again.getByLabel("Date of the last meeting").inputValue()).toBe(tomorrow);
    await again.close();
  });

  it("offers Share to stage only when the host says sharing is possible", async () => {
    const without = await openAs(LEAD, { view: "sidepanel" });
    await without.getByRole("heading", { name: /^Changes since/ }).waitFor();
    expect(await without.getByRole("button", { name: "Share to stage" }).count()).toBe(0);
    await without.close();

    const page = await openAs(LEAD, { view: "sidepanel", canShare: "1", since: "2024-04-01" });
    const share = page.getByRole("button", { name: "Share to stage" });
    await share.waitFor();
    // Standalone, sharing opens the stage view (with the same period) in a new window.
    const [stage] = await Promise.all([page.context().waitForEvent("page"), share.click()]);
    await stage.waitForLoadState();
    const url = new URL(stage.url());
    expect(url.searchParams.get("view")).toBe("stage");
    expect(url.searchParams.get("since")).toBe("2024-04-01");
    expect(url.searchParams.get("canShare")).toBeNull();
    await stage.close();
    await page.close();
  });

  it("passes axe and is screenshotted in each theme", async () => {
    for (const theme of THEMES) {
      const page = await openAs(LEAD, { view: "sidepanel", canShare: "1", since: "2024-04-01" }, { theme });
      await page.getByRole("heading", { name: /^Overdue actions/ }).waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `meeting-sidepanel-${theme}`);
      // What the panel shows before scrolling, at its real size.
      await page.screenshot({ path: join(SCREENSHOT_DIR, `meeting-sidepanel-top-${theme}.png`) });
      await page.close();
    }
  });
});

/**
 * The stage's plan summary against the plan as SharePoint holds it, worked out here: each objective's
 * line (number and title, roll-up RAG, owner, "n of m complete") in plan order, and the action counts
 * by RAG and overdue.
 */
async function expectStageSummary(page: Page, store: PlanStore, year: string) {
  const plan = await store.loadPlan(year);
  const byNumber = (a: { number: string }, b: { number: string }) =>
    a.number.localeCompare(b.number, "en", { numeric: true });
  const rollUp = (objective: (typeof plan.objectives)[number]): string => {
    if (objective.ragOverride && objective.ragOverrideReason?.trim()) return objective.ragOverride;
    const own = plan.actions.filter((a) => a.objectiveId === objective.id);
    if (own.length === 0) return "none";
    const open = own.map((a) => a.rag).filter((rag) => rag !== "Blue");
    return open.length === 0 ? "Blue" : open.includes("Red") ? "Red" : open.includes("Amber") ? "Amber" : "Green";
  };
  const expected = [...plan.objectives].sort(byNumber).map((o) => {
    const own = plan.actions.filter((a) => a.objectiveId === o.id);
    return [
      `${o.number}. ${o.title}`,
      rollUp(o),
      o.owner?.title ?? "Not set",
      `${own.filter((a) => a.rag === "Blue").length} of ${own.length} complete`,
    ];
  });
  expect(expected.length).toBeGreaterThanOrEqual(5);
  const rows = page.getByTestId("stage-objective");
  await expect.poll(() => rows.count()).toBe(expected.length);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = Array.from(tr.querySelectorAll("td"));
      return [
        cells[0]!.textContent ?? "",
        cells[1]!.querySelector("[data-rag]")?.getAttribute("data-rag") ?? "",
        cells[2]!.textContent ?? "",
        cells[3]!.textContent ?? "",
      ];
    }),
  );
  expect(shown).toEqual(expected);

  const day = new Date().toISOString().slice(0, 10);
  for (const rag of ["Red", "Amber", "Green", "Blue"]) {
    const count = plan.actions.filter((a) => a.rag === rag).length;
    const tile = page.getByTestId(`stage-count-${rag}`);
    expect(await tile.locator("[data-rag]").getAttribute("data-rag"), rag).toBe(rag);
    expect(await tile.innerText(), rag).toMatch(new RegExp(`\\b${count}$`));
  }
  expect(plan.actions.some((a) => a.rag === "Red") && plan.actions.some((a) => a.rag === "Blue")).toBe(true);
  const overdue = plan.actions.filter(
    (a) => a.rag !== "Blue" && a.dueDate !== null && a.dueDate.slice(0, 10) < day,
  ).length;
  expect(overdue).toBeGreaterThan(0);
  expect(await page.getByTestId("stage-count-overdue").innerText()).toMatch(new RegExp(`^Overdue\\s+${overdue}$`));
}

describe("the meeting stage at 1920x1080", () => {
  it("renders the RAG summary, objectives and the indicators' headline figures with trends", async () => {
    const lead = storeAs(app, LEAD);
    const [year] = await lead.planYears();
    const existing = await lead.indicatorResults();
    if (!existing.some((r) => r.indicator === 2)) {
      const row = { standard: "nhs-england-wres", indicator: 2 as const, detail: "{}", origin: "entered" as const };
      await lead.saveIndicatorResults([
        { ...row, year: "2023/24", value: 1.62 },
        { ...row, year: year!, value: 1.31 },
      ]);
    }
    for (const theme of THEMES) {
      const page = await openAs(LEAD, { view: "stage", since: "2024-04-01" }, { theme, viewport: STAGE });
      await page.getByRole("heading", { name: "WRES indicators: headline figures" }).waitFor();
      const figure = page.getByTestId("headline-2");
      await figure.waitFor();
      expect(await figure.innerText()).toContain("1.31");
      expect(await figure.locator("[data-trend]").getAttribute("data-trend")).toBe("improved");
      expect(await page.getByRole("heading", { name: "Objectives" }).count()).toBe(1);
      await expectStageSummary(page, lead, year!);
      // Large type for a room: body text at least 20 px.
      expect(
        await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main")!).fontSize)),
      ).toBeGreaterThanOrEqual(20);
      await expectNoAxeViolations(page);
      await screenshot(page, `meeting-stage-${theme}`);
      // What the room sees on a 1080p stage before anyone scrolls.
      await page.screenshot({ path: join(SCREENSHOT_DIR, `meeting-stage-screen-${theme}.png`) });
      await page.close();
    }
  });
});
