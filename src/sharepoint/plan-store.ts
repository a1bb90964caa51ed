// PlanStore over @pnp/sp: the plan's lists read and written as src/plan types. Every update
// carries the item's ETag; a stale one becomes ConflictError with both versions. Every RAG or
// progress change writes a progress update record.
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/batching.js";
import "@pnp/sp/site-users/index.js";
import "@pnp/sp/regional-settings/web.js";
import type { IList } from "@pnp/sp/lists/index.js";
import type { Action, Capabilities, IndicatorResultRow, Objective, Person, ProgressUpdate } from "../plan/types";
import { validateProgress } from "../plan/validation";
import { classifyUpdate, itemEtag, leadPeriods, mayUpdate, withLatestUpdate, type LeadPeriod, type UpdateAuthority } from "../plan/authority";
import { AppError, ConflictError, isPreconditionFailed, PermissionError, toAppError, ValidationError } from "./errors";
import { createCycleStore } from "./cycle-store";
import { createFileStore } from "./files";
import { createDiscussion } from "./discussion";
import { renderComment } from "../plan/comments";
import {
  ACTION_EXPAND,
  ACTION_SELECT,
  actionFields,
  indicatorResultFields,
  OBJECTIVE_EXPAND,
  OBJECTIVE_SELECT,
  objectiveFields,
  odataString,
  progressUpdateFields,
  RESULT_SELECT,
  toAction,
  toIndicatorResult,
  toObjective,
  toPerson,
  toActionVersion,
  toProgressUpdate,
  EVIDENCE_TITLE,
  UPDATE_EXPAND,
  VERSION_LABEL,
  type SpItem,
  type UpdateRecord,
} from "./mapping";
import { MAX_PAGE, readAllPages, readFiltered } from "./paging";
import { hasPermission, listPermissions, PermissionKind, webPermissions } from "./permissions";
import { F } from "./schema";
import { planList } from "./lists";
import { textLengthIssues, withinLimits } from "./text-limits";
import { LIST_GRANTS, PLAN_GROUPS, planEditorIds } from "./security-model";
import { siteTimeZoneFrom, type SiteTimeZone } from "./time-zone";
import type { ActionBatchWrite, ObjectiveBatchWrite, Settled } from "../plan/writer";
import type { ActionDraft, ActionPatch, ObjectiveDraft, ObjectivePatch, PlanSnapshot, PlanStore, ProgressChange } from "../plan/store";
import { historyFields } from "./history-select";

/**
 * How many of the newest progress updates the overview reads with the plan. Actions whose latest
 * update is older are looked up by their (indexed) Action column in one more $batch.
 */
const RECENT_UPDATES = 250;

/**
 * Parts per $batch HTTP request for bulk writes: @pnp/sp's own chunk size (`maxRequests`), named so
 * that one of our batches is exactly one HTTP request. When pnp splits a batch into several requests
 * and one fails outright, the parts of that request and every later one never settle; with one
 * request per batch, a failed request means none of its parts was answered.
 */
const BATCH_SIZE = 20;

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}

function latestFirst(a: ProgressUpdate, b: ProgressUpdate): number {
  return b.date.localeCompare(a.date) || b.id - a.id;
}

function siteUserToPerson(user: SpItem): Person {
  const person = toPerson({ Id: user["Id"], Title: user["Title"], EMail: user["Email"], Name: user["LoginName"] });
  if (!person) throw new AppError("unexpected", "SharePoint returned a user without an id");
  return person;
}

/** A claims login for an e-mail or UPN; claims logins pass through. */
export function toLoginName(loginOrEmail: string): string {
  return loginOrEmail.includes("|") ? loginOrEmail : `i:0#.f|membership|${loginOrEmail.trim()}`;
}

/** Closing a year (readOnly alone) is the one change a closed objective still takes. */
function onlyCloses(patch: ObjectivePatch): boolean {
  return Object.keys(patch).length === 1 && patch.readOnly !== undefined;
}

function closedError(planYear: string): AppError {
  return new AppError("closed", `The ${planYear} plan year is closed (carried into the next year); its objectives and actions cannot be changed.`);
}

export function createPlanStore(sp: SPFI, options: { now?: () => Date } = {}): PlanStore {
  const now = options.now ?? (() => new Date());
  const objectives = (): IList => planList(sp.web, "objectives");
  const actions = (): IList => planList(sp.web, "actions");
  const updates = (): IList => planList(sp.web, "progressUpdates");
  const results = (): IList => planList(sp.web, "indicatorResults");
  const files = createFileStore(sp);
  const history = historyFields();
  const discussion = createDiscussion(sp, siteUserToPerson, history);
  let meCache: Promise<Person> | null = null;

  let zoneCache: Promise<SiteTimeZone> | null = null;
  /** The site's time zone (Site settings > Regional settings), read once per store: date-only values are kept in it. */
  const timeZone = (): Promise<SiteTimeZone> => {
    zoneCache ??= call(async () => siteTimeZoneFrom(await sp.web.regionalSettings.timeZone()));
    zoneCache.catch(() => (zoneCache = null));
    return zoneCache;
  };

  /** The site user with this e-mail address, or null (SP.UserCollection.getByEmail answers 404 for none). */
  const siteUserByEmail = async (email: string): Promise<Person | null> => {
    try {
      return siteUserToPerson(await sp.web.siteUsers.getByEmail(email)<SpItem>());
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw toAppError(error);
    }
  };

  const me = (): Promise<Person> => {
    meCache ??= call(async () => siteUserToPerson(await sp.web.currentUser<SpItem>()));
    meCache.catch(() => (meCache = null));
    return meCache;
  };

  let myGroupsCache: Promise<number[]> | null = null;
  /**
   * The site groups the signed-in person belongs to (SP.User.Groups), read once per store: a lead
   * may be a group. A person always sees their own groups, whoever else may see their membership.
   */
  const myGroupIds = (): Promise<number[]> => {
    myGroupsCache ??= call(async () => (await sp.web.currentUser.groups.select("Id")<{ Id: number }[]>()).map((g) => g.Id));
    myGroupsCache.catch(() => (myGroupsCache = null));
    return myGroupsCache;
  };

  const readObjective = (id: number) =>
    call(async () => toObjective(await objectives().items.getById(id).select(...OBJECTIVE_SELECT).expand(...OBJECTIVE_EXPAND)<SpItem>()));
  let authorityCache: Promise<UpdateAuthority> | null = null;
  /** The plan editors (members of the Plan Editors group), read once per store. */
  const authority = (): Promise<UpdateAuthority> => {
    authorityCache ??= call(async () => ({ editorIds: await planEditorIds(sp) }));
    authorityCache.catch(() => (authorityCache = null));
    return authorityCache;
  };

  /**
   * Each action's leads over time, from its item's version history (SharePoint's, which no lead can
   * edit). An item still at version 1.0 has had its leads since it was created and needs no read.
   * Kept per store by id and version label: a version, once saved, never changes.
   */
  const periodsCache = new Map<number, { label: string; periods: LeadPeriod[] }>();
  async function leadHistory(items: readonly SpItem[]): Promise<Map<number, LeadPeriod[]>> {
    const out = new Map<number, LeadPeriod[]>();
    const wanted: { id: number; label: string }[] = [];
    for (const item of items) {
      const id = Number(item["Id"]);
      const label = String(item[VERSION_LABEL] ?? "");
      if (label === "1.0") continue;
      const cached = periodsCache.get(id);
      if (cached && cached.label === label) out.set(id, cached.periods);
      else if (!wanted.some((w) => w.id === id)) wanted.push({ id, label });
    }
    const reads = await settleEach(wanted, (web, w) => planList(web, "actions").items.getById(w.id).versions<SpItem[]>());
    reads.forEach((r, k) => {
      const { id, label } = wanted[k] as { id: number; label: string };
      if (r.status === "rejected") {
        // Deleted meanwhile: its rows no longer show; anything else is a failure to report.
        if ((toAppError(r.reason) as AppError).code === "notFound") return;
        throw toAppError(r.reason);
      }
      const periods = leadPeriods(r.value.map((v) => toActionVersion(v)).map((v) => ({ saved: v.saved, label: v.label, leadIds: v.fields.leads.map((p) => p.id) })));
      periodsCache.set(id, { label, periods });
      out.set(id, periods);
    });
    return out;
  }

  let groupIdsCache: Promise<Set<number>> | null = null;
  /** The site's groups (ids), read once per store: a lead whose id is one of them is a group. */
  const siteGroupIds = (): Promise<Set<number>> => {
    groupIdsCache ??= call(async () => new Set((await sp.web.siteGroups.select("Id")<{ Id: number }[]>()).map((g) => g.Id)));
    groupIdsCache.catch(() => (groupIdsCache = null));
    return groupIdsCache;
  };

  /**
   * The members of the leads that are SharePoint groups, as the reader sees them now (SharePoint
   * keeps no history of membership), in $batch reads, once per store. A group whose membership only
   * its members may see (OnlyAllowMembersViewMembership) answers "access denied" to anyone else:
   * its members are then unknown to this reader, and their records count for nobody in this view.
   */
  const membersCache = new Map<number, ReadonlySet<number>>();
  async function leadGroupMembers(leadIds: Iterable<number>): Promise<Map<number, ReadonlySet<number>>> {
    const wanted = [...new Set(leadIds)];
    if (wanted.length === 0) return new Map();
    const groups = await siteGroupIds();
    const groupLeads = wanted.filter((id) => groups.has(id));
    const missing = groupLeads.filter((id) => !membersCache.has(id));
    const reads = await settleEach(missing, (web, id) => web.siteGroups.getById(id).users.select("Id")<{ Id: number }[]>());
    reads.forEach((r, k) => {
      const id = missing[k] as number;
      if (r.status === "fulfilled") membersCache.set(id, new Set(r.value.map((u) => u.Id)));
      else if (["forbidden", "notFound"].includes((toAppError(r.reason) as AppError).code)) membersCache.set(id, new Set());
      else throw toAppError(r.reason);
    });
    return new Map(groupLeads.map((id) => [id, membersCache.get(id) ?? new Set<number>()]));
  }

  /**
   * The authority to judge these rows by: the plan editors, the leads over time of the actions
   * whose rows were written by someone else (only those can depend on who led the action when),
   * and the members of the leads that are groups.
   */
  async function authorityFor(actionItems: readonly SpItem[], rows: readonly ProgressUpdate[]): Promise<UpdateAuthority> {
    const base = await authority();
    const need = new Set(rows.filter((r) => r.kind === "update" && r.author !== null && !base.editorIds.has(r.author.id)).map((r) => r.actionId));
    const targets = actionItems.filter((item) => need.has(Number(item["Id"])));
    if (targets.length === 0) return base;
    const history = await call(() => leadHistory(targets));
    const leadIds = [...targets.flatMap((item) => toAction(item).leads.map((lead) => lead.id)), ...[...history.values()].flat().flatMap((p) => p.leadIds)];
    const groupMembers = await call(() => leadGroupMembers(leadIds));
    return groupMembers.size > 0 ? { ...base, leadHistory: history, groupMembers } : { ...base, leadHistory: history };
  }

  /** An action's history rows, classified: updates by people who could not update it when they wrote them are comments. */
  async function actionHistory(item: SpItem): Promise<{ action: Action; rows: ProgressUpdate[]; who: UpdateAuthority }> {
    return history.read(async () => {
      const action = toAction(item, await timeZone());
      const items = await readFiltered(() => updates().items, {
        select: history.select(),
        expand: UPDATE_EXPAND,
        filter: `${F.action}Id eq ${action.id}`,
        matches: (row) => Number(row[`${F.action}Id`]) === action.id,
      });
      const raw = items.map(toProgressUpdate);
      const who = await authorityFor([item], raw);
      return { action, rows: raw.map((row) => classifyUpdate(row, action, who)).sort(latestFirst), who };
    });
  }

  /** The action item with the RAG and progress of its newest counting progress record. */
  async function withHistory(item: SpItem): Promise<Action> {
    const { action, rows, who } = await actionHistory(item);
    return withLatestUpdate(action, rows, who);
  }

  const readAction = (id: number) => call(async () => withHistory(await actions().items.getById(id).select(...ACTION_SELECT).expand(...ACTION_EXPAND)<SpItem>()));
  const readActionRaw = (id: number) => call(() => actions().items.getById(id).select(...ACTION_SELECT).expand(...ACTION_EXPAND)<SpItem>());

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

  /** The current version for a conflict view, or null when the item was deleted. */
  async function current<T>(read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      if ((error as AppError).code === "notFound") return null;
      throw error;
    }
  }

  /** MERGE with If-Match; 412 (or 404: deleted meanwhile) becomes ConflictError carrying both versions. */
  async function merge<T>(target: IList, id: number, etag: string, fields: SpItem, mine: Partial<T>, read: () => Promise<T>): Promise<void> {
    try {
      await target.items.getById(id).update(fields, itemEtag(etag));
    } catch (error) {
      const mapped = toAppError(error);
      if (isPreconditionFailed(error) || (mapped as AppError).code === "notFound") {
        throw new ConflictError<T>(mine, await current(read), { cause: error });
      }
      throw mapped;
    }
  }

  async function remove<T>(target: IList, id: number, etag: string, read: () => Promise<T>): Promise<void> {
    try {
      await target.items.getById(id).delete(itemEtag(etag));
    } catch (error) {
      if (isPreconditionFailed(error)) throw new ConflictError<T>({}, await current(read), { cause: error });
      throw toAppError(error);
    }
  }

  async function addUpdateRecord(record: Omit<UpdateRecord, "date" | "authorId">, extra: SpItem = {}): Promise<ProgressUpdate> {
    const author = await me();
    const added = await call(() => updates().items.add({ ...progressUpdateFields({ ...record, date: now().toISOString(), authorId: author.id }), ...extra }));
    return { ...toProgressUpdate(added as SpItem), author };
  }

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
    const fields = withinLimits("actions", { ...actionFields(patch, await timeZone()), ...extraFields });
    const before = await readActionRaw(id);
    // As people saw it: with the RAG and progress of its newest counting record (and its version).
    const previous = await withHistory(before);
    await openObjective(patch.objectiveId ?? previous.objectiveId);
    const ragChanged = patch.rag !== undefined && patch.rag !== previous.rag;
    if (patch.rag !== undefined && (validate === "always" || ragChanged)) {
      const issues = validateProgress({ rag: patch.rag, note: note ?? null, progress: patch.progress ?? null });
      if (issues.length > 0) throw new ValidationError(issues);
    }
    if (previous.etag !== etag && etag !== "*") throw new ConflictError<Action>(patch, previous);
    await merge<Action>(actions(), id, etag, fields, patch, () => readAction(id));
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
  async function recordAndRead(id: number, record: Omit<UpdateRecord, "date" | "authorId">): Promise<Action> {
    const author = await me();
    const fields = progressUpdateFields({ ...record, date: now().toISOString(), authorId: author.id });
    const [batched, execute] = sp.batched();
    let saved: SpItem | null = null;
    const parts = [
      planList(batched.web, "progressUpdates").items.add(fields),
      planList(batched.web, "actions")
        .items.getById(id)
        .select(...ACTION_SELECT)
        .expand(...ACTION_EXPAND)<SpItem>()
        .then((item) => (saved = item)),
    ];
    await runBatch(execute, parts);
    return saved ? withHistory(saved) : readAction(id);
  }

  /** Runs queued requests of a $batch; parts fail on their own (SharePoint batches are not transactional). */
  async function runBatch(execute: () => Promise<void>, parts: Promise<unknown>[]): Promise<void> {
    const settled = Promise.allSettled(parts);
    await call(execute);
    const failed = (await settled).find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw toAppError(failed.reason);
  }

  /**
   * Runs one request per input in $batch requests of BATCH_SIZE; each settles on its own, in order.
   * A batch request that fails as a whole (offline, throttled past its retries) fails its parts and
   * every later input unsent, with its error: SharePoint has committed the earlier batches (it never
   * rolls one back), so the caller reports what was written and a second run writes only the rest.
   */
  async function settleEach<I, T>(
    inputs: readonly I[],
    request: (web: SPFI["web"], input: I) => Promise<T>,
    /** One more read riding in the first batch (its own failure is its caller's). */
    alongside?: (web: SPFI["web"]) => Promise<unknown>,
  ): Promise<PromiseSettledResult<T>[]> {
    const out: PromiseSettledResult<T>[] = [];
    for (let start = 0; start < inputs.length; start += BATCH_SIZE) {
      const [batched, execute] = sp.batched({ maxRequests: BATCH_SIZE });
      if (start === 0 && alongside) void alongside(batched.web).catch(() => undefined);
      const parts = Promise.allSettled(inputs.slice(start, start + BATCH_SIZE).map((input) => request(batched.web, input)));
      const failure = await execute().then(
        () => null,
        (error: unknown) => toAppError(error),
      );
      if (failure !== null) {
        // The failed request's parts never settle (pnp answers a part only from its request's reply): not awaited.
        while (out.length < inputs.length) out.push({ status: "rejected", reason: failure });
        break;
      }
      out.push(...(await parts));
    }
    return out;
  }

  /** Each found objective's plan year and whether it is closed, in $batch reads; a missing one is left out. */
  async function objectiveStates(ids: readonly number[]): Promise<Map<number, { planYear: string; closed: boolean }>> {
    // The site's time zone rides along the first time (bulk action writes convert due dates with it).
    const reads = await settleEach(
      ids,
      (web, id) => planList(web, "objectives").items.getById(id).select(F.planYear, F.readOnly)<SpItem>(),
      zoneCache ? undefined : (web) => web.regionalSettings.timeZone().then((zone) => (zoneCache ??= Promise.resolve(siteTimeZoneFrom(zone)))),
    );
    const states = new Map<number, { planYear: string; closed: boolean }>();
    reads.forEach((r, k) => r.status === "fulfilled" && states.set(ids[k] as number, { planYear: String(r.value[F.planYear] ?? ""), closed: r.value[F.readOnly] === true }));
    return states;
  }

  /** A write's failure as the single-item methods report it: 412 or 404 becomes ConflictError with the current version. */
  async function writeFailure<T>(error: unknown, mine: Partial<T>, read: (() => Promise<T>) | null): Promise<Settled<T>> {
    const mapped = toAppError(error);
    if (read && (isPreconditionFailed(error) || (mapped as AppError).code === "notFound")) {
      return { ok: false, error: new ConflictError<T>(mine, await current(read).catch(() => null), { cause: error }) };
    }
    return { ok: false, error: mapped };
  }

  /** The history record a bulk action write owes, as changeAction and addAction write them one by one. */
  function historyRecord(w: ActionBatchWrite, id: number, planYear: string): Omit<UpdateRecord, "date" | "authorId"> | null {
    if (w.kind === "create") {
      if (w.importedFrom) return { actionId: id, planYear, rag: w.fields.rag, previousRag: null, note: w.importedFrom, progress: w.fields.progress ?? null, kind: "import" };
      return { actionId: id, planYear, rag: w.fields.rag, previousRag: null, note: null, progress: w.fields.progress ?? null, kind: "update" };
    }
    const { previous, patch } = w;
    const ragChanged = patch.rag !== undefined && patch.rag !== previous.rag;
    const progressChanged = patch.progress !== undefined && (patch.progress ?? null) !== previous.progress;
    const note = typeof w.note === "string" && w.note.trim().length > 0 ? w.note.trim() : null;
    if (!(ragChanged || progressChanged || note)) return null;
    const after = { ...previous, ...patch };
    return { actionId: id, planYear, rag: after.rag, previousRag: previous.rag, note, progress: after.progress ?? null, kind: "update" };
  }

  /** The newest progress update of each action; one query per action not found in the recent window. */
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
    let who = await authorityFor(actionItems, recentRows);
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
      const [batched, execute] = sp.batched();
      const found: SpItem[][] = [];
      const parts = missing.map((id) =>
        planList(batched.web, "progressUpdates")
          .items.select(...history.select())
          .expand(...UPDATE_EXPAND)
          .filter(`${F.action}Id eq ${id}`)
          .top(MAX_PAGE)<SpItem[]>()
          .then((page) => found.push(page)),
      );
      await runBatch(execute, parts);
      const already = new Set(recent.map((item) => Number(item["Id"])));
      const older = found.flat().map(toProgressUpdate).filter((update) => !already.has(update.id));
      who = await authorityFor(actionItems, [...recentRows, ...older]);
      older.forEach(take);
    }
    return { latest, counting, who };
  }

  const store: PlanStore = {
    me,
    myGroupIds,
    ...createCycleStore(sp, {
      capabilities: () => store.capabilities(),
      loadPlan: (year) => store.loadPlan(year),
      indicatorResults: () => store.indicatorResults(),
      editorIds: async () => (await authority()).editorIds,
      now,
    }),

    async capabilities(): Promise<Capabilities> {
      const [web, objectivePerms, actionPerms, updatePerms] = await Promise.all([
        webPermissions(sp),
        listPermissions(sp, "objectives"),
        listPermissions(sp, "actions"),
        listPermissions(sp, "progressUpdates"),
      ]);
      // Setting up (or upgrading) the plan creates lists, groups and their permissions: Manage
      // Lists, Manage Permissions and Create Groups on the site, within the token's scopes. A team
      // member has Manage Lists (Edit) but not the rest.
      const manageLists = [PermissionKind.ManageLists, PermissionKind.ManagePermissions, PermissionKind.CreateGroups].every((kind) => hasPermission(web, kind));
      const onObjectives = objectivePerms ?? web;
      return {
        editPlan: hasPermission(onObjectives, PermissionKind.EditListItems) && hasPermission(onObjectives, PermissionKind.AddListItems),
        // Leads update by writing progress records (WriteSecurity: only their own rows).
        editItems: hasPermission(actionPerms ?? web, PermissionKind.EditListItems) || hasPermission(updatePerms ?? web, PermissionKind.AddListItems),
        manageLists,
        comment: hasPermission(updatePerms ?? web, PermissionKind.AddListItems),
      };
    },

    async planYears() {
      const items = await readAllPages(() => objectives().items, { select: ["Id", F.planYear] });
      return [...new Set(items.map((i) => String(i[F.planYear] ?? "")).filter((y) => y.length > 0))].sort().reverse();
    },

    loadPlan(year: string): Promise<PlanSnapshot> {
      return history.read(async () => {
        // One $batch: the year's objectives and actions (indexed PlanYear filter) and the newest
        // progress updates by ID (always allowed, however long the history grows).
        const [batched, execute] = sp.batched();
        const byYear = `${F.planYear} eq ${odataString(year)}`;
        let objectiveItems: SpItem[] = [];
        let actionItems: SpItem[] = [];
        let recent: SpItem[] = [];
        const web = batched.web;
        const parts: Promise<unknown>[] = [];
        parts.push(planList(web, "objectives")
          .items.select(...OBJECTIVE_SELECT)
          .expand(...OBJECTIVE_EXPAND)
          .filter(byYear)
          .top(MAX_PAGE)<SpItem[]>()
          .then((r) => (objectiveItems = r)));
        parts.push(planList(web, "actions")
          .items.select(...ACTION_SELECT)
          .expand(...ACTION_EXPAND)
          .filter(byYear)
          .top(MAX_PAGE)<SpItem[]>()
          .then((r) => (actionItems = r)));
        parts.push(planList(web, "progressUpdates")
          .items.select(...history.select())
          .expand(...UPDATE_EXPAND)
          .orderBy("Id", false)
          .top(RECENT_UPDATES)<SpItem[]>()
          .then((r) => (recent = r)));
        // The plan editors, in the same $batch (a site set up before the permission model has none).
        let editorIds: Set<number> | null = null;
        if (!authorityCache) {
          parts.push(web.siteGroups
            .getByName(PLAN_GROUPS.editors)
            .users.select("Id")<{ Id: number }[]>()
            .then((users) => (editorIds = new Set(users.map((u) => u.Id))))
            .catch((error: unknown) => {
              if ((error as { status?: number }).status !== 404) throw error;
              editorIds = new Set();
            }));
        }
        // The site's time zone (for due dates), in the same $batch the first time.
        if (!zoneCache) parts.push(web.regionalSettings.timeZone().then((zone) => (zoneCache = Promise.resolve(siteTimeZoneFrom(zone)))));
        await runBatch(execute, parts);
        if (editorIds) authorityCache = Promise.resolve({ editorIds });
        // A plan with more than a page of objectives or actions is read again, page by page.
        if (objectiveItems.length >= MAX_PAGE) objectiveItems = await readAllPages(() => objectives().items, { select: OBJECTIVE_SELECT, expand: OBJECTIVE_EXPAND, filter: byYear });
        if (actionItems.length >= MAX_PAGE) actionItems = await readAllPages(() => actions().items, { select: ACTION_SELECT, expand: ACTION_EXPAND, filter: byYear });

        const planObjectives = objectiveItems.map(toObjective);
        const zone = await timeZone();
        const items = actionItems.map((item) => toAction(item, zone));
        const { latest: lastUpdates, counting, who } = await latestUpdates(actionItems, items, recent, recent.length >= RECENT_UPDATES);
        const planActions = items.map((a) => withLatestUpdate(a, counting, who));
        let lastModified: string | null = null;
        for (const stamp of [...planObjectives.map((o) => o.modified), ...planActions.map((a) => a.modified), ...Object.values(lastUpdates).map((u) => u.date)]) {
          if (stamp && (lastModified === null || stamp > lastModified)) lastModified = stamp;
        }
        return { year, objectives: planObjectives, actions: planActions, lastUpdates, lastModified };
      });
    },

    async addObjective(draft: ObjectiveDraft) {
      const added = await call(() => objectives().items.add(withinLimits("objectives", objectiveFields(draft))));
      return readObjective(Number((added as SpItem)["Id"]));
    },

    async updateObjective(id, etag, patch: ObjectivePatch) {
      const fields = withinLimits("objectives", objectiveFields(patch));
      if (!onlyCloses(patch)) await openObjective(id);
      await merge<Objective>(objectives(), id, etag, fields, patch, () => readObjective(id));
      return readObjective(id);
    },

    async deleteObjective(id, etag) {
      await openObjective(id);
      return remove<Objective>(objectives(), id, etag, () => readObjective(id));
    },

    async addAction(draft: ActionDraft) {
      const zone = await timeZone();
      const fields = withinLimits("actions", actionFields(draft, zone));
      const objective = await openObjective(draft.objectiveId);
      const added = (await call(() => actions().items.add({ ...fields, [F.planYear]: objective.planYear }))) as SpItem;
      // The starting RAG opens the action's history.
      const start = toAction(added, zone);
      return recordAndRead(start.id, { actionId: start.id, planYear: objective.planYear, rag: draft.rag, previousRag: null, note: null, progress: draft.progress ?? null, kind: "update" });
    },

    getAction: readAction,

    async updateAction(id, etag, patch: ActionPatch, note?: string | null) {
      // Keep the denormalised plan year in step when an action moves to another objective.
      const extra: SpItem = patch.objectiveId !== undefined ? { [F.planYear]: (await readObjective(patch.objectiveId)).planYear } : {};
      return changeAction(id, etag, patch, note, "onRagChange", extra);
    },

    async updateProgress(id, etag, change: ProgressChange) {
      const issues = validateProgress(change);
      if (issues.length > 0) throw new ValidationError(issues);
      // A lead may not edit the action item (its due date and leads are not theirs to change): their
      // update is a progress record, which counts because they lead the action.
      const itemPerms = await call(() => actions().items.getById(id).getCurrentUserEffectivePermissions());
      if (!hasPermission(itemPerms, PermissionKind.EditListItems)) {
        const before = await readAction(id);
        await openObjective(before.objectiveId);
        // A member of a lead group knows their own groups (me), whoever else may see its members.
        const person = await me();
        const own: UpdateAuthority = { ...(await authority()), groupMembers: new Map((await myGroupIds()).map((g) => [g, new Set([person.id])])) };
        if (!mayUpdate(before, person, own)) throw new PermissionError("forbidden", "Only the action's leads and plan editors may update its progress.");
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
        return recordAndRead(id, { actionId: id, planYear, rag, previousRag: before.rag, note, progress, kind: "update" });
      }
      const patch: ActionPatch = {};
      if (change.rag !== undefined) patch.rag = change.rag;
      if (change.progress !== undefined) patch.progress = change.progress;
      return changeAction(id, etag, patch, change.note, "always");
    },

    async deleteAction(id, etag) {
      await openObjective((await readAction(id)).objectiveId);
      return remove<Action>(actions(), id, etag, () => readAction(id));
    },

    async writeObjectives(writes: ObjectiveBatchWrite[]) {
      // A closed year's objectives take only the change that closes them, as for a single edit.
      const states = await objectiveStates([...new Set(writes.flatMap((w) => (w.kind === "update" && !onlyCloses(w.patch) ? [w.id] : [])))]);
      const tooLong = (w: ObjectiveBatchWrite) => textLengthIssues("objectives", objectiveFields(w.kind === "create" ? w.fields : w.patch));
      const refused = (w: ObjectiveBatchWrite) => (w.kind === "update" && states.get(w.id)?.closed === true) || tooLong(w).length > 0;
      // One batch of adds and ETag-guarded MERGEs, then one batch re-reading what was written.
      const sent = await settleEach(writes.filter((w) => !refused(w)), (web, w) => {
        const items = planList(web, "objectives").items;
        return w.kind === "create"
          ? items.add(objectiveFields(w.fields)).then((added) => Number((added as SpItem)["Id"]))
          : items.getById(w.id).update(objectiveFields(w.patch), w.etag).then(() => w.id);
      });
      const ids = sent.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const reread = new Map<number, Objective>();
      const reads = await settleEach(ids, (web, id) =>
        planList(web, "objectives").items.getById(id).select(...OBJECTIVE_SELECT).expand(...OBJECTIVE_EXPAND)<SpItem>(),
      );
      reads.forEach((r, i) => r.status === "fulfilled" && reread.set(ids[i] as number, toObjective(r.value)));
      let next = 0;
      return Promise.all(
        writes.map(async (w): Promise<Settled<Objective>> => {
          if (tooLong(w).length > 0) return { ok: false, error: new ValidationError(tooLong(w)) };
          if (w.kind === "update" && refused(w)) return { ok: false, error: closedError(states.get(w.id)?.planYear ?? "") };
          const r = sent[next++] as PromiseSettledResult<number>;
          if (r.status === "rejected") return writeFailure<Objective>(r.reason, w.kind === "create" ? w.fields : w.patch, w.kind === "update" ? () => readObjective(w.id) : null);
          const value = reread.get(r.value);
          return value ? { ok: true, value } : { ok: true, value: await readObjective(r.value) };
        }),
      );
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
          const issues = validateProgress({ rag: w.patch.rag, note: w.note ?? null, progress: w.patch.progress ?? null });
          if (issues.length > 0) results[i] = { ok: false, error: new ValidationError(issues) };
        }
      });
      const pending = writes.map((w, i) => ({ w, i })).filter(({ i }) => results[i] === null);
      // The plan year each action is denormalised into, from its objective (one batch of reads).
      const objectiveIdOf = (w: ActionBatchWrite) => (w.kind === "create" ? w.fields.objectiveId : w.previous.objectiveId);
      const states = await objectiveStates([...new Set(pending.map(({ w }) => objectiveIdOf(w)))]);
      const planYearOf = (w: ActionBatchWrite) => (states.get(objectiveIdOf(w)) as { planYear: string }).planYear;

      const writable = pending.filter(({ w, i }) => {
        const objectiveId = objectiveIdOf(w);
        const state = states.get(objectiveId);
        if (!state) results[i] = { ok: false, error: new AppError("notFound", `objective ${objectiveId} was not found`) };
        else if (state.closed) results[i] = { ok: false, error: closedError(state.planYear) };
        else return true;
        return false;
      });
      const zone = await timeZone();
      const sent = await settleEach(writable, (web, { w }) => {
        const items = planList(web, "actions").items;
        const planYear = planYearOf(w);
        return w.kind === "create"
          ? items.add({ ...actionFields(w.fields, zone), [F.planYear]: planYear }).then((added) => Number((added as SpItem)["Id"]))
          : items.getById(w.previous.id).update(actionFields(w.patch, zone), itemEtag(w.previous.etag)).then(() => w.previous.id);
      });

      // History records (a new action's starting RAG; a change of RAG or progress, or a note) and re-reads, in one more batch.
      const author = await me();
      const date = now().toISOString();
      const written: { w: ActionBatchWrite; i: number; id: number; record: SpItem | null }[] = [];
      await Promise.all(
        sent.map(async (r, k) => {
          const { w, i } = writable[k] as { w: ActionBatchWrite; i: number };
          if (r.status === "rejected") {
            results[i] = await writeFailure<Action>(r.reason, w.kind === "create" ? w.fields : w.patch, w.kind === "update" ? () => readAction(w.previous.id) : null);
            return;
          }
          const record = historyRecord(w, r.value, planYearOf(w));
          written.push({ w, i, id: r.value, record: record ? progressUpdateFields({ ...record, date, authorId: author.id }) : null });
        }),
      );
      const withRecord = written.filter((x) => x.record !== null);
      const recorded = await settleEach(withRecord, (web, x) => planList(web, "progressUpdates").items.add(x.record as SpItem));
      const unrecorded = new Set(recorded.flatMap((r, k) => (r.status === "rejected" ? [withRecord[k]] : [])));
      const reads = await settleEach(written, (web, x) => planList(web, "actions").items.getById(x.id).select(...ACTION_SELECT).expand(...ACTION_EXPAND)<SpItem>());
      reads.forEach((r, k) => {
        const x = written[k] as (typeof written)[number];
        // The action was saved but its history record was not: say so rather than report success.
        if (unrecorded.has(x)) results[x.i] = { ok: false, error: new AppError("unexpected", `action ${x.id} was saved but its history record was not`) };
        else results[x.i] = r.status === "fulfilled" ? { ok: true, value: toAction(r.value, zone) } : { ok: false, error: toAppError(r.reason) };
      });
      return results as Settled<Action>[];
    },

    async history(actionId: number) {
      return (await actionHistory(await readActionRaw(actionId))).rows;
    },

    async actionVersions(actionId: number) {
      const entities = await call(() => actions().items.getById(actionId).versions<SpItem[]>());
      const zone = await timeZone();
      return entities.map((v) => toActionVersion(v, zone)).sort((a, b) => Number.parseFloat(b.label) - Number.parseFloat(a.label));
    },

    updatesSince(year: string, sinceIso: string) {
      return history.read(async () => {
        const since = new Date(sinceIso).toISOString();
        const sinceStamp = since.replace(/\.\d{3}Z$/, "Z");
        // The indexed UpdateDate narrows the query; SharePoint's own Created decides.
        const items = await readFiltered(() => updates().items, {
          select: history.select(),
          expand: UPDATE_EXPAND,
          filter: `${F.updateDate} ge datetime'${new Date(Date.parse(since) - 86_400_000).toISOString()}' and ${F.planYear} eq ${odataString(year)}`,
          matches: (item) => String(item[F.planYear]) === year && String(item["Created"] ?? "") >= sinceStamp,
        });
        const yearItems = await readAllPages(() => actions().items, { select: ["Id", VERSION_LABEL, ...ACTION_SELECT.filter((f) => f.startsWith(`${F.leads}/`))], expand: [F.leads], filter: `${F.planYear} eq ${odataString(year)}` });
        const byId = new Map(yearItems.map((item) => toAction(item)).map((a) => [a.id, a]));
        const rows = items.map(toProgressUpdate).filter((u) => u.date >= sinceStamp);
        const who = await authorityFor(yearItems, rows);
        return rows
          .map((u) => classifyUpdate(u, byId.get(u.actionId), who))
          // The meeting views and the committee report show a comment's mentions as names (schema 5 tokens).
          .map((u) => (u.kind === "comment" && u.note ? { ...u, note: renderComment(u.note, () => undefined) } : u))
          .sort(latestFirst);
      });
    },

    async addComment(actionId: number, note: string, options: { replyTo?: number | null } = {}) {
      const action = await readActionRaw(actionId);
      await openObjective(toAction(action).objectiveId);
      const replyTo = options.replyTo ?? null;
      return { ...(await addUpdateRecord({ actionId, planYear: String(action[F.planYear] ?? ""), rag: null, previousRag: null, note, progress: null, kind: "comment" }, discussion.commentFields(note, replyTo))), replyTo };
    },

    editComment: (id, note) => discussion.editComment(id, note),
    deleteComment: (id) => discussion.deleteComment(id),
    evidence: (actionId) => discussion.evidence(actionId),
    evidenceForYear: (year) => discussion.evidenceForYear(year),

    async attachEvidence(actionId, file, description) {
      const action = await readActionRaw(actionId);
      await openObjective(toAction(action).objectiveId);
      const row = await addUpdateRecord(
        { actionId, planYear: String(action[F.planYear] ?? ""), rag: null, previousRag: null, note: description?.trim() || null, progress: null, kind: "comment" },
        { [F.title]: EVIDENCE_TITLE },
      );
      try {
        return await discussion.attachEvidence(row, file);
      } catch (error) {
        // A row without its file would be an empty comment: it goes (the author may delete their own row).
        await updates().items.getById(row.id).delete().catch(() => undefined);
        throw error;
      }
    },

    removeEvidence: (file) => discussion.removeEvidence(file),
    openEvidence: (file) => discussion.openEvidence(file),
    peopleByIds: (ids) => discussion.peopleByIds(ids),

    async searchPeople(query: string) {
      const q = query.trim();
      if (q.length === 0) return [];
      const literal = odataString(q);
      const users = await call(() =>
        sp.web.siteUsers
          .filter(`PrincipalType eq 1 and (substringof(${literal},Title) or substringof(${literal},Email))`)
          .top(20)<SpItem[]>(),
      );
      return users.map(siteUserToPerson);
    },

    async searchGroups(query: string) {
      // A site has few groups: all are read (title and id, which every site member may list) and
      // matched here. Groups hidden in SharePoint's own pages (IsHiddenInUI) are left out.
      const q = query.trim().toLocaleLowerCase("en-GB");
      if (q.length === 0) return [];
      const groups = await call(() => sp.web.siteGroups.select("Id", "Title", "IsHiddenInUI")<{ Id: number; Title: string; IsHiddenInUI?: boolean }[]>());
      return groups
        .filter((g) => !g.IsHiddenInUI && g.Title.toLocaleLowerCase("en-GB").includes(q))
        .slice(0, 20)
        .map((g): Person => ({ id: g.Id, title: g.Title, email: null, isGroup: true }));
    },

    async canUpdatePlan(personId: number) {
      // A lead updates an action by writing to WRES Progress Updates: whoever the security model grants
      // more than Read there (plan editors, contributors, the site's Owners) or a site collection
      // administrator. Membership is read from the groups themselves (their membership is visible to
      // site users); if it cannot be read, the answer is "not known" rather than a false warning.
      const writers = LIST_GRANTS.progressUpdates.grants.filter(([, level]) => level !== "read").map(([grantee]) => grantee);
      try {
        const user = await sp.web.siteUsers.getById(personId).select("Id", "IsSiteAdmin")<{ IsSiteAdmin?: boolean }>();
        if (user.IsSiteAdmin === true) return true;
        for (const grantee of writers) {
          const group =
            grantee === "owners" ? sp.web.associatedOwnerGroup : grantee === "members" ? sp.web.associatedMemberGroup : grantee === "visitors" ? sp.web.associatedVisitorGroup : sp.web.siteGroups.getByName(PLAN_GROUPS[grantee]);
          const members = await group.users.select("Id")<{ Id: number }[]>();
          if (members.some((m) => m.Id === personId)) return true;
        }
        return false;
      } catch {
        return null;
      }
    },

    async ensurePerson(loginOrEmail: string) {
      const typed = loginOrEmail.trim();
      // SharePoint knows people by their claims login, which carries the user principal name (UPN),
      // not the e-mail address: `i:0#.f|membership|<e-mail>` is "not found" wherever the two differ.
      // So an e-mail address is first looked up among the site's users; otherwise it is taken as a
      // sign-in name, and SharePoint refuses it if nobody signs in with it.
      if (!typed.includes("|") && typed.includes("@")) {
        const known = await siteUserByEmail(typed);
        if (known) return known;
      }
      const user = await call(() => sp.web.ensureUser(toLoginName(typed)));
      return siteUserToPerson(user as unknown as SpItem);
    },

    async indicatorResults(standard?: string) {
      const items = standard
        ? await readFiltered(() => results().items, {
            select: RESULT_SELECT,
            filter: `${F.standard} eq ${odataString(standard)}`,
            matches: (item) => item[F.standard] === standard,
          })
        : await readAllPages(() => results().items, { select: RESULT_SELECT });
      return items.map(toIndicatorResult).sort((a, b) => a.year.localeCompare(b.year) || a.indicator - b.indicator);
    },

    async saveIndicatorResults(rows) {
      if (rows.length === 0) return [];
      // Upsert by (year, standard, indicator): one row each, overwritten by a fresh computation.
      const existing = new Map<string, IndicatorResultRow>();
      for (const standard of new Set(rows.map((r) => r.standard))) {
        for (const row of await store.indicatorResults(standard)) existing.set(`${row.year}|${row.standard}|${row.indicator}`, row);
      }
      const [batched, execute] = sp.batched();
      const target = planList(batched.web, "indicatorResults");
      const parts = rows.map((row) => {
        const found = existing.get(`${row.year}|${row.standard}|${row.indicator}`);
        return found ? target.items.getById(found.id).update(indicatorResultFields(row), found.etag) : target.items.add(indicatorResultFields(row));
      });
      await runBatch(execute, parts);
      const keys = new Set(rows.map((r) => `${r.year}|${r.standard}|${r.indicator}`));
      const saved: IndicatorResultRow[] = [];
      for (const standard of new Set(rows.map((r) => r.standard))) {
        saved.push(...(await store.indicatorResults(standard)).filter((r) => keys.has(`${r.year}|${r.standard}|${r.indicator}`)));
      }
      return saved;
    },

    dataFiles: files.list,
    uploadDataFile: files.upload,
    downloadDataFile: files.download,
  };
  return store;
}
