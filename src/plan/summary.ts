// The overview's figures: counts by RAG, overdue actions and each objective's progress.
import { isOverdue } from "./overdue";
import { sortByNumber } from "./numbering";
import { rollUp, type RollUp } from "./rag";
import type { Action, Objective, Rag } from "./types";

/** The part of a plan snapshot the summary needs (PlanSnapshot of src/sharepoint fits). */
export interface PlanData {
  objectives: readonly Objective[];
  actions: readonly Action[];
  lastModified?: string | null;
}

/** Action progress in the words plans use: complete (Blue), on track (Green), at risk (Amber), off track (Red). */
export interface ProgressCounts {
  complete: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  total: number;
}

export type RagCounts = Record<Rag, number>;

export interface ObjectiveSummary {
  objective: Objective;
  rollUp: RollUp;
  progress: ProgressCounts;
  /** Its overdue actions, in number order. */
  overdue: Action[];
}

export interface PlanSummary {
  /** Actions by RAG across the plan. */
  actionsByRag: RagCounts;
  /** Objectives by rolled-up RAG; objectives with no actions are counted in notStarted. */
  objectivesByRag: RagCounts;
  notStarted: number;
  overdue: number;
  totalActions: number;
  lastModified: string | null;
  /** In objective number order. */
  objectives: ObjectiveSummary[];
}

function emptyRagCounts(): RagCounts {
  return { Red: 0, Amber: 0, Green: 0, Blue: 0 };
}

export function progressCounts(actions: readonly Pick<Action, "rag">[]): ProgressCounts {
  const counts: ProgressCounts = { complete: 0, onTrack: 0, atRisk: 0, offTrack: 0, total: actions.length };
  for (const action of actions) {
    if (action.rag === "Blue") counts.complete++;
    else if (action.rag === "Green") counts.onTrack++;
    else if (action.rag === "Amber") counts.atRisk++;
    else counts.offTrack++;
  }
  return counts;
}

export function summarisePlan(plan: PlanData, today: string): PlanSummary {
  const actionsByRag = emptyRagCounts();
  const objectivesByRag = emptyRagCounts();
  for (const action of plan.actions) actionsByRag[action.rag]++;

  const byObjective = new Map<number, Action[]>();
  for (const action of plan.actions) {
    const list = byObjective.get(action.objectiveId) ?? [];
    list.push(action);
    byObjective.set(action.objectiveId, list);
  }

  let notStarted = 0;
  const objectives = sortByNumber(plan.objectives).map((objective): ObjectiveSummary => {
    const own = byObjective.get(objective.id) ?? [];
    const summary = rollUp(objective, own);
    if (summary.rag === null) notStarted++;
    else objectivesByRag[summary.rag]++;
    return {
      objective,
      rollUp: summary,
      progress: progressCounts(own),
      overdue: sortByNumber(own.filter((a) => isOverdue(a, today))),
    };
  });

  let lastModified = plan.lastModified ?? null;
  if (lastModified === null) {
    for (const item of [...plan.objectives, ...plan.actions]) {
      if (item.modified && (lastModified === null || item.modified > lastModified)) lastModified = item.modified;
    }
  }

  return {
    actionsByRag,
    objectivesByRag,
    notStarted,
    overdue: plan.actions.filter((a) => isOverdue(a, today)).length,
    totalActions: plan.actions.length,
    lastModified,
    objectives,
  };
}
