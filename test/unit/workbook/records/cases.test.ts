// Employee relations cases as organisations bring them: joined to staff in post by employee or assignment
// number, with or without their own ethnicity column.
import { describe, expect, it } from "vitest";
import type { Dataset, ReadIssue } from "../../../../src/indicators";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell, STAFF_HEADER } from "../fixtures";

const staff = {
  name: "staff.xlsx",
  bytes: buildXlsx([
    {
      name: "Staff in Post",
      rows: [
        STAFF_HEADER,
        ["100", "100-1", "A White - British", "Administrative and Clerical", "Band 5", "Permanent", "Yes"],
        [
          "200",
          "200-1",
          "N Black or Black British - African",
          "Administrative and Clerical",
          "Band 5",
          "Permanent",
          "Yes",
        ],
      ],
    },
  ]),
};

const casesFile = (rows: FixtureCell[][]) => ({ name: "er.xlsx", bytes: buildXlsx([{ name: "Cases", rows }]) });
const issuesOf = (ds: Dataset, code: string): ReadIssue[] => ds.issues.filter((i) => i.code === code);

describe("cases joined to staff in post", () => {
  it("keeps each case's stage and outcome, and the staff record of the person it names", () => {
    const ds = readWorkbooks([
      staff,
      casesFile([
        ["Employee Number", "Case Type", "Stage", "Outcome"],
        ["100", "Disciplinary", "Hearing", "Final written warning"],
        ["200", "Grievance", "", ""],
        ["", "Grievance", "Informal", ""],
      ]),
    ]);
    expect(ds.cases.map((c) => [c.personId, c.ethnicity.group, c.stage, c.outcome, c.staff?.personId ?? null])).toEqual(
      [
        ["100", "white", "Hearing", "Final written warning", "100"],
        ["200", "bme", null, null, "200"],
        [null, "unknown", "Informal", null, null],
      ],
    );
    expect(issuesOf(ds, "person-not-in-staff")).toEqual([]);
    expect(ds.sheets.find((s) => s.kind === "cases")!.unknownEthnicityPct).toBeCloseTo(100 / 3);
  });

  it("joins by assignment number when there is no employee number, and names that column", () => {
    const ds = readWorkbooks([
      staff,
      casesFile([
        ["Assignment Number", "Case Type"],
        ["200-1", "Disciplinary"],
        ["300-1", "Disciplinary"],
        ["400-1", "Disciplinary"],
      ]),
    ]);
    expect(ds.cases.map((c) => [c.personId, c.ethnicity.group])).toEqual([
      ["200", "bme"],
      ["300", "unknown"],
      ["400", "unknown"],
    ]);
    const [w] = issuesOf(ds, "person-not-in-staff");
    expect(w).toMatchObject({ row: 3, column: "A", header: "Assignment Number", params: { count: 2 } });
    expect(w!.message).toMatch(/2 row\(s\) name an employee not found in staff in post \(first at row 3\)/);
  });

  it("says when there is no staff in post to look people up in", () => {
    const ds = readWorkbooks([
      casesFile([
        ["Employee Number", "Case Type"],
        ["100", "Disciplinary"],
      ]),
    ]);
    const [w] = issuesOf(ds, "person-not-in-staff");
    expect(w!.message).toMatch(/no staff-in-post table was given to look people up in; 1 row\(s\) count as unknown/);
  });

  it("uses a case's own ethnicity, in any column, for a person not in staff in post, without a warning", () => {
    const ds = readWorkbooks([
      staff,
      casesFile([
        ["Ethnicity", "Employee Number", "Case Type"],
        ["A", "300", "Disciplinary"],
        ["", "400", "Disciplinary"],
      ]),
    ]);
    expect(ds.cases.map((c) => [c.personId, c.ethnicity.group, c.staff])).toEqual([
      ["300", "white", null],
      ["400", "unknown", null],
    ]);
    expect(issuesOf(ds, "person-not-in-staff")).toEqual([]);
  });
});
