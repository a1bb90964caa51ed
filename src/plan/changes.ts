// "What changed since the last meeting": RAG moves, new notes, completions and newly overdue
// actions, from the progress updates the tab writes on every change.
import { isoDay } from "./dates";
import { compareNumbers } from "./numbering";
import { isOverdue } from "./overdue";
import type { Action, Person, ProgressUpdate, Rag } from "./types";

export interface RagMove {
  actionId: number;
  action: Action | null;
  /** The RAG before the first change in the period (null when not recorded). */
  from: Rag | null;
  /** The RAG after the last change in the period. */
  to: Rag;
  /** When the last change in the period was made. */
  date: string;
  author: Person | null;
}

/** Actions created by importing one plan file (one entry per file, person and day). */
export interface PlanImportRecord {
  /** The file's name, as the import recorded it. */
  fileName: string;
  date: string;
  author: Person | null;
  actions: number;
}

export interface PlanChanges {
  /** Net RAG change per action over the period; actions that ended where they started are left out. */
  ragMoves: RagMove[];
  /** Updates and comments with a note, newest first. */
  notes: ProgressUpdate[];
  /** Actions that moved to Blue in the period. */
  completed: RagMove[];
  /** Open actions whose due date fell in the period (on or after the date, before today). */
  newlyOverdue: Action[];
  /** Plans imported in the period: their actions are new, not RAG changes. */
  imports: PlanImportRecord[];
}

function byActionNumber(actions: Map<number, Action>) {
  return (a: { actionId: number }, b: { actionId: number }) =>
    compareNumbers(actions.get(a.actionId)?.number ?? "", actions.get(b.actionId)?.number ?? "") ||
    a.actionId - b.actionId;
}

export function changesSince(
  updates: readonly ProgressUpdate[],
  actions: readonly Action[],
  sinceIso: string,
  today: string,
): PlanChanges {
  const actionsById = new Map(actions.map((a) => [a.id, a]));
  const recent = updates.filter((u) => u.date >= sinceIso).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);

  const imports = new Map<string, PlanImportRecord>();
  for (const update of recent) {
    if (update.kind !== "import") continue;
    const fileName = update.note ?? "";
    const key = `${fileName}\u0000${update.author?.id ?? ""}\u0000${isoDay(update.date)}`;
    const known = imports.get(key);
    if (known) known.actions++;
    else imports.set(key, { fileName, date: update.date, author: update.author, actions: 1 });
  }

  const moves = new Map<number, RagMove>();
  for (const update of recent) {
    if (update.kind !== "update" || update.rag === null || update.rag === update.previousRag) continue;
    const existing = moves.get(update.actionId);
    moves.set(update.actionId, {
      actionId: update.actionId,
      action: actionsById.get(update.actionId) ?? null,
      from: existing ? existing.from : update.previousRag,
      to: update.rag,
      date: update.date,
      author: update.author,
    });
  }
  const ragMoves = [...moves.values()].filter((m) => m.from !== m.to).sort(byActionNumber(actionsById));

  const notes = recent
    .filter((u) => u.kind !== "import" && typeof u.note === "string" && u.note.trim().length > 0)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);

  const sinceDay = isoDay(sinceIso);
  const newlyOverdue = actions
    .filter((a) => isOverdue(a, today) && a.dueDate !== null && isoDay(a.dueDate) >= sinceDay)
    .sort((a, b) => compareNumbers(a.number, b.number));

  return {
    ragMoves,
    notes,
    completed: ragMoves.filter((m) => m.to === "Blue"),
    newlyOverdue,
    imports: [...imports.values()],
  };
}
