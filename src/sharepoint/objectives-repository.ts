// The plan's objectives (WRES Objectives): read, added, changed with their ETag and deleted one by
// one or in $batch requests (import, roll-over). A closed (rolled-over) year's objectives refuse
// every change but the one that closes them.
import type { ObjectiveBatchWrite, Settled, ObjectiveDraft, ObjectivePatch, PlanStore, Objective } from "../plan";
import { ValidationError } from "./errors";
import { OBJECTIVE_EXPAND, OBJECTIVE_SELECT, objectiveFields, toObjective, type SpItem } from "./mapping";
import { readAllPages } from "./paging";
import { planList } from "./lists";
import { F } from "./schema";
import { textLengthIssues, withinLimits } from "./text-limits";
import { siteTimeZoneFrom } from "./time-zone";
import { call, closedError, merge, remove, writeFailure, type StoreContext } from "./store-context";

/** Each objective's plan year and whether the year is closed. */
export type ObjectiveStates = Map<number, { planYear: string; closed: boolean }>;

export interface ObjectivesRepository extends Pick<
  PlanStore,
  "planYears" | "addObjective" | "updateObjective" | "deleteObjective" | "writeObjectives"
> {
  readObjective(id: number): Promise<Objective>;
  /** The objective, or the "closed" refusal when its plan year is closed. */
  openObjective(id: number): Promise<Objective>;
  /** Each found objective's plan year and whether it is closed, in $batch reads; a missing one is left out. */
  objectiveStates(ids: readonly number[]): Promise<ObjectiveStates>;
}

/** Closing a year (readOnly alone) is the one change a closed objective still takes. */
function onlyCloses(patch: ObjectivePatch): boolean {
  return Object.keys(patch).length === 1 && patch.readOnly !== undefined;
}

export function createObjectivesRepository(ctx: StoreContext): ObjectivesRepository {
  const readObjective = (id: number) =>
    call(async () =>
      toObjective(
        await ctx
          .objectives()
          .items.getById(id)
          .select(...OBJECTIVE_SELECT)
          .expand(...OBJECTIVE_EXPAND)<SpItem>(),
      ),
    );

  /**
   * A closed (rolled-over) plan year is read-only: its objectives and actions refuse changes here as
   * well as having no controls in the tab, so a tab left open since before the roll-over cannot
   * change them. SharePoint's permissions are not narrowed, so the rule is the app's, not the site's.
   */
  async function openObjective(id: number): Promise<Objective> {
    const objective = await readObjective(id);
    if (objective.readOnly) throw closedError(objective.planYear);
    return objective;
  }

  /** Each found objective's plan year and whether it is closed, in $batch reads; a missing one is left out. */
  async function objectiveStates(ids: readonly number[]): Promise<ObjectiveStates> {
    // The site's time zone rides along the first time (bulk action writes convert due dates with it).
    const reads = await ctx.settleEach(
      ids,
      (web, id) => planList(web, "objectives").items.getById(id).select(F.planYear, F.readOnly)<SpItem>(),
      ctx.cache.zone
        ? undefined
        : (web) =>
            web.regionalSettings
              .timeZone()
              .then((zone) => (ctx.cache.zone ??= Promise.resolve(siteTimeZoneFrom(zone)))),
    );
    const states: ObjectiveStates = new Map();
    reads.forEach(
      (r, k) =>
        r.status === "fulfilled" &&
        states.set(ids[k] as number, {
          planYear: String(r.value[F.planYear] ?? ""),
          closed: r.value[F.readOnly] === true,
        }),
    );
    return states;
  }

  return {
    readObjective,
    openObjective,
    objectiveStates,

    async planYears() {
      const items = await readAllPages(() => ctx.objectives().items, { select: ["Id", F.planYear] });
      return [...new Set(items.map((i) => String(i[F.planYear] ?? "")).filter((y) => y.length > 0))].sort().reverse();
    },

    async addObjective(draft: ObjectiveDraft) {
      const added = await call(() => ctx.objectives().items.add(withinLimits("objectives", objectiveFields(draft))));
      return readObjective(Number((added as SpItem)["Id"]));
    },

    async updateObjective(id, etag, patch: ObjectivePatch) {
      const fields = withinLimits("objectives", objectiveFields(patch));
      if (!onlyCloses(patch)) await openObjective(id);
      await merge<Objective>(ctx.objectives(), id, etag, fields, patch, () => readObjective(id));
      return readObjective(id);
    },

    async deleteObjective(id, etag) {
      await openObjective(id);
      return remove<Objective>(ctx.objectives(), id, etag, () => readObjective(id));
    },

    async writeObjectives(writes: ObjectiveBatchWrite[]) {
      // A closed year's objectives take only the change that closes them, as for a single edit.
      const states = await objectiveStates([
        ...new Set(writes.flatMap((w) => (w.kind === "update" && !onlyCloses(w.patch) ? [w.id] : []))),
      ]);
      const tooLong = (w: ObjectiveBatchWrite) =>
        textLengthIssues("objectives", objectiveFields(w.kind === "create" ? w.fields : w.patch));
      const refused = (w: ObjectiveBatchWrite) =>
        (w.kind === "update" && states.get(w.id)?.closed === true) || tooLong(w).length > 0;
      // One batch of adds and ETag-guarded MERGEs, then one batch re-reading what was written.
      const sent = await ctx.settleEach(
        writes.filter((w) => !refused(w)),
        (web, w) => {
          const items = planList(web, "objectives").items;
          return w.kind === "create"
            ? items.add(objectiveFields(w.fields)).then((added) => Number((added as SpItem)["Id"]))
            : items
                .getById(w.id)
                .update(objectiveFields(w.patch), w.etag)
                .then(() => w.id);
        },
      );
      const ids = sent.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const reread = new Map<number, Objective>();
      const reads = await ctx.settleEach(ids, (web, id) =>
        planList(web, "objectives")
          .items.getById(id)
          .select(...OBJECTIVE_SELECT)
          .expand(...OBJECTIVE_EXPAND)<SpItem>(),
      );
      reads.forEach((r, i) => r.status === "fulfilled" && reread.set(ids[i] as number, toObjective(r.value)));
      let next = 0;
      return Promise.all(
        writes.map(async (w): Promise<Settled<Objective>> => {
          if (tooLong(w).length > 0) return { ok: false, error: new ValidationError(tooLong(w)) };
          if (w.kind === "update" && refused(w))
            return { ok: false, error: closedError(states.get(w.id)?.planYear ?? "") };
          const r = sent[next++] as PromiseSettledResult<number>;
          if (r.status === "rejected")
            return writeFailure<Objective>(
              r.reason,
              w.kind === "create" ? w.fields : w.patch,
              w.kind === "update" ? () => readObjective(w.id) : null,
            );
          const value = reread.get(r.value);
          return value ? { ok: true, value } : { ok: true, value: await readObjective(r.value) };
        }),
      );
    },
  };
}
