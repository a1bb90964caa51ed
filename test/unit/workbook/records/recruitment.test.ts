// Recruitment extracts as organisations bring them: yes/no columns in any order, an outcome in words, or both.
import { describe, expect, it } from "vitest";
import type { Dataset, ReadIssue } from "../../../../src/indicators";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell } from "../fixtures";

function read(rows: FixtureCell[][]): Dataset {
  return readWorkbooks([{ name: "rec.xlsx", bytes: buildXlsx([{ name: "Applications", rows }]) }]);
}

const issuesOf = (ds: Dataset, code: string): ReadIssue[] => ds.issues.filter((i) => i.code === code);
const flags = (ds: Dataset) => ds.applications.map((a) => [a.shortlisted, a.appointed]);

describe("recruitment outcomes in words", () => {
  it("reads a negative outcome as not appointed, and a start or a sift as what it says", () => {
    const ds = read([
      ["Ethnic Group", "Outcome"],
      ["A", "Not appointed"],
      ["A", "Non-appointed"],
      ["A", "Start date agreed"],
      ["A", "Sift out before interview"],
      ["A", "Sifted out"],
    ]);
    expect(flags(ds)).toEqual([
      [true, false],
      [true, false],
      [true, true],
      [false, false],
      [false, false],
    ]);
  });

  it("reads an outcome column that is the sheet's first column", () => {
    const ds = read([
      ["Outcome", "Ethnic Group"],
      ["Appointed", "A"],
      ["Not shortlisted", "A"],
    ]);
    expect(flags(ds)).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(issuesOf(ds, "shortlisted-column-missing")).toEqual([]);
  });
});

describe("recruitment yes/no columns", () => {
  it("reads shortlisted and appointed columns that come first in the sheet", () => {
    const shortlistedFirst = read([
      ["Shortlisted", "Appointed", "Ethnic Group"],
      ["No", "No", "A"],
      ["Yes", "Yes", "A"],
    ]);
    expect(flags(shortlistedFirst)).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(issuesOf(shortlistedFirst, "shortlisted-column-missing")).toEqual([]);
    const appointedFirst = read([
      ["Appointed", "Shortlisted", "Ethnic Group"],
      ["Yes", "Yes", "A"],
      ["No", "Yes", "A"],
    ]);
    expect(flags(appointedFirst)).toEqual([
      [true, true],
      [true, false],
    ]);
  });

  it("takes the yes/no columns over an outcome, and the outcome where a yes/no cell cannot be read", () => {
    const ds = read([
      ["Ethnic Group", "Shortlisted", "Appointed", "Outcome"],
      ["A", "Yes", "No", "Unsuccessful"],
      ["A", "Yes", "Yes", "Pre-employment checks"],
      ["A", "see outcome", "see outcome", "Interviewed - appointed"],
    ]);
    expect(flags(ds)).toEqual([
      [true, false],
      [true, true],
      [true, true],
    ]);
    expect(ds.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("names the appointed cell when it is neither yes nor no", () => {
    const ds = read([
      ["Ethnic Group", "Shortlisted", "Appointed"],
      ["A", "Yes", "maybe"],
    ]);
    expect(ds.applications).toEqual([]);
    const [e] = issuesOf(ds, "invalid-yes-no");
    expect(e).toMatchObject({ severity: "error", row: 2, column: "C", params: { value: "maybe" } });
    expect(e!.message).toMatch(/"maybe" is not a yes\/no value; the row was excluded/);
  });
});

describe("an application appointed but not shortlisted", () => {
  it("names the outcome cell when the appointment came from it", () => {
    const ds = read([
      ["Ethnic Group", "Shortlisted", "Outcome"],
      ["A", "No", "Appointed"],
    ]);
    expect(ds.applications).toEqual([]);
    const [e] = issuesOf(ds, "appointed-not-shortlisted");
    expect(e).toMatchObject({ severity: "error", row: 2, column: "C", header: "Outcome" });
    expect(e!.message).toMatch(/recorded as appointed but not shortlisted; the row was excluded/);
  });

  it("names the appointed cell when it is the first column", () => {
    const ds = read([
      ["Appointed", "Shortlisted", "Ethnic Group"],
      ["Yes", "No", "A"],
    ]);
    expect(issuesOf(ds, "appointed-not-shortlisted")[0]).toMatchObject({ row: 2, column: "A", header: "Appointed" });
  });
});

describe("a recruitment sheet with no shortlisted column", () => {
  it("takes every application as shortlisted, says so once, and counts the appointed", () => {
    const ds = read([
      ["Applicant ID", "Ethnic Group", "Appointed"],
      ["P1", "A", "Yes"],
      ["P2", "N", "No"],
    ]);
    expect(flags(ds)).toEqual([
      [true, true],
      [true, false],
    ]);
    const warnings = issuesOf(ds, "shortlisted-column-missing");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: "warning",
      file: "rec.xlsx",
      sheet: "Applications",
      row: null,
      column: null,
      header: null,
    });
    expect(warnings[0]!.message).toMatch(/there is no shortlisted column; every application was taken as shortlisted/);
  });

  it("does not warn when an outcome says who was shortlisted", () => {
    const ds = read([
      ["Ethnic Group", "Appointed", "Outcome"],
      ["A", "No", "Not shortlisted"],
    ]);
    expect(flags(ds)).toEqual([[false, false]]);
    expect(issuesOf(ds, "shortlisted-column-missing")).toEqual([]);
  });

  it("takes no one as appointed when there is no appointed or outcome column", () => {
    const ds = read([
      ["Ethnic Group", "Shortlisted"],
      ["A", "Yes"],
      ["A", "No"],
    ]);
    expect(flags(ds)).toEqual([
      [true, false],
      [false, false],
    ]);
  });
});

describe("what an application keeps", () => {
  it("keeps the post, the date and the sheet's share of unknown ethnicity", () => {
    const ds = read([
      ["Ethnic Group", "Shortlisted", "Appointed", "Job Title", "Date Received"],
      ["A", "Yes", "No", "Staff Nurse", "31-31-2024"],
      ["", "Yes", "No", "", "01/06/2024"],
    ]);
    expect(ds.applications.map((a) => [a.post, a.date, a.row])).toEqual([
      ["Staff Nurse", null, 2],
      [null, "2024-06-01", 3],
    ]);
    const [w] = issuesOf(ds, "date-unreadable");
    expect(w).toMatchObject({ row: 2, column: "E" });
    expect(w!.message).toMatch(/the application was kept without a date/);
    expect(ds.sheets[0]!.unknownEthnicityPct).toBe(50);
  });
});
