import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook";
import { buildXlsx, type FixtureCell } from "./fixtures";

// Files arrive in any order; what comes out is as if staff in post were read first, then the rest in
// file order: problems listed staff first, cases and training joined to every staff file, one snapshot date.

function xlsx(name: string, sheet: string, rows: FixtureCell[][]) {
  return { name, bytes: buildXlsx([{ name: sheet, rows }]) };
}

const STAFF_HEADER = ["Employee Number", "Ethnic Origin", "Staff Group", "Pay Band", "Leaving Date"];

function codes(ds: Dataset): string[] {
  return ds.issues.map((i) => `${i.file}:${i.code}`);
}

describe("reading order", () => {
  it("lists staff in post's problems first, then the other sheets' in file order, then the 'more rows' lines", () => {
    const recruitment = xlsx("rec.xlsx", "Apps", [
      ["Applicant ID", "Ethnic Group", "Shortlisted?", "Appointed?"],
      ...Array.from({ length: 52 }, (_, k): FixtureCell[] => [`A${k}`, "A", "maybe", "N"]),
    ]);
    const staff = xlsx("staff.xlsx", "Staff", [
      ["Snapshot 31/03/2025"],
      STAFF_HEADER,
      ["1", "A", "Administrative and Clerical", "Band 5", ""],
      ["", "A", "Administrative and Clerical", "Band 5", ""],
    ]);
    const cases = xlsx("er.xlsx", "Cases", [
      ["Employee Number", "Case Type"],
      ["1", "Disciplinary"],
      ["404", "Grievance"],
    ]);
    const ds = readWorkbooks([recruitment, staff, cases]);
    const order = codes(ds);
    expect(order[0]).toBe("staff.xlsx:missing-person-id");
    expect(order.slice(1, 51)).toEqual(Array.from({ length: 50 }, () => "rec.xlsx:invalid-yes-no"));
    expect(order.slice(51)).toEqual(["er.xlsx:person-not-in-staff", "rec.xlsx:invalid-yes-no"]);
    expect(ds.issues.at(-1)).toMatchObject({ row: null, params: { more: 2, total: 52 } });
    // The case of a person in staff in post is joined, though the staff file came after it was read.
    expect(ds.cases.map((c) => [c.personId, c.ethnicity.group])).toEqual([
      ["1", "white"],
      ["404", "unknown"],
    ]);
    expect(ds.sheets.map((s) => s.file)).toEqual(["rec.xlsx", "staff.xlsx", "er.xlsx"]);
  });

  it("applies a snapshot date found only in a later staff file to an earlier one", () => {
    const first = xlsx("staff-a.xlsx", "Staff", [
      STAFF_HEADER,
      ["1", "A", "Administrative and Clerical", "Band 5", "01/01/2025"],
      ["2", "A", "Administrative and Clerical", "Band 5", ""],
    ]);
    const training = xlsx("cpd.xlsx", "CPD", [
      ["Employee Number", "Course Title"],
      ["3", "Coaching"],
    ]);
    const second = xlsx("staff-b.xlsx", "Staff", [
      ["Snapshot 31/03/2025"],
      STAFF_HEADER,
      ["3", "M", "Administrative and Clerical", "Band 6", ""],
      ["2", "A", "Administrative and Clerical", "Band 5", ""],
    ]);
    const ds = readWorkbooks([first, training, second]);
    expect(ds.snapshotDate).toBe("2025-03-31");
    // Person 1 left before the snapshot; person 2 is counted once, from the first file.
    expect(ds.staff.map((s) => [s.personId, s.source.file])).toEqual([
      ["2", "staff-a.xlsx"],
      ["3", "staff-b.xlsx"],
    ]);
    expect(ds.sheets.map((s) => [s.file, s.rowsUsed, s.exclusions])).toEqual([
      ["staff-a.xlsx", 1, { "left-before-snapshot": 1 }],
      ["cpd.xlsx", 1, {}],
      ["staff-b.xlsx", 1, { "duplicate-person": 1 }],
    ]);
    // Training is joined to the second staff file, read after it.
    expect(ds.training.map((t) => [t.personId, t.ethnicity.group])).toEqual([["3", "bme"]]);
  });
});
