// Targets and comparison figures in Chromium against the dev server and the seeded local SharePoint site:
// the plan editor sets a target for indicator 2 and sees its trajectory on the trend, enters a national
// comparison figure and sees it beside our figure; a committee member sees both and no control to change
// them; axe-core finds nothing; screenshots in the three Teams themes and in the 320 px side panel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { generateTrust } from "../../src/demo/trust";
import { computeResults, suppressResults } from "../../src/indicators";
import { readWorkbooks } from "../../src/workbook";
import { rowsToSave } from "../../src/ui/indicators/saved-results";
import {
  SIDE_PANEL,
  THEMES,
  closeSession,
  describeViolations,
  openSession,
  runAxe,
  screenshot,
  storeAs,
  type BrowserSession,
} from "../support/browser";

const LEAD = "edi.lead@wres.test";
const COMMITTEE = "committee@wres.test";

let session: BrowserSession;

async function openIndicators(page: Page) {
  await page.getByRole("tab", { name: "Indicators" }).click();
  await page.getByRole("heading", { name: "Year on year" }).waitFor();
}

beforeAll(async () => {
  session = await openSession({ seed: "demo" });
  // Saved results as the plan editor would have them: this year computed (the demo trust), two earlier
  // years of indicator 2 typed in from published reports.
  const trust = generateTrust({ staff: 3000, seed: 11, year: "2024/25" });
  const doc = suppressResults(computeResults(readWorkbooks(trust.files), { period: "2024/25" }));
  const lead = storeAs(session.app, LEAD);
  await lead.saveIndicatorResults([
    ...rowsToSave(doc, "2024/25", "Edi Lead"),
    ...[
      ["2022/23", 1.84],
      ["2023/24", 1.7],
    ].map(([year, value]) => ({
      year: year as string,
      standard: "nhs-england-wres",
      indicator: 2 as const,
      value: value as number,
      detail: JSON.stringify({ kind: "entered", value }),
      origin: "entered" as const,
    })),
  ]);
}, 600_000);

afterAll(async () => {
  await closeSession(session ?? {});
});

describe("targets and comparison figures", () => {
  it("a plan editor sets a target and sees its trajectory, enters a comparison figure and sees it beside ours", async () => {
    const page = await session.users.open(LEAD);
    await openIndicators(page);
    const figures = page.getByTestId("wres-figures");
    await figures.getByText("No targets or comparison figures yet.").waitFor();

    await figures.getByRole("button", { name: "Add a target" }).click();
    let dialog = page.getByRole("dialog", { name: "Add a target" });
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Give the year as 2026/27.").waitFor();
    await dialog.getByLabel("Indicator").selectOption("2");
    await dialog.getByLabel("Target value").fill("1.25");
    await dialog.getByLabel("Target year").fill("2026/27");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });

    const trajectory = page.getByTestId("wres-trajectory");
    await trajectory.getByRole("heading", { name: "2 Shortlisting: target 1.25 by 2026/27" }).waitFor();
    await trajectory.getByText(/^From 1\.84 in 2022\/23, a straight line each year to the target/).waitFor();
    const row = (year: string) => trajectory.locator(`tr[data-year="${year}"]`);
    expect(await row("2022/23").innerText()).toMatch(/^2022\/23\s+1\.84\s+1\.84\s+On track$/);
    expect(await row("2023/24").innerText()).toMatch(/^2023\/24\s+1\.69\s+1\.70\s+Off track$/);
    expect(await row("2026/27").innerText()).toMatch(/^2026\/27 \(target year\)\s+1\.25\s+–\s+No figure$/);
    expect(await trajectory.getByRole("img").getAttribute("aria-label")).toMatch(
      /^Our figures against the trajectory to 1\.25 by 2026\/27\. Years on track: \d of \d with a figure\.$/,
    );

    await figures.getByRole("button", { name: "Add a comparison figure" }).click();
    dialog = page.getByRole("dialog", { name: "Add a comparison figure" });
    await dialog.getByLabel("Indicator").selectOption("2");
    await dialog.getByLabel("Compared with").selectOption("national");
    await dialog.getByRole("textbox", { name: /^Figure/ }).fill("1.14");
    await dialog.getByLabel("Year of the figure").fill("2024/25");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Say where the figure comes from: the document and its year.").waitFor();
    await dialog.getByLabel("Source").fill("NHS England WRES data report 2024");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });

    const saved = page.getByTestId("wres-saved-results");
    await saved.getByRole("tab", { name: "2 Shortlisting" }).click();
    const beside = saved.getByTestId("wres-figures-beside");
    await beside.getByText("National (England) 1.14 (2024/25, NHS England WRES data report 2024)").waitFor();
    await beside.getByText("Target: 1.25 by 2026/27").waitFor();
    await beside.getByText(/^Ours: (\d\.\d\d|–) \(2024\/25\)$/).waitFor();
    await screenshot(page, "targets-editor");

    // What was saved is in SharePoint, for everyone, with the indicator's direction of good.
    const stored = await storeAs(session.app, COMMITTEE).indicatorFigures("nhs-england-wres");
    expect(stored.map((f) => [f.kind, f.indicator, f.value, f.year, f.direction, f.comparator, f.name])).toEqual([
      ["comparison", 2, 1.14, "2024/25", null, "national", "England"],
      ["target", 2, 1.25, "2026/27", "towards-one", null, null],
    ]);
    await page.close();
  });

  it("a committee member sees the target, its trajectory and the comparison, cannot change them, in every theme and at 320 px", async () => {
    for (const theme of THEMES) {
      const page = await session.users.open(COMMITTEE, { theme });
      await openIndicators(page);
      const figures = page.getByTestId("wres-figures");
      await figures.getByRole("row").nth(2).waitFor();
      expect(await figures.getByRole("button").count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Add a (target|comparison figure)$/ }).count()).toBe(0);
      await page
        .getByTestId("wres-trajectory")
        .getByRole("heading", { name: /^2 Shortlisting: target 1\.25/ })
        .waitFor();
      const saved = page.getByTestId("wres-saved-results");
      await saved.getByRole("tab", { name: "2 Shortlisting" }).click();
      await saved
        .getByTestId("wres-figures-beside")
        .getByText("National (England) 1.14 (2024/25, NHS England WRES data report 2024)")
        .waitFor();
      await screenshot(page, `targets-reader-${theme}`);
      const violations = await runAxe(page);
      expect(violations, `${theme}\n${describeViolations(violations)}`).toEqual([]);
      await page.close();
    }
    const narrow = await session.users.open(COMMITTEE, { viewport: SIDE_PANEL });
    await openIndicators(narrow);
    await narrow.getByTestId("wres-trajectory").waitFor();
    const saved = narrow.getByTestId("wres-saved-results");
    await saved.getByRole("tab", { name: "2 Shortlisting" }).click();
    await saved.getByTestId("wres-figures-beside").waitFor();
    await screenshot(narrow, "targets-reader-320");
    const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(SIDE_PANEL.width);
    await narrow.close();
  });
});
