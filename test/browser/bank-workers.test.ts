// The bank workers' figures on the Indicators tab (issue 23, docs/bank-workforce.md): the EDI lead runs the
// site's demo workbooks and reads, beside the substantive figures, the bank-only workforce's own, labelled "Bank
// workers"; saves them (their own standard) and sees them read back, in every Teams theme and at 320 px. The
// expected numbers are counted here from the demo generator's people and records, not by the module.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { createRandom } from "../../src/demo/random";
import { makeBankTraining } from "../../src/demo/trust-extracts";
import { makePeople, parseYear, type Person } from "../../src/demo/trust-staff";
import { DEMO_PLAN_YEAR } from "../../src/demo/plan";
import {
  SCREENSHOT_DIR,
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
const THRESHOLD = 10;

let app: RunningApp;
let browser: Browser;

type Group = "white" | "bme" | "unknown";
const byGroup = (people: Person[]) => {
  const out: Record<Group, number> = { white: 0, bme: 0, unknown: 0 };
  for (const p of people) out[p.group]++;
  return out;
};

/** What the site's demo workbooks hold of bank-only workers (seed 1, 3,000 staff rows), by plain counting. */
function expectedBank() {
  const { start, end } = parseYear(DEMO_PLAN_YEAR);
  const people = makePeople(createRandom(1), 3000, end);
  const bank = people.filter((p) => p.bankOnly);
  const substantive = people.filter((p) => !p.bankOnly);
  const trainedIds = new Set(makeBankTraining(createRandom(1 + 8), people, start).map((c) => c.employeeNumber));
  return {
    head: byGroup(bank),
    total: bank.length,
    substantiveTotal: substantive.length,
    trained: byGroup(bank.filter((p) => trainedIds.has(p.employeeNumber))),
  };
}

const n = (x: number) => x.toLocaleString("en-GB");
/** A count as the protected copy writes it: hidden ("*") from 1 to threshold - 1. */
const shownCount = (x: number) => (x > 0 && x < THRESHOLD ? "*" : n(x));

async function cellsOf(table: Locator, rowName: string): Promise<string[]> {
  const row = table.getByRole("row").filter({ has: table.page().getByRole("cell", { name: rowName, exact: true }) });
  return (await row.getByRole("cell").allTextContents()).map((s) => s.trim());
}

/** The whole page, and the bank workers' section on its own (to read it at full size). */
async function shoot(page: Page, section: Locator, name: string) {
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, name);
  await section.screenshot({ path: join(SCREENSHOT_DIR, `${name}-section.png`) });
}

async function openIndicators(page: Page) {
  await page.getByRole("tab", { name: "Indicators" }).click();
  await page.getByRole("heading", { name: "Year on year" }).waitFor();
}

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo" }));
}, 300_000);

afterAll(() => closeSession({ app, browser }));

describe("bank workers' figures on the Indicators tab", () => {
  const expected = expectedBank();

  it("runs the demo workbooks and reads the bank workers' figures beside the substantive ones, saves them, and sees them saved", async () => {
    expect(expected.total).toBeGreaterThan(100);
    const { context, page } = await openAs(browser, app, LEAD);
    await openIndicators(page);
    const boxes = page.getByRole("checkbox", { name: /^Select .*\.xlsx$/ });
    await boxes.first().waitFor();
    for (const box of await boxes.all()) await box.check();
    await page.getByRole("button", { name: /^Run indicators/ }).click();
    await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 180_000 });

    // Indicator 1: the substantive view, and below it the bank workers' own table.
    await page.getByTestId("indicator-1").waitFor();
    const bank = page.getByTestId("wres-bank-figures");
    await expect(bank.getByRole("heading", { name: "Bank workers" }).isVisible()).resolves.toBe(true);
    await expect(
      bank.getByText(/^Bank-only workers \(people whose only assignments are bank\)/).isVisible(),
    ).resolves.toBe(true);
    const table = bank.getByRole("table", { name: "Bank workers by pay band" });
    const { white, bme, unknown } = expected.head;
    const all = await cellsOf(table, "All bank workers");
    expect(all.slice(1, 5)).toEqual([shownCount(white), shownCount(bme), shownCount(unknown), n(expected.total)]);
    if (![bme, expected.total].some((x) => x < THRESHOLD))
      expect(all[5]).toBe(`${((bme / expected.total) * 100).toFixed(1)}%`);
    // The bank workers are not in the substantive headcount: its whole-workforce row is the substantive staff only.
    await expect(
      page
        .getByTestId("indicator-1")
        .getByRole("cell", { name: n(expected.substantiveTotal), exact: true })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(table.getByRole("cell", { name: n(expected.substantiveTotal), exact: true }).count()).resolves.toBe(0);
    await shoot(page, bank, "bank-workers-1-default");
    const violations = await runAxe(page, '[data-testid="wres-bank-figures"]');
    expect(violations, describeViolations(violations)).toEqual([]);

    // Indicator 4: bank workers accessing training over their headcount, beside the substantive likelihood.
    await page.getByRole("tab", { name: "4 Training" }).click();
    await page.getByTestId("indicator-4").waitFor();
    const counts = page.getByTestId("wres-bank-figures").getByRole("table", { name: /^Bank workers: counts/ });
    for (const [label, group] of [
      ["White", "white"],
      ["BME", "bme"],
    ] as const) {
      const [, count, of] = await cellsOf(counts, label);
      expect(of, `${label} headcount`).toBe(shownCount(expected.head[group]));
      // Shown as counted, or hidden; a small count is never shown.
      expect([shownCount(expected.trained[group]), "*"], `${label} accessing training`).toContain(count);
    }
    await expect(page.getByTestId("wres-bank-rl").isVisible()).resolves.toBe(true);
    await shoot(page, page.getByTestId("wres-bank-figures"), "bank-workers-4-default");

    // Saved as their own standard: the bank workers' year-on-year table, apart from the substantive one.
    await page.getByRole("button", { name: `Save results for ${DEMO_PLAN_YEAR}` }).click();
    await page.getByText("Results saved. Small numbers were hidden before saving.").waitFor({ timeout: 60_000 });
    const trend = page.getByTestId("wres-bank-trend");
    await trend.waitFor();
    const bankPct = `${((bme / expected.total) * 100).toFixed(1)}%`;
    const trendRow = await cellsOf(trend, "1 Workforce");
    expect(trendRow[1]).toBe(bme < THRESHOLD ? "–" : bankPct);
    expect(await page.getByTestId("wres-trend").textContent()).not.toContain(bankPct);
    await context.close();
  }, 600_000);

  it("shows the saved bank figures beside the saved substantive ones after a reload, in every Teams theme and at 320 px", async () => {
    for (const theme of THEMES) {
      const { context, page } = await openAs(browser, app, LEAD, { theme });
      await openIndicators(page);
      const saved = page.getByTestId("wres-saved-results");
      await saved.waitFor();
      const bank = saved.getByTestId("wres-bank-figures");
      const all = await cellsOf(bank.getByRole("table", { name: "Bank workers by pay band" }), "All bank workers");
      expect(all[4]).toBe(n(expected.total));
      await shoot(page, bank, `bank-workers-saved-${theme}`);
      await context.close();
    }
    const { context, page } = await openAs(browser, app, LEAD, { viewport: SIDE_PANEL });
    await openIndicators(page);
    const bank = page.getByTestId("wres-saved-results").getByTestId("wres-bank-figures");
    await bank.waitFor();
    await shoot(page, bank, "bank-workers-sidepanel");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDE_PANEL.width);
    await context.close();
  }, 600_000);
});
