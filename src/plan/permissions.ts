// What a person may do with an action, from their capabilities (SharePoint's effective
// permissions), the plan's rule that action owners update only the actions they lead, and the
// plan's year: a closed (rolled-over) objective is a record, read by everyone and changed by nobody.
import type { Action, Capabilities, Objective, Person } from "./types";

/** Whether an objective is closed: its plan year was rolled over, and it stays as it was. */
export function isClosed(objective: Pick<Objective, "readOnly"> | null | undefined): boolean {
  return objective?.readOnly === true;
}

/** Whether a plan year is closed: it has objectives and every one is (roll-over closes them all, last). */
export function isYearClosed(objectives: readonly Pick<Objective, "readOnly">[]): boolean {
  return objectives.length > 0 && objectives.every((o) => isClosed(o));
}

/**
 * The capabilities that apply within an objective: in a closed one, nothing that writes (edit,
 * update, comment), whatever SharePoint allows; setting up lists is about the site, so it stays.
 */
export function capabilitiesWithin(
  objective: Pick<Objective, "readOnly"> | null | undefined,
  capabilities: Capabilities,
): Capabilities {
  return isClosed(objective) ? { ...capabilities, editPlan: false, editItems: false, comment: false } : capabilities;
}

/** The capabilities for the plan year as a whole (adding or renumbering objectives): none that write once it is closed. */
export function capabilitiesForYear(
  objectives: readonly Pick<Objective, "readOnly">[],
  capabilities: Capabilities,
): Capabilities {
  return isYearClosed(objectives)
    ? { ...capabilities, editPlan: false, editItems: false, comment: false }
    : capabilities;
}

/** Whether the person leads the action: named in its Leads, or a member of a SharePoint group named there. */
export function leadsAction(action: Pick<Action, "leads">, person: Pick<Person, "id" | "groupIds"> | null): boolean {
  return (
    person !== null && action.leads.some((lead) => lead.id === person.id || person.groupIds?.includes(lead.id) === true)
  );
}

/** Whether to offer the progress/RAG update on an action (of `objective`, when given). SharePoint stays the authority. */
export function canUpdateAction(
  action: Pick<Action, "leads">,
  person: Pick<Person, "id" | "groupIds"> | null,
  capabilities: Capabilities,
  objective?: Pick<Objective, "readOnly"> | null,
): boolean {
  const within = capabilitiesWithin(objective, capabilities);
  return within.editPlan || (within.editItems && leadsAction(action, person));
}

/** Whether to offer a comment box on an action (readers allowed to comment, and everyone who can update). */
export function canComment(
  action: Pick<Action, "leads">,
  person: Pick<Person, "id" | "groupIds"> | null,
  capabilities: Capabilities,
  objective?: Pick<Objective, "readOnly"> | null,
): boolean {
  return (
    capabilitiesWithin(objective, capabilities).comment || canUpdateAction(action, person, capabilities, objective)
  );
}
