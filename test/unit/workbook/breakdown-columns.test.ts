// The staff table's columns that breakdowns read (docs/wres-method.md#breakdowns): division and team are read
// when the sheet has them, and left off the records when it does not.
import { describe, expect, it } from "vitest";
import { readWorkbooks } from "../../../src/workbook";
import { computeResults } from "../../../src/indicators";
import { buildXlsx, fileOf } from "./fixtures";

const HEAD = [
  "Employee Number",
  "Ethnic Origin",
  "Gender",
  "Staff Group",
  "Pay Band",
  "Directorate",
  "Division",
  "Team",
];

describe("division and team columns of staff in post", () => {
  it("reads Division and Team into the records, and the indicators break down by division and list teams with no BME member", () => {
    const rows = [
      HEAD,
      ["1", "A White - British", "Female", "Nursing and Midwifery Registered", "Band 5", "Surgery", "North", "Ward 1"],
      [
        "2",
        "H Asian or Asian British - Indian",
        "Male",
        "Nursing and Midwifery Registered",
        "Band 6",
        "Surgery",
        "North",
        "Ward 1",
      ],
      ["3", "A White - British", "Female", "Administrative and Clerical", "Band 3", "Corporate", "South", "Payroll"],
      ["4", "Z Not Stated", "Female", "Administrative and Clerical", "Band 4", "Corporate", "South", "payroll "],
    ];
    const data = readWorkbooks([fileOf("staff.xlsx", buildXlsx([{ name: "Staff", rows }]))]);
    expect(data.sheets[0]!.columns).toMatchObject({ division: "Division", team: "Team", directorate: "Directorate" });
    expect(data.staff.map((s) => [s.directorate, s.division, s.team])).toEqual([
      ["Surgery", "North", "Ward 1"],
      ["Surgery", "North", "Ward 1"],
      ["Corporate", "South", "Payroll"],
      ["Corporate", "South", "payroll"],
    ]);
    const i1 = computeResults(data, { breakdowns: true }).indicators["1"] as {
      breakdowns: { dimension: string; rows: string[] }[];
      teamsWithoutFocus: unknown;
    };
    expect(i1.breakdowns.find((t) => t.dimension === "division")!.rows).toEqual(["North", "South"]);
    // "Payroll" and "payroll " are one team; it has a White member and one not stated: no BME member.
    expect(i1.teamsWithoutFocus).toEqual({ teams: 2, without: 1, names: ["Payroll"] });
  });

  it("a sheet without them leaves them off the records (nothing more is read)", () => {
    const rows = [HEAD.slice(0, 6), ["1", "A", "Female", "Nursing and Midwifery Registered", "Band 5", "Surgery"]];
    const data = readWorkbooks([fileOf("staff.xlsx", buildXlsx([{ name: "Staff", rows }]))]);
    expect(data.staff[0]).not.toHaveProperty("division");
    expect(data.staff[0]).not.toHaveProperty("team");
  });
});
