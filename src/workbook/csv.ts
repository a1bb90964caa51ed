// CSV through papaparse (quoted fields, embedded newlines and delimiter detection done right).
import Papa from "papaparse";
import { CellStore } from "./cells";
import type { CellProblem, CellSheet } from "./types";

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

export function readCsvCells(name: string, bytes: Uint8Array, maxRows: number): CellSheet {
  // Trailing line breaks confuse papaparse's delimiter detection (the empty last line has one field).
  const text = decodeText(bytes).replace(/[\r\n]+$/, "");
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
      if (v.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR.test(v.trim())) problems.push({ row: r, col: c, problem: v.trim() });
      else cells.pushValue(c, v);
    }
  }
  const sheetName = name.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  return { name: sheetName, cells, merges: [], ...(truncated ? { truncated: true } : {}), ...(problems.length > 0 ? { problems } : {}) };
}
