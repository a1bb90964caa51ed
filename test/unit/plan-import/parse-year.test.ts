// Which plan year parsePlanGrid finds in a file, where it found it (title, cover sheet, sheet name, file name,
// due dates), and what it does when the year being imported into is another one.
import { describe, expect, it } from "vitest";
import { parsePlanGrid, type GridSheet } from "../../../src/plan/import";

const HEADER = ["No", "Action", "Lead", "Due"];

function planSheet(name: string, title: string[] = [], due: (string | null)[] = [null]): GridSheet {
  return {
    name,
    merges: [],
    rows: [
      ...title.map((t) => [t]),
      HEADER,
      ["Objective 1: Data"],
      ...due.map((d, i) => [`1.${i + 1}`, `Action ${i + 1}`, "Head of EDI", d]),
    ],
  };
}

describe("the plan year a file names", () => {
  it("takes it from the title above the table first", () => {
    const result = parsePlanGrid([planSheet("Plan 2022-23", ["WRES Action Plan 2024/25"])], {
      fileName: "wres-2021-22.xlsx",
    });
    expect([result.year, result.yearSource]).toEqual(["2024/25", "title"]);
  });

  it("takes it from a Word document's paragraphs as its title", () => {
    const result = parsePlanGrid([planSheet("Table 1")], {
      fileName: "plan.docx",
      documentText: ["Our WRES action plan", "for 2023 to 2024"],
    });
    expect([result.year, result.yearSource]).toEqual(["2023/24", "title"]);
  });

  it("then from a cover sheet without a table", () => {
    const cover: GridSheet = {
      name: "Cover",
      merges: [],
      rows: [["Race equality action plan"], ["April 2023 - March 2024"], ["2023-24"]],
    };
    const result = parsePlanGrid([cover, planSheet("Plan 2022-23")], { fileName: "wres-2021-22.xlsx" });
    expect([result.year, result.yearSource]).toEqual(["2023/24", "cover"]);
  });

  it("then from a sheet's name, then from the file's name", () => {
    const bySheet = parsePlanGrid([planSheet("Plan 2022-23")], { fileName: "wres-2021-22.xlsx" });
    expect([bySheet.year, bySheet.yearSource]).toEqual(["2022/23", "sheet"]);
    const byFile = parsePlanGrid([planSheet("Plan")], { fileName: "wres-2021-22.xlsx" });
    expect([byFile.year, byFile.yearSource]).toEqual(["2021/22", "file"]);
  });

  it("then from the year most due dates fall in, else none", () => {
    const byDates = parsePlanGrid([planSheet("Plan", [], ["2025-03-31", "2025-01-31", "2025-06-30"])], {
      fileName: "plan.xlsx",
    });
    expect([byDates.year, byDates.yearSource]).toEqual(["2024/25", "dueDates"]);
    const none = parsePlanGrid([planSheet("Plan")], { fileName: "plan.xlsx" });
    expect([none.year, none.yearSource]).toEqual([null, null]);
    expect(none.objectives[0]?.fields.planYear).toBe("");
  });
});

describe("the year the objectives go into", () => {
  it("is the year the file names when none is asked for", () => {
    const result = parsePlanGrid([planSheet("Plan", [], ["2025-03-31"])], { fileName: "plan.xlsx" });
    expect(result.objectives.map((o) => o.fields.planYear)).toEqual(["2024/25"]);
    expect(result.issues.map((i) => i.code)).toEqual([]);
  });

  it("is the year asked for, with a warning naming the file's own year when they differ", () => {
    const result = parsePlanGrid([planSheet("Plan", ["WRES Action Plan 2023/24"])], {
      fileName: "plan.xlsx",
      planYear: "2024/25",
    });
    expect(result.objectives.map((o) => o.fields.planYear)).toEqual(["2024/25"]);
    expect(result.year).toBe("2023/24");
    expect(result.issues).toEqual([
      {
        severity: "warning",
        code: "otherYear",
        file: "plan.xlsx",
        sheet: null,
        row: null,
        column: null,
        cell: null,
        value: "2023/24",
      },
    ]);
  });

  it("gives no warning when the years agree, when the file names none, or when nothing was read", () => {
    const same = parsePlanGrid([planSheet("Plan", ["WRES Action Plan 2024/25"])], {
      fileName: "plan.xlsx",
      planYear: "2024/25",
    });
    expect(same.issues).toEqual([]);
    const unnamed = parsePlanGrid([planSheet("Plan")], { fileName: "plan.xlsx", planYear: "2024/25" });
    expect(unnamed.issues).toEqual([]);
    const empty = parsePlanGrid([{ name: "Notes 2023-24", merges: [], rows: [["Minutes"]] }], {
      fileName: "plan.xlsx",
      planYear: "2024/25",
    });
    expect(empty.issues.map((i) => i.code)).not.toContain("otherYear");
  });
});
