// Understanding one sheet: fill merged cells, find the header row (even below title rows),
// recognise the sheet's kind from its columns (or a user's remembered mapping), and report
// duplicate headers.
import { columnLetter, rangeRef } from "./cell-refs";
import { describe, IssueLog } from "./issues";
import { headerScore, headerSignature, KIND_BY_NAME, normaliseHeader, recogniseKind } from "./schema";
import type { CellStore } from "./cells";
import type { SheetKind } from "../indicators/input";
import type { CellProblem, CellValue, ColumnMapping } from "./types";
import type { CellSheet } from "./cells";

/** How far down to look for the header row. */
const HEADER_SEARCH_ROWS = 40;
/** Never fill merges larger than this many cells (a whole-column merge is formatting, not data). */
const MAX_MERGE_FILL = 100_000;

export interface SheetPlan {
  file: string;
  sheet: string;
  /** The sheet's cells; released once its records are read. */
  cells: CellStore;
  kind: SheetKind | null;
  /** 0-based index of the header row, or -1. */
  headerIndex: number;
  /** Raw header texts by column. */
  headers: string[];
  /** Field -> column index. */
  columns: Map<string, number>;
  signature: string;
  /** Rows above the header (titles), as text, for the snapshot date and period. */
  titles: string[];
  /** Row index -> cells on that row holding a formula error or a formula with no saved value. */
  problems: Map<number, CellProblem[]>;
}

/** Copies each merged range's top-left value into its other cells, so data rows read as shown. */
export function fillMerges(cells: CellStore, merges: readonly string[]): void {
  for (const ref of merges) {
    const range = rangeRef(ref);
    if (!range || (range.bottom - range.top + 1) * (range.right - range.left + 1) > MAX_MERGE_FILL) continue;
    const value = cells.get(range.top, range.left);
    if (value === null) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) cells.fill(r, c, value);
    }
  }
}

function rowHeaders(row: readonly CellValue[] | undefined): string[] {
  if (!row) return [];
  const out: string[] = new Array<string>(row.length);
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    out[c] = v === null || v === undefined ? "" : String(v).trim();
  }
  return out;
}

export function planSheet(
  file: string,
  grid: CellSheet,
  mappings: Record<string, ColumnMapping> | undefined,
  log: IssueLog,
): SheetPlan {
  const { cells } = grid;
  fillMerges(cells, grid.merges);
  const limit = Math.min(cells.rowCount, HEADER_SEARCH_ROWS);
  const top: CellValue[][] = [];
  for (let r = 0; r < limit; r++) top.push(cells.row(r));
  const problems = new Map<number, CellProblem[]>();
  for (const p of grid.problems ?? []) {
    const onRow = problems.get(p.row);
    if (onRow) onRow.push(p);
    else problems.set(p.row, [p]);
  }
  // Every plan is built by this one literal, so all plans share one shape (the readers' hot loops stay monomorphic).
  const plan = (
    kind: SheetKind | null,
    headerIndex: number,
    headers: string[],
    columns: Map<string, number>,
    signature: string,
  ): SheetPlan => ({
    file,
    sheet: grid.name,
    cells,
    kind,
    headerIndex,
    headers,
    columns,
    signature,
    titles: kind === null ? [] : titlesAbove(top, headerIndex),
    problems,
  });

  // 1. A remembered mapping whose signature matches one of the top rows wins.
  if (mappings) {
    for (let r = 0; r < limit; r++) {
      const headers = rowHeaders(top[r]);
      const signature = headerSignature(headers.map(normaliseHeader));
      if (!Object.prototype.hasOwnProperty.call(mappings, signature)) continue;
      const mapping = mappings[signature]!;
      const spec = KIND_BY_NAME.get(mapping.kind);
      if (!spec) continue;
      const byHeader = new Map<string, number>();
      headers.forEach((h, c) => {
        const key = normaliseHeader(h);
        if (key && !byHeader.has(key)) byHeader.set(key, c);
      });
      const columns = new Map<string, number>();
      for (const [field, header] of Object.entries(mapping.columns)) {
        if (!Object.prototype.hasOwnProperty.call(spec.fields, field)) continue;
        const c = byHeader.get(normaliseHeader(header));
        if (c !== undefined) columns.set(field, c);
      }
      return reportDuplicateHeaders(plan(mapping.kind, r, headers, columns, signature), log);
    }
  }

  // 2. Otherwise score the top rows by how many cells are known header names.
  const candidates: { r: number; score: number }[] = [];
  for (let r = 0; r < limit; r++) {
    const score = headerScore(top[r]);
    if (score >= 2) candidates.push({ r, score });
  }
  // Pushed in row order and sorted stably: of equal scores, the upper row comes first.
  candidates.sort((x, y) => y.score - x.score);
  for (const { r } of candidates) {
    const headers = rowHeaders(top[r]);
    const normalised = headers.map(normaliseHeader);
    const found = recogniseKind(normalised);
    if (found)
      return reportDuplicateHeaders(plan(found.kind, r, headers, found.columns, headerSignature(normalised)), log);
  }

  // 3. Not recognised: report it, with the signature of the likeliest header row so a mapping can be saved.
  const guess = candidates[0]?.r ?? firstTextRow(top);
  const headers = guess >= 0 ? rowHeaders(top[guess]) : [];
  const unrecognised = plan(null, guess, headers, new Map(), headerSignature(headers.map(normaliseHeader)));
  if (hasAnyValue(cells)) {
    log.add(
      "warning",
      "sheet-not-recognised",
      `${describe({ file, sheet: grid.name })}: the columns were not recognised as any WRES table, so the sheet was skipped. Map its columns by hand to use it.`,
      { file, sheet: grid.name, row: guess >= 0 ? guess + 1 : null },
      { signature: unrecognised.signature },
    );
  }
  return unrecognised;
}

/**
 * The columns a sheet's readers will look at, as a mask by column, from its top rows (what planSheet sees):
 * the plan's columns, the first column and the first header's (records/rows.ts tells data rows by them).
 * Null when the sheet is not recognised (then it is read in full, for the message and a mapping).
 */
export function readColumns(
  file: string,
  sheet: string,
  top: CellStore,
  mappings: Record<string, ColumnMapping> | undefined,
): Uint8Array | null {
  // Its messages are planSheet's to give when the whole sheet is read: here they go nowhere.
  const plan = planSheet(file, { name: sheet, cells: top, merges: [] }, mappings, new IssueLog());
  if (plan.kind === null) return null;
  const firstHeaderCol = plan.headers.findIndex((header) => header !== "");
  const columns = [0, Math.max(0, firstHeaderCol), ...plan.columns.values()];
  const mask = new Uint8Array(Math.max(...columns) + 1);
  for (const c of columns) mask[c] = 1;
  return mask;
}

/** Rows above the header (titles), as text. */
function titlesAbove(top: CellValue[][], headerIndex: number): string[] {
  return top
    .slice(0, headerIndex)
    .flatMap((row) =>
      row.filter((v): v is string | number => typeof v === "string" || typeof v === "number").map(String),
    );
}

function hasAnyValue(cells: CellStore): boolean {
  for (let r = 0; r < cells.rowCount; r++) if (cells.hasValue(r)) return true;
  return false;
}

function firstTextRow(rows: CellValue[][]): number {
  for (let r = 0; r < rows.length; r++)
    if ((rows[r] ?? []).filter((v) => typeof v === "string" && v.trim() !== "").length >= 2) return r;
  return -1;
}

function reportDuplicateHeaders(plan: SheetPlan, log: IssueLog): SheetPlan {
  const first = new Map<string, number>();
  plan.headers.forEach((h, c) => {
    const key = normaliseHeader(h);
    if (!key) return;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, c);
      return;
    }
    const a = `${columnLetter(earlier)} ("${plan.headers[earlier]}")`;
    const b = `${columnLetter(c)} ("${h}")`;
    log.add(
      "warning",
      "duplicate-header",
      `${describe({ file: plan.file, sheet: plan.sheet })}: columns ${a} and ${b} have the same header; column ${columnLetter(earlier)} was used.`,
      { file: plan.file, sheet: plan.sheet, row: plan.headerIndex + 1, col: c, header: h },
      { first: columnLetter(earlier), second: columnLetter(c) },
    );
  });
  return plan;
}
