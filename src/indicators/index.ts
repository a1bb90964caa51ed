// The indicator module's public face: pure functions from read records to the results document,
// and the input model (./input) those records follow.
export * from "./input";
export { computeResults } from "./compute";
export { bankStandardId, isBankStandard } from "./bank";
export { suppressResults, DEFAULT_THRESHOLD, PROTECTED_NOTICE, type SuppressOptions } from "./suppress";
export { roundTo } from "./rounding";
export {
  DIMENSION_NAMES,
  isDimension,
  renderBreakdownMarkdown,
  DIMENSION_LABEL,
  ROW_LABEL,
  COLUMN_LABEL,
} from "./breakdown-markdown";
export {
  DIMENSIONS,
  breakdownView,
  dimensionsIn,
  tableOf,
  type BreakdownView,
  type ViewCell,
  type ViewFigure,
  type ViewRow,
} from "./breakdown-view";
export { renderMarkdown } from "./markdown";
export { WRES_STANDARD, ethnicSide } from "./standard";
export { relativeLikelihood, rate, percent, isAdverse, Z_95 } from "./stats";
export { tally, tallyBy, toCounts, type Tally } from "./groups";
export { compareResults, headlineValue, movementOf, trendOf } from "./compare";
export type { Movement } from "./compare";
export { methodChanges, METHOD_CHANGES, type MethodChange } from "./method-change";
export { formatRatio, formatPercent, formatPoints, formatCount, HIDDEN_MARK } from "./format";
export { cautionNote, reasonNote, englishNote, EN_GB, t as indicatorText, type Note } from "./messages";
export type * from "./types";
export type * from "./standard-types";
/** JSON Schema (draft-07) of the WRES results document, published as src/indicators/results.schema.json. */
export { default as RESULTS_SCHEMA } from "./results.schema.json";
