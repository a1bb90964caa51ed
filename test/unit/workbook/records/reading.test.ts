// What every sheet reader shares: dates it cannot read, ethnicity values it does not recognise, and codes whose
// words say another category, each reported once per value with the rows it was on.
import { describe, expect, it } from "vitest";
import type { Dataset, ReadIssue } from "../../../../src/indicators";
import { readWorkbooks } from "../../../../src/workbook";
import { parseEthnicity } from "../../../../src/workbook/ethnicity";
import { usOrderHint } from "../../../../src/workbook/records/reading";
import { buildXlsx, type FixtureCell } from "../fixtures";

const HEADER = ["Ethnic Group", "Shortlisted", "Appointed", "Date Received"];

/** A recruitment sheet with one application per [ethnicity, date received]. */
function read(applications: [FixtureCell, FixtureCell?][]): Dataset {
  const rows = applications.map(([ethnicity, date = null]) => [ethnicity, "Yes", "No", date]);
  return readWorkbooks([{ name: "rec.xlsx", bytes: buildXlsx([{ name: "Applications", rows: [HEADER, ...rows] }]) }]);
}

const issuesOf = (ds: Dataset, code: string): ReadIssue[] => ds.issues.filter((i) => i.code === code);
const PLACE = 'rec.xlsx, sheet "Applications"';

describe("a date that cannot be read", () => {
  it("is reported with its place, its value, what it means and how to write it, and the row is kept undated", () => {
    const ds = read([
      ["A", "TBC"],
      ["A", "01/06/2024"],
    ]);
    expect(ds.applications.map((a) => [a.row, a.date])).toEqual([
      [2, null],
      [3, "2024-06-01"],
    ]);
    expect(issuesOf(ds, "date-unreadable")).toEqual([
      {
        severity: "warning",
        code: "date-unreadable",
        message: `${PLACE}, row 2, column D (Date Received): "TBC" is not a date that can be read; the application was kept without a date. To use it, write it as day/month/year (31/03/2025), as 2025-03-31 or as an Excel date.`,
        file: "rec.xlsx",
        sheet: "Applications",
        row: 2,
        column: "D",
        header: "Date Received",
        params: { value: "TBC" },
      },
    ]);
  });

  it("says when it reads as month/day/year", () => {
    const [warning] = issuesOf(read([["A", "03/31/2025"]]), "date-unreadable");
    expect(warning!.message).toContain(
      '"03/31/2025" is not a date that can be read (it looks like month/day/year, the US order);',
    );
  });

  it("is not reported when the cell holds only spaces: that is a blank", () => {
    const ds = read([["A", "   "]]);
    expect(ds.applications.map((a) => a.date)).toEqual([null]);
    expect(ds.issues).toEqual([]);
  });
});

describe("the US-order hint", () => {
  it.each(["03/31/2025", "3/31/25", "12.13.2024", "1-20-2024"])("is given for %j", (text) => {
    expect(usOrderHint(text)).toBe(" (it looks like month/day/year, the US order)");
  });

  it.each([
    ["a first part that cannot be a month", "13/31/2025"],
    ["a second part that could be a month (the date is unreadable for another reason)", "03/12/2025"],
    ["a second part that cannot be a day", "03/32/2025"],
    ["a one-digit year", "03/31/5"],
    ["a three-digit year", "03/31/202"],
    ["words before the date", "on 03/31/2025"],
    ["words after the date", "03/31/2025 (approx)"],
    ["text that is not a date", "TBC"],
  ])("is not given for %s (%j)", (_, text) => {
    expect(usOrderHint(text)).toBe("");
  });
});

describe("an ethnicity value not recognised", () => {
  it("is reported once per value, with its first row and how many rows had it, and counted as unknown", () => {
    const ds = read([["A"], ["Martian"], ["N Irish"], ["Martian"], ["H"]]);
    expect(ds.applications.map((a) => a.ethnicity.group)).toEqual(["white", "unknown", "unknown", "unknown", "bme"]);
    expect(issuesOf(ds, "ethnicity-unrecognised").map((i) => [i.row, i.column, i.header, i.params, i.message])).toEqual(
      [
        [
          3,
          "A",
          "Ethnic Group",
          { value: "Martian", count: 2 },
          `${PLACE}, row 3, column A (Ethnic Group): ethnicity "Martian" was not recognised (2 rows); counted as unknown ethnicity.`,
        ],
        [
          4,
          "A",
          "Ethnic Group",
          { value: "N Irish", count: 1 },
          `${PLACE}, row 4, column A (Ethnic Group): ethnicity "N Irish" was not recognised (1 row); counted as unknown ethnicity.`,
        ],
      ],
    );
  });

  it("is not reported for a blank or a value that says it was not stated", () => {
    const ds = read([[null], ["Not stated"], ["Prefer not to say"]]);
    expect(ds.applications.map((a) => a.ethnicity.group)).toEqual(["unknown", "unknown", "unknown"]);
    expect(ds.issues).toEqual([]);
  });
});

describe("an ethnicity code whose words say another category", () => {
  const contradictions = (ds: Dataset) => issuesOf(ds, "ethnicity-code-contradicts-words");

  it("names the code's category, the words' category and the one counted", () => {
    const ds = read([["H White - British"]]);
    expect(contradictions(ds)).toEqual([
      {
        severity: "warning",
        code: "ethnicity-code-contradicts-words",
        message: `${PLACE}, row 2, column A (Ethnic Group): "H White - British" gives code H (Asian or Asian British - Indian) but its words say A (White - British) (row 2); it was counted as A (White - British). Correct the code or the words in the source.`,
        file: "rec.xlsx",
        sheet: "Applications",
        row: 2,
        column: "A",
        header: "Ethnic Group",
        params: { value: "H White - British", code: "H", words: "A", used: "A", count: 1 },
      },
    ]);
  });

  it("names a local code's category by its first letter, and counts a not-stated code as not stated", () => {
    const ds = read([["HA White - British"], ["ZA Chinese"]]);
    expect(contradictions(ds).map((i) => i.message)).toEqual([
      `${PLACE}, row 2, column A (Ethnic Group): "HA White - British" gives code HA (Asian or Asian British - Indian) but its words say A (White - British) (row 2); it was counted as A (White - British). Correct the code or the words in the source.`,
      `${PLACE}, row 3, column A (Ethnic Group): "ZA Chinese" gives code ZA (Not stated) but its words say R (Other ethnic groups - Chinese) (row 3); it was counted as ZA (Not stated). Correct the code or the words in the source.`,
    ]);
  });

  it.each([
    [[2, 3], "(rows 2 and 3)"],
    [[2, 4, 5], "(rows 2, 4 and 5)"],
  ])("lists the rows a value was on: %j", (rows, listed) => {
    const values: [FixtureCell][] = [2, 3, 4, 5].map((row) => [rows.includes(row) ? "R Indian" : "A"]);
    const [warning] = contradictions(read(values));
    expect(warning!.message).toContain(`its words say H (Asian or Asian British - Indian) ${listed};`);
    expect(warning!.params).toMatchObject({ count: rows.length });
  });

  it("names the first ten rows and counts the rest", () => {
    const [warning] = contradictions(read(Array.from({ length: 13 }, () => ["R Indian"] as [FixtureCell])));
    expect(warning!.message).toContain("(rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 3 more);");
    expect(warning!.params).toMatchObject({ count: 13 });
  });

  it("names every national code's category in words that read back as that code", () => {
    // Each code paired with words of another broad group, so that every one of them is reported.
    const codes = [..."ABCDEFGHJKLMNPRSZ"];
    const ds = read(codes.map((code) => [`${code} ${code === "R" ? "Indian" : "Chinese"}`]));
    const named = contradictions(ds).map((i) => /gives code (\w+) \(([^)]+)\)/.exec(i.message)!.slice(1));
    expect(named.map(([code]) => code)).toEqual(codes);
    for (const [code, words] of named) expect([code, parseEthnicity(words).ethnicity.code]).toEqual([code, code]);
  });
});
