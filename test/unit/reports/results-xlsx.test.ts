import { beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { computeResults, suppressResults, type ResultsDocument } from "../../../src/indicators/index";
import { resultsWorkbook } from "../../../src/reports/results-xlsx";
import type {
  AfcBand,
  ApplicationRecord,
  CaseRecord,
  Cohort,
  Dataset,
  Ethnicity,
  StaffRecord,
  SurveyRecord,
} from "../../../src/indicators";

const EVIL_FILE = '=HYPERLINK("http://example.invalid","click").xlsx';
const source = { file: EVIL_FILE, sheet: "@Staff" };

function ethnicity(group: "white" | "bme" | "unknown"): Ethnicity {
  if (group === "white") return { group, broad: "white", code: "A", localCode: "A", raw: "A White - British" };
  if (group === "bme")
    return { group, broad: "black", code: "N", localCode: "N", raw: "N Black or Black British - African" };
  return { group, broad: "unknown", code: null, localCode: null, raw: "Z Not Stated" };
}

let nextId = 1;
function staff(
  n: number,
  group: "white" | "bme" | "unknown",
  band: AfcBand,
  cohort: Cohort = "clinical",
): StaffRecord[] {
  return Array.from({ length: n }, () => ({
    personId: String(nextId++),
    ethnicity: ethnicity(group),
    cohort,
    band,
    medical: null,
    seniorMedicalManager: false,
    staffGroup: cohort === "clinical" ? "Nursing and Midwifery Registered" : "Administrative and Clerical",
    gender: null,
    disability: null,
    directorate: null,
    board: null,
    source,
    row: 5,
  }));
}

function applications(group: "white" | "bme", shortlisted: number, appointed: number): ApplicationRecord[] {
  return Array.from({ length: shortlisted }, (_, i) => ({
    ethnicity: ethnicity(group),
    shortlisted: true,
    appointed: i < appointed,
    band: null,
    post: null,
    date: "2024-06-01",
    source,
    row: 5,
  }));
}

function dataset(): Dataset {
  const people = [
    ...staff(300, "white", "5"),
    ...staff(120, "bme", "5"),
    ...staff(40, "white", "8a", "non-clinical"),
    ...staff(3, "bme", "8a", "non-clinical"), // a count below 10: must be suppressed
    ...staff(12, "unknown", "2", "non-clinical"),
  ];
  const cases: CaseRecord[] = people
    .slice(0, 6)
    .concat(people.slice(300, 306))
    .map((p) => ({
      personId: p.personId,
      ethnicity: p.ethnicity,
      caseType: "disciplinary",
      stage: null,
      startDate: "2024-09-01",
      outcome: null,
      source,
      row: 5,
    }));
  const survey: SurveyRecord[] = ([5, 6, 7, 8] as const).map((indicator) => ({
    indicator,
    year: 2024,
    whitePct: 20 + indicator,
    bmePct: 25 + indicator,
    whiteRespondents: 200,
    bmeRespondents: 80,
    source,
    row: 5,
  }));
  return {
    staff: people,
    applications: [...applications("white", 100, 30), ...applications("bme", 80, 12)],
    cases,
    training: [],
    board: [],
    survey,
    aggregates: [],
    sheets: [
      {
        file: EVIL_FILE,
        sheet: "@Staff",
        kind: "staff",
        headerRow: 4,
        columns: {},
        rowsRead: people.length,
        rowsUsed: people.length,
        rowsExcluded: 0,
        exclusions: {},
        unknownEthnicityPct: 2.5,
        signature: "x",
      },
    ],
    issues: [],
    period: "2024/25",
    snapshotDate: "2025-03-31",
  };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function allCells(wb: ExcelJS.Workbook): { sheet: string; ref: string; value: ExcelJS.CellValue }[] {
  const cells: { sheet: string; ref: string; value: ExcelJS.CellValue }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push({ sheet: ws.name, ref: cell.address, value: cell.value });
      }),
    ),
  );
  return cells;
}

describe("resultsWorkbook", () => {
  let doc: ResultsDocument;
  beforeEach(() => {
    doc = computeResults(dataset(), { organisation: "=Demo Trust" });
  });

  it("has a summary of the indicators and one sheet per indicator table", async () => {
    const wb = await load(await resultsWorkbook(doc));
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Summary");
    expect(names).toEqual(
      expect.arrayContaining(["1 Workforce", "2 Shortlisting", "3 Disciplinary", "5-8 Staff survey", "Data quality"]),
    );
    const summary = wb.getWorksheet("Summary")!;
    const header = summary.getRow(4);
    expect(header.getCell(1).value).toBe("Indicator");
    expect(header.font?.bold).toBe(true);
    const firstColumn = summary.getColumn(1).values.map(String);
    for (const id of ["1", "2", "3", "5", "6", "7", "8"]) {
      expect(firstColumn.some((v) => v.startsWith(`Indicator ${id}:`))).toBe(true);
    }
    expect(summary.getColumn(1).width).toBeGreaterThan(20);
  });

  it("writes the relative likelihood unrounded with a two-decimal format", async () => {
    const wb = await load(await resultsWorkbook(doc));
    const sheet = wb.getWorksheet("2 Shortlisting")!;
    let rlCell: ExcelJS.Cell | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "Relative likelihood") rlCell = row.getCell(2);
    });
    expect(rlCell).not.toBeNull();
    const cell = rlCell as unknown as ExcelJS.Cell;
    // White 30/100 vs BME 12/80: 0.30 / 0.15 = 2
    expect(cell.value).toBeCloseTo(2, 10);
    expect(cell.numFmt).toBe("0.00");
  });

  it("applies suppression: a BME count of 3 at band 8a shows as the one mark *, never as 3", async () => {
    const wb = await load(await resultsWorkbook(doc));
    const ws = wb.getWorksheet("1 Workforce")!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Non-clinical" && row.getCell(2).value === "Band 8a") {
        found = true;
        expect(row.getCell(4).value).toBe("*");
        expect(row.getCell(4).value).not.toBe(3);
      }
    });
    expect(found).toBe(true);
    // The exact document was not changed.
    expect(doc.suppression).toBeNull();
  });

  it("hides a board percentage and a rate that would give a hidden count back", async () => {
    // 12 voting members, 2 of them BME: 16.67% of 12 is 2.
    const board = Array.from({ length: 12 }, (_, i) => ({
      ethnicity: ethnicity(i < 2 ? "bme" : "white"),
      voting: true,
      executive: i < 6,
      source,
      row: 5,
    }));
    const exact = computeResults({ ...dataset(), board });
    // Published in full by default (as WRES reports give indicator 9)...
    const full = await load(await resultsWorkbook(exact));
    expect(allCells(full).some((c) => c.sheet === "9 Board" && c.value === 16.7)).toBe(true);
    // ...and protected like other counts when the organisation turns that off.
    const wb = await load(await resultsWorkbook(suppressResults(exact, 10, { publishBoardComposition: false })));
    const ws = wb.getWorksheet("9 Board")!;
    const header = ws.getRow(3).values as ExcelJS.CellValue[];
    const col = (name: string) => header.indexOf(name);
    let voting: ExcelJS.Row | null = null;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Voting") voting = row;
    });
    const v = voting as unknown as ExcelJS.Row;
    expect(v.getCell(col("BME")).value).toBe("*");
    expect(v.getCell(col("Total")).value).toBe(12);
    expect(v.getCell(col("Board BME %")).value).toBe("*");
    expect(v.getCell(col("Difference (pp)")).value).toBe("*");
    // Nowhere in the workbook is the board's exact share (or the count) to be found.
    for (const c of allCells(wb)) {
      if (typeof c.value === "number")
        expect(Math.abs(c.value - (2 / 12) * 100), `${c.sheet}!${c.ref}`).toBeGreaterThan(1e-6);
    }
    // Indicator 3: 6 BME cases is below 10, so the BME rate is hidden too (rate x staff would give 6).
    const rl3 = wb.getWorksheet("3 Disciplinary")!;
    let bme: ExcelJS.Row | null = null;
    rl3.eachRow((row) => {
      if (row.getCell(1).value === "BME") bme = row;
    });
    const b = bme as unknown as ExcelJS.Row;
    expect([b.getCell(2).value, b.getCell(3).value, b.getCell(4).value]).toEqual(["*", 123, "*"]);
    let summaryRl3: ExcelJS.Row | null = null;
    wb.getWorksheet("Summary")!.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith("Indicator 3:")) summaryRl3 = row;
    });
    expect((summaryRl3 as unknown as ExcelJS.Row).getCell(4).value).toBe("*");
  });

  it("uses the threshold of an already suppressed copy", async () => {
    const marks = async (d: ResultsDocument) => {
      const wb = await load(await resultsWorkbook(d));
      return { wb, n: allCells(wb).filter((c) => c.sheet === "1 Workforce" && c.value === "*").length };
    };
    const at5 = await marks(suppressResults(doc, 5));
    const at50 = await marks(suppressResults(doc, 50));
    expect(at5.n).toBeGreaterThan(0);
    expect(at5.n).toBeLessThan(at50.n);
    expect(allCells(at5.wb).some((c) => typeof c.value === "string" && c.value.includes("a count below 5"))).toBe(true);
    // A count of 5 to 9 shows at 5, as that copy shows it, and is the mark at the default 10: the 6 BME
    // disciplinary cases of indicator 3. The 3 BME staff at band 8a stay hidden at 5.
    const bmeCases = (wb: ExcelJS.Workbook) => {
      let found: ExcelJS.CellValue = null;
      wb.getWorksheet("3 Disciplinary")!.eachRow((row) => {
        if (row.getCell(1).value === "BME") found = row.getCell(2).value;
      });
      return found;
    };
    expect(bmeCases(at5.wb)).toBe(6);
    expect(bmeCases(at50.wb)).toBe("*");
    expect(bmeCases(await load(await resultsWorkbook(doc)))).toBe("*");
    const band8a = allCells(at5.wb).filter((c) => c.sheet === "1 Workforce" && c.value === 3);
    expect(band8a).toEqual([]);
    // (The copy at 5 itself shows the 6: the workbook writes what the copy it was given shows.)
    const rl3 = suppressResults(doc, 5).indicators["3"] as { bme: { count: number | null } };
    expect(rl3.bme.count).toBe(6);
  });

  it("escapes text that would start a formula (file names, sheet names, organisation)", async () => {
    const wb = await load(await resultsWorkbook(doc));
    const cells = allCells(wb);
    for (const c of cells) {
      if (typeof c.value === "string") expect(c.value, `${c.sheet}!${c.ref}`).not.toMatch(/^[=+\-@\t\r]/);
      expect(typeof c.value === "object" && c.value !== null && "formula" in c.value).toBe(false);
    }
    expect(cells.some((c) => c.value === `'${EVIL_FILE}`)).toBe(true);
    expect(cells.some((c) => c.value === "'@Staff")).toBe(true);
  });

  it("shows the previous year's figure, the change and the trend", async () => {
    const previous = computeResults({ ...dataset(), period: "2023/24" });
    const current = computeResults(dataset(), { previous });
    // Last year's figures are repeated only as last year's protected copy shows them: it must be given.
    const wb = await load(await resultsWorkbook(suppressResults(current, 10, { previous })));
    const summary = wb.getWorksheet("Summary")!;
    let row2: ExcelJS.Row | null = null;
    summary.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith("Indicator 2:")) row2 = row;
    });
    const r = row2 as unknown as ExcelJS.Row;
    expect(summary.getRow(4).getCell(8).value).toBe("Previous");
    expect(r.getCell(8).value).toBeCloseTo(2, 10);
    expect(r.getCell(9).value).toBeCloseTo(0, 10);
    expect(r.getCell(10).value).toBe("unchanged");
    // Indicator 3 rests on 6 BME cases this year (hidden) and none last year (their cases all start in 2024/25, so
    // not calculable): last year's figure is blank, and the change from a hidden figure is marked, not blank.
    let row3: ExcelJS.Row | null = null;
    summary.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith("Indicator 3:")) row3 = row;
    });
    const three = row3 as unknown as ExcelJS.Row;
    expect([8, 9, 10].map((c) => three.getCell(c).value)).toEqual([null, "*", "not-comparable"]);
  });
});
