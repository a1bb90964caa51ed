// What a person may do with an action, from their capabilities (SharePoint's effective
// permissions) and the plan's rule that action owners update only the actions they lead.
import type { Action, Capabilities, Person } from "./types";

export function leadsAction(action: Pick<Action, "leads">, person: Pick<Person, "id"> | null): boolean {
  return person !== null && action.leads.some((lead) => lead.id === person.id);
}

/** Whether to offer the progress/RAG update on an action. SharePoint stays the authority. */
export function canUpdateAction(action: Pick<Action, "leads">, person: Pick<Person, "id"> | null, capabilities: Capabilities): boolean {
  return capabilities.editPlan || (capabilities.editItems && leadsAction(action, person));
}

/** Whether to offer a comment box on an action (readers allowed to comment, and everyone who can update). */
export function canComment(action: Pick<Action, "leads">, person: Pick<Person, "id"> | null, capabilities: Capabilities): boolean {
  return capabilities.comment || canUpdateAction(action, person, capabilities);
}
