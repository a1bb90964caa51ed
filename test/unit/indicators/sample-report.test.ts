// docs/sample-report.md shows analysts the report the command line prints, whole, for a generated trust. These
// tests render it again and compare, so the page cannot drift from the report, and every line of the report's
// wording is pinned. After a deliberate change to the report, `npm run docs:sample-report` rewrites the page
// (WRES_UPDATE_SAMPLE_REPORT=1): read its diff before committing it.
import { describe, expect, it } from "vitest";
import { generateTrust } from "../../../src/demo/trust";
import { computeResults, renderMarkdown, suppressResults } from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook/read";
import { reportOnPage, SAMPLE, writeReportOnPage } from "../../support/sample-report";

/** What `npm run -s indicators -- <this year's workbooks> --previous <last year's results> --organisation ...` prints. */
function sampleReport(): string {
  const { staff, organisation } = SAMPLE;
  const read = (year: { seed: number; year: string }) => readWorkbooks(generateTrust({ staff, ...year }).files);
  const previous = computeResults(read(SAMPLE.lastYear), { organisation });
  const doc = computeResults(read(SAMPLE.thisYear), { previous, organisation });
  return renderMarkdown(suppressResults(doc, 10, { previous }));
}

/** Each Markdown table of a report: its header's cells and each row's. */
function tables(md: string): { header: string[]; rows: string[][] }[] {
  const cells = (line: string) => line.slice(2, -2).split(/(?<!\\) \| /);
  const out: { header: string[]; rows: string[][] }[] = [];
  let current: { header: string[]; rows: string[][] } | null = null;
  for (const line of md.split("\n")) {
    if (!line.startsWith("| ")) current = null;
    else if (!current) out.push((current = { header: cells(line), rows: [] }));
    else current.rows.push(cells(line));
  }
  return out;
}

describe("the sample report in docs/sample-report.md", () => {
  // Rendered by the first test that needs it (2 s), not in the describe body: mutation testing credits code only
  // to the test it runs in, and the line-for-line comparison is the test that notices any change.
  let rendered: string | undefined;
  const theReport = () => (rendered ??= sampleReport());

  it("is the report the command line prints for the generated trust, line for line", () => {
    const report = theReport();
    if (process.env.WRES_UPDATE_SAMPLE_REPORT === "1") writeReportOnPage(report);
    const shown = reportOnPage();
    expect(shown, "the page ends with the report in a markdown fence").toBeDefined();
    const [shownLines, reportLines] = [shown!.split("\n"), report.split("\n")];
    const first = reportLines.findIndex((line, i) => line !== shownLines[i]);
    expect(
      first === -1 ? null : { line: first + 1, page: shownLines[first], report: reportLines[first] },
      "the first line where the page and the report differ (npm run docs:sample-report rewrites the page)",
    ).toBeNull();
    expect(shownLines.length).toBe(reportLines.length);
  });

  it("gives every row of every table as many cells as its header", () => {
    const all = tables(theReport());
    expect(all.length).toBeGreaterThan(40);
    for (const { header, rows } of all) {
      expect(rows[0], header.join(" | ")).toEqual(header.map(() => "---"));
      for (const row of rows) expect(row.length, `${header.join(" | ")}\n${row.join(" | ")}`).toBe(header.length);
    }
  });

  it("gives as many rows excluded as the reasons it lists add up to", () => {
    // The bank-only rows of a sheet whose bank records are hidden are left out of both, or the difference would
    // give the hidden count.
    const lines = theReport().split("\n");
    const at = lines.findIndex((l) => l.startsWith("Rows excluded while reading: "));
    const total = Number(/: ([\d,]+)\.$/.exec(lines[at]!)![1]!.replaceAll(",", ""));
    const reasons: number[] = [];
    for (let i = at + 1; lines[i]!.startsWith("- "); i++)
      reasons.push(Number(/: ([\d,]+)$/.exec(lines[i]!)![1]!.replaceAll(",", "")));
    expect(reasons.length).toBeGreaterThan(1);
    expect(reasons.reduce((a, b) => a + b)).toBe(total);
  });

  it("publishes no count below the threshold", () => {
    // Counts are the figures before " (", " /" or the end of a cell, in every table of every section.
    // Board composition is the exception the report states: published in full by default, as WRES reports do.
    const report = theReport();
    const counted = tables(report).filter(({ header }) => !header.includes("Members (White / BME / unknown)"));
    expect(counted.length).toBe(tables(report).length - 1);
    for (const { rows } of counted)
      for (const row of rows.slice(1))
        for (const cell of row.slice(1))
          for (const [, figure] of cell.matchAll(/(?:^|\/ )(\d[\d,]*)(?= \(| \/|,|$)/g)) {
            const n = Number(figure!.replaceAll(",", ""));
            expect(n === 0 || n >= 10, `${row[0]}: ${cell}`).toBe(true);
          }
  });
});
