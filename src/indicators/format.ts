// Display formatting. Figures are computed unrounded and rounded only here (WRES.md, "Rounding").

/** RL to 2 decimal places, e.g. "1.80"; "n/a" when not calculable. */
export function formatRatio(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "n/a" : x.toFixed(2);
}

/** Percentage to 1 decimal place, e.g. "13.3%". */
export function formatPercent(x: number | null | undefined, suppressed = false): string {
  if (suppressed) return "*";
  return x === null || x === undefined || !Number.isFinite(x) ? "n/a" : `${x.toFixed(1)}%`;
}

/** Percentage points with a sign, e.g. "-4.2 pp". */
export function formatPoints(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "n/a";
  const r = x.toFixed(1);
  return `${x > 0 && r !== "0.0" ? "+" : ""}${r === "-0.0" ? "0.0" : r} pp`;
}

/** A count; a hidden one as "<threshold" (primary) or "*" (hidden so another cannot be worked out). */
export function formatCount(n: number | null | undefined, mark?: "primary" | "secondary", threshold = 10): string {
  if (mark === "primary") return `<${threshold}`;
  if (mark === "secondary") return "*";
  return n === null || n === undefined ? "n/a" : n.toLocaleString("en-GB");
}
