// What each chart plots, as plain functions (no React, no Fluent): one point per category with its value
// or the reason it has none. A value hidden for small numbers (docs/wres-method.md#small-numbers) and a value that
// cannot be calculated are both null in a publishable copy; the charts must tell them apart and draw
// neither as a bar, so the point keeps which one it is.
import type { Counts, ModelEmployerBand } from "../../../indicators";

export type PointState = "value" | "hidden" | "not-calculable";

export interface ChartPoint {
  /** The category as the reader sees it (a band label, a group name): also the chart's x value. */
  label: string;
  /** Null unless state is "value". */
  value: number | null;
  state: PointState;
}

/** A point from a figure and its suppression mark: hidden wins over a value (a hidden copy keeps none). */
export function point(label: string, value: number | null | undefined, hidden: boolean): ChartPoint {
  if (hidden) return { label, value: null, state: "hidden" };
  if (value === null || value === undefined || !Number.isFinite(value))
    return { label, value: null, state: "not-calculable" };
  return { label, value, state: "value" };
}

/** BME share of one row of an indicator 1 table. */
export function bmeShare(label: string, counts: Counts): ChartPoint {
  return point(label, counts.bmePct, Boolean(counts.suppressed?.bmePct));
}

/** Percentage points by which a band falls short of the Model Employer aspiration (negative: above it). */
export function modelEmployerGap(label: string, band: ModelEmployerBand): ChartPoint {
  return point(label, band.gapPct, Boolean(band.suppressed?.gapPct));
}

/** Labels of the points that are not drawn, by why: shown in words under the chart. */
export function notDrawn(points: readonly ChartPoint[]): { hidden: string[]; notCalculable: string[] } {
  return {
    hidden: points.filter((p) => p.state === "hidden").map((p) => p.label),
    notCalculable: points.filter((p) => p.state === "not-calculable").map((p) => p.label),
  };
}

/**
 * The x range of the relative likelihood chart: the non-adverse band, parity and every plotted value,
 * with a margin, never below 0 (a likelihood is not negative).
 */
export function likelihoodRange(
  values: readonly (number | null)[],
  band: { low: number; high: number },
): { min: number; max: number } {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v) && v >= 0);
  const low = Math.min(band.low, 1, ...finite);
  const high = Math.max(band.high, 1, ...finite);
  const margin = (high - low) * 0.1;
  return { min: Math.max(0, low - margin), max: high + margin };
}

/**
 * Tick values for the likelihood axis: the band's edges and parity while they have room (a span up to
 * about 3), then round ratios across the range, at most about eight.
 */
export function likelihoodTicks(range: { min: number; max: number }, band: { low: number; high: number }): number[] {
  const span = range.max - range.min;
  const step = span <= 1.5 ? 0.25 : span <= 3 ? 0.5 : span <= 8 ? 1 : Math.ceil(span / 8);
  const ticks = new Set<number>();
  for (let v = Math.ceil(range.min / step) * step; v <= range.max + 1e-9; v += step)
    ticks.add(Math.round(v * 100) / 100);
  ticks.add(1);
  if (span <= 3) {
    // The band's edges replace round ticks too close to them to be read apart.
    for (const edge of [band.low, band.high]) {
      for (const v of [...ticks]) if (v !== 1 && Math.abs(v - edge) < step / 2) ticks.delete(v);
      ticks.add(edge);
    }
  }
  return [...ticks].filter((v) => v >= range.min - 1e-9 && v <= range.max + 1e-9).sort((a, b) => a - b);
}
