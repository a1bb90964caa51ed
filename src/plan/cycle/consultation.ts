// Consultation comments section by section (a section is an objective; null is the plan as a
// whole) and the plan editors' answers, as the cycle's screens show them.
import type { Person } from "../types";

export interface ConsultationAnswer {
  id: number;
  text: string;
  by: Person | null;
  at: string;
}

export interface ConsultationComment {
  id: number;
  year: string;
  /** The objective the comment is on, or null for the plan as a whole. */
  objectiveId: number | null;
  text: string;
  by: Person | null;
  at: string;
  /** Answers by plan editors, oldest first. */
  answers: ConsultationAnswer[];
}

/** A raw entry of the consultation list: a comment, or an answer to one (answerTo). */
export interface ConsultationEntry {
  id: number;
  year: string;
  objectiveId: number | null;
  text: string;
  answerTo: number | null;
  by: Person | null;
  at: string;
}

/**
 * Comments with their answers. An answer counts only when a plan editor wrote it (`editorIds`);
 * anything else written as an answer (around the tab) is shown as a comment of its own, so that
 * nobody can answer on the editors' behalf.
 */
export function threadComments(
  entries: readonly ConsultationEntry[],
  editorIds: ReadonlySet<number>,
): ConsultationComment[] {
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  const comments = new Map<number, ConsultationComment>();
  for (const entry of sorted) {
    const parent = entry.answerTo === null ? undefined : comments.get(entry.answerTo);
    if (parent && entry.by !== null && editorIds.has(entry.by.id)) {
      parent.answers.push({ id: entry.id, text: entry.text, by: entry.by, at: entry.at });
      continue;
    }
    comments.set(entry.id, {
      id: entry.id,
      year: entry.year,
      objectiveId: entry.objectiveId,
      text: entry.text,
      by: entry.by,
      at: entry.at,
      answers: [],
    });
  }
  return [...comments.values()];
}

/** The comments on one section (an objective, or null for the plan as a whole). */
export function commentsOn(
  comments: readonly ConsultationComment[],
  objectiveId: number | null,
): ConsultationComment[] {
  return comments.filter((c) => c.objectiveId === objectiveId);
}
