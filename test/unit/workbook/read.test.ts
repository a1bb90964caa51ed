import { describe, expect, it } from "vitest";
import { strToU8 } from "fflate";
import ExcelJS from "exceljs";
import type { Dataset, ReadIssue } from "../../../src/indicators";
import { headerSignature, normaliseHeader, readWorkbooks, WorkbookError } from "../../../src/workbook";
import { buildLargeXlsx, buildXlsx, type FixtureCell, STAFF_HEADER } from "./fixtures";

function xlsx(name: string, sheet: string, rows: FixtureCell[][], merges?: string[]) {
  return { name, bytes: buildXlsx([{ name: sheet, rows, ...(merges ? { merges } : {}) }]) };
}

function staffFile(rows: FixtureCell[][], titles: FixtureCell[][] = [["Staff in Post - Snapshot 31/03/2025"], []]) {
  return xlsx("staff.xlsx", "Staff in Post", [...titles, STAFF_HEADER, ...rows]);
}

function issuesOf(ds: Dataset, code: string): ReadIssue[] {
  return ds.issues.filter((i) => i.code === code);
}

describe("header row and sheet recognition", () => {
  it("finds the header row below title rows and reports it 1-based", () => {
    const ds = readWorkbooks([
      staffFile([["1", "1", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"]]),
    ]);
    expect(ds.sheets[0]).toMatchObject({ kind: "staff", headerRow: 3, rowsRead: 1, rowsUsed: 1, rowsExcluded: 0 });
    expect(ds.staff[0]).toMatchObject({
      personId: "1",
      cohort: "non-clinical",
      band: "5",
      source: { file: "staff.xlsx", sheet: "Staff in Post" },
      row: 4,
    });
    expect(ds.snapshotDate).toBe("2025-03-31");
    expect(ds.period).toBe("2024/25");
  });

  it.each([
    [
      "staff",
      ["Staff Number", "Ethnicity", "Grade", "Occupation Group"],
      ["7", "A", "Band 6", "Nursing and Midwifery Registered"],
    ],
    [
      "recruitment",
      ["Applicant ID", "Ethnic Group", "Shortlisted?", "Appointed?"],
      ["A1", "White - British", "Y", "N"],
    ],
    [
      "cases",
      ["Case Ref", "Employee No", "Case Type", "Stage", "Outcome"],
      ["C1", "7", "Disciplinary", "Investigation", "Ongoing"],
    ],
    ["training", ["Employee Number", "Course Name", "Date Completed"], ["7", "Mentoring", "01/05/2024"]],
    ["board", ["Board Member", "Ethnicity", "Voting", "Executive"], ["Chair", "A", "Yes", "No"]],
    ["survey", ["WRES Indicator", "Question", "White %", "BME %"], [5, "Q14a", 25.4, 29.3]],
    ["aggregate", ["Measure", "Band", "White", "BME", "Unknown"], ["Staff", "Band 5", 100, 40, 3]],
  ])("recognises a %s sheet by its columns", (kind, header, row) => {
    const ds = readWorkbooks([xlsx("f.xlsx", "S", [["Some report title"], header, row])]);
    expect(ds.sheets[0]!.kind).toBe(kind);
    expect(ds.sheets[0]!.headerRow).toBe(2);
    expect(ds.sheets[0]!.rowsUsed).toBe(1);
  });

  it("matches header names ignoring case, spaces and punctuation", () => {
    const ds = readWorkbooks([
      xlsx("f.xlsx", "S", [
        ["EMPLOYEE_NUMBER", "ethnic  origin", "pay-band", "STAFF GROUP."],
        ["1", "A", "Band 2", "Estates and Ancillary"],
      ]),
    ]);
    expect(ds.sheets[0]!.kind).toBe("staff");
    expect(ds.sheets[0]!.columns).toMatchObject({
      personId: "EMPLOYEE_NUMBER",
      ethnicity: "ethnic  origin",
      band: "pay-band",
      staffGroup: "STAFF GROUP.",
    });
  });

  it("skips an unrecognised sheet with a warning and its signature", () => {
    const ds = readWorkbooks([
      xlsx("f.xlsx", "Notes", [
        ["Colour", "Size"],
        ["red", 3],
      ]),
    ]);
    expect(ds.sheets[0]!.kind).toBeNull();
    const [w] = issuesOf(ds, "sheet-not-recognised");
    expect(w).toMatchObject({ severity: "warning", file: "f.xlsx", sheet: "Notes" });
    expect(w!.params!.signature).toBe(ds.sheets[0]!.signature);
  });

  it("uses a remembered mapping for a sheet it cannot recognise", () => {
    const header = ["Person", "Heritage", "Level", "Area"];
    const signature = headerSignature(header.map(normaliseHeader));
    const file = xlsx("f.xlsx", "S", [header, ["9", "H", "Band 7", "Allied Health Professionals"]]);
    const ds = readWorkbooks([file], {
      mappings: {
        [signature]: {
          kind: "staff",
          columns: {
            personId: "Person",
            ethnicity: "Heritage",
            band: "Level",
            staffGroup: "Area",
            __proto__: "Person",
          },
        },
      },
    });
    expect(ds.sheets[0]!.kind).toBe("staff");
    expect(ds.sheets[0]!.signature).toBe(signature);
    expect(ds.staff[0]).toMatchObject({
      personId: "9",
      band: "7",
      cohort: "clinical",
      ethnicity: { group: "bme", broad: "asian" },
    });
  });

  it("gives the same signature to the same headers however they are spelt", () => {
    const a = readWorkbooks([
      xlsx("a.xlsx", "S", [
        ["Employee Number", "Ethnic Origin", "Pay Band"],
        ["1", "A", "5"],
      ]),
    ]).sheets[0]!.signature;
    const b = readWorkbooks([
      xlsx("b.xlsx", "T", [["Title"], ["employee number", "ETHNIC ORIGIN", "Pay  Band"], ["2", "B", "6"]]),
    ]).sheets[0]!.signature;
    expect(a).toBe(b);
  });
});

describe("staff in post", () => {
  it("counts each person once at the primary assignment and drops bank-only workers", () => {
    const ds = readWorkbooks([
      staffFile([
        ["100", "100", "A", "Nursing and Midwifery Registered", "Band 6", "Permanent", "Yes"],
        ["100", "100-2", "A", "Administrative and Clerical", "Band 3", "Fixed Term Temp", "No"],
        ["200", "200", "N", "Additional Clinical Services", "Band 3", "Bank", "Yes"],
        ["300", "300", "H", "Administrative and Clerical", "Band 4", "Bank", "Yes"],
        ["300", "300-2", "H", "Administrative and Clerical", "Band 5", "Permanent", "No"],
        ["400", "400-2", "M", "Administrative and Clerical", "Band 2", "Permanent", "No"],
        ["400", "400", "M", "Administrative and Clerical", "Band 7", "Permanent", "Yes"],
      ]),
    ]);
    expect(ds.staff.map((s) => [s.personId, s.band])).toEqual([
      ["100", "6"],
      ["300", "5"], // bank primary, substantive second post: counted at the substantive post
      ["400", "7"], // primary listed after the second assignment
    ]);
    expect(ds.sheets[0]).toMatchObject({
      rowsRead: 7,
      rowsUsed: 3,
      rowsExcluded: 4,
      exclusions: { "secondary-assignment": 3, "bank-only": 1 },
    });
  });

  it("tells cohorts from staff groups and medical grades into subgroups", () => {
    const ds = readWorkbooks([
      staffFile([
        ["1", "1", "A", "Medical and Dental", "Consultant", "Permanent", "Yes"],
        ["2", "2", "A", "Medical and Dental", "Specialty Registrar", "Permanent", "Yes"],
        ["3", "3", "A", "Medical and Dental", "Specialty Doctor", "Permanent", "Yes"],
        ["4", "4", "A", "Medical and Dental", "Clinical Fellow", "Permanent", "Yes"],
        ["5", "5", "A", "Estates and Ancillary", "Band 2", "Permanent", "Yes"],
        ["6", "6", "A", "Healthcare Scientists", "Band 8 - Range A", "Permanent", "Yes"],
      ]),
    ]);
    expect(ds.staff.map((s) => [s.cohort, s.band, s.medical])).toEqual([
      ["medical", null, "consultant"],
      ["medical", null, "trainee"],
      ["medical", null, "non-consultant-career-grade"],
      ["medical", null, "other"],
      ["non-clinical", "2", null],
      ["clinical", "8a", null],
    ]);
  });

  it("maps staff groups to cohorts by the staffGroupCohorts setting, over the ESR defaults", () => {
    const rows: FixtureCell[][] = [
      ["1", "1", "A", "Students", "Band 3", "Permanent", "Yes"],
      ["2", "2", "A", "ADMINISTRATIVE & CLERICAL", "Band 4", "Permanent", "Yes"],
      ["3", "3", "A", "Estates and Ancillary", "Band 2", "Permanent", "Yes"],
      ["4", "4", "A", "Research Office", "Band 6", "Permanent", "Yes"],
    ];
    const cohorts = (ds: Dataset) => ds.staff.map((s) => [s.staffGroup, s.cohort]);
    // Defaults: ESR staff groups by name (any case, & for and); "Research Office" names no group.
    const byDefault = readWorkbooks([staffFile(rows)]);
    expect(cohorts(byDefault)).toEqual([
      ["Students", "clinical"],
      ["ADMINISTRATIVE & CLERICAL", "non-clinical"],
      ["Estates and Ancillary", "non-clinical"],
      ["Research Office", "non-clinical"],
    ]);
    expect(issuesOf(byDefault, "staff-group-unrecognised")).toHaveLength(1);
    // A trust that reports students as non-clinical and its research office as clinical says so by name.
    const overridden = readWorkbooks([staffFile(rows)], {
      staffGroupCohorts: { students: "non-clinical", "Research office": "clinical" },
    });
    expect(cohorts(overridden)).toEqual([
      ["Students", "non-clinical"],
      ["ADMINISTRATIVE & CLERICAL", "non-clinical"],
      ["Estates and Ancillary", "non-clinical"],
      ["Research Office", "clinical"],
    ]);
    expect(issuesOf(overridden, "staff-group-unrecognised")).toHaveLength(0);
  });

  it("counts people with a numeric employee number and one with leading zeros as the same person", () => {
    const ds = readWorkbooks([
      staffFile([
        [12, "12", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
        ["0012", "0012-2", "A", "Administrative and Clerical", "Band 2", "Permanent", "No"],
      ]),
    ]);
    expect(ds.staff).toHaveLength(1);
    expect(ds.sheets[0]!.exclusions).toEqual({ "secondary-assignment": 1 });
  });

  it("reports a row without an employee number with file, sheet, row and column", () => {
    const ds = readWorkbooks([
      staffFile([[null, null, "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"]]),
    ]);
    const [e] = issuesOf(ds, "missing-person-id");
    expect(e).toMatchObject({
      severity: "error",
      file: "staff.xlsx",
      sheet: "Staff in Post",
      row: 4,
      column: "A",
      header: "Employee Number",
    });
    expect(e!.message).toContain("row 4");
    expect(ds.sheets[0]!.exclusions).toEqual({ "missing-person-id": 1 });
  });

  it("warns once per unknown ethnicity code with a count, and counts those staff as unknown", () => {
    const ds = readWorkbooks([
      staffFile([
        ["1", "1", "Q", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
        ["2", "2", "Q", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
        ["3", "3", "Martian", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
        ["4", "4", "Z Not Stated", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
      ]),
    ]);
    const warnings = issuesOf(ds, "ethnicity-unrecognised");
    expect(warnings.map((w) => [w.params!.value, w.params!.count, w.row, w.column])).toEqual([
      ["Q", 2, 4, "C"],
      ["Martian", 1, 6, "C"],
    ]);
    expect(ds.staff.every((s) => s.ethnicity.group === "unknown")).toBe(true);
    expect(ds.sheets[0]!.unknownEthnicityPct).toBe(100);
  });

  it("warns about bands it cannot read", () => {
    const ds = readWorkbooks([
      staffFile([["1", "1", "A", "Administrative and Clerical", "Band 8", "Permanent", "Yes"]]),
    ]);
    expect(issuesOf(ds, "band-unrecognised")[0]).toMatchObject({
      column: "E",
      header: "Pay Band",
      params: { value: "Band 8", count: 1 },
    });
    expect(ds.staff[0]!.band).toBeNull();
  });
});

describe("recruitment", () => {
  const header = ["Vacancy Reference", "Ethnic Group", "Shortlisted", "Appointed"];

  it("excludes and reports an applicant appointed but not shortlisted", () => {
    const ds = readWorkbooks([
      xlsx("rec.xlsx", "Applications", [
        ["Applications 2024/25"],
        header,
        ["V1", "White - British", "Yes", "Yes"],
        ["V1", "Asian or Asian British - Indian", "No", "Yes"],
        ["V1", "Chinese", "No", "No"],
      ]),
    ]);
    expect(ds.applications).toHaveLength(2);
    const [e] = issuesOf(ds, "appointed-not-shortlisted");
    expect(e).toMatchObject({
      severity: "error",
      file: "rec.xlsx",
      sheet: "Applications",
      row: 4,
      column: "D",
      header: "Appointed",
    });
    expect(ds.sheets[0]).toMatchObject({
      rowsRead: 3,
      rowsUsed: 2,
      rowsExcluded: 1,
      exclusions: { "appointed-not-shortlisted": 1 },
    });
  });

  it("accepts yes/no spellings and booleans, and rejects values that are neither", () => {
    const ds = readWorkbooks([
      xlsx("rec.xlsx", "A", [
        header,
        ["V", "A", "Y", "N"],
        ["V", "A", true, false],
        ["V", "A", "TRUE", "1"],
        ["V", "A", "x", ""],
        ["V", "A", "perhaps", "N"],
      ]),
    ]);
    expect(ds.applications.map((a) => [a.shortlisted, a.appointed])).toEqual([
      [true, false],
      [true, false],
      [true, true],
      [true, false],
    ]);
    expect(issuesOf(ds, "invalid-yes-no")[0]).toMatchObject({ row: 6, column: "C", params: { value: "perhaps" } });
  });

  it("reads shortlisting and appointment from an outcome column", () => {
    const ds = readWorkbooks([
      xlsx("rec.xlsx", "A", [
        ["Ethnicity", "Outcome"],
        ["A", "Not shortlisted"],
        ["A", "Interviewed - unsuccessful"],
        ["N", "Appointed"],
        ["N", "Offer accepted"],
      ]),
    ]);
    expect(ds.applications.map((a) => [a.shortlisted, a.appointed])).toEqual([
      [false, false],
      [true, false],
      [true, true],
      [true, true],
    ]);
  });
});

describe("joins to staff in post", () => {
  const staff = staffFile([
    ["100", "100", "A White - British", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
    ["200", "200", "N Black or Black British - African", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
  ]);

  it("gives cases the ethnicity of the person in staff in post, in any file order", () => {
    const cases = xlsx("er.xlsx", "Cases", [
      ["Employee Number", "Case Type", "Date Opened"],
      ["200", "Disciplinary", "01/06/2024"],
      ["100", "Grievance", 45500],
      ["999", "Capability", ""],
    ]);
    const ds = readWorkbooks([cases, staff]);
    expect(ds.cases.map((c) => [c.personId, c.ethnicity.group, c.caseType, c.startDate])).toEqual([
      ["200", "bme", "disciplinary", "2024-06-01"],
      ["100", "white", "grievance", "2024-07-27"],
      ["999", "unknown", "capability", null],
    ]);
    expect(issuesOf(ds, "person-not-in-staff")[0]).toMatchObject({
      file: "er.xlsx",
      row: 4,
      column: "A",
      params: { count: 1 },
    });
  });

  it("counts training once per person and joins its ethnicity", () => {
    const training = xlsx("cpd.xlsx", "CPD", [
      ["Employee Number", "Course Title"],
      ["100", "Coaching"],
      ["100", "Mentoring"],
      ["200", "Coaching"],
    ]);
    const ds = readWorkbooks([staff, training]);
    expect(ds.training.map((t) => [t.personId, t.ethnicity.group])).toEqual([
      ["100", "white"],
      ["200", "bme"],
    ]);
    expect(ds.sheets[1]).toMatchObject({ rowsRead: 3, rowsUsed: 2, exclusions: { "duplicate-person": 1 } });
  });

  it("leaves out the cases and training of bank-only workers, whose headcount is not in the substantive WRES", () => {
    const withBank = staffFile([
      ["100", "100", "A White - British", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
      ["200", "200", "N Black or Black British - African", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
      ["300", "300", "N Black or Black British - African", "Additional Clinical Services", "Band 3", "Bank", "Yes"],
      // Bank in one row, substantive in another: in the headcount, so their case counts.
      ["400", "400-1", "M Black or Black British - Caribbean", "Additional Clinical Services", "Band 3", "Bank", "No"],
      [
        "400",
        "400-2",
        "M Black or Black British - Caribbean",
        "Additional Clinical Services",
        "Band 3",
        "Permanent",
        "Yes",
      ],
    ]);
    const cases = xlsx("er.xlsx", "Cases", [
      ["Employee Number", "Ethnic Origin", "Case Type", "Date Opened"],
      ["200", "", "Disciplinary", "01/06/2024"],
      ["300", "N", "Disciplinary", "02/06/2024"], // has its own ethnicity: still a bank-only worker
      ["400", "", "Disciplinary", "03/06/2024"],
    ]);
    const training = xlsx("cpd.xlsx", "CPD", [
      ["Employee Number", "Course Title"],
      ["300", "Coaching"],
      ["100", "Coaching"],
    ]);
    const ds = readWorkbooks([cases, withBank, training]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["100", "200", "400"]);
    expect(ds.cases.map((c) => [c.personId, c.ethnicity.group])).toEqual([
      ["200", "bme"],
      ["400", "bme"],
    ]);
    expect(ds.training.map((t) => t.personId)).toEqual(["100"]);
    const caseSheet = ds.sheets.find((x) => x.kind === "cases")!;
    expect(caseSheet).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsExcluded: 1, exclusions: { "bank-only": 1 } });
    expect(ds.sheets.find((x) => x.kind === "training")!.exclusions).toEqual({ "bank-only": 1 });
    // The bank-only worker's case and training are the bank workers' figures (docs/bank-workforce.md), so
    // nothing was lost and there is nothing to warn about (bank-records.test.ts: a row that goes nowhere is).
    expect(ds.bank!.cases.map((c) => [c.personId, c.ethnicity.group, c.row])).toEqual([["300", "bme", 3]]);
    expect(ds.bank!.training.map((t) => [t.personId, t.row])).toEqual([["300", 2]]);
    expect(issuesOf(ds, "bank-only-excluded")).toEqual([]);
  });

  it("says when there is no staff table to join to", () => {
    const cases = xlsx("er.xlsx", "Cases", [
      ["Employee Number", "Case Type"],
      ["1", "Disciplinary"],
    ]);
    const ds = readWorkbooks([cases]);
    expect(ds.cases[0]!.ethnicity.group).toBe("unknown");
    expect(issuesOf(ds, "person-not-in-staff")[0]!.message).toMatch(/no staff-in-post table/);
  });
});

describe("awkward cells", () => {
  it("reads formula cells by their cached values", () => {
    const ds = readWorkbooks([
      staffFile([
        [
          { formula: 'TEXT(1,"0")', cached: "1" },
          "1",
          { formula: '"A"', cached: "A" },
          "Administrative and Clerical",
          { formula: '"Band "&5', cached: "Band 5" },
          "Permanent",
          { formula: "TRUE()", cached: true },
        ],
      ]),
    ]);
    expect(ds.staff[0]).toMatchObject({ personId: "1", band: "5", ethnicity: { group: "white" } });
  });

  it("reports a formula error or an uncalculated formula as a row problem naming file, sheet, row and column", () => {
    const ds = readWorkbooks([
      staffFile([
        [
          "1",
          "1",
          { raw: ' t="e"><f>VLOOKUP(A4,Codes!A:B,2,FALSE)</f><v>#N/A</v>' },
          "Administrative and Clerical",
          "Band 5",
          "Permanent",
          "Yes",
        ],
        ["2", "2", "A", "Administrative and Clerical", { raw: ' t="e"><v>#REF!</v>' }, "Permanent", "Yes"],
        ["3", "3", { raw: "><f>Codes!B7</f>" }, "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
        ["4", "4", "N", "Administrative and Clerical", "Band 6", "Permanent", "Yes"],
        // A row whose every used cell failed still counts as a row read, and is reported.
        [{ raw: ' t="e"><v>#N/A</v>' }, { raw: ' t="e"><v>#N/A</v>' }],
        // An error in a column the reader does not use changes nothing.
        ["5", "5", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes", { raw: ' t="e"><v>#DIV/0!</v>' }],
      ]),
    ]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["4", "5"]);
    const errors = issuesOf(ds, "formula-error");
    expect(errors.map((e) => [e.row, e.column, e.header, e.params?.value])).toEqual([
      [4, "C", "Ethnic Origin", "#N/A"],
      [5, "E", "Pay Band", "#REF!"],
      [8, "A", "Employee Number", "#N/A"],
    ]);
    expect(errors[0]).toMatchObject({ severity: "error", file: "staff.xlsx", sheet: "Staff in Post" });
    expect(errors[0]!.message).toContain(
      'staff.xlsx, sheet "Staff in Post", row 4, column C (Ethnic Origin): the cell holds a formula error #N/A',
    );
    const [noValue] = issuesOf(ds, "formula-no-saved-value");
    expect(noValue).toMatchObject({ severity: "error", row: 6, column: "C" });
    expect(noValue!.message).toMatch(/formula with no saved result/);
    expect(ds.sheets[0]).toMatchObject({
      rowsRead: 6,
      rowsUsed: 2,
      rowsExcluded: 4,
      exclusions: { "formula-error": 3, "formula-no-saved-value": 1 },
    });
  });

  it("excludes a case whose employee number is a formula error instead of counting it as unknown", () => {
    const staff = staffFile([["1", "1", "N", "Administrative and Clerical", "Band 5", "Permanent", "Yes"]]);
    const cases = xlsx("cases.xlsx", "ER", [
      ["Employee Number", "Case Type", "Start Date"],
      [{ raw: ' t="e"><v>#N/A</v>' }, "Disciplinary", "01/06/2024"],
      ["1", "Disciplinary", "02/06/2024"],
    ]);
    const ds = readWorkbooks([staff, cases]);
    expect(ds.cases).toHaveLength(1);
    expect(ds.cases[0]!.ethnicity.group).toBe("bme");
    expect(issuesOf(ds, "formula-error")[0]).toMatchObject({ file: "cases.xlsx", sheet: "ER", row: 2, column: "A" });
    expect(ds.sheets.find((s) => s.kind === "cases")!.exclusions).toEqual({ "formula-error": 1 });
  });

  it("reports an Excel error written into a CSV as text like the formula error it was", () => {
    const csv = { name: "rec.csv", bytes: strToU8("Ethnic Group,Shortlisted,Appointed\nA,Y,N\n#N/A,Y,Y\nN,Y,N\n") };
    const ds = readWorkbooks([csv]);
    expect(ds.applications).toHaveLength(2);
    expect(issuesOf(ds, "formula-error")[0]).toMatchObject({ row: 3, column: "A", params: { value: "#N/A" } });
  });

  it("fills merged cells down so each row carries the merged value", () => {
    // A merged title (A1:G1) and a staff group merged over two data rows (D4:D5).
    const rows: FixtureCell[][] = [
      ["Staff in Post - Snapshot 31/03/2025"],
      [],
      STAFF_HEADER,
      ["1", "1", "A", "Medical and Dental", "Consultant", "Permanent", "Yes"],
      ["2", "2", "A", null, "Specialty Doctor", "Permanent", "Yes"],
    ];
    const ds = readWorkbooks([xlsx("staff.xlsx", "Staff in Post", rows, ["A1:G1", "D4:D5"])]);
    expect(ds.sheets[0]!.headerRow).toBe(3);
    expect(ds.staff.map((s) => [s.cohort, s.medical])).toEqual([
      ["medical", "consultant"],
      ["medical", "non-consultant-career-grade"],
    ]);
  });

  it("reads dates given as serial numbers and as UK text", () => {
    const ds = readWorkbooks([
      xlsx("rec.xlsx", "A", [
        ["Ethnic Group", "Shortlisted", "Appointed", "Date Received"],
        ["A", "Y", "N", { date: 45383 }],
        ["A", "Y", "N", "02/04/2024"],
        ["A", "Y", "N", "2024-04-03"],
        ["A", "Y", "N", 45386],
      ]),
    ]);
    expect(ds.applications.map((a) => a.date)).toEqual(["2024-04-01", "2024-04-02", "2024-04-03", "2024-04-04"]);
  });

  it("excludes and reports a staff row whose leaving date cannot be read, rather than keeping a possible leaver", () => {
    const header = [...STAFF_HEADER, "Leaving Date"];
    const row = (id: string, leaving: FixtureCell): FixtureCell[] => [
      id,
      id,
      "A",
      "Administrative and Clerical",
      "Band 5",
      "Permanent",
      "Yes",
      leaving,
    ];
    const ds = readWorkbooks([
      xlsx("staff.xlsx", "Staff in Post", [
        ["Staff in Post - Snapshot 31/03/2025"],
        header,
        row("1", null),
        row("2", "31/01/2025"), // left before the snapshot
        row("3", "30/04/2025"), // leaves after it: in post on 31 March
        row("4", "03/31/2025"), // US order: no 31st month
        row("5", "TBC"),
        row("6", { date: 45747 }), // 31/03/2025 as a serial: in post that day
      ]),
    ]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["1", "3", "6"]);
    expect(ds.sheets[0]!.exclusions).toEqual({ "left-before-snapshot": 1, "leaving-date-unreadable": 2 });
    const issues = issuesOf(ds, "leaving-date-unreadable");
    expect(issues.map((i) => [i.severity, i.row, i.column, i.header, i.params?.value])).toEqual([
      ["error", 6, "H", "Leaving Date", "03/31/2025"],
      ["error", 7, "H", "Leaving Date", "TBC"],
    ]);
    expect(issues[0]!.message).toContain('staff.xlsx, sheet "Staff in Post", row 6, column H (Leaving Date)');
    expect(issues[0]!.message).toMatch(/month\/day\/year/);
    expect(issues[0]!.message).toContain("2025-03-31");
    expect(issues[1]!.message).not.toMatch(/month\/day\/year/);
  });

  it("warns about case, application and training dates it cannot read, naming row and column, and keeps the rows undated", () => {
    const staff = staffFile([["1", "1", "N", "Administrative and Clerical", "Band 5", "Permanent", "Yes"]]);
    const cases = xlsx("cases.xlsx", "ER", [
      ["Employee Number", "Case Type", "Start Date"],
      ["1", "Disciplinary", "12/25/2024"],
      ["1", "Disciplinary", "01/06/2024"],
      ["1", "Disciplinary", "not yet"],
    ]);
    const rec = xlsx("rec.xlsx", "Apps", [
      ["Ethnic Group", "Shortlisted", "Appointed", "Date Received"],
      ["A", "Y", "N", "31-31-2024"],
    ]);
    const ds = readWorkbooks([staff, cases, rec]);
    expect(ds.cases.map((c) => c.startDate)).toEqual([null, "2024-06-01", null]);
    expect(ds.applications[0]!.date).toBeNull();
    const warnings = issuesOf(ds, "date-unreadable");
    expect(warnings.map((w) => [w.severity, w.file, w.row, w.column, w.params?.value])).toEqual([
      ["warning", "cases.xlsx", 2, "C", "12/25/2024"],
      ["warning", "cases.xlsx", 4, "C", "not yet"],
      ["warning", "rec.xlsx", 2, "D", "31-31-2024"],
    ]);
    expect(warnings[0]!.message).toMatch(/month\/day\/year/);
    expect(warnings[0]!.message).toMatch(/counts in the current year/);
  });

  it("treats headers named __proto__ and constructor as plain text", () => {
    const ds = readWorkbooks([
      xlsx("f.xlsx", "S", [
        ["__proto__", "constructor", "Employee Number", "Ethnic Origin", "Pay Band", "toString"],
        ["x", "y", "1", "A", "Band 5", "z"],
      ]),
    ]);
    expect(ds.sheets[0]!.kind).toBe("staff");
    expect(ds.staff).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(ds.sheets[0]!.columns)).toBe(Object.prototype);
    expect(Object.keys(ds.sheets[0]!.columns)).not.toContain("__proto__");
  });

  it("warns about duplicate headers, naming both columns, and uses the first", () => {
    const ds = readWorkbooks([
      xlsx("f.xlsx", "S", [
        ["Employee Number", "Ethnic Origin", "Pay Band", "Ethnic Origin"],
        ["1", "A", "Band 5", "N"],
      ]),
    ]);
    const [w] = issuesOf(ds, "duplicate-header");
    expect(w).toMatchObject({ severity: "warning", column: "D", params: { first: "B", second: "D" } });
    expect(w!.message).toContain('B ("Ethnic Origin")');
    expect(w!.message).toContain('D ("Ethnic Origin")');
    expect(ds.staff[0]!.ethnicity.group).toBe("white");
  });

  it("skips blank rows, repeated header rows and total lines", () => {
    const ds = readWorkbooks([
      staffFile([
        ["1", "1", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
        [],
        STAFF_HEADER,
        ["2", "2", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
        ["Total", null, null, null, null, null, null],
      ]),
    ]);
    expect(ds.staff).toHaveLength(2);
    expect(ds.sheets[0]!.rowsRead).toBe(2);
  });
});

describe("survey, board and aggregates", () => {
  it("reads survey percentages, including percent-formatted fractions", () => {
    const ds = readWorkbooks([
      xlsx("s.xlsx", "Survey", [
        ["Indicator", "Question", "Year", "White %", "BME %"],
        ["Indicator 5", "Q14a", 2024, 0.254, 0.293],
        [6, "Q14b", 2024, 0.212, 0.261],
      ]),
    ]);
    expect(
      ds.survey.map((r) => [r.indicator, r.year, Math.round(r.whitePct * 10) / 10, Math.round(r.bmePct * 10) / 10]),
    ).toEqual([
      [5, 2024, 25.4, 29.3],
      [6, 2024, 21.2, 26.1],
    ]);
  });

  it("reads board membership flags", () => {
    const ds = readWorkbooks([
      xlsx("b.xlsx", "Board", [
        ["Role", "Ethnic Origin", "Voting Member", "Executive Director"],
        ["Chair", "A", "Yes", "No"],
        ["Chief Executive", "H", "Y", "Y"],
      ]),
    ]);
    expect(ds.board.map((b) => [b.ethnicity.group, b.voting, b.executive])).toEqual([
      ["white", true, false],
      ["bme", true, true],
    ]);
  });

  it("reads aggregated counts by measure and band", () => {
    const ds = readWorkbooks([
      xlsx("a.xlsx", "Counts", [
        ["Measure", "Band", "Year", "White", "BME", "Unknown"],
        ["Staff in post", "Band 8 - Range A", "2023/24", 50, 12, 1],
        ["Shortlisted", null, "2023/24", 300, 200, 10],
        ["Colour", null, null, 1, 1, 1],
      ]),
    ]);
    expect(ds.aggregates.map((a) => [a.measure, a.band, a.year, a.white, a.bme, a.unknown])).toEqual([
      ["staff", "8a", "2023/24", 50, 12, 1],
      ["shortlisted", null, "2023/24", 300, 200, 10],
    ]);
    expect(issuesOf(ds, "unknown-measure")[0]).toMatchObject({ row: 4, column: "A" });
  });
});

describe("whole files", () => {
  it("reads CSV, and a CSV saved as .xlsx with a warning", () => {
    const csv =
      'Employee Number,Ethnic Origin,Pay Band,Staff Group\n1,A,Band 5,Administrative and Clerical\n2,"N Black or Black British - African",Band 6,Allied Health Professionals\n';
    const ds = readWorkbooks([
      { name: "staff.csv", bytes: strToU8(csv) },
      { name: "more staff.xlsx", bytes: strToU8(csv.replace(/^(.*\n)1,/m, "$13,").replace("\n2,", "\n4,")) },
    ]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["1", "2", "3", "4"]);
    expect(issuesOf(ds, "csv-in-disguise")).toHaveLength(1);
    expect(issuesOf(ds, "csv-in-disguise")[0]!.file).toBe("more staff.xlsx");
  });

  it('reads CSV in Windows-1252 and tab-separated UTF-16 (Excel\'s "Unicode text")', () => {
    const latin = strToU8(
      "Employee Number;Ethnic Origin;Pay Band\n1;A White - British;Band 5\n2;Other ethnic group - Arab;Band 6\n3;Z Not Stated;Band 7\n",
    );
    // "Caf\u00e9" in Windows-1252 is a single 0xE9 byte: invalid UTF-8.
    const withAccent = new Uint8Array([...latin, ...[0x34, 0x3b, 0x41, 0x3b, 0x43, 0x61, 0x66, 0xe9, 0x0a]]);
    const ds1 = readWorkbooks([{ name: "staff.csv", bytes: withAccent }]);
    expect(ds1.staff.map((s) => s.ethnicity.group)).toEqual(["white", "bme", "unknown", "white"]);
    const text = "Employee Number\tEthnic Origin\tPay Band\r\n9\tN\tBand 3\r\n";
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    const ds2 = readWorkbooks([{ name: "staff.txt", bytes: utf16 }]);
    expect(ds2.staff.map((s) => [s.personId, s.ethnicity.broad, s.band])).toEqual([["9", "black", "3"]]);
  });

  it("takes the person from an ESR assignment number when there is no employee number", () => {
    const ds = readWorkbooks([
      xlsx("f.xlsx", "S", [
        ["Assignment Number", "Ethnic Origin", "Pay Band", "Primary Assignment"],
        ["12345678", "A", "Band 5", "Yes"],
        ["12345678-2", "A", "Band 3", "No"],
      ]),
    ]);
    expect(ds.staff.map((s) => [s.personId, s.band])).toEqual([["12345678", "5"]]);
    expect(ds.sheets[0]!.exclusions).toEqual({ "secondary-assignment": 1 });
  });

  it("throws a WorkbookError for an unreadable file, or reports it when asked", () => {
    const good = staffFile([["1", "1", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"]]);
    const bad = { name: "broken.xlsx", bytes: good.bytes.slice(0, 100) };
    expect(() => readWorkbooks([good, bad])).toThrow(WorkbookError);
    const ds = readWorkbooks([good, bad], { fileErrors: "report" });
    expect(ds.staff).toHaveLength(1);
    expect(ds.issues.find((i) => i.file === "broken.xlsx")).toMatchObject({ severity: "error", code: "file-corrupt" });
  });

  it("treats a sheet longer than maxRows as a whole-file error, not partial data", () => {
    const big = buildLargeXlsx(30, (r) =>
      r === 1
        ? `<c r="A1" t="inlineStr"><is><t>Employee Number</t></is></c><c r="B1" t="inlineStr"><is><t>Ethnic Origin</t></is></c><c r="C1" t="inlineStr"><is><t>Pay Band</t></is></c>`
        : `<c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>A</t></is></c><c r="C${r}"><v>5</v></c>`,
    );
    const file = { name: "big.xlsx", bytes: big };
    let thrown: unknown;
    try {
      readWorkbooks([file], { maxRows: 10 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkbookError);
    const issue = (thrown as WorkbookError).issue;
    expect(issue).toMatchObject({
      severity: "error",
      code: "sheet-too-many-rows",
      file: "big.xlsx",
      sheet: "Data",
      row: null,
      params: { maxRows: 10 },
    });
    expect(issue.message).toMatch(/^big\.xlsx, sheet "Data": the sheet has more than 10 rows.*the file was not used/);
    // Reported (the tab's policy), the file contributes nothing rather than its first rows.
    const good = staffFile([["1", "1", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"]]);
    const ds = readWorkbooks([good, file], { maxRows: 10, fileErrors: "report" });
    expect(ds.staff.map((s) => s.personId)).toEqual(["1"]);
    expect(ds.sheets.map((s) => s.file)).toEqual(["staff.xlsx"]);
    expect(issuesOf(ds, "sheet-too-many-rows")).toEqual([issue]);
    // At the limit exactly, the sheet is read whole.
    expect(readWorkbooks([file], { maxRows: 30 }).staff).toHaveLength(29);
  });

  it("reads a workbook written by exceljs end to end", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("ESR");
    ws.addRow(["Staff in Post - Snapshot 31/03/2024"]);
    ws.mergeCells("A1:D1");
    ws.addRow([]);
    ws.addRow(["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group"]);
    ws.addRow([10001, "CA White English", "Band 8 - Range B", "Add Prof Scientific and Technic"]);
    ws.addRow([10002, "LB Asian Punjabi", "AfC Band 8c", "Administrative and Clerical"]);
    const ds = readWorkbooks([{ name: "esr.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }]);
    expect(ds.staff.map((s) => [s.personId, s.ethnicity.localCode, s.band, s.cohort])).toEqual([
      ["10001", "CA", "8b", "clinical"],
      ["10002", "LB", "8c", "non-clinical"],
    ]);
    expect(ds.period).toBe("2023/24");
  });

  it("reports progress through the stages", () => {
    const stages: string[] = [];
    readWorkbooks([staffFile([["1", "1", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"]])], {
      onProgress: (p) => stages.push(p.stage),
    });
    expect(stages).toEqual(["reading", "recognising", "validating"]);
  });
});

describe("snapshot date and financial year", () => {
  const row = ["1", "1", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"];

  it.each([
    ["Staff in Post at 31  March 2025", "2025-03-31", "2024/25"],
    ["Staff in Post as at 30 September 2024", "2024-09-30", "2024/25"],
    // The financial year starts in April: a June snapshot is in the year it starts.
    ["Snapshot 30/06/2025", "2025-06-30", "2025/26"],
    ["Snapshot 31/03/2009", "2009-03-31", "2008/09"],
  ])("reads the snapshot date in the title %j and its financial year", (title, date, period) => {
    const ds = readWorkbooks([staffFile([row], [[title], []])]);
    expect(ds.snapshotDate).toBe(date);
    expect(ds.period).toBe(period);
  });

  it("passes over a title whose date does not exist and takes the snapshot from a later title", () => {
    const ds = readWorkbooks([staffFile([row], [["Report printed 29/02/2025"], ["Snapshot 31/03/2025"]])]);
    expect(ds.snapshotDate).toBe("2025-03-31");
  });

  it.each(["WRES 2023/24 staff in post", "WRES 2023 / 24 staff in post", "WRES 2023-24"])(
    "takes the financial year from the title %j when no snapshot date is written",
    (title) => {
      const ds = readWorkbooks([staffFile([row], [[title], []])]);
      expect(ds.snapshotDate).toBeNull();
      expect(ds.period).toBe("2023/24");
    },
  );

  it("takes the financial year from the file name when no title names it", () => {
    const ds = readWorkbooks([xlsx("Staff in post 2023-24.xlsx", "Staff", [STAFF_HEADER, row])]);
    expect(ds.period).toBe("2023/24");
  });

  it("does not take two years that are not consecutive (a date) for a financial year", () => {
    const recruitment = (titles: FixtureCell[][]) =>
      xlsx("jobs.xlsx", "Jobs", [
        ...titles,
        ["Applicant ID", "Ethnic Group", "Shortlisted?", "Appointed?"],
        ["A1", "White - British", "Y", "N"],
      ]);
    expect(readWorkbooks([recruitment([["Run 2025-06-30"]])]).period).toBeNull();
    expect(readWorkbooks([recruitment([["Run 2025-06-30"], ["Recruitment 2024/25"]])]).period).toBe("2024/25");
  });

  it("takes the financial year written after a date in the same title", () => {
    const jobs = xlsx("jobs.xlsx", "Jobs", [
      ["Extract of 2025-06-30 for 2024-25"],
      ["Applicant ID", "Ethnic Group", "Shortlisted?", "Appointed?"],
      ["A1", "White - British", "Y", "N"],
    ]);
    expect(readWorkbooks([jobs]).period).toBe("2024/25");
  });
});

describe("several sheets and files", () => {
  const recruitmentHeader = ["Applicant ID", "Ethnic Group", "Shortlisted?", "Appointed?"];

  it("reads the records of every sheet of a kind, in the order of the files", () => {
    const jobs = (name: string, ids: string[]) =>
      xlsx(name, "Jobs", [recruitmentHeader, ...ids.map((id) => [id, "White - British", "Y", "N"])]);
    const ds = readWorkbooks([jobs("q1.xlsx", ["A1", "A2"]), jobs("q2.xlsx", ["B1", "B2", "B3"])]);
    expect(ds.applications.map((a) => [a.source.file, a.row])).toEqual([
      ["q1.xlsx", 2],
      ["q1.xlsx", 3],
      ["q2.xlsx", 2],
      ["q2.xlsx", 3],
      ["q2.xlsx", 4],
    ]);
  });

  it("counts a person listed in two staff sheets once, as an excluded row of the second", () => {
    const row = (id: string): FixtureCell[] => [
      id,
      id,
      "A",
      "Administrative and Clerical",
      "Band 5",
      "Permanent",
      "Yes",
    ];
    const a = staffFile([row("1"), row("3")]);
    const b = xlsx("staff-b.xlsx", "Staff", [STAFF_HEADER, row("1"), row("2"), row("3")]);
    const ds = readWorkbooks([a, b]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["1", "3", "2"]);
    expect(ds.sheets[1]).toMatchObject({
      rowsRead: 3,
      rowsUsed: 1,
      rowsExcluded: 2,
      exclusions: { "duplicate-person": 2 },
    });
  });

  it("gives no header row for a sheet it does not recognise", () => {
    const ds = readWorkbooks([xlsx("notes.xlsx", "Notes", [["Notes for the board"], ["To be read with the report"]])]);
    expect(ds.sheets[0]).toMatchObject({ kind: null, headerRow: null });
  });

  it("reports each file's share of the progress", () => {
    const steps: [string, string, number][] = [];
    const staff = staffFile([["1", "1", "A", "Administrative and Clerical", "Band 5", "Permanent", "Yes"]]);
    const jobs = xlsx("jobs.xlsx", "Jobs", [recruitmentHeader, ["A1", "White - British", "Y", "N"]]);
    readWorkbooks([staff, jobs], { onProgress: (p) => steps.push([p.stage, p.file, p.fraction]) });
    expect(steps).toEqual([
      ["reading", "staff.xlsx", 0],
      ["recognising", "staff.xlsx", 0.25],
      ["reading", "jobs.xlsx", 0.5],
      ["recognising", "jobs.xlsx", 0.75],
      ["validating", "staff.xlsx", 0],
      ["validating", "jobs.xlsx", 0.5],
    ]);
  });
});
