// View logic over a plan snapshot that the plan rules (src/plan) do not already cover: the
// objective table's filters and the signed-in person's own actions. Pure, so testable on plain data.
import { canUpdateAction, compareNumbers, isOverdue, RAGS, type Action, type Capabilities, type IndicatorNumber, type Person, type Rag } from "../../plan";
import type { PlanSnapshot } from "../../sharepoint/types";

export const RAG_ORDER: readonly Rag[] = RAGS;

export function actionsOf(snapshot: Pick<PlanSnapshot, "actions">, objectiveId: number): Action[] {
  return snapshot.actions.filter((a) => a.objectiveId === objectiveId).sort((a, b) => compareNumbers(a.number, b.number));
}

export interface ActionFilter {
  leadId: number | null;
  rag: Rag | null;
  indicator: IndicatorNumber | null;
  overdueOnly: boolean;
}

export const NO_FILTER: ActionFilter = { leadId: null, rag: null, indicator: null, overdueOnly: false };

export function filterActions(actions: Action[], filter: ActionFilter, today: string): Action[] {
  return actions.filter(
    (a) =>
      (filter.leadId === null || a.leads.some((p) => p.id === filter.leadId)) &&
      (filter.rag === null || a.rag === filter.rag) &&
      (filter.indicator === null || a.indicators.includes(filter.indicator)) &&
      (!filter.overdueOnly || isOverdue(a, today)),
  );
}

/** Everyone who leads at least one of these actions, by name. */
export function leadsOf(actions: Action[]): Person[] {
  const byId = new Map<number, Person>();
  for (const action of actions) for (const lead of action.leads) byId.set(lead.id, lead);
  return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title));
}

export function isLead(action: Action, me: Person): boolean {
  const email = me.email?.toLowerCase();
  return action.leads.some((p) => p.id === me.id || (email !== undefined && p.email?.toLowerCase() === email));
}

/** May this person update this action's progress? src/plan's rule, also matching a lead by e-mail. */
export function canUpdate(action: Action, me: Person, caps: Capabilities): boolean {
  return canUpdateAction(action, me, caps) || (caps.editItems && isLead(action, me));
}

/** The signed-in person's actions: overdue first, then by due date (undated last), then by number. */
export function myActions(snapshot: Pick<PlanSnapshot, "actions">, me: Person, today: string): Action[] {
  return snapshot.actions
    .filter((a) => isLead(a, me))
    .sort((a, b) => {
      const overdue = Number(isOverdue(b, today)) - Number(isOverdue(a, today));
      if (overdue !== 0) return overdue;
      const due = (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999");
      return due !== 0 ? due : compareNumbers(a.number, b.number);
    });
}
