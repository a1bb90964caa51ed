// The results document (docs/wres-method.md#the-results-document); the standards that produce it are in standard-types.ts.
// Field names marked "contract" are fixed: the tab, the command line, saved results and tests read them.
// The two compared groups are named by the standard (WRES: "white" and "bme"), so the same shapes
// serve other standards (e.g. disability: "nonDisabled" and "disabled") without new code.
import type { AfcBand, Cohort, MedicalSubgroup, SheetKind } from "./input";
import type { MethodChange } from "./method-change";

/** Which side of a comparison a record falls on. "reference" is White in WRES, "focus" is BME. */
export type Side = "reference" | "focus" | "unknown";

/**
 * The one mark of a hidden figure in a protected copy (schema 2). Whether it was below the threshold or
 * hidden so that another cannot be worked out is never published (schema 1 said "primary"/"secondary").
 */
export type SuppressionMark = "hidden";

/** Who a results document is for: exact (submission to NHS England, the board) or protected (the public, the tab). */
export type Audience = "exact" | "protected";

/**
 * Counts per group (contract): `{ white, bme, unknown, total, whitePct, bmePct, unknownPct }` for WRES.
 * Percentages are 0-100 and unrounded; null when the total is 0. In a suppressed copy a hidden
 * count or percentage is null and `suppressed` says which and why.
 */
export type Counts<R extends string = "white", F extends string = "bme"> = Record<
  R | F | "unknown" | "total",
  number | null
> &
  Record<`${R | F | "unknown"}Pct`, number | null> & { suppressed?: Partial<Record<string, SuppressionMark>> };

/** Row keys of indicator 1 tables: AfC bands or medical subgroups. */
export type RowKey = AfcBand | MedicalSubgroup;

/** Reason codes for a figure that cannot be calculated (the tab and the report put them in words). */
export type NotCalculableReason =
  | "missing-input" // an input the measure needs is absent (e.g. cases but no staff in post)
  | "zero-denominator" // a group has no one to count from
  | "zero-numerators" // neither group has any event
  | "zero-numerator" // one group has no event, so the ratio would be 0 or infinite
  | "numerator-exceeds-denominator" // more events than people: inputs disagree
  | "below-threshold"; // hidden in a publishable copy because counts are below the small-number threshold

/** A caution shown next to a figure that is still given. */
export type Caution =
  | "small-numbers" // computed from counts below the threshold
  | "appointed-not-shortlisted" // applications appointed without being shortlisted were left out
  | "two-year-not-available" // the two-year option was asked for but only one year is present
  | "cases-without-date" // cases with no start date were counted in the current year
  | "cases-outside-period" // cases dated outside the years used were left out
  | "survey-respondents-unknown";

export type Direction = "lower" | "higher" | "towards-one" | "towards-zero";

/**
 * A numerator and denominator for one group (contract: `count`, `of`). `rate` is count/of, unrounded; in a
 * publishable copy it is hidden (null, with `suppressed.rate`) whenever count or of is, since rate x of = count.
 */
export interface Fraction {
  count: number | null;
  of: number | null;
  rate: number | null;
  suppressed?: Partial<Record<"count" | "of" | "rate", SuppressionMark>>;
}

export interface AdverseBand {
  low: number;
  high: number;
}

/** One sentence of a method note: a message key and its parameters (group and case-type codes, numbers as text). */
export interface MethodNotePart {
  key: string;
  params: Record<string, string>;
}

/** The table a relative likelihood's numerators come from (a standard's LikelihoodMeasure names one). */
export type LikelihoodSource = "applications" | "cases" | "training";

/** Indicators 2-4 (contract: value, white, bme, ci95, adverse, method, reason). */
export type RelativeLikelihoodResult<R extends string = "white", F extends string = "bme"> = {
  kind: "relative-likelihood";
  /** Unrounded; null when not calculable (never Infinity, NaN or 0). */
  value: number | null;
  ci95: [number, number] | null;
  /** True when the 95% interval excludes 1. */
  significant: boolean | null;
  /** Outside the non-adverse band (0.80-1.25); null when not calculable. */
  adverse: boolean | null;
  adverseBand: AdverseBand;
  /** How it was computed, in words (English; codes below for machines). */
  method: string;
  /**
   * The same note as message keys and parameters (codes, never words), so a reader sees it in their
   * own language. Absent from documents saved before it was added: those are shown by `method`.
   */
  methodKeys?: MethodNotePart[];
  ciMethod: "katz-log";
  /** Which group's rate is the numerator, so that above 1 means the focus group fares worse. */
  numerator: "reference" | "focus";
  reason: NotCalculableReason | null;
  /** The group the reason is about, when it is about one. */
  reasonGroup: R | F | null;
  /** Indicator 3: one year, or two years pooled. */
  basis: "single-year" | "two-year-pooled";
  years: string[];
  /** Which table the numerators come from. */
  measure: LikelihoodSource;
  /** Where the denominators came from: the measure's own table, or staff in post. */
  denominator: "own" | "staff";
  source: "rows" | "aggregates";
  cautions: Caution[];
  /** Schema 3: numerators and denominators by ethnic group, gender... (row-level input only; absent before). */
  breakdowns?: BreakdownTable[];
} & Record<R | F, Fraction>;

export interface RepresentationResult<R extends string = "white", F extends string = "bme"> {
  kind: "representation";
  overall: Counts<R, F>;
  cohorts: {
    "non-clinical": Partial<Record<AfcBand, Counts<R, F>>>;
    clinical: Partial<Record<AfcBand, Counts<R, F>>>;
    medical: Partial<Record<MedicalSubgroup, Counts<R, F>>>;
  };
  /** AfC bands with non-clinical and clinical staff together (what Model Employer and disparity ratios use). */
  bands: Partial<Record<AfcBand, Counts<R, F>>>;
  /** Staff whose band (or medical grade) is not known, per cohort: counted in `overall`, shown here. */
  unbanded: Partial<Record<Cohort, Counts<R, F>>>;
  /** AfC staff (non-clinical and clinical) at 8a and above, and at 8c to VSM. */
  senior: { "8a-VSM": Counts<R, F>; "8c-VSM": Counts<R, F> };
  /** Headcount by finer categories (WRES: White, Mixed, Asian, Black, Other, Unknown), row-level input only. */
  breakdown: Breakdown | null;
  /** Consultants who are senior medical managers (row-level input only). */
  seniorMedicalManagers: Counts<R, F> | null;
  source: "rows" | "aggregates";
  /** Schema 3: the population by ethnic group, gender, directorate... (row-level input only; absent before). */
  breakdowns?: BreakdownTable[];
  /** Schema 3: teams in which no one is in the focus group (staff tables with a team column only). */
  teamsWithoutFocus?: TeamsWithoutFocus;
}

/**
 * What a population is broken down by (docs/wres-method.md#breakdowns). "ethnic-group": the standard's finer
 * groups (WRES: White, Mixed, Asian, Black, Other, Unknown); "ethnic-category": the specific categories under
 * them (national codes A to S); the rest are staff-table columns, each row split by the compared groups.
 */
export type BreakdownDimension =
  "ethnic-group" | "ethnic-category" | "gender" | "ethnic-group-gender" | "directorate" | "division" | "staff-group";

/**
 * One cell of a breakdown: a count of people; for a relative likelihood also its denominator and rate.
 * In a protected copy a hidden figure is null and marked in `suppressed`.
 */
export interface BreakdownCell {
  count: number | null;
  of?: number | null;
  rate?: number | null;
  suppressed?: Partial<Record<"count" | "of" | "rate", SuppressionMark>>;
}

/**
 * A population broken down (schema 3): rows (the dimension's values; "all" for an ethnic breakdown of the whole
 * population; "" for records without a value) by columns (ethnic groups, each on a side, and "total").
 */
export interface BreakdownTable {
  dimension: BreakdownDimension;
  rows: string[];
  /** Ethnic columns in display order, then "total". */
  columns: string[];
  /** The side of each ethnic column. */
  sides: Record<string, Side>;
  /** For "ethnic-category": the ethnic group each specific category is under (e.g. "H" -> "asian"). */
  parents?: Record<string, string>;
  cells: Record<string, Record<string, BreakdownCell>>;
  /**
   * Relative likelihoods only: per row, each column's likelihood against the row's reference column, oriented
   * as the indicator is (above 1: that group fares worse). Null when not calculable or hidden.
   */
  likelihood?: Record<string, Record<string, number | null>>;
}

/** Teams with no one in the focus group (e.g. "service teams with no BME member"). */
export interface TeamsWithoutFocus {
  /** Teams named in staff in post. */
  teams: number;
  /** Of them, those with no focus-group member (unknowns may be in them). */
  without: number;
  /** Their names, in the exact document only: a protected copy never lists them (null, marked hidden). */
  names: string[] | null;
  suppressed?: Partial<Record<"names", SuppressionMark>>;
}

/** Counts per category; null when hidden in a publishable copy (see `suppressed`). */
export type CategoryCounts = Record<string, number | null> & { suppressed?: Partial<Record<string, SuppressionMark>> };

export interface Breakdown {
  /** Category keys in display order, e.g. ["white", "mixed", "asian", "black", "other", "unknown"]. */
  categories: string[];
  /** Which side each category is on (its counts add up to that side's count in indicator 1). */
  sides: Record<string, Side>;
  overall: CategoryCounts;
  /** AfC bands, non-clinical and clinical together. */
  bands: Partial<Record<AfcBand, CategoryCounts>>;
  /** Band 8a and above. */
  senior: CategoryCounts;
}

/** Indicators 5-8 (contract: whitePct, bmePct, gap = bmePct - whitePct). */
export type SurveyResult<R extends string = "white", F extends string = "bme"> = {
  kind: "survey";
  question: number;
  year: number | null;
  direction: "lower" | "higher";
  gap: number | null;
  cautions: Caution[];
  suppressed?: Partial<Record<string, SuppressionMark>>;
} & Record<`${R | F}Pct`, number | null> &
  Record<`${R | F}Respondents`, number | null>;

/** Indicator 9 per membership kind (contract: boardBmePct, workforceBmePct, difference). */
export type BoardDifference<R extends string = "white", F extends string = "bme"> = {
  difference: number | null;
  reason: NotCalculableReason | null;
  members: Counts<R, F>;
  /** "small-numbers" in a publishable copy when member counts are hidden. */
  cautions?: Caution[];
  /**
   * In a publishable copy: the board and workforce percentages and the difference, when hidden because the
   * counts they are computed from are (board % x members = the hidden count).
   */
  suppressed?: Partial<Record<string, SuppressionMark>>;
} & Record<`board${Capitalize<F>}Pct` | `workforce${Capitalize<F>}Pct`, number | null>;

export interface BoardResult<R extends string = "white", F extends string = "bme"> {
  kind: "board-difference";
  voting: BoardDifference<R, F>;
  executive: BoardDifference<R, F>;
  source: "board" | "staff" | "aggregates";
}

export type IndicatorResult<R extends string = "white", F extends string = "bme"> =
  RepresentationResult<R, F> | RelativeLikelihoodResult<R, F> | SurveyResult<R, F> | BoardResult<R, F>;

/** Model Employer (related measure): focus-group representation per band from 8a up vs the whole workforce. */
export interface ModelEmployerBand {
  band: AfcBand;
  headcount: number | null;
  focus: number | null;
  focusPct: number | null;
  /** The aspiration: the focus group's share of the whole workforce. */
  targetPct: number | null;
  /** targetPct - focusPct, percentage points (positive = under-represented). */
  gapPct: number | null;
  /** More focus-group staff needed at today's headcount to reach the target (0 when met). */
  needed: number | null;
  /** needed spread evenly over the years left to the target year. */
  neededPerYear: number | null;
  suppressed?: Partial<Record<string, SuppressionMark>>;
}

export interface ModelEmployerResult {
  kind: "model-employer";
  targetYear: number;
  /** Years from the period's end to the target year (null when the period is unknown). */
  yearsLeft: number | null;
  targetPct: number | null;
  bands: ModelEmployerBand[];
}

export type PayTier = "lower" | "middle" | "upper";

export interface DisparityRatio {
  from: PayTier;
  to: PayTier;
  /** (reference to/from) / (focus to/from); above 1 means the focus group progresses less. */
  value: number | null;
  reason: NotCalculableReason | null;
}

export interface RaceDisparityResult {
  kind: "race-disparity";
  /** Bands of each tier: lower 1-5, middle 6-7, upper 8a-VSM (setting, as trusts report it). */
  tiers: Record<PayTier, AfcBand[]>;
  ratios: DisparityRatio[];
}

export type CompletenessLevel = "ok" | "caution" | "unreliable";

export interface InputCompleteness {
  /** Null (marked hidden) in a protected copy only when it is a sum of hidden counts with nothing else to hide. */
  records: number | null;
  unknown: number | null;
  unknownPct: number | null;
  level: CompletenessLevel;
  suppressed?: Partial<Record<string, SuppressionMark>>;
}

export type InputName = "staff" | "applications" | "cases" | "training" | "board" | "aggregates";

export interface SheetQuality {
  file: string;
  sheet: string | null;
  kind: SheetKind | null;
  /** The three row counts are null in a protected copy when the input's records are hidden (they are the same people). */
  rowsRead: number | null;
  rowsUsed: number | null;
  rowsExcluded: number | null;
  exclusions: Record<string, number>;
  unknownEthnicityPct: number | null;
}

/** Contract key `dataQuality`: unknown-ethnicity shares and warnings per input, excluded rows. */
export interface DataQuality {
  inputs: Partial<Record<InputName, InputCompleteness>>;
  /** Thresholds used: above `caution`% unknown is a caution, above `unreliable`% unreliable. */
  thresholds: { caution: number; unreliable: number };
  warnings: { input: InputName; level: Exclude<CompletenessLevel, "ok">; unknownPct: number | null }[];
  sheets: SheetQuality[];
  rowsExcluded: number;
  /** Exclusion reason code -> rows, over all sheets. */
  exclusions: Record<string, number>;
  issues: { errors: number; warnings: number };
}

export type Trend = "improved" | "worsened" | "unchanged" | "not-comparable";

export interface ComparisonItem {
  indicator: string;
  /** Which figure: "value" (RL), "focusPct", "gap", "difference.voting", "senior8aPct"... */
  measure: string;
  current: number | null;
  previous: number | null;
  change: number | null;
  direction: Direction;
  trend: Trend;
  /** Set when the method changed since last year (docs/wres-method.md#breaks-in-a-series): trend "not-comparable", no change. */
  methodChanges?: MethodChange[];
  /** In a protected copy: this year's or last year's figure is hidden there (not "not calculable"). */
  suppressed?: Partial<Record<"current" | "previous", SuppressionMark>>;
  /**
   * For a percentage of people: the count behind it this year and last, so a publishable copy can hide a
   * percentage that would reveal a small count. Removed by suppressResults.
   */
  counts?: { current: number | null; previous: number | null };
}

export interface Comparison {
  previousPeriod: string | null;
  items: ComparisonItem[];
}

export interface SuppressionInfo {
  threshold: number;
  /** How many counts are hidden (below the threshold, or to protect one that is: not told apart). */
  hidden: number;
  /** Board composition (indicator 9) published in full (the default) or protected like other counts. */
  publishBoardComposition: boolean;
}

export interface ResultsDocument<R extends string = "white", F extends string = "bme"> {
  /**
   * 2 since the audiences and the single hidden mark (docs/disclosure-control.md); 3 since breakdowns
   * (docs/wres-method.md#breakdowns). A document of either version reads: breakdowns are optional.
   */
  schemaVersion: 2 | 3;
  /** Who it is for; `notice` says so in words inside the document itself. */
  audience: Audience;
  notice: string;
  /** Contract: the standard's id, "nhs-england-wres". */
  standard: string;
  /** Contract: e.g. "2024/25", or null. */
  period: string | null;
  organisation: string | null;
  snapshotDate: string | null;
  /** The document's names for the two compared groups. */
  groups: { reference: R; focus: F };
  /** Contract: keyed "1".."9"; an indicator whose inputs are absent is left out. */
  indicators: Partial<Record<string, IndicatorResult<R, F>>>;
  /** Related measures, clearly labelled as such. */
  related: { modelEmployer?: ModelEmployerResult; raceDisparity?: RaceDisparityResult };
  dataQuality: DataQuality;
  comparison: Comparison | null;
  /** Null in the exact document; set in a protected copy made by suppressResults. */
  suppression: SuppressionInfo | null;
  /**
   * The bank-only workforce's figures (docs/bank-workforce.md): a document of its own standard
   * (`<standard>-bank`), computed over bank workers only and never mixed with the figures above. Absent when
   * the data have no bank-only worker, and in documents made before it was added.
   */
  bank?: ResultsDocument<R, F>;
}
