// Targets and comparison figures for an indicator's headline measure (docs/targets-and-comparisons.md):
// a target ("RL2 at most 1.25 by 2026/27") with its straight-line trajectory from the baseline year's
// saved figure, whether each year's figure is on that trajectory by the indicator's direction of good,
// and which typed-in comparison figures ("the ICS average of 2.35") apply to a year. Pure: the figures
// live in their own list (src/sharepoint/figures-repository.ts), not in a plan year, so they carry
// from year to year by themselves.
import { trendOf, type Direction } from "../indicators";
import { planYearStart } from "./plan-years";
import type { ETag, IndicatorNumber } from "./types";

export type FigureKind = "target" | "comparison";

/** Who a comparison figure describes: England, a region, the integrated care system, or a named peer trust. */
export const COMPARATORS = ["national", "regional", "ics", "peer"] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const DIRECTIONS: readonly Direction[] = ["lower", "higher", "towards-one", "towards-zero"];

/**
 * One item of the Targets and Comparisons list. A target has a baseline year and a direction (from the
 * indicator, when it was set); a comparison has a comparator, a name and a source. The fields of the
 * other kind are null.
 */
export interface IndicatorFigure {
  id: number;
  etag: ETag;
  modified: string;
  kind: FigureKind;
  /** The standard whose indicator this is, e.g. "nhs-england-wres". */
  standard: string;
  indicator: IndicatorNumber;
  /** The headline measure's value: RL for 2-4, a percentage for 1 and 5-8, points for 9. */
  value: number;
  /** A plan year, "2026/27": the year a target is for, or the year a comparison figure describes. */
  year: string;
  /** Target: the year the trajectory starts from (null: the earliest saved year). */
  baselineYear: string | null;
  /** Target: which way is good, taken from the indicator when the target was set. */
  direction: Direction | null;
  /** Comparison: who it describes. */
  comparator: Comparator | null;
  /** Comparison: "England", "North East and Yorkshire", "Oxfordshire ICS", "Anytown NHS Foundation Trust". */
  name: string | null;
  /** Comparison: where it comes from, "NHS England WRES data report 2024". */
  source: string | null;
}

export type IndicatorFigureDraft = Omit<IndicatorFigure, "id" | "etag" | "modified">;
export type IndicatorFigurePatch = Partial<IndicatorFigureDraft>;

/** A plan year in the "2024/25" form (the form saved results use), or null. */
export function isFinancialYear(year: string): boolean {
  const match = /^(\d{4})\/(\d{2})$/.exec(year);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

function planYearOf(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** A saved headline figure of one indicator: the year and its value (null when it was not published). */
export interface YearFigure {
  year: string;
  value: number | null;
}

export type TrackStatus = "on-track" | "off-track" | "no-figure";

export interface TrajectoryPoint {
  year: string;
  /** Where the straight line from the baseline to the target stands this year (the target itself from the target year on). */
  expected: number;
  /** Our saved figure for the year, or null. */
  actual: number | null;
  status: TrackStatus;
}

export type Trajectory =
  | {
      ok: true;
      baselineYear: string;
      baseline: number;
      targetYear: string;
      target: number;
      direction: Direction;
      /** The baseline year up to the target year, then any later saved years, oldest first. */
      points: TrajectoryPoint[];
    }
  /** "baseline-missing": no figure saved for the baseline year; "baseline-not-before": the baseline is not before the target year. */
  | { ok: false; reason: "no-figures" | "baseline-missing" | "baseline-not-before" | "bad-year" };

/**
 * The trajectory of a target: a straight line per year from the baseline year's saved figure to the
 * target value at the target year (held at the target afterwards), and each year's figure judged
 * against it. A figure is on track when it is at least as good as the line, at display precision
 * (`places`) and by the target's direction of good: the same judgement as the trend's Improved/Worsened
 * (`trendOf`), so "1.30 against an expected 1.30" is on track and "1.31" is not.
 */
export function trajectoryOf(
  target: Pick<IndicatorFigure, "value" | "year" | "baselineYear" | "direction">,
  saved: readonly YearFigure[],
  fallbackDirection: Direction,
  places: number,
): Trajectory {
  const figures = saved.filter((f) => planYearStart(f.year) !== null);
  const targetStart = planYearStart(target.year);
  if (targetStart === null) return { ok: false, reason: "bad-year" };
  const withValues = figures.filter((f) => f.value !== null).sort((a, b) => a.year.localeCompare(b.year));
  const baselineYear = target.baselineYear ?? withValues[0]?.year ?? null;
  if (baselineYear === null) return { ok: false, reason: "no-figures" };
  const baselineStart = planYearStart(baselineYear);
  if (baselineStart === null) return { ok: false, reason: "bad-year" };
  if (baselineStart >= targetStart) return { ok: false, reason: "baseline-not-before" };
  const baseline = figures.find((f) => planYearStart(f.year) === baselineStart)?.value ?? null;
  if (baseline === null) return { ok: false, reason: "baseline-missing" };
  const direction = target.direction ?? fallbackDirection;
  const span = targetStart - baselineStart;
  const lastSaved = Math.max(targetStart, ...figures.map((f) => planYearStart(f.year) ?? 0));
  const points: TrajectoryPoint[] = [];
  for (let start = baselineStart; start <= lastSaved; start += 1) {
    const found = figures.find((f) => planYearStart(f.year) === start);
    if (start > targetStart && !found) continue;
    const expected =
      start >= targetStart ? target.value : baseline + ((target.value - baseline) * (start - baselineStart)) / span;
    const actual = found?.value ?? null;
    points.push({
      year: found?.year ?? planYearOf(start),
      expected,
      actual,
      status: actual === null ? "no-figure" : onTrack(actual, expected, direction, places) ? "on-track" : "off-track",
    });
  }
  return { ok: true, baselineYear, baseline, targetYear: target.year, target: target.value, direction, points };
}

/** At least as good as the expected value, at display precision, by the direction of good. */
export function onTrack(actual: number, expected: number, direction: Direction, places: number): boolean {
  return trendOf(actual, expected, direction, places) !== "worsened";
}

/**
 * The comparison figures that apply to a year: for each comparator (its kind and name), the figure of
 * that year, else its latest earlier one (the figure carries forward, labelled with its own year);
 * nothing from a later year. In the order national, regional, ICS, peer, then by name.
 */
export function comparisonsFor(
  figures: readonly IndicatorFigure[],
  indicator: IndicatorNumber,
  year: string,
): IndicatorFigure[] {
  const start = planYearStart(year);
  if (start === null) return [];
  const best = new Map<string, IndicatorFigure>();
  for (const figure of figures) {
    if (figure.kind !== "comparison" || figure.indicator !== indicator || figure.comparator === null) continue;
    const figureStart = planYearStart(figure.year);
    if (figureStart === null || figureStart > start) continue;
    const key = `${figure.comparator}|${(figure.name ?? "").trim().toLowerCase()}`;
    const current = best.get(key);
    if (
      !current ||
      figureStart > (planYearStart(current.year) ?? 0) ||
      (figureStart === planYearStart(current.year) && figure.id > current.id)
    )
      best.set(key, figure);
  }
  return [...best.values()].sort(
    (a, b) =>
      COMPARATORS.indexOf(a.comparator!) - COMPARATORS.indexOf(b.comparator!) ||
      (a.name ?? "").localeCompare(b.name ?? ""),
  );
}

/** The indicator's targets, nearest target year first (a later target after an earlier one is met). */
export function targetsFor(figures: readonly IndicatorFigure[], indicator: IndicatorNumber): IndicatorFigure[] {
  return figures
    .filter((f) => f.kind === "target" && f.indicator === indicator)
    .sort((a, b) => a.year.localeCompare(b.year) || a.id - b.id);
}

/**
 * The target that speaks for a year: the first whose target year is that year or later; else the
 * latest one (the year is past every target year).
 */
export function targetFor(
  figures: readonly IndicatorFigure[],
  indicator: IndicatorNumber,
  year: string,
): IndicatorFigure | null {
  const targets = targetsFor(figures, indicator);
  const start = planYearStart(year) ?? Number.NEGATIVE_INFINITY;
  return targets.find((t) => (planYearStart(t.year) ?? 0) >= start) ?? targets.at(-1) ?? null;
}
