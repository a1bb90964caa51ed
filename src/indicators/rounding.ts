// How a protected copy's figures are published: rounded as WRES reports round them (ratios and intervals to
// 2 decimal places, percentages to 1), and old hidden marks ("primary", "secondary") read as the one mark.
import { HIDDEN } from "./counts-table";

/** x rounded half away from zero to `places` decimals (as a published report rounds). */
export function roundTo(x: number, places: number): number {
  const f = 10 ** places;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Decimal places published for a field of a protected copy, by its name; null: published as it is. */
function placesOf(key: string): number | null {
  if (key.endsWith("Pct") || key === "gap" || key === "difference" || key === "neededPerYear") return 1;
  if (key === "value" || key === "ci95") return 2;
  if (key === "rate") return 3;
  return null;
}

/** Rounds every published figure of a protected copy in place (comparison items are rounded where made). */
export function roundPublished(node: unknown, key: string | null): unknown {
  if (Array.isArray(node)) {
    const places = key !== null ? placesOf(key) : null;
    return node.map((x) => (typeof x === "number" && places !== null ? roundTo(x, places) : roundPublished(x, null)));
  }
  if (node === null || typeof node !== "object") return node;
  const rec = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(rec)) {
    if (k === "comparison" || k === "adverseBand" || k === "thresholds" || k === "suppression") continue;
    if (typeof v === "number") {
      const places = placesOf(k);
      if (places !== null) rec[k] = roundTo(v, places);
    } else if (k === "suppressed" && v && typeof v === "object") {
      // Copies saved before schema 2 marked cells "primary" or "secondary": one mark now.
      for (const f of Object.keys(v)) (v as Record<string, unknown>)[f] = HIDDEN;
    } else rec[k] = roundPublished(v, k);
  }
  return rec;
}
