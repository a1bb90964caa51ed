// CSV through papaparse (quoted fields, embedded newlines and delimiter detection done right).
import Papa from "papaparse";
import { CellStore } from "./cells";
import { fileError } from "./errors";
import type { CellProblem } from "./types";
import type { CellSheet } from "./cells";

/** Excel writes a formula error into a CSV as its text; it is no more a value there than in the workbook. */
const EXCEL_ERROR =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

/**
 * Windows-1252's characters for bytes 0x80 to 0x9F (the Encoding Standard's index): the euro sign, curly quotes,
 * dashes. Node's TextDecoder from 20.18.3 and 22.13.0 reads those bytes as control characters (Latin-1), so a
 * name with an apostrophe would read differently in the command line and in the tab.
 */
const WINDOWS_1252_HIGH = String.fromCharCode(
  ...[
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
    0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e,
    0x178,
  ],
);

/** Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (old Excel CSV). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252")
      .decode(bytes)
      .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
  }
}

/** Excel's own limit on columns: a wider line is no table, and would cost a string for every field. */
export const MAX_CSV_COLUMNS = 16_384;
/** Lines shorter than this cannot hold MAX_CSV_COLUMNS fields worth refusing; only longer ones are counted. */
const LONG_LINE = 1 << 16;

/**
 * The first line with more than MAX_CSV_COLUMNS fields (by its commas, semicolons or tabs), or null. Jumps
 * from line break to line break, and delimiter to delimiter, natively, so ordinary files cost next to
 * nothing; a quoted line break only makes lines shorter, so no wide line is missed.
 */
function tooWideLine(text: string): number | null {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (
      end - start > LONG_LINE &&
      [",", ";", "\t"].some(
        (d) =>
          hasMoreThan(text, d, start, end, MAX_CSV_COLUMNS - 1) &&
          hasMoreUnquoted(text, d, start, end, MAX_CSV_COLUMNS - 1),
      )
    ) {
      return line;
    }
    start = end + 1;
  }
  return null;
}

/** Whether text[start, end) holds more than `limit` of the character (found natively, stopping at limit + 1). */
function hasMoreThan(text: string, ch: string, start: number, end: number, limit: number): boolean {
  let n = 0;
  for (let i = text.indexOf(ch, start); i >= 0 && i < end; i = text.indexOf(ch, i + 1)) if (++n > limit) return true;
  return false;
}

/** The same count outside quoted fields (commas in a long note are not columns): only for lines hasMoreThan flagged. */
function hasMoreUnquoted(text: string, ch: string, start: number, end: number, limit: number): boolean {
  const d = ch.charCodeAt(0);
  let quoted = false;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === d && !quoted && ++n > limit) return true;
  }
  return false;
}

export function readCsvCells(name: string, bytes: Uint8Array, maxRows: number): CellSheet {
  // Trailing line breaks confuse papaparse's delimiter detection (the empty last line has one field).
  const text = decodeText(bytes).replace(/[\r\n]+$/, "");
  const wide = tooWideLine(text);
  if (wide !== null) {
    throw fileError(
      name,
      "csv-too-wide",
      `${name} is not a table that can be read: line ${wide.toLocaleString("en-GB")} has more than ${MAX_CSV_COLUMNS.toLocaleString("en-GB")} columns, more than Excel allows. Check that it is the right file.`,
      { line: wide, maxColumns: MAX_CSV_COLUMNS },
    );
  }
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, preview: maxRows + 1 });
  const cells = new CellStore();
  const problems: CellProblem[] = [];
  const data = parsed.data;
  const truncated = data.length > maxRows;
  let count = Math.min(data.length, maxRows);
  // papaparse yields one empty row for a trailing newline.
  while (count > 0 && (data[count - 1] ?? []).every((v) => v === "")) count--;
  for (let r = 0; r < count; r++) {
    cells.beginRow();
    const src = data[r] ?? [];
    for (let c = 0; c < src.length; c++) {
      const v = src[c] ?? "";
      if (v === "") continue;
      // "#" or a blank before it ("a, #N/A" has a space after its comma): the only starts worth the regex.
      if (v.charCodeAt(0) <= 35 && EXCEL_ERROR.test(v.trim())) problems.push({ row: r, col: c, problem: v.trim() });
      else cells.pushValue(c, v);
    }
  }
  const sheetName = name.replace(/^.*[\\/]/s, "").replace(/\.[^.]+$/, "");
  return {
    name: sheetName,
    cells,
    merges: [],
    ...(truncated ? { truncated: true } : {}),
    ...(problems.length > 0 ? { problems } : {}),
  };
}
