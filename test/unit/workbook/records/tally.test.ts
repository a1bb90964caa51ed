// A sheet's bookkeeping as the user sees it: the rows a warning names, and the summary's counts.
import { describe, expect, it } from "vitest";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell, STAFF_HEADER } from "../fixtures";

function xlsx(name: string, sheet: string, rows: FixtureCell[][]) {
  return { name, bytes: buildXlsx([{ name: sheet, rows }]) };
}

const staffRow = (id: number, ethnicity: string): FixtureCell[] => [
  String(id),
  `${id}-1`,
  ethnicity,
  "Administrative and Clerical",
  "Band 4",
  "Permanent",
  "Yes",
];

describe("sheet bookkeeping", () => {
  it("names the first ten rows of a contradictory ethnicity value and counts the rest", () => {
    const rows = Array.from({ length: 13 }, (_, k) => staffRow(k + 1, k === 0 ? "A" : "H White - British"));
    const ds = readWorkbooks([xlsx("staff.xlsx", "Staff in Post", [STAFF_HEADER, ...rows])]);
    const issues = ds.issues.filter((i) => i.code === "ethnicity-code-contradicts-words");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 3, column: "C", params: { count: 12 } });
    expect(issues[0]!.message).toContain("(rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 2 more)");
  });

  it("gives no unknown-ethnicity share when no row of the sheet was used", () => {
    const ds = readWorkbooks([
      xlsx("board.xlsx", "Board", [
        ["Role", "Ethnic Origin", "Voting Member", "Executive Director"],
        ["Chair", null, "Perhaps", "No"],
        ["Chief Executive", null, "Yes", "Maybe"],
      ]),
    ]);
    expect(ds.board).toEqual([]);
    expect(ds.sheets[0]).toMatchObject({ kind: "board", rowsRead: 2, rowsUsed: 0, rowsExcluded: 2 });
    expect(ds.sheets[0]!.unknownEthnicityPct).toBeNull();
  });
});
