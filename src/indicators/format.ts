// Display formatting. Figures are computed unrounded and rounded only here (docs/wres-method.md#rounding).

/** RL to 2 decimal places, e.g. "1.80"; "n/a" when not calculable. */
export function formatRatio(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "n/a" : x.toFixed(2);
}

/** Percentage to 1 decimal place, e.g. "13.3%". */
export function formatPercent(x: number | null | undefined, suppressed = false): string {
  if (suppressed) return HIDDEN_MARK;
  return x === null || x === undefined || !Number.isFinite(x) ? "n/a" : `${x.toFixed(1)}%`;
}

/** Percentage points with a sign, e.g. "-4.2 pp". */
export function formatPoints(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "n/a";
  const r = x.toFixed(1);
  return `${x > 0 && r !== "0.0" ? "+" : ""}${r === "-0.0" ? "0.0" : r} pp`;
}

/**
 * The one mark of a hidden figure, whatever the reason it is hidden (docs/disclosure-control.md): a count
 * below the threshold and a count hidden so that such a count cannot be worked out look the same.
 */
export const HIDDEN_MARK = "*";

/** A count; a hidden one as HIDDEN_MARK. */
export function formatCount(n: number | null | undefined, mark?: string): string {
  if (mark !== undefined) return HIDDEN_MARK;
  return n === null || n === undefined ? "n/a" : n.toLocaleString("en-GB");
}
