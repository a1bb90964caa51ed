// Whose progress updates count. SharePoint records who wrote each history row (Author, Created:
// set by the server, never by the browser); this decides what the row may claim. An update counts
// (in roll-ups, the meeting views and the committee report) only when its author could update that
// action at the time it was written: one of its leads at that date (from the action item's version
// history, which SharePoint keeps and no lead can edit), or a plan editor. Anything else is shown
// as a comment. An action whose leads are only job titles ("Head of EDI") is updated by plan
// editors until a person or a group is assigned. A lead may be a SharePoint group (a network's
// co-chairs): any member of it counts as a lead, by its membership as the reader sees it now, since
// SharePoint keeps no history of group membership. Pure: the data layer supplies the plan editors,
// each action's leads over time, the members of lead groups and the rows.
import type { Action, Person, ProgressUpdate } from "./types";

/** Joins the item's ETag and the newest counting record's id into the action's version. */
export const RECORD_TAG = "~u";

/** The SharePoint ETag of the action item within an action's version. */
export function itemEtag(etag: string): string {
  const at = etag.indexOf(RECORD_TAG);
  return at < 0 ? etag : etag.slice(0, at);
}

/** From `from` (an ISO timestamp: when that version of the action item was saved) its leads were `leadIds`. */
export interface LeadPeriod {
  from: string;
  leadIds: readonly number[];
}

export interface UpdateAuthority {
  /** Members of the plan editors' group (user ids), as they are now: SharePoint keeps no history of group membership. */
  editorIds: ReadonlySet<number>;
  /**
   * Each action's leads over time, oldest first, from the action item's version history. An action
   * not in the map has had its current leads since it was created (its item has one version).
   */
  leadHistory?: ReadonlyMap<number, readonly LeadPeriod[]>;
  /**
   * Leads that are SharePoint groups: group id to its members' user ids, as far as the reader can
   * see them now (a group whose membership only its members may see lists no one for anyone else,
   * so its leads' records then count for nobody but plan editors in that reader's view).
   */
  groupMembers?: ReadonlyMap<number, ReadonlySet<number>>;
}

/** Whether a person is this lead: the lead itself, or a member of the lead when it is a SharePoint group. */
export function isLeadId(leadId: number, personId: number, authority: Pick<UpdateAuthority, "groupMembers">): boolean {
  return leadId === personId || authority.groupMembers?.get(leadId)?.has(personId) === true;
}

/** Whether a person may update the action now: one of its current leads, or a plan editor. */
export function mayUpdate(
  action: Pick<Action, "leads">,
  person: Pick<Person, "id"> | null,
  authority: UpdateAuthority,
): boolean {
  if (!person) return false;
  return authority.editorIds.has(person.id) || action.leads.some((lead) => isLeadId(lead.id, person.id, authority));
}

/** A version label ("3.0", "2.1") as a number to order by; 0 when absent. */
function labelOrder(label: string | undefined): number {
  const [major, minor] = (label ?? "").split(".").map(Number);
  return Number.isFinite(major) ? (major as number) * 100_000 + (Number.isFinite(minor) ? (minor as number) : 0) : 0;
}

/**
 * The periods of an item's versions ({saved, leadIds, label}, in any order), oldest first, with
 * versions that did not change the leads folded into the period before them. SharePoint stamps
 * `Modified` to the second, so versions saved in the same second are ordered by their label.
 */
export function leadPeriods(
  versions: readonly { saved: string; leadIds: readonly number[]; label?: string }[],
): LeadPeriod[] {
  const sorted = [...versions].sort(
    (a, b) => Date.parse(a.saved) - Date.parse(b.saved) || labelOrder(a.label) - labelOrder(b.label),
  );
  const periods: LeadPeriod[] = [];
  for (const v of sorted) {
    const ids = [...new Set(v.leadIds)].sort((a, b) => a - b);
    const last = periods[periods.length - 1];
    if (last && last.leadIds.length === ids.length && last.leadIds.every((id, i) => id === ids[i])) continue;
    periods.push({ from: v.saved, leadIds: ids });
  }
  return periods;
}

/**
 * The action's leads (user ids) at a moment. Before its first recorded version (a history migrated
 * with its dates, or an imported plan) the leads it was created with apply.
 */
export function leadsAt(
  action: Pick<Action, "id" | "leads">,
  at: string,
  authority: UpdateAuthority,
): readonly number[] {
  const periods = authority.leadHistory?.get(action.id);
  if (!periods || periods.length === 0) return action.leads.map((lead) => lead.id);
  const when = Date.parse(at);
  let found = periods[0] as LeadPeriod;
  for (const period of periods) {
    if (Date.parse(period.from) <= when) found = period;
    else break;
  }
  return found.leadIds;
}

/** Whether a person could update the action at a moment: a lead then, or a plan editor. */
export function mayUpdateAt(
  action: Pick<Action, "id" | "leads">,
  person: Pick<Person, "id"> | null,
  at: string,
  authority: UpdateAuthority,
): boolean {
  if (!person) return false;
  return (
    authority.editorIds.has(person.id) ||
    leadsAt(action, at, authority).some((lead) => isLeadId(lead, person.id, authority))
  );
}

/** The row as it counts: an "update" by someone who could not update the action when they wrote it is a comment. */
export function classifyUpdate(
  update: ProgressUpdate,
  action: Pick<Action, "id" | "leads"> | undefined,
  authority: UpdateAuthority,
): ProgressUpdate {
  if (update.kind !== "update") return update;
  if (action && mayUpdateAt(action, update.author, update.date, authority)) return update;
  return {
    ...update,
    kind: "comment",
    rag: null,
    previousRag: null,
    progress: null,
    note: update.note ?? commentText(update),
  };
}

function commentText(update: ProgressUpdate): string | null {
  const parts = [update.rag ? `RAG ${update.rag}` : null, update.progress].filter(
    (p): p is string => typeof p === "string" && p.length > 0,
  );
  return parts.length > 0 ? parts.join(": ") : null;
}

/**
 * The action as its leads last left it. A lead writes a progress record instead of changing the
 * action item (which only plan editors may edit, so a lead cannot move a due date or change the
 * leads), and a plan editor's RAG or progress change writes one too; so the newest counting record
 * gives the RAG and progress. An action with no counting record keeps the item's own values.
 */
export function withLatestUpdate(
  action: Action,
  updates: readonly ProgressUpdate[],
  authority: UpdateAuthority,
): Action {
  let latest: ProgressUpdate | null = null;
  for (const update of updates) {
    if (
      update.actionId !== action.id ||
      update.kind !== "update" ||
      !mayUpdateAt(action, update.author, update.date, authority)
    )
      continue;
    if (!latest || update.date > latest.date || (update.date === latest.date && update.id > latest.id)) latest = update;
  }
  if (!latest) return action;
  return {
    ...action,
    // The version a person saw is the item's and the newest counting record's together, so a
    // save based on an older one is a conflict whichever of the two moved.
    etag: `${action.etag}${RECORD_TAG}${latest.id}`,
    rag: latest.rag ?? action.rag,
    progress: latest.progress ?? action.progress,
    modified: latest.date > action.modified ? latest.date : action.modified,
    // SharePoint stamps to the second: a record in the same second as the item's last change names its
    // author, since a record is written after the item in the same save and leads write only records.
    modifiedBy: latest.date >= action.modified ? latest.author : (action.modifiedBy ?? null),
  };
}
