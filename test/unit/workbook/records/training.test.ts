import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../../src/indicators";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell, STAFF_HEADER } from "../fixtures";

const STAFF: FixtureCell[][] = [
  ["Staff in Post - Snapshot 31/03/2025"],
  [],
  [...STAFF_HEADER, "Leaving Date"],
  ["100", "100-1", "A White - British", "Administrative and Clerical", "Band 5", "Permanent", "Yes", null],
  [
    "200",
    "200-1",
    "N Black or Black British - African",
    "Administrative and Clerical",
    "Band 6",
    "Permanent",
    "Yes",
    null,
  ],
  ["300", "300-1", "H Asian or Asian British - Indian", "Additional Clinical Services", "Band 3", "Bank", "Yes", null],
  // A bank worker who had left by the snapshot date: in neither population.
  ["400", "400-1", "A White - British", "Additional Clinical Services", "Band 3", "Bank", "Yes", "01/01/2025"],
];

function read(training: FixtureCell[][]): Dataset {
  return readWorkbooks([
    { name: "staff.xlsx", bytes: buildXlsx([{ name: "Staff in Post", rows: STAFF }]) },
    { name: "cpd.xlsx", bytes: buildXlsx([{ name: "CPD", rows: training }]) },
  ]);
}

const issues = (ds: Dataset, code: string) => ds.issues.filter((i) => i.code === code);

describe("training records", () => {
  it("joins each person to their staff record and reads the completion date", () => {
    const ds = read([
      ["Employee Number", "Course Title", "Date Completed"],
      ["100", "Coaching", "01/05/2024"],
      ["200", "Mentoring", "not yet"],
      ["999", "Coaching", ""],
      [null, "Leadership", "03/05/2024"],
    ]);
    const staffOf = (t: Dataset["training"][number]) => (t.staff === null ? null : t.staff?.personId);
    expect(ds.training.map((t) => [t.personId, t.ethnicity.group, staffOf(t), t.date, t.row])).toEqual([
      ["100", "white", "100", "2024-05-01", 2],
      ["200", "bme", "200", null, 3],
      ["999", "unknown", null, null, 4],
      [null, "unknown", null, "2024-05-03", 5],
    ]);
    const [undated] = issues(ds, "date-unreadable");
    expect(undated).toMatchObject({ severity: "warning", file: "cpd.xlsx", row: 3, column: "C" });
    expect(undated!.message).toContain("the training was kept without a date");
    expect(issues(ds, "person-not-in-staff").map((i) => [i.row, i.column, i.params?.count])).toEqual([[4, "A", 1]]);
    // Two of the four rows are of nobody known in staff in post.
    expect(ds.sheets[1]!.unknownEthnicityPct).toBe(50);
  });

  it("takes the ethnicity in the sheet's own first column when known, else the person's from staff in post", () => {
    const ds = read([
      ["Ethnic Origin", "Employee Number", "Course Title"],
      ["N Black or Black British - African", "999", "Coaching"],
      ["", "100", "Coaching"],
      ["", "998", "Coaching"],
    ]);
    expect(ds.training.map((t) => [t.personId, t.ethnicity.group])).toEqual([
      ["999", "bme"],
      ["100", "white"],
      ["998", "unknown"],
    ]);
    // Its own ethnicity column already says who is unknown: no row is reported as missing from staff in post.
    expect(issues(ds, "person-not-in-staff")).toEqual([]);
  });

  it("gives a bank worker's training to the bank workers' figures, dated, and reports one who had left", () => {
    const ds = read([
      ["Employee Number", "Course Title", "Date Completed"],
      ["300", "Coaching", "soon"],
      ["300", "Mentoring", "02/05/2024"],
      ["400", "Coaching", "03/05/2024"],
      ["100", "Coaching", "04/05/2024"],
    ]);
    expect(ds.training.map((t) => t.personId)).toEqual(["100"]);
    expect(ds.bank!.training.map((t) => [t.personId, t.ethnicity.group, t.staff?.personId, t.date, t.row])).toEqual([
      ["300", "bme", "300", null, 2],
    ]);
    const undated = issues(ds, "date-unreadable");
    expect(undated.map((i) => [i.file, i.row, i.column])).toEqual([["cpd.xlsx", 2, "C"]]);
    expect(undated[0]!.message).toContain("the training was kept without a date");
    const gone = issues(ds, "bank-only-excluded");
    expect(gone.map((i) => [i.file, i.row, i.column, i.params?.count])).toEqual([["cpd.xlsx", 4, "A", 1]]);
    expect(gone[0]!.message).toContain("1 training row(s) are of bank-only workers");
  });
});
