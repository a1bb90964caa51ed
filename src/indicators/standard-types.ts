// Standards as data: what a standard (WRES today, WDES next) defines, its groups, how each kind of record
// falls into them, and its indicators, so a new standard is a new definition (standard.ts), not new code.
import type {
  AggregateMeasure,
  AggregateRecord,
  ApplicationRecord,
  BoardRecord,
  CaseRecord,
  CaseType,
  Ethnicity,
  StaffRecord,
  SurveyRecord,
  TrainingRecord,
} from "./input";
import type { AdverseBand, ResultsDocument, Side } from "./types";

/** Group-of functions: how each kind of record falls into the standard's groups. */
export interface Classifiers {
  staff: (record: StaffRecord) => Side;
  /** Absent: the measure cannot be computed from that table. */
  application?: (record: ApplicationRecord) => Side;
  /** Absent or "unknown": the engine joins on personId to staff in post. */
  case?: (record: CaseRecord) => Side;
  training?: (record: TrainingRecord) => Side;
  board?: (record: BoardRecord) => Side;
  /** Aggregated counts by group; absent: aggregates are not used by this standard. */
  aggregate?: (record: AggregateRecord) => { reference: number; focus: number; unknown: number };
  /** Survey percentages by group; absent: survey indicators are not used. */
  survey?: (record: SurveyRecord) => {
    reference: number;
    focus: number;
    referenceN: number | null;
    focusN: number | null;
  };
}

/** Where the numerators and denominators of a relative likelihood come from. */
export type LikelihoodMeasure =
  | { source: "applications" } // appointed among shortlisted / shortlisted
  | { source: "cases"; caseType: CaseType; rollingTwoYears: boolean; aggregate: AggregateMeasure } // people entering / headcount
  | { source: "training"; aggregate: AggregateMeasure }; // people accessing / headcount

interface IndicatorBase {
  id: string;
  /** Message key of the indicator's title (see messages.ts). */
  labelKey: string;
}

export type IndicatorDefinition =
  | (IndicatorBase & { kind: "representation"; direction: "higher" })
  | (IndicatorBase & {
      kind: "relative-likelihood";
      measure: LikelihoodMeasure;
      /** Whose rate is the numerator (so that above 1 means the focus group fares worse). */
      numerator: "reference" | "focus";
      direction: "towards-one";
    })
  | (IndicatorBase & { kind: "survey"; question: number; direction: "lower" | "higher" })
  | (IndicatorBase & { kind: "board-difference"; direction: "towards-zero" });

export interface Standard<R extends string = string, F extends string = string> {
  id: string;
  labelKey: string;
  groups: { reference: R; focus: F };
  /** Message keys naming the groups in reports. */
  groupLabelKeys: Record<Side, string>;
  classify: Classifiers;
  indicators: IndicatorDefinition[];
  /** Finer categories of staff in post for indicator 1 (each on one side), e.g. Black, Asian, Mixed, Other within BME. */
  breakdown?: {
    categories: { key: string; side: Side; labelKey: string }[];
    of: (record: { ethnicity: Ethnicity }) => string;
    /** The specific categories under the finer groups (WRES: national codes A to S), for "ethnic-category" breakdowns. */
    detail?: { categories: { key: string; parent: string }[]; of: (record: { ethnicity: Ethnicity }) => string };
  };
  adverseBand: AdverseBand;
  completeness: { caution: number; unreliable: number };
  related: { modelEmployer: { targetYear: number } | null; raceDisparity: boolean };
}

export interface ComputeOptions<R extends string = "white", F extends string = "bme"> {
  standard?: Standard<R, F>;
  previous?: ResultsDocument<R, F>;
  organisation?: string;
  period?: string;
  /** Indicator 3 (and any rolling case measure): pool two years when both are present. Default true. */
  indicator3TwoYear?: boolean;
  /** Model Employer target year (default from the standard, 2028 for WRES). */
  modelEmployerTargetYear?: number;
  /**
   * Break populations down by ethnic group, gender, directorate... (schema 3). Default true: the
   * protection hides breakdown cells only, never a headline figure the tables alone would show
   * (docs/disclosure-control.md#breakdowns).
   */
  breakdowns?: boolean;
}
