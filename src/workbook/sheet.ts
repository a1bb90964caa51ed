// The fast path: a byte-level scanner over a worksheet part (SpreadsheetML `<sheetData>`).
// It never decodes the whole part to a string; it jumps from `<` to `<` with Uint8Array.indexOf
// (native), reads only the attributes it needs (r, s, t), and decodes text only for cells whose
// value is inline text. Numbers and shared-string indexes are ASCII and parsed from the bytes.
import type { CellProblem, CellValue } from "./types";
import { serialToIso } from "./parts";
import { stringItemText, xmlText } from "./xml";

export interface SheetScanOptions {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** Stop after this many rows; the result says it was truncated. */
  maxRows: number;
}

export interface ScannedSheet {
  rows: CellValue[][];
  merges: string[];
  /** True when the sheet had more rows than maxRows (rows holds the first maxRows). */
  truncated: boolean;
  /** Cells that hold a formula error (#N/A, #REF!...) or a formula with no saved value; read as blank in rows. */
  problems: CellProblem[];
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const COLON = 58;
const QUOTE = 34;
const EQUALS = 61;

// Cell types (the `t` attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_BOOL = 2;
const T_STR = 3; // formula string
const T_INLINE = 4;
const T_ERROR = 5;
const T_DATE = 6; // ISO 8601 text (strict writers)

const utf8 = new TextDecoder();

function cellType(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  const c0 = b[s];
  if (len === 1) return c0 === 115 /* s */ ? T_SHARED : c0 === 98 /* b */ ? T_BOOL : c0 === 101 /* e */ ? T_ERROR : c0 === 100 /* d */ ? T_DATE : T_NUMBER;
  if (len === 3 && c0 === 115) return T_STR; // str
  if (len === 9 && c0 === 105) return T_INLINE; // inlineStr
  return T_NUMBER;
}

/** ASCII bytes to a string, for short runs (numbers, references). */
function ascii(b: Uint8Array, s: number, e: number): string {
  let out = "";
  for (let k = s; k < e; k++) out += String.fromCharCode(b[k] ?? 0);
  return out;
}

function parseNumber(b: Uint8Array, s: number, e: number): number {
  // Integers (most cells, and every shared-string index) without allocating.
  let v = 0;
  let k = s;
  const neg = b[k] === 45;
  if (neg) k++;
  if (k === e) return NaN;
  for (; k < e; k++) {
    const d = (b[k] ?? 0) - 48;
    if (d < 0 || d > 9) return Number(ascii(b, s, e).trim());
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

/** Column index (0-based) from the letters of a cell reference such as "AB12". */
function columnOf(b: Uint8Array, s: number, e: number): number {
  let col = 0;
  for (let k = s; k < e; k++) {
    const c = b[k] ?? 0;
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

function findBytes(b: Uint8Array, pattern: Uint8Array, from: number): number {
  const first = pattern[0] ?? 0;
  for (let k = b.indexOf(first, from); k >= 0; k = b.indexOf(first, k + 1)) {
    let ok = true;
    for (let q = 1; q < pattern.length; q++) {
      if (b[k + q] !== pattern[q]) {
        ok = false;
        break;
      }
    }
    if (ok) return k;
  }
  return -1;
}

/** Length of the namespace prefix ("x:" -> 2) of the root element, so tag names sit at a fixed offset. */
function rootPrefixLength(b: Uint8Array): number {
  for (let lt = b.indexOf(LT); lt >= 0; lt = b.indexOf(LT, lt + 1)) {
    const c = b[lt + 1];
    if (c === 63 /* ? */ || c === 33 /* ! */) continue;
    let k = lt + 1;
    while (k < b.length && b[k] !== COLON && b[k] !== GT && b[k] !== SLASH && (b[k] ?? 0) > 32) k++;
    return b[k] === COLON ? k - lt : 0;
  }
  return 0;
}

function isTerminator(c: number | undefined): boolean {
  return c === GT || c === SLASH || (c !== undefined && c <= 32);
}

export function scanSheet(b: Uint8Array, opts: SheetScanOptions): ScannedSheet {
  const { sharedStrings, dateStyles, date1904, maxRows } = opts;
  const rows: CellValue[][] = [];
  const problems: CellProblem[] = [];
  let truncated = false;
  let row: CellValue[] | null = null;
  let rowNum = 0;
  // Current cell.
  let col = -1;
  let type = T_NUMBER;
  let style = 0;
  let value: CellValue = null;
  // The cell's error text (t="e"), and whether it has a formula (<f>): a formula with no <v> has no saved result.
  let errorText: string | null = null;
  let hasFormula = false;
  let nextCol = 0;
  let inCell = false;
  let afterSheetData = -1;
  const dateKeys = new Float64Array(DATE_CACHE_MASK + 1).fill(NaN);
  const dateValues: (string | null)[] = new Array<string | null>(DATE_CACHE_MASK + 1).fill(null);
  const plen = rootPrefixLength(b);

  const n = b.length;
  let i = 0;
  for (;;) {
    // Manual scans beat indexOf here: tags are a few bytes apart and builtin calls cost more.
    let lt = i;
    while (lt < n && b[lt] !== LT) lt++;
    if (lt >= n) break;
    const first = b[lt + 1];
    if (first === SLASH) {
      // Closing tags: </c>, </row>, </sheetData>; everything else is skipped.
      const ns = lt + 2 + plen;
      const c0 = b[ns];
      if (c0 === 99 /* c */ && b[ns + 1] === GT) {
        if (inCell) finishCell();
        i = ns + 2;
        continue;
      }
      if (c0 === 114 /* r */ && b[ns + 1] === 111 && b[ns + 2] === 119 && b[ns + 3] === GT) {
        row = null;
        i = ns + 4;
        continue;
      }
      if (c0 === 115 /* s */ && b[ns + 1] === 104 && b[ns + 5] === 68 /* sheetD */ && b[ns + 9] === GT) {
        afterSheetData = ns + 10;
        break;
      }
      i = lt + 2;
      continue;
    }
    if (first === 33 /* ! */ || first === 63 /* ? */) {
      // Comment, CDATA or processing instruction: skip past its end.
      const end = first === 33 && b[lt + 2] === 45 ? findBytes(b, COMMENT_END, lt + 2) : b.indexOf(GT, lt + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const ns = lt + 1 + plen;
    const c0 = b[ns];

    if (c0 === 118 /* v */ && b[ns + 1] === GT) {
      let vEnd = ns + 2;
      while (vEnd < n && b[vEnd] !== LT) vEnd++;
      value = cellValue(b, ns + 2, vEnd);
      // Fast path for the usual "</v></c>": finish the cell without two more trips round the loop.
      let k = vEnd;
      if (b[k + 1] === SLASH && b[k + 2 + plen] === 118 && b[k + 3 + plen] === GT) {
        k += 4 + plen;
        if (b[k] === LT && b[k + 1] === SLASH && b[k + 2 + plen] === 99 && b[k + 3 + plen] === GT) {
          if (inCell) finishCell();
          i = k + 4 + plen;
          continue;
        }
      }
      i = k;
      continue;
    }

    if (c0 === 99 /* c */ && isTerminator(b[ns + 1])) {
      // <c r="B7" s="3" t="s"> : read the one-letter attributes r, s and t.
      col = -1;
      type = T_NUMBER;
      style = 0;
      value = null;
      errorText = null;
      hasFormula = false;
      inCell = true;
      let k = ns + 1;
      let selfClosing = false;
      while (k < n) {
        let c = b[k];
        while (c === 32 || c === 9 || c === 10 || c === 13) c = b[++k];
        if (c === GT) break;
        if (c === SLASH) {
          selfClosing = true;
          while (k < n && b[k] !== GT) k++;
          break;
        }
        const nameStart = k;
        while (k < n && b[k] !== EQUALS) k++;
        const q = b[k + 1];
        const vs = k + 2;
        let ve = vs;
        while (ve < n && b[ve] !== q) ve++;
        if (k - nameStart === 1) {
          const a = b[nameStart];
          if (a === 114 /* r */) col = columnOf(b, vs, ve);
          else if (a === 116 /* t */) type = cellType(b, vs, ve);
          else if (a === 115 /* s */) style = parseNumber(b, vs, ve);
        }
        k = ve + 1;
      }
      if (col < 0) col = nextCol;
      i = k + 1;
      if (selfClosing) finishCell();
      continue;
    }

    if (c0 === 114 /* r */ && b[ns + 1] === 111 && b[ns + 2] === 119 && isTerminator(b[ns + 3])) {
      // <row r="12" ...>
      const gt = b.indexOf(GT, ns + 3);
      if (gt < 0) break;
      i = gt + 1;
      let r = 0;
      const at = findAttr(b, ns + 3, gt, 114);
      if (at >= 0) r = parseNumber(b, at, b.indexOf(b[at - 1] ?? QUOTE, at));
      if (!(r > rowNum)) r = rowNum + 1; // missing or out of order: take the next row
      if (r > maxRows) {
        truncated = true;
        break;
      }
      while (rows.length < r - 1) rows.push([]);
      rowNum = r;
      row = [];
      rows.push(row);
      nextCol = 0;
      if (b[gt - 1] === SLASH) row = null;
      continue;
    }

    if (c0 === 102 /* f */ && isTerminator(b[ns + 1]) && inCell) {
      // <f>SUM(A1:A9)</f> or <f t="shared" si="0"/>: the result, if saved, follows in <v>.
      hasFormula = true;
      i = ns + 1;
      continue;
    }

    if (c0 === 105 /* i */ && b[ns + 1] === 115 /* s */ && isTerminator(b[ns + 2]) && inCell) {
      // Inline string: <is><t>text</t></is> or rich runs.
      const gt = b.indexOf(GT, ns + 2);
      if (gt < 0) break;
      if (b[gt - 1] === SLASH) {
        value = "";
        i = gt + 1;
        continue;
      }
      const end = findClose(b, gt + 1, lt + 1, ns, "is");
      value = stringItemText(utf8.decode(b.subarray(gt + 1, end)));
      i = end;
      continue;
    }
    i = lt + 1;
  }

  if (inCell) finishCell();
  const merges: string[] = [];
  if (afterSheetData >= 0) {
    const tail = utf8.decode(b.subarray(afterSheetData));
    const re = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref\s*=\s*["']([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)["']/g;
    for (let m = re.exec(tail); m; m = re.exec(tail)) merges.push((m[1] ?? "").toUpperCase());
  }
  return { rows, merges, truncated, problems };

  function finishCell(): void {
    inCell = false;
    nextCol = col + 1;
    const problem = errorText ?? (hasFormula && value === null ? NO_SAVED_VALUE : null);
    if (value === null && problem === null) return;
    if (!row) {
      // A cell outside any <row>: attach to a new row so nothing is lost.
      rowNum += 1;
      if (rowNum > maxRows) {
        truncated = true;
        return;
      }
      row = [];
      rows.push(row);
    }
    if (problem !== null) {
      // The cell stays blank in the grid; the records reader reports the row (file, sheet, row, column).
      problems.push({ row: rows.length - 1, col, problem });
      return;
    }
    while (row.length < col) row.push(null);
    row[col] = value;
  }

  function cellValue(bytes: Uint8Array, s: number, e: number): CellValue {
    switch (type) {
      case T_SHARED: {
        const idx = parseNumber(bytes, s, e);
        return sharedStrings[idx] ?? null;
      }
      case T_BOOL:
        return bytes[s] === 49 /* 1 */ || ascii(bytes, s, e) === "true";
      case T_STR:
      case T_INLINE:
        return xmlText(utf8.decode(bytes.subarray(s, e)));
      case T_ERROR:
        errorText = xmlText(utf8.decode(bytes.subarray(s, Math.min(e, s + 32)))).trim() || "#ERROR";
        return null;
      case T_DATE:
        return ascii(bytes, s, e).trim();
      default: {
        if (s === e) return null;
        const num = parseNumber(bytes, s, e);
        if (Number.isNaN(num)) return xmlText(utf8.decode(bytes.subarray(s, e)));
        if (dateStyles[style]) {
          // Direct-mapped cache: dates repeat (a year has 365 of them) and Date formatting is slow.
          const slot = (num | 0) & DATE_CACHE_MASK;
          let iso: string | null;
          if (dateKeys[slot] === num) iso = dateValues[slot] ?? null;
          else {
            iso = serialToIso(num, date1904);
            dateKeys[slot] = num;
            dateValues[slot] = iso;
          }
          return iso ?? num;
        }
        return num;
      }
    }
  }
}

const COMMENT_END = new Uint8Array([45, 45, 62]);
/** CellProblem.problem for a formula saved without its result (written by a script, never calculated). */
export const NO_SAVED_VALUE = "no-saved-value";
const DATE_CACHE_MASK = 4095;

/** Start of the value of a one-letter attribute (e.g. r) inside a start tag, or -1. */
function findAttr(b: Uint8Array, from: number, to: number, letter: number): number {
  for (let k = from; k < to; k++) {
    if (b[k] === letter && b[k + 1] === EQUALS && (b[k - 1] ?? 32) <= 32) return k + 3;
  }
  return -1;
}

/** Position of the closing tag `</prefix:name>` matching an open tag, or the end of the buffer. */
function findClose(b: Uint8Array, from: number, tagStart: number, nameStart: number, name: string): number {
  const pattern: number[] = [LT, SLASH];
  for (let k = tagStart; k < nameStart; k++) pattern.push(b[k] ?? 0);
  for (let k = 0; k < name.length; k++) pattern.push(name.charCodeAt(k));
  const at = findBytes(b, new Uint8Array(pattern), from);
  return at < 0 ? b.length : at;
}
