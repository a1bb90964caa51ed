// Silent data conflicts made loud: one person with two ethnicities (within staff in post, between staff
// files, between a case or training file and staff in post), and a code contradicting its own words.
import { describe, expect, it } from "vitest";
import type { Dataset, ReadIssue } from "../../../src/indicators";
import { parseEthnicity, readWorkbooks } from "../../../src/workbook";
import { buildXlsx, type FixtureCell, STAFF_HEADER, staffRow } from "./fixtures";

function xlsx(name: string, sheet: string, rows: FixtureCell[][]) {
  return { name, bytes: buildXlsx([{ name: sheet, rows }]) };
}

function staffFile(name: string, rows: FixtureCell[][]) {
  return xlsx(name, "Staff in Post", [["Staff in Post - Snapshot 31/03/2025"], [], STAFF_HEADER, ...rows]);
}

function issuesOf(ds: Dataset, code: string): ReadIssue[] {
  return ds.issues.filter((i) => i.code === code);
}

describe("an ethnicity code that contradicts its words", () => {
  it("flags the value in the parser, keeping the existing choice of value", () => {
    expect(parseEthnicity("H White - British")).toMatchObject({
      ethnicity: { code: "A", group: "white" },
      contradiction: { code: "H", words: "A" },
    });
    expect(parseEthnicity("A White - Irish")).toMatchObject({
      ethnicity: { code: "A" },
      contradiction: { code: "A", words: "B" },
    });
    // Honest values, national and ESR local codes, are not flagged.
    for (const honest of [
      "A White - British",
      "H Asian or Asian British - Indian",
      "CA White English",
      "LK Asian Sri Lankan",
      "PC Black Nigerian",
      "GA Black and Asian",
      "GD Chinese and White",
      "Z Not Stated",
      "White - British",
      "A",
    ]) {
      expect(parseEthnicity(honest).contradiction, honest).toBeNull();
    }
    // ESR's local mixed codes read as mixed (they read as Asian or Chinese before).
    expect(parseEthnicity("GA Black and Asian").ethnicity.broad).toBe("mixed");
    expect(parseEthnicity("GB Black and Chinese").ethnicity.broad).toBe("mixed");
  });

  it("reports each contradictory value once, naming file, sheet, column and rows, and what it was counted as", () => {
    const ds = readWorkbooks([
      staffFile("staff.xlsx", [
        staffRow("1", "1-1", "H White - British"),
        staffRow("2", "2-1", "A White - British"),
        staffRow("3", "3-1", "H White - British"),
        staffRow("4", "4-1", "A White - Irish"),
      ]),
    ]);
    const issues = issuesOf(ds, "ethnicity-code-contradicts-words");
    expect(issues).toHaveLength(2);
    const [h, a] = issues;
    expect(h).toMatchObject({
      severity: "warning",
      file: "staff.xlsx",
      sheet: "Staff in Post",
      row: 4,
      column: "C",
      header: "Ethnic Origin",
    });
    expect(h!.message).toBe(
      'staff.xlsx, sheet "Staff in Post", row 4, column C (Ethnic Origin): "H White - British" gives code H (Asian or Asian British - Indian) but its words say A (White - British) (rows 4 and 6); it was counted as A (White - British). Correct the code or the words in the source.',
    );
    expect(a!.message).toContain("row 7");
    expect(a!.message).toContain("it was counted as A (White - British)");
    // Counted as documented: the words where the groups differ.
    expect(ds.staff.map((s) => s.ethnicity.group)).toEqual(["white", "white", "white", "white"]);
  });
});

describe("one person with two ethnicities", () => {
  it("in staff in post: warns once per person, naming both rows and the one used (the primary assignment)", () => {
    const ds = readWorkbooks([
      staffFile("staff.xlsx", [
        staffRow("7", "7-1", "A White - British", "No"),
        staffRow("8", "8-1", "N Black or Black British - African"),
        staffRow("7", "7-2", "H Asian or Asian British - Indian", "Yes"),
        staffRow("7", "7-3", "A White - British", "No"),
      ]),
    ]);
    const issues = issuesOf(ds, "person-ethnicity-conflict");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: "warning",
      file: "staff.xlsx",
      sheet: "Staff in Post",
      row: 6,
      column: "C",
    });
    expect(issues[0]!.message).toBe(
      'staff.xlsx, sheet "Staff in Post", row 6, column C (Ethnic Origin): employee 7 is listed with two ethnicities, "A White - British" at row 4 and "H Asian or Asian British - Indian" at row 6; the row counted for them (row 6) gives "H Asian or Asian British - Indian", which was used. Correct whichever is wrong.',
    );
    expect(ds.staff.find((s) => s.personId === "7")!.ethnicity.code).toBe("H");
  });

  it("does not call a blank or not-stated row a conflict", () => {
    const ds = readWorkbooks([
      staffFile("staff.xlsx", [
        staffRow("7", "7-1", "A White - British"),
        staffRow("7", "7-2", "", "No"),
        staffRow("7", "7-3", "Z Not Stated", "No"),
      ]),
    ]);
    expect(issuesOf(ds, "person-ethnicity-conflict")).toEqual([]);
  });

  it("between two staff files: the first file's row is used for the headcount and for the cases joined to them", () => {
    const cases = xlsx("er.xlsx", "Cases", [
      ["Employee Number", "Case Type", "Date Opened"],
      ["7", "Disciplinary", "01/06/2024"],
    ]);
    const ds = readWorkbooks([
      staffFile("a.xlsx", [staffRow("7", "7-1", "A White - British")]),
      staffFile("b.xlsx", [staffRow("7", "7-1", "M Black or Black British - Caribbean")]),
      cases,
    ]);
    const issues = issuesOf(ds, "person-ethnicity-conflict");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "b.xlsx", sheet: "Staff in Post", row: 4, column: "C" });
    expect(issues[0]!.message).toBe(
      'b.xlsx, sheet "Staff in Post", row 4, column C (Ethnic Origin): employee 7 is "M Black or Black British - Caribbean" here but "A White - British" in a.xlsx, sheet "Staff in Post", row 4, where they were counted first; "A White - British" was used. Correct whichever is wrong.',
    );
    expect(ds.staff).toHaveLength(1);
    expect(ds.staff[0]!.ethnicity.code).toBe("A");
    expect(ds.cases[0]!.ethnicity.code).toBe("A");
  });

  it("between a case file's own ethnicity and staff in post: warns, naming both, and keeps the case's own value", () => {
    const cases = xlsx("er.xlsx", "Cases", [
      ["Employee Number", "Ethnic Origin", "Case Type", "Date Opened"],
      ["7", "N Black or Black British - African", "Disciplinary", "01/06/2024"],
      ["8", "A White - British", "Grievance", "01/06/2024"],
    ]);
    const ds = readWorkbooks([
      staffFile("staff.xlsx", [staffRow("7", "7-1", "A White - British"), staffRow("8", "8-1", "A White - British")]),
      cases,
    ]);
    const issues = issuesOf(ds, "person-ethnicity-conflict");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "er.xlsx", sheet: "Cases", row: 2, column: "B", header: "Ethnic Origin" });
    expect(issues[0]!.message).toContain(
      'employee 7 is "N Black or Black British - African" here but "A White - British" in staff.xlsx, sheet "Staff in Post", row 4',
    );
    expect(ds.cases[0]!.ethnicity.code).toBe("N");
  });
});
