// Small-number protection for a table of counts linked by sums (row and column totals), as
// docs/disclosure-control.md describes. Every count in 1..threshold-1 is hidden. Then every sum (a total and
// its parts) is made safe: either nothing in it is hidden, or
//  - its total is visible, at least two parts are hidden and the hidden parts add up to at least the
//    threshold (so each hidden part could be anything from 0 to that sum: a range of threshold + 1 values
//    from this sum alone), or
//  - its total is hidden too, and at least one part is (the total is then no more than "visible parts + the
//    hidden ones": it does not pin either).
// Cells hidden to make a sum safe can break another sum, so this repeats until every sum is safe.
// Which cells were hidden first and which to protect them is internal: publishable outputs mark both alike.

/** A linear relation between cells, by index: values[total] = sum of values[parts]. */
export interface SumConstraint {
  total: number;
  parts: number[];
}

/** true: hidden. (Why a cell is hidden is never published.) */
export type Hidden = boolean;

/**
 * `weights` (default 1) make some cells dearer to hide: the complement chosen is the visible cell with
 * the smallest value x weight, so a report can keep the figures it is about (e.g. BME counts) visible.
 * `preset`: cells hidden already (a copy suppressed before); they stay hidden.
 */
export function protectCells(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  threshold: number,
  weights?: readonly number[],
  preset?: readonly (boolean | null | undefined)[],
): Hidden[] {
  const hidden: Hidden[] = values.map((v, i) => preset?.[i] === true || (v > 0 && v < threshold));
  const cost = (i: number) => (values[i] ?? 0) * (weights?.[i] ?? 1);
  let changed = true;
  // Each unsafe sum met hides at least one more cell, so this ends.
  while (changed) {
    changed = false;
    for (const c of constraints) {
      if (isSafe(c, hidden, values, threshold)) continue;
      changed = true;
      const parts = c.parts.filter((i) => hidden[i]);
      if (hidden[c.total]) {
        // A hidden total with every part visible is their sum: hide the cheapest part (or any part).
        const pick = cheapest(c.parts.filter((i) => !hidden[i] && (values[i] ?? 0) > 0), cost) ?? c.parts[0]!;
        hidden[pick] = true;
        continue;
      }
      let sum = parts.reduce((a, i) => a + (values[i] ?? 0), 0);
      let count = parts.length;
      while (count < 2 || sum < threshold) {
        const need = threshold - sum;
        const candidates = c.parts.filter((i) => !hidden[i] && (values[i] ?? 0) > 0);
        // The cheapest part that is enough on its own; else the largest (and go round again).
        const enough = candidates.filter((i) => (values[i] ?? 0) >= need);
        const pick = cheapest(enough, cost) ?? largest(candidates, values);
        if (pick === null) {
          // Not enough in the visible parts: hide the total too (then the sum pins nothing).
          hidden[c.total] = true;
          if (count < 1) hidden[c.parts[0]!] = true;
          break;
        }
        hidden[pick] = true;
        sum += values[pick] ?? 0;
        count += 1;
      }
    }
  }
  return hidden;
}

/** Whether a sum gives no hidden member away (see the file's comment). */
export function isSafe(c: SumConstraint, hidden: readonly Hidden[], values: readonly number[], threshold: number): boolean {
  const parts = c.parts.filter((i) => hidden[i]);
  if (hidden[c.total]) return parts.length > 0 || c.parts.length === 0;
  if (parts.length === 0) return true;
  return parts.length >= 2 && parts.reduce((a, i) => a + (values[i] ?? 0), 0) >= threshold;
}

function cheapest(candidates: readonly number[], cost: (i: number) => number): number | null {
  let best: number | null = null;
  for (const i of candidates) if (best === null || cost(i) < cost(best)) best = i;
  return best;
}

function largest(candidates: readonly number[], values: readonly number[]): number | null {
  let best: number | null = null;
  for (const i of candidates) if (best === null || (values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}
