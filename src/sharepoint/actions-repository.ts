// The plan's actions (WRES Actions): read with the RAG and progress of their newest counting history
// record, added, changed with their ETag (a stale one is a ConflictError with both versions) and
// deleted, one by one or in $batch requests. Every RAG or progress change writes a history record;
// a lead's update is a history record only (the action item is not theirs to change).
import {
  type ActionDraft,
  type ActionPatch,
  type PlanStore,
  type ProgressChange,
  type ActionBatchWrite,
  type Settled,
  type Action,
  validateProgress,
  itemEtag,
  mayUpdate,
  type UpdateAuthority,
} from "../plan";
import { AppError, ConflictError, PermissionError, toAppError, ValidationError } from "./errors";
import {
  ACTION_EXPAND,
  ACTION_SELECT,
  actionFields,
  progressUpdateFields,
  toAction,
  toActionVersion,
  type SpItem,
} from "./mapping";
import { hasPermission, PermissionKind } from "./permissions";
import { planList } from "./lists";
import { F } from "./schema";
import { textLengthIssues, withinLimits } from "./text-limits";
import { call, closedError, merge, remove, writeFailure, type StoreContext } from "./store-context";
import type { ObjectivesRepository } from "./objectives-repository";
import type { HistoryRepository, NewRecord } from "./history-repository";

export interface ActionsRepository extends Pick<
  PlanStore,
  | "addAction"
  | "getAction"
  | "updateAction"
  | "updateProgress"
  | "deleteAction"
  | "writeActions"
  | "history"
  | "actionVersions"
> {
  /** The action item as SharePoint has it, before its history is read. */
  readActionRaw(id: number): Promise<SpItem>;
}

export function createActionsRepository(
  ctx: StoreContext,
  objectives: ObjectivesRepository,
  history: HistoryRepository,
): ActionsRepository {
  const readAction = (id: number) =>
    call(async () =>
      history.withHistory(
        await ctx
          .actions()
          .items.getById(id)
          .select(...ACTION_SELECT)
          .expand(...ACTION_EXPAND)<SpItem>(),
      ),
    );
  const readActionRaw = (id: number) =>
    call(() =>
      ctx
        .actions()
        .items.getById(id)
        .select(...ACTION_SELECT)
        .expand(...ACTION_EXPAND)<SpItem>(),
    );

  /**
   * Applies an action patch; records a progress update when RAG or progress change or a note is
   * given. `validate` decides whether the owner's note rules apply (always for a quick progress
   * update, only on a RAG change for an editor's full edit).
   */
  async function changeAction(
    id: number,
    etag: string,
    patch: ActionPatch,
    note: string | null | undefined,
    validate: "always" | "onRagChange",
    extraFields: SpItem = {},
  ): Promise<Action> {
    const fields = withinLimits("actions", { ...actionFields(patch, await ctx.timeZone()), ...extraFields });
    const before = await readActionRaw(id);
    // As people saw it: with the RAG and progress of its newest counting record (and its version).
    const previous = await history.withHistory(before);
    await objectives.openObjective(patch.objectiveId ?? previous.objectiveId);
    const ragChanged = patch.rag !== undefined && patch.rag !== previous.rag;
    if (patch.rag !== undefined && (validate === "always" || ragChanged)) {
      const issues = validateProgress({ rag: patch.rag, note: note ?? null, progress: patch.progress ?? null });
      if (issues.length > 0) throw new ValidationError(issues);
    }
    if (previous.etag !== etag && etag !== "*") throw new ConflictError<Action>(patch, previous);
    await merge<Action>(ctx.actions(), id, etag, fields, patch, () => readAction(id));
    const progressChanged = patch.progress !== undefined && (patch.progress ?? null) !== previous.progress;
    const hasNote = typeof note === "string" && note.trim().length > 0;
    if (!(ragChanged || progressChanged || hasNote)) return readAction(id);
    const after = { ...previous, ...patch };
    return recordAndRead(id, {
      actionId: id,
      planYear: String(extraFields[F.planYear] ?? before[F.planYear] ?? ""),
      rag: after.rag,
      previousRag: previous.rag,
      note: hasNote ? note.trim() : null,
      progress: after.progress ?? null,
      kind: "update",
    });
  }

  /** Writes a history record and re-reads the saved action in one $batch. */
  async function recordAndRead(id: number, record: NewRecord): Promise<Action> {
    const author = await ctx.me();
    const fields = progressUpdateFields({ ...record, date: ctx.now().toISOString(), authorId: author.id });
    const [batched, execute] = ctx.sp.batched();
    let saved: SpItem | null = null;
    const parts = [
      planList(batched.web, "progressUpdates").items.add(fields),
      planList(batched.web, "actions")
        .items.getById(id)
        .select(...ACTION_SELECT)
        .expand(...ACTION_EXPAND)<SpItem>()
        .then((item) => (saved = item)),
    ];
    await ctx.runBatch(execute, parts);
    return saved ? history.withHistory(saved) : readAction(id);
  }

  /** The history record a bulk action write owes, as changeAction and addAction write them one by one. */
  function historyRecord(w: ActionBatchWrite, id: number, planYear: string): NewRecord | null {
    if (w.kind === "create") {
      if (w.importedFrom)
        return {
          actionId: id,
          planYear,
          rag: w.fields.rag,
          previousRag: null,
          note: w.importedFrom,
          progress: w.fields.progress ?? null,
          kind: "import",
        };
      return {
        actionId: id,
        planYear,
        rag: w.fields.rag,
        previousRag: null,
        note: null,
        progress: w.fields.progress ?? null,
        kind: "update",
      };
    }
    const { previous, patch } = w;
    const ragChanged = patch.rag !== undefined && patch.rag !== previous.rag;
    const progressChanged = patch.progress !== undefined && (patch.progress ?? null) !== previous.progress;
    const note = typeof w.note === "string" && w.note.trim().length > 0 ? w.note.trim() : null;
    if (!(ragChanged || progressChanged || note)) return null;
    const after = { ...previous, ...patch };
    return {
      actionId: id,
      planYear,
      rag: after.rag,
      previousRag: previous.rag,
      note,
      progress: after.progress ?? null,
      kind: "update",
    };
  }

  return {
    readActionRaw,

    async addAction(draft: ActionDraft) {
      const zone = await ctx.timeZone();
      const fields = withinLimits("actions", actionFields(draft, zone));
      const objective = await objectives.openObjective(draft.objectiveId);
      const added = (await call(() =>
        ctx.actions().items.add({ ...fields, [F.planYear]: objective.planYear }),
      )) as SpItem;
      // The starting RAG opens the action's history.
      const start = toAction(added, zone);
      return recordAndRead(start.id, {
        actionId: start.id,
        planYear: objective.planYear,
        rag: draft.rag,
        previousRag: null,
        note: null,
        progress: draft.progress ?? null,
        kind: "update",
      });
    },

    getAction: readAction,

    async updateAction(id, etag, patch: ActionPatch, note?: string | null) {
      // Keep the denormalised plan year in step when an action moves to another objective.
      const extra: SpItem =
        patch.objectiveId !== undefined
          ? { [F.planYear]: (await objectives.readObjective(patch.objectiveId)).planYear }
          : {};
      return changeAction(id, etag, patch, note, "onRagChange", extra);
    },

    async updateProgress(id, etag, change: ProgressChange) {
      const issues = validateProgress(change);
      if (issues.length > 0) throw new ValidationError(issues);
      // A lead may not edit the action item (its due date and leads are not theirs to change): their
      // update is a progress record, which counts because they lead the action.
      const itemPerms = await call(() => ctx.actions().items.getById(id).getCurrentUserEffectivePermissions());
      if (!hasPermission(itemPerms, PermissionKind.EditListItems)) {
        const before = await readAction(id);
        await objectives.openObjective(before.objectiveId);
        // A member of a lead group knows their own groups (me), whoever else may see its members.
        const person = await ctx.me();
        const own: UpdateAuthority = {
          ...(await ctx.authority()),
          groupMembers: new Map((await ctx.myGroupIds()).map((g) => [g, new Set([person.id])])),
        };
        if (!mayUpdate(before, person, own))
          throw new PermissionError("forbidden", "Only the action's leads and plan editors may update its progress.");
        const patch: ActionPatch = {};
        if (change.rag !== undefined) patch.rag = change.rag;
        if (change.progress !== undefined) patch.progress = change.progress;
        if (before.etag !== etag && etag !== "*") throw new ConflictError<Action>(patch, before);
        const planYear = String((await readActionRaw(id))[F.planYear] ?? "");
        const note = typeof change.note === "string" && change.note.trim().length > 0 ? change.note.trim() : null;
        const rag = change.rag ?? before.rag;
        const progress = change.progress !== undefined ? (change.progress ?? null) : before.progress;
        // Saving nothing new records nothing.
        if (rag === before.rag && progress === before.progress && note === null) return before;
        return recordAndRead(id, {
          actionId: id,
          planYear,
          rag,
          previousRag: before.rag,
          note,
          progress,
          kind: "update",
        });
      }
      const patch: ActionPatch = {};
      if (change.rag !== undefined) patch.rag = change.rag;
      if (change.progress !== undefined) patch.progress = change.progress;
      return changeAction(id, etag, patch, change.note, "always");
    },

    async deleteAction(id, etag) {
      await objectives.openObjective((await readAction(id)).objectiveId);
      return remove<Action>(ctx.actions(), id, etag, () => readAction(id));
    },

    async writeActions(writes: ActionBatchWrite[]) {
      const results: (Settled<Action> | null)[] = writes.map(() => null);
      // The owner's note rules, as for a single edit: checked before anything is sent.
      writes.forEach((w, i) => {
        // Never an over-long single line of text (SharePoint would refuse it naming no field).
        const tooLong = textLengthIssues("actions", actionFields(w.kind === "create" ? w.fields : w.patch));
        if (tooLong.length > 0) {
          results[i] = { ok: false, error: new ValidationError(tooLong) };
          return;
        }
        if (w.kind === "update" && w.patch.rag !== undefined && w.patch.rag !== w.previous.rag) {
          const issues = validateProgress({
            rag: w.patch.rag,
            note: w.note ?? null,
            progress: w.patch.progress ?? null,
          });
          if (issues.length > 0) results[i] = { ok: false, error: new ValidationError(issues) };
        }
      });
      const pending = writes.map((w, i) => ({ w, i })).filter(({ i }) => results[i] === null);
      // The plan year each action is denormalised into, from its objective (one batch of reads).
      const objectiveIdOf = (w: ActionBatchWrite) =>
        w.kind === "create" ? w.fields.objectiveId : w.previous.objectiveId;
      const states = await objectives.objectiveStates([...new Set(pending.map(({ w }) => objectiveIdOf(w)))]);
      const planYearOf = (w: ActionBatchWrite) => (states.get(objectiveIdOf(w)) as { planYear: string }).planYear;

      const writable = pending.filter(({ w, i }) => {
        const objectiveId = objectiveIdOf(w);
        const state = states.get(objectiveId);
        if (!state)
          results[i] = { ok: false, error: new AppError("notFound", `objective ${objectiveId} was not found`) };
        else if (state.closed) results[i] = { ok: false, error: closedError(state.planYear) };
        else return true;
        return false;
      });
      const zone = await ctx.timeZone();
      const sent = await ctx.settleEach(writable, (web, { w }) => {
        const items = planList(web, "actions").items;
        const planYear = planYearOf(w);
        return w.kind === "create"
          ? items
              .add({ ...actionFields(w.fields, zone), [F.planYear]: planYear })
              .then((added) => Number((added as SpItem)["Id"]))
          : items
              .getById(w.previous.id)
              .update(actionFields(w.patch, zone), itemEtag(w.previous.etag))
              .then(() => w.previous.id);
      });

      // History records (a new action's starting RAG; a change of RAG or progress, or a note) and re-reads, in one more batch.
      const author = await ctx.me();
      const date = ctx.now().toISOString();
      const written: { w: ActionBatchWrite; i: number; id: number; record: SpItem | null }[] = [];
      await Promise.all(
        sent.map(async (r, k) => {
          const { w, i } = writable[k] as { w: ActionBatchWrite; i: number };
          if (r.status === "rejected") {
            results[i] = await writeFailure<Action>(
              r.reason,
              w.kind === "create" ? w.fields : w.patch,
              w.kind === "update" ? () => readAction(w.previous.id) : null,
            );
            return;
          }
          const record = historyRecord(w, r.value, planYearOf(w));
          written.push({
            w,
            i,
            id: r.value,
            record: record ? progressUpdateFields({ ...record, date, authorId: author.id }) : null,
          });
        }),
      );
      const withRecord = written.filter((x) => x.record !== null);
      const recorded = await ctx.settleEach(withRecord, (web, x) =>
        planList(web, "progressUpdates").items.add(x.record as SpItem),
      );
      const unrecorded = new Set(recorded.flatMap((r, k) => (r.status === "rejected" ? [withRecord[k]] : [])));
      const reads = await ctx.settleEach(written, (web, x) =>
        planList(web, "actions")
          .items.getById(x.id)
          .select(...ACTION_SELECT)
          .expand(...ACTION_EXPAND)<SpItem>(),
      );
      reads.forEach((r, k) => {
        const x = written[k] as (typeof written)[number];
        // The action was saved but its history record was not: say so rather than report success.
        if (unrecorded.has(x))
          results[x.i] = {
            ok: false,
            error: new AppError("unexpected", `action ${x.id} was saved but its history record was not`),
          };
        else
          results[x.i] =
            r.status === "fulfilled"
              ? { ok: true, value: toAction(r.value, zone) }
              : { ok: false, error: toAppError(r.reason) };
      });
      return results as Settled<Action>[];
    },

    async history(actionId: number) {
      return (await history.actionHistory(await readActionRaw(actionId))).rows;
    },

    async actionVersions(actionId: number) {
      const entities = await call(() => ctx.actions().items.getById(actionId).versions<SpItem[]>());
      const zone = await ctx.timeZone();
      return entities
        .map((v) => toActionVersion(v, zone))
        .sort((a, b) => Number.parseFloat(b.label) - Number.parseFloat(a.label));
    },
  };
}
