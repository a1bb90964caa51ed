// The part of the store that import and roll-over write through. The PlanStore (./store.ts) fits
// it as it is; tests pass an in-memory one. Keeping it structural keeps these rules free of the
// data layer.
import type { ActionFields, ObjectiveFields } from "./import";
import type { Action, ETag, Objective } from "./types";

/** One write of many, settled on its own: SharePoint batches are not transactional. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** One objective write of many that import and roll-over send in $batch requests. */
export type ObjectiveBatchWrite =
  | { kind: "create"; fields: ObjectiveFields }
  | { kind: "update"; id: number; etag: ETag; patch: Partial<ObjectiveFields> };

/** One action write of many (import, roll-over), with the history record it owes; not the tab's single save of an edit or a progress update. */
export type ActionBatchWrite =
  /** `importedFrom`: the plan file it came from; its history then records an import, not a RAG change. */
  | { kind: "create"; fields: ActionFields & { objectiveId: number }; importedFrom?: string }
  /** `previous` is the action as read (its ETag guards the write; its RAG and progress decide the history record). */
  | { kind: "update"; previous: Action; patch: Partial<ActionFields>; note?: string | null };

export interface PlanWriter {
  addObjective(draft: ObjectiveFields): Promise<Objective>;
  updateObjective(id: number, etag: ETag, patch: Partial<ObjectiveFields>): Promise<Objective>;
  addAction(draft: ActionFields & { objectiveId: number }): Promise<Action>;
  updateAction(id: number, etag: ETag, patch: Partial<ActionFields>, note?: string | null): Promise<Action>;
  /** Many objective writes in as few requests as the store allows; one result per write, in order. */
  writeObjectives(writes: ObjectiveBatchWrite[]): Promise<Settled<Objective>[]>;
  /** Many action writes (with their history records) in as few requests as the store allows. */
  writeActions(writes: ActionBatchWrite[]): Promise<Settled<Action>[]>;
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
