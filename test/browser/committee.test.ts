// What a committee sees (issue 19): the meeting side panel at 320 px with every objective and its
// status, nothing listed twice, and every objective and action in it opening in the tab; the stage
// at 1280x720 with every objective of an eight-objective plan in view before anyone scrolls, then
// the headline indicators, then the changes, whose "and N more" opens the report; RAG pills inside
// their boxes in English and Welsh. Screenshots in the three themes and at 320 px.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import type { Objective, Rag } from "../../src/plan/types";
import {
  SCREENSHOT_DIR,
  SIDE_PANEL,
  THEMES,
  runAxe,
  screenshot,
  type RunningApp,
  type Theme,
  people,
  storeAs,
  openSession,
  closeSession,
} from "../support/browser";

const LEAD = "edi.lead@wres.test";
const COMMITTEE = "committee@wres.test";
const STAGE = { width: 1280, height: 720 };
/** A plan year of its own with eight objectives (long titles, as published plans write them). */
const BIG_YEAR = "2030/31";

let app: RunningApp;
let browser: Browser;
let users: ReturnType<typeof people>;
const openAs = (
  upn: string,
  query: Record<string, string>,
  options: { theme?: Theme; viewport?: { width: number; height: number } } = {},
) => users.open(upn, { ...options, query });
const bigObjectives: Objective[] = [];

/** True when the element's box lies inside the viewport (what is seen without scrolling). */
async function inViewport(locator: Locator, viewport: { width: number; height: number }): Promise<boolean> {
  const box = await locator.boundingBox();
  return (
    box !== null &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5
  );
}

/** Every RAG pill on the page whose box spills out of its parent's box (what a tile or cell clips). */
async function clippedPills(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-rag]")].flatMap((pill) => {
      const own = pill.getBoundingClientRect();
      const out: string[] = [];
      for (let box = pill.parentElement; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (
          style.overflow === "visible" &&
          style.overflowX === "visible" &&
          box.tagName !== "LI" &&
          box.tagName !== "TD"
        )
          continue;
        const r = box.getBoundingClientRect();
        if (
          own.left < r.left - 0.5 ||
          own.right > r.right + 0.5 ||
          own.top < r.top - 0.5 ||
          own.bottom > r.bottom + 0.5
        )
          out.push(`${pill.textContent} outside ${box.tagName}.${box.className}`);
        break;
      }
      // The pill's own words must fit the pill.
      if ((pill as HTMLElement).scrollWidth > (pill as HTMLElement).clientWidth + 1)
        out.push(`${pill.textContent} cut inside its pill`);
      return out;
    }),
  );
}

beforeAll(async () => {
  ({ app, browser, users } = await openSession({ seed: "demo", viewport: SIDE_PANEL }));
  const lead = storeAs(app, LEAD);
  const me = await lead.me();
  const rags: Rag[] = ["Red", "Amber", "Green", "Blue", "Amber", "Green", "Red", "Green"];
  for (let i = 1; i <= 8; i++) {
    const objective = await lead.addObjective({
      title: `Objective ${i}: improve the experience and progression of Black, Asian and minority ethnic staff across every directorate`,
      planYear: BIG_YEAR,
      number: String(i),
      description: null,
      owner: me,
      sponsor: null,
      indicators: [],
      highImpactActions: [],
      ragOverride: null,
      ragOverrideReason: null,
    });
    bigObjectives.push(objective);
    await lead.addAction({
      objectiveId: objective.id,
      number: `${i}.1`,
      title: `Action ${i}.1`,
      leads: [me],
      leadText: null,
      dueDate: "2031-03-31",
      milestones: null,
      progress: null,
      kpis: null,
      outcomes: null,
      indicators: [],
      rag: rags[i - 1]!,
    });
  }
  const existing = await lead.indicatorResults();
  if (!existing.some((r) => r.indicator === 2)) {
    const row = { standard: "nhs-england-wres", indicator: 2 as const, detail: "{}", origin: "entered" as const };
    await lead.saveIndicatorResults([
      { ...row, year: "2023/24", value: 1.62 },
      { ...row, year: "2024/25", value: 1.31 },
      { ...row, standard: "nhs-england-wres", indicator: 1 as const, year: "2024/25", value: 14.2 },
      { ...row, standard: "nhs-england-wres", indicator: 5 as const, year: "2024/25", value: 27.5 },
      { ...row, standard: "nhs-england-wres", indicator: 9 as const, year: "2024/25", value: -8.1 },
    ]);
  }
  const page = await openAs(LEAD, { view: "sidepanel" });
  await page.getByRole("heading", { name: /^Committee view/ }).waitFor({ timeout: 120_000 });
  await page.close();
});

afterAll(() => closeSession({ app, browser, users }));

describe("the committee side panel at 320 px", () => {
  it("lists every objective with its status, lists overdue actions once, and opens what it mentions", async () => {
    const { objectives } = await storeAs(app, COMMITTEE).loadPlan("2024/25");
    const page = await openAs(COMMITTEE, { view: "sidepanel", since: "2024-04-01", year: "2024/25" });
    const list = page.getByTestId("panel-objectives");
    await list.waitFor();
    await page.getByRole("heading", { name: "Objectives" }).waitFor();
    const items = list.getByTestId("panel-objective");
    expect(await items.count()).toBe(objectives.length);
    for (const objective of objectives) {
      const item = items.filter({ hasText: `${objective.number}. ${objective.title}` });
      expect(await item.count(), objective.title).toBe(1);
      // Its status in words, seen.
      expect(await item.locator("[data-rag]").first().isVisible()).toBe(true);
      expect(await item.innerText()).toMatch(
        /(Red: off track|Amber: at risk|Green: on track|Blue: complete|Not started)/,
      );
      expect(await item.innerText()).toMatch(/\d+ of \d+ complete/);
    }
    // The counts say what they count.
    await page.getByRole("heading", { name: "Actions by RAG" }).waitFor();
    // Overdue actions are listed once: no separate "Newly overdue" list beside them.
    await page.getByRole("heading", { name: /^Overdue actions/ }).waitFor();
    expect(await page.getByText(/^Newly overdue/).count()).toBe(0);
    // Nothing scrolls sideways at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDE_PANEL.width);

    // An objective opens in the tab, at that objective.
    const first = [...objectives].sort((a, b) => Number(a.number) - Number(b.number))[0]!;
    const [opened] = await Promise.all([
      page.context().waitForEvent("page"),
      items.filter({ hasText: first.title }).getByRole("link").click(),
    ]);
    await opened
      .getByRole("heading", { name: new RegExp(first.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })
      .first()
      .waitFor();
    expect(new URL(opened.url()).searchParams.get("objective")).toBe(String(first.id));
    expect(new URL(opened.url()).searchParams.get("view")).toBeNull();
    await opened.close();

    // An overdue action opens at that action.
    const overdueLink = page.getByTestId("overdue-list").getByRole("link").first();
    const name = await overdueLink.innerText();
    const [action] = await Promise.all([page.context().waitForEvent("page"), overdueLink.click()]);
    await action.getByRole("dialog", { name }).waitFor();
    await action.close();

    // Every mention of an action among the changes is a link too.
    const moves = page.getByTestId("rag-move");
    expect(await moves.count()).toBeGreaterThan(0);
    for (const move of await moves.all()) expect(await move.getByRole("link").count()).toBe(1);
    await page.close();
  });

  it("reads in every theme at 320 px, with no axe violations", async () => {
    for (const theme of THEMES) {
      const page = await openAs(COMMITTEE, { view: "sidepanel", since: "2024-04-01", year: "2024/25" }, { theme });
      await page.getByTestId("panel-objectives").waitFor();
      const violations = await runAxe(page);
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      expect(await clippedPills(page)).toEqual([]);
      await screenshot(page, `committee-sidepanel-${theme}`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `committee-sidepanel-top-${theme}.png`) });
      await page.close();
    }
  });
});

describe("the meeting stage at 1280x720", () => {
  it("shows every objective of an eight-objective plan, with RAG and owner, before anyone scrolls; then indicators, then changes", async () => {
    const page = await openAs(LEAD, { view: "stage", since: "2024-04-01", year: BIG_YEAR }, { viewport: STAGE });
    const rows = page.getByTestId("stage-objective");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(8);
    for (const [i, objective] of bigObjectives.entries()) {
      const row = rows.nth(i);
      expect(await row.innerText()).toContain(`${objective.number}. Objective ${i + 1}`);
      for (const part of [row.locator("td").first(), row.locator("[data-rag]"), row.locator("td").nth(2)]) {
        expect(await inViewport(part, STAGE), `objective ${objective.number}`).toBe(true);
      }
      expect(await row.locator("td").nth(2).innerText()).not.toBe("");
    }
    // Then the headline indicators, then the changes.
    const objectivesTop = (await page.getByRole("heading", { name: "Objectives" }).boundingBox())!.y;
    const indicatorsTop = (await page
      .getByRole("heading", { name: "WRES indicators: headline figures" })
      .boundingBox())!.y;
    const changesTop = (await page.getByRole("heading", { name: "Since the last meeting" }).boundingBox())!.y;
    expect(objectivesTop).toBeLessThan(indicatorsTop);
    expect(indicatorsTop).toBeLessThan(changesTop);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `committee-stage-720-default.png`) });
    await page.close();
  });

  it("on the seeded plan: 'and N more' opens the report, pills fit their boxes in English and Welsh, every theme", async () => {
    for (const lang of ["en", "cy"]) {
      for (const theme of THEMES) {
        const page = await openAs(
          LEAD,
          { view: "stage", since: "2024-04-01", year: "2024/25", lang },
          { theme, viewport: STAGE },
        );
        await page.getByTestId("headline-2").waitFor();
        await page.getByTestId("stage-objective").first().waitFor();
        for (const row of await page.getByTestId("stage-objective").all())
          expect(await inViewport(row.locator("[data-rag]"), STAGE)).toBe(true);
        expect(await clippedPills(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(STAGE.width);
        // Dates in the page's language, Welsh too (this Chromium has no Welsh calendar data: "1 Apr 2024" before).
        await page
          .getByText(lang === "cy" ? "Newidiadau ers 1 Ebr 2024" : "Changes since 1 Apr 2024", { exact: true })
          .first()
          .waitFor();
        await page.screenshot({ path: join(SCREENSHOT_DIR, `committee-stage-720-${lang}-${theme}.png`) });
        await screenshot(page, `committee-stage-${lang}-${theme}`);
        if (lang === "en" && theme === "default") {
          const more = page.getByRole("link", { name: /^and \d+ more in the report$/ }).first();
          const [report] = await Promise.all([page.context().waitForEvent("page"), more.click()]);
          await report.getByRole("heading", { name: "WRES action plan 2024/25: committee report" }).waitFor();
          expect(new URL(report.url()).searchParams.get("since")).toBe("2024-04-01");
          await report.close();
        }
        await page.close();
      }
    }
  });
});
