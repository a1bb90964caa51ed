// The results workbook's breakdown sheets, read back cell by cell: the figures a protected copy carries, the one
// mark where it hides one, and Excel number formats on what is shown.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { BreakdownTable, ResultsDocument } from "../../../src/indicators";
import { breakdownSheets } from "../../../src/reports/breakdowns-xlsx";

const HIDDEN = { suppressed: { count: "hidden" as const } };

/** Indicator 1 by gender: Female 30 White, 10 BME (40 in all); Male 6 White and a hidden BME count (9). */
const headcount: BreakdownTable = {
  dimension: "gender",
  rows: ["female", "male"],
  columns: ["white", "bme", "total"],
  sides: { white: "reference", bme: "focus" },
  cells: {
    female: { white: { count: 30 }, bme: { count: 10 }, total: { count: 40 } },
    male: { white: { count: 6 }, bme: { count: null, ...HIDDEN }, total: { count: 9 } },
  },
};

/** Indicator 3 by gender: cases of staff, the rate, the likelihood against White, and everyone in the row. */
const likelihood: BreakdownTable = {
  dimension: "gender",
  rows: ["female", "male"],
  columns: ["white", "bme", "total"],
  sides: { white: "reference", bme: "focus" },
  cells: {
    female: {
      white: { count: 4, of: 200, rate: 0.02 },
      bme: { count: 3, of: 100, rate: 0.03 },
      total: { count: 7, of: 300, rate: 7 / 300 },
    },
    male: {
      white: { count: null, of: 150, rate: null, suppressed: { count: "hidden", rate: "hidden" } },
      bme: { count: 5, of: 50, rate: 0.1 },
      total: { count: null, of: 200, rate: null, suppressed: { count: "hidden", rate: "hidden" } },
    },
  },
  likelihood: { female: { bme: 1.5 }, male: { bme: null } },
};

async function sheet(): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  const doc = {
    audience: "protected",
    indicators: { "1": { breakdowns: [headcount] }, "3": { breakdowns: [likelihood] } },
  } as unknown as ResultsDocument;
  breakdownSheets(wb, doc);
  // Written and read again, as a reader's Excel opens it.
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  expect(back.worksheets.map((w) => w.name)).toEqual(["By gender"]);
  return back.worksheets[0]!;
}

/** A row's values from column A, an empty cell as null (exceljs leaves holes). */
const values = (ws: ExcelJS.Worksheet, n: number) =>
  Array.from((ws.getRow(n).values as unknown[]).slice(1), (v) => v ?? null);

describe("the results workbook's breakdown sheets", () => {
  it("gives a headcount block: each group's count and the row's total, the hidden mark, counts formatted", async () => {
    const ws = await sheet();
    const rows = Array.from({ length: ws.rowCount }, (_, i) => values(ws, i + 1));
    const at = rows.findIndex((r) => r[0] === "Indicator 1: Workforce by pay band (percentage White, BME and unknown)");
    expect(rows.slice(at + 1, at + 4)).toEqual([
      ["gender", "White", "BME", "Total"],
      ["Female", 30, 10, 40],
      ["Male", 6, "*", 9],
    ]);
    expect(ws.getRow(at + 3).getCell(2).numFmt).toBe("#,##0");
  });

  it("gives a likelihood block: count, denominator, rate and RL per group, then everyone in the row", async () => {
    const ws = await sheet();
    const rows = Array.from({ length: ws.rowCount }, (_, i) => values(ws, i + 1));
    const at = rows.findIndex((r) => String(r[0]).startsWith("Indicator 3:"));
    expect(rows[at + 1]).toEqual([
      "gender",
      "White count",
      "White of",
      "White rate",
      "White RL",
      "BME count",
      "BME of",
      "BME rate",
      "BME RL",
      "Total count",
      "Total of",
      "Total rate",
    ]);
    expect(rows[at + 2]).toEqual(["Female", 4, 200, 0.02, null, 3, 100, 0.03, 1.5, 7, 300, 7 / 300]);
    // White's hidden case count hides BME's likelihood against it, and the row's total count and rate.
    expect(rows[at + 3]).toEqual(["Male", "*", 150, "*", null, 5, 50, 0.1, "*", "*", 200, "*"]);
    const female = ws.getRow(at + 3);
    expect([2, 3, 4, 9, 10, 11, 12].map((c) => female.getCell(c).numFmt)).toEqual([
      "#,##0",
      "#,##0",
      "0.000",
      "0.00",
      "#,##0",
      "#,##0",
      "0.000",
    ]);
  });
});
