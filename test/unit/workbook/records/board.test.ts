// The board sheet: one row per member, with yes/no columns for voting and executive membership.
import { describe, expect, it } from "vitest";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell } from "../fixtures";

const HEADER = ["Role", "Ethnic Origin", "Voting Member", "Executive Director"];

function readBoard(rows: FixtureCell[][]) {
  return readWorkbooks([{ name: "board.xlsx", bytes: buildXlsx([{ name: "Board", rows: [HEADER, ...rows] }]) }]);
}

describe("board sheet", () => {
  it("refuses a member whose voting or executive answer is not yes or no, naming the column and the value", () => {
    const ds = readBoard([
      ["Chair", "A", "Yes", "No"],
      ["Medical Director", "H", "Sometimes", "Yes"],
      ["Associate Director", "A", "No", "Acting"],
      ["Chief Executive", "M", "Y", "Y"],
    ]);
    expect(ds.board.map((b) => [b.row, b.ethnicity.group, b.voting, b.executive])).toEqual([
      [2, "white", true, false],
      [5, "bme", true, true],
    ]);
    const refused = ds.issues.filter((i) => i.code === "invalid-yes-no");
    expect(refused.map((i) => [i.severity, i.row, i.column, i.header, i.params])).toEqual([
      ["error", 3, "C", "Voting Member", { value: "Sometimes" }],
      ["error", 4, "D", "Executive Director", { value: "Acting" }],
    ]);
    expect(refused.map((i) => i.message)).toEqual([
      'board.xlsx, sheet "Board", row 3, column C (Voting Member): "Sometimes" is not a yes/no value; the row was excluded.',
      'board.xlsx, sheet "Board", row 4, column D (Executive Director): "Acting" is not a yes/no value; the row was excluded.',
    ]);
    expect(ds.sheets[0]).toMatchObject({
      rowsRead: 4,
      rowsUsed: 2,
      rowsExcluded: 2,
      exclusions: { "invalid-yes-no": 2 },
    });
  });

  it("gives the share of members whose ethnicity is unknown", () => {
    const ds = readBoard([
      ["Chair", "A", "Yes", "No"],
      ["Chief Executive", "H", "Yes", "Yes"],
      ["Finance Director", null, "Yes", "Yes"],
      ["Non-executive Director", "A", "Yes", "No"],
    ]);
    expect(ds.board.map((b) => b.ethnicity.group)).toEqual(["white", "bme", "unknown", "white"]);
    expect(ds.sheets[0]!.unknownEthnicityPct).toBe(25);
  });
});
