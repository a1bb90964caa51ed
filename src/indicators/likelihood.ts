// Relative likelihoods (WRES indicators 2-4): rate of one group over the other, with a 95% CI.
import type { IndicatorDefinition, LikelihoodMeasure } from "./standard-types";
import type { NotCalculableReason, Fraction, RelativeLikelihoodResult, Caution, Side } from "./types";
import type { ApplicationRecord, CaseRecord, TrainingRecord } from "./input";
import { emptyTally, type Tally } from "./groups";
import { aggregateYear, aggregatesFor, sideWithJoin, sumAggregates, type Context } from "./context";
import { isAdverse, rate, relativeLikelihood } from "./stats";
import { financialYearOf, periodLabel } from "./period";
import { methodNote, methodNoteKeys } from "./messages";
import { IdIndex } from "../shared/id-index";

export type RlDefinition = Extract<IndicatorDefinition, { kind: "relative-likelihood" }>;

/** Numerators and denominators per side, before orientation. `of` null: the denominator's input is absent. */
export interface LikelihoodCounts {
  count: Tally;
  of: Tally | null;
  denominator: "own" | "staff";
  source: "rows" | "aggregates";
  basis: "single-year" | "two-year-pooled";
  years: string[];
  cautions: Caution[];
}

/**
 * Called for every record counted from rows: in the numerator ("count") or, for a measure with its own
 * denominator, in the denominator ("of"), with the side it was counted on. Breakdowns use it to count the
 * same records by ethnic group, gender... (breakdowns.ts), so they add up to the indicator's own figures.
 */
export type CountedVisitor = (
  part: "count" | "of",
  record: ApplicationRecord | CaseRecord | TrainingRecord,
  side: Side,
) => void;

function applicationCounts<R extends string, F extends string>(
  ctx: Context<R, F>,
  visit?: CountedVisitor,
): LikelihoodCounts | null {
  const classify = ctx.standard.classify.application;
  const apps = ctx.dataset.applications;
  const base = {
    denominator: "own" as const,
    basis: "single-year" as const,
    years: yearsOf([ctx.currentYear]),
    cautions: [] as Caution[],
  };
  if (classify && apps.length > 0) {
    const shortlisted = emptyTally();
    const appointed = emptyTally();
    let appointedNotShortlisted = 0;
    for (let i = 0; i < apps.length; i++) {
      const a = apps[i]!;
      const side = classify(a);
      if (a.shortlisted) {
        shortlisted[side] += 1;
        visit?.("of", a, side);
        if (a.appointed) {
          appointed[side] += 1;
          visit?.("count", a, side);
        }
      } else if (a.appointed) appointedNotShortlisted += 1;
    }
    if (appointedNotShortlisted > 0) base.cautions.push("appointed-not-shortlisted");
    return { ...base, count: appointed, of: shortlisted, source: "rows" };
  }
  const shortlisted = aggregatesFor(ctx, "shortlisted");
  const appointed = aggregatesFor(ctx, "appointed");
  if (shortlisted.length === 0 && appointed.length === 0) return null;
  return {
    ...base,
    count: sumAggregates(ctx, appointed),
    of: shortlisted.length > 0 ? sumAggregates(ctx, shortlisted) : null,
    source: "aggregates",
  };
}

function yearsOf(years: (number | null)[]): string[] {
  return years.filter((y): y is number => y !== null).map(periodLabel);
}

/** Counts over staff in post, in person-years: two years given means two years pooled. */
function againstStaff(
  staff: Tally | null,
  count: Tally,
  source: LikelihoodCounts["source"],
  years: (number | null)[],
  cautions: Caution[],
): LikelihoodCounts {
  const basis = years.length === 2 ? "two-year-pooled" : "single-year";
  return {
    count,
    of: personYears(staff, years.length),
    denominator: "staff",
    source,
    basis,
    years: yearsOf(years),
    cautions,
  };
}

/** People entering a case process (one per person per year), over headcount; two years pooled when asked and present. */
function caseCounts<R extends string, F extends string>(
  ctx: Context<R, F>,
  measure: Extract<LikelihoodMeasure, { source: "cases" }>,
  visit?: CountedVisitor,
): LikelihoodCounts | null {
  const cases = ctx.dataset.cases.filter((c) => c.caseType === measure.caseType);
  const wantTwo = measure.rollingTwoYears && ctx.indicator3TwoYear;
  const cautions: Caution[] = [];
  if (cases.length > 0) {
    const current = ctx.currentYear ?? latestYear(cases.map((c) => financialYearOf(c.startDate)));
    const hasPrevious = current !== null && cases.some((c) => financialYearOf(c.startDate) === current - 1);
    const pooled = wantTwo && hasPrevious;
    if (wantTwo && !hasPrevious) cautions.push("two-year-not-available");
    const count = emptyTally();
    const seen = new Set<string>();
    let undated = 0;
    let outside = 0;
    cases.forEach((c, i) => {
      const y = financialYearOf(c.startDate);
      if (y === null) undated += 1;
      else if (current !== null && y !== current && !(pooled && y === current - 1)) {
        outside += 1;
        return;
      }
      const key = c.personId !== null ? `${c.personId}\u0000${y ?? current}` : `#${i}`;
      if (seen.has(key)) return;
      seen.add(key);
      const side = sideWithJoin(ctx, c, ctx.standard.classify.case);
      count[side] += 1;
      visit?.("count", c, side);
    });
    if (undated > 0 && current !== null) cautions.push("cases-without-date");
    if (outside > 0) cautions.push("cases-outside-period");
    const years = pooled && current !== null ? [current - 1, current] : [current];
    return againstStaff(ctx.staffTally, count, "rows", years, cautions);
  }
  const currentRows = aggregatesFor(ctx, measure.aggregate);
  if (currentRows.length === 0) return null;
  // With no reporting year given, the current year is the latest the aggregates carry.
  const currentYear = ctx.currentYear ?? latestYear(currentRows.map(aggregateYear));
  const previousYear = currentYear !== null ? currentYear - 1 : null;
  const previousRows = wantTwo && previousYear !== null ? aggregatesFor(ctx, measure.aggregate, previousYear) : [];
  const pooled = previousRows.length > 0;
  if (wantTwo && !pooled) cautions.push("two-year-not-available");
  const count = sumAggregates(ctx, [...currentRows, ...previousRows]);
  const years = pooled ? [previousYear, currentYear] : [currentYear];
  return againstStaff(ctx.staffTally, count, "aggregates", years, cautions);
}

function latestYear(years: (number | null)[]): number | null {
  let latest: number | null = null;
  for (const y of years) if (y !== null && (latest === null || y > latest)) latest = y;
  return latest;
}

/** Headcount at the snapshot, times the number of years pooled (person-years). */
function personYears(staff: Tally | null, years: number): Tally | null {
  if (!staff) return null;
  return { reference: staff.reference * years, focus: staff.focus * years, unknown: staff.unknown * years };
}

/** People accessing training or CPD (one per person) over headcount. */
function trainingCounts<R extends string, F extends string>(
  ctx: Context<R, F>,
  measure: Extract<LikelihoodMeasure, { source: "training" }>,
  visit?: CountedVisitor,
): LikelihoodCounts | null {
  const rows = ctx.dataset.training;
  const base = {
    denominator: "staff" as const,
    basis: "single-year" as const,
    years: yearsOf([ctx.currentYear]),
    cautions: [] as Caution[],
  };
  if (rows.length > 0) {
    const count = emptyTally();
    const seen = new IdIndex();
    for (let i = 0; i < rows.length; i++) {
      const t = rows[i]!;
      if (t.personId !== null && !seen.addIfNew(t.personId)) continue;
      const side = sideWithJoin(ctx, t, ctx.standard.classify.training);
      count[side] += 1;
      visit?.("count", t, side);
    }
    return { ...base, count, of: ctx.staffTally, source: "rows" };
  }
  const agg = aggregatesFor(ctx, measure.aggregate);
  if (agg.length === 0) return null;
  return { ...base, count: sumAggregates(ctx, agg), of: ctx.staffTally, source: "aggregates" };
}

function fraction(count: number, of: number | null): Fraction {
  return { count, of, rate: of === null ? null : rate(count, of) };
}

/** The numerators and denominators of a likelihood measure (null when its inputs are absent), visiting each record counted. */
export function likelihoodCounts<R extends string, F extends string>(
  ctx: Context<R, F>,
  def: RlDefinition,
  visit?: CountedVisitor,
): LikelihoodCounts | null {
  const m = def.measure;
  return m.source === "applications"
    ? applicationCounts(ctx, visit)
    : m.source === "cases"
      ? caseCounts(ctx, m, visit)
      : trainingCounts(ctx, m, visit);
}

/** Indicator 2, 3 or 4 (or any RL a standard defines); null when its inputs are absent. */
export function computeLikelihood<R extends string, F extends string>(
  ctx: Context<R, F>,
  def: RlDefinition,
): RelativeLikelihoodResult<R, F> | null {
  const m = def.measure;
  const counts = likelihoodCounts(ctx, def);
  if (!counts) return null;
  const { reference, focus } = ctx.names;
  const of = counts.of;
  const topSide = def.numerator;
  const bottomSide = topSide === "reference" ? "focus" : "reference";
  const band = ctx.standard.adverseBand;
  const out = {
    kind: "relative-likelihood",
    value: null as number | null,
    ci95: null as [number, number] | null,
    significant: null as boolean | null,
    adverse: null as boolean | null,
    adverseBand: { ...band },
    method: methodNote(ctx.standard, def, counts.basis),
    methodKeys: methodNoteKeys(ctx.standard, def, counts.basis),
    ciMethod: "katz-log",
    numerator: topSide,
    measure: m.source,
    reason: null as NotCalculableReason | null,
    reasonGroup: null as R | F | null,
    basis: counts.basis,
    years: counts.years,
    denominator: counts.denominator,
    source: counts.source,
    cautions: counts.cautions,
    [reference]: fraction(counts.count.reference, of ? of.reference : null),
    [focus]: fraction(counts.count.focus, of ? of.focus : null),
  } as unknown as RelativeLikelihoodResult<R, F>;
  if (!of) {
    out.reason = "missing-input";
    return out;
  }
  const outcome = relativeLikelihood(
    { count: counts.count[topSide], of: of[topSide] },
    { count: counts.count[bottomSide], of: of[bottomSide] },
  );
  if (outcome.value === null) {
    out.reason = outcome.reason;
    const side = outcome.reasonSide === "top" ? topSide : outcome.reasonSide === "bottom" ? bottomSide : null;
    out.reasonGroup = side === null ? null : ctx.names[side];
    return out;
  }
  out.value = outcome.value;
  out.ci95 = outcome.ci95;
  out.significant = outcome.significant;
  out.adverse = isAdverse(outcome.value, band);
  return out;
}
