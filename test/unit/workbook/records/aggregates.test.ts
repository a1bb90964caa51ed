// Counts already made by ethnic group, as organisations without row-level data bring them: one row per measure,
// band or cohort and year.
import { describe, expect, it } from "vitest";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell } from "../fixtures";

function readCounts(header: FixtureCell[], rows: FixtureCell[][]) {
  return readWorkbooks([{ name: "counts.xlsx", bytes: buildXlsx([{ name: "Counts", rows: [header, ...rows] }]) }]);
}

describe("aggregate counts sheet", () => {
  it("tells each measure by its words: board executive and voting members, appointments, discipline, training", () => {
    const ds = readCounts(
      ["Measure", "White", "BME"],
      [
        ["Board executive members", 6, 1],
        ["Board members (voting)", 10, 2],
        ["Voting members", 9, 3],
        ["Executive directors", 5, 1],
        ["Appointed from shortlisting", 40, 12],
        ["Shortlisted", 120, 80],
        ["Entering disciplinary process", 20, 9],
        ["Accessing non-mandatory training/CPD", 300, 150],
        ["CPD", 30, 15],
        ["Staff in post", 1000, 400],
      ],
    );
    expect(ds.aggregates.map((a) => [a.measure, a.row])).toEqual([
      ["board-executive", 2],
      ["board-voting", 3],
      ["board-voting", 4],
      ["appointed", 6],
      ["shortlisted", 7],
      ["disciplinary", 8],
      ["training", 9],
      ["training", 10],
      ["staff", 11],
    ]);
    // Executive directors without "board" are no measure the indicators use.
    const unknown = ds.issues.filter((i) => i.code === "unknown-measure");
    expect(unknown.map((i) => [i.severity, i.file, i.sheet, i.row, i.column, i.params])).toEqual([
      ["error", "counts.xlsx", "Counts", 5, "A", { value: "Executive directors" }],
    ]);
    expect(unknown[0]!.message).toBe(
      'counts.xlsx, sheet "Counts", row 5, column A (Measure): "Executive directors" is not a measure the indicators use; the row was excluded.',
    );
    expect(ds.sheets[0]).toMatchObject({ rowsRead: 10, rowsUsed: 9, rowsExcluded: 1 });
  });

  it("refuses a row whose white or BME count is missing or not a number, naming that column", () => {
    const ds = readCounts(
      ["Measure", "White", "BME"],
      [
        ["Staff in post", "n/a", 40],
        ["Shortlisted", 300, null],
        ["Appointed", 30, 12],
      ],
    );
    expect(ds.aggregates.map((a) => [a.measure, a.white, a.bme])).toEqual([["appointed", 30, 12]]);
    const refused = ds.issues.filter((i) => i.code === "invalid-number");
    expect(refused.map((i) => [i.severity, i.row, i.column, i.header])).toEqual([
      ["error", 2, "B", "White"],
      ["error", 3, "C", "BME"],
    ]);
    expect(refused[0]!.message).toBe(
      'counts.xlsx, sheet "Counts", row 2, column B (White): the count is missing or not a number; the row was excluded.',
    );
    expect(ds.sheets[0]!.exclusions).toEqual({ "invalid-number": 2 });
  });

  it("reads the cohort column's words whatever their case, and leaves the cohort open when it says none", () => {
    const ds = readCounts(
      ["Measure", "Cohort", "White", "BME"],
      [
        ["Staff in post", "NON-CLINICAL", 500, 100],
        ["Staff in post", "Medical and Dental", 80, 60],
        ["Staff in post", "Clinical", 400, 200],
        ["Staff in post", null, 980, 360],
      ],
    );
    expect(ds.aggregates.map((a) => a.cohort)).toEqual(["non-clinical", "medical", "clinical", null]);
  });

  it("gives no unknown-ethnicity share for a sheet of counts, which has no ethnicity column", () => {
    const ds = readCounts(["Measure", "White", "BME", "Unknown"], [["Staff in post", 100, 40, 3]]);
    expect(ds.aggregates.map((a) => a.unknown)).toEqual([3]);
    expect(ds.sheets[0]).toMatchObject({ kind: "aggregate", rowsUsed: 1, unknownEthnicityPct: null });
  });
});
