// CSV through papaparse (quoted fields, embedded newlines and delimiter detection done right).
import Papa from "papaparse";
import type { CellProblem, CellValue, GridSheet } from "./types";

/** Excel writes a formula error into a CSV as its text; it is no more a value there than in the workbook. */
const EXCEL_ERROR = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

/** Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (old Excel CSV). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function readCsvGrid(name: string, bytes: Uint8Array, maxRows: number): GridSheet {
  // Trailing line breaks confuse papaparse's delimiter detection (the empty last line has one field).
  const text = decodeText(bytes).replace(/[\r\n]+$/, "");
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, preview: maxRows + 1 });
  const rows: CellValue[][] = [];
  const problems: CellProblem[] = [];
  const data = parsed.data;
  let truncated = false;
  for (let r = 0; r < data.length; r++) {
    if (r >= maxRows) {
      truncated = true;
      break;
    }
    const src = data[r] ?? [];
    const row: CellValue[] = new Array<CellValue>(src.length);
    for (let c = 0; c < src.length; c++) {
      const v = src[c] ?? "";
      if (v.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR.test(v.trim())) {
        problems.push({ row: r, col: c, problem: v.trim() });
        row[c] = null;
      } else row[c] = v === "" ? null : v;
    }
    rows.push(row);
  }
  // papaparse yields one empty row for a trailing newline.
  while (rows.length && rows[rows.length - 1]!.every((v) => v === null) && !problems.some((p) => p.row === rows.length - 1)) rows.pop();
  const sheetName = name.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  return { name: sheetName, rows, merges: [], ...(truncated ? { truncated: true } : {}), ...(problems.length > 0 ? { problems } : {}) };
}
