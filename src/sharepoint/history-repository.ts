// The progress history (WRES Progress Updates): an action's rows classified by who could update it
// when, the newest rows of a plan year, what changed since a date, and writing a record. Who wrote a
// row and when are SharePoint's own Author and Created (src/sharepoint/mapping.ts).
import {
  type Action,
  type ProgressUpdate,
  classifyUpdate,
  withLatestUpdate,
  type UpdateAuthority,
  renderComment,
} from "../plan";
import {
  ACTION_SELECT,
  odataString,
  progressUpdateFields,
  toAction,
  toProgressUpdate,
  UPDATE_EXPAND,
  VERSION_LABEL,
  type SpItem,
  type UpdateRecord,
} from "./mapping";
import { MAX_PAGE, readAllPages, readFiltered } from "./paging";
import { planList } from "./lists";
import { F } from "./schema";
import { call, latestFirst, type StoreContext } from "./store-context";
import type { LeadAuthority } from "./lead-authority";

/** A history record to write: who wrote it and when are added on writing. */
export type NewRecord = Omit<UpdateRecord, "date" | "authorId">;

export interface HistoryRepository {
  /** An action's history rows, classified: updates by people who could not update it when they wrote them are comments. */
  actionHistory(item: SpItem): Promise<{ action: Action; rows: ProgressUpdate[]; who: UpdateAuthority }>;
  /** The action item with the RAG and progress of its newest counting progress record. */
  withHistory(item: SpItem): Promise<Action>;
  addUpdateRecord(record: NewRecord, extra?: SpItem): Promise<ProgressUpdate>;
  /** The newest progress update of each action; one query per action not found in the recent window. */
  latestUpdates(
    actionItems: SpItem[],
    planActions: Action[],
    recent: SpItem[],
    windowFull: boolean,
  ): Promise<{ latest: Record<number, ProgressUpdate>; counting: ProgressUpdate[]; who: UpdateAuthority }>;
  updatesSince(year: string, sinceIso: string): Promise<ProgressUpdate[]>;
}

export function createHistoryRepository(ctx: StoreContext, leads: LeadAuthority): HistoryRepository {
  async function actionHistory(
    item: SpItem,
  ): Promise<{ action: Action; rows: ProgressUpdate[]; who: UpdateAuthority }> {
    return ctx.history.read(async () => {
      const action = toAction(item, await ctx.timeZone());
      const items = await readFiltered(() => ctx.updates().items, {
        select: ctx.history.select(),
        expand: UPDATE_EXPAND,
        filter: `${F.action}Id eq ${action.id}`,
        matches: (row) => Number(row[`${F.action}Id`]) === action.id,
      });
      const raw = items.map(toProgressUpdate);
      const who = await leads.authorityFor([item], raw);
      return { action, rows: raw.map((row) => classifyUpdate(row, action, who)).sort(latestFirst), who };
    });
  }

  async function withHistory(item: SpItem): Promise<Action> {
    const { action, rows, who } = await actionHistory(item);
    return withLatestUpdate(action, rows, who);
  }

  async function addUpdateRecord(record: NewRecord, extra: SpItem = {}): Promise<ProgressUpdate> {
    const author = await ctx.me();
    const added = await call(() =>
      ctx.updates().items.add({
        ...progressUpdateFields({ ...record, date: ctx.now().toISOString(), authorId: author.id }),
        ...extra,
      }),
    );
    return { ...toProgressUpdate(added as SpItem), author };
  }

  async function latestUpdates(
    actionItems: SpItem[],
    planActions: Action[],
    recent: SpItem[],
    windowFull: boolean,
  ): Promise<{ latest: Record<number, ProgressUpdate>; counting: ProgressUpdate[]; who: UpdateAuthority }> {
    const byId = new Map(planActions.map((a) => [a.id, a]));
    const latest: Record<number, ProgressUpdate> = {};
    const counting: ProgressUpdate[] = [];
    const recentRows = recent.map(toProgressUpdate);
    let who = await leads.authorityFor(actionItems, recentRows);
    const take = (raw: ProgressUpdate) => {
      const action = byId.get(raw.actionId);
      if (!action) return;
      const update = classifyUpdate(raw, action, who);
      if (update.kind === "update") counting.push(update);
      const seen = latest[update.actionId];
      if (!seen || latestFirst(update, seen) < 0) latest[update.actionId] = update;
    };
    recentRows.forEach(take);
    const counted = new Set(counting.map((u) => u.actionId));
    const missing = windowFull ? planActions.map((a) => a.id).filter((id) => !counted.has(id)) : [];
    if (missing.length > 0) {
      const [batched, execute] = ctx.sp.batched();
      const found: SpItem[][] = [];
      const parts = missing.map((id) =>
        planList(batched.web, "progressUpdates")
          .items.select(...ctx.history.select())
          .expand(...UPDATE_EXPAND)
          .filter(`${F.action}Id eq ${id}`)
          .top(MAX_PAGE)<SpItem[]>()
          .then((page) => found.push(page)),
      );
      await ctx.runBatch(execute, parts);
      const already = new Set(recent.map((item) => Number(item["Id"])));
      const older = found
        .flat()
        .map(toProgressUpdate)
        .filter((update) => !already.has(update.id));
      who = await leads.authorityFor(actionItems, [...recentRows, ...older]);
      older.forEach(take);
    }
    return { latest, counting, who };
  }

  /** Progress updates across the plan year since a date (ISO), for "what changed". */
  function updatesSince(year: string, sinceIso: string): Promise<ProgressUpdate[]> {
    return ctx.history.read(async () => {
      const since = new Date(sinceIso).toISOString();
      const sinceStamp = since.replace(/\.\d{3}Z$/, "Z");
      // The indexed UpdateDate narrows the query; SharePoint's own Created decides.
      const items = await readFiltered(() => ctx.updates().items, {
        select: ctx.history.select(),
        expand: UPDATE_EXPAND,
        filter: `${F.updateDate} ge datetime'${new Date(Date.parse(since) - 86_400_000).toISOString()}' and ${F.planYear} eq ${odataString(year)}`,
        matches: (item) => String(item[F.planYear]) === year && String(item["Created"] ?? "") >= sinceStamp,
      });
      const yearItems = await readAllPages(() => ctx.actions().items, {
        select: ["Id", VERSION_LABEL, ...ACTION_SELECT.filter((f) => f.startsWith(`${F.leads}/`))],
        expand: [F.leads],
        filter: `${F.planYear} eq ${odataString(year)}`,
      });
      const byId = new Map(yearItems.map((item) => toAction(item)).map((a) => [a.id, a]));
      const rows = items.map(toProgressUpdate).filter((u) => u.date >= sinceStamp);
      const who = await leads.authorityFor(yearItems, rows);
      return (
        rows
          .map((u) => classifyUpdate(u, byId.get(u.actionId), who))
          // The meeting views and the committee report show a comment's mentions as names (schema 5 tokens).
          .map((u) => (u.kind === "comment" && u.note ? { ...u, note: renderComment(u.note, () => undefined) } : u))
          .sort(latestFirst)
      );
    });
  }

  return { actionHistory, withHistory, addUpdateRecord, latestUpdates, updatesSince };
}
