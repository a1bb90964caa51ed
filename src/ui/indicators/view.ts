// What the indicator screens show, as plain functions (unit-tested without React): saved rows from a
// publishable document, the year-on-year trend with arrows that respect each indicator's direction,
// and the validation report's exclusions.
import { headlineValue, trendOf } from "../../indicators";
import type { Direction, IndicatorResult, ResultsDocument, Trend } from "../../indicators";
import type { IndicatorNumber, IndicatorResultRow } from "../../plan/types";
import type { SheetSummary } from "../../workbook";

export const STANDARD_ID = "nhs-england-wres";

/** Which way is good for each indicator's headline figure (the one saved per year). */
export const HEADLINE_DIRECTION: Record<IndicatorNumber, Direction> = {
  1: "higher",
  2: "towards-one",
  3: "towards-one",
  4: "towards-one",
  5: "lower",
  6: "lower",
  7: "higher",
  8: "lower",
  9: "towards-zero",
};

/** Decimal places shown for a headline: relative likelihoods 2, percentages and points 1. */
export function headlinePlaces(indicator: IndicatorNumber): number {
  return indicator >= 2 && indicator <= 4 ? 2 : 1;
}

export function formatHeadline(indicator: IndicatorNumber, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "–";
  if (indicator >= 2 && indicator <= 4) return value.toFixed(2);
  if (indicator === 9) {
    const r = value.toFixed(1);
    return `${value > 0 && r !== "0.0" ? "+" : ""}${r === "-0.0" ? "0.0" : r} pp`;
  }
  return `${value.toFixed(1)}%`;
}

export type SavedRow = Omit<IndicatorResultRow, "id" | "etag" | "modified">;

/**
 * One row per indicator for the Indicator Results list, from a publishable (suppressed) copy only:
 * the headline figure and the indicator's suppressed JSON. Never rows of staff.
 */
export function rowsToSave(publishable: ResultsDocument, year: string): SavedRow[] {
  if (!publishable.suppression) throw new Error("Only a suppressed copy of the results may be saved.");
  const rows: SavedRow[] = [];
  for (const [key, result] of Object.entries(publishable.indicators)) {
    const indicator = Number(key);
    if (!result || !Number.isInteger(indicator) || indicator < 1 || indicator > 9) continue;
    rows.push({
      year,
      standard: publishable.standard,
      indicator: indicator as IndicatorNumber,
      value: headlineValue(result, publishable.groups),
      detail: JSON.stringify(result),
      origin: "computed",
    });
  }
  return rows;
}

export interface TrendCell {
  year: string;
  value: number | null;
  /** Compared with the year before it in the table (not-comparable for the first). */
  trend: Trend;
  origin: "computed" | "entered";
}

export interface TrendRow {
  indicator: IndicatorNumber;
  direction: Direction;
  cells: (TrendCell | null)[];
}

export interface TrendTable {
  years: string[];
  rows: TrendRow[];
}

/** Years as columns (oldest first), indicators as rows, each cell with its move since the previous year. */
export function trendTable(saved: IndicatorResultRow[], standard = STANDARD_ID): TrendTable {
  const mine = saved.filter((r) => r.standard === standard);
  const years = [...new Set(mine.map((r) => r.year))].sort();
  const indicators = [...new Set(mine.map((r) => r.indicator))].sort((a, b) => a - b);
  const rows = indicators.map((indicator): TrendRow => {
    const direction = HEADLINE_DIRECTION[indicator];
    let previous: number | null = null;
    const cells = years.map((year, i): TrendCell | null => {
      const row = mine.find((r) => r.indicator === indicator && r.year === year);
      if (!row) {
        previous = null;
        return null;
      }
      const trend = i === 0 ? "not-comparable" : trendOf(row.value, previous, direction, headlinePlaces(indicator));
      previous = row.value;
      return { year, value: row.value, trend, origin: row.origin };
    });
    return { indicator, direction, cells };
  });
  return { years, rows };
}

export interface ExclusionLine {
  file: string;
  sheet: string | null;
  reason: string;
  rows: number;
}

export function exclusionLines(sheets: SheetSummary[]): ExclusionLine[] {
  return sheets.flatMap((s) => Object.entries(s.exclusions).map(([reason, rows]) => ({ file: s.file, sheet: s.sheet, reason, rows })));
}

/** Indicator keys of a document in order, "1".."9". */
export function indicatorKeys(doc: ResultsDocument): string[] {
  return Object.keys(doc.indicators)
    .filter((k) => doc.indicators[k])
    .sort((a, b) => Number(a) - Number(b));
}

export function resultOf(doc: ResultsDocument, key: string): IndicatorResult | null {
  return doc.indicators[key] ?? null;
}

export function formatBytes(size: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** The year results are saved under: the data's reporting period, else the plan year. */
export function periodFor(doc: ResultsDocument, planYear: string | null): string | null {
  return doc.period ?? planYear;
}

export type EnteredFigureError = "year" | "indicator" | "value";

/**
 * A figure typed in from an earlier year's published report (origin "entered"). The year is a
 * financial year such as 2022/23; the value is the headline figure as published (RL, % or points).
 */
export function enteredFigure(input: { year: string; indicator: string; value: string }): { row: SavedRow } | { error: EnteredFigureError } {
  const year = input.year.trim();
  const match = /^(\d{4})\/(\d{2})$/.exec(year);
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) return { error: "year" };
  const indicator = Number(input.indicator);
  if (!Number.isInteger(indicator) || indicator < 1 || indicator > 9) return { error: "indicator" };
  const text = input.value.trim().replace(/%$/, "").replace(/\s*pp$/i, "").replace(",", ".");
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) return { error: "value" };
  const isRatio = indicator >= 2 && indicator <= 4;
  if (isRatio ? value <= 0 : indicator === 9 ? Math.abs(value) > 100 : value < 0 || value > 100) return { error: "value" };
  const n = indicator as IndicatorNumber;
  return { row: { year, standard: STANDARD_ID, indicator: n, value, detail: JSON.stringify({ kind: "entered", value }), origin: "entered" } };
}

/** The newest saved year's value of each indicator (by year label, which sorts as "2024/25" < "2025/26"). */
export function latestByIndicator(saved: readonly IndicatorResultRow[], standard = STANDARD_ID): Map<IndicatorNumber, { year: string; value: number | null }> {
  const latest = new Map<IndicatorNumber, { year: string; value: number | null }>();
  for (const row of saved) {
    if (row.standard !== standard) continue;
    const current = latest.get(row.indicator);
    if (!current || row.year > current.year) latest.set(row.indicator, { year: row.year, value: row.value });
  }
  return latest;
}
