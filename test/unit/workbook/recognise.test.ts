// Which row of a sheet is its header and which table it is: titles above it, merged cells, a mapping saved by hand,
// and a sheet that is no WRES table at all.
import { describe, expect, it } from "vitest";
import type { Dataset, ReadIssue } from "../../../src/indicators";
import { headerSignature, normaliseHeader, readWorkbooks } from "../../../src/workbook";
import { buildXlsx, type FixtureCell, type FixtureSheet, STAFF_HEADER, staffRow } from "./fixtures";

const read = (sheet: FixtureSheet, options: Parameters<typeof readWorkbooks>[1] = {}): Dataset =>
  readWorkbooks([{ name: "f.xlsx", bytes: buildXlsx([sheet]) }], options);
const issuesOf = (ds: Dataset, code: string): ReadIssue[] => ds.issues.filter((i) => i.code === code);
const blankRows = (n: number): FixtureCell[][] => Array.from({ length: n }, () => []);

describe("the header row", () => {
  it("is found under title rows, which give the snapshot date", () => {
    const ds = read({
      name: "Staff",
      rows: [
        ["Staff in Post"],
        ["Snapshot 31/03/2025", null, "Run by HR"],
        [],
        STAFF_HEADER,
        staffRow("1", "1-1", "A"),
      ],
    });
    expect(ds.sheets[0]).toMatchObject({ kind: "staff", headerRow: 4, rowsUsed: 1 });
    expect(ds.snapshotDate).toBe("2025-03-31");
  });

  it("is looked for in the first 40 rows only", () => {
    const at = (row: number) =>
      read({ name: "Staff", rows: [...blankRows(row - 1), STAFF_HEADER, staffRow("1", "1-1", "A")] });
    expect(at(40).sheets[0]).toMatchObject({ kind: "staff", headerRow: 40 });
    expect(at(41).sheets[0]!.kind).toBeNull();
  });

  it("is the row with the most known header names, the first of equals", () => {
    const ds = read({
      name: "Staff",
      rows: [
        ["Employee Number", "Ethnic Origin"],
        ["Notes", "Pay Band"],
        STAFF_HEADER,
        staffRow("1", "1-1", "A"),
        STAFF_HEADER,
      ],
    });
    expect(ds.sheets[0]).toMatchObject({ kind: "staff", headerRow: 3 });
  });

  it("is the full header, not a row above it that names fewer of the table's columns", () => {
    const ds = read({
      name: "Staff",
      rows: [
        ["Employee Number", "Ethnic Origin", "Pay Band"],
        ["From the ESR extract"],
        STAFF_HEADER,
        staffRow("1", "1-1", "A"),
      ],
    });
    expect(ds.sheets[0]).toMatchObject({ kind: "staff", headerRow: 3, rowsUsed: 1 });
    expect(ds.staff.map((s) => [s.personId, s.ethnicity.group, s.band])).toEqual([["1", "white", "5"]]);
  });

  it("reads a header merged down two rows, and data merged down several", () => {
    const ds = read({
      name: "Staff",
      rows: [
        ["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group"],
        [],
        ["1", "A", "Band 5", "Administrative and Clerical"],
        ["2", "N", "Band 6"],
        ["3", "H", "Band 7"],
      ],
      merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "D3:D5"],
    });
    expect(ds.staff.map((s) => [s.personId, s.staffGroup])).toEqual([
      ["1", "Administrative and Clerical"],
      ["2", "Administrative and Clerical"],
      ["3", "Administrative and Clerical"],
    ]);
  });

  it("copies a value into a merged range of 100,000 cells, and not into one of 100,100", () => {
    // Columns C to CX are 100 columns; rows 2 to 1001 are 1,000 rows, and 2 to 1002 are 1,001.
    const ethnicities = (merge: string) =>
      read({ name: "Staff", rows: [STAFF_HEADER, staffRow("1", "1-1", "A"), ["2", "2-1"]], merges: [merge] }).staff.map(
        (s) => [s.personId, s.ethnicity.group],
      );
    expect(ethnicities("C2:CX1001")).toEqual([
      ["1", "white"],
      ["2", "white"],
    ]);
    expect(ethnicities("C2:CX1002")).toEqual([
      ["1", "white"],
      ["2", "unknown"],
    ]);
  });

  it("does not copy a value into a merged range of more than 100,000 cells", () => {
    const ds = read({
      name: "Staff",
      rows: [STAFF_HEADER, staffRow("1", "1-1", "A"), ["2", "2-1"]],
      merges: ["C2:CZ1002"], // 102 columns by 1,001 rows
    });
    expect(ds.staff.map((s) => [s.personId, s.ethnicity.group])).toEqual([
      ["1", "white"],
      ["2", "unknown"],
    ]);
  });
});

describe("a header repeated at a page break", () => {
  it("is skipped below the first 40 rows, even when the header starts in a column no field is read from", () => {
    const header = [null, "Notes", "Employee Number", "Ethnic Origin", "Pay Band", "Staff Group"];
    const person = (i: number): FixtureCell[] => [
      null,
      `note ${i}`,
      String(1000 + i),
      "A",
      "Band 5",
      "Administrative and Clerical",
    ];
    // Inline text, as some programs write it: below the top rows, only the columns the sheet is read by are decoded.
    const inline = (row: FixtureCell[]) => row.map((v) => (typeof v === "string" ? { inline: v } : v));
    const rows = [header, ...Array.from({ length: 50 }, (_, i) => person(i)), header, person(50)].map(inline);
    const ds = read({ name: "Staff", rows });
    expect(ds.sheets[0]).toMatchObject({ kind: "staff", headerRow: 1, rowsUsed: 51 });
    expect(ds.staff.map((s) => s.personId)).not.toContain("Employee Number");
    expect(ds.issues).toEqual([]);
  });
});

describe("a mapping saved by hand", () => {
  const header = ["Person", "Heritage", "Level", "Area"];
  const signature = headerSignature(header.map(normaliseHeader));
  const sheet = (rows: FixtureCell[][] = []): FixtureSheet => ({
    name: "S",
    rows: [["Workforce list"], header, ["9", "H", "Band 7", "Allied Health Professionals"], ...rows],
  });

  it("is used for the row whose headers it was saved for, matching headers in any case and spacing", () => {
    const columns = { personId: "person", ethnicity: " HERITAGE ", band: "Level", staffGroup: "Area" };
    const ds = read(sheet(), { mappings: { [signature]: { kind: "staff", columns } } });
    expect(ds.sheets[0]).toMatchObject({ kind: "staff", headerRow: 2, signature });
    expect(ds.sheets[0]!.columns).toEqual({
      personId: "Person",
      ethnicity: "Heritage",
      band: "Level",
      staffGroup: "Area",
    });
    expect(ds.staff.map((s) => [s.personId, s.band, s.cohort])).toEqual([["9", "7", "clinical"]]);
  });

  it("leaves out a field the table does not have and a header the sheet does not have", () => {
    const columns = {
      personId: "Person",
      ethnicity: "Heritage",
      band: "Level",
      outcome: "Area",
      staffGroup: "Division",
    };
    const ds = read(sheet(), { mappings: { [signature]: { kind: "staff", columns } } });
    expect(ds.sheets[0]!.columns).toEqual({ personId: "Person", ethnicity: "Heritage", band: "Level" });
  });

  it("saved for a sheet with no header row, is not used on a sheet of which every top row holds something", () => {
    const mappings = { [headerSignature([])]: { kind: "staff" as const, columns: { personId: "Total" } } };
    const ds = read({ name: "Chart data", rows: [["Total"], [12], [15]] }, { mappings });
    expect(ds.sheets[0]!.kind).toBeNull();
    expect(issuesOf(ds, "sheet-not-recognised")).toHaveLength(1);
  });

  it("is not used when it names a table the reader does not know", () => {
    const ds = read(sheet(), {
      mappings: { [signature]: { kind: "payroll" as never, columns: { personId: "Person" } } },
    });
    expect(ds.sheets[0]!.kind).toBeNull();
  });
});

describe("a sheet that is no WRES table", () => {
  it("is reported with the row its header most likely is, and the signature to save a mapping for", () => {
    const ds = read({
      name: "Notes",
      rows: [["Prepared by"], [], ["Ward", "Manager", "Phone"], ["7B", "J Smith", "1234"]],
    });
    const header = ["Ward", "Manager", "Phone"];
    expect(ds.sheets[0]).toMatchObject({ kind: null, signature: headerSignature(header.map(normaliseHeader)) });
    expect(issuesOf(ds, "sheet-not-recognised")).toEqual([
      {
        severity: "warning",
        code: "sheet-not-recognised",
        message:
          'f.xlsx, sheet "Notes": the columns were not recognised as any WRES table, so the sheet was skipped. Map its columns by hand to use it.',
        file: "f.xlsx",
        sheet: "Notes",
        row: 3,
        column: null,
        header: null,
        params: { signature: headerSignature(header.map(normaliseHeader)) },
      },
    ]);
  });

  it("names no row when no row has two texts, and is not reported when empty or holding only empty texts", () => {
    const [w] = issuesOf(read({ name: "Chart data", rows: [["Total"], [12], [15]] }), "sheet-not-recognised");
    expect(w!.row).toBeNull();
    expect(read({ name: "Sheet3", rows: [] }).issues).toEqual([]);
    expect(read({ name: "Sheet4", rows: [["", ""], [], [null, ""]] }).issues).toEqual([]);
  });

  it("names its first row when that is where its header is", () => {
    const [w] = issuesOf(
      read({
        name: "Rota",
        rows: [
          ["Ward", "Manager"],
          ["7B", "J Smith"],
        ],
      }),
      "sheet-not-recognised",
    );
    expect(w!.row).toBe(1);
  });

  it("takes no row of numbers, blanks or spaces for its header, and then gives the signature of no headers", () => {
    const ds = read({
      name: "Chart data",
      rows: [
        [12, 15],
        ["", "", "Total"],
        ["  ", "   "],
      ],
    });
    const [w] = issuesOf(ds, "sheet-not-recognised");
    expect(w!.row).toBeNull();
    expect(w!.params).toEqual({ signature: headerSignature([]) });
  });

  it("looks for its likely header in the first 40 rows only", () => {
    const [w] = issuesOf(
      read({ name: "Notes", rows: [["Prepared by"], ...blankRows(39), ["Ward", "Manager"]] }),
      "sheet-not-recognised",
    );
    expect(w!.row).toBeNull();
  });

  it("gives no period from its title rows", () => {
    const ds = readWorkbooks(
      [
        {
          name: "f.xlsx",
          bytes: buildXlsx([
            { name: "Notes", rows: [["Plan for 2023/24"], ["Ward", "Manager"], ["7B", "J Smith"]] },
            { name: "Staff", rows: [STAFF_HEADER, staffRow("1", "1-1", "A")] },
          ]),
        },
      ],
      {},
    );
    expect(ds.sheets.map((s) => s.kind)).toEqual([null, "staff"]);
    expect(ds.period).toBeNull();
  });
});

describe("two columns with the same header", () => {
  it("are reported once, written alike or not, and the first is read", () => {
    const ds = read({
      name: "S",
      rows: [
        ["Employee Number", "Ethnic Origin", "Pay Band", "ETHNIC  ORIGIN "],
        ["1", "A", "Band 5", "N"],
      ],
    });
    expect(issuesOf(ds, "duplicate-header").map((i) => [i.row, i.column, i.header, i.params, i.message])).toEqual([
      [
        1,
        "D",
        "ETHNIC  ORIGIN",
        { first: "B", second: "D" },
        'f.xlsx, sheet "S": columns B ("Ethnic Origin") and D ("ETHNIC  ORIGIN") have the same header; column B was used.',
      ],
    ]);
    expect(ds.staff[0]!.ethnicity.group).toBe("white");
  });

  it("are not taken to be blank header cells, which are no header at all", () => {
    const ds = read({
      name: "S",
      rows: [
        ["Employee Number", null, "Ethnic Origin", null, "Pay Band", "", "Staff Group"],
        ["1", null, "A", null, "Band 5", "", "Administrative and Clerical"],
      ],
    });
    expect(ds.sheets[0]).toMatchObject({ kind: "staff", headerRow: 1 });
    expect(issuesOf(ds, "duplicate-header")).toEqual([]);
  });

  it("in a mapping saved by hand, read the first of them", () => {
    const header = ["Person", "Heritage", "Level", "Heritage"];
    const signature = headerSignature(header.map(normaliseHeader));
    const columns = { personId: "Person", ethnicity: "Heritage", band: "Level" };
    const ds = read(
      { name: "S", rows: [header, ["9", "A", "Band 7", "N"]] },
      { mappings: { [signature]: { kind: "staff", columns } } },
    );
    expect(ds.sheets[0]).toMatchObject({ kind: "staff", headerRow: 1 });
    expect(ds.staff.map((s) => [s.personId, s.ethnicity.group])).toEqual([["9", "white"]]);
    expect(issuesOf(ds, "duplicate-header").map((i) => i.params)).toEqual([{ first: "B", second: "D" }]);
  });
});
