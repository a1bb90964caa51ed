// Hostile plan files: each must end in a clear answer within bounded time and memory.
import { describe, expect, it } from "vitest";
import { parsePlanGrid } from "../../../src/plan/import";
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

  it("reads in bounded time and memory and answers that there is no plan in it", () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const grid = readSparseGrid({ name: options.fileName, bytes });
    const result = parsePlanGrid(grid.sheets, options);
    const elapsed = performance.now() - started;
    const grown = process.memoryUsage().heapUsed - heapBefore;
    expect(grid.sheets[0]?.rows[19_999]?.[16_383]).toBe("note 20000");
    expect(result.objectives).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: "noPlanTable", severity: "error" });
    expect(elapsed).toBeLessThan(3_000);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });
});

describe("sparse rows", () => {
  it("a published-style plan reads the same from sparse rows as from full rows", async () => {
    const { publishedStylePlan } = await import("./published-plan");
    const { readGrid } = await import("../../../src/workbook/grid");
    const bytes = await publishedStylePlan();
    const name = "plan.xlsx";
    const dense = parsePlanGrid(readGrid({ name, bytes }).sheets, { ...options, fileName: name });
    const sparse = parsePlanGrid(readSparseGrid({ name, bytes }).sheets, { ...options, fileName: name });
    expect(sparse).toEqual(dense);
    expect(sparse.objectives.length).toBe(2);
  });

  it("names the sheet's own column in messages when far columns are squeezed out", () => {
    const bytes = buildXlsx([
      {
        name: "Plan",
        rows: [["Objective 1: Fair recruitment"], ["No", "Action", "Lead", "RAG"]],
        cells: [
          { ref: "A3", value: "1.1" },
          { ref: "B3", value: "Diverse panels" },
          { ref: "C3", value: "Head of HR" },
          { ref: "D3", value: "purple" },
          { ref: "ZZ3", value: "stray" },
        ],
      },
    ]);
    const result = parsePlanGrid(readSparseGrid({ name: "p.xlsx", bytes }).sheets, options);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "ragUnknown", cell: "D3" }));
  });
});
