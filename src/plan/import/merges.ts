// Merged cells as readGrid reports them ("A5:H5"): the value sits in the top-left cell only.
import { columnNumber } from "./text";
import type { GridCell } from "./types";

/** A merged range, 0-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): MergeRange | null {
  const match = ref
    .replace(/\$/g, "")
    .toUpperCase()
    .match(/^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/);
  if (!match) return null;
  const left = columnNumber(match[1] ?? "") - 1;
  const top = Number(match[2]) - 1;
  const right = match[3] ? columnNumber(match[3]) - 1 : left;
  const bottom = match[4] ? Number(match[4]) - 1 : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/**
 * A copy of the rows where a cell merged down one column (a lead or date shared by several
 * actions) is repeated in every row it covers. Ranges across columns are left alone: a heading
 * merged across the table must still read as a row with one cell.
 */
export function fillMergedColumns(rows: readonly GridCell[][], merges: readonly MergeRange[]): GridCell[][] {
  const filled = rows.map((row) => [...row]);
  for (const merge of merges) {
    if (merge.left !== merge.right || merge.bottom === merge.top) continue;
    const value = filled[merge.top]?.[merge.left] ?? null;
    if (value === null || value === "") continue;
    for (let r = merge.top + 1; r <= merge.bottom; r++) {
      const row = filled[r];
      if (!row) continue;
      while (row.length <= merge.left) row.push(null);
      if (row[merge.left] === null || row[merge.left] === "") row[merge.left] = value;
    }
  }
  return filled;
}

/** The widest merge across columns that starts in a row, per row. */
export function rowSpans(merges: readonly MergeRange[]): Map<number, MergeRange> {
  const spans = new Map<number, MergeRange>();
  for (const merge of merges) {
    if (merge.right === merge.left) continue;
    const known = spans.get(merge.top);
    if (!known || merge.right - merge.left > known.right - known.left) spans.set(merge.top, merge);
  }
  return spans;
}
