// The reader builds the bank-only workforce's records (docs/bank-workforce.md): staff in post rows of people
// whose only assignments are bank, in any staff sheet; their cases and training, joined to them. Someone with a
// substantive assignment in any staff sheet stays substantive only. The substantive records are as before.
import { describe, expect, it } from "vitest";
import type { FixtureCell } from "./fixtures";
import { buildXlsx, STAFF_HEADER } from "./fixtures";
import { readWorkbooks } from "../../../src/workbook";

const HEADER = [...STAFF_HEADER, "Leaving Date"];
const TITLES: FixtureCell[][] = [["Staff in Post - Snapshot 31/03/2025"], []];

function xlsx(name: string, sheet: string, rows: FixtureCell[][]) {
  return { name, bytes: buildXlsx([{ name: sheet, rows }]) };
}

const row = (id: string, n: number, eth: string, band: string, category: string, leaving: FixtureCell = null) => [
  id,
  `${id}-${n}`,
  eth,
  "Nursing and Midwifery Registered",
  band,
  category,
  n === 1 ? "Yes" : "No",
  leaving,
];

/**
 * Two staff sheets, cases and training. Each test reads them itself: code run in a describe body is run by no
 * test as mutation testing sees it, so each of its mutants would be run against every related test.
 */
function readFiles() {
  const staffA = xlsx("staff-a.xlsx", "Staff in Post", [
    ...TITLES,
    HEADER,
    row("10", 1, "A", "Band 3", "Permanent"), // substantive
    row("10", 2, "A", "Band 3", "Bank"), // ...with a bank assignment too: substantive only
    row("11", 1, "M", "Band 5", "Bank"), // bank-only here, substantive in sheet B: substantive only
    row("12", 1, "H", "Band 4", "Bank Staff"), // bank-only, two bank rows: one bank worker
    row("12", 2, "H", "Band 2", "Bank"),
    row("13", 1, "C", "Band 6", "Bank"), // bank-only, also a bank row in sheet B: counted once, at this row
    row("14", 1, "Z", "Band 5", "Bank", "31/01/2025"), // bank worker who left before the snapshot
    row("15", 1, "N", "Band 5", "Bank", "TBC"), // bank worker whose leaving date cannot be read
    row("16", 1, "N", "Band 5", "Bank", "03/31/2025"), // the same, in US order
  ]);
  const staffB = xlsx("staff-b.xlsx", "Staff in Post", [
    ...TITLES,
    HEADER,
    row("11", 2, "M", "Band 5", "Fixed Term Temp"),
    row("13", 2, "C", "Band 7", "Bank"),
    row("20", 1, "A", "Band 8a", "Permanent"),
  ]);
  const cases = xlsx("cases.xlsx", "ER Cases", [
    ["Employee Number", "Case Type", "Date Opened"],
    ["10", "Disciplinary", "01/06/2024"], // substantive
    ["11", "Disciplinary", "01/06/2024"], // substantive (bank in one sheet only)
    ["12", "Disciplinary", "02/06/2024"], // bank
    ["13", "Grievance", "not a date"], // bank, with a date that cannot be read
    ["14", "Disciplinary", "01/06/2024"], // a bank worker no longer in post: neither population
  ]);
  const training = xlsx("cpd.xlsx", "CPD", [
    ["Employee Number", "Course Title"],
    ["12", "Mentoring"],
    ["12", "Coaching"], // the same bank worker again: once
    ["13", "Leadership"],
    ["20", "Leadership"],
  ]);
  return readWorkbooks([staffA, staffB, cases, training]);
}

describe("bank workers read as their own population", () => {
  it("keeps bank-only workers apart, each once, with their band; a person with a substantive row anywhere is substantive", () => {
    const ds = readFiles();
    expect(ds.staff.map((s) => s.personId).sort()).toEqual(["10", "11", "20"]);
    expect(ds.bank!.staff.map((s) => [s.personId, s.band, s.ethnicity.group, s.source.file, s.row])).toEqual([
      ["12", "4", "bme", "staff-a.xlsx", 7],
      ["13", "6", "white", "staff-a.xlsx", 9],
    ]);
    expect(ds.bank!.staff.every((s) => s.cohort === "clinical" && s.board === null)).toBe(true);
  });

  it("joins bank workers' cases and training to them, each training once, and leaves them out of the substantive records", () => {
    const ds = readFiles();
    expect(ds.cases.map((c) => c.personId)).toEqual(["10", "11"]);
    expect(ds.bank!.cases.map((c) => [c.personId, c.caseType, c.startDate])).toEqual([
      ["12", "disciplinary", "2024-06-02"],
      ["13", "grievance", null],
    ]);
    expect(ds.bank!.cases[0]!.staff).toBe(ds.bank!.staff[0]);
    expect(ds.training.map((t) => t.personId)).toEqual(["20"]);
    expect(ds.bank!.training.map((t) => [t.personId, t.ethnicity.group])).toEqual([
      ["12", "bme"],
      ["13", "white"],
    ]);
    expect(ds.bank!.applications).toEqual([]);
  });

  it("counts the substantive sheets' rows as before: bank rows are excluded as bank-only", () => {
    const ds = readFiles();
    const [a, b, c, t] = ds.sheets;
    expect(a!.exclusions).toEqual({
      "secondary-assignment": 1,
      "bank-only": 7,
    });
    expect(b!.exclusions).toEqual({ "bank-only": 1 });
    expect(c!.exclusions).toEqual({ "bank-only": 3 });
    expect(t!.exclusions).toEqual({ "bank-only": 3 });
  });

  it("reports bank rows whose leaving date cannot be read, once per sheet, with file, sheet, first row and column", () => {
    const ds = readFiles();
    const issues = ds.issues.filter((i) => i.code === "bank-leaving-date-unreadable");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: "warning",
      file: "staff-a.xlsx",
      sheet: "Staff in Post",
      row: 11,
      column: "H",
      header: "Leaving Date",
      params: { count: 2, value: "TBC" },
    });
    expect(issues[0]!.message).toContain('staff-a.xlsx, sheet "Staff in Post", row 11, column H (Leaving Date)');
    expect(issues[0]!.message).toContain("2 bank worker row(s)");
    expect(issues[0]!.message).toContain("left out of the bank workforce figures");
    // The substantive rows' checks are as before: no error for a bank row.
    expect(ds.issues.filter((i) => i.code === "leaving-date-unreadable")).toEqual([]);
    // The case of the bank worker who had left is in neither population: said, with its file, row and column.
    const gone = ds.issues.filter((i) => i.code === "bank-only-excluded");
    expect(gone.map((i) => [i.severity, i.file, i.row, i.column, i.params?.count])).toEqual([
      ["warning", "cases.xlsx", 6, "A", 1],
    ]);
    expect(gone[0]!.message).toContain("1 case row(s) are of bank-only workers");
    expect(gone[0]!.message).toContain("left out of both the substantive and the bank workers' figures");
    // The case with an unreadable date is kept without one, with the usual warning naming its row.
    expect(ds.issues.filter((i) => i.code === "date-unreadable").map((i) => [i.file, i.row])).toEqual([
      ["cases.xlsx", 5],
    ]);
  });
});
