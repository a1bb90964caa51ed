// The Indicators view in Chromium against the dev server and the seeded local SharePoint site, the
// issue's "Done when" end to end as the plan editor: upload the demo workbooks through the file input,
// run them in the Web Worker, map a deliberately renamed column, see indicators 1 and 2, save, type in an
// earlier year's published figures, reload and see the trend (improved/worsened by direction of good).
// No request made during the run, and nothing in the page's storage, carries a staff-level value. A
// reader sees the saved results only in suppressed form. Hostile workbooks (zip bomb, __proto__
// headers, 1,000,000 rows through the chunked upload) end in a clear message or a result while the
// page stays responsive; axe-core finds nothing; screenshots in the three Teams themes.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page, Request } from "playwright-core";
import { generateTrust } from "../../src/demo/trust";
import { writeXlsx } from "../../src/demo/xlsx-writer";
import {
  computeResults,
  suppressResults,
  type Counts,
  type RepresentationResult,
  type ResultsDocument,
} from "../../src/indicators";
import { CHUNK_THRESHOLD } from "../../src/sharepoint/files";
import { readWorkbooks, type InputFile } from "../../src/workbook";
import {
  SCREENSHOT_DIR,
  SIDE_PANEL,
  THEMES,
  openAs,
  runAxe,
  screenshot,
  type RunningApp,
  storeAs,
  describeViolations,
  openSession,
  closeSession,
} from "../support/browser";
import { pdfText } from "../support/pdf";
import { declareEntrySize, renameSharedString } from "../support/zip";
import { buildXlsx } from "../unit/workbook/fixtures";
import { rowsToSave } from "../../src/ui/indicators/saved-results";
import { BOARD_MEMBERS, shownCounts, smallCountsShown } from "../support/small-counts";

const LEAD = "edi.lead@wres.test";
const COMMITTEE = "committee@wres.test";

/** The indicators' Web Worker (src/ui/indicators/worker.ts) as the build names it. */
const INDICATOR_WORKER = /\/assets\/worker-[\w-]+\.js$/;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The renamed column: the recruitment extract's "Ethnic Group" header as another system might call it. */
const RENAMED_HEADER = "Heritage of applicant";

let app: RunningApp;
let browser: Browser;
/** Employee numbers in the demo staff-in-post workbook (read here in the test, never by the page). */
let employeeNumbers: string[] = [];
/** This year's demo workbooks as uploaded by the plan editor (the recruitment one with its column renamed). */
let uploads: InputFile[] = [];
/** A count between 1 and 9 in indicator 1 of the exact (analyst's) results: never to be shown as it is. */
let smallCount: { table: string; row: string; count: number; side: "white" | "bme" } | null = null;
/** The exact results of this year's demo workbooks (the analyst's copy), as the test computes them. */
let exactResults: ResultsDocument | null = null;

async function openIndicators(page: Page) {
  await page.getByRole("tab", { name: "Indicators" }).click();
  await page.getByRole("heading", { name: "Year on year" }).waitFor();
}

/** Selects only the workbooks whose names match. */
async function selectOnly(page: Page, names: RegExp) {
  const boxes = page.getByRole("checkbox", { name: /^Select .*\.xlsx$/ });
  // The library's workbooks (the seeded demo ones at least) are listed once its folder has been read.
  await boxes.first().waitFor();
  for (const box of await boxes.all()) {
    const label = (await box.getAttribute("aria-label")) ?? "";
    if (names.test(label)) await box.check();
    else await box.uncheck();
  }
}

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo" }));
  // The project's demo generator, another seed than the site's own, so what runs is what was uploaded.
  const trust = generateTrust({ staff: 3000, seed: 11, year: "2024/25" });
  uploads = trust.files.map((f) =>
    /^recruitment-/.test(f.name)
      ? { name: `renamed-heritage-${f.name}`, bytes: renameSharedString(f.bytes, "Ethnic Group", RENAMED_HEADER) }
      : f,
  );
  const dataset = readWorkbooks(trust.files);
  employeeNumbers = [...new Set(dataset.staff.map((s) => s.personId))];
  const exact: ResultsDocument = computeResults(dataset, { period: "2024/25" });
  exactResults = exact;
  smallCount = smallCountOf(exact.indicators["1"] as RepresentationResult);
}, 300_000);

function smallCountOf(
  rep: RepresentationResult,
): { table: string; row: string; count: number; side: "white" | "bme" } | null {
  const tables: [string, Partial<Record<string, Counts>>][] = [
    ["Non-clinical staff", rep.cohorts["non-clinical"]],
    ["Clinical staff", rep.cohorts.clinical],
  ];
  for (const [table, rows] of tables) {
    for (const [band, c] of Object.entries(rows)) {
      for (const side of ["bme", "white"] as const) {
        const n = c?.[side];
        if (n !== null && n !== undefined && n > 0 && n < 10)
          return { table, row: band === "VSM" ? "VSM" : `Band ${band}`, count: n, side };
      }
    }
  }
  return null;
}

/** Everything this origin keeps in the browser: localStorage, sessionStorage and every IndexedDB store. */
async function browserStorageText(page: Page): Promise<{ text: string; databases: number }> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const storage of [window.localStorage, window.sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? "";
        out.push(`${key}=${storage.getItem(key) ?? ""}`);
      }
    }
    const databases = await indexedDB.databases();
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const read = db.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => resolve(read.result);
          read.onerror = () => reject(read.error);
        });
        out.push(`${info.name}/${name}=${JSON.stringify(all)}`);
      }
      db.close();
    }
    return { text: out.join("\n"), databases: databases.length };
  });
}

function employeeNumbersIn(text: string): string[] {
  return employeeNumbers.filter((id) => new RegExp(`(^|\\D)${id}(\\D|$)`).test(text));
}

afterAll(() => closeSession({ app, browser }));

describe("indicators in the tab", () => {
  it("uploads the demo workbooks, runs them in a worker, maps a renamed column, saves, takes an earlier year by hand and shows the trend after a reload; nothing row-level in any request or in the browser's storage", async () => {
    const { context, page } = await openAs(browser, app, LEAD);
    await openIndicators(page);

    // Upload this year's extracts through the file input, as the EDI lead would.
    await page
      .getByTestId("wres-upload-input")
      .setInputFiles(uploads.map((f) => ({ name: f.name, mimeType: XLSX, buffer: Buffer.from(f.bytes) })));
    // Each upload selects itself once it is in the library (most replace the site's own demo files of
    // the same name); when all are, only they are selected.
    await page
      .getByRole("button", { name: `Run indicators on ${uploads.length} workbooks` })
      .waitFor({ timeout: 120_000 });
    for (const f of uploads)
      await expect(page.getByRole("checkbox", { name: `Select ${f.name}` }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Upload workbooks" }).isEnabled()).resolves.toBe(true);

    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    const requests: Request[] = [];
    const record = (r: Request) => requests.push(r);
    page.on("request", record);
    await page.getByRole("button", { name: /^Run indicators/ }).click();
    await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 120_000 });
    // The module ran in a Web Worker, not on the page's thread.
    expect(workers.some((url) => INDICATOR_WORKER.test(url))).toBe(true);

    // The recruitment extract's ethnicity column was renamed: map it by hand, and the run goes again.
    const renamed = uploads.find((f) => /^renamed-heritage-/.test(f.name))!.name;
    await expect(page.getByRole("tab", { name: "2 Shortlisting" }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: `Map columns: ${renamed} / Applications` }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("This sheet holds").inputValue()).resolves.toBe("recruitment");
    await dialog.getByLabel("Ethnic origin (needed)").selectOption(RENAMED_HEADER);
    await dialog.getByRole("button", { name: "Save mapping and run again" }).click();
    await page.getByRole("tab", { name: "2 Shortlisting" }).waitFor({ timeout: 120_000 });
    await expect(page.getByRole("button", { name: /^Map columns:/ }).count()).resolves.toBe(0);

    // Indicator 1 opens first: BME share of the workforce and the band tables.
    const one = page.getByTestId("indicator-1");
    await expect(one.getByRole("heading", { name: "Indicator 1: workforce by pay band" }).isVisible()).resolves.toBe(
      true,
    );
    await expect(one.getByRole("table", { name: "Non-clinical staff" }).isVisible()).resolves.toBe(true);
    await expect(
      one
        .getByText(/^\d+\.\d%$/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, "indicators-1-default");

    await page.getByRole("tab", { name: "2 Shortlisting" }).click();
    const two = page.getByTestId("indicator-2");
    await two.getByRole("heading", { name: "Indicator 2: appointment from shortlisting" }).waitFor();
    await expect(
      two
        .getByText(/^\d\.\d\d$/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      two
        .getByText(/^95% confidence interval/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    // In plain words too, and the uncertainty said before any adverse label.
    await expect(
      two
        .getByText(
          /^White applicants were \d\.\d\d times as likely as BME applicants to be appointed from shortlisting \(95% confidence interval \d\.\d\d to \d\.\d\d\)\.$/,
        )
        .isVisible(),
    ).resolves.toBe(true);
    const labels = await two
      .locator('[data-testid="significance"], [data-testid="adverse"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    expect(labels[0]).toBe("significance");
    await expect(
      two
        .getByText(/non-adverse range|Adverse: outside/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    // Off the chart and its tooltip closed, so the click lands on the tab whatever the chart drew.
    await page.mouse.move(0, 0);
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "Validation report" }).click();
    await page.getByRole("heading", { name: "Rows excluded and why" }).waitFor();
    await expect(page.getByText("Bank-only worker (reported in the Bank WRES)").first().isVisible()).resolves.toBe(
      true,
    );
    await screenshot(page, "indicators-report-default");

    await page.getByRole("button", { name: "Save results for 2024/25" }).click();
    await page.getByText("Results saved. Small numbers were hidden before saving.").waitFor();
    page.off("request", record);

    // What was saved, read back from SharePoint over REST: one row per indicator, every count hidden
    // that the exact run has from 1 to 9 (the analyst's small count among them), no count that small
    // shown anywhere in any row, and no employee number.
    const savedRows = (await storeAs(app, LEAD).indicatorResults()).filter(
      (r) => r.year === "2024/25" && r.origin === "computed",
    );
    const substantiveRows = savedRows.filter((r) => r.standard === "nhs-england-wres");
    expect(substantiveRows.map((r) => r.indicator).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The bank workers' figures are rows of their own standard (docs/bank-workforce.md), checked below as well.
    const bankRows = savedRows.filter((r) => r.standard === "nhs-england-wres-bank");
    expect(bankRows.map((r) => r.indicator).sort((a, b) => a - b)).toEqual([1, 3, 4]);
    expect(substantiveRows.length + bankRows.length).toBe(savedRows.length);
    for (const row of savedRows) {
      const detail = JSON.parse(row.detail) as Record<string, unknown>;
      const name = `${row.standard} indicator ${row.indicator}`;
      expect(shownCounts(detail).length, `${name} has counts`).toBeGreaterThan(0);
      expect(smallCountsShown(detail, 10, [BOARD_MEMBERS]), name).toEqual([]);
      expect(employeeNumbersIn(row.detail), name).toEqual([]);
    }
    expect(smallCount).not.toBeNull();
    const savedOne = JSON.parse(substantiveRows.find((r) => r.indicator === 1)!.detail) as RepresentationResult;
    const cohort =
      smallCount!.table === "Clinical staff" ? savedOne.cohorts.clinical : savedOne.cohorts["non-clinical"];
    const band = smallCount!.row === "VSM" ? "VSM" : smallCount!.row.replace(/^Band /, "");
    const side = smallCount!.side;
    expect(cohort[band as "5"]![side]).toBeNull();
    expect(cohort[band as "5"]!.suppressed?.[side]).toBe("hidden");

    // Nothing row-level stays in the browser: the only thing kept is the column mapping (header names).
    const stored = await browserStorageText(page);
    expect(stored.text).toContain("wres.indicators.columnMappings");
    expect(stored.text).toContain(RENAMED_HEADER);
    expect(employeeNumbersIn(stored.text)).toEqual([]);

    // On paper: the summary and every indicator's tables, not only the open tab, and no navigation.
    await page.emulateMedia({ media: "print" });
    const printed = page.getByTestId("wres-print");
    await expect(printed.isVisible()).resolves.toBe(true);
    await expect(printed.getByRole("table", { name: "Summary of the indicators" }).isVisible()).resolves.toBe(true);
    for (const k of ["1", "2", "5", "9"])
      await expect(printed.getByTestId(`indicator-print-${k}`).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Print" }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole("tab", { name: "Validation report" }).isVisible()).resolves.toBe(false);
    await screenshot(page, "indicators-print-default");
    // And on the paper itself (the PDF's text): the summary, every indicator's heading and figures, no tab chrome.
    const paper = pdfText(await page.pdf({ format: "A4", printBackground: true }));
    for (const text of ["Results for 2024/25", "Headline figure", "95% confidence interval"])
      expect(paper, text).toContain(text);
    for (const k of ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
      expect(paper, `indicator ${k}`).toMatch(new RegExp(`Indicator ${k}: `));
    expect(paper).toContain("Indicator 2: appointment from shortlisting");
    expect(paper).not.toContain("Validation report");
    await page.emulateMedia({ media: "screen" });
    await expect(printed.isVisible()).resolves.toBe(false);

    // What left the page during the run and the save: never an employee number, in a URL or a body.
    expect(requests.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const r of requests) {
      const body = r.postDataBuffer()?.toString("latin1") ?? "";
      const text = `${r.url()}\n${body}`;
      for (const id of employeeNumbers)
        if (new RegExp(`(^|\\D)${id}(\\D|$)`).test(text)) leaks.push(`${r.method()} ${r.url()}: ${id}`);
    }
    expect(employeeNumbers.length).toBeGreaterThan(1000);
    expect(leaks).toEqual([]);
    // The workbooks only ever came down; nothing but the aggregated results went up.
    expect(requests.filter((r) => r.method() !== "GET" && !/\$batch|_api\/contextinfo/.test(r.url()))).toEqual([]);

    // An earlier year's figures as the trust published them: indicators 5 (lower is better) and 7
    // (higher is better) both rose since, so one improved and the other worsened.
    const past = page.getByRole("form", { name: "Add a published figure from an earlier year" });
    for (const indicator of ["5", "7"]) {
      await past.getByLabel("Year", { exact: true }).fill("2023/24");
      await past.getByLabel("Indicator").selectOption(indicator);
      await past.getByLabel("Published figure").fill("1.0");
      await past.getByRole("button", { name: "Add figure" }).click();
      await page
        .locator(`[data-testid="wres-trend"] tr[data-indicator="${indicator}"] td[data-year="2023/24"]`)
        .getByText("1.0%")
        .waitFor();
      // The form is done with this figure (its value cleared, the button enabled) before the next is typed:
      // typed sooner, the clearing that follows a save can land on the next figure.
      await expect.poll(() => past.getByLabel("Published figure").inputValue()).toBe("");
      await expect.poll(() => past.getByRole("button", { name: "Add figure" }).isEnabled()).toBe(true);
    }

    await page.reload();
    await openIndicators(page);
    const trend = page.getByTestId("wres-trend");
    await trend.waitFor();
    await expect(trend.getByRole("columnheader", { name: "2023/24" }).isVisible()).resolves.toBe(true);
    await expect(trend.getByRole("columnheader", { name: "2024/25" }).isVisible()).resolves.toBe(true);
    await expect(trend.getByRole("cell", { name: "2 Shortlisting" }).isVisible()).resolves.toBe(true);
    const cell = (indicator: number, year: string) =>
      trend.locator(`tr[data-indicator="${indicator}"] td[data-year="${year}"]`);
    await expect(cell(5, "2023/24").textContent()).resolves.toBe("1.0%Published");
    await expect(cell(5, "2024/25").textContent()).resolves.toMatch(/^\d+\.\d%Worsened$/);
    await expect(cell(5, "2024/25").locator('[data-trend="worsened"] svg').count()).resolves.toBe(1);
    await expect(cell(7, "2024/25").textContent()).resolves.toMatch(/^\d+\.\d%Improved$/);
    await expect(cell(7, "2024/25").locator('[data-trend="improved"] svg').count()).resolves.toBe(1);
    await expect(cell(7, "2024/25").getAttribute("data-origin")).resolves.toBe("computed");
    // After the reload the saved results are shown again, as saved.
    const savedView = page.getByTestId("wres-saved-results");
    await expect(savedView.getByRole("heading", { name: "Saved results for 2024/25" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "indicators-trend-default");
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });

  it("a reader sees the saved results only (suppressed), with no run controls", async () => {
    // Its own set-up: the plan editor's protected results for 2024/25, saved through the data layer as the
    // tab saves them (whatever an earlier test saved is overwritten, one row per indicator).
    const lead = storeAs(app, LEAD);
    const editor = await lead.me();
    await lead.saveIndicatorResults(rowsToSave(suppressResults(exactResults!), "2024/25", editor.title));
    const { context, page } = await openAs(browser, app, COMMITTEE);
    await openIndicators(page);
    await expect(page.getByRole("button", { name: /^Run indicators/ }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Hide counts below").count()).resolves.toBe(0);
    await expect(page.getByText(/Only plan editors can run the indicators/).isVisible()).resolves.toBe(true);
    const saved = page.getByTestId("wres-saved-results");
    await saved.getByRole("heading", { name: "Saved results for 2024/25" }).waitFor();
    await expect(saved.getByText(/^Saved on .+ by Jordan Ellis\.$/).isVisible()).resolves.toBe(true);
    await expect(
      saved
        .getByText(
          "Protected figures: any figure marked “*” is hidden (a count below 10, or one hidden to protect such a count).",
        )
        .isVisible(),
    ).resolves.toBe(true);
    const one = saved.getByTestId("indicator-1");
    await expect(one.getByRole("heading", { name: "Indicator 1: workforce by pay band" }).isVisible()).resolves.toBe(
      true,
    );
    // A count the analyst's exact run has below 10 is "*" here (the one mark of every hidden figure), never the number itself.
    expect(smallCount).not.toBeNull();
    const { table, row, count, side } = smallCount!;
    const line = one
      .getByRole("table", { name: table })
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: row, exact: true }) });
    const cells = await line.getByRole("cell").allTextContents();
    // Columns: band, White, BME, Unknown, Total, then the percentages: the small count's own cell is the mark.
    expect(cells[side === "white" ? 1 : 2]).toBe("*");
    expect(cells.slice(1)).not.toContain(String(count));
    await expect(one.getByText("*", { exact: true }).first().isVisible()).resolves.toBe(true);
    // No second mark anywhere on the page.
    await expect(page.getByText(/<\d+/).count()).resolves.toBe(0);
    await screenshot(page, "indicators-reader-default");
    await context.close();
  });

  it("a hostile workbook (zip bomb, __proto__ headers) ends in a clear message, and the tab stays usable", async () => {
    const { context, page } = await openAs(browser, app, LEAD);
    // The tab ends each run's worker; keep them until the test has looked inside (then end them).
    await page.addInitScript(() => {
      const kept: Worker[] = [];
      const terminate = Worker.prototype.terminate;
      Worker.prototype.terminate = function (this: Worker) {
        kept.push(this);
      };
      (window as unknown as { wresReleaseWorkers(): void }).wresReleaseWorkers = () =>
        kept.splice(0).forEach((w) => terminate.call(w));
    });
    await page.reload();
    await openIndicators(page);
    const bomb = declareEntrySize(
      buildXlsx([
        {
          name: "Staff",
          rows: [
            ["Employee Number", "Ethnic Origin"],
            ["1", "A"],
          ],
        },
      ]),
      "xl/worksheets/sheet1.xml",
      0xfff00000,
      "central and local",
    );
    const proto = buildXlsx([
      {
        name: "Staff",
        rows: [
          ["__proto__", "constructor", "prototype"],
          ...Array.from({ length: 20 }, (_, i) => [`{"polluted":${i}}`, "toString", "x"]),
        ],
      },
    ]);
    const input = page.getByTestId("wres-upload-input");
    await input.setInputFiles([
      {
        name: "hostile-bomb.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(bomb),
      },
      {
        name: "hostile-proto.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(proto),
      },
    ]);
    await page.getByRole("cell", { name: "hostile-proto.xlsx", exact: true }).waitFor();
    await page.getByRole("cell", { name: "hostile-bomb.xlsx", exact: true }).waitFor();
    // Only the two hostile files are selected (uploads select themselves).
    for (const name of await page.getByRole("checkbox", { name: /^Select .*\.xlsx$/ }).all()) {
      const label = (await name.getAttribute("aria-label")) ?? "";
      if (/hostile-/.test(label)) await name.check();
      else await name.uncheck();
    }
    await page.getByRole("button", { name: /^Run indicators/ }).click();
    await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 120_000 });
    await expect(page.getByText(/No indicator could be computed/).isVisible()).resolves.toBe(true);
    await page.getByRole("tab", { name: "Validation report" }).click();
    await expect(page.getByText(/too large to read safely/).isVisible()).resolves.toBe(true);
    // The __proto__ workbook is read as what it is, a sheet of no known shape: the user is told so, by
    // name, and offered the mapping dialog; nothing on the page was polluted.
    const report = page.getByRole("region", { name: "Validation report" });
    const protoRow = report
      .getByRole("table", { name: "What was read, from where" })
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "hostile-proto.xlsx", exact: true }) });
    await expect(protoRow.getByRole("cell", { name: "Not recognised" }).isVisible()).resolves.toBe(true);
    await expect(
      report
        .getByRole("listitem")
        .filter({
          hasText: /^hostile-proto\.xlsx, sheet "Staff", row 1: The columns were not recognised as any WRES table/,
        })
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      page.getByRole("button", { name: "Map columns: hostile-proto.xlsx / Staff" }).isVisible(),
    ).resolves.toBe(true);
    // Nothing polluted, judged where the workbook was read and where the results are shown: inside the
    // indicators' worker (kept alive past the run by the init script above) and inside the page.
    const pollution = () => ({
      polluted: "polluted" in {},
      added: Object.keys(Object.prototype),
      proto: Object.getPrototypeOf({}) === Object.prototype,
    });
    const clean = { polluted: false, added: [], proto: true };
    const workers = page.workers().filter((w) => INDICATOR_WORKER.test(w.url()));
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) await expect(worker.evaluate(pollution)).resolves.toEqual(clean);
    await expect(page.evaluate(pollution)).resolves.toEqual(clean);
    await page.evaluate(() => (window as unknown as { wresReleaseWorkers(): void }).wresReleaseWorkers());
    await screenshot(page, "indicators-hostile-default");
    // Still responsive: the other views open.
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByRole("heading", { name: "Objectives" }).waitFor();
    await context.close();
  });

  it("a 1,000,000-row workbook goes up in chunks with a progress bar, and its run ends in a result while the page stays responsive", async () => {
    const began = Date.now();
    const ethnicities = [
      "A White - British",
      "M Black - African",
      "H Asian - Indian",
      "C White - Other",
      "Z Not Stated",
    ];
    const bands = ["Band 2", "Band 5", "Band 6", "Band 7", "Band 8 - Range A"];
    const million = writeXlsx(
      [
        {
          name: "Staff in Post",
          rows: (function* () {
            yield ["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group"];
            for (let i = 0; i < 1_000_000; i++)
              yield [
                String(30_000_000 + i),
                ethnicities[i % 5],
                bands[i % 5],
                i % 2 ? "Administrative and Clerical" : "Nursing and Midwifery Registered",
              ];
          })(),
        },
      ],
      { level: 1 },
    );
    const generated = Date.now();
    // Large enough for the library's chunked upload.
    expect(million.byteLength).toBeGreaterThan(CHUNK_THRESHOLD);

    const { context, page } = await openAs(browser, app, LEAD);
    await openIndicators(page);
    const uploadRequests: string[] = [];
    page.on("request", (r) => {
      if (/(start|continue|finish)Upload/i.test(r.url())) uploadRequests.push(r.url());
    });
    await page
      .getByTestId("wres-upload-input")
      .setInputFiles([{ name: "hostile-million.xlsx", mimeType: XLSX, buffer: Buffer.from(million) }]);
    const uploading = page.getByRole("progressbar");
    await page.getByText("Uploading hostile-million.xlsx").waitFor();
    await expect(uploading.first().isVisible()).resolves.toBe(true);
    await page.getByRole("cell", { name: "hostile-million.xlsx", exact: true }).waitFor({ timeout: 120_000 });
    expect(uploadRequests.some((u) => /startUpload/i.test(u))).toBe(true);
    expect(uploadRequests.some((u) => /finishUpload/i.test(u))).toBe(true);
    const uploaded = Date.now();

    await selectOnly(page, /^Select hostile-million\.xlsx$/);
    await page.getByRole("button", { name: "Run indicators on 1 workbook" }).click();
    await page.getByRole("button", { name: "Cancel run" }).waitFor();
    await page.getByText("Reading the workbooks", { exact: true }).first().waitFor({ timeout: 60_000 });
    // While the worker reads a million rows, the page answers at once and takes typing.
    const ping = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - ping).toBeLessThan(1_000);
    const year = page
      .getByRole("form", { name: "Add a published figure from an earlier year" })
      .getByLabel("Year", { exact: true });
    await year.fill("2021/22");
    await expect(year.inputValue()).resolves.toBe("2021/22");
    await expect(page.getByRole("button", { name: "Cancel run" }).isVisible()).resolves.toBe(true);

    // A result, not a message: all million staff counted in indicator 1.
    await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 170_000 });
    const finished = Date.now();
    console.log(
      `1,000,000 rows: generated in ${generated - began} ms (${(million.byteLength / 1e6).toFixed(1)} MB), uploaded in ${uploaded - generated} ms (${uploadRequests.length} chunk requests), run in ${finished - uploaded} ms`,
    );
    await expect(page.getByText(/^The indicators could not be computed\./).count()).resolves.toBe(0);
    const one = page.getByTestId("indicator-1");
    await expect(one.getByRole("heading", { name: "Indicator 1: workforce by pay band" }).isVisible()).resolves.toBe(
      true,
    );
    const allStaff = one
      .getByRole("table", { name: "All staff" })
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "All staff", exact: true }) });
    // Columns: group, White, BME, Unknown, Total. A fifth of the rows has each of the five ethnic origins:
    // two White, two BME (Black, Asian), one not stated.
    expect((await allStaff.getByRole("cell").allTextContents()).slice(1, 5)).toEqual([
      "400,000",
      "400,000",
      "200,000",
      "1,000,000",
    ]);
    await screenshot(page, "indicators-million-default");
    await context.close();
  }, 400_000);

  it("a renamed column is mapped by hand in the dialog, and the sheet is then read", async () => {
    const { context, page } = await openAs(browser, app, LEAD);
    await openIndicators(page);
    const rows = [
      ["Heritage", "Shortlisted", "Appointed", "Pay Band"],
      ...Array.from({ length: 40 }, (_, i) => [
        i % 3 === 0 ? "M Black - African" : "A White - British",
        i % 2 ? "Yes" : "No",
        i % 4 === 1 ? "Yes" : "No",
        "Band 5",
      ]),
    ];
    await page.getByTestId("wres-upload-input").setInputFiles([
      {
        name: "renamed-recruitment.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(buildXlsx([{ name: "Applicants", rows }])),
      },
    ]);
    await page.getByRole("cell", { name: "renamed-recruitment.xlsx", exact: true }).waitFor();
    await selectOnly(page, /^Select renamed-recruitment\.xlsx$/);
    await page.getByRole("button", { name: /^Run indicators/ }).click();
    await page.getByRole("button", { name: /^Map columns: renamed-recruitment\.xlsx/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("This sheet holds").waitFor();
    await expect(dialog.getByLabel("This sheet holds").inputValue()).resolves.toBe("recruitment");
    await expect(dialog.getByRole("button", { name: "Save mapping and run again" }).isDisabled()).resolves.toBe(true);
    await screenshot(page, "indicators-mapping-default");
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await dialog.getByLabel("Ethnic origin (needed)").selectOption("Heritage");
    await dialog.getByRole("button", { name: "Save mapping and run again" }).click();
    await page.getByTestId("indicator-2").waitFor({ timeout: 120_000 });
    await expect(page.getByRole("button", { name: /^Map columns:/ }).count()).resolves.toBe(0);
    await context.close();
  });

  it("fits a narrow tab (the meeting side panel's 320 px) before and after a run: nothing scrolls the page sideways", async () => {
    const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
    // For the failure message: the innermost elements that stick out past the viewport.
    const wide = (page: Page) =>
      page.evaluate((width) => {
        const out: string[] = [];
        for (const el of Array.from(document.body.querySelectorAll("*"))) {
          const box = el.getBoundingClientRect();
          if (
            box.right > width + 1 &&
            !Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 1)
          ) {
            out.push(
              `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} "${(el.textContent ?? "").slice(0, 30)}" right=${Math.round(box.right)}`,
            );
          }
        }
        return out.slice(0, 6).join("; ");
      }, SIDE_PANEL.width);
    for (const theme of THEMES) {
      const { context, page } = await openAs(browser, app, LEAD, { theme, viewport: SIDE_PANEL });
      await openIndicators(page);
      await screenshot(page, `indicators-sidepanel-before-${theme}`);
      expect(await pageWidth(page), `${theme}, before a run: ${await wide(page)}`).toBeLessThanOrEqual(
        SIDE_PANEL.width,
      );
      await selectOnly(page, /^Select (?!hostile-|renamed-).*\.xlsx$/);
      await page.getByRole("button", { name: /^Run indicators/ }).click();
      await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 120_000 });
      await page.getByTestId("chart-1-non-clinical").getByRole("option").first().waitFor();
      await screenshot(page, `indicators-sidepanel-after-${theme}`);
      expect(await pageWidth(page), `${theme}, after a run: ${await wide(page)}`).toBeLessThanOrEqual(SIDE_PANEL.width);
      await context.close();
    }
  });

  it("reads correctly in every Teams theme, with no axe violations: the run, every result view, the trend and the mapping dialog", async () => {
    const renamed = [
      ["Heritage", "Shortlisted", "Appointed", "Pay Band"],
      ...Array.from({ length: 40 }, (_, i) => [
        i % 3 === 0 ? "M Black - African" : "A White - British",
        i % 2 ? "Yes" : "No",
        i % 4 === 1 ? "Yes" : "No",
        "Band 5",
      ]),
    ];
    for (const theme of THEMES) {
      const { context, page } = await openAs(browser, app, LEAD, { theme });
      await openIndicators(page);
      await selectOnly(page, /^Select (?!hostile-|renamed-).*\.xlsx$/);
      await screenshot(page, `indicators-run-${theme}`);
      await page.getByRole("button", { name: /^Run indicators/ }).click();
      await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 120_000 });
      // Fluent's charts draw once they have measured their box: wait for their bars and points.
      await page.getByTestId("chart-1-non-clinical").getByRole("option").first().waitFor();
      await screenshot(page, `indicators-1-${theme}`);
      await page.getByRole("tab", { name: "2 Shortlisting" }).click();
      await page.getByTestId("indicator-2").waitFor();
      await page
        .getByTestId("chart-2")
        .getByRole("img", { name: /^Relative likelihood/ })
        .waitFor();
      await screenshot(page, `indicators-2-${theme}`);
      const violations = await runAxe(page);
      expect(violations, `${theme}\n${describeViolations(violations)}`).toEqual([]);
      // Every other view: indicators 3 to 9 and the validation report.
      const views = page.getByRole("navigation", { name: "Indicator results" }).getByRole("tab");
      const names = await views.allTextContents();
      expect(names).toHaveLength(10);
      for (const [k, name] of names.entries()) {
        if (k < 2) continue;
        await views.nth(k).click();
        const key = k < 9 ? String(k + 1) : "report";
        if (key !== "report") await page.getByTestId(`indicator-${key}`).waitFor();
        const chart = page.getByTestId(`chart-${key}`);
        // A chart draws its figure, or says in words why there is none (a relative likelihood from hidden counts is not published).
        if (await chart.count())
          await chart
            .locator("svg")
            .first()
            .or(chart.getByText(/^Not drawn/))
            .first()
            .waitFor();
        await screenshot(page, `indicators-${key}-${theme}`);
        expect(await views.nth(k).getAttribute("aria-selected"), name).toBe("true");
      }
      const reportViolations = await runAxe(page);
      expect(reportViolations, `${theme} report\n${describeViolations(reportViolations)}`).toEqual([]);
      await page
        .locator("section[aria-labelledby=wres-trend-heading]")
        .screenshot({ path: join(SCREENSHOT_DIR, `indicators-trend-${theme}.png`) });

      // The mapping dialog, for a workbook whose ethnicity column has a name of its own.
      await page.getByTestId("wres-upload-input").setInputFiles([
        {
          name: "renamed-recruitment.xlsx",
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          buffer: Buffer.from(buildXlsx([{ name: "Applicants", rows: renamed }])),
        },
      ]);
      await page.getByRole("cell", { name: "renamed-recruitment.xlsx", exact: true }).waitFor();
      await selectOnly(page, /^Select renamed-recruitment\.xlsx$/);
      await page.getByRole("button", { name: /^Run indicators/ }).click();
      await page.getByRole("button", { name: /^Map columns: renamed-recruitment\.xlsx/ }).click({ timeout: 120_000 });
      await page.getByRole("dialog").getByLabel("This sheet holds").waitFor();
      await screenshot(page, `indicators-mapping-${theme}`);
      const dialogViolations = await runAxe(page);
      expect(dialogViolations, `${theme} mapping\n${describeViolations(dialogViolations)}`).toEqual([]);
      await context.close();
    }
  }, 400_000);
});
