// The plan year as boards run it: drafted with the staff network, put out for consultation,
// submitted to a committee, approved (or returned) with a level of assurance, then published.
// Plain data shared by the rules (src/plan/cycle), the SharePoint data layer and the documents.
import type { Action, IndicatorResultRow, Objective, Person } from "../types";

/** Where a plan year is in its cycle. "returned" goes back to the editors, who may submit again. */
export type PlanYearState = "draft" | "consultation" | "submitted" | "approved" | "returned" | "published";
export const PLAN_YEAR_STATES: readonly PlanYearState[] = [
  "draft",
  "consultation",
  "submitted",
  "approved",
  "returned",
  "published",
];

/** What the committee decided. */
export type DecisionOutcome = "approved" | "approved-with-changes" | "returned";
export const DECISION_OUTCOMES: readonly DecisionOutcome[] = ["approved", "approved-with-changes", "returned"];

/** The level of assurance a committee takes from the plan, in the words committee papers use. */
export type AssuranceLevel = "assured" | "partially-assured" | "not-assured";
export const ASSURANCE_LEVELS: readonly AssuranceLevel[] = ["assured", "partially-assured", "not-assured"];

/** The committee's decision on a submitted plan, as recorded by a plan editor. */
export interface Decision {
  /** The committee or board meeting, e.g. "People and Culture Committee". */
  meeting: string;
  /** ISO date (yyyy-mm-dd) of the meeting. */
  date: string;
  outcome: DecisionOutcome;
  assurance: AssuranceLevel | null;
  /** The minute reference, e.g. "PCC/24/117". */
  minuteReference: string | null;
  recordedBy: Person | null;
  /** ISO timestamp of when it was recorded. */
  recordedAt: string;
}

/**
 * The plan as the committee approved it: frozen at approval, never changed by later edits to the
 * live plan. The public version, the committee paper and "changes since approval" read from it.
 */
export interface ApprovedCopy {
  year: string;
  /** ISO timestamp of the approval (when the decision was recorded). */
  approvedAt: string;
  decision: Decision;
  objectives: Objective[];
  /** Each action with its leads, due date, KPIs and its RAG at approval. */
  actions: Action[];
  /** The saved indicator results the plan was based on (already suppressed, publishable). */
  results: IndicatorResultRow[];
}
