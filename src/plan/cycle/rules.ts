// The rules of a plan year's cycle: which state may follow which, who may move it, comment or
// answer in each state, and what a decision needs. Pure: the SharePoint layer records what happened
// (src/sharepoint/cycle-store.ts) and the tab asks these rules what to offer. Each refusal is an
// i18n key ("cycle.refusal.*") so it reads in English and Welsh.
import type { Capabilities } from "../types";
import type { AssuranceLevel, DecisionOutcome, PlanYearState } from "./types";

/** Who someone is to the cycle, from SharePoint's effective permissions (src/plan/types Capabilities). */
export type CycleRole = "editor" | "commenter" | "reader";

export function cycleRoleOf(capabilities: Pick<Capabilities, "editPlan" | "comment">): CycleRole {
  if (capabilities.editPlan) return "editor";
  return capabilities.comment ? "commenter" : "reader";
}

/** A refusal: the message key and its values. */
export interface Refusal {
  key: string;
  values?: Record<string, string>;
}

/**
 * The moves a plan editor makes by hand (a decision is recorded, never chosen as a move):
 * draft → consultation → draft (closed early) or submitted; returned → draft, consultation or
 * submitted again; approved → published.
 */
const MOVES: Readonly<Record<PlanYearState, readonly PlanYearState[]>> = {
  draft: ["consultation", "submitted"],
  consultation: ["draft", "submitted"],
  submitted: [],
  approved: ["published"],
  returned: ["draft", "consultation", "submitted"],
  published: [],
};

/** Where a plan year starts: a year with no recorded state is a draft. */
export const FIRST_STATE: PlanYearState = "draft";

/** The states a plan editor may move the year to from `state`, in the order they are offered. */
export function movesFrom(state: PlanYearState): readonly PlanYearState[] {
  return MOVES[state];
}

/** The state a decision puts the year in: "approved with changes" counts as approved. */
export function stateAfterDecision(outcome: DecisionOutcome): PlanYearState {
  return outcome === "returned" ? "returned" : "approved";
}

/** Whether `to` may follow `from`, by a move or by a decision. */
export function mayFollow(from: PlanYearState, to: PlanYearState): boolean {
  if (from === "submitted") return to === "approved" || to === "returned";
  return MOVES[from].includes(to);
}

function needsEditor(role: CycleRole): Refusal | null {
  return role === "editor" ? null : { key: "cycle.refusal.editorsOnly" };
}

/** Why a move is refused, or null when it is allowed. */
export function refuseMove(from: PlanYearState, to: PlanYearState, role: CycleRole): Refusal | null {
  const notEditor = needsEditor(role);
  if (notEditor) return notEditor;
  if (from === to) return { key: "cycle.refusal.alreadyIn", values: { state: to } };
  if (from === "submitted") return { key: "cycle.refusal.awaitingDecision" };
  if (from === "published") return { key: "cycle.refusal.published" };
  if (to === "approved" || to === "returned") return { key: "cycle.refusal.decisionOnly" };
  if (!MOVES[from].includes(to)) return { key: "cycle.refusal.notNext", values: { from, to } };
  return null;
}

/** What a decision records before it is stored (who and when come from SharePoint). */
export interface DecisionDraft {
  meeting: string;
  date: string;
  outcome: DecisionOutcome | null;
  assurance: AssuranceLevel | null;
  minuteReference: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/**
 * Why a decision cannot be recorded, field by field (empty when it can): only a plan editor, only on
 * a submitted plan; the meeting, a real date and the outcome are needed, and an approval also needs
 * the assurance level the committee took (a return may leave it out). `today` (ISO date) refuses a
 * meeting in the future.
 */
export function refuseDecision(
  state: PlanYearState,
  role: CycleRole,
  draft: DecisionDraft,
  today: string,
): { field: keyof DecisionDraft | null; refusal: Refusal }[] {
  const notEditor = needsEditor(role);
  if (notEditor) return [{ field: null, refusal: notEditor }];
  if (state !== "submitted") return [{ field: null, refusal: { key: "cycle.refusal.notSubmitted" } }];
  const out: { field: keyof DecisionDraft | null; refusal: Refusal }[] = [];
  if (draft.meeting.trim() === "") out.push({ field: "meeting", refusal: { key: "cycle.refusal.meetingNeeded" } });
  if (!isRealDate(draft.date)) out.push({ field: "date", refusal: { key: "cycle.refusal.dateNeeded" } });
  else if (draft.date > today) out.push({ field: "date", refusal: { key: "cycle.refusal.dateInFuture" } });
  if (draft.outcome === null) out.push({ field: "outcome", refusal: { key: "cycle.refusal.outcomeNeeded" } });
  else if (draft.outcome !== "returned" && draft.assurance === null)
    out.push({ field: "assurance", refusal: { key: "cycle.refusal.assuranceNeeded" } });
  return out;
}

/** Why someone may not comment on the plan now: during consultation, anyone who may comment (or edit). */
export function refuseComment(state: PlanYearState, role: CycleRole): Refusal | null {
  if (role === "reader") return { key: "cycle.refusal.cannotComment" };
  if (state !== "consultation") return { key: "cycle.refusal.notInConsultation" };
  return null;
}

/**
 * Why someone may not answer a comment now: plan editors answer, in consultation and after it
 * until the plan goes to committee (draft, returned), so that no comment goes unanswered for want
 * of time.
 */
export function refuseAnswer(state: PlanYearState, role: CycleRole): Refusal | null {
  const notEditor = needsEditor(role);
  if (notEditor) return notEditor;
  if (state === "consultation" || state === "draft" || state === "returned") return null;
  return { key: "cycle.refusal.answersClosed" };
}

/** What each role may do in a state, as message keys (the cycle card's "who may do what"). */
export function whoMayDoWhat(state: PlanYearState): { role: CycleRole; key: string }[] {
  const editor =
    state === "submitted"
      ? "cycle.who.editor.submitted"
      : state === "approved"
        ? "cycle.who.editor.approved"
        : state === "published"
          ? "cycle.who.editor.published"
          : state === "consultation"
            ? "cycle.who.editor.consultation"
            : "cycle.who.editor.drafting";
  return [
    { role: "editor", key: editor },
    {
      role: "commenter",
      key: state === "consultation" ? "cycle.who.commenter.consultation" : "cycle.who.commenter.other",
    },
    { role: "reader", key: "cycle.who.reader" },
  ];
}
