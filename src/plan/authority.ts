// Whose progress updates count. SharePoint records who wrote each history row (Author, Created:
// set by the server, never by the browser); this decides what the row may claim. An update counts
// (in roll-ups, the meeting views and the committee report) only when its author may update that
// action: one of its leads, or a plan editor. Anything else is shown as a comment. An action whose
// leads are only job titles ("Head of EDI") is updated by plan editors until a person is assigned.
// Pure: the data layer supplies the plan editors and the rows.
import type { Action, Person, ProgressUpdate } from "./types";

/** Joins the item's ETag and the newest counting record's id into the action's version. */
export const RECORD_TAG = "~u";

/** The SharePoint ETag of the action item within an action's version. */
export function itemEtag(etag: string): string {
  const at = etag.indexOf(RECORD_TAG);
  return at < 0 ? etag : etag.slice(0, at);
}

export interface UpdateAuthority {
  /** Members of the plan editors' group (user ids). */
  editorIds: ReadonlySet<number>;
}

export function mayUpdate(action: Pick<Action, "leads">, person: Pick<Person, "id"> | null, authority: UpdateAuthority): boolean {
  if (!person) return false;
  return authority.editorIds.has(person.id) || action.leads.some((lead) => lead.id === person.id);
}

/** The row as it counts: an "update" by someone who may not update the action is a comment. */
export function classifyUpdate(update: ProgressUpdate, action: Pick<Action, "leads"> | undefined, authority: UpdateAuthority): ProgressUpdate {
  if (update.kind !== "update") return update;
  if (action && mayUpdate(action, update.author, authority)) return update;
  return { ...update, kind: "comment", rag: null, previousRag: null, progress: null, note: update.note ?? commentText(update) };
}

function commentText(update: ProgressUpdate): string | null {
  const parts = [update.rag ? `RAG ${update.rag}` : null, update.progress].filter((p): p is string => typeof p === "string" && p.length > 0);
  return parts.length > 0 ? parts.join(": ") : null;
}

/**
 * The action as its leads last left it. A lead writes a progress record instead of changing the
 * action item (which only plan editors may edit, so a lead cannot move a due date or change the
 * leads), and a plan editor's RAG or progress change writes one too; so the newest counting record
 * gives the RAG and progress. An action with no counting record keeps the item's own values.
 */
export function withLatestUpdate(action: Action, updates: readonly ProgressUpdate[], authority: UpdateAuthority): Action {
  let latest: ProgressUpdate | null = null;
  for (const update of updates) {
    if (update.actionId !== action.id || update.kind !== "update" || !mayUpdate(action, update.author, authority)) continue;
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
    modifiedBy: latest.date > action.modified ? latest.author : (action.modifiedBy ?? null),
  };
}
