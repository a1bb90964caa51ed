// The second stage of docs/disclosure-control.md#breakdowns: breakdown cells protected around figures that are
// published already. The headline figures were protected first, exactly as without breakdowns; here they are
// fixed: a visible one is a known number in the sums, a hidden one an unknown the attacker has to solve for, and
// neither is ever hidden (or shown) here. Only breakdown cells are hidden, as few as will do:
//  1. the cells below the threshold, then the cheapest others each sum needs, then the audit's (protect.ts);
//  2. where the audit still finds a hidden cell (headline or breakdown) narrower than the threshold, every cell
//     of the breakdown tables in its sums, then every breakdown cell;
//  3. a hidden breakdown cell that the published figures pin to one value is shown again (it tells nothing the
//     figures do not: every other range stays as it was), unless it is a small count.
// Step 2's last round always succeeds: breakdown cells bound by nothing but their own sums and "0 or more" can
// take any values that add up to a headline solution (put all of a column's people in one row, say), so they
// narrow no headline unknown, and each is free from 0 to its column's figure. It cannot mend a headline figure
// the first stage left narrower than the threshold (no breakdown cell under it is wider): then, or should the
// audit find any other narrow cell, the caller leaves the breakdowns out (null): never a headline figure hidden,
// never a narrow cell published.
import { hiddenRanges, protectCells, wholeWidth, type Hidden, type SumConstraint } from "./protect";

export interface LinkedCells {
  /** Exact values (a fixed hidden cell's too, where known). */
  values: readonly number[];
  constraints: readonly SumConstraint[];
  /** Published already (the headline figures): never hidden or shown here. */
  fixed: readonly boolean[];
  /** Hidden already: the fixed cells hidden in the first stage, and breakdown cells that must be (a small remainder, say). */
  preset: readonly boolean[];
  /** The breakdown table a free cell belongs to (any key); the escalation hides whole tables. */
  table: readonly (string | null)[];
  /** How dear a free cell is to hide (default 1; times its value). */
  weights?: readonly number[];
}

/** Which cells to hide (fixed ones as they were), or null when no choice of breakdown cells is safe. */
export function protectAroundFixed(cells: LinkedCells, threshold: number): Hidden[] | null {
  const { values, constraints } = cells;
  const fixed = [...cells.fixed];
  const preset = cells.preset.map((p) => p === true);
  // A breakdown cell that is a headline figure again (one part, a fixed total) is that figure: published as it is.
  for (let changed = true; changed;) {
    changed = false;
    for (const c of constraints) {
      if (c.parts.length !== 1 || !fixed[c.total]) continue;
      const p = c.parts[0]!;
      if (fixed[p]) continue;
      fixed[p] = true;
      preset[p] = preset[c.total]!;
      changed = true;
    }
  }
  const weights = values.map((_, i) => cells.weights?.[i] ?? 1);
  // What the headline figures' own sums leave of each hidden one: the breakdowns may narrow none of them further
  // (nor below the threshold). Where the first stage left one narrower than the threshold, the breakdowns are not
  // the place to mend it: they must only add nothing.
  const headline = constraints.filter((c) => [c.total, ...c.parts].every((i) => fixed[i]));
  const before = hiddenRanges(
    values,
    headline,
    preset.map((p, i) => p && fixed[i]!),
  );
  const minWidth = (i: number) => {
    const b = fixed[i] ? before?.get(i) : undefined;
    return b ? Math.min(threshold, wholeWidth(b)) : threshold;
  };
  let hidden = protectCells(values, constraints, threshold, weights, preset, { audit: true, fixed, minWidth });
  const free = (i: number) => !fixed[i];
  const small = (i: number) => (values[i] ?? 0) > 0 && (values[i] ?? 0) < threshold;
  // Round 0 checks the cells chosen above; rounds 1 and 2 check those of step 2's two escalations.
  for (let round = 0; ; round++) {
    const ranges = hiddenRanges(values, constraints, hidden);
    if (ranges === null) return null;
    // Step 3: a breakdown cell pinned to one value is shown (unless small): the figures give it anyway.
    for (const [i, r] of ranges)
      if (free(i) && !cells.preset[i] && r.max === r.min && !small(i)) {
        hidden[i] = false;
        ranges.delete(i);
      }
    const narrow = [...ranges].filter(([i, r]) => wholeWidth(r) < minWidth(i)).map(([i]) => i);
    if (narrow.length === 0) return hidden;
    if (round === 2) return null;
    // Step 2: whole tables, those in the narrow cells' sums first (null: every one).
    const near = round === 0 ? tablesNear(narrow, constraints, cells.table) : null;
    const more = hidden.map((h, i) => h || (free(i) && (near === null || near.has(cells.table[i] ?? null))));
    hidden = protectCells(values, constraints, threshold, weights, more, { audit: true, fixed, minWidth });
  }
}

/** The breakdown tables with a cell in a sum of any of the given cells. */
function tablesNear(
  cells: readonly number[],
  constraints: readonly SumConstraint[],
  table: readonly (string | null)[],
): Set<string | null> {
  const given = new Set(cells);
  const near = new Set<string | null>();
  for (const c of constraints) {
    const members = [c.total, ...c.parts];
    if (members.some((i) => given.has(i))) for (const i of members) if (table[i] != null) near.add(table[i]);
  }
  return near;
}
