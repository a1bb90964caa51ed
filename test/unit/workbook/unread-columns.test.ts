// Below its top rows, a sheet's text is decoded only in the columns its plan reads (src/workbook/sheet.ts,
// columnsToRead). The other columns keep only whether each cell is blank, so every decision made from a whole
// row (blank rows, total lines) is unchanged, and the results are those of a sheet read in full.
import { describe, expect, it } from "vitest";
import { computeResults } from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook";
import type { CellStore } from "../../../src/workbook/cells";
import { scanSheet, TOP_ROWS, UNREAD_TEXT } from "../../../src/workbook/sheet";
import { buildXlsx, type FixtureCell } from "./fixtures";

const OPTIONS = { sharedStrings: [], dateStyles: [false, true], date1904: false, maxRows: 1000 };

/** A sheet of `rows` rows: inline text in A and B (B blank on every third row, escaped on every fifth), a number in C. */
function sheetOf(rows: number): Uint8Array {
  const body = Array.from({ length: rows }, (_, r) => {
    const b = r % 3 === 0 ? "" : r % 5 === 0 ? "A &amp; E" : `note ${r}`;
    return (
      `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>Band ${r % 4}</t></is></c>` +
      `<c r="B${r + 1}" t="inlineStr"><is><t>${b}</t></is></c><c r="C${r + 1}"><v>${r}.5</v></c></row>`
    );
  }).join("");
  return new TextEncoder().encode(`<worksheet><sheetData>${body}</sheetData></worksheet>`);
}

describe("columns no plan reads", () => {
  it("keeps their text's blankness, and every other cell as read in full", () => {
    const bytes = sheetOf(100);
    const full = scanSheet(bytes, OPTIONS);
    const seen: number[] = [];
    const chosen = scanSheet(bytes, {
      ...OPTIONS,
      columnsToRead: (top: CellStore) => {
        seen.push(top.rowCount);
        return new Uint8Array([1]); // column A only
      },
    });
    expect(seen).toEqual([TOP_ROWS]);
    expect(full.skipped).toBeUndefined();
    expect(chosen.skipped?.fromRow).toBe(TOP_ROWS);
    for (let r = 0; r < 100; r++) {
      const whole = full.cells.row(r);
      const row = chosen.cells.row(r);
      if (r < TOP_ROWS) {
        expect(row).toEqual(whole);
        continue;
      }
      expect(row[0]).toBe(whole[0]);
      expect(row[2]).toBe(whole[2]);
      expect(row[1]).toBe(whole[1] === "" ? "" : UNREAD_TEXT);
      expect(chosen.cells.hasValue(r)).toBe(full.cells.hasValue(r));
    }
    expect(full.cells.get(50, 1)).toBe("A & E");
  });

  it("reads every column when the top rows are not a sheet it knows (null)", () => {
    const bytes = sheetOf(60);
    const scanned = scanSheet(bytes, { ...OPTIONS, columnsToRead: () => null });
    expect(scanned.skipped).toBeUndefined();
    expect(scanned.cells.toRows()).toEqual(scanSheet(bytes, OPTIONS).cells.toRows());
  });
});

const HEADER = ["Employee Number", "Notes", "Ethnic Origin", "Staff Group", "Pay Band", "Assignment Category"];
const ETHNIC = ["A White - British", "H Asian or Asian British - Indian", "E Mixed - White & Black African", ""];

/** A staff extract of 80 people below two title rows, text inline (fast path) or shared, with a free-text column. */
function staffWorkbook(strings: "inline" | "shared", extra: FixtureCell[][] = [], merges: string[] = []) {
  const text = (s: string): FixtureCell => (strings === "inline" ? (s === "" ? null : { inline: s }) : s || null);
  const rows: FixtureCell[][] = [[text("Staff in Post - Snapshot 31/03/2025")], [], HEADER.map(text)];
  for (let i = 0; i < 80; i++) {
    rows.push(
      [
        String(1000 + i),
        `free text ${i} & more`,
        ETHNIC[i % ETHNIC.length]!,
        "Nursing and Midwifery Registered",
        `Band ${5 + (i % 3)}`,
        "Permanent",
      ].map(text),
    );
  }
  rows.push(...extra.map((row) => row.map((v) => (typeof v === "string" ? text(v) : v))));
  return { name: "staff.xlsx", bytes: buildXlsx([{ name: "Staff in Post", rows, merges }], { strings: "shared" }) };
}

const resultsOf = (file: { name: string; bytes: Uint8Array }) => {
  const dataset = readWorkbooks([file]);
  return { staff: dataset.staff, sheets: dataset.sheets, issues: dataset.issues, results: computeResults(dataset) };
};

describe("reading a sheet without the text of the columns it does not use", () => {
  it("gives the results of the same sheet read in full (blank rows, total lines and a note-only row included)", () => {
    const extra: FixtureCell[][] = [
      ["Total", "80 staff", null, null, null, null],
      [null, "a note on a row of its own", null, null, null, null],
      ["Total", null, null, null, null, null],
    ];
    const inline = resultsOf(staffWorkbook("inline", extra));
    // Shared strings are read in full whatever the columns (an index costs nothing to keep).
    const shared = resultsOf(staffWorkbook("shared", extra));
    expect(JSON.stringify(inline)).toBe(JSON.stringify(shared));
    // "Total" with a second text on its row is data (an employee numbered "Total"), as when the note is read;
    // "Total" alone is a total line.
    expect(inline.staff).toHaveLength(81);
    // The note-only row is a data row without an employee number, as it would be if the note were read.
    expect(inline.issues.some((i) => i.code === "missing-person-id")).toBe(true);
  });

  it("reads the sheet again in full when a merge copies a cell it did not read into one it does", () => {
    // Row 84 (the 81st person): the note in B is merged over the empty Ethnic Origin cell in C.
    const extra: FixtureCell[][] = [
      ["2000", "A White - British", null, "Allied Health Professionals", "Band 6", "Permanent"],
    ];
    const inline = resultsOf(staffWorkbook("inline", extra, ["B84:C84"]));
    const person = inline.staff.find((s) => s.personId === "2000");
    expect(person?.ethnicity).toMatchObject({ group: "white" });
    expect(JSON.stringify(inline)).toBe(JSON.stringify(resultsOf(staffWorkbook("shared", extra, ["B84:C84"]))));
  });
});
