// Progress against the approved plan: today's plan compared with the copy frozen at approval.
// Actions are matched by their SharePoint item id (stable for an item's life), so a renumbered
// action is the same action, and one deleted and re-created is removed and added.
import type { Action, Objective, Rag } from "../types";
import type { ApprovedCopy } from "./types";

export type ScopeField = "title" | "kpis" | "milestones" | "outcomes";
const SCOPE_FIELDS: readonly ScopeField[] = ["title", "kpis", "milestones", "outcomes"];

export interface ActionSinceApproval {
  /** Today's action, or the approved one when it has been removed. */
  action: Action;
  /** The action as approved, or null when it was added since. */
  approved: Action | null;
  status: "added" | "removed" | "kept";
  /** Due date then and now, when it moved. */
  redated: { from: string | null; to: string | null } | null;
  /** Fields of its scope that changed (title, KPIs, milestones, outcomes). */
  rescoped: ScopeField[];
  /** Leads then and now (names, with the role text), when they changed. */
  leads: { from: string[]; to: string[] } | null;
  /** RAG at approval (null when added since) and now (null when removed). */
  ragThen: Rag | null;
  ragNow: Rag | null;
}

export interface SinceApproval {
  approvedAt: string;
  actions: ActionSinceApproval[];
  added: number;
  removed: number;
  redated: number;
  rescoped: number;
  leadChanged: number;
  /** Kept actions whose RAG is not what it was at approval. */
  ragMoved: number;
  /** Objectives added and removed since approval. */
  objectivesAdded: Objective[];
  objectivesRemoved: Objective[];
}

function leadNames(action: Action): string[] {
  const names = action.leads.map((p) => p.title);
  if (action.leadText) names.push(action.leadText);
  return names;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
}

function norm(value: string | null): string {
  return (value ?? "").trim();
}

/** Whether anything changed for this action since approval (worth a line in the report). */
export function changedSinceApproval(row: ActionSinceApproval): boolean {
  return (
    row.status !== "kept" ||
    row.redated !== null ||
    row.rescoped.length > 0 ||
    row.leads !== null ||
    row.ragThen !== row.ragNow
  );
}

export function compareWithApproved(
  copy: Pick<ApprovedCopy, "approvedAt" | "objectives" | "actions">,
  today: { objectives: readonly Objective[]; actions: readonly Action[] },
): SinceApproval {
  const approvedById = new Map(copy.actions.map((a) => [a.id, a]));
  const todayIds = new Set(today.actions.map((a) => a.id));
  const rows: ActionSinceApproval[] = [];
  for (const action of today.actions) {
    const approved = approvedById.get(action.id) ?? null;
    if (!approved) {
      rows.push({
        action,
        approved: null,
        status: "added",
        redated: null,
        rescoped: [],
        leads: null,
        ragThen: null,
        ragNow: action.rag,
      });
      continue;
    }
    const from = leadNames(approved);
    const to = leadNames(action);
    rows.push({
      action,
      approved,
      status: "kept",
      redated: approved.dueDate !== action.dueDate ? { from: approved.dueDate, to: action.dueDate } : null,
      rescoped: SCOPE_FIELDS.filter((f) => norm(approved[f]) !== norm(action[f])),
      leads: sameSet(from, to) ? null : { from, to },
      ragThen: approved.rag,
      ragNow: action.rag,
    });
  }
  for (const approved of copy.actions) {
    if (todayIds.has(approved.id)) continue;
    rows.push({
      action: approved,
      approved,
      status: "removed",
      redated: null,
      rescoped: [],
      leads: null,
      ragThen: approved.rag,
      ragNow: null,
    });
  }
  const byNumber = (a: ActionSinceApproval, b: ActionSinceApproval) =>
    a.action.number.localeCompare(b.action.number, "en", { numeric: true }) || a.action.id - b.action.id;
  rows.sort(byNumber);
  const kept = rows.filter((r) => r.status === "kept");
  const approvedObjectiveIds = new Set(copy.objectives.map((o) => o.id));
  const todayObjectiveIds = new Set(today.objectives.map((o) => o.id));
  return {
    approvedAt: copy.approvedAt,
    actions: rows,
    added: rows.filter((r) => r.status === "added").length,
    removed: rows.filter((r) => r.status === "removed").length,
    redated: kept.filter((r) => r.redated).length,
    rescoped: kept.filter((r) => r.rescoped.length > 0).length,
    leadChanged: kept.filter((r) => r.leads).length,
    ragMoved: kept.filter((r) => r.ragThen !== r.ragNow).length,
    objectivesAdded: today.objectives.filter((o) => !approvedObjectiveIds.has(o.id)),
    objectivesRemoved: copy.objectives.filter((o) => !todayObjectiveIds.has(o.id)),
  };
}
