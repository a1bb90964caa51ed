// One person with two ethnicities: what each warning names and carries, wherever the ethnicity column is.
import { describe, expect, it } from "vitest";
import type { Dataset, ReadIssue } from "../../../../src/indicators";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell, STAFF_HEADER, staffRow } from "../fixtures";

const xlsx = (name: string, sheet: string, rows: FixtureCell[][]) => ({
  name,
  bytes: buildXlsx([{ name: sheet, rows }]),
});
const staffFile = (name: string, rows: FixtureCell[][]) => xlsx(name, "Staff in Post", [STAFF_HEADER, ...rows]);
const conflicts = (ds: Dataset): ReadIssue[] => ds.issues.filter((i) => i.code === "person-ethnicity-conflict");

describe("a person on several rows of one staff sheet", () => {
  it("is no conflict when the first row says not stated and a later one gives an ethnicity", () => {
    const ds = readWorkbooks([
      staffFile("staff.xlsx", [staffRow("7", "7-1", "Z Not Stated", "No"), staffRow("7", "7-2", "A White - British")]),
    ]);
    expect(conflicts(ds)).toEqual([]);
  });

  it("is reported with both values and the person when the ethnicity is the sheet's first column", () => {
    const header = ["Ethnic Origin", "Employee Number", "Assignment Number", "Pay Band"];
    const ds = readWorkbooks([
      xlsx("staff.xlsx", "Staff in Post", [
        header,
        ["A White - British", "7", "7-1", "Band 5"],
        ["H Asian or Asian British - Indian", "7", "7-2", "Band 5"],
      ]),
    ]);
    const issues = conflicts(ds);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      row: 3,
      column: "A",
      params: { value: "H Asian or Asian British - Indian", other: "A White - British", person: "7" },
    });
  });

  it("names the earlier staff file's row as the one used when the person was counted there first", () => {
    // Counted from a.xlsx as White; b.xlsx lists them twice, as Indian and as Caribbean: White is what is used.
    const ds = readWorkbooks([
      staffFile("a.xlsx", [staffRow("5", "5-1", "A White - British"), staffRow("7", "7-1", "A White - British")]),
      staffFile("b.xlsx", [
        staffRow("7", "7-1", "H Asian or Asian British - Indian"),
        staffRow("7", "7-2", "M Black or Black British - Caribbean", "No"),
      ]),
    ]);
    const repeat = conflicts(ds).find((i) => i.file === "b.xlsx" && i.row === 3)!;
    expect(repeat.message).toContain(
      'employee 7 is listed with two ethnicities, "H Asian or Asian British - Indian" at row 2 and "M Black or Black British - Caribbean" at row 3; they were counted first in a.xlsx, sheet "Staff in Post", row 3, which gives "A White - British", which was used.',
    );
    expect(ds.staff.find((s) => s.personId === "7")!.ethnicity.raw).toBe("A White - British");
  });

  it("names the earlier sheet of the same workbook when the person was counted there first", () => {
    const sheet = (name: string, rows: FixtureCell[][]) => ({ name, rows: [STAFF_HEADER, ...rows] });
    const bytes = buildXlsx([
      sheet("Medical", [staffRow("7", "7-1", "A White - British")]),
      sheet("Nursing", [
        staffRow("7", "7-2", "H Asian or Asian British - Indian"),
        staffRow("7", "7-3", "M Black or Black British - Caribbean", "No"),
      ]),
    ]);
    const repeat = conflicts(readWorkbooks([{ name: "staff.xlsx", bytes }])).find(
      (i) => i.sheet === "Nursing" && i.row === 3,
    )!;
    expect(repeat.message).toContain(
      'they were counted first in staff.xlsx, sheet "Medical", row 2, which gives "A White - British", which was used.',
    );
  });

  it("names this sheet's counted row when the person was counted here", () => {
    // The primary assignment (row 3) is the row counted.
    const ds = readWorkbooks([
      staffFile("b.xlsx", [
        staffRow("7", "7-1", "H Asian or Asian British - Indian", "No"),
        staffRow("7", "7-2", "M Black or Black British - Caribbean"),
      ]),
    ]);
    const repeat = conflicts(ds).find((i) => i.file === "b.xlsx")!;
    expect(repeat.message).toContain(
      'the row counted for them (row 3) gives "M Black or Black British - Caribbean", which was used.',
    );
  });
});

describe("a person in two staff files, or in a case file and staff in post", () => {
  it("carries both values and the person with the warning", () => {
    const ds = readWorkbooks([
      staffFile("a.xlsx", [staffRow("7", "7-1", "A White - British")]),
      staffFile("b.xlsx", [staffRow("7", "7-1", "M Black or Black British - Caribbean")]),
      xlsx("er.xlsx", "Cases", [
        ["Employee Number", "Ethnic Origin", "Case Type"],
        ["7", "N Black or Black British - African", "Disciplinary"],
      ]),
    ]);
    expect(conflicts(ds).map((i) => [i.file, i.params])).toEqual([
      ["b.xlsx", { value: "M Black or Black British - Caribbean", other: "A White - British", person: "7" }],
      ["er.xlsx", { value: "N Black or Black British - African", other: "A White - British", person: "7" }],
    ]);
  });

  it("names staff in post, not a row, for someone who had left by the snapshot date (counted nowhere)", () => {
    const ds = readWorkbooks([
      xlsx("a.xlsx", "Staff in Post", [
        ["Staff in Post - Snapshot 31/03/2025"],
        [...STAFF_HEADER, "Leaving Date"],
        [...staffRow("7", "7-1", "A White - British"), null],
        [...staffRow("9", "9-1", "A White - British"), "28/02/2025"],
      ]),
      xlsx("er.xlsx", "Cases", [
        ["Employee Number", "Ethnic Origin", "Case Type"],
        ["9", "N Black or Black British - African", "Disciplinary"],
      ]),
    ]);
    expect(conflicts(ds).map((i) => i.message)).toEqual([
      'er.xlsx, sheet "Cases", row 2, column B (Ethnic Origin): employee 9 is "N Black or Black British - African" here but "A White - British" in staff in post; this row\'s own value was used. Correct whichever is wrong.',
    ]);
  });
});
