// Zip bombs against the workbook reader (the code the command line and the tab's Web Worker both run).
// Each is refused with one line naming the file and the part, in under 2 seconds of CPU (and 8 s of wall
// time, for a busy machine). The three bombs measured 0.09 to 0.21 s of CPU (0.19 to 0.55 s wall on a
// loaded 2-core machine); before streaming inflation the first was still inflating when killed after 200 s
// (the issue's run took 5 minutes). Peak memory rises by less than 200 MB (measured up to 76 MB; the two
// 400 MB bombs rose by 400 MB before).
import { describe, expect, it } from "vitest";
import { readWorkbooks, WorkbookError } from "../../../../src/workbook";
import {
  bombEntry,
  entry,
  MB,
  sheetXml,
  workbookParts,
  workbookWithSheet,
  writeZip,
} from "../../../support/hostile-workbooks";
import { measure } from "../../../support/measure";

/** The issue's bound, on CPU time (a loaded machine stretches wall time, not the work done). */
const SECONDS = 2_000;
/** Wall time, generous for a 2-core machine shared with several test runs. */
const WALL = 8_000;
const PEAK_MB = 200;

function refusal(name: string, bytes: Uint8Array) {
  const cost = measure(() => readWorkbooks([{ name, bytes }]));
  expect(cost.error, "the workbook was read instead of refused").toBeInstanceOf(WorkbookError);
  const issue = (cost.error as WorkbookError).issue;
  expect(issue.file).toBe(name);
  expect(issue.message).not.toContain("\n");
  expect(cost.ms).toBeLessThan(WALL);
  return { issue, cpuMs: cost.cpuMs, peakGrowthMb: cost.peakGrowthMb };
}

describe("zip bombs", () => {
  it("refuses a sheet that declares 32 MB and inflates to 16 GB, in under 2 s (was 5 minutes)", () => {
    const bytes = workbookWithSheet(bombEntry("xl/worksheets/sheet1.xml", 16_000 * MB, 32 * MB));
    expect(bytes.length).toBeLessThan(25 * MB);
    const { issue, cpuMs, peakGrowthMb } = refusal("bomb-16gb.xlsx", bytes);
    expect(["file-corrupt", "file-too-large"]).toContain(issue.code);
    expect(issue.message).toContain("bomb-16gb.xlsx");
    expect(issue.message).toContain("xl/worksheets/sheet1.xml");
    expect(cpuMs).toBeLessThan(SECONDS);
    expect(peakGrowthMb).toBeLessThan(PEAK_MB);
  });

  it("refuses a sheet that declares 400 MB (under the limit) from a 5 MB file, without inflating 400 MB", () => {
    const bytes = workbookWithSheet(bombEntry("xl/worksheets/sheet1.xml", 4_800 * MB, 400 * MB));
    expect(bytes.length).toBeLessThan(6 * MB);
    const { issue, cpuMs, peakGrowthMb } = refusal("bomb-400mb.xlsx", bytes);
    expect(issue.code).toBe("file-too-large");
    expect(issue.message).toMatch(
      /bomb-400mb\.xlsx is not a real workbook: its part xl\/worksheets\/sheet1\.xml expands more than 200 times/,
    );
    expect(cpuMs).toBeLessThan(SECONDS);
    expect(peakGrowthMb).toBeLessThan(PEAK_MB);
  });

  it("refuses a sheet that honestly inflates to the 400 MB it declares, when all of it is one repeated byte", () => {
    const bytes = workbookWithSheet(bombEntry("xl/worksheets/sheet1.xml", 400 * MB, 400 * MB));
    const { issue, cpuMs, peakGrowthMb } = refusal("honest-bomb.xlsx", bytes);
    expect(issue.code).toBe("file-too-large");
    expect(issue.message).toContain("xl/worksheets/sheet1.xml");
    expect(cpuMs).toBeLessThan(SECONDS);
    expect(peakGrowthMb).toBeLessThan(PEAK_MB);
  });

  it("refuses a part that declares more than the whole budget before inflating anything", () => {
    const bytes = workbookWithSheet(bombEntry("xl/worksheets/sheet1.xml", 16 * MB, 3_000 * MB));
    const { issue, cpuMs } = refusal("declared-3gb.xlsx", bytes);
    expect(issue.code).toBe("file-too-large");
    expect(issue.message).toMatch(/would expand to more than \d+ MB/);
    expect(cpuMs).toBeLessThan(SECONDS);
  });

  it("refuses a lie past the budget given to the reader, naming the part", () => {
    const bytes = workbookWithSheet(bombEntry("xl/worksheets/sheet1.xml", 160 * MB, 4 * MB - 4096));
    const cost = measure(() => readWorkbooks([{ name: "small-budget.xlsx", bytes }], { maxUncompressedBytes: 4 * MB }));
    const issue = (cost.error as WorkbookError).issue;
    expect(issue.code).toBe("file-too-large");
    expect(issue.message).toContain("xl/worksheets/sheet1.xml");
    expect(cost.cpuMs).toBeLessThan(SECONDS);
  });

  it("refuses entries that overlap (one deflate stream named as thousands of parts)", () => {
    const sheets = Array.from({ length: 2_000 }, (_v, i) => ({
      name: `S${i + 1}`,
      path: `xl/worksheets/sheet${i + 1}.xml`,
    }));
    const data = entry(
      "xl/worksheets/sheet1.xml",
      sheetXml([
        ["Employee Number", "Ethnic Origin"],
        [1, "A"],
      ]),
    );
    const copies = sheets.slice(1).map((s) => ({ ...data, name: s.path, sameDataAs: data.name }));
    const bytes = writeZip([...workbookParts(sheets), data, ...copies]);
    const { issue, cpuMs } = refusal("overlap.xlsx", bytes);
    expect(issue.code).toBe("file-corrupt");
    expect(issue.message).toMatch(
      /overlap\.xlsx is not a readable workbook: the zip container is damaged \(.*overlap\)/,
    );
    expect(cpuMs).toBeLessThan(SECONDS);
  });

  it("refuses a workbook whose sheets all name the same part (one 8 MB part read a thousand times)", () => {
    const rows: (string | number)[][] = [["Employee Number", "Ethnic Origin"]];
    for (let i = 1; i <= 200_000; i++) rows.push([i, "A White - British"]);
    const sheets = Array.from({ length: 1_000 }, (_v, i) => ({ name: `S${i + 1}`, path: "xl/worksheets/sheet1.xml" }));
    const bytes = writeZip([...workbookParts(sheets), entry("xl/worksheets/sheet1.xml", sheetXml(rows))]);
    const { issue, cpuMs, peakGrowthMb } = refusal("same-part.xlsx", bytes);
    expect(issue.code).toBe("file-corrupt");
    expect(issue.message).toContain('sheets "S1" and "S2" are the same part');
    expect(cpuMs).toBeLessThan(SECONDS);
    expect(peakGrowthMb).toBeLessThan(PEAK_MB);
  });

  it("reads a workbook of 5,000 tiny sheets in bounded time", () => {
    const sheets = Array.from({ length: 5_000 }, (_v, i) => ({
      name: `S${i + 1}`,
      path: `xl/worksheets/sheet${i + 1}.xml`,
    }));
    const parts = sheets.map((s, i) => entry(s.path, sheetXml([["Note"], [`sheet ${i + 1}`]])));
    const bytes = writeZip([...workbookParts(sheets), ...parts]);
    const cost = measure(() => readWorkbooks([{ name: "many.xlsx", bytes }]));
    expect(cost.error).toBeUndefined();
    expect(cost.result!.sheets).toHaveLength(5_000);
    expect(cost.cpuMs).toBeLessThan(10_000);
    expect(cost.peakGrowthMb).toBeLessThan(PEAK_MB);
  });
});
