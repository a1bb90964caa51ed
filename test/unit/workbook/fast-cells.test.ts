// The scanner's fast path reads the cells every common writer writes (inline strings, t="str" text,
// cells without r, empty styled cells, decimals, booleans) without the general reader. Whatever the
// spelling, the cells must come out exactly as the general reader reads them: these sheets are read
// once as writers spell them and once with a namespace prefix, which only the general reader takes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnLetter } from "../../../src/workbook/cell-refs";
import { scanSheet } from "../../../src/workbook/sheet";
import type { CellValue } from "../../../src/workbook/types";

const SHARED = ["Band 5", "A White - British"];
const OPTIONS = { sharedStrings: SHARED, dateStyles: [false, true], date1904: false, maxRows: 1000 };

type Cell =
  | { kind: "inline" | "str"; text: string }
  | { kind: "number"; text: string; style: 0 | 1 }
  | { kind: "bool"; text: string }
  | { kind: "shared"; index: number }
  | { kind: "empty" };

const TEXTS = [
  "",
  "Band 5",
  "A & E",
  "x_x000D_y",
  "Ærfen Ŵ",
  " lead ",
  "Yes",
  "No",
  "&lt;b&gt;",
  "名前",
  "E Mixed - White &amp; Black African",
  "&#233;t&#xE9;",
  "a_b",
  "_x005F_x000D_",
  "&bogus; &amp",
  "20062708",
  "0",
  "007",
  "00",
  "123456789012345",
  "9007199254740993",
  "12 34",
  "-5",
];
const NUMBERS = [
  "0",
  "7",
  "-3",
  "0.4",
  "-0.25",
  "19364.05",
  ".5",
  "1.",
  "1E-3",
  "123456789012345",
  "1234567890123456",
  "12345678901234.5",
  "-0",
  "007",
  "",
  "26043.739999999998",
  "-26202.120000000003",
  "12345678901234567890",
  "2.5E+10",
  "-1.5e-7",
  "1e400",
  "12abc",
  "3 ",
  "-",
];

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({ kind: fc.constantFrom("inline" as const, "str" as const), text: fc.constantFrom(...TEXTS) }),
  fc.record({
    kind: fc.constant("number" as const),
    text: fc.constantFrom(...NUMBERS),
    style: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.record({ kind: fc.constant("bool" as const), text: fc.constantFrom("0", "1", "true", "false", "2") }),
  fc.record({ kind: fc.constant("shared" as const), index: fc.integer({ min: 0, max: SHARED.length + 1 }) }),
  fc.constant({ kind: "empty" as const }),
);

/** One sheet, as a writer would spell it (prefix "") or with a namespace prefix (general reader only). */
function sheet(rows: Cell[][], prefix: string, addressed: boolean, styled: boolean): string {
  const p = prefix ? `${prefix}:` : "";
  const body = rows.map((row, r) => {
    const cells = row.map((c, i) => {
      const ref = addressed ? ` r="${columnLetter(i)}${r + 1}"` : "";
      const s = styled || (c.kind === "number" && c.style) ? ` s="${c.kind === "number" ? c.style : 0}"` : "";
      switch (c.kind) {
        case "inline":
          return `<${p}c${ref}${s} t="inlineStr"><${p}is><${p}t>${c.text}</${p}t></${p}is></${p}c>`;
        case "str":
          return `<${p}c${ref}${s} t="str"><${p}v>${c.text}</${p}v></${p}c>`;
        case "number":
          return `<${p}c${ref}${s}${addressed ? "" : ' t="n"'}><${p}v>${c.text}</${p}v></${p}c>`;
        case "bool":
          return `<${p}c${ref}${s} t="b"><${p}v>${c.text}</${p}v></${p}c>`;
        case "shared":
          return `<${p}c${ref}${s} t="s"><${p}v>${c.index}</${p}v></${p}c>`;
        default:
          return `<${p}c${ref}${s}/>`;
      }
    });
    return `<${p}row r="${r + 1}">${cells.join("")}</${p}row>`;
  });
  return `<${p}worksheet${prefix ? ` xmlns:${prefix}="s"` : ""}><${p}sheetData>${body.join("")}</${p}sheetData></${p}worksheet>`;
}

const read = (xml: string): CellValue[][] => scanSheet(new TextEncoder().encode(xml), OPTIONS).cells.toRows();

describe("the scanner's fast path", () => {
  it("reads every writer's usual cells exactly as the general reader does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 7 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (rows, addressed, styled) => {
          expect(read(sheet(rows, "", addressed, styled))).toEqual(read(sheet(rows, "x", addressed, styled)));
        },
      ),
      { numRuns: 400 },
    );
    // 400 sheets read twice: seconds on a machine shared with other work.
  }, 30_000);

  it('reads inline and t="str" text, decimals, booleans and empty styled cells without r attributes', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c s="2" t="str"><v>Band 5</v></c><c s="2"/><c t="inlineStr"><is><t>A &amp; E</t></is></c>' +
      '<c s="0" t="n"><v>19364.05</v></c><c t="b"><v>1</v></c><c s="1" t="n"><v>45747</v></c><c t="inlineStr"><is><t>Band 5</t></is></c></row></sheetData></worksheet>';
    expect(read(xml)).toEqual([["Band 5", null, "A & E", 19364.05, true, "2025-03-31", "Band 5"]]);
  });

  it("stores a text repeated down the sheet once", () => {
    const rows = Array.from(
      { length: 500 },
      (_, r) => `<row r="${r + 1}"><c t="inlineStr"><is><t>Band ${r % 3}</t></is></c></row>`,
    ).join("");
    const { cells } = scanSheet(
      new TextEncoder().encode(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
      OPTIONS,
    );
    expect(cells.get(499, 0)).toBe("Band 1");
    expect(cells.get(3, 0)).toBe(cells.get(0, 0));
    // The store's own strings: one per distinct text, not one per cell.
    expect((cells as unknown as { texts: string[] }).texts).toEqual(["Band 0", "Band 1", "Band 2"]);
  });

  it("reads runs of one text down a column, broken by another text of the same length, cell by cell", () => {
    // Sorted extracts repeat the row above's text; the interner compares with that text before hashing.
    const column = ["Band 5", "Band 5", "Band 6", "Band 6", "Band 5", "Nurses", "Band 5"];
    const other = ["Yes", "No", "Yes", "Yes", "No", "No", "Yes"];
    const rows = column
      .map(
        (text, r) =>
          `<row r="${r + 1}"><c r="A${r + 1}" t="str"><v>${text}</v></c><c r="B${r + 1}" t="inlineStr"><is><t>${other[r]}</t></is></c></row>`,
      )
      .join("");
    expect(read(`<worksheet><sheetData>${rows}</sheetData></worksheet>`)).toEqual(
      column.map((text, r) => [text, other[r]]),
    );
  });

  it("keeps texts of digits (employee numbers written as text) as the same text, leading zeros included", () => {
    const rows = Array.from(
      { length: 200 },
      (_, r) =>
        `<row r="${r + 1}"><c t="str"><v>${20062708 + r}</v></c><c t="inlineStr"><is><t>00${r}</t></is></c>` +
        `<c t="str"><v>123456789012345</v></c><c t="str"><v>1234567890123456</v></c><c t="str"><v>0</v></c></row>`,
    ).join("");
    const { cells } = scanSheet(
      new TextEncoder().encode(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
      OPTIONS,
    );
    expect(cells.row(7)).toEqual(["20062715", "007", "123456789012345", "1234567890123456", "0"]);
    expect(cells.get(199, 0)).toBe("20062907");
    // Up to 15 digits without a leading zero are held as numbers: not one string each in the store.
    const texts = (cells as unknown as { texts: string[] }).texts;
    expect(texts).toContain("007");
    expect(texts).toContain("1234567890123456");
    expect(texts).not.toContain("20062715");
    expect(texts).not.toContain("0");
  });

  it("decodes a text with entities or escapes once, however often it is repeated", () => {
    const rows = Array.from(
      { length: 300 },
      (_, r) =>
        `<row r="${r + 1}"><c t="str"><v>${r % 2 ? "White &amp; Black" : "x_x000D_y"}</v></c>` +
        `<c t="inlineStr"><is><t>White &amp; Black</t></is></c></row>`,
    ).join("");
    const { cells } = scanSheet(
      new TextEncoder().encode(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
      OPTIONS,
    );
    expect(cells.row(1)).toEqual(["White & Black", "White & Black"]);
    expect(cells.row(2)).toEqual(["x\ry", "White & Black"]);
    expect((cells as unknown as { texts: string[] }).texts).toEqual(["x\ry", "White & Black"]);
  });

  it("reads long decimals and exponents as Number() does", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c s="0" t="n"><v>26043.739999999998</v></c><c><v>2.5E+10</v></c>' +
      '<c t="n"><v>-1.5e-7</v></c><c s="1" t="n"><v>45747.000000000001</v></c><c t="n"><v>12abc</v></c></row></sheetData></worksheet>';
    expect(read(xml)).toEqual([[26043.739999999998, 2.5e10, -1.5e-7, "2025-03-31", "12abc"]]);
  });
});
