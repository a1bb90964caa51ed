// The year-on-year trend table: years as columns, indicators as rows, each cell with its move since the
// year before, the arrow respecting which way is good for that indicator. A year that begins a new series
// (series.ts: a method change, or a break a plan editor recorded) is never compared with the year before it.
import { trendOf, type Direction, type Trend } from "../../indicators";
import type { IndicatorNumber, IndicatorResultRow } from "../../plan";
import { HEADLINE_DIRECTION, headlinePlaces, STANDARD_ID } from "./headline";
import { seriesStarts, type SeriesStart } from "./series";

export interface TrendCell {
  year: string;
  value: number | null;
  /** Compared with the year before it in the table (not-comparable for the first). */
  trend: Trend;
  /** The figure of the year before in the table (null for the first, or after a gap): the arrow's direction. */
  previous: number | null;
  origin: "computed" | "entered";
  /** Set when this year begins a new series (then `trend` is "not-comparable" and `previous` null), with why. */
  newSeries: SeriesStart | null;
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
  const startsAt = seriesStarts(mine, standard);
  const rows = indicators.map((indicator): TrendRow => {
    const direction = HEADLINE_DIRECTION[indicator];
    let previous: number | null = null;
    const cells = years.map((year, i): TrendCell | null => {
      const row = mine.find((r) => r.indicator === indicator && r.year === year);
      if (!row) {
        previous = null;
        return null;
      }
      const newSeries = startsAt(indicator, year);
      const before = i === 0 || newSeries ? null : previous;
      const trend =
        before === null ? "not-comparable" : trendOf(row.value, before, direction, headlinePlaces(indicator));
      previous = row.value;
      return { year, value: row.value, trend, previous: before, origin: row.origin, newSeries };
    });
    return { indicator, direction, cells };
  });
  return { years, rows };
}
