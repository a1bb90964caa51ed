// Which cells the scanner's fast path reads. A cell it declines is read alike by the general reader, only
// several times slower (docs/performance.md), so no test of values notices: these count the cells it took.
// Every common writer's usual cells must be among them; the rest must still read right.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { rangeRef } from "../../../src/workbook/cell-refs";
import { parseDateStyles, parseSharedStrings } from "../../../src/workbook/parts";
import { scanSheet } from "../../../src/workbook/sheet";
import type { CellValue } from "../../../src/workbook/types";
import { WRITERS, writeStaffWorkbook } from "../../support/writer-corpus";

const SHARED = ["Band 5", "A White - British"];
/** Styles 1 and 12 are dates (a workbook with many styles has date styles past 9). */
const DATE_STYLES = Array.from({ length: 20 }, (_, i) => i === 1 || i === 12);
const OPTIONS = { sharedStrings: SHARED, dateStyles: DATE_STYLES, date1904: false, maxRows: 1000 };

/** One cell's spelling read alone in a row: its row as read, and whether the fast path read the cell. */
function readOne(cell: string): { row: CellValue[]; fast: boolean } {
  const xml = `<worksheet><sheetData><row r="1">${cell}</row></sheetData></worksheet>`;
  const { cells, fastCells } = scanSheet(new TextEncoder().encode(xml), OPTIONS);
  return { row: cells.row(0), fast: fastCells === 1 };
}

/** The row that cell should read as: its value in the column its reference names (the first without one). */
function rowOf(cell: string, value: CellValue): CellValue[] {
  if (value === null) return [];
  const ref = /\sr=["']([A-Za-z]+\d+)/.exec(cell)?.[1];
  const column = ref === undefined ? 0 : (rangeRef(ref)?.left ?? NaN);
  return [...Array<null>(column).fill(null), value];
}

describe("the cells the scanner's fast path reads", () => {
  it.each([
    ['<c r="B1" s="3" t="s"><v>1</v></c>', "A White - British"],
    ['<c r="AB1"><v>42</v></c>', 42],
    ['<c r="Z1"><v>26</v></c>', 26],
    ["<c><v>42</v></c>", 42],
    ['<c s="13"><v>0.4</v></c>', 0.4],
    ['<c s="9"><v>7</v></c>', 7],
    ['<c s="1"><v>45747</v></c>', "2025-03-31"],
    ['<c s="12"><v>45747</v></c>', "2025-03-31"],
    ['<c t="n"><v>-3</v></c>', -3],
    ['<c r="C1"><v>-0.25</v></c>', -0.25],
    ["<c><v>123456789012345</v></c>", 123456789012345],
    ["<c><v>26043.739999999998</v></c>", 26043.739999999998],
    ["<c><v>2.5E+10</v></c>", 2.5e10],
    ['<c t="b"><v>1</v></c>', true],
    ['<c t="b"><v>0</v></c>', false],
    ['<c t="str"><v>A &amp; E</v></c>', "A & E"],
    ['<c t="inlineStr"><is><t>Band 6</t></is></c>', "Band 6"],
    ['<c r="B1" s="3" t="inlineStr"><is><t>x_x000D_y</t></is></c>', "x\ry"],
    ['<c r="B1" s="3"/>', null],
  ])("%s, as %j", (cell, value) => {
    expect(readOne(cell)).toEqual({ row: rowOf(cell, value), fast: true });
  });

  it.each([
    ["<c r='B1'><v>42</v></c>", 42],
    ['<c t="s" r="B1"><v>1</v></c>', "A White - British"],
    ['<c r="b1"><v>42</v></c>', 42],
    ['<c r="B1"  s="1"><v>45747</v></c>', "2025-03-31"],
    ['<c r="B1" t="n" s="1"><v>45747</v></c>', "2025-03-31"],
    ['<c r="B1" cm="1"><f>SUM(A1:A9)</f><v>7</v></c>', 7],
    ['<c t="e"><v>#N/A</v></c>', null],
    ['<c t="d"><v>2024-03-31</v></c>', "2024-03-31"],
    ["<c><v>1.</v></c>", 1],
    ['<c t="b"><v>true</v></c>', true],
    ['<c t="inlineStr"><is><r><t>Band</t></r><r><t> 7</t></r></is></c>', "Band 7"],
    ['<c t="inlineStr"><is><t xml:space="preserve"> lead </t></is></c>', " lead "],
    ["<c><v>1</v></c >", 1],
  ])("leaves %s to the general reader, which reads it as %j", (cell, value) => {
    expect(readOne(cell).row).toEqual(rowOf(cell, value));
  });

  it.each(WRITERS)("reads every cell of the staff extract %s writes", async (writer) => {
    const files = unzipSync(await writeStaffWorkbook(writer, 22, 60));
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const sheet = files["xl/worksheets/sheet1.xml"];
    if (!sheet) throw new Error(`${writer} wrote no xl/worksheets/sheet1.xml`);
    const { cells, fastCells } = scanSheet(sheet, {
      sharedStrings: files["xl/sharedStrings.xml"] ? parseSharedStrings(text("xl/sharedStrings.xml")) : [],
      dateStyles: parseDateStyles(text("xl/styles.xml")),
      date1904: false,
      maxRows: 1000,
    });
    const written = strFromU8(sheet).match(/<c[\s/>]/g)?.length ?? 0;
    expect(cells.rowCount).toBeGreaterThan(60);
    expect(written).toBeGreaterThan(60 * 10);
    expect(fastCells).toBe(written);
  });
});
