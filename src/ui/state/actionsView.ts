// The plan-wide Actions view: which actions a view shows (search and filters), in which order, in
// which groups, and the board's columns. Pure, so the screen stays thin and every rule is testable
// on plain data; the view itself travels in the address (actionsAddress.ts).
import {
  compareNumbers,
  isOverdue,
  RAGS,
  type Action,
  type IndicatorNumber,
  type Objective,
  type Rag,
} from "../../plan";
import type { PlanSnapshot } from "../../sharepoint";
import { leadKeys, leadRoles } from "./planView";

export type ActionsSort = "number" | "due" | "rag" | "changed";
export type ActionsGroup = "none" | "objective" | "rag" | "lead" | "indicator";
export type ActionsLayout = "list" | "board";

export const SORTS: readonly ActionsSort[] = ["number", "due", "rag", "changed"];
export const GROUPS: readonly ActionsGroup[] = ["none", "objective", "rag", "lead", "indicator"];
export const LAYOUTS: readonly ActionsLayout[] = ["list", "board"];

/** One view of the plan's actions: every field is kept in the address, so a link opens the same view. */
export interface ActionsView {
  /** Words to find in an action's number, title, progress, KPIs or leads' names. */
  query: string;
  /** Shown when its RAG is one of these (none: any RAG). */
  rags: Rag[];
  /** Lead option keys (planView's leadOptions): shown when led by any of these (none: anyone). */
  leads: string[];
  /** Shown when it serves any of these indicators (none: any). */
  indicators: IndicatorNumber[];
  /** Objective ids: shown when it belongs to one of these (none: any). */
  objectives: number[];
  /** Only actions overdue today. */
  overdue: boolean;
  /** Only actions due on or before this day (yyyy-mm-dd); undated actions are left out. */
  dueBy: string | null;
  sort: ActionsSort;
  group: ActionsGroup;
  layout: ActionsLayout;
}

export const DEFAULT_VIEW: ActionsView = {
  query: "",
  rags: [],
  leads: [],
  indicators: [],
  objectives: [],
  overdue: false,
  dueBy: null,
  sort: "number",
  group: "none",
  layout: "list",
};

/** The view with its filters cleared; the way it is sorted, grouped and laid out stays. */
export function clearFilters(view: ActionsView): ActionsView {
  return { ...DEFAULT_VIEW, sort: view.sort, group: view.group, layout: view.layout };
}

/** How many filters (search included) narrow the view: the "Filters (3)" count. */
export function activeFilterCount(view: ActionsView): number {
  return (
    (view.query.trim() ? 1 : 0) +
    (view.rags.length ? 1 : 0) +
    (view.leads.length ? 1 : 0) +
    (view.indicators.length ? 1 : 0) +
    (view.objectives.length ? 1 : 0) +
    (view.overdue ? 1 : 0) +
    (view.dueBy ? 1 : 0)
  );
}

/** Text folded for matching: lower case, accents off (Welsh ŵ and ŷ match w and y), spaces collapsed. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en-GB").replace(/\s+/g, " ").trim();
}

function searchText(action: Action): string {
  return fold(
    [
      action.number,
      action.title,
      action.progress ?? "",
      action.kpis ?? "",
      ...action.leads.map((p) => p.title),
      action.leadText ?? "",
    ].join("\n"),
  );
}

/** Whether the action holds every word of the query (in any of the searched fields). */
export function matchesQuery(action: Action, query: string): boolean {
  const words = fold(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const text = searchText(action);
  return words.every((word) => text.includes(word));
}

/** Whether the action passes the view's search and every filter (filters combine with AND, choices within one with OR). */
export function matchesView(action: Action, view: ActionsView, today: string): boolean {
  if (view.rags.length > 0 && !view.rags.includes(action.rag)) return false;
  if (view.leads.length > 0) {
    const keys = leadKeys(action);
    if (!view.leads.some((lead) => keys.includes(lead))) return false;
  }
  if (view.indicators.length > 0 && !view.indicators.some((n) => action.indicators.includes(n))) return false;
  if (view.objectives.length > 0 && !view.objectives.includes(action.objectiveId)) return false;
  if (view.overdue && !isOverdue(action, today)) return false;
  if (view.dueBy !== null && (action.dueDate === null || action.dueDate.slice(0, 10) > view.dueBy)) return false;
  return matchesQuery(action, view.query);
}

/** When the action last changed: its newest update, else the item's own last change. */
export function lastChanged(action: Action, snapshot: Pick<PlanSnapshot, "lastUpdates">): string {
  const update = snapshot.lastUpdates[action.id]?.date;
  return update && update > action.modified ? update : action.modified;
}

const RAG_RANK: Record<Rag, number> = { Red: 0, Amber: 1, Green: 2, Blue: 3 };

/**
 * The order of a sort: by number (the plan's own order); by due date, soonest first, undated last;
 * by RAG, worst first (Red, Amber, Green, then Blue for complete); by last change, newest first.
 * Ties fall back to the number, so the order is always the same for the same plan.
 */
export function compareActions(
  sort: ActionsSort,
  snapshot: Pick<PlanSnapshot, "lastUpdates">,
): (a: Action, b: Action) => number {
  const byNumber = (a: Action, b: Action) => compareNumbers(a.number, b.number) || a.id - b.id;
  switch (sort) {
    case "due":
      return (a, b) => (a.dueDate ?? "9999-99-99").localeCompare(b.dueDate ?? "9999-99-99") || byNumber(a, b);
    case "rag":
      return (a, b) => RAG_RANK[a.rag] - RAG_RANK[b.rag] || byNumber(a, b);
    case "changed":
      return (a, b) => lastChanged(b, snapshot).localeCompare(lastChanged(a, snapshot)) || byNumber(a, b);
    default:
      return byNumber;
  }
}

/** The actions the view shows, in its order. */
export function viewActions(
  snapshot: Pick<PlanSnapshot, "actions" | "lastUpdates">,
  view: ActionsView,
  today: string,
): Action[] {
  return snapshot.actions.filter((a) => matchesView(a, view, today)).sort(compareActions(view.sort, snapshot));
}

/** What a group is, for the screen to put into words. */
export type GroupLabel =
  | { kind: "all" }
  | { kind: "objective"; objective: Objective | null }
  | { kind: "rag"; rag: Rag }
  | { kind: "lead"; name: string }
  | { kind: "noLead" }
  | { kind: "indicator"; indicator: IndicatorNumber }
  | { kind: "noIndicator" };

export interface ActionGroupOf {
  key: string;
  label: GroupLabel;
  actions: Action[];
}

/**
 * The shown actions in groups, each group keeping the view's order. Grouped by lead or indicator, an
 * action with two leads (or indicators) appears under each; one with none goes to a last group of its own.
 */
export function groupActions(
  actions: readonly Action[],
  group: ActionsGroup,
  objectives: readonly Objective[],
): ActionGroupOf[] {
  if (group === "none") return actions.length ? [{ key: "all", label: { kind: "all" }, actions: [...actions] }] : [];
  const groups = new Map<string, ActionGroupOf & { order: string | number }>();
  const add = (key: string, label: GroupLabel, order: string | number, action: Action) => {
    const found = groups.get(key);
    if (found) found.actions.push(action);
    else groups.set(key, { key, label, order, actions: [action] });
  };
  for (const action of actions) {
    if (group === "objective") {
      const objective = objectives.find((o) => o.id === action.objectiveId) ?? null;
      add(`objective:${action.objectiveId}`, { kind: "objective", objective }, objective?.number ?? "99999", action);
    } else if (group === "rag") {
      add(`rag:${action.rag}`, { kind: "rag", rag: action.rag }, RAG_RANK[action.rag], action);
    } else if (group === "indicator") {
      if (action.indicators.length === 0) add("indicator:none", { kind: "noIndicator" }, 99, action);
      for (const n of [...new Set(action.indicators)])
        add(`indicator:${n}`, { kind: "indicator", indicator: n }, n, action);
    } else {
      const keys = leadKeys(action);
      const names = [...action.leads.map((p) => p.title), ...leadRoles(action)];
      if (keys.length === 0) add("lead:none", { kind: "noLead" }, "\uffff", action);
      const seen = new Set<string>();
      keys.forEach((key, i) => {
        if (seen.has(key)) return;
        seen.add(key);
        add(key, { kind: "lead", name: names[i] ?? key }, names[i] ?? key, action);
      });
    }
  }
  return [...groups.values()]
    .sort((a, b) =>
      typeof a.order === "number" && typeof b.order === "number"
        ? a.order - b.order
        : group === "objective"
          ? compareNumbers(String(a.order), String(b.order))
          : String(a.order).localeCompare(String(b.order), "en-GB", { sensitivity: "base" }),
    )
    .map(({ key, label, actions: members }) => ({ key, label, actions: members }));
}

/** The board's columns, Red, Amber, Green and Blue, each keeping the view's order. */
export function boardColumns(actions: readonly Action[]): { rag: Rag; actions: Action[] }[] {
  return RAGS.map((rag) => ({ rag, actions: actions.filter((a) => a.rag === rag) }));
}
