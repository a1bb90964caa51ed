// Small-number protection for a table of counts linked by sums (row and column totals).
// Primary: every count in 1..threshold-1 is hidden. Secondary: any sum (a total and its parts) that
// would have exactly one hidden member gets a second one hidden (see complement()), so no hidden count can be recovered by subtracting visible cells from a visible total.
import type { SuppressionMark } from "./types";

/** A linear relation between cells, by index: values[total] = sum of values[parts]. */
export interface SumConstraint {
  total: number;
  parts: number[];
}

/**
 * `weights` (default 1) make some cells dearer to hide: the complement chosen is the visible cell with
 * the smallest value x weight, so a report can keep the figures it is about (e.g. BME counts) visible.
 */
export function protectCells(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  threshold: number,
  weights?: readonly number[],
  /** Cells hidden already (a copy suppressed before): they stay hidden and count as hidden in every sum. */
  preset?: readonly (SuppressionMark | null | undefined)[],
): (SuppressionMark | null)[] {
  const marks: (SuppressionMark | null)[] = values.map((v, i) => preset?.[i] ?? (v > 0 && v < threshold ? "primary" : null));
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of constraints) {
      const members = [c.total, ...c.parts];
      let hidden = 0;
      for (const i of members) if (marks[i] !== null) hidden += 1;
      if (hidden !== 1) continue;
      const pick = complement(values, marks, c, weights);
      if (pick === null) continue;
      marks[pick] = "secondary";
      changed = true;
    }
  }
  return marks;
}

/**
 * The cell to hide alongside a lone hidden one: the smallest visible non-zero part; else the total when
 * it is not zero; else a zero part. (A zero is a poor complement: a visible zero total gives it away.)
 */
function complement(values: readonly number[], marks: readonly (SuppressionMark | null)[], c: SumConstraint, weights?: readonly number[]): number | null {
  const cost = (i: number) => (values[i] ?? 0) * (weights?.[i] ?? 1);
  let best: number | null = null;
  for (const i of c.parts) {
    if (marks[i] !== null || (values[i] ?? 0) <= 0) continue;
    if (best === null || cost(i) < cost(best)) best = i;
  }
  if (best !== null) return best;
  if (marks[c.total] === null && (values[c.total] ?? 0) > 0) return c.total;
  for (const i of c.parts) if (marks[i] === null) return i;
  return marks[c.total] === null ? c.total : null;
}
