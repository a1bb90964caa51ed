// Whether two years' results of one indicator were made the same way (docs/wres-method.md#breaks-in-a-series).
// A figure is compared with the year before only like for like: when the facts a result records about its
// method differ (indicator 3 pooled over two years one year and not the next, a relative likelihood drawn
// from another table or divided by another headcount), the later year begins a new series. Only facts both
// results record count: a fact an older document does not carry is unknown, never "changed".
import type { IndicatorResult } from "./types";

/** What changed in the method between two years. */
export type MethodChange =
  | "kind" // the results are not even the same kind of figure
  | "pooling" // one year alone against two years pooled (indicator 3)
  | "measure" // the events counted come from another table
  | "denominator"; // divided by another population (the measure's own table against staff in post)

export const METHOD_CHANGES: readonly MethodChange[] = ["kind", "pooling", "measure", "denominator"];

/** A fact of a result's method, or undefined when the result does not record it. */
type Facts = Partial<Record<Exclude<MethodChange, "kind">, string>>;

function factsOf<R extends string, F extends string>(result: IndicatorResult<R, F>): Facts {
  if (result.kind !== "relative-likelihood") return {};
  return { pooling: result.basis, measure: result.measure, denominator: result.denominator };
}

/** The method changes from `before` to `after` (empty: like for like, as far as the results record). */
export function methodChanges<R extends string, F extends string>(
  before: IndicatorResult<R, F>,
  after: IndicatorResult<R, F>,
): MethodChange[] {
  if (before.kind !== after.kind) return ["kind"];
  const a = factsOf(before);
  const b = factsOf(after);
  return (["pooling", "measure", "denominator"] as const).filter(
    (fact) => typeof a[fact] === "string" && typeof b[fact] === "string" && a[fact] !== b[fact],
  );
}
