// A sheet's cells in typed arrays: per row, its cells' columns, kinds and values, one after another
// (compressed sparse rows). No object per row or per cell, so a sheet of a million cells is a few
// arrays the garbage collector never has to walk, and a blank cell costs nothing.
import { serialToIso } from "./parts";
import { grow } from "./typed-arrays";
import type { CellValue, GridSheet } from "./types";

const SHARED = 0; // value: index into the shared strings
const NUMBER = 1;
const TRUE = 2;
const FALSE = 3;
const TEXT = 4; // value: index into the store's own strings
const DATE = 5; // value: an Excel serial date in a date-formatted cell; read as ISO text
const DIGITS = 6; // value: a text of digits only (no leading zero), read back as that text

/** Direct-mapped cache of serial -> ISO text: dates repeat, and formatting them is the slow part. */
const DATE_CACHE_SIZE = 1 << 15;

/** Merged cells filled from their top-left value, keyed by row * COLUMN_SPAN + column. */
const COLUMN_SPAN = 2 ** 21;

export class CellStore {
  /** rowStart[r] is the index of row r's first cell; its cells run to the next row's first (or size). */
  private rowStart: Int32Array;
  private rows = 0;
  private cols: Int32Array;
  private kinds: Uint8Array;
  private values: Float64Array;
  private size = 0;
  /** Column of the current row's last cell (-1 before its first). */
  private lastCol = -1;
  private readonly texts: string[] = [];
  private merged: Map<number, CellValue> | null = null;
  /** The last row with a merged fill: rows below it skip the lookup (whose key would overflow a small integer). */
  private mergedLastRow = -1;
  /** Width of each row that has merged cells past its own last cell. */
  private mergedWidth: Map<number, number> | null = null;
  private dateKeys: Float64Array | null = null;
  private dateTexts: (string | null)[] = [];

  /** `expectedCells` sizes the arrays up front (they grow past it if needed). */
  constructor(
    private readonly shared: readonly string[] = [],
    expectedCells = 1024,
    private readonly date1904 = false,
  ) {
    const capacity = Math.max(64, Math.min(expectedCells, 1 << 26));
    this.cols = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.values = new Float64Array(capacity);
    // Rows of an extract hold a few cells or more: two per row is room enough (untouched room costs no memory).
    this.rowStart = new Int32Array(Math.max(64, capacity >> 1));
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Starts the next row (rows are numbered from 0 in the order they are begun). */
  beginRow(): void {
    if (this.rows >= this.rowStart.length) this.rowStart = grow(this.rowStart, Math.max(64, this.rowStart.length * 2));
    this.rowStart[this.rows++] = this.size;
    this.lastCol = -1;
  }

  /** Adds a cell to the current row. */
  pushShared(col: number, index: number): void {
    this.push(col, SHARED, index);
  }

  pushNumber(col: number, value: number): void {
    this.push(col, NUMBER, value);
  }

  /** A number in a date-formatted cell: read back as an ISO date (or the number, if out of range). */
  pushDate(col: number, serial: number): void {
    this.push(col, DATE, serial);
  }

  /** Adds a text to the store's own strings (not yet to any cell) and returns its number for pushText. */
  addText(text: string): number {
    this.texts.push(text);
    return this.texts.length - 1;
  }

  /**
   * Adds a text cell of 1 to 15 ASCII digits without a leading zero ("0" itself allowed), given as its value:
   * read back as the same text (String(value) is exactly those digits). Employee and assignment numbers written
   * as text are unique per row; held this way they cost no decode, no string and no interning while scanning.
   */
  pushDigits(col: number, value: number): void {
    this.push(col, DIGITS, value);
  }

  /** Adds a cell holding a text added before with addText (a text repeated down a sheet is stored once). */
  pushText(col: number, textIndex: number): void {
    this.push(col, TEXT, textIndex);
  }

  pushValue(col: number, value: CellValue): void {
    if (value === null) return;
    if (typeof value === "number") this.push(col, NUMBER, value);
    else if (typeof value === "boolean") this.push(col, value ? TRUE : FALSE, 0);
    else {
      this.texts.push(value);
      this.push(col, TEXT, this.texts.length - 1);
    }
  }

  private push(col: number, kind: number, value: number): void {
    const at = this.size;
    if (col > this.lastCol && at < this.cols.length && this.rows > 0) {
      this.cols[at] = col;
      this.kinds[at] = kind;
      this.values[at] = value;
      this.size = at + 1;
      this.lastCol = col;
      return;
    }
    this.pushSlow(col, kind, value);
  }

  /** A first cell outside any row, a full store, or a column at or left of the row's last (a writer that repeats or reorders cells). */
  private pushSlow(col: number, kind: number, value: number): void {
    if (this.rows === 0) this.beginRow();
    if (this.size >= this.cols.length) this.reserve(this.size + 1);
    const start = this.rowStart[this.rows - 1]!;
    if (col <= this.lastCol) {
      const k = this.find(start, this.size, col);
      if (k >= 0) {
        // The later value wins, as it does in Excel.
        this.kinds[k] = kind;
        this.values[k] = value;
        return;
      }
    }
    let k = this.size;
    while (k > start && this.cols[k - 1]! > col) {
      this.cols[k] = this.cols[k - 1]!;
      this.kinds[k] = this.kinds[k - 1]!;
      this.values[k] = this.values[k - 1]!;
      k--;
    }
    this.cols[k] = col;
    this.kinds[k] = kind;
    this.values[k] = value;
    this.size++;
    this.lastCol = Math.max(this.lastCol, col);
  }

  private reserve(n: number): void {
    const capacity = Math.max(n, Math.ceil(this.cols.length * 1.5));
    this.cols = grow(this.cols, capacity);
    this.kinds = grow(this.kinds, capacity);
    this.values = grow(this.values, capacity);
  }

  private rowEnd(r: number): number {
    return r + 1 < this.rows ? this.rowStart[r + 1]! : this.size;
  }

  private find(from: number, to: number, col: number): number {
    // Rows are usually dense from column A: look where the column would be first.
    const guess = from + col;
    if (guess < to && this.cols[guess] === col) return guess;
    let lo = from;
    let hi = to - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.cols[mid]!;
      if (c === col) return mid;
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The cell at row r, column c (both from 0), or null when blank or outside the sheet (a column of -1 is none). */
  get(r: number, c: number): CellValue {
    if (c < 0) return null;
    if (r >= 0 && r < this.rows) {
      const k = this.find(this.rowStart[r]!, this.rowEnd(r), c);
      if (k >= 0) {
        const v = this.values[k]!;
        switch (this.kinds[k]) {
          case SHARED:
            return this.shared[v] ?? null;
          case NUMBER:
            return v;
          case TRUE:
            return true;
          case FALSE:
            return false;
          case DATE:
            return this.date(v);
          case DIGITS:
            return String(v);
          default:
            return this.texts[v] ?? null;
        }
      }
    }
    return this.merged === null || r > this.mergedLastRow ? null : (this.merged.get(r * COLUMN_SPAN + c) ?? null);
  }

  private date(serial: number): string | number {
    if (this.dateKeys === null) {
      this.dateKeys = new Float64Array(DATE_CACHE_SIZE).fill(NaN);
      this.dateTexts = new Array<string | null>(DATE_CACHE_SIZE).fill(null);
    }
    const keys = this.dateKeys;
    const slot = (serial | 0) & (DATE_CACHE_SIZE - 1);
    if (keys[slot] !== serial) {
      keys[slot] = serial;
      this.dateTexts[slot] = serialToIso(serial, this.date1904);
    }
    return this.dateTexts[slot] ?? serial;
  }

  /** One more than the last column with a cell on row r (0 for a blank row). */
  width(r: number): number {
    let w = 0;
    if (r >= 0 && r < this.rows) {
      const end = this.rowEnd(r);
      if (end > this.rowStart[r]!) w = this.cols[end - 1]! + 1;
    }
    return this.mergedWidth === null ? w : Math.max(w, this.mergedWidth.get(r) ?? 0);
  }

  /** Whether row r has a cell that is not blank (an empty string is blank). */
  hasValue(r: number): boolean {
    if (r < 0 || r >= this.rows) return false;
    // The row's own cells, read from the arrays (this runs on every row of every sheet).
    for (let k = this.rowStart[r]!, end = this.rowEnd(r); k < end; k++) {
      const kind = this.kinds[k];
      if (kind === SHARED) {
        if (this.shared[this.values[k]!] !== "") return true;
      } else if (kind !== TEXT || this.texts[this.values[k]!] !== "") return true;
    }
    if (this.merged === null || r > this.mergedLastRow) return false;
    for (let c = 0, w = this.width(r); c < w; c++) {
      const v = this.get(r, c);
      if (v !== null && v !== "") return true;
    }
    return false;
  }

  /** Row r's cells as an array (blank cells null), for the readers that work on small sheets. */
  row(r: number): CellValue[] {
    const out: CellValue[] = new Array<CellValue>(this.width(r));
    for (let c = 0; c < out.length; c++) out[c] = this.get(r, c);
    return out;
  }

  /** Every row as an array, for callers that want the whole grid (small sheets: plans, tests). */
  toRows(): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < this.rows; r++) out.push(this.row(r));
    return out;
  }

  /**
   * Every row as a sparse array: only cells that hold something are set, so a row with one cell in
   * column XFD is one element, not 16,384 (toRows would build them all). `length` is still the width.
   */
  toSparseRows(): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: CellValue[] = [];
      for (let k = this.rowStart[r]!, end = this.rowEnd(r); k < end; k++) {
        const c = this.cols[k]!;
        const value = this.get(r, c);
        if (value !== null) row[c] = value;
      }
      out.push(row);
    }
    if (this.merged !== null) {
      for (const [key, value] of this.merged) {
        const r = Math.floor(key / COLUMN_SPAN);
        const row = out[r];
        if (row && row[key % COLUMN_SPAN] === undefined) row[key % COLUMN_SPAN] = value;
      }
    }
    for (let r = 0; r < this.rows; r++) out[r]!.length = this.width(r);
    return out;
  }

  /** Lets the cells go once they have been read: the store is empty afterwards (and its sheet's plan keeps its shape). */
  release(): void {
    this.rowStart = new Int32Array(0);
    this.cols = new Int32Array(0);
    this.kinds = new Uint8Array(0);
    this.values = new Float64Array(0);
    this.rows = 0;
    this.size = 0;
    this.lastCol = -1;
    this.texts.length = 0;
    this.merged = null;
    this.mergedLastRow = -1;
    this.mergedWidth = null;
    this.dateKeys = null;
    this.dateTexts = [];
  }

  /** Gives a blank cell a value (merged cells take their range's top-left value), growing the sheet if needed. */
  fill(r: number, c: number, value: CellValue): void {
    if (value === null || this.get(r, c) !== null) return;
    while (this.rows <= r) this.beginRow();
    (this.merged ??= new Map()).set(r * COLUMN_SPAN + c, value);
    this.mergedLastRow = Math.max(this.mergedLastRow, r);
    const widths = (this.mergedWidth ??= new Map());
    widths.set(r, Math.max(widths.get(r) ?? 0, c + 1));
  }
}

/** One sheet as the indicator reader holds it: cells in a compact store instead of arrays of rows. */
export interface CellSheet extends Omit<GridSheet, "rows"> {
  cells: CellStore;
}
