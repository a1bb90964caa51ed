// Hostile plan files in bounded time: kept apart from hostile.test.ts because their time bounds are about the
// real code; the mutation run (test/mutation) leaves them out, as instrumented code is slower.
import { describe, expect, it } from "vitest";
import { parsePlanGrid } from "../../../src/plan/import";
import { readPlanFile } from "../../../src/plan/import/source";
import { readSparseGrid } from "../../../src/workbook/grid";
import { buildXlsx } from "./xlsx-builder";

const options = { planYear: "2024/25", fileName: "wide.xlsx" };

describe("a sparse, wide plan workbook", () => {
  // 20,000 rows, each with one cell in column XFD (the last column Excel has): read as dense rows
  // this is 20,000 x 16,384 cells (gigabytes); sparse it is 20,000 cells.
  const cells = Array.from({ length: 20_000 }, (_, r) => ({ ref: `XFD${r + 1}`, value: `note ${r + 1}` }));
  const bytes = buildXlsx([{ name: "Plan", rows: [], cells }]);

  it("is a small file", () => {
    expect(bytes.length).toBeLessThan(400_000);
  });

  it("reads in bounded time and memory and answers that it is too long to be a plan", () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const grid = readSparseGrid({ name: options.fileName, bytes });
    const result = parsePlanGrid(grid.sheets, options);
    const elapsed = performance.now() - started;
    const grown = process.memoryUsage().heapUsed - heapBefore;
    expect(grid.sheets[0]?.rows[19_999]?.[16_383]).toBe("note 20000");
    expect(result.objectives).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "tooManyRows", severity: "error", sheet: "Plan", value: "20000" }),
    ]);
    expect(elapsed).toBeLessThan(3_000);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });
});

describe("a long sheet", () => {
  it("a 5,000-row sheet is refused as not a plan, quickly", () => {
    const rows = [
      ["No", "Action", "Lead", "RAG"],
      ...Array.from({ length: 5_000 }, (_, i) => [String(i + 1), `Action ${i + 1}`, "Someone", "Green"]),
    ];
    const started = performance.now();
    const source = readPlanFile({ name: "extract.xlsx", bytes: buildXlsx([{ name: "Extract", rows }]) });
    const result = parsePlanGrid(source.sheets, { fileName: "extract.xlsx", documentText: source.documentText });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.objectives).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "tooManyRows", severity: "error", sheet: "Extract", value: "5001" }),
    ]);
  });
});
