// The rows of a breakdown as a reader sees them: genders as HR systems write them, one row per directorate
// however it is spelt, in alphabetical order with "not recorded" last, and the teams without a BME member.
import { describe, expect, it } from "vitest";
import { computeResults, type BreakdownTable, type RepresentationResult } from "../../../src/indicators";
import { genderKey } from "../../../src/indicators/breakdowns";
import { dataset, staff } from "./fixtures";

const rep = (staffRows: ReturnType<typeof staff>[]) =>
  computeResults(dataset({ staff: staffRows })).indicators["1"] as RepresentationResult;
const table = (r: RepresentationResult, d: string) => r.breakdowns!.find((t) => t.dimension === d) as BreakdownTable;

describe("genderKey", () => {
  it("reads the ways HR systems write female and male", () => {
    for (const raw of ["F", "f", " Female ", "FEMALE", "Woman", "women"]) expect(genderKey(raw)).toBe("female");
    for (const raw of ["M", "m", "Male ", "man", "Men"]) expect(genderKey(raw)).toBe("male");
  });

  it("reads blank and not stated as unknown", () => {
    for (const raw of [
      null,
      undefined,
      "",
      "   ",
      "U",
      "Unknown",
      "Not stated",
      "not known",
      "Not Recorded",
      "not declared",
      "Prefer not to say",
      "prefer not",
      "Undisclosed",
      "Not disclosed",
      "Z",
    ])
      expect(genderKey(raw)).toBe("unknown");
  });

  it("reads anything else stated as other, matching whole answers only", () => {
    for (const raw of [
      "Non-binary",
      "I",
      "Fe",
      "Females only",
      "not stated by HR",
      "unknown gender",
      "UZ",
      "Not",
      "prefer",
      "Woman and man",
    ])
      expect(genderKey(raw)).toBe("other");
  });
});

describe("breakdown rows", () => {
  it("lists genders in their order, whatever order staff come in", () => {
    const t = table(
      rep([
        staff("white", { gender: "Prefer not to say" }),
        staff("bme", { gender: "Non-binary" }),
        staff("white", { gender: "M" }),
        staff("bme", { gender: "F" }),
        staff("bme", { gender: "f" }),
      ]),
      "gender",
    );
    expect(t.rows).toEqual(["female", "male", "other", "unknown"]);
    expect(t.cells["female"]).toMatchObject({ bme: { count: 2 }, white: { count: 0 }, total: { count: 2 } });
    expect(t.columns).toEqual(["white", "bme", "unknown", "total"]);
  });

  it("makes one row of each directorate however its name is spelt, under its first spelling, not recorded last", () => {
    const t = table(
      rep([
        staff("white", { directorate: "Surgery" }),
        staff("bme", { directorate: "  surgery " }),
        staff("bme", { directorate: "SURGERY" }),
        staff("white", { directorate: "Women's  and Children's" }),
        staff("white", { directorate: "women's and children's" }),
        staff("white", { directorate: null }),
        staff("bme", { directorate: "   " }),
        staff("white", { directorate: "anaesthetics" }),
        staff("white", { directorate: "Estates" }),
      ]),
      "directorate",
    );
    expect(t.rows).toEqual(["anaesthetics", "Estates", "Surgery", "Women's and Children's", ""]);
    expect(t.cells["Surgery"]).toMatchObject({ white: { count: 1 }, bme: { count: 2 }, total: { count: 3 } });
    expect(t.cells["Women's and Children's"]!.total).toEqual({ count: 2 });
    expect(t.cells[""]).toMatchObject({ white: { count: 1 }, bme: { count: 1 }, total: { count: 2 } });
  });

  it("has no not-recorded row when everyone has a value", () => {
    const r = rep([staff("white", { division: "Medicine" }), staff("bme", { division: "Surgery" })]);
    expect(table(r, "division").rows).toEqual(["Medicine", "Surgery"]);
  });

  it("leaves out a dimension no one in staff in post has a value for", () => {
    const r = rep([staff("white", { directorate: " ", staffGroup: "Nursing" }), staff("bme", { staffGroup: null })]);
    expect(r.breakdowns!.map((t) => t.dimension)).toEqual(["ethnic-group", "ethnic-category", "staff-group"]);
    expect(table(r, "staff-group").rows).toEqual(["Nursing", ""]);
  });
});

describe("teams without a BME member", () => {
  it("counts teams however spelt, and names those without a BME member in alphabetical order", () => {
    const r = rep([
      staff("white", { team: "Ward 10" }),
      staff("bme", { team: "ward  10 " }),
      staff("white", { team: "Pharmacy" }),
      staff("unknown", { team: "Pharmacy" }),
      staff("white", { team: "audit" }),
      staff("white", { team: "  " }),
      staff("bme", { team: null }),
    ]);
    expect(r.teamsWithoutFocus).toEqual({ teams: 3, without: 2, names: ["audit", "Pharmacy"] });
  });

  it("names a team as first written, with runs of spaces made one", () => {
    const r = rep([
      staff("white", { team: "  Ward   10 North " }),
      staff("white", { team: "ward 10 north" }),
      staff("bme", { team: "Ward 11" }),
    ]);
    expect(r.teamsWithoutFocus).toEqual({ teams: 2, without: 1, names: ["Ward 10 North"] });
  });

  it("is absent when no team is named", () => {
    expect(rep([staff("white", { team: " " }), staff("bme")])).not.toHaveProperty("teamsWithoutFocus");
  });
});
