// Which rows of a recognised sheet are data: below the header, not blank, not a repeated header, not a
// total line. And which of them hold a formula error or an unsaved formula in a column that is read.
import type { SheetPlan } from "../recognise";
import type { CellProblem } from "../types";

const TOTAL_ROW = /^(grand\s+)?totals?\b/i;

/** Whether text can start a total line ("Total", "Grand total"): a test cheaper than the pattern, for every row. */
function mayBeTotal(text: string): boolean {
  const first = text.charCodeAt(0) | 32;
  return first === 116 /* t */ || first === 103; /* g */
}

const usedColumns = new WeakMap<SheetPlan, Set<number>>();

/** The first cell of a row, in a column this sheet is read from, that holds a formula error or no saved value. */
export function problemOnRow(plan: SheetPlan, row: number): CellProblem | null {
  const onRow = plan.problems.get(row);
  if (!onRow) return null;
  let used = usedColumns.get(plan);
  if (!used) usedColumns.set(plan, (used = new Set(plan.columns.values())));
  for (const problem of onRow) if (used.has(problem.col)) return problem;
  return null;
}

/**
 * Indexes of the data rows below the header, skipping blank rows, repeated headers and total lines.
 * A row that looks blank only because its formulas failed is a data row: it is reported, not skipped.
 * Readers loop over these by index: a reader's loop runs once, often before V8 optimises it, and an
 * unoptimised for-of allocates an iterator result per row.
 */
export function dataRows(plan: SheetPlan): Int32Array {
  const { cells, headerIndex, headers } = plan;
  const firstHeader = headers.find((header) => header !== "") ?? "";
  const firstHeaderCol = headers.indexOf(firstHeader);
  // Typed, not number[]: no array growth, and nothing for the garbage collector to copy.
  const out = new Int32Array(Math.max(0, cells.rowCount - headerIndex - 1));
  let count = 0;
  for (let row = headerIndex + 1; row < cells.rowCount; row++) {
    if (!cells.hasValue(row) && problemOnRow(plan, row) === null) continue;
    const lead = cells.get(row, firstHeaderCol);
    if (typeof lead === "string" && firstHeader !== "" && lead.trim() === firstHeader) continue; // header repeated (page break)
    const first = cells.get(row, 0);
    if (
      typeof first === "string" &&
      mayBeTotal(first) &&
      TOTAL_ROW.test(first) &&
      cells.row(row).filter((value) => typeof value === "string").length <= 1
    )
      continue;
    out[count++] = row;
  }
  return out.subarray(0, count);
}
