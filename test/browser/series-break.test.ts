// Breaks in a series in Chromium against the dev server and the local SharePoint site. Saved: indicator 7's
// published figures for two early years, and two computed years (2023/24 on one year of disciplinary cases,
// 2024/25 pooled over two). The plan editor marks a break on an early year with a reason; the trend then gives no
// move across it and says why, and the pooling change is marked by itself. A break marked on a figure someone
// changed in the meantime is refused in words and overwrites nothing. A committee member reads the same marks.
// Screenshots of the trend in light, dark and high contrast, and at 320 px; axe finds nothing.
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { computeResults, suppressResults } from "../../src/indicators";
import { generateTrust } from "../../src/demo/trust";
import { readWorkbooks } from "../../src/workbook";
import { enteredFigure, rowsToSave } from "../../src/ui/indicators/saved-results";
import { recordedBreak, withRecordedBreak } from "../../src/ui/indicators/series";
import {
  SCREENSHOT_DIR,
  SIDE_PANEL,
  THEMES,
  closeSession,
  expectNoAxeViolations,
  openSession,
  storeAs,
  type BrowserSession,
} from "../support/browser";

const LEAD = "edi.lead@wres.test";
const COMMITTEE = "committee@wres.test";
const STANDARD = "nhs-england-wres";
const REASON = "The survey questions were renumbered and reworded in 2021";

let session: BrowserSession;

function entered(year: string, indicator: string, value: string) {
  const parsed = enteredFigure({ year, indicator, value });
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.row;
}

beforeAll(async () => {
  session = await openSession({ seed: "demo" });
  const trust = generateTrust({ staff: 1500, seed: 23, year: "2024/25", compression: 1 });
  const dataset = readWorkbooks(trust.files);
  const year = (period: string, pooled: boolean) =>
    rowsToSave(suppressResults(computeResults(dataset, { period, indicator3TwoYear: pooled }), 10), period, "EDI Lead");
  const store = storeAs(session.app, LEAD);
  await store.saveIndicatorResults([
    entered("2020/21", "7", "44.1"),
    entered("2021/22", "7", "51.7"),
    entered("2020/21", "2", "1.62"),
    entered("2021/22", "2", "1.48"),
    ...year("2023/24", false),
    ...year("2024/25", true),
  ]);
}, 300_000);

afterAll(async () => {
  await closeSession(session);
});

async function openTrend(page: Page): Promise<Locator> {
  await page.getByRole("tab", { name: "Indicators" }).click();
  await page.getByRole("heading", { name: "Year on year" }).waitFor();
  return page.getByTestId("wres-trend");
}

const cell = (trend: Locator, indicator: number, year: string) =>
  trend.locator(`tr[data-indicator="${indicator}"] td[data-year="${year}"]`);

async function shot(target: Locator, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await target.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

describe("a break in a series, end to end", () => {
  it("a plan editor marks a break with a reason on a past year; the trend then gives no move across it and says why", async () => {
    const page = await session.users.open(LEAD);
    const trend = await openTrend(page);
    // Before: 44.1% -> 51.7% reads as improved (higher is good for 7); the pooling change is marked already.
    await expect.poll(() => cell(trend, 7, "2021/22").textContent()).toContain("Improved");
    expect(await cell(trend, 3, "2024/25").textContent()).toContain(
      "New series: the method changed (one year against two years pooled)",
    );
    expect(await cell(trend, 3, "2024/25").locator("[data-trend]").count()).toBe(0);

    const form = page.getByRole("form", { name: "Mark a break in the series" });
    await form.getByRole("combobox", { name: "Indicator" }).selectOption({ label: "7 Progression" });
    await form.getByRole("combobox", { name: "First year of the new series" }).selectOption("2021/22");
    await form.getByRole("button", { name: "Mark the break" }).click();
    await form.getByText("Say why the series starts again in this year.").waitFor();
    await form.getByRole("textbox", { name: /^Reason/ }).fill(REASON);
    await form.getByRole("button", { name: "Mark the break" }).click();
    await page.getByRole("status").filter({ hasText: "The break is saved." }).waitFor();

    const start = cell(trend, 7, "2021/22");
    await expect.poll(() => start.textContent()).toContain(`New series: ${REASON}`);
    expect(await start.locator("[data-trend]").count()).toBe(0);
    expect(await start.getAttribute("data-new-series")).toBe("");
    // The divider before the new series is drawn (a solid line at the cell's start).
    expect(await start.evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe("solid");
    // Indicator 2's years, with no break, still compare.
    expect(await cell(trend, 2, "2021/22").textContent()).toContain("Improved");
    // The note under the substantive table (the bank workers' table, below it, has its own).
    await page
      .getByRole("region", { name: "Year on year", exact: true })
      .getByText("A year marked “New series” is not compared with the year before it")
      .waitFor();

    // Saved in the row itself, for everyone.
    const rows = await storeAs(session.app, COMMITTEE).indicatorResults(STANDARD);
    const marked = rows.find((r) => r.indicator === 7 && r.year === "2021/22")!;
    expect(recordedBreak(marked.detail)).toEqual({ reason: REASON, by: expect.any(String) });
    await expectNoAxeViolations(page, "[aria-labelledby='wres-trend-heading']");
    await page.close();
  });

  it("refuses a break on a figure someone changed since the page was opened, and overwrites nothing", async () => {
    const page = await session.users.open(LEAD);
    await openTrend(page);
    // Someone else records a break on 2021/22's indicator 2 while this page is open.
    const store = storeAs(session.app, LEAD);
    const row = (await store.indicatorResults(STANDARD)).find((r) => r.indicator === 2 && r.year === "2021/22")!;
    await store.updateIndicatorResultDetail(
      row.id,
      row.etag,
      withRecordedBreak(row.detail, { reason: "Theirs", by: null }),
    );
    const form = page.getByRole("form", { name: "Mark a break in the series" });
    await form.getByRole("combobox", { name: "Indicator" }).selectOption({ label: "2 Shortlisting" });
    await form.getByRole("combobox", { name: "First year of the new series" }).selectOption("2021/22");
    await form.getByRole("textbox", { name: /^Reason/ }).fill("Mine");
    await form.getByRole("button", { name: "Mark the break" }).click();
    await page.getByRole("alert").filter({ hasText: "Someone changed this saved figure" }).waitFor();
    const now = (await store.indicatorResults(STANDARD)).find((r) => r.id === row.id)!;
    expect(recordedBreak(now.detail)?.reason).toBe("Theirs");
    // The page read the rows again: the other person's break is what it shows now.
    await page.getByText("Recorded for 2021/22: Theirs").waitFor();
    // Put it back as it was for the screenshots.
    await page.getByRole("button", { name: "Remove the break" }).click();
    await page.getByRole("status").filter({ hasText: "The break is removed." }).waitFor();
    await page.close();
  });

  it("reads the same for a committee member, in every Teams theme and at 320 px", async () => {
    for (const theme of THEMES) {
      const page = await session.users.open(COMMITTEE, { theme });
      const trend = await openTrend(page);
      await expect.poll(() => cell(trend, 7, "2021/22").textContent()).toContain(`New series: ${REASON}`);
      expect(await page.getByRole("form", { name: "Mark a break in the series" }).count()).toBe(0);
      await shot(page.locator("section[aria-labelledby='wres-trend-heading']"), `series-break-trend-${theme}`);
      await expectNoAxeViolations(page, "[aria-labelledby='wres-trend-heading']");
      await page.close();
    }
    const narrow = await session.users.open(LEAD, { viewport: SIDE_PANEL });
    const trend = await openTrend(narrow);
    await expect.poll(() => cell(trend, 7, "2021/22").textContent()).toContain("New series");
    await shot(narrow.locator("section[aria-labelledby='wres-trend-heading']").locator(".."), "series-break-320");
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDE_PANEL.width);
    await narrow.close();
  });
});
