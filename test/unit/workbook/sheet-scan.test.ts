// The sheet scanner reads the usual cell (`<c r="B7" s="1" t="s"><v>3</v></c>`) on a fast path and
// everything else on a general one. Whatever way a writer spells a sheet, the cells must come out the same.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSharedStrings } from "../../../src/workbook/parts";
import { columnLetter } from "../../../src/workbook/cell-refs";
import { scanSheet } from "../../../src/workbook/sheet";
import type { CellValue } from "../../../src/workbook/types";

const SHARED = ["Staff Group", "A White - British", "Band 5", "Y"];
const OPTIONS = { sharedStrings: SHARED, dateStyles: [false, true], date1904: false, maxRows: 1000 };

type Cell = { kind: "shared"; index: number } | { kind: "number"; value: number; style: 0 | 1 } | { kind: "blank" };

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({ kind: fc.constant("shared" as const), index: fc.integer({ min: 0, max: SHARED.length + 1 }) }),
  fc.record({
    kind: fc.constant("number" as const),
    value: fc.oneof(
      fc.integer({ min: 0, max: 99_999 }),
      fc.integer({ min: -500, max: -1 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.constant(2 ** 53 + 2),
    ),
    style: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.constant({ kind: "blank" as const }),
);

/** The sheet as Excel writes it: the fast path's form. */
function plain(rows: Cell[][]): string {
  const body = rows.map((row, r) => {
    const cells = row.map((c, i) => {
      const ref = `${columnLetter(i)}${r + 1}`;
      if (c.kind === "blank") return "";
      if (c.kind === "shared") return `<c r="${ref}" t="s"><v>${c.index}</v></c>`;
      return `<c r="${ref}"${c.style ? ` s="${c.style}"` : ""}><v>${c.value}</v></c>`;
    });
    return `<row r="${r + 1}">${cells.join("")}</row>`;
  });
  return `<worksheet><sheetData>${body.join("")}</sheetData></worksheet>`;
}

/** The same sheet with a namespace prefix, single quotes and attributes in another order: the general path. */
function unusual(rows: Cell[][]): string {
  const body = rows.map((row, r) => {
    const cells = row.map((c, i) => {
      const ref = `${columnLetter(i)}${r + 1}`;
      if (c.kind === "blank") return "";
      if (c.kind === "shared") return `<x:c t='s' r='${ref}'><x:v>${c.index}</x:v></x:c>`;
      return `<x:c s='${c.style}' r='${ref}' t='n'><x:v>${c.value}</x:v></x:c>`;
    });
    return `<x:row r='${r + 1}'>${cells.join("")}</x:row>`;
  });
  return `<x:worksheet xmlns:x="s"><x:sheetData>${body.join("")}</x:sheetData></x:worksheet>`;
}

const scanXml = (xml: string, opts = OPTIONS) => scanSheet(new TextEncoder().encode(xml), opts);
const read = (xml: string): CellValue[][] => scanXml(xml).cells.toRows();

describe("scanSheet", () => {
  it("reads a sheet the same whichever way its cells are written", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        expect(read(plain(rows))).toEqual(read(unusual(rows)));
      }),
      { numRuns: 300 },
    );
  });

  it("reads the usual cell's values: shared strings, integers, decimals, negatives and dates", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>42</v></c><c r="C1"><v>0.4</v></c>' +
      '<c r="D1"><v>-3</v></c><c r="E1" s="1"><v>45747</v></c><c r="F1" t="s"><v>9</v></c><c r="G1" t="n"><v>7</v></c></row></sheetData></worksheet>';
    // F1 names a shared string that does not exist: it reads as blank.
    expect(read(xml)).toEqual([["A White - British", 42, 0.4, -3, "2025-03-31", null, 7]]);
  });

  it("reads an unclosed cell's value instead of losing it", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>5</v><c r="B1"><v>6</v></c></row><row r="2"><c r="A2"><v>7</v></row></sheetData></worksheet>';
    expect(read(xml)).toEqual([[5, 6], [7]]);
  });
});

describe("scanSheet, on shapes few writers make", () => {
  /** A sheet of one row holding the given cells, as Excel frames it. */
  const oneRow = (cells: string) => `<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  /** The same with the namespace prefix some writers give every element: the general path. */
  const onePrefixedRow = (cells: string) =>
    `<x:worksheet xmlns:x="s"><x:sheetData><x:row r="1">${cells}</x:row></x:sheetData></x:worksheet>`;
  const wide = [
    ["A", 1],
    ["Z", 26],
    ["AB", 28],
    ["BA", 53],
  ] as const;
  const expectedWide = Array.from({ length: 53 }, (_, i) => wide.find(([, v]) => v === i + 1)?.[1] ?? null);

  it("places cells past column Z where their references say, on either path", () => {
    const fast = wide.map(([c, v]) => `<c r="${c}1"><v>${v}</v></c>`).join("");
    const general = wide.map(([c, v]) => `<x:c t='n' r='${c}1'><x:v>${v}</x:v></x:c>`).join("");
    expect(read(oneRow(fast))).toEqual([expectedWide]);
    expect(read(onePrefixedRow(general))).toEqual([expectedWide]);
  });

  it("reads a cell reference written in lower case as its column", () => {
    const cells = wide.map(([c, v]) => `<c t="n" r="${c.toLowerCase()}1"><v>${v}</v></c>`).join("");
    expect(read(oneRow(cells))).toEqual([expectedWide]);
  });

  it("finds the prefix of a root element written after the XML declaration and a comment", () => {
    const prologue = '<?xml version="1.0"?><!-- written by a reporting tool -->';
    expect(read(prologue + onePrefixedRow('<x:c r="B1"><x:v>5</x:v></x:c>'))).toEqual([[null, 5]]);
  });

  it("reads an empty inline string, <is/>, as empty text, with or without a prefix", () => {
    expect(read(oneRow('<c r="A1" t="inlineStr"><is/></c><c r="B1"><v>3</v></c>'))).toEqual([["", 3]]);
    expect(read(onePrefixedRow('<x:c r="A1" t="inlineStr"><x:is/></x:c><x:c r="B1"><x:v>3</x:v></x:c>'))).toEqual([
      ["", 3],
    ]);
  });

  it("reads a number cell holding only a minus sign as that text, not as zero", () => {
    expect(read(oneRow('<c r="A1"><v>-</v></c><c r="B1"><v>-0</v></c>'))).toEqual([["-", -0]]);
  });

  it('reads a date cell\'s ISO text (t="d") without the spaces a writer left around it', () => {
    expect(read(oneRow('<c r="A1" t="d"><v> 2024-03-31 </v></c>'))).toEqual([["2024-03-31"]]);
  });

  it("reports a shared-string index that is negative or past the table, on either path, and reads the cell as blank", () => {
    const missing = [0, 1].map((col) => ({ row: 0, col, problem: "shared-string-missing" }));
    const fast = scanXml(oneRow('<c r="A1" t="s"><v>-1</v></c><c r="B1" t="s"><v>9</v></c><c r="C1"><v>3</v></c>'));
    const general = scanXml(
      onePrefixedRow(
        "<x:c r='A1' t='s'><x:v>-1</x:v></x:c><x:c r='B1' t='s'><x:v>9</x:v></x:c><x:c r='C1'><x:v>3</x:v></x:c>",
      ),
    );
    for (const { cells, problems } of [fast, general]) {
      expect(problems).toEqual(missing);
      expect(cells.toRows()).toEqual([[null, null, 3]]);
    }
  });

  it("skips comments and processing instructions between rows and cells, even ones holding cell markup", () => {
    const cells =
      '<!-- 1 > 0 <c r="A1"><v>9</v></c> --><c r="B1"><v>1</v></c><?note 1 > 0 <c r="C1"><v>9</v></c>?><c r="D1"><v>2</v></c>';
    expect(read(oneRow(cells))).toEqual([[null, 1, null, 2]]);
  });

  it("reads attributes separated by tabs and line breaks, as XML allows", () => {
    const cells = '<c\tr="B1"\rt="s"><v>1</v></c><c\r\n\tr="D1"\n\ts="1"><v>45747</v></c>';
    expect(read(oneRow(cells))).toEqual([[null, "A White - British", null, "2025-03-31"]]);
  });

  it.each([
    ["an attribute's name", "<c t='s' r", [5]],
    ["an attribute's value", "<c t='s' r='B", [5]],
    ["a number", '<c r="B1"><v>12', [5, 12]],
    ["a text", '<c r="B1" t="str"><v>Band', [5, "Band"]],
    ["an inline string's tag", '<c r="B1" t="inlineStr"><is xml', [5]],
    // Unlike a t="str" cell's value, an inline string is read as a shared string's item is: by its closed <t>s.
    ["an inline string", '<c r="B1" t="inlineStr"><is><t>Band', [5, ""]],
    ["a comment", '<!-- <c r="B1"><v>9</v></c>', [5]],
    ["the next row's tag", '</row><row r="2" spans="1', [5]],
  ])("reads what is left of a part cut off inside %s, and ends", (_, cut, row) => {
    const xml = `<worksheet><sheetData><row r="1"><c r="A1"><v>5</v></c>${cut}`;
    expect(read(xml)).toEqual([row]);
  });

  it("puts a cell written outside any row in a row of its own, in the column its reference names", () => {
    // Before the first row, between rows after a wide one (the fast path's spelling and the general one's).
    const xml =
      '<worksheet><sheetData><c r="A1"><v>1</v></c><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row>' +
      '<c r="A3"><v>4</v></c><row r="4"><c r="A4"><v>5</v></c><c r="B4"><v>6</v></c></row>' +
      '<c r=\'A5\'><v>7</v></c><row r="6"><c r="A6"><v>8</v></c></row></sheetData></worksheet>';
    expect(read(xml)).toEqual([[1], [2, 3], [4], [5, 6], [7], [8]]);
  });

  it("finds merged ranges however their writer spells them", () => {
    const xml =
      '<main:worksheet xmlns:main="s"><main:sheetData><main:row r="1"><main:c r="A1"><main:v>1</main:v></main:c></main:row>' +
      '</main:sheetData><main:mergeCells count="3"><main:mergeCell ref = "AA1:AB2"/>' +
      '<main:mergeCell xr:uid="{7}" ref=\'c3:d3\'/><main:mergeCell ref="E5"/></main:mergeCells></main:worksheet>';
    expect(scanXml(xml).merges).toEqual(["AA1:AB2", "C3:D3", "E5"]);
  });

  it("starts a new row after a self-closed one, keeps cells written together outside rows in one, and numbers the next", () => {
    const xml =
      '<worksheet><sheetData><row r="1"/><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c>' +
      '<row><c r="A3"><v>3</v></c></row></sheetData></worksheet>';
    expect(read(xml)).toEqual([[], [1, 2], [3]]);
  });

  it("counts a cell outside any row towards the most rows read", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><c r="A2"><v>2</v></c></row>' +
      '<c r="A3"><v>3</v></c></sheetData></worksheet>';
    const scan = scanXml(xml, { ...OPTIONS, maxRows: 2 });
    expect(scan.cells.toRows()).toEqual([[1], [2]]);
    expect(scan.truncated).toBe(true);
  });

  it("finds a row's number written after its other attributes", () => {
    const xml =
      '<worksheet><sheetData><row spans="1:2" s="4" customFormat="1" r="3"><c r="A3"><v>1</v></c></row></sheetData></worksheet>';
    expect(read(xml)).toEqual([[], [], [1]]);
  });

  it("ends a cell left open at its row's end, at the next row and at the end of the sheet data", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r=\'A1\'><v>5</v></row><c r="A2"><v>6</v></c>' +
      '<row r="3"><c r=\'A3\'><v>7</v><row r="4"><c r="A4"><v>8</v></c></row>' +
      "<row r=\"5\"><c r='A5' t='inlineStr'><is><t>x</t></is></sheetData>" +
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    const scan = scanXml(xml);
    expect(scan.cells.toRows()).toEqual([[5], [6], [7], [8], ["x"]]);
    expect(scan.merges).toEqual(["A1:B1"]);
  });

  it("skips comments, processing instructions and extensions inside a cell, on either path", () => {
    const cells =
      '<c r="A1"><v>5</v><!-- <v>9</v> --></c><c r="B1"><v>6</v><?note <v>9</v> ?></c>' +
      '<c r="C1"><v>7</v><extLst><ext uri="{0}"/></extLst></c>';
    expect(read(oneRow(cells))).toEqual([[5, 6, 7]]);
    const prefixed =
      "<x:c r='A1'><x:v>5</x:v><!-- <x:v>9</x:v> --></x:c><x:c r='B1'><x:v>6</x:v><?note <x:v>9</x:v> ?></x:c>" +
      "<x:c r='C1'><x:v>7</x:v><x:extLst><x:ext uri='{0}'/></x:extLst></x:c>";
    expect(read(onePrefixedRow(prefixed))).toEqual([[5, 6, 7]]);
  });

  it("reads a formula's saved result of any type, the first shared string among them, and reports one never saved", () => {
    const cells =
      '<c r="A1" t="s"><f>B1</f><v>0</v></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1" t="b"><f>TRUE()</f><v>1</v></c>' +
      '<c r="D1"><f>1+1</f></c>';
    const scan = scanXml(oneRow(cells));
    expect(scan.cells.toRows()).toEqual([["Staff Group", 2, true]]);
    expect(scan.problems).toEqual([{ row: 0, col: 3, problem: "no-saved-value" }]);
  });

  it("keeps no blank for empty styled cells, so a row ends at its last value", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/><c r=\'C1\' s=\'1\'/></row>' +
      '<row r="2"><c r="A2" s="1"/></row></sheetData></worksheet>';
    expect(read(xml)).toEqual([[1], []]);
  });

  it("reads a number cell with an empty value as blank, on either path", () => {
    expect(read(oneRow('<c r="A1"><v></v></c><c r="B1"><v>2</v></c>'))).toEqual([[null, 2]]);
    expect(read(onePrefixedRow("<x:c r='A1'><x:v></x:v></x:c><x:c r='B1'><x:v>2</x:v></x:c>"))).toEqual([[null, 2]]);
  });

  it("reports an error cell by its error text without the spaces around it, and one with none as #ERROR", () => {
    const scan = scanXml(
      oneRow('<c r="A1" t="e"><v> #DIV/0!\n</v></c><c r="B1" t="e"><v></v></c><c r="C1"><v>3</v></c>'),
    );
    expect(scan.problems).toEqual([
      { row: 0, col: 0, problem: "#DIV/0!" },
      { row: 0, col: 1, problem: "#ERROR" },
    ]);
    expect(scan.cells.toRows()).toEqual([[null, null, 3]]);
  });
});

describe("parseSharedStrings", () => {
  it("reads Excel's plain items and other writers' prefixed ones the same", () => {
    const items = [
      "<t>Band 5</t>",
      "<t>A &amp; E_x000D_</t>",
      '<t xml:space="preserve"> Y </t>',
      "<r><t>Mixed</t></r><r><t> - White</t></r>",
      "<t>名</t><rPh><t>な</t></rPh>",
      "",
    ];
    const plain = `<sst>${items.map((i) => `<si>${i}</si>`).join("")}</sst>`;
    const prefixed = `<x:sst xmlns:x="s">${items.map((i) => `<x:si>${i.replace(/<(\/?)(t|r|rPh)\b/g, "<$1x:$2")}</x:si>`).join("")}</x:sst>`;
    const expected = ["Band 5", "A & E\r", " Y ", "Mixed - White", "名", ""];
    expect(parseSharedStrings(plain)).toEqual(expected);
    expect(parseSharedStrings(prefixed)).toEqual(expected);
  });
});
