// Validation of an owner's progress update and an editor's override. Issues are codes the
// i18n layer turns into plain words (en-GB, cy-GB); no English here.
import type { Rag } from "./types";

export type ValidationCode =
  /** Marking an action complete (Blue) needs a note saying what was achieved. */
  | "completionNoteRequired"
  /** Marking an action Red needs a note on what is being done about it. */
  | "redNoteRequired"
  /** An objective's RAG override needs a reason. */
  | "overrideReasonRequired"
  /** Text longer than a SharePoint note field takes. */
  | "tooLong";

export interface ValidationIssue {
  code: ValidationCode;
  field: "note" | "progress" | "rag" | "ragOverrideReason";
}

/** SharePoint's multi-line text fields hold at most 63,999 characters. */
export const MAX_NOTE_LENGTH = 63_999;

export interface ProgressChangeInput {
  rag?: Rag;
  progress?: string | null;
  note?: string | null;
}

function blank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim().length === 0;
}

/**
 * Checks an action owner's update. The note rules apply when the update sets the action Blue
 * or Red (a Red action updated again still needs a word on what is being done).
 */
export function validateProgress(change: ProgressChangeInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (change.rag === "Blue" && blank(change.note)) issues.push({ code: "completionNoteRequired", field: "note" });
  if (change.rag === "Red" && blank(change.note)) issues.push({ code: "redNoteRequired", field: "note" });
  if ((change.note?.length ?? 0) > MAX_NOTE_LENGTH) issues.push({ code: "tooLong", field: "note" });
  if ((change.progress?.length ?? 0) > MAX_NOTE_LENGTH) issues.push({ code: "tooLong", field: "progress" });
  return issues;
}

/** An override is valid when cleared, or set with a reason. */
export function validateOverride(rag: Rag | null, reason: string | null | undefined): ValidationIssue[] {
  if (rag !== null && blank(reason)) return [{ code: "overrideReasonRequired", field: "ragOverrideReason" }];
  return [];
}
