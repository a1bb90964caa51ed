// Grouping primitives: tally records by side (reference / focus / unknown) and shape the tallies
// as the document's counts, keyed by the standard's group names.
import type { Counts, Side } from "./types";
import { percent } from "./stats";

export interface Tally {
  reference: number;
  focus: number;
  unknown: number;
}

export const emptyTally = (): Tally => ({ reference: 0, focus: 0, unknown: 0 });

export function tallyTotal(t: Tally): number {
  return t.reference + t.focus + t.unknown;
}

export function addTally(into: Tally, from: Tally): Tally {
  into.reference += from.reference;
  into.focus += from.focus;
  into.unknown += from.unknown;
  return into;
}

/** Count records by the side a group-of function puts them on. */
export function tally<T>(records: readonly T[], sideOf: (record: T) => Side): Tally {
  const t = emptyTally();
  // Loops over records are indexed: each runs once, often before V8 has optimised it, and an unoptimised
  // for-of allocates an iterator result per step (tens of megabytes of garbage at 100,000 staff).
  for (let i = 0; i < records.length; i++) t[sideOf(records[i]!)] += 1;
  return t;
}

/** Count records into keyed tallies (e.g. by band), skipping records whose key is null. */
export function tallyBy<T, K extends string>(
  records: readonly T[],
  keyOf: (record: T) => K | null,
  sideOf: (record: T) => Side,
): Map<K, Tally> {
  const out = new Map<K, Tally>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const key = keyOf(r);
    if (key === null) continue;
    let t = out.get(key);
    if (!t) out.set(key, (t = emptyTally()));
    t[sideOf(r)] += 1;
  }
  return out;
}

export interface GroupNames<R extends string, F extends string> {
  reference: R;
  focus: F;
}

/**
 * The document's counts for a tally (contract: white, bme, unknown, total, whitePct, bmePct, unknownPct).
 * Unknowns stay in the denominator of every percentage.
 */
export function toCounts<R extends string, F extends string>(t: Tally, names: GroupNames<R, F>): Counts<R, F> {
  const total = tallyTotal(t);
  const out: Record<string, number | null> = {
    [names.reference]: t.reference,
    [names.focus]: t.focus,
    unknown: t.unknown,
    total,
    [`${names.reference}Pct`]: percent(t.reference, total),
    [`${names.focus}Pct`]: percent(t.focus, total),
    unknownPct: percent(t.unknown, total),
  };
  return out as Counts<R, F>;
}

/** Read a tally back from the document's counts (null, i.e. suppressed, reads as 0). */
export function fromCounts<R extends string, F extends string>(c: Counts<R, F>, names: GroupNames<R, F>): Tally {
  const rec = c as Record<string, number | null | undefined>;
  return { reference: rec[names.reference] ?? 0, focus: rec[names.focus] ?? 0, unknown: rec.unknown ?? 0 };
}

/** "bme" -> "Bme", for keys such as boardBmePct. */
export function capitalise<S extends string>(s: S): Capitalize<S> {
  return (s.charAt(0).toUpperCase() + s.slice(1)) as Capitalize<S>;
}
