import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../../src/indicators";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell } from "../fixtures";

const HEADER = ["Employee Number", "Ethnic Origin", "Staff Group", "Pay Band", "Assignment Category"];

function readStaff(header: FixtureCell[], rows: FixtureCell[][]): Dataset {
  const sheet = { name: "Staff in Post", rows: [["Staff in Post - Snapshot 31/03/2025"], [], header, ...rows] };
  return readWorkbooks([{ name: "staff.xlsx", bytes: buildXlsx([sheet]) }]);
}

const codes = (ds: Dataset) => ds.issues.map((i) => i.code);
// An empty cell element, as some writers save a blank cell that has a style.
const emptyCell: FixtureCell = { raw: ">" };

describe("blank ethnicity and pay band cells", () => {
  it("reads blank ethnicity and pay band cells as not stated, with no warning about their values", () => {
    const ds = readStaff(HEADER, [
      ["1", null, "Administrative and Clerical", null, "Permanent"],
      ["2", emptyCell, "Administrative and Clerical", emptyCell, "Permanent"],
      ["3", "A White - British", "Administrative and Clerical", "Band 5", "Permanent"],
    ]);
    expect(ds.staff.map((s) => [s.personId, s.ethnicity.group, s.band])).toEqual([
      ["1", "unknown", null],
      ["2", "unknown", null],
      ["3", "white", "5"],
    ]);
    expect(codes(ds)).not.toContain("band-unrecognised");
    expect(codes(ds)).not.toContain("ethnicity-unrecognised");
  });

  it("reads staff with no pay band column without a warning about their bands", () => {
    const ds = readStaff(
      ["Employee Number", "Ethnic Origin", "Staff Group", "Assignment Category"],
      [["1", "A White - British", "Administrative and Clerical", "Permanent"]],
    );
    expect(ds.staff.map((s) => [s.personId, s.band])).toEqual([["1", null]]);
    expect(codes(ds)).not.toContain("band-unrecognised");
  });
});
