// Writes an import's differences through the store: objectives first (their new ids are needed),
// then actions. A failed write is reported and the rest go on; since import is idempotent, running
// the same file again finishes the job without duplicating what was written.
import type { PlanWriter, WriteFailure, WriteProgress } from "../writer";
import type { ImportDiff } from "./diff";

export interface ImportOutcome {
  created: { objectives: number; actions: number };
  updated: { objectives: number; actions: number };
  failed: WriteFailure[];
  /** Actions not written because their objective could not be created. */
  skipped: number;
}

export async function applyImport(diff: ImportDiff, writer: PlanWriter, onProgress?: (progress: WriteProgress) => void): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { created: { objectives: 0, actions: 0 }, updated: { objectives: 0, actions: 0 }, failed: [], skipped: 0 };
  const writes = [...diff.objectives, ...diff.actions].filter((c) => c.kind === "create" || c.kind === "update").length;
  let done = 0;
  const step = () => onProgress?.({ done: ++done, total: writes });

  const objectiveIds = new Map<string, number>();
  for (const change of diff.objectives) {
    const { imported, existing } = change;
    if (existing) objectiveIds.set(imported.key, existing.id);
    if (change.kind !== "create" && change.kind !== "update") continue;
    try {
      if (change.kind === "create") {
        const created = await writer.addObjective(imported.fields);
        objectiveIds.set(imported.key, created.id);
        outcome.created.objectives++;
      } else if (existing) {
        await writer.updateObjective(existing.id, existing.etag, change.patch);
        outcome.updated.objectives++;
      }
    } catch (error) {
      outcome.failed.push({ item: "objective", ref: imported.key, title: imported.fields.title, error });
    }
    step();
  }

  for (const change of diff.actions) {
    if (change.kind !== "create" && change.kind !== "update") continue;
    const { imported, existing } = change;
    const objectiveId = change.objectiveId ?? objectiveIds.get(change.objectiveKey);
    if (objectiveId === undefined) {
      outcome.skipped++;
      step();
      continue;
    }
    try {
      if (change.kind === "create") {
        await writer.addAction({ ...imported.fields, objectiveId });
        outcome.created.actions++;
      } else if (existing) {
        await writer.updateAction(existing.id, existing.etag, change.patch, null);
        outcome.updated.actions++;
      }
    } catch (error) {
      outcome.failed.push({ item: "action", ref: imported.key, title: imported.fields.title, error });
    }
    step();
  }
  return outcome;
}
