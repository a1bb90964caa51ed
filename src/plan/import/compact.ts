// A sheet squeezed to the columns it uses. readSparseGrid's rows are sparse arrays whose length is
// the last used column: a row with one cell in column XFD has length 16,384. The importer walks
// rows by index, so it first maps the used columns to 0..n-1 and keeps the way back for messages.
import type { CellRange } from "../../workbook";
import type { GridCell } from "./types";

export interface CompactSheet {
  rows: GridCell[][];
  merges: CellRange[];
  /** The sheet's own 0-based column for each compact column. */
  columnOf: number[];
}

/** Indices of the cells a (possibly sparse) row holds, in order, without touching its holes. */
function filledIndices(row: readonly GridCell[]): number[] {
  const out: number[] = [];
  for (const key of Object.keys(row)) {
    const c = Number(key);
    const cell = row[c];
    if (Number.isInteger(c) && cell !== null && cell !== undefined && cell !== "") out.push(c);
  }
  return out;
}

/** No plan table is this wide; columns past the first this many that hold anything are left out. */
export const MAX_PLAN_COLUMNS = 256;

export function compactSheet(rows: readonly GridCell[][], merges: readonly CellRange[]): CompactSheet {
  const used = new Set<number>();
  const filled = rows.map((row) => {
    const indices = filledIndices(row);
    for (const c of indices) used.add(c);
    return indices;
  });
  for (const m of merges) used.add(m.left); // a merge's value sits in its top-left cell
  const columnOf = [...used].sort((a, b) => a - b).slice(0, MAX_PLAN_COLUMNS);
  const compactOf = new Map(columnOf.map((c, i) => [c, i]));
  const compactRows = rows.map((row, r) => {
    const kept = (filled[r] ?? []).filter((c) => compactOf.has(c));
    const out: GridCell[] = new Array<GridCell>(
      kept.length === 0 ? 0 : (compactOf.get(kept[kept.length - 1] as number) as number) + 1,
    ).fill(null);
    for (const c of kept) out[compactOf.get(c) as number] = row[c] ?? null;
    return out;
  });
  const compactMerges: CellRange[] = [];
  for (const m of merges) {
    const left = compactOf.get(m.left);
    if (left === undefined) continue;
    let right = left;
    while (right + 1 < columnOf.length && (columnOf[right + 1] as number) <= m.right) right++;
    compactMerges.push({ top: m.top, bottom: m.bottom, left, right });
  }
  return { rows: compactRows, merges: compactMerges, columnOf };
}
