// View logic over a plan snapshot that the plan rules (src/plan) do not already cover: the
// objective table's filters and the signed-in person's own actions. Pure, so testable on plain data.
import {
  canUpdateAction,
  capabilitiesWithin,
  compareNumbers,
  isOverdue,
  type Action,
  type Capabilities,
  type IndicatorNumber,
  type Objective,
  type Person,
  type Rag,
} from "../../plan";
import type { PlanSnapshot } from "../../sharepoint";

export function actionsOf(snapshot: Pick<PlanSnapshot, "actions">, objectiveId: number): Action[] {
  return snapshot.actions
    .filter((a) => a.objectiveId === objectiveId)
    .sort((a, b) => compareNumbers(a.number, b.number));
}

export interface ActionFilter {
  /** A lead option's key (leadOptions): a person or a role named in the lead text. */
  lead: string | null;
  rag: Rag | null;
  indicator: IndicatorNumber | null;
  overdueOnly: boolean;
}

export const NO_FILTER: ActionFilter = { lead: null, rag: null, indicator: null, overdueOnly: false };

export function filterActions(actions: Action[], filter: ActionFilter, today: string): Action[] {
  return actions.filter(
    (a) =>
      (filter.lead === null || leadKeys(a).includes(filter.lead)) &&
      (filter.rag === null || a.rag === filter.rag) &&
      (filter.indicator === null || a.indicators.includes(filter.indicator)) &&
      (!filter.overdueOnly || isOverdue(a, today)),
  );
}

export interface LeadOption {
  key: string;
  label: string;
}

/**
 * The roles an action's lead text names. Imported plans join several on one line with "; "
 * ("Head of EDI; Trust Chair"); commas stay, as role names carry them ("Director of Nursing, Midwifery").
 */
export function leadRoles(action: Pick<Action, "leadText">): string[] {
  return (action.leadText ?? "")
    .split(/[;\n]/)
    .map((role) => role.trim().replace(/\s+/g, " "))
    .filter((role) => role.length > 0);
}

const personKey = (person: Pick<Person, "id">) => `person:${person.id}`;
// Roles match whatever their case: "Head of EDI" and "head of EDI" are one lead.
const roleKey = (role: string) => `role:${role.toLocaleLowerCase("en-GB")}`;

/** The lead option keys of an action (see leadOptions): its people and groups, and the roles its lead text names. */
export function leadKeys(action: Action): string[] {
  return [...action.leads.map(personKey), ...leadRoles(action).map(roleKey)];
}

/** Every lead of these actions, people and roles named in the lead text alike, once each, by name. */
export function leadOptions(actions: Action[]): LeadOption[] {
  const byKey = new Map<string, LeadOption>();
  for (const action of actions) {
    for (const person of action.leads) byKey.set(personKey(person), { key: personKey(person), label: person.title });
    for (const role of leadRoles(action))
      if (!byKey.has(roleKey(role))) byKey.set(roleKey(role), { key: roleKey(role), label: role });
  }
  return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label, "en-GB", { sensitivity: "base" }));
}

/** Whether I lead this action: named in its Leads (by id or e-mail), or a member of a SharePoint group named there. */
export function isLead(action: Action, me: Person): boolean {
  const email = me.email?.toLowerCase();
  return action.leads.some(
    (p) =>
      p.id === me.id ||
      me.groupIds?.includes(p.id) === true ||
      (email !== undefined && p.email?.toLowerCase() === email),
  );
}

/** May this person update this action's progress? src/plan's rule (nobody, in a closed objective), also matching a lead by e-mail. */
export function canUpdate(
  action: Action,
  me: Person,
  caps: Capabilities,
  objective?: Pick<Objective, "readOnly"> | null,
): boolean {
  const within = capabilitiesWithin(objective, caps);
  return canUpdateAction(action, me, within) || (within.editItems && isLead(action, me));
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
