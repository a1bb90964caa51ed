// The breakdown chooser in Chromium, as the plan editor uses it: run the site's demo workbooks, choose a
// breakdown of indicator 1 (ethnic group, gender, directorate) and of indicator 4, and read the right figures:
// each one shown is the count made here by plain counting over the demo workbook's staff rows (indicator 1), or
// the exact document's (indicator 4); a hidden one is the one mark "*". Save, reload, and the saved year shows
// the same breakdowns. In the three Teams themes at the meeting side panel's 320 px: nothing scrolls the page
// sideways, and axe finds nothing in the breakdowns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { generateTrust } from "../../src/demo/trust";
import { DEMO_PLAN_YEAR } from "../../src/demo/plan";
import { computeResults, type BreakdownTable, type ResultsDocument } from "../../src/indicators";
import { readWorkbooks } from "../../src/workbook";
import {
  SIDE_PANEL,
  THEMES,
  closeSession,
  describeViolations,
  openAs,
  openSession,
  runAxe,
  screenshot,
  type RunningApp,
} from "../support/browser";

const LEAD = "edi.lead@wres.test";

let app: RunningApp;
let browser: Browser;
/** Staff in post of the site's demo workbooks, counted here: "<key>|<side or group>" -> people. */
const counted = new Map<string, number>();
/** The exact results of the same workbooks (the analyst's copy), for indicator 4's counts and ratios. */
let exact: ResultsDocument;

const add = (key: string) => counted.set(key, (counted.get(key) ?? 0) + 1);
const GROUP: Record<string, string> = {
  white: "White",
  mixed: "Mixed",
  asian: "Asian",
  black: "Black",
  other: "Other",
  unknown: "Unknown",
};
const SIDE: Record<string, string> = { white: "White", bme: "BME", unknown: "Unknown" };

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo" }));
  // The workbooks the site was seeded with (src/localsp/seed-plan.ts), read here, never by the page.
  const files = generateTrust({ staff: 3000, year: DEMO_PLAN_YEAR }).files;
  const dataset = readWorkbooks(files);
  for (const s of dataset.staff) {
    const side = SIDE[s.ethnicity.group]!;
    const group = s.ethnicity.group === "bme" ? (GROUP[s.ethnicity.broad] ?? "Other") : side;
    const gender = s.gender === "Female" ? "Female" : s.gender === "Male" ? "Male" : "Gender not known";
    for (const key of ["all", `gender:${gender}`, `directorate:${s.directorate ?? "Not recorded"}`]) {
      add(`${key}|Total`);
      add(`${key}|${key === "all" ? group : side}`);
    }
  }
  exact = computeResults(dataset, { breakdowns: true });
}, 300_000);

afterAll(async () => {
  await closeSession({ app, browser });
});

async function runDemo(page: Page) {
  await page.getByRole("tab", { name: "Indicators" }).click();
  await page.getByRole("heading", { name: "Year on year" }).waitFor();
  const boxes = page.getByRole("checkbox", { name: /^Select .*\.xlsx$/ });
  await boxes.first().waitFor();
  for (const box of await boxes.all()) await box.check();
  await page.getByRole("button", { name: /^Run indicators/ }).click();
  await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 180_000 });
}

interface Line {
  row: string;
  column: string;
  figures: string[];
}

/** A breakdown table's lines: the row label (carried down its span), the group, then the figures. */
async function linesOf(page: Page, name: string): Promise<Line[]> {
  const table = page.getByRole("table", { name, exact: true });
  await table.waitFor();
  const cells = await table.evaluate((t) =>
    Array.from(t.querySelectorAll("tbody tr")).map((tr) =>
      Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? ""),
    ),
  );
  const width = Math.max(...cells.map((c) => c.length));
  // A table of one row (an ethnic breakdown of everyone) has no row column; others span it over their lines.
  const single = cells.every((c) => c.length === width);
  let row = "all";
  return cells.map((c) => {
    const first = !single && c.length === width;
    if (first) row = c[0]!;
    const rest = first ? c.slice(1) : c;
    return { row, column: rest[0]!, figures: rest.slice(1) };
  });
}

const number = (text: string) => Number(text.replace(/,/g, ""));

/**
 * Every count shown equals the one counted here (or is the hidden mark), and at least `shown` are shown.
 * `key` names the row's counts: "all" (ethnic groups), "gender:Female", "directorate:…".
 */
function expectCounts(lines: Line[], key: (row: string) => string, shown: number) {
  let seen = 0;
  for (const l of lines) {
    const text = l.figures[0]!;
    if (text === "*") continue;
    seen += 1;
    expect(number(text), `${l.row} ${l.column}`).toBe(counted.get(`${key(l.row)}|${l.column}`) ?? 0);
    // The share of the row's total, from the counts made here, where the total is shown too.
    const total = lines.find((x) => x.row === l.row && x.column === "Total")!.figures[0]!;
    if (total !== "*" && l.figures[1] !== "*")
      expect(l.figures[1], `${l.row} ${l.column} %`).toBe(
        `${((number(text) / counted.get(`${key(l.row)}|Total`)!) * 100).toFixed(1)}%`,
      );
  }
  expect(seen, "figures shown").toBeGreaterThanOrEqual(shown);
}

const choose = async (page: Page, label: string) => {
  await page.getByRole("combobox", { name: "Break down by" }).selectOption({ label });
};

describe("choosing breakdowns", () => {
  it("the plan editor runs the demo workbooks, chooses breakdowns of indicators 1 and 4 and reads the right figures, before and after saving", async () => {
    const { context, page } = await openAs(browser, app, LEAD);
    await runDemo(page);
    const breakdowns = page.getByRole("region", { name: "Breakdowns" });
    await breakdowns.waitFor();

    // Ethnic group first: every group's count, and its share of the whole workforce.
    const groups = await linesOf(page, "1 Workforce by ethnic group");
    expect(groups.map((l) => l.column)).toEqual(["White", "Mixed", "Asian", "Black", "Other", "Unknown", "Total"]);
    expectCounts(groups, () => "all", 4);
    await page.getByTestId("breakdown-chart-1").getByRole("option").first().waitFor();
    await screenshot(page, "breakdowns-1-ethnic-group");

    await choose(page, "Gender");
    const gender = await linesOf(page, "1 Workforce by gender");
    expect([...new Set(gender.map((l) => l.row))]).toEqual(["Female", "Male"]);
    expectCounts(gender, (row) => `gender:${row}`, 2);
    await expect(page.getByRole("table", { name: "1 Workforce by ethnic group" }).count()).resolves.toBe(0);
    await page
      .getByRole("figure", { name: "BME staff as a share of each gender, against the whole workforce" })
      .waitFor();
    await screenshot(page, "breakdowns-1-gender");

    await choose(page, "Directorate");
    const directorates = await linesOf(page, "1 Workforce by directorate");
    const names = [...new Set(directorates.map((l) => l.row))];
    expect(names.length).toBeGreaterThanOrEqual(5);
    // Every directorate in the demo workbook, and no other.
    expect(names.sort()).toEqual(
      [...counted.keys()]
        .filter((k) => k.startsWith("directorate:") && k.endsWith("|Total"))
        .map((k) => k.slice("directorate:".length, -"|Total".length))
        .sort(),
    );
    expectCounts(directorates, (row) => `directorate:${row}`, 8);
    await screenshot(page, "breakdowns-1-directorate");
    await page
      .getByTestId("breakdowns-1")
      .screenshot({ path: "test-results/screenshots/breakdowns-only-1-directorate.png" });

    // Indicator 4 by ethnic group, then by ethnic group and gender: accessing training over headcount, the rate,
    // and the likelihood against White in the same row, each shown figure the exact document's.
    await page.getByRole("tab", { name: "4 Training" }).click();
    await page.getByTestId("indicator-4").waitFor();
    const key: Record<string, string> = {
      ...Object.fromEntries(Object.entries(GROUP).map(([k, v]) => [v, k])),
      Total: "total",
    };
    const rowKey: Record<string, string> = {
      all: "all",
      Female: "female",
      Male: "male",
      "Gender not known": "unknown",
    };
    let ratios = 0;
    for (const [label, dimension] of [
      ["Ethnic group", "ethnic-group"],
      ["Ethnic group and gender", "ethnic-group-gender"],
    ] as const) {
      await choose(page, label);
      const training = await linesOf(page, `4 Training by ${label.toLowerCase()}`);
      const table = (exact.indicators["4"] as { breakdowns: BreakdownTable[] }).breakdowns.find(
        (t) => t.dimension === dimension,
      )!;
      expect(training.length, label).toBe(table.rows.length * table.columns.length);
      for (const l of training) {
        const row = rowKey[l.row]!;
        const cell = table.cells[row]![key[l.column]!]!;
        const [count, of, rate, likelihood] = l.figures;
        const where = `${label}: ${l.row} ${l.column}`;
        if (count !== "*") expect(number(count!), `${where} count`).toBe(cell.count);
        if (of !== "*") expect(number(of!), `${where} of`).toBe(cell.of);
        if (rate !== "*") expect(rate, `${where} rate`).toBe(`${((cell.count! / cell.of!) * 100).toFixed(1)}%`);
        if (likelihood && likelihood !== "*" && likelihood !== "n/a") {
          ratios += 1;
          expect(likelihood, `${where} likelihood`).toBe(table.likelihood![row]![key[l.column]!]!.toFixed(2));
        }
      }
      await page.getByTestId("breakdown-chart-4").waitFor();
      await screenshot(page, `breakdowns-4-${dimension}`);
    }
    expect(ratios, "likelihoods shown").toBeGreaterThanOrEqual(1);
    await page.getByTestId("breakdown-chart-4").getByRole("option").first().waitFor();
    await page
      .getByTestId("breakdowns-4")
      .screenshot({ path: "test-results/screenshots/breakdowns-only-4-ethnic-group-gender.png" });

    // Saved, then read back after a reload: the same breakdown, the same figures.
    await page.getByRole("button", { name: /^Save results/ }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Results saved/ })
      .waitFor();
    await page.reload();
    await page.getByRole("tab", { name: "Indicators" }).click();
    const saved = page.getByTestId("wres-saved-results");
    await saved.waitFor();
    await saved.getByRole("combobox", { name: "Break down by" }).selectOption({ label: "Gender" });
    expect(await linesOf(page, "1 Workforce by gender")).toEqual(gender);
    await screenshot(page, "breakdowns-saved-gender");
    await context.close();
  }, 600_000);

  it("fits the meeting side panel (320 px) in every Teams theme, with no axe violations in the breakdowns", async () => {
    for (const theme of THEMES) {
      const { context, page } = await openAs(browser, app, LEAD, { theme, viewport: SIDE_PANEL });
      await runDemo(page);
      await page.getByRole("region", { name: "Breakdowns" }).waitFor();
      await choose(page, "Ethnic group and gender");
      await page.getByRole("table", { name: "1 Workforce by ethnic group and gender" }).waitFor();
      await page.getByTestId("breakdown-chart-1").getByRole("option").first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, theme).toBeLessThanOrEqual(SIDE_PANEL.width);
      await page.getByTestId("breakdowns-1").scrollIntoViewIfNeeded();
      await screenshot(page, `breakdowns-sidepanel-${theme}`);
      await page
        .getByTestId("breakdowns-1")
        .screenshot({ path: `test-results/screenshots/breakdowns-only-${theme}.png` });
      const violations = await runAxe(page, "[data-testid=breakdowns-1]");
      expect(violations, `${theme}\n${describeViolations(violations)}`).toEqual([]);
      await context.close();
    }
  }, 900_000);
});
