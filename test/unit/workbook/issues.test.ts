// The read issue log: where each problem is, in words and as fields, and a report kept readable when one
// problem repeats down thousands of rows.
import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook";
import { describe as where, IssueLog, MAX_ISSUES_PER_CODE } from "../../../src/workbook/issues";
import { buildXlsx, type FixtureCell } from "./fixtures";

describe("where a problem is", () => {
  it("names the file, the sheet, the row and the column with its header, as far as each is known", () => {
    expect(where({ file: "staff.xlsx", sheet: null })).toBe("staff.xlsx");
    expect(where({ file: "staff.csv", sheet: "", row: 4 })).toBe("staff.csv, row 4");
    expect(where({ file: "staff.xlsx", sheet: "ESR", row: 12, col: 27, header: "Pay Band" })).toBe(
      'staff.xlsx, sheet "ESR", row 12, column AB (Pay Band)',
    );
    expect(where({ file: "staff.xlsx", sheet: "ESR", row: null, col: 0, header: null })).toBe(
      'staff.xlsx, sheet "ESR", column A',
    );
  });

  it("gives an issue its place as fields, and params only when there are some", () => {
    const log = new IssueLog();
    log.add(
      "error",
      "invalid-yes-no",
      "m1",
      { file: "a.xlsx", sheet: "S", row: 3, col: 2, header: "Voting" },
      { value: "x" },
    );
    log.add("warning", "sheet-skipped", "m2", { file: "a.xlsx", sheet: "T" });
    expect(log.issues).toEqual([
      {
        severity: "error",
        code: "invalid-yes-no",
        message: "m1",
        file: "a.xlsx",
        sheet: "S",
        row: 3,
        column: "C",
        header: "Voting",
        params: { value: "x" },
      },
      {
        severity: "warning",
        code: "sheet-skipped",
        message: "m2",
        file: "a.xlsx",
        sheet: "T",
        row: null,
        column: null,
        header: null,
      },
    ]);
  });
});

describe("a problem repeated down many rows", () => {
  const rowIssue = (log: IssueLog, row: number, sheet = "S", code = "invalid-yes-no") =>
    log.add("error", code, `row ${row}`, { file: "a.xlsx", sheet, row, col: 1, header: "Shortlisted" });

  it("is listed for its first rows, then summed up in one line naming the file, the sheet and how many more", () => {
    const log = new IssueLog();
    for (let row = 2; row < 2 + MAX_ISSUES_PER_CODE + 3; row++) rowIssue(log, row);
    log.summariseOverflow();
    expect(log.issues).toHaveLength(MAX_ISSUES_PER_CODE + 1);
    expect(log.issues.at(-2)!.message).toBe(`row ${MAX_ISSUES_PER_CODE + 1}`);
    expect(log.issues.at(-1)).toEqual({
      severity: "error",
      code: "invalid-yes-no",
      message: `3 more row(s) in a.xlsx, sheet "S" have the same problem (invalid-yes-no); only the first ${MAX_ISSUES_PER_CODE} are listed.`,
      file: "a.xlsx",
      sheet: "S",
      row: null,
      column: "B",
      header: "Shortlisted",
      params: { more: 3, total: MAX_ISSUES_PER_CODE + 3 },
    });
  });

  it("is counted apart for each sheet and each problem, and not summed up when none were left out", () => {
    const log = new IssueLog();
    for (let row = 2; row < 2 + MAX_ISSUES_PER_CODE; row++) {
      rowIssue(log, row, "S");
      rowIssue(log, row, "T");
      rowIssue(log, row, "S", "date-unreadable");
    }
    log.summariseOverflow();
    expect(log.issues).toHaveLength(3 * MAX_ISSUES_PER_CODE);
  });

  it("is summed up from its own first row, whatever else the log holds before it", () => {
    const log = new IssueLog();
    log.add("warning", "date-unreadable", "other code", { file: "a.xlsx", sheet: "S", row: 2, col: 3, header: "Date" });
    log.add("warning", "invalid-yes-no", "other sheet", {
      file: "a.xlsx",
      sheet: "T",
      row: 2,
      col: 4,
      header: "Hired",
    });
    log.add("warning", "invalid-yes-no", "other file", { file: "b.xlsx", sheet: "S", row: 2, col: 5, header: "Hired" });
    for (let row = 2; row < 2 + MAX_ISSUES_PER_CODE + 1; row++) rowIssue(log, row);
    log.summariseOverflow();
    expect(log.issues.at(-1)).toMatchObject({
      severity: "error",
      file: "a.xlsx",
      sheet: "S",
      column: "B",
      header: "Shortlisted",
    });
    expect(log.issues.at(-1)!.params).toEqual({ more: 1, total: MAX_ISSUES_PER_CODE + 1 });
  });

  it("is summed up for a file without sheets, naming only the file", () => {
    const log = new IssueLog();
    for (let row = 2; row < 2 + MAX_ISSUES_PER_CODE + 2; row++)
      log.add("error", "invalid-yes-no", `row ${row}`, { file: "rec.csv", sheet: null, row, col: 0 });
    log.summariseOverflow();
    expect(log.issues.at(-1)).toMatchObject({
      message: `2 more row(s) in rec.csv have the same problem (invalid-yes-no); only the first ${MAX_ISSUES_PER_CODE} are listed.`,
      sheet: null,
      column: "A",
    });
  });

  it("never leaves out a problem of a whole sheet or file", () => {
    const log = new IssueLog();
    for (let i = 0; i < MAX_ISSUES_PER_CODE + 5; i++)
      log.add("warning", "sheet-skipped", `sheet ${i}`, { file: "a.xlsx", sheet: `S${i}` });
    for (let i = 0; i < MAX_ISSUES_PER_CODE + 5; i++)
      log.add("warning", "no-rows", `again ${i}`, { file: "a.xlsx", sheet: "S" });
    log.summariseOverflow();
    expect(log.issues).toHaveLength(2 * (MAX_ISSUES_PER_CODE + 5));
  });

  it("is summed up for a workbook read whole, after its listed rows", () => {
    const rows: FixtureCell[][] = [["Ethnic Group", "Shortlisted", "Appointed"]];
    for (let i = 0; i < 60; i++) rows.push(["A", "Maybe", "No"]);
    const ds: Dataset = readWorkbooks([{ name: "rec.xlsx", bytes: buildXlsx([{ name: "Applications", rows }]) }]);
    const refused = ds.issues.filter((i) => i.code === "invalid-yes-no");
    expect(refused.map((i) => i.row)).toEqual([...Array.from({ length: MAX_ISSUES_PER_CODE }, (_, i) => i + 2), null]);
    expect(refused.at(-1)).toMatchObject({ column: "B", header: "Shortlisted", params: { more: 10, total: 60 } });
    expect(ds.sheets[0]!.exclusions).toEqual({ "invalid-yes-no": 60 });
  });
});
