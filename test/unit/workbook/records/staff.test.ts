// Staff in post as extracts lay it out: which of a person's rows counts, bank workers told by a yes/no column,
// cohorts told from grades when there is no staff group, board membership and what each record keeps.
import { describe, expect, it } from "vitest";
import type { Dataset, ReadIssue } from "../../../../src/indicators";
import { headerSignature, normaliseHeader, readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell, STAFF_HEADER } from "../fixtures";

function readStaff(rows: FixtureCell[][], name = "staff.xlsx"): Dataset {
  return readWorkbooks([{ name, bytes: buildXlsx([{ name: "Staff in Post", rows }]) }]);
}

const issuesOf = (ds: Dataset, code: string): ReadIssue[] => ds.issues.filter((i) => i.code === code);
const PLACE = 'staff.xlsx, sheet "Staff in Post"';

describe("the row that counts for a person", () => {
  it("is the primary assignment, else one flagged neither way, else a secondary one; the first of equals", () => {
    const ds = readStaff([
      ["Team", ...STAFF_HEADER],
      ["Wards", "1", "1-1", "A", "Nursing and Midwifery Registered", "Band 4", "Permanent", "No"],
      ["Theatres", "1", "1-2", "A", "Nursing and Midwifery Registered", "Band 6", "Permanent", "TBC"],
      ["Pharmacy", "2", "2-1", "N", "Additional Clinical Services", "Band 3", "Permanent", "TBC"],
      ["Estates", "2", "2-2", "N", "Additional Clinical Services", "Band 7", "Permanent", "No"],
      ["Estates", "2", "2-3", "N", "Additional Clinical Services", "Band 2", "Permanent", "TBC"],
      ["Finance", "3", "3-1", "H", "Administrative and Clerical", "Band 5", "Permanent", "No"],
      ["Finance", "3", "3-2", "H", "Administrative and Clerical", "Band 8a", "Permanent", "Yes"],
    ]);
    expect(ds.staff.map((s) => [s.personId, s.band, s.team])).toEqual([
      ["1", "6", "Theatres"],
      ["2", "3", "Pharmacy"],
      ["3", "8a", "Finance"],
    ]);
    expect(ds.sheets[0]).toMatchObject({ rowsRead: 7, rowsUsed: 3, exclusions: { "secondary-assignment": 4 } });
  });

  it("is a person's first row when the sheet says nothing of primary assignments", () => {
    const ds = readStaff([
      ["Employee Number", "Ethnic Origin", "Staff Group", "Pay Band"],
      ["1", "A", "Administrative and Clerical", "Band 4"],
      ["1", "A", "Administrative and Clerical", "Band 6"],
    ]);
    expect(ds.staff.map((s) => [s.personId, s.band])).toEqual([["1", "4"]]);
  });
});

describe("bank workers told by a yes/no column", () => {
  it("leaves out of the headcount the rows a Bank column answers yes, in whichever column it stands", () => {
    const ds = readStaff([
      ["Bank", "Employee Number", "Ethnic Origin", "Staff Group", "Pay Band"],
      ["Yes", "1", "A", "Administrative and Clerical", "Band 5"],
      ["No", "2", "A", "Administrative and Clerical", "Band 5"],
      ["Y", "3", "N", "Administrative and Clerical", "Band 5"],
      [null, "4", "N", "Administrative and Clerical", "Band 5"],
    ]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["2", "4"]);
    expect(ds.sheets[0]!.exclusions).toEqual({ "bank-only": 2 });
  });

  it("reads a column mapped by hand as bank when its header names the bank anywhere", () => {
    const header = ["Person", "Heritage", "Level", "On the bank?"];
    const bytes = buildXlsx([
      {
        name: "Staff",
        rows: [header, ["1", "A", "Band 5", "Yes"], ["2", "A", "Band 5", "No"], ["3", "N", "Band 5", "Bank"]],
      },
    ]);
    const mapping = { personId: "Person", ethnicity: "Heritage", band: "Level", assignmentCategory: "On the bank?" };
    const signature = headerSignature(header.map(normaliseHeader));
    const ds = readWorkbooks([{ name: "staff.xlsx", bytes }], {
      mappings: { [signature]: { kind: "staff", columns: mapping } },
    });
    expect(ds.staff.map((s) => s.personId)).toEqual(["2"]);
    expect(ds.sheets[0]!.exclusions).toEqual({ "bank-only": 2 });
  });

  it("does not read yes as bank under a column that is not headed bank", () => {
    const ds = readStaff([
      ["Employee Number", "Ethnic Origin", "Staff Group", "Pay Band", "Contract Type"],
      ["1", "A", "Administrative and Clerical", "Band 5", "Yes"],
      ["2", "A", "Administrative and Clerical", "Band 5", "Bank"],
    ]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["1"]);
  });
});

describe("without a staff group column", () => {
  it("tells cohorts from grades and says so once for the sheet", () => {
    const ds = readStaff([
      ["Employee Number", "Ethnic Origin", "Pay Band"],
      ["1", "A", "Band 5"],
      ["2", "H", "Consultant"],
      ["3", "N", "Grade XYZ"],
    ]);
    expect(ds.staff.map((s) => [s.cohort, s.band, s.medical])).toEqual([
      ["non-clinical", "5", null],
      ["medical", null, "consultant"],
      ["non-clinical", null, null],
    ]);
    expect(issuesOf(ds, "staff-group-missing")).toEqual([
      {
        severity: "warning",
        code: "staff-group-missing",
        message: `${PLACE}: there is no staff group column; cohorts were told from grades (medical grades as medical and dental, everyone else non-clinical).`,
        file: "staff.xlsx",
        sheet: "Staff in Post",
        row: null,
        column: null,
        header: null,
      },
    ]);
  });

  it("gives no such warning when the column is there but a cell is blank, and does not report the blank", () => {
    const ds = readStaff([
      ["Staff Group", "Employee Number", "Ethnic Origin", "Pay Band"],
      [null, "1", "A", "Band 5"],
      ["Administrative and Clerical", "2", "A", "Band 5"],
    ]);
    expect(ds.staff.map((s) => [s.personId, s.cohort])).toEqual([
      ["1", "non-clinical"],
      ["2", "non-clinical"],
    ]);
    expect(ds.issues).toEqual([]);
  });
});

describe("values not recognised", () => {
  it("reports a staff group and a pay band once per value, with the column and what was done", () => {
    const ds = readStaff([
      STAFF_HEADER,
      ["1", "1-1", "A", "Martians", "Band 5", "Permanent", "Yes"],
      ["2", "2-1", "A", "Martians", "Band 5", "Permanent", "Yes"],
      ["3", "3-1", "A", "Administrative and Clerical", "Band 99", "Permanent", "Yes"],
    ]);
    expect(ds.staff.map((s) => [s.cohort, s.band])).toEqual([
      ["non-clinical", "5"],
      ["non-clinical", "5"],
      ["non-clinical", null],
    ]);
    expect(ds.issues.map((i) => [i.code, i.row, i.column, i.header, i.message])).toEqual([
      [
        "band-unrecognised",
        4,
        "E",
        "Pay Band",
        `${PLACE}, row 4, column E (Pay Band): pay band "Band 99" was not recognised (1 row); these staff count in the totals but in no band.`,
      ],
      [
        "staff-group-unrecognised",
        2,
        "D",
        "Staff Group",
        `${PLACE}, row 2, column D (Staff Group): staff group "Martians" was not recognised (2 rows); counted as non-clinical.`,
      ],
    ]);
  });
});

describe("a row without an employee number", () => {
  it("is excluded, naming the employee number column", () => {
    const ds = readStaff([
      STAFF_HEADER,
      [null, null, "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
    ]);
    expect(ds.staff).toEqual([]);
    expect(issuesOf(ds, "missing-person-id").map((i) => [i.severity, i.row, i.column, i.header, i.message])).toEqual([
      [
        "error",
        2,
        "A",
        "Employee Number",
        `${PLACE}, row 2, column A (Employee Number): the row has no employee number, so the person cannot be counted once; the row was excluded.`,
      ],
    ]);
  });

  it("names the assignment number column when the sheet has only that", () => {
    const ds = readStaff([
      ["Ethnic Origin", "Assignment Number", "Pay Band"],
      ["A", "100-1", "Band 5"],
      ["A", null, "Band 5"],
    ]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["100"]);
    expect(issuesOf(ds, "missing-person-id").map((i) => [i.row, i.column, i.header])).toEqual([
      [3, "B", "Assignment Number"],
    ]);
  });
});

describe("what a record keeps", () => {
  it("keeps board membership, senior medical managers, disability and division", () => {
    const ds = readStaff([
      [
        "Division",
        "Employee Number",
        "Ethnic Origin",
        "Staff Group",
        "Grade",
        "Job Role",
        "Disability",
        "Voting Member",
        "Executive Director",
      ],
      ["Surgery", "1", "A", "Medical and Dental", "Consultant", "Medical Director", "No", "Yes", "Yes"],
      ["Surgery", "2", "H", "Medical and Dental", "Consultant", "Consultant Surgeon", "Yes", "No", "No"],
      ["Medicine", "3", "N", "Medical and Dental", "Specialty Doctor", "Clinical Director", null, "No", "Yes"],
      [null, "4", null, "Administrative and Clerical", "Band 9", "Chief Executive", null, "Yes", "No"],
    ]);
    expect(
      ds.staff.map((s) => [s.personId, s.medical, s.seniorMedicalManager, s.disability, s.division, s.board]),
    ).toEqual([
      ["1", "consultant", true, "No", "Surgery", { voting: true, executive: true }],
      ["2", "consultant", false, "Yes", "Surgery", null],
      ["3", "non-consultant-career-grade", false, null, "Medicine", { voting: false, executive: true }],
      ["4", null, false, null, null, { voting: true, executive: false }],
    ]);
    expect(ds.sheets[0]!.unknownEthnicityPct).toBe(25);
  });

  it("does not read leaving dates when the extract gives no snapshot date", () => {
    const ds = readStaff([
      ["Employee Number", "Ethnic Origin", "Staff Group", "Pay Band", "Leaving Date"],
      ["1", "A", "Administrative and Clerical", "Band 5", "TBC"],
      ["2", "A", "Administrative and Clerical", "Band 5", "01/01/2020"],
    ]);
    expect(ds.snapshotDate).toBeNull();
    expect(ds.staff.map((s) => s.personId)).toEqual(["1", "2"]);
    expect(ds.issues).toEqual([]);
  });
});

describe("a person in two staff sheets", () => {
  it("is counted once, and not reported when both give the same ethnicity", () => {
    const rows = [STAFF_HEADER, ["1", "1-1", "N", "Administrative and Clerical", "Band 5", "Permanent", "Yes"]];
    const ds = readWorkbooks([
      { name: "staff.xlsx", bytes: buildXlsx([{ name: "Staff in Post", rows }]) },
      { name: "staff-2.xlsx", bytes: buildXlsx([{ name: "Staff in Post", rows }]) },
    ]);
    expect(ds.staff.map((s) => [s.personId, s.source.file])).toEqual([["1", "staff.xlsx"]]);
    expect(issuesOf(ds, "person-ethnicity-conflict")).toEqual([]);
  });
});
