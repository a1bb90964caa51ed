// The plan's documents in Chromium against the dev server and the seeded local SharePoint site: a plan
// editor fills in the committee paper's details on the Plan year screen and downloads it, and the test
// reads the Word file's text back (title block, sections, the demo plan, the protected figures with the
// small count hidden), in English and in Welsh; the card passes axe in the three themes. The public
// version's print view is rendered from an approved copy built from the demo plan (the plan store has no
// approved copy to load yet: wiring `?view=public` to it, and its end-to-end test, come with the plan
// year cycle), printed as the browser prints it, and its sections read back from the PDF.
import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { computeResults, suppressResults } from "../../src/indicators";
import { createI18n, loadCatalogue } from "../../src/i18n";
import type { ApprovedCopy } from "../../src/plan/cycle/types";
import { rowsToSave } from "../../src/ui/indicators/saved-results";
import { PublicPlanView } from "../../src/ui/year/PublicPlanView";
import { wordText } from "../support/word";
import {
  THEMES,
  expectNoAxeViolations,
  openAs,
  screenshot,
  storeAs,
  type RunningApp,
  openSession,
  closeSession,
} from "../support/browser";
import { pdfText } from "../support/pdf";
import { applications, cases, dataset, staffMany, trainingMany } from "../unit/indicators/fixtures";

const LEAD = "edi.lead@wres.test";
const YEAR = "2024/25";
const SLOW = 600_000;

let app: RunningApp;
let browser: Browser;

/** The exact results: RL 3 rests on 4 BME disciplinary cases, below the threshold, so it is hidden. */
const exact = computeResults(
  dataset({
    staff: [...staffMany(600, "white"), ...staffMany(300, "bme")],
    applications: [...applications("white", 210, 61), ...applications("bme", 190, 29)],
    cases: [...cases(12, "white"), ...cases(4, "bme")],
    training: [...trainingMany(300, "white"), ...trainingMany(120, "bme")],
  }),
  { period: YEAR },
);
const exactRl2 = (exact.indicators["2"] as { value: number }).value;
const exactRl3 = (exact.indicators["3"] as { value: number }).value;

async function downloadPaper(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync((await download.path())!)) };
}

beforeAll(async () => {
  // The public version is drawn here with the whole English catalogue, as the tab has it by then.
  await loadCatalogue("en-GB");
  ({ app, browser } = await openSession({ seed: "demo" }));
  await storeAs(app, LEAD).saveIndicatorResults([
    ...rowsToSave(suppressResults(exact, 10), YEAR, "EDI Lead"),
    { year: "2023/24", standard: "nhs-england-wres", indicator: 2, value: 2.6, detail: "{}", origin: "entered" },
  ]);
}, SLOW);

afterAll(() => closeSession({ app, browser }));

describe("the committee paper", () => {
  it(
    "a plan editor fills in the details on the Plan year screen, downloads the paper, and it reads back",
    async () => {
      const plan = await storeAs(app, LEAD).loadPlan(YEAR);
      const { context, page } = await openAs(browser, app, LEAD, { query: { view: "year", year: YEAR } });
      await page.getByRole("heading", { name: "Committee paper and public version" }).waitFor({ timeout: 180_000 });
      await page.getByLabel("Committee or board").fill("People and Culture Committee");
      await page.getByLabel("Author").fill("Head of EDI");
      await page.getByLabel("Previously considered by (group and date)").fill("EDI Steering Group, 3 September 2024");
      await page
        .getByLabel("Engagement with the staff network (optional)")
        .fill("Drafted with the Race Equality Network; 15 members gave feedback.");
      const paper = await downloadPaper(page, "Download committee paper (Word)");
      expect(paper.name).toBe("WRES committee paper 2024-25.docx");
      await page.getByText("Downloaded WRES committee paper 2024-25.docx.").waitFor();
      const doc = wordText(paper.bytes);

      expect(doc.paragraphs[0]).toBe("Workforce Race Equality Standard (WRES): data and action plan 2024/25");
      expect(doc.tables[0]).toContainEqual(["Meeting", "People and Culture Committee"]);
      expect(doc.tables[0]).toContainEqual(["Purpose", "For approval"]);
      expect(doc.tables[0]).toContainEqual(["Previously considered by", "EDI Steering Group, 3 September 2024"]);
      expect(doc.paragraphs.filter((p) => /^\d+\. /.test(p))).toEqual([
        "1. Purpose",
        "2. Executive summary",
        "3. Summary of the data",
        "4. The action plan",
        "5. Engagement with the staff network",
        "6. Decision asked for",
        "7. Level of assurance",
      ]);
      expect(doc.paragraphs).toContain("Drafted with the Race Equality Network; 15 members gave feedback.");
      expect(doc.paragraphs).toContain(
        `The action plan has ${plan.objectives.length} objectives and ${plan.actions.length} actions.`,
      );
      // Every objective and action of the live plan, with its RAG in words.
      for (const objective of plan.objectives)
        expect(doc.paragraphs).toContain(`Objective ${objective.number}: ${objective.title}`);
      const actionRows = doc.tables
        .filter((t) => t[0]?.[0] === "No." && t[0]?.[5] === "RAG")
        .flatMap((t) => t.slice(1));
      expect(actionRows.map((r) => r[0]).sort()).toEqual(plan.actions.map((a) => a.number).sort());
      const blue = plan.actions.find((a) => a.rag === "Blue")!;
      expect(actionRows.find((r) => r[0] === blue.number)![5]).toBe("Blue (complete)");
      // The protected figures: RL 2 rounded as published, RL 3 hidden, last year's typed-in figure.
      const figures = doc.tables.find((t) => t[0]?.[0] === "Indicator")!;
      const row = (n: number) => figures.find((r) => r[0]!.startsWith(`Indicator ${n}:`))!;
      expect(row(2).slice(1)).toEqual(["1.90", "2.60 (published)", "Improved"]);
      expect(row(3)[1]).toBe("*");
      expect(doc.all).toContain("* Hidden to protect small numbers: a count below 10");
      expect(doc.all).not.toContain(exactRl2.toFixed(3));
      expect(doc.all).not.toContain(exactRl3.toFixed(2));
      expect(
        doc.tables
          .find((t) => t[0]?.[0] === "Level")!
          .slice(1)
          .map((r) => r[0]),
      ).toEqual(["☐ Assured", "☐ Partially assured", "☐ Not assured"]);
      await context.close();
    },
    SLOW,
  );

  it(
    "is written in Welsh from the Welsh tab",
    async () => {
      const { context, page } = await openAs(browser, app, LEAD, { query: { view: "year", year: YEAR, lang: "cy" } });
      await page.getByRole("heading", { name: "Papur pwyllgor a fersiwn gyhoeddus" }).waitFor({ timeout: 180_000 });
      const paper = await downloadPaper(page, "Lawrlwytho'r papur pwyllgor (Word)");
      expect(paper.name).toBe("Papur pwyllgor WRES 2024-25.docx");
      const doc = wordText(paper.bytes);
      expect(doc.paragraphs[0]).toBe("Safon Cydraddoldeb Hiliol y Gweithlu (WRES): data a chynllun gweithredu 2024/25");
      expect(doc.paragraphs).toContain("2. Crynodeb gweithredol");
      expect(doc.tables[0]).toContainEqual(["Diben", "I'w gymeradwyo"]);
      await context.close();
    },
    SLOW,
  );

  it(
    "the card is accessible in the three themes",
    async () => {
      for (const theme of THEMES) {
        const { context, page } = await openAs(browser, app, LEAD, { theme, query: { view: "year", year: YEAR } });
        const card = page.getByRole("region", { name: "Committee paper and public version" });
        await card.waitFor({ timeout: 180_000 });
        await card.getByLabel("Committee or board").focus();
        await page.keyboard.type("Board");
        expect(await card.getByLabel("Committee or board").inputValue()).toBe("Board");
        await expectNoAxeViolations(page);
        await card.screenshot({ path: `test-results/screenshots/i20-plan-documents-${theme}.png` });
        await context.close();
      }
    },
    SLOW,
  );
});

describe("the public version's print view", () => {
  it(
    "prints the approved plan's sections, the approval line and the protected figures on paper",
    async () => {
      const lead = storeAs(app, LEAD);
      const [plan, results] = await Promise.all([lead.loadPlan(YEAR), lead.indicatorResults()]);
      const copy: ApprovedCopy = {
        year: YEAR,
        approvedAt: "2024-09-12T15:00:00Z",
        decision: {
          meeting: "People and Culture Committee",
          date: "2024-09-12",
          outcome: "approved",
          assurance: "assured",
          minuteReference: "PCC/24/117",
          recordedBy: null,
          recordedAt: "2024-09-12T15:00:00Z",
        },
        objectives: plan.objectives,
        actions: plan.actions,
        results,
      };
      const markup = (withFigures: boolean) =>
        renderToStaticMarkup(
          createElement(
            I18nextProvider,
            { i18n: createI18n("en-GB") },
            createElement(
              FluentProvider,
              { theme: webLightTheme },
              createElement(PublicPlanView, { copy, options: { withFigures, leads: "roles" } }),
            ),
          ),
        );
      const css = readFileSync("src/ui/year/report.css", "utf8");
      const { context, page } = await openAs(browser, app, LEAD, { query: { view: "year", year: YEAR } });
      for (const withFigures of [true, false]) {
        await page.setContent(
          `<!doctype html><html lang="en-GB"><head><title>Public version</title><style>${css}</style></head><body><div id="root">${markup(withFigures)}</div></body></html>`,
        );
        await page.emulateMedia({ media: "print" });
        expect(await page.getByRole("button", { name: "Print or save as PDF" }).isVisible()).toBe(false);
        const paper = pdfText(await page.pdf({ format: "A4", landscape: true, printBackground: true }));
        await screenshot(page, `i20-public-print-${withFigures ? "figures" : "plan-alone"}`);
        expect(paper).toContain("Workforce Race Equality Standard (WRES) action plan 2024/25");
        expect(paper).toContain("Approved by the People and Culture Committee on 12 September 2024.");
        expect(paper).toContain("Our action plan");
        for (const objective of plan.objectives)
          expect(paper).toContain(`Objective ${objective.number}: ${objective.title}`.replace(/\s+/g, " "));
        for (const absent of [
          "Print or save as PDF",
          "PCC/24/117",
          "Blue (complete)",
          "Green: on track",
          exactRl3.toFixed(2),
        ])
          expect(paper, absent).not.toContain(absent);
        if (withFigures) {
          expect(paper).toContain("Our WRES indicators");
          // The paper's text runs column by column; the rows themselves are read from the printed page.
          for (const text of ["1.90", "2.60 (published)", "Improved", "* Hidden to protect small numbers"])
            expect(paper, text).toContain(text);
          const cells = (n: number) => page.getByTestId(`public-figure-${n}`).getByRole("cell").allTextContents();
          expect(await cells(2)).toEqual(["1.90", "2.60 (published)", "Improved"]);
          expect((await cells(3))[0]).toBe("*");
          expect(await page.getByTestId("public-figure-3").isVisible()).toBe(true);
        } else {
          expect(paper).not.toContain("Our WRES indicators");
          // (The plan's own KPIs name indicators and figures; the figures table's words must be gone.)
          for (const absent of [
            "Indicator 2: appointment from shortlisting",
            "2.60 (published)",
            "Hidden to protect small numbers",
            "33.3%",
          ])
            expect(paper, absent).not.toContain(absent);
        }
      }
      await context.close();
    },
    SLOW,
  );
});
