// The part of the store that import and roll-over write through. The PlanStore of src/sharepoint
// fits it as it is; tests pass an in-memory one. Keeping it structural keeps src/plan free of the
// data layer.
import type { ActionFields, ObjectiveFields } from "./import/types";
import type { Action, ETag, Objective } from "./types";

export interface PlanWriter {
  addObjective(draft: ObjectiveFields): Promise<Objective>;
  updateObjective(id: number, etag: ETag, patch: Partial<ObjectiveFields>): Promise<Objective>;
  addAction(draft: ActionFields & { objectiveId: number }): Promise<Action>;
  updateAction(id: number, etag: ETag, patch: Partial<ActionFields>, note?: string | null): Promise<Action>;
}

/** One write that failed; the rest went on. The error is the store's (ConflictError, ThrottledError, ...). */
export interface WriteFailure {
  item: "objective" | "action";
  /** Import key, or the source item's id for a roll-over. */
  ref: string;
  title: string;
  error: unknown;
}

export interface WriteProgress {
  done: number;
  total: number;
}
