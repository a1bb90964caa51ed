// Each indicator's headline figure (the one saved per year and drawn in the trend): which standard the
// saved rows belong to, which way is good, and how the figure is written. Derived from the standard's
// definition (WRES_STANDARD), so a direction is written in one place.
import { bankStandardId, formatPoints, WRES_STANDARD, type Direction } from "../../indicators";
import type { IndicatorNumber, IndicatorResultRow } from "../../plan";

/** The standard the tab computes and saves results for. */
export const STANDARD_ID = WRES_STANDARD.id;

/** The standard the bank-only workforce's figures are saved under ("nhs-england-wres-bank"), never mixed with STANDARD_ID's. */
export const BANK_STANDARD_ID = bankStandardId(STANDARD_ID);

/** Which way is good for each indicator's headline figure (the one saved per year). */
export const HEADLINE_DIRECTION = Object.fromEntries(
  WRES_STANDARD.indicators.map((def) => [Number(def.id), def.direction]),
) as Record<IndicatorNumber, Direction>;

/** Decimal places shown for a headline: relative likelihoods 2, percentages and points 1. */
export function headlinePlaces(indicator: IndicatorNumber): number {
  return indicator >= 2 && indicator <= 4 ? 2 : 1;
}

/** A headline as written everywhere: "1.84", "13.3%", "+2.1 pp" (indicator 9), "–" when there is none. */
export function formatHeadline(indicator: IndicatorNumber, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "–";
  if (indicator >= 2 && indicator <= 4) return value.toFixed(2);
  if (indicator === 9) return formatPoints(value);
  return `${value.toFixed(1)}%`;
}

/** The newest saved year's value of each indicator (by year label, which sorts as "2024/25" < "2025/26"). */
export function latestByIndicator(
  saved: readonly IndicatorResultRow[],
  standard = STANDARD_ID,
): Map<IndicatorNumber, { year: string; value: number | null }> {
  const latest = new Map<IndicatorNumber, { year: string; value: number | null }>();
  for (const row of saved) {
    if (row.standard !== standard) continue;
    const current = latest.get(row.indicator);
    if (!current || row.year > current.year) latest.set(row.indicator, { year: row.year, value: row.value });
  }
  return latest;
}
