// Indicator 1 (and any representation measure): headcount by group per cohort and band.
import { AFC_BANDS, MEDICAL_SUBGROUPS, type AfcBand, type Cohort, type MedicalSubgroup } from "./input";
import type { Breakdown, CategoryCounts, Counts, RepresentationResult, Side } from "./types";
import { addTally, emptyTally, toCounts, type Tally } from "./groups";
import { aggregatesFor, sumAggregates, type Context } from "./context";

export const SENIOR_8A: readonly AfcBand[] = ["8a", "8b", "8c", "8d", "9", "VSM"];
export const SENIOR_8C: readonly AfcBand[] = ["8c", "8d", "9", "VSM"];

const AFC = new Set<string>(AFC_BANDS);
const MEDICAL = new Set<string>(MEDICAL_SUBGROUPS);

interface RepresentationTallies {
  overall: Tally;
  nonClinical: Map<AfcBand, Tally>;
  clinical: Map<AfcBand, Tally>;
  medical: Map<MedicalSubgroup, Tally>;
  /** AfC bands, all non-medical staff together (incl. aggregates that name no cohort). */
  bands: Map<AfcBand, Tally>;
  unbanded: Map<Cohort, Tally>;
  seniorMedicalManagers: Tally | null;
  /** category -> count, overall and per AfC band (row-level input, when the standard defines categories). */
  breakdown: { overall: Map<string, number>; bands: Map<AfcBand, Map<string, number>> } | null;
  source: "rows" | "aggregates";
}

export function representationTallies<R extends string, F extends string>(
  ctx: Context<R, F>,
): RepresentationTallies | null {
  const { staff } = ctx.dataset;
  const sideOf = ctx.standard.classify.staff;
  if (staff.length > 0) {
    // One pass over staff in post (it may hold hundreds of thousands of people).
    const out: RepresentationTallies = {
      overall: emptyTally(),
      nonClinical: new Map(),
      clinical: new Map(),
      medical: new Map(),
      bands: new Map(),
      unbanded: new Map(),
      seniorMedicalManagers: emptyTally(),
      breakdown: null,
      source: "rows",
    };
    const categoryOf = ctx.standard.breakdown?.of;
    const bd = categoryOf
      ? (out.breakdown = { overall: new Map<string, number>(), bands: new Map<AfcBand, Map<string, number>>() })
      : null;
    for (let i = 0; i < staff.length; i++) {
      const s = staff[i]!;
      const side = sideOf(s);
      out.overall[side] += 1;
      const category = bd && categoryOf ? categoryOf(s) : null;
      if (bd && category !== null) {
        bd.overall.set(category, (bd.overall.get(category) ?? 0) + 1);
        if (s.cohort !== "medical" && s.band !== null) {
          let m = bd.bands.get(s.band);
          if (!m) bd.bands.set(s.band, (m = new Map()));
          m.set(category, (m.get(category) ?? 0) + 1);
        }
      }
      if (s.cohort === "medical") {
        if (s.medical === null) bump(out.unbanded, s.cohort, side);
        else {
          bump(out.medical, s.medical, side);
          if (s.medical === "consultant" && s.seniorMedicalManager) out.seniorMedicalManagers![side] += 1;
        }
      } else if (s.band === null) bump(out.unbanded, s.cohort, side);
      else {
        bump(out.bands, s.band, side);
        bump(s.cohort === "clinical" ? out.clinical : out.nonClinical, s.band, side);
      }
    }
    return out;
  }
  const rows = aggregatesFor(ctx, "staff");
  if (!ctx.staffTally) return null; // with no staff rows, the tally is the staff aggregates' (null: none)
  const out: RepresentationTallies = {
    overall: ctx.staffTally,
    nonClinical: new Map(),
    clinical: new Map(),
    medical: new Map(),
    bands: new Map(),
    unbanded: new Map(),
    seniorMedicalManagers: null,
    breakdown: null,
    source: "aggregates",
  };
  const add = <K>(map: Map<K, Tally>, key: K, t: Tally) =>
    addTally(map.get(key) ?? map.set(key, emptyTally()).get(key)!, t);
  for (const a of rows) {
    if (a.band === null) continue;
    const t = sumAggregates(ctx, [a]);
    if (MEDICAL.has(a.band) && (a.cohort === "medical" || a.cohort === null))
      add(out.medical, a.band as MedicalSubgroup, t);
    else if (AFC.has(a.band) && a.cohort !== "medical") {
      const band = a.band as AfcBand;
      add(out.bands, band, t);
      if (a.cohort === "non-clinical") add(out.nonClinical, band, t);
      if (a.cohort === "clinical") add(out.clinical, band, t);
    }
  }
  return out;
}

function bump<K>(map: Map<K, Tally>, key: K, side: Side): void {
  let t = map.get(key);
  if (!t) map.set(key, (t = emptyTally()));
  t[side] += 1;
}

function sumBands(map: Map<AfcBand, Tally>, bands: readonly AfcBand[]): Tally {
  const t = emptyTally();
  for (const b of bands) {
    const x = map.get(b);
    if (x) addTally(t, x);
  }
  return t;
}

function table<K extends string, R extends string, F extends string>(
  keys: readonly K[],
  map: Map<K, Tally>,
  names: { reference: R; focus: F },
  allKeys: boolean,
): Partial<Record<K, Counts<R, F>>> {
  const out: Partial<Record<K, Counts<R, F>>> = {};
  for (const k of keys) {
    const t = map.get(k);
    if (t || allKeys) out[k] = toCounts(t ?? emptyTally(), names);
  }
  return out;
}

function breakdownOf<R extends string, F extends string>(
  ctx: Context<R, F>,
  t: RepresentationTallies,
): Breakdown | null {
  const def = ctx.standard.breakdown;
  if (!def || !t.breakdown) return null;
  const categories = def.categories.map((c) => c.key);
  const row = (m: Map<string, number> | undefined): CategoryCounts => {
    const out: CategoryCounts = {};
    for (const k of categories) out[k] = m?.get(k) ?? 0;
    return out;
  };
  const bands: Partial<Record<AfcBand, CategoryCounts>> = {};
  for (const b of AFC_BANDS) bands[b] = row(t.breakdown.bands.get(b));
  const senior = new Map<string, number>();
  for (const b of SENIOR_8A)
    for (const [k, n] of t.breakdown.bands.get(b) ?? []) senior.set(k, (senior.get(k) ?? 0) + n);
  const sides: Record<string, Side> = {};
  for (const c of def.categories) sides[c.key] = c.side;
  return { categories, sides, overall: row(t.breakdown.overall), bands, senior: row(senior) };
}

export function computeRepresentation<R extends string, F extends string>(
  ctx: Context<R, F>,
): RepresentationResult<R, F> | null {
  const t = representationTallies(ctx);
  if (!t) return null;
  const names = ctx.names;
  // Row-level input shows every band (zeros included) so tables line up year on year.
  const all = t.source === "rows";
  const unbanded: Partial<Record<Cohort, Counts<R, F>>> = {};
  for (const [cohort, tl] of t.unbanded) unbanded[cohort] = toCounts(tl, names);
  return {
    kind: "representation",
    overall: toCounts(t.overall, names),
    cohorts: {
      "non-clinical": table(AFC_BANDS, t.nonClinical, names, all),
      clinical: table(AFC_BANDS, t.clinical, names, all),
      medical: table(MEDICAL_SUBGROUPS, t.medical, names, all),
    },
    bands: table(AFC_BANDS, t.bands, names, all),
    unbanded,
    senior: {
      "8a-VSM": toCounts(sumBands(t.bands, SENIOR_8A), names),
      "8c-VSM": toCounts(sumBands(t.bands, SENIOR_8C), names),
    },
    breakdown: breakdownOf(ctx, t),
    seniorMedicalManagers: t.seniorMedicalManagers ? toCounts(t.seniorMedicalManagers, names) : null,
    source: t.source,
  };
}
