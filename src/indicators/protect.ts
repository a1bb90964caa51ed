// Small-number protection for a table of counts linked by sums (row and column totals), as
// docs/disclosure-control.md describes. Every count in 1..threshold-1 is hidden. Then every sum (a total and
// its parts) is made safe: either nothing in it is hidden, or
//  - its total is visible, at least two parts are hidden and the hidden parts add up to at least the
//    threshold (so each hidden part could be anything from 0 to that sum: a range of threshold + 1 values
//    from this sum alone), or
//  - its total is hidden too, and at least one part is (the total is then no more than "visible parts + the
//    hidden ones": it does not pin either).
// Cells hidden to make a sum safe can break another sum, so this repeats until every sum is safe. Then an
// audit solves all the sums together (feasible.ts) and hides more where they still pin a cell.
// Which cells were hidden first and which to protect them is internal: publishable outputs mark both alike.

import { feasibleRanges, type Equation } from "./feasible";

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
  /**
   * audit: the preset cells' values are known (not a copy protected before), so audit them too.
   * fixed: cells that are never hidden here, whatever a sum needs (figures published already, with
   * `preset` their hidden ones); the others make every sum safe. See protectAround for the last resort.
   */
  options: { audit?: boolean; fixed?: readonly boolean[]; minWidth?: (cell: number) => number } = {},
): Hidden[] {
  const fixed = options.fixed;
  const hidden: Hidden[] = values.map((v, i) => preset?.[i] === true || (!fixed?.[i] && v > 0 && v < threshold));
  const cost = (i: number) => (fixed?.[i] ? Infinity : (values[i] ?? 0) * (weights?.[i] ?? 1));
  makeSumsSafe(values, constraints, threshold, hidden, cost, fixed);
  // Sums that are each safe can still pin a cell together (two ways of adding up the same staff, say).
  // The audit works out every hidden cell's feasible range from all the sums at once, as an attacker
  // would, and hides one more cell in each sum of a cell whose range is narrower than the threshold.
  // A copy protected before has hidden cells whose values are not known here: it is not audited again.
  if (!options.audit && preset?.some((p) => p === true)) return hidden;
  const membersOf = new Map<number, SumConstraint[]>();
  for (const c of constraints)
    for (const i of [c.total, ...c.parts]) membersOf.set(i, [...(membersOf.get(i) ?? []), c]);
  // Each round hides one more cell or stops, so this ends.
  for (;;) {
    const narrow = narrowCells(values, constraints, hidden, threshold, options.minWidth);
    // One more cell per narrow cell, and none for a cell whose sums already gained one this round: hiding
    // is cheap to overdo, and each hidden cell costs readers a figure.
    const touched = new Set<SumConstraint>();
    let more = false;
    for (const i of narrow) {
      if ((membersOf.get(i) ?? []).some((c) => touched.has(c))) continue;
      const picked = widen(i, hidden, values, membersOf, cost);
      if (picked === null) continue;
      more = true;
      for (const c of membersOf.get(picked) ?? []) touched.add(c);
    }
    if (!more) break; // no narrow cell, or nothing visible left to hide near them
    makeSumsSafe(values, constraints, threshold, hidden, cost, fixed);
  }
  return hidden;
}

/**
 * Hides one more cell near a cell whose range is too narrow: from the sums it is in, the cheapest visible
 * cell that is not zero (any of them widens it by the threshold: see makeSumsSafe); where those sums have none
 * to give (every figure in them hidden, zero, fixed or infinitely dear), the sums one step further out, through
 * the hidden cells they share, and so on. Returns the cell hidden, or null when there is nothing left to hide.
 */
function widen(
  cell: number,
  hidden: Hidden[],
  values: readonly number[],
  membersOf: Map<number, SumConstraint[]>,
  cost: (i: number) => number,
): number | null {
  // A sum met again one level further out offers only candidates that were there to pick before: none.
  const seen = new Set([cell]);
  let level = [cell];
  while (level.length > 0) {
    const next: number[] = [];
    const candidates: number[] = [];
    for (const i of level) {
      for (const c of membersOf.get(i) ?? []) {
        for (const j of [...c.parts, c.total]) {
          if (!hidden[j] && (values[j] ?? 0) > 0) candidates.push(j);
          else if (hidden[j] && !seen.has(j)) {
            seen.add(j);
            next.push(j);
          }
        }
      }
    }
    const pick = cheapest(candidates, cost);
    if (pick !== null) {
      hidden[pick] = true;
      return pick;
    }
    level = next;
  }
  return null;
}

/** How many whole numbers a range from hiddenRanges holds (its bounds are whole already; 0 or less: none). */
export function wholeWidth(r: { min: number; max: number }): number {
  return r.max - r.min + 1;
}

/** Hidden cells whose feasible range, under every sum at once, is narrower than the threshold, in cell order. */
export function narrowCells(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  hidden: readonly Hidden[],
  threshold: number,
  /** The width a cell's range must reach (default: the threshold). */
  minWidth: (cell: number) => number = () => threshold,
): number[] {
  const ranges = hiddenRanges(values, constraints, hidden);
  if (ranges === null) return [];
  return [...ranges]
    .filter(([cell, r]) => wholeWidth(r) < minWidth(cell))
    .map(([cell]) => cell)
    .sort((x, y) => x - y);
}

/**
 * Every hidden cell's feasible range (whole numbers) under all the sums at once, each group of linked hidden
 * cells solved on its own; null when the sums contradict the values.
 */
export function hiddenRanges(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  hidden: readonly Hidden[],
): Map<number, { min: number; max: number }> | null {
  const cells = hidden.flatMap((h, i) => (h ? [i] : []));
  const index = new Map(cells.map((c, k) => [c, k]));
  const equations: Equation[] = [];
  for (const c of constraints) {
    const terms: [number, number][] = [];
    let rhs = 0;
    for (const [i, coef] of [[c.total, 1] as const, ...c.parts.map((p) => [p, -1] as const)]) {
      const k = index.get(i);
      if (k === undefined) rhs -= coef * (values[i] ?? 0);
      else terms.push([k, coef]);
    }
    if (terms.length > 0) equations.push({ terms, rhs });
  }
  const parent = cells.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  for (const e of equations) for (const [v] of e.terms) parent[find(v)] = find(e.terms[0]![0]);
  const groups = new Map<number, { members: number[]; equations: Equation[] }>();
  const groupOf = (k: number) => {
    const root = find(k);
    const group = groups.get(root) ?? { members: [], equations: [] };
    groups.set(root, group);
    return group;
  };
  cells.forEach((_, k) => groupOf(k).members.push(k));
  for (const e of equations) groupOf(e.terms[0]![0]).equations.push(e);
  const out = new Map<number, { min: number; max: number }>();
  for (const { members, equations: own } of groups.values()) {
    const local = new Map(members.map((k, j) => [k, j]));
    const eqs = own.map((e) => ({
      rhs: e.rhs,
      terms: e.terms.map(([v, c]): [number, number] => [local.get(v)!, c]),
    }));
    const ranges = feasibleRanges(members.length, eqs);
    if (ranges === null) return null;
    members.forEach((k, j) => {
      const r = ranges[j]!;
      // Rounded inwards, past the solver's rounding error.
      out.set(cells[k]!, { min: Math.ceil(r.min - 1e-9), max: Math.floor(r.max + 1e-9) });
    });
  }
  return out;
}

/**
 * The sum rules of the file's comment, repeated until every sum is safe; `hidden` gains the cells hidden, the
 * cheapest by `cost` first (each rule says its last resort). protectCells hides every count in 1..threshold-1
 * that is not fixed before it calls this, so a visible part that may be hidden is 0 or at least the threshold:
 * any count is then enough to make two hidden parts add up to the threshold.
 */
export function makeSumsSafe(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  threshold: number,
  hidden: Hidden[],
  cost: (i: number) => number,
  fixed?: readonly boolean[],
): void {
  const free = (i: number) => !fixed?.[i];
  let changed = true;
  // Each unsafe sum met hides at least one more cell (or, with fixed cells, every cell it may), so this ends.
  while (changed) {
    changed = false;
    for (const c of constraints) {
      if (isSafe(c, hidden, values, threshold)) continue;
      const parts = c.parts.filter((i) => hidden[i]);
      if (hidden[c.total]) {
        // A hidden total with every part visible is their sum: hide the cheapest part (or any part).
        const pick =
          cheapest(
            c.parts.filter((i) => !hidden[i] && (values[i] ?? 0) > 0),
            cost,
          ) ?? c.parts.find((i) => !hidden[i] && free(i));
        if (pick === undefined) continue; // every part fixed: the audit judges it
        hidden[pick] = true;
        changed = true;
        continue;
      }
      if (fixed && !free(c.total)) {
        // The total may not be hidden: hide the free parts, cheapest first, until the sum is safe (else all of them).
        const candidates = c.parts.filter((i) => !hidden[i] && free(i));
        let sum = parts.reduce((a, i) => a + (values[i] ?? 0), 0);
        let count = parts.length;
        while ((count < 2 || sum < threshold) && candidates.length > 0) {
          const nonzero = candidates.filter((i) => (values[i] ?? 0) > 0);
          // Cells of infinite weight last, the largest of them first; a zero only when nothing else is left.
          const pick = cheapest(nonzero, cost) ?? largest(nonzero, values) ?? candidates[0]!;
          candidates.splice(candidates.indexOf(pick), 1);
          hidden[pick] = true;
          changed = true;
          sum += values[pick] ?? 0;
          count += 1;
        }
        continue;
      }
      changed = true;
      let sum = parts.reduce((a, i) => a + (values[i] ?? 0), 0);
      let count = parts.length;
      while (count < 2 || sum < threshold) {
        const pick = cheapest(
          c.parts.filter((i) => !hidden[i] && (values[i] ?? 0) > 0),
          cost,
        );
        if (pick === null) {
          // Not enough in the visible parts: hide the total too (then the sum pins nothing).
          hidden[c.total] = true;
          break;
        }
        hidden[pick] = true;
        sum += values[pick] ?? 0;
        count += 1;
      }
    }
  }
}

/** Whether a sum gives no hidden member away (see the file's comment). */
export function isSafe(
  c: SumConstraint,
  hidden: readonly Hidden[],
  values: readonly number[],
  threshold: number,
): boolean {
  const parts = c.parts.filter((i) => hidden[i]);
  if (hidden[c.total]) return parts.length > 0 || c.parts.length === 0;
  if (parts.length === 0) return true;
  return parts.length >= 2 && parts.reduce((a, i) => a + (values[i] ?? 0), 0) >= threshold;
}

/** The candidate of least cost; a cell of infinite weight is never chosen to protect another. */
function cheapest(candidates: readonly number[], cost: (i: number) => number): number | null {
  let best: number | null = null;
  for (const i of candidates) if (cost(i) !== Infinity && (best === null || cost(i) < cost(best))) best = i;
  return best;
}

function largest(candidates: readonly number[], values: readonly number[]): number | null {
  let best: number | null = null;
  for (const i of candidates) if (best === null || (values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}
