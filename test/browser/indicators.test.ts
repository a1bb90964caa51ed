// The Indicators view in Chromium against the dev server and the seeded local SharePoint site: the
// plan editor runs the demo workbooks in the Web Worker, sees indicators 1 and 2, saves, reloads and
// sees the saved year; no request made during the run carries a staff-level value; hostile workbooks
// end in a clear message; axe-core finds nothing; screenshots in the three Teams themes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page, Request } from "playwright-core";
import { createPlanStore, createSp } from "../../src/sharepoint";
import { readWorkbooks } from "../../src/workbook";
import { THEMES, launchBrowser, openAs, runAxe, screenshot, startApp, type AxeViolation, type RunningApp } from "../support/browser";
import { buildXlsx } from "../unit/workbook/fixtures";

const LEAD = "edi.lead@wres.test";
const COMMITTEE = "committee@wres.test";

let app: RunningApp;
let browser: Browser;
/** Employee numbers in the demo staff-in-post workbook (read here in the test, never by the page). */
let employeeNumbers: string[] = [];

function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n  ")}`).join("\n");
}

async function openIndicators(page: Page) {
  await page.getByRole("tab", { name: "Indicators" }).click();
  await page.getByRole("heading", { name: "Year on year" }).waitFor();
}

/** Selects every workbook in the library and runs; waits for the results. */
async function runAll(page: Page) {
  await page.getByRole("checkbox", { name: "Select all workbooks" }).check();
  await page.getByRole("button", { name: /^Run indicators/ }).click();
  await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 120_000 });
}

/** Rewrites the declared uncompressed size of a zip entry (local and central headers): a bomb that says what it is. */
function declareSize(zip: Uint8Array, path: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(path);
  const matches = (at: number) => name.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && matches(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && matches(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

beforeAll(async () => {
  app = await startApp({ seed: "demo" });
  browser = await launchBrowser();
  const store = createPlanStore(createSp({ siteUrl: `${app.url}sites/wres`, getToken: async () => `dev:${LEAD}`, retries: 0 }));
  const files = await store.dataFiles();
  const staffFile = files.find((f) => /staff-in-post/.test(f.name));
  if (!staffFile) throw new Error("the demo library has no staff-in-post workbook");
  const dataset = readWorkbooks([{ name: staffFile.name, bytes: await store.downloadDataFile(staffFile.serverRelativeUrl) }]);
  employeeNumbers = [...new Set(dataset.staff.map((s) => s.personId))];
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("indicators in the tab", () => {
  it("runs the demo workbooks in a worker, shows indicators 1 and 2, saves, and shows the saved year after a reload; no request carries row-level data", async () => {
    const { context, page } = await openAs(browser, app, LEAD);
    await openIndicators(page);
    await page.getByRole("cell", { name: /^staff-in-post.*\.xlsx$/ }).waitFor();

    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    const requests: Request[] = [];
    const record = (r: Request) => requests.push(r);
    page.on("request", record);
    await runAll(page);
    // The module ran in a Web Worker, not on the page's thread.
    expect(workers.some((url) => /indicators\/worker/.test(url))).toBe(true);

    // Indicator 1 opens first: BME share of the workforce and the band tables.
    const one = page.getByTestId("indicator-1");
    await expect(one.getByRole("heading", { name: "Indicator 1: workforce by pay band" }).isVisible()).resolves.toBe(true);
    await expect(one.getByRole("table", { name: "Non-clinical staff" }).isVisible()).resolves.toBe(true);
    await expect(one.getByText(/^\d+\.\d%$/).first().isVisible()).resolves.toBe(true);
    await screenshot(page, "indicators-1-default");

    await page.getByRole("tab", { name: "2 Shortlisting" }).click();
    const two = page.getByTestId("indicator-2");
    await two.getByRole("heading", { name: "Indicator 2: appointment from shortlisting" }).waitFor();
    await expect(two.getByText(/^\d\.\d\d$/).first().isVisible()).resolves.toBe(true);
    await expect(two.getByText(/^95% confidence interval/).isVisible()).resolves.toBe(true);
    await expect(two.getByText(/non-adverse range|Adverse: outside/).first().isVisible()).resolves.toBe(true);

    await page.getByRole("tab", { name: "Validation report" }).click();
    await page.getByRole("heading", { name: "Rows excluded and why" }).waitFor();
    await expect(page.getByText("Bank-only worker (reported in the Bank WRES)").first().isVisible()).resolves.toBe(true);
    await screenshot(page, "indicators-report-default");

    await page.getByRole("button", { name: /^Save results for/ }).click();
    await page.getByText("Results saved. Small numbers were hidden before saving.").waitFor();
    page.off("request", record);

    // On paper: the summary and every indicator's tables, not only the open tab, and no navigation.
    await page.emulateMedia({ media: "print" });
    const printed = page.getByTestId("wres-print");
    await expect(printed.isVisible()).resolves.toBe(true);
    await expect(printed.getByRole("table", { name: "Summary of the indicators" }).isVisible()).resolves.toBe(true);
    for (const k of ["1", "2", "5", "9"]) await expect(printed.getByTestId(`indicator-print-${k}`).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Print" }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole("tab", { name: "Validation report" }).isVisible()).resolves.toBe(false);
    await screenshot(page, "indicators-print-default");
    await page.emulateMedia({ media: "screen" });
    await expect(printed.isVisible()).resolves.toBe(false);

    // What left the page during the run and the save: never an employee number, in a URL or a body.
    expect(requests.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const r of requests) {
      const body = r.postDataBuffer()?.toString("latin1") ?? "";
      const text = `${r.url()}\n${body}`;
      for (const id of employeeNumbers) if (new RegExp(`(^|\\D)${id}(\\D|$)`).test(text)) leaks.push(`${r.method()} ${r.url()}: ${id}`);
    }
    expect(employeeNumbers.length).toBeGreaterThan(1000);
    expect(leaks).toEqual([]);
    // The workbooks only ever came down; nothing but the aggregated results went up.
    expect(requests.filter((r) => r.method() !== "GET" && !/\$batch|_api\/contextinfo/.test(r.url()))).toEqual([]);

    await page.reload();
    await openIndicators(page);
    const trend = page.getByTestId("wres-trend");
    await trend.waitFor();
    await expect(trend.getByRole("columnheader", { name: "2024/25" }).isVisible()).resolves.toBe(true);
    await expect(trend.getByRole("cell", { name: "2 Shortlisting" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "indicators-trend-default");
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });

  it("a reader sees the saved results only (suppressed), with no run controls", async () => {
    const { context, page } = await openAs(browser, app, COMMITTEE);
    await openIndicators(page);
    await expect(page.getByRole("button", { name: /^Run indicators/ }).count()).resolves.toBe(0);
    await expect(page.getByText(/Only plan editors can run the indicators/).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("a hostile workbook (zip bomb, __proto__ headers) ends in a clear message, and the tab stays usable", async () => {
    const { context, page } = await openAs(browser, app, LEAD);
    await openIndicators(page);
    const bomb = declareSize(buildXlsx([{ name: "Staff", rows: [["Employee Number", "Ethnic Origin"], ["1", "A"]] }]), "xl/worksheets/sheet1.xml", 0xfff00000);
    const proto = buildXlsx([{ name: "Staff", rows: [["__proto__", "constructor", "prototype"], ...Array.from({ length: 20 }, (_, i) => [`{"polluted":${i}}`, "toString", "x"])] }]);
    const input = page.getByTestId("wres-upload-input");
    await input.setInputFiles([
      { name: "hostile-bomb.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(bomb) },
      { name: "hostile-proto.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(proto) },
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
    await expect(page.evaluate(() => ({}) as Record<string, unknown>).then((o) => "polluted" in o)).resolves.toBe(false);
    await screenshot(page, "indicators-hostile-default");
    // Still responsive: the other views open.
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByRole("heading", { name: "Objectives" }).waitFor();
    await context.close();
  });

  it("a renamed column is mapped by hand in the dialog, and the sheet is then read", async () => {
    const { context, page } = await openAs(browser, app, LEAD);
    await openIndicators(page);
    const rows = [["Heritage", "Shortlisted", "Appointed", "Pay Band"], ...Array.from({ length: 40 }, (_, i) => [i % 3 === 0 ? "M Black - African" : "A White - British", i % 2 ? "Yes" : "No", i % 4 === 1 ? "Yes" : "No", "Band 5"])];
    await page.getByTestId("wres-upload-input").setInputFiles([{ name: "renamed-recruitment.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(buildXlsx([{ name: "Applicants", rows }])) }]);
    await page.getByRole("cell", { name: "renamed-recruitment.xlsx", exact: true }).waitFor();
    for (const box of await page.getByRole("checkbox", { name: /^Select .*\.xlsx$/ }).all()) {
      const label = (await box.getAttribute("aria-label")) ?? "";
      if (/renamed-/.test(label)) await box.check();
      else await box.uncheck();
    }
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

  it("reads correctly in every Teams theme, with no axe violations", async () => {
    for (const theme of THEMES) {
      const { context, page } = await openAs(browser, app, LEAD, { theme });
      await openIndicators(page);
      for (const box of await page.getByRole("checkbox", { name: /^Select .*\.xlsx$/ }).all()) {
        const label = (await box.getAttribute("aria-label")) ?? "";
        if (/hostile-|renamed-/.test(label)) await box.uncheck();
        else await box.check();
      }
      await page.getByRole("button", { name: /^Run indicators/ }).click();
      await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 120_000 });
      // Fluent's charts draw once they have measured their box: wait for their bars and points.
      await page.getByTestId("chart-1-non-clinical").getByRole("option").first().waitFor();
      await screenshot(page, `indicators-1-${theme}`);
      await page.getByRole("tab", { name: "2 Shortlisting" }).click();
      await page.getByTestId("indicator-2").waitFor();
      await page.getByTestId("chart-2").getByRole("img", { name: /^Relative likelihood/ }).waitFor();
      await screenshot(page, `indicators-2-${theme}`);
      const violations = await runAxe(page);
      expect(violations, `${theme}\n${describeViolations(violations)}`).toEqual([]);
      await page.getByRole("tab", { name: "5 Public" }).click();
      await page.getByTestId("chart-5").getByRole("option").first().waitFor();
      await screenshot(page, `indicators-5-${theme}`);
      await page.getByRole("tab", { name: "9 Board" }).click();
      await page.getByTestId("indicator-9").waitFor();
      await screenshot(page, `indicators-9-${theme}`);
      await context.close();
    }
  });
});
