// Statistical primitives. Everything is computed from unrounded counts; rounding is for display only.
import type { NotCalculableReason } from "./types";

/** The 97.5th percentile of the standard normal distribution (two-sided 95% interval). */
export const Z_95 = 1.959963984540054;

export interface Proportion {
  count: number;
  of: number;
}

/** count / of, or null when there is no one to count from. */
export function rate(count: number, of: number): number | null {
  return of > 0 ? count / of : null;
}

/** count / of as a percentage (0-100), or null when of is 0. */
export function percent(count: number, of: number): number | null {
  return of > 0 ? (count / of) * 100 : null;
}

export type RatioOutcome =
  | { value: number; ci95: [number, number]; significant: boolean; reason: null; reasonSide: null }
  | { value: null; ci95: null; significant: null; reason: NotCalculableReason; reasonSide: "top" | "bottom" | null };

/**
 * Relative likelihood (risk ratio) of two proportions: (top.count / top.of) / (bottom.count / bottom.of),
 * with a 95% confidence interval by the log method (Katz et al. 1978):
 * exp(ln RR ± z * sqrt(1/a - 1/n1 + 1/c - 1/n2)).
 * Not calculable (null, with a reason; never Infinity, NaN or 0) when a denominator is 0, when either
 * numerator is 0, or when a numerator exceeds its denominator.
 */
export function relativeLikelihood(top: Proportion, bottom: Proportion, z: number = Z_95): RatioOutcome {
  const fail = (reason: NotCalculableReason, reasonSide: "top" | "bottom" | null): RatioOutcome => ({
    value: null,
    ci95: null,
    significant: null,
    reason,
    reasonSide,
  });
  if (![top.count, top.of, bottom.count, bottom.of].every(Number.isFinite)) return fail("missing-input", null);
  if (top.of <= 0) return fail("zero-denominator", "top");
  if (bottom.of <= 0) return fail("zero-denominator", "bottom");
  if (top.count > top.of) return fail("numerator-exceeds-denominator", "top");
  if (bottom.count > bottom.of) return fail("numerator-exceeds-denominator", "bottom");
  if (top.count <= 0 && bottom.count <= 0) return fail("zero-numerators", null);
  if (top.count <= 0) return fail("zero-numerator", "top");
  if (bottom.count <= 0) return fail("zero-numerator", "bottom");
  const logValue = Math.log(top.count / top.of) - Math.log(bottom.count / bottom.of);
  const variance = 1 / top.count - 1 / top.of + 1 / bottom.count - 1 / bottom.of;
  const halfWidth = z * Math.sqrt(Math.max(0, variance));
  const ci95: [number, number] = [Math.exp(logValue - halfWidth), Math.exp(logValue + halfWidth)];
  // Cross-multiplied so that whole counts give exact ratios (80/1000 over 100/1000 is 0.8, not 0.7999...).
  const value = (top.count * bottom.of) / (top.of * bottom.count);
  return { value, ci95, significant: ci95[0] > 1 || ci95[1] < 1, reason: null, reasonSide: null };
}

/** Outside the non-adverse band [low, high] (four-fifths rule: 0.80-1.25). */
export function isAdverse(value: number, band: { low: number; high: number }): boolean {
  // A relative tolerance so that a value equal to a band edge in exact arithmetic is not flagged.
  const eps = 1e-12;
  return value < band.low * (1 - eps) || value > band.high * (1 + eps);
}

/** A plain ratio of two ratios (no interval), e.g. the race disparity ratio. */
export function ratioOfRatios(
  top: Proportion,
  bottom: Proportion,
): { value: number; reason: null } | { value: null; reason: NotCalculableReason } {
  if (![top.count, top.of, bottom.count, bottom.of].every(Number.isFinite))
    return { value: null, reason: "missing-input" };
  if (top.of <= 0 || bottom.of <= 0) return { value: null, reason: "zero-denominator" };
  if (top.count <= 0 && bottom.count <= 0) return { value: null, reason: "zero-numerators" };
  if (top.count <= 0 || bottom.count <= 0) return { value: null, reason: "zero-numerator" };
  return { value: (top.count * bottom.of) / (top.of * bottom.count), reason: null };
}
