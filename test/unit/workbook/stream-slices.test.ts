// A worksheet is scanned as it is inflated, a slice at a time. Whatever the slices, rows, cells and text
// must come out exactly as a scan of the whole part gives them. stream.test.ts checks it on real writers'
// 12,000-row sheets; these sheets are small enough to cut at every byte, and to read through the zip in
// a fraction of a second, so mutation testing can run them for every mutant of the scanner and the zip.
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { scanSheet, scanSheetStream, type ScannedSheet, type SheetScanOptions } from "../../../src/workbook/sheet";
import { readXlsxCells } from "../../../src/workbook/xlsx";
import { buildXlsx, replaceEntry } from "./fixtures";

const SHARED = ["Employee Number", "A White - British", "Band 5"];
const OPTIONS: SheetScanOptions = { sharedStrings: SHARED, dateStyles: [false, true], date1904: false, maxRows: 1000 };
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A sheet of every kind of cell, text cut inside entities and multi-byte characters, and merges after the rows. */
function sheet(prefix = ""): Uint8Array {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : NS;
  const rows = [
    `<${p}row r="1" spans="1:3"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c><${p}c r="B1" t="inlineStr"><${p}is><${p}t>Ethnic Origin</${p}t></${p}is></${p}c></${p}row>`,
    `<${p}row r="2"><${p}c r="A2"><${p}v>20062708</${p}v></${p}c><${p}c r="B2" t="s"><${p}v>1</${p}v></${p}c><${p}c r="C2" s="1"><${p}v>45747</${p}v></${p}c></${p}row>`,
    `<${p}row r="3"><${p}c r="A3" t="str"><${p}v>007</${p}v></${p}c><${p}c r="B3" t="inlineStr"><${p}is><${p}t>Ærfen &amp; Ŵ 😀 x_x000D_y</${p}t></${p}is></${p}c><${p}c r="C3" t="b"><${p}v>1</${p}v></${p}c></${p}row>`,
    `<${p}row r="5"><${p}c r="B5" s="1"/><${p}c r="C5"><${p}v>-19364.05</${p}v></${p}c><${p}c r="D5" t="e"><${p}v>#N/A</${p}v></${p}c></${p}row>`,
    `<${p}row r="6"><${p}c t="s"><${p}v>2</${p}v></${p}c><${p}c t="str"><${p}v>&lt;b&gt;</${p}v></${p}c></${p}row>`,
  ];
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}><${p}dimension ref="A1:D6"/>` +
    `<${p}sheetData>${rows.join("")}</${p}sheetData>` +
    `<${p}mergeCells count="2"><${p}mergeCell ref="B5:C5"/><${p}mergeCell ref="a6:b6"/></${p}mergeCells></${p}worksheet>`;
  return new TextEncoder().encode(xml);
}

type Consume = (b: Uint8Array, start: number, stop: number, final: boolean) => number;

/**
 * Gives the part to the scanner as the zip reader does: after each slice, the bytes not yet consumed, in a
 * fresh buffer with other bytes before and after them (the inflater's window and its spare room: here `</row>`
 * before and `>` after, which the scanner must not take for the end of a row it has not seen).
 */
function inSlices(xml: Uint8Array, ends: number[], held?: number[]): (consume: Consume) => void {
  return (consume) => {
    let from = 0;
    const give = (end: number, final: boolean) => {
      const before = new TextEncoder().encode("</row>");
      const stop = before.length + end - from;
      const buffer = new Uint8Array(stop + 1);
      buffer.set(before);
      buffer.set(xml.subarray(from, end), before.length);
      buffer[stop] = 62; // ">"
      const consumed = consume(buffer, before.length, stop, final);
      if (consumed < before.length || consumed > stop)
        throw new Error(`consumed up to ${consumed} of ${before.length}..${stop}`);
      from += consumed - before.length;
      if (!final) held?.push(end - from);
    };
    for (const end of ends) if (end > from) give(end, false);
    give(xml.length, true);
  };
}

const streamed = (xml: Uint8Array, ends: number[], opts = OPTIONS) =>
  scanSheetStream(inSlices(xml, ends), xml.length, opts);

/** How many bytes the scanner held back after each slice but the last. */
function heldAfter(xml: Uint8Array, ends: number[]): number[] {
  const held: number[] = [];
  scanSheetStream(inSlices(xml, ends, held), xml.length, OPTIONS);
  return held;
}

/** Index of the last occurrence of `word` ending at or before `end` in xml, or -1. */
function lastEndOf(xml: Uint8Array, word: string, end: number): number {
  const text = new TextDecoder("latin1").decode(xml.subarray(0, end));
  const at = text.lastIndexOf(word);
  return at < 0 ? -1 : at + word.length;
}

const seen = (s: ScannedSheet) => ({
  rows: s.cells.toRows(),
  merges: s.merges,
  truncated: s.truncated,
  problems: s.problems,
});

describe("a worksheet scanned a slice at a time", () => {
  it.each(["", "x"])("reads the sheet (prefix %j) cut at every byte exactly as the whole part", (prefix) => {
    const xml = sheet(prefix);
    const whole = seen(scanSheet(xml, OPTIONS));
    // The whole part as a reader sees it: every kind of cell, and the merges written after the rows.
    expect(whole.rows[2]).toEqual(["007", "Ærfen & Ŵ 😀 x\ry", true]);
    expect(whole.rows[5]).toEqual(["Band 5", "<b>"]);
    expect(whole.merges).toEqual(["B5:C5", "A6:B6"]);
    // Cuts STEP bytes apart, starting at each of the first STEP bytes: every byte is a cut in one of the scans.
    const STEP = 41;
    for (let first = 1; first <= STEP; first++) {
      const ends = Array.from({ length: Math.ceil(xml.length / STEP) }, (_, k) => first + k * STEP);
      expect(seen(streamed(xml, ends)), `cuts from ${first}`).toEqual(whole);
    }
  });

  it("keeps the merges that come in later slices when a </row> after the sheet data ended the scan early", () => {
    // The slice ending after the comment holds </sheetData>: the rows are done, and the merges still to come.
    const text = new TextDecoder().decode(sheet()).replace("</sheetData>", "</sheetData><!-- see </row> -->");
    const xml = new TextEncoder().encode(text);
    const comment = lastEndOf(xml, "-->", xml.length);
    const whole = seen(scanSheet(xml, OPTIONS));
    expect(whole.merges).toEqual(["B5:C5", "A6:B6"]);
    for (let cut = comment; cut < xml.length; cut += 7)
      expect(seen(streamed(xml, [cut])), `cut at ${cut}`).toEqual(whole);
  });

  it("reads the sheet given in slices of 1 to 9 bytes exactly as the whole part", () => {
    const xml = sheet();
    const whole = seen(scanSheet(xml, OPTIONS));
    for (let size = 1; size <= 9; size++) {
      const ends = Array.from({ length: Math.ceil(xml.length / size) }, (_, k) => (k + 1) * size);
      expect(seen(streamed(xml, ends)), `slices of ${size}`).toEqual(whole);
    }
  });

  it.each(["", "x"])(
    "lets each slice's complete rows go as they come, holding back only the row not yet ended (prefix %j)",
    (prefix) => {
      const xml = sheet(prefix);
      const rowEnd = prefix ? `</${prefix}:row>` : "</row>";
      // Until <sheetData> has come the root's prefix is unknown, and everything is held.
      const held = (end: number) =>
        lastEndOf(xml, "sheetData", end) < 0 ? end : end - Math.max(0, lastEndOf(xml, rowEnd, end));
      for (let cut = 1; cut < xml.length; cut++) {
        expect(heldAfter(xml, [cut]), `one slice to ${cut}`).toEqual([held(cut)]);
        // A second slice: the search for a row's end picks up where the first left off, even mid-tag.
        const next = Math.min(cut + 23, xml.length - 1);
        if (next > cut)
          expect(heldAfter(xml, [cut, next]), `slices to ${cut} and ${next}`).toEqual([held(cut), held(next)]);
      }
    },
  );

  it("stops at maxRows inside a slice, says the sheet was truncated, and keeps the rows before", () => {
    const xml = sheet();
    const opts = { ...OPTIONS, maxRows: 3 };
    const whole = scanSheet(xml, opts);
    expect(whole.truncated).toBe(true);
    expect(whole.cells.rowCount).toBe(3);
    for (let cut = 1; cut < xml.length; cut += 29) expect(seen(streamed(xml, [cut], opts))).toEqual(seen(whole));
  });
});

let large: { xml: Uint8Array; bytes: Uint8Array } | undefined;
/** 8,000 rows of numbers, text, inline text with entities and dates: a 1.5 MB part, inflated over several slices. */
function largeWorkbook(): { xml: Uint8Array; bytes: Uint8Array } {
  if (large) return large;
  const rows = Array.from(
    { length: 8_000 },
    (_, k) =>
      `<row r="${k + 1}"><c r="A${k + 1}"><v>${20_000_007 + k * 7}</v></c><c r="B${k + 1}" t="str"><v>Band ${(k + 1) % 9}</v></c>` +
      `<c r="C${k + 1}" t="inlineStr"><is><t>Ward ${(k + 1) % 97} &amp; Théâtre</t></is></c><c r="D${k + 1}" s="1"><v>${45_000 + ((k + 1) % 400)}</v></c></row>`,
  );
  const xml = strToU8(`<worksheet ${NS}><sheetData>${rows.join("")}</sheetData></worksheet>`);
  return (large = {
    xml,
    bytes: replaceEntry(buildXlsx([{ name: "Staff", rows: [] }]), "xl/worksheets/sheet1.xml", xml),
  });
}

describe("a worksheet streamed through the zip", () => {
  it("reads a part inflated over several slices exactly as a scan of the whole part", () => {
    const { xml, bytes } = largeWorkbook();
    // A slice inflates to about 256 KiB: rows are cut at several slice ends, and the buffer is compacted.
    expect(xml.length).toBeGreaterThan(1024 * 1024);
    const whole = scanSheet(xml, { ...OPTIONS, sharedStrings: [], maxRows: 10_000 });
    const [read] = readXlsxCells("staff.xlsx", bytes, {
      maxUncompressedBytes: 64e6,
      maxRows: 10_000,
      includeHidden: false,
    });
    expect(read!.cells.rowCount).toBe(8_000);
    // Row by row as text: a deep comparison of 32,000 cells would cost more than the read.
    const rows = whole.cells.toRows().map((row) => JSON.stringify(row));
    expect(
      read!.cells.toRows().findIndex((row, i) => JSON.stringify(row) !== rows[i]),
      "first row that differs",
    ).toBe(-1);
    expect(read!.cells.row(7_999)).toEqual([20_056_000, "Band 8", "Ward 46 & Théâtre", "2023-03-15"]);
  });

  it("stops at maxRows in the middle of the part and says the sheet was truncated", () => {
    const [read] = readXlsxCells("staff.xlsx", largeWorkbook().bytes, {
      maxUncompressedBytes: 64e6,
      maxRows: 5_001,
      includeHidden: false,
    });
    expect(read!.truncated).toBe(true);
    expect(read!.cells.rowCount).toBe(5_001);
    expect(read!.cells.row(5_000)).toEqual([20_035_007, "Band 6", "Ward 54 & Théâtre", "2023-10-02"]);
  });
});
