import { isoDay } from "./dates";
import type { Action } from "./types";

/**
 * An action is overdue when its due date is before today and it is not complete (Blue).
 * `today` is an ISO date (yyyy-mm-dd) or timestamp; only its calendar date counts, so an
 * action due today is not overdue yet.
 */
export function isOverdue(action: Pick<Action, "dueDate" | "rag">, today: string): boolean {
  if (!action.dueDate || action.rag === "Blue") return false;
  return isoDay(action.dueDate) < isoDay(today);
}
