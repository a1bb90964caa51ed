// The fast path: a byte-level scanner over a worksheet part (SpreadsheetML `<sheetData>`).
// It never decodes the whole part to a string; it jumps from `<` to `<` with Uint8Array.indexOf
// (native), reads only the attributes it needs (r, s, t), and decodes text only for cells whose
// value is inline text. Numbers and shared-string indexes are ASCII and parsed from the bytes.
// One file (about 700 lines) on purpose: the hot loop (scanRows) and the cell readers it calls share the byte
// constants, one reused CellTag and the fast path's result codes; apart, they would export a dozen internals
// nothing else uses (docs/performance.md measures the scanner as one piece).
import { CellStore } from "./cells";
import type { CellProblem, CellValue } from "./types";
import { TextInterner } from "./intern";
import { stringItemText, xmlText } from "./xml";

export interface SheetScanOptions {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** Stop after this many rows; the result says it was truncated. */
  maxRows: number;
  /**
   * Called once, when the first TOP_ROWS rows are in the store: the columns whose text the caller will read
   * (a mask by column index), or null for all. Below the top rows, text in other columns is not decoded: the
   * cell keeps only whether it is blank (see scanRows). Without it every cell is read in full.
   */
  columnsToRead?: (top: CellStore) => Uint8Array | null;
}

export interface ScannedSheet {
  cells: CellStore;
  merges: string[];
  /** True when the sheet had more rows than maxRows (cells holds the first maxRows). */
  truncated: boolean;
  /** Cells that hold a formula error (#N/A, #REF!...) or a formula with no saved value; read as blank. */
  problems: CellProblem[];
  /**
   * When columnsToRead chose columns: the mask, and the first row whose other columns' text was not decoded
   * (text there is a stand-in of the same blankness). Absent when every cell was read in full.
   */
  skipped?: { columns: Uint8Array; fromRow: number };
  /**
   * How many cells the fast path read (the general reader read the rest). Every common writer's usual cells
   * should be read by it: a cell it declines is read alike, several times slower (docs/performance.md).
   */
  fastCells: number;
}

/** The rows columnsToRead is given (the header search's: recognise.ts looks no further down for the header). */
export const TOP_ROWS = 40;
/** What a text cell in a column nobody reads holds instead of its text (blank text stays ""). */
export const UNREAD_TEXT = "\u0000unread";

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
  if (len === 1)
    return c0 === 115 /* s */
      ? T_SHARED
      : c0 === 98 /* b */
        ? T_BOOL
        : c0 === 101 /* e */
          ? T_ERROR
          : c0 === 100 /* d */
            ? T_DATE
            : T_NUMBER;
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

/** What readCellTag, readPlainCell or readCell found about a cell (one object, reused for every cell). */
interface CellTag {
  col: number;
  type: number;
  style: number;
  /** The integer in <v>, for a cell read by readPlainCell. */
  value: number;
  /** The bytes of a FAST_TEXT cell's text (plain: nothing to decode), interned by the caller. */
  textFrom: number;
  textTo: number;
  /** Whether that text may hold an entity or an `_xHHHH_` escape (decoded as the general reader does). */
  textEscaped: boolean;
  /** Index just past the tag's `>` (readCellTag), or past the whole cell (readPlainCell, readCell). */
  end: number;
  selfClosing: boolean;
  /** What readCell found: the shared-string index (or -1), else the value, else a problem. */
  shared: number;
  content: CellValue;
  problem: string | null;
}

/** Reads the start tag of a cell, `<c r="B7" s="3" t="s">`, from just after its name. */
function readCellTag(b: Uint8Array, from: number, tag: CellTag): void {
  const n = b.length;
  tag.col = -1;
  tag.type = T_NUMBER;
  tag.style = 0;
  tag.selfClosing = false;
  let k = from;
  while (k < n) {
    let c = b[k];
    while (c === 32 || c === 9 || c === 10 || c === 13) c = b[++k];
    if (c === GT) break;
    if (c === SLASH) {
      tag.selfClosing = true;
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
      if (a === 114 /* r */) tag.col = columnOf(b, vs, ve);
      else if (a === 116 /* t */) tag.type = cellType(b, vs, ve);
      else if (a === 115 /* s */) tag.style = parseNumber(b, vs, ve);
    }
    k = ve + 1;
  }
  tag.end = k + 1;
}

/** What readFastCell found (FAST_NONE: not a cell it reads; the general reader reads it). */
const FAST_NONE = 0;
const FAST_EMPTY = 1; // <c .../> : no value
const FAST_SHARED = 2; // tag.value: shared-string index
const FAST_NUMBER = 3; // tag.value: the number
const FAST_TEXT = 4; // tag.textFrom..textTo: plain text, for the caller to intern
const FAST_BOOL = 5; // tag.value: 1 or 0

/** Powers of ten that are exact doubles, for decimals read as integer / 10^k (one correctly rounded division). */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The usual cells of every common writer, read in one pass with fixed-offset checks and no allocation:
 * `<c r="B7" s="3" t="s"><v>12</v></c>` with any of r (omitted: the next column), s and t (s, n, str,
 * inlineStr, b) in that order; a value that is a number (integers and plain decimals of up to 15 digits
 * as integer / 10^k, anything longer or with an exponent as the general reader parses it), a
 * shared-string index, a 0/1 boolean, or text in `<v>` (t="str") or `<is><t>` (inline strings), entities
 * and escapes included; and the empty styled cell `<c r="B7" s="3"/>`. Text is left for the caller to
 * intern (a value repeated down the sheet is decoded once) or to skip. Anything else (a namespace prefix,
 * formulas, rich inline text, other attributes) returns FAST_NONE and the general reader reads the cell.
 */
function readFastCell(b: Uint8Array, lt: number, tag: CellTag): number {
  let k = lt + 2;
  let c = b[k] ?? 0;
  let col = -1;
  if (c === 32 && b[k + 1] === 114 /* r */) {
    if (b[k + 2] !== EQUALS || b[k + 3] !== QUOTE) return FAST_NONE;
    k += 4;
    c = b[k] ?? 0;
    col = 0;
    while (c >= 65 && c <= 90) {
      col = col * 26 + (c - 64);
      c = b[++k] ?? 0;
    }
    while (c >= 48 && c <= 57) c = b[++k] ?? 0;
    if (col === 0 || c !== QUOTE) return FAST_NONE;
    col -= 1;
    c = b[++k] ?? 0;
  }
  let style = 0;
  if (c === 32 && b[k + 1] === 115 /* s */ && b[k + 2] === EQUALS && b[k + 3] === QUOTE) {
    k += 4;
    const from = k;
    c = b[k] ?? 0;
    while (c >= 48 && c <= 57) {
      style = style * 10 + (c - 48);
      c = b[++k] ?? 0;
    }
    if (k === from || c !== QUOTE) return FAST_NONE;
    c = b[++k] ?? 0;
  }
  let type = T_NUMBER;
  if (c === 32 && b[k + 1] === 116 /* t */ && b[k + 2] === EQUALS && b[k + 3] === QUOTE) {
    const t0 = b[k + 4];
    if (b[k + 5] === QUOTE) {
      if (t0 === 115 /* s */) type = T_SHARED;
      else if (t0 === 98 /* b */) type = T_BOOL;
      else if (t0 !== 110 /* n */) return FAST_NONE;
      k += 6;
    } else if (t0 === 115 && b[k + 5] === 116 && b[k + 6] === 114 && b[k + 7] === QUOTE) {
      type = T_STR;
      k += 8;
    } else if (t0 === 105 /* i */ && b[k + 5] === 110 && b[k + 13] === QUOTE && b[k + 12] === 114 && b[k + 9] === 101) {
      type = T_INLINE; // inlineStr
      k += 14;
    } else return FAST_NONE;
    c = b[k] ?? 0;
  }
  tag.col = col;
  tag.type = type;
  tag.style = style;
  if (c === SLASH) {
    if (b[k + 1] !== GT) return FAST_NONE;
    tag.end = k + 2;
    return FAST_EMPTY;
  }
  if (c !== GT || b[k + 1] !== LT) return FAST_NONE;
  if (type === T_INLINE) {
    // <is><t>text</t></is></c>
    if (
      b[k + 2] !== 105 ||
      b[k + 3] !== 115 ||
      b[k + 4] !== GT ||
      b[k + 5] !== LT ||
      b[k + 6] !== 116 ||
      b[k + 7] !== GT
    )
      return FAST_NONE;
    const from = k + 8;
    const to = textEnd(b, from, tag);
    if (to < 0) return FAST_NONE;
    // </t></is></c>
    if (
      b[to + 1] !== SLASH ||
      b[to + 2] !== 116 ||
      b[to + 3] !== GT ||
      b[to + 4] !== LT ||
      b[to + 5] !== SLASH ||
      b[to + 6] !== 105 ||
      b[to + 7] !== 115 ||
      b[to + 8] !== GT
    )
      return FAST_NONE;
    if (b[to + 9] !== LT || b[to + 10] !== SLASH || b[to + 11] !== 99 || b[to + 12] !== GT) return FAST_NONE;
    tag.textFrom = from;
    tag.textTo = to;
    tag.end = to + 13;
    return FAST_TEXT;
  }
  if (b[k + 2] !== 118 /* v */ || b[k + 3] !== GT) return FAST_NONE;
  const from = k + 4;
  let kind: number;
  let to: number;
  if (type === T_STR) {
    to = textEnd(b, from, tag);
    if (to < 0) return FAST_NONE;
    kind = FAST_TEXT;
  } else {
    k = from;
    c = b[k] ?? 0;
    const negative = c === 45; /* - */
    if (negative) c = b[++k] ?? 0;
    const digitsFrom = k;
    let value = 0;
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = b[++k] ?? 0;
    }
    let digits = k - digitsFrom;
    if (c === 46 /* . */ && type === T_NUMBER) {
      c = b[++k] ?? 0;
      const fractionFrom = k;
      while (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        c = b[++k] ?? 0;
      }
      const places = k - fractionFrom;
      digits += places;
      if (places === 0) return FAST_NONE;
      // Up to 15 digits is an exact integer; divided by an exact power of ten it is the nearest double, as Number() gives.
      value /= POW10[places] ?? NaN;
    }
    if (digits === 0) return FAST_NONE;
    if (digits > 15 || c !== LT) {
      // Longer numbers (JavaScript writers' 26043.739999999998) and exponents: to the `<`, parsed as the
      // general reader parses them; anything that is not a number is left to it.
      if (type !== T_NUMBER) return FAST_NONE;
      while (c !== LT && k < b.length) c = b[++k] ?? 0;
      if (c !== LT) return FAST_NONE;
      const parsed = parseNumber(b, from, k);
      if (Number.isNaN(parsed)) return FAST_NONE;
      value = negative ? -parsed : parsed; // negated again below
    }
    to = k;
    if (type === T_SHARED) {
      if (negative) return FAST_NONE;
      kind = FAST_SHARED;
    } else if (type === T_BOOL) {
      if (negative || digits !== 1 || value > 1) return FAST_NONE;
      kind = FAST_BOOL;
    } else kind = FAST_NUMBER;
    tag.value = negative ? -value : value;
  }
  // </v></c>
  if (
    b[to + 1] !== SLASH ||
    b[to + 2] !== 118 ||
    b[to + 3] !== GT ||
    b[to + 4] !== LT ||
    b[to + 5] !== SLASH ||
    b[to + 6] !== 99 ||
    b[to + 7] !== GT
  )
    return FAST_NONE;
  tag.textFrom = from;
  tag.textTo = to;
  tag.end = to + 8;
  return kind;
}

/**
 * Index of the `<` ending text that starts at `from` (-1: none in the buffer); tag.textEscaped says whether the
 * text may hold an entity (`&amp;`) or an `_xHHHH_` escape to decode.
 */
function textEnd(b: Uint8Array, from: number, tag: CellTag): number {
  const n = b.length;
  let escaped = false;
  for (let k = from; k < n; k++) {
    const c = b[k];
    if (c === LT) {
      tag.textEscaped = escaped;
      return k;
    }
    if (c === 38 /* & */ || c === 95 /* _ */) escaped = true;
  }
  return -1;
}

/**
 * The value of `<v>` text (bytes s..e) for a cell of the given type. A date-formatted number stays a
 * number here: the store turns it into a date when (and only if) the cell is read.
 */
function cellValue(b: Uint8Array, s: number, e: number, type: number): CellValue {
  switch (type) {
    case T_SHARED: // the caller keeps the index
    case T_ERROR: // the caller reads the error text (errorTextOf)
      return null;
    case T_BOOL:
      return b[s] === 49 /* 1 */ || ascii(b, s, e) === "true";
    case T_STR:
    case T_INLINE:
      return xmlText(utf8.decode(b.subarray(s, e)));
    case T_DATE:
      return ascii(b, s, e).trim();
    default: {
      if (s === e) return null;
      const num = parseNumber(b, s, e);
      return Number.isNaN(num) ? xmlText(utf8.decode(b.subarray(s, e))) : num;
    }
  }
}

function errorTextOf(b: Uint8Array, s: number, e: number): string {
  return xmlText(utf8.decode(b.subarray(s, Math.min(e, s + 32)))).trim() || "#ERROR";
}

/** scanRows' answer when the part ended without `</sheetData>`, and when the sheet had more than maxRows rows. */
const NO_SHEET_DATA_END = -1;
const TRUNCATED = -2;

/** Scans a worksheet part (all of it in memory) into rows of cells. */
export function scanSheet(b: Uint8Array, opts: SheetScanOptions): ScannedSheet {
  return scanSheetStream((consume) => void consume(b, 0, b.length, true), b.length, opts);
}

/**
 * Where the scan of a streamed part has got to, kept between slices. The interner lives as long as the
 * sheet: a text repeated down the sheet is decoded once, whichever slice it is in.
 */
interface ScanState {
  i: number;
  inRow: boolean;
  rowNum: number;
  nextCol: number;
  interner: TextInterner;
  /** Columns whose text is read (null: all), once chosen; `choose` is pending until then. */
  keep: Uint8Array | null;
  choose: ((top: CellStore) => Uint8Array | null) | null;
  /** The first row read with `keep` (-1 before it was chosen). */
  keepFrom: number;
  /** The store's numbers for "" and UNREAD_TEXT (added when a column is first skipped). */
  blankText: number;
  unreadText: number;
  fastCells: number;
}

/**
 * Scans a worksheet part as it is inflated (see readEntryStream): each slice's complete rows are read into the
 * store and let go, so only the cells are kept, never the part's XML. `read` calls `consume` with the bytes not
 * yet consumed; `expectedBytes` (the part's size) sizes the store.
 */
export function scanSheetStream(
  read: (consume: (b: Uint8Array, start: number, stop: number, final: boolean) => number) => void,
  expectedBytes: number,
  opts: SheetScanOptions,
): ScannedSheet {
  // A cell is rarely under 25 bytes of XML (<c r="A1" t="s"><v>0</v></c>): size the store from that.
  const cells = new CellStore(opts.sharedStrings, Math.ceil(expectedBytes / 25), opts.date1904);
  const problems: CellProblem[] = [];
  const state: ScanState = {
    i: 0,
    inRow: false,
    rowNum: 0,
    nextCol: 0,
    interner: new TextInterner(),
    keep: null,
    choose: opts.columnsToRead ?? null,
    keepFrom: -1,
    blankText: -1,
    unreadText: -1,
    fastCells: 0,
  };
  let plen = -1;
  let end = NO_SHEET_DATA_END;
  let done = false;
  /** How far past `start` the last search for a row's end went without finding one (so no byte is searched twice). */
  let searched = 0;
  const tail: Uint8Array[] = [];
  read((b, start, stop, final) => {
    if (done) {
      if (end >= 0) tail.push(b.slice(start, stop));
      return stop;
    }
    if (plen < 0) {
      // The root element's prefix is known once the part has come as far as <sheetData>.
      if (!final && findBytes(b.subarray(start, stop), SHEET_DATA, 0) < 0) return start;
      plen = rootPrefixLength(b.subarray(start, stop));
    }
    const cut = final ? stop : lastRowEnd(b, Math.max(start, start + searched - 16), stop, plen);
    if (cut < 0) {
      searched = stop - start;
      return start;
    }
    searched = 0;
    state.i = start;
    const r = scanRows(b, cut, plen, cells, problems, opts, state);
    if (r === NO_SHEET_DATA_END && !final) return cut;
    done = true;
    end = r;
    if (r >= 0) tail.push(b.slice(r, stop));
    return stop;
  });
  const merges: string[] = [];
  if (end >= 0) {
    let text = "";
    for (const part of tail) text += utf8.decode(part, { stream: true });
    text += utf8.decode();
    const re = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref\s*=\s*["']([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)["']/g;
    for (let m = re.exec(text); m; m = re.exec(text)) merges.push((m[1] ?? "").toUpperCase());
  }
  return {
    cells,
    merges,
    truncated: end === TRUNCATED,
    problems,
    fastCells: state.fastCells,
    ...(state.keep !== null ? { skipped: { columns: state.keep, fromRow: state.keepFrom } } : {}),
  };
}

const SHEET_DATA = new TextEncoder().encode("sheetData");

/** Index just past the last `</row>` (or `</x:row>`) in b[from..to), or -1 when there is none. */
function lastRowEnd(b: Uint8Array, from: number, to: number, plen: number): number {
  for (let k = b.lastIndexOf(GT, to - 1); k >= from + 5 + plen; k = b.lastIndexOf(GT, k - 1)) {
    if (b[k - 1] === 119 && b[k - 2] === 111 && b[k - 3] === 114 && b[k - 4 - plen] === SLASH && b[k - 5 - plen] === LT)
      return k + 1;
  }
  return -1;
}

/**
 * The loop over `<sheetData>`: rows and cells into the store. Returns the index just past `</sheetData>`,
 * NO_SHEET_DATA_END or TRUNCATED. Its state lives in locals, which V8 keeps in registers, and it leaves
 * through a local alone, so its optimised code is not thrown away at the end of each sheet; cells that are
 * not the usual kind are read by readCell, a function of their own.
 */
function scanRows(
  b: Uint8Array,
  to: number,
  plen: number,
  cells: CellStore,
  problems: CellProblem[],
  opts: SheetScanOptions,
  state: ScanState,
): number {
  const { maxRows, dateStyles } = opts;
  const sharedCount = opts.sharedStrings.length;
  const tag: CellTag = {
    col: -1,
    type: T_NUMBER,
    style: 0,
    value: 0,
    textFrom: 0,
    textTo: 0,
    textEscaped: false,
    end: 0,
    selfClosing: false,
    shared: -1,
    content: null,
    problem: null,
  };
  const interner = state.interner;
  let keep = state.keep;
  const n = to;
  let inRow = state.inRow;
  let rowNum = state.rowNum;
  let nextCol = state.nextCol;
  let fastCells = state.fastCells;
  let end = NO_SHEET_DATA_END;
  let i = state.i;
  for (;;) {
    // Manual scans beat indexOf here: tags are a few bytes apart and builtin calls cost more.
    let lt = i;
    while (lt < n && b[lt] !== LT) lt++;
    if (lt >= n) break;
    const first = b[lt + 1];
    if (first === SLASH) {
      // Closing tags: </row> and </sheetData>; everything else is skipped.
      const ns = lt + 2 + plen;
      if (b[ns] === 114 /* r */ && b[ns + 1] === 111 && b[ns + 2] === 119 && b[ns + 3] === GT) {
        inRow = false;
        i = ns + 4;
        continue;
      }
      i = lt + 2;
      if (isSheetDataEnd(b, ns)) {
        end = i;
        break;
      }
      continue;
    }
    if (first === 33 /* ! */ || first === 63 /* ? */) {
      i = skipMarkup(b, lt);
      continue;
    }
    const ns = lt + 1 + plen;
    const c0 = b[ns];

    if (c0 === 99 /* c */ && isTerminator(b[ns + 1])) {
      let col: number;
      let shared = -1;
      let number = 0;
      let content: CellValue = null;
      let problem: string | null = null;
      let isNumber = false;
      let text = -1;
      let digits = -1;
      const fast = plen === 0 ? readFastCell(b, lt, tag) : FAST_NONE;
      if (fast !== FAST_NONE) {
        fastCells++;
        col = tag.col < 0 ? nextCol : tag.col;
        if (fast === FAST_SHARED) {
          if (tag.value < sharedCount) shared = tag.value;
          else problem = SHARED_STRING_MISSING;
        } else if (fast === FAST_NUMBER) {
          number = tag.value;
          isNumber = true;
        } else if (fast === FAST_TEXT) {
          // Text in a column nobody reads (below the top rows) is not decoded: only its blankness is kept.
          if (keep === null || keep[col] === 1) {
            digits = digitsValue(b, tag.textFrom, tag.textTo);
            if (digits < 0) text = interner.intern(b, tag.textFrom, tag.textTo, tag.textEscaped, cells, col);
          } else text = unreadText(state, cells, tag.textFrom === tag.textTo);
        } else if (fast === FAST_BOOL) content = tag.value === 1;
      } else {
        readCell(b, ns, plen, tag, sharedCount);
        col = tag.col < 0 ? nextCol : tag.col;
        shared = tag.shared;
        content = tag.content;
        problem = tag.problem;
        if (typeof content === "number") {
          number = content;
          isNumber = true;
        }
      }
      i = tag.end;
      nextCol = col + 1;
      if (shared < 0 && !isNumber && text < 0 && digits < 0 && content === null && problem === null) continue;
      if (!inRow) {
        // A cell outside any <row>: attach to a new row so nothing is lost.
        rowNum += 1;
        if (rowNum > maxRows) {
          end = TRUNCATED;
          break;
        }
        cells.beginRow();
        inRow = true;
      }
      if (problem !== null) {
        // The cell stays blank; the records reader reports the row (file, sheet, row, column).
        problems.push({ row: cells.rowCount - 1, col, problem });
      } else if (shared >= 0) cells.pushShared(col, shared);
      else if (text >= 0) cells.pushText(col, text);
      else if (digits >= 0) cells.pushDigits(col, digits);
      else if (isNumber) {
        if (tag.type === T_NUMBER && dateStyles[tag.style]) cells.pushDate(col, number);
        else cells.pushNumber(col, number);
      } else cells.pushValue(col, content);
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
        end = TRUNCATED;
        break;
      }
      if (r > TOP_ROWS && state.choose !== null) keep = chooseColumns(cells, state);
      while (cells.rowCount < r) cells.beginRow();
      rowNum = r;
      inRow = b[gt - 1] !== SLASH;
      nextCol = 0;
      continue;
    }
    i = lt + 1;
  }
  state.i = i;
  state.inRow = inRow;
  state.rowNum = rowNum;
  state.nextCol = nextCol;
  state.fastCells = fastCells;
  return end;
}

/**
 * The value of a text of 1 to 15 ASCII digits without a leading zero (or "0"), which the store keeps as a number
 * and reads back as the same text; -1 for any other text (interned as text).
 */
function digitsValue(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len < 1 || len > 15 || (b[s] === 48 && len > 1)) return -1;
  let value = 0;
  for (let k = s; k < e; k++) {
    const d = (b[k] ?? 0) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Once the top rows are in: asks which columns' text to read (a function of its own: it runs once). */
function chooseColumns(cells: CellStore, state: ScanState): Uint8Array | null {
  while (cells.rowCount < TOP_ROWS) cells.beginRow();
  const choose = state.choose;
  state.choose = null;
  state.keep = choose === null ? null : choose(cells);
  state.keepFrom = cells.rowCount;
  return state.keep;
}

/** The store's number for a text that is not read: "" for blank text, UNREAD_TEXT otherwise. */
function unreadText(state: ScanState, cells: CellStore, blank: boolean): number {
  if (state.unreadText < 0) {
    state.blankText = cells.addText("");
    state.unreadText = cells.addText(UNREAD_TEXT);
  }
  return blank ? state.blankText : state.unreadText;
}

/**
 * Reads any cell the fast path does not (prefixed names, formulas, decimals, inline text, errors), from
 * its tag name (at `from`) to `</c>`: what it holds goes in tag.shared, tag.content or tag.problem, and
 * tag.end is where the scan goes on.
 */
function readCell(b: Uint8Array, from: number, plen: number, tag: CellTag, sharedCount: number): void {
  readCellTag(b, from + 1, tag);
  tag.shared = -1;
  tag.content = null;
  tag.problem = null;
  if (tag.selfClosing) return;
  const n = b.length;
  const type = tag.type;
  let i = tag.end;
  // The cell's content, up to </c>: <v>, <f> and <is>; anything else is skipped.
  let hasFormula = false;
  for (;;) {
    let at = i;
    while (at < n && b[at] !== LT) at++;
    if (at >= n) {
      i = n;
      break;
    }
    const f = b[at + 1];
    const cs = at + 1 + plen;
    if (f === SLASH) {
      const ce = cs + 1;
      if (b[ce] === 99 /* c */ && b[ce + 1] === GT) {
        i = ce + 2;
        break;
      }
      if (isRowOrSheetDataEnd(b, ce)) {
        i = at; // the row ended before the cell was closed
        break;
      }
      i = at + 2;
      continue;
    }
    if (f === 33 || f === 63) {
      i = skipMarkup(b, at);
      continue;
    }
    const e0 = b[cs];
    if (e0 === 118 /* v */ && b[cs + 1] === GT) {
      let vEnd = cs + 2;
      while (vEnd < n && b[vEnd] !== LT) vEnd++;
      if (type === T_ERROR) tag.problem = errorTextOf(b, cs + 2, vEnd);
      else if (type === T_SHARED) {
        const index = parseNumber(b, cs + 2, vEnd);
        if (index >= 0 && index < sharedCount) tag.shared = index;
        else tag.problem = SHARED_STRING_MISSING;
      } else tag.content = cellValue(b, cs + 2, vEnd, type);
      // The usual "</v></c>": the cell is done without two more trips round the loop.
      const close = vEnd + 2 + plen;
      if (
        b[vEnd + 1] === SLASH &&
        b[close] === 118 &&
        b[close + 1] === GT &&
        b[close + 2] === LT &&
        b[close + 3] === SLASH &&
        b[close + 4 + plen] === 99 &&
        b[close + 5 + plen] === GT
      ) {
        i = close + 6 + plen;
        break;
      }
      i = vEnd;
      continue;
    }
    if (e0 === 102 /* f */ && isTerminator(b[cs + 1])) {
      // <f>SUM(A1:A9)</f> or <f t="shared" si="0"/>: the result, if saved, follows in <v>.
      hasFormula = true;
      i = cs + 1;
      continue;
    }
    if (e0 === 105 /* i */ && b[cs + 1] === 115 /* s */ && isTerminator(b[cs + 2])) {
      // Inline string: <is><t>text</t></is> or rich runs.
      const gt = b.indexOf(GT, cs + 2);
      if (gt < 0) {
        i = n;
        break;
      }
      if (b[gt - 1] === SLASH) {
        tag.content = "";
        i = gt + 1;
        continue;
      }
      const close = findClose(b, gt + 1, at + 1, cs, "is");
      tag.content = stringItemText(utf8.decode(b.subarray(gt + 1, close)));
      i = close;
      continue;
    }
    if (
      (e0 === 99 /* c */ && isTerminator(b[cs + 1])) ||
      (e0 === 114 /* r */ && b[cs + 1] === 111 && b[cs + 2] === 119 && isTerminator(b[cs + 3]))
    ) {
      i = at; // the next cell or row began before this one was closed
      break;
    }
    i = at + 1;
  }
  tag.end = i;
  if (tag.problem === null && hasFormula && tag.content === null && tag.shared < 0) tag.problem = NO_SAVED_VALUE;
}

/** Whether the closing tag whose name starts at k is </row> or </sheetData>. */
function isRowOrSheetDataEnd(b: Uint8Array, k: number): boolean {
  if (b[k] === 114 /* r */) return b[k + 1] === 111 && b[k + 2] === 119 && b[k + 3] === GT;
  return isSheetDataEnd(b, k);
}

function isSheetDataEnd(b: Uint8Array, k: number): boolean {
  return b[k] === 115 /* s */ && b[k + 1] === 104 && b[k + 5] === 68 && b[k + 9] === GT;
}

/** Index just past a comment (`-->`), processing instruction (`?>`) or other `<!` markup (`>`) starting at lt. */
function skipMarkup(b: Uint8Array, lt: number): number {
  const first = b[lt + 1];
  const close = first === 33 && b[lt + 2] === 45 ? COMMENT_END : first === 63 ? PI_END : MARKUP_END;
  const end = findBytes(b, close, lt + 2);
  return end < 0 ? b.length : end + close.length;
}

const COMMENT_END = new Uint8Array([45, 45, 62]);
const PI_END = new Uint8Array([63, 62]);
const MARKUP_END = new Uint8Array([GT]);
/** CellProblem.problem for a formula saved without its result (written by a script, never calculated). */
export const NO_SAVED_VALUE = "no-saved-value";
/** A shared-string cell whose index is past the end of the shared string table (a damaged file). */
export const SHARED_STRING_MISSING = "shared-string-missing";

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
