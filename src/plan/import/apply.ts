// Writes an import's differences through the store in bulk: every objective in one go (their new
// ids are needed), then every action with its history record. The store sends each group as $batch
// requests; a failed write is reported and the rest go on. Since import is idempotent, running the
// same file again finishes the job without duplicating what was written.
import type { ActionBatchWrite, ObjectiveBatchWrite, PlanWriter, WriteFailure, WriteProgress } from "../writer";
import type { ImportDiff } from "./diff";

export interface ImportOutcome {
  created: { objectives: number; actions: number };
  updated: { objectives: number; actions: number };
  failed: WriteFailure[];
  /** Actions not written because their objective could not be created. */
  skipped: number;
}

export async function applyImport(
  diff: ImportDiff,
  writer: PlanWriter,
  onProgress?: (progress: WriteProgress) => void,
  fileName?: string,
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = {
    created: { objectives: 0, actions: 0 },
    updated: { objectives: 0, actions: 0 },
    failed: [],
    skipped: 0,
  };
  const objectiveChanges = diff.objectives.filter((c) => c.kind === "create" || (c.kind === "update" && c.existing));
  const actionChanges = diff.actions.filter((c) => c.kind === "create" || (c.kind === "update" && c.existing));
  const total = objectiveChanges.length + actionChanges.length;
  let done = 0;
  const advance = (n: number) => {
    done += n;
    if (n > 0) onProgress?.({ done, total });
  };

  const objectiveIds = new Map<string, number>();
  for (const change of diff.objectives) if (change.existing) objectiveIds.set(change.imported.key, change.existing.id);
  const objectiveWrites = objectiveChanges.map((change): ObjectiveBatchWrite =>
    change.existing
      ? { kind: "update", id: change.existing.id, etag: change.existing.etag, patch: change.patch }
      : { kind: "create", fields: change.imported.fields },
  );
  const objectiveResults = objectiveWrites.length > 0 ? await writer.writeObjectives(objectiveWrites) : [];
  objectiveResults.forEach((result, i) => {
    const change = objectiveChanges[i] as (typeof objectiveChanges)[number];
    if (!result.ok) {
      outcome.failed.push({
        item: "objective",
        ref: change.imported.key,
        title: change.imported.fields.title,
        error: result.error,
      });
    } else if (change.existing) {
      outcome.updated.objectives++;
    } else {
      objectiveIds.set(change.imported.key, result.value.id);
      outcome.created.objectives++;
    }
  });
  advance(objectiveChanges.length);

  const writable: { change: (typeof actionChanges)[number]; write: ActionBatchWrite }[] = [];
  for (const change of actionChanges) {
    const objectiveId = change.objectiveId ?? objectiveIds.get(change.objectiveKey);
    if (objectiveId === undefined) {
      outcome.skipped++;
      continue;
    }
    // A RAG changed to Red or Blue needs a word on why (the note rules); an import's word is the plan file's own
    // progress text for that action, and without one the row is refused with the rule's message.
    const note = change.patch.rag !== undefined ? (change.imported.fields.progress ?? null) : null;
    const write: ActionBatchWrite = change.existing
      ? { kind: "update", previous: change.existing, patch: change.patch, note }
      : {
          kind: "create",
          fields: { ...change.imported.fields, objectiveId },
          ...(fileName ? { importedFrom: fileName } : {}),
        };
    writable.push({ change, write });
  }
  advance(outcome.skipped);
  const actionResults = writable.length > 0 ? await writer.writeActions(writable.map((w) => w.write)) : [];
  actionResults.forEach((result, i) => {
    const { change } = writable[i] as (typeof writable)[number];
    if (!result.ok)
      outcome.failed.push({
        item: "action",
        ref: change.imported.key,
        title: change.imported.fields.title,
        error: result.error,
      });
    else if (change.existing) outcome.updated.actions++;
    else outcome.created.actions++;
  });
  advance(writable.length);
  return outcome;
}
