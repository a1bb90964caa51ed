// Merged cells as readGrid reports them ("A5:H5"): the value sits in the top-left cell only.
import type { CellRange } from "../../workbook";
import type { GridCell } from "./types";

/**
 * A copy of the rows where a cell merged down one column (a lead or date shared by several
 * actions) is repeated in every row it covers. Ranges across columns are left alone: a heading
 * merged across the table must still read as a row with one cell.
 */
export function fillMergedColumns(rows: readonly GridCell[][], merges: readonly CellRange[]): GridCell[][] {
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
export function rowSpans(merges: readonly CellRange[]): Map<number, CellRange> {
  const spans = new Map<number, CellRange>();
  for (const merge of merges) {
    if (merge.right === merge.left) continue;
    const known = spans.get(merge.top);
    if (!known || merge.right - merge.left > known.right - known.left) spans.set(merge.top, merge);
  }
  return spans;
}
