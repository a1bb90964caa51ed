// PlanStore over @pnp/sp: the plan's lists read and written as src/plan types, composed from one
// repository per list (objectives, actions, progress history, indicator results, people, files, the
// plan year's cycle) over a shared StoreContext (./store-context.ts). Here: what spans the lists,
// the signed-in person's capabilities, the plan year's snapshot in one $batch, and comments and
// evidence (history rows on an action).
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/batching.js";
import "@pnp/sp/site-users/index.js";
import "@pnp/sp/regional-settings/web.js";
import { type PlanSnapshot, type PlanStore, type Capabilities, withLatestUpdate } from "../plan";
import { createCycleStore } from "./cycle-store";
import { createFileStore } from "./files";
import { createDiscussion } from "./discussion";
import {
  ACTION_EXPAND,
  ACTION_SELECT,
  EVIDENCE_TITLE,
  OBJECTIVE_EXPAND,
  OBJECTIVE_SELECT,
  odataString,
  toAction,
  toObjective,
  UPDATE_EXPAND,
  type SpItem,
} from "./mapping";
import { MAX_PAGE, readAllPages } from "./paging";
import { hasPermission, listPermissions, PermissionKind, webPermissions } from "./permissions";
import { F } from "./schema";
import { planList } from "./lists";
import { PLAN_GROUPS } from "./security-model";
import { siteTimeZoneFrom } from "./time-zone";
import { createStoreContext, siteUserToPerson } from "./store-context";
import { createLeadAuthority } from "./lead-authority";
import { createObjectivesRepository } from "./objectives-repository";
import { createHistoryRepository } from "./history-repository";
import { createActionsRepository } from "./actions-repository";
import { createPeopleRepository } from "./people-repository";
import { createResultsRepository } from "./results-repository";
import { createFiguresRepository } from "./figures-repository";

export { toLoginName } from "./people-repository";

/**
 * How many of the newest progress updates the overview reads with the plan. Actions whose latest
 * update is older are looked up by their (indexed) Action column in one more $batch.
 */
const RECENT_UPDATES = 250;

export function createPlanStore(sp: SPFI, options: { now?: () => Date } = {}): PlanStore {
  const ctx = createStoreContext(sp, options.now ?? (() => new Date()));
  const files = createFileStore(sp);
  const discussion = createDiscussion(sp, siteUserToPerson, ctx.history);
  const objectives = createObjectivesRepository(ctx);
  const history = createHistoryRepository(ctx, createLeadAuthority(ctx));
  const actions = createActionsRepository(ctx, objectives, history);
  const people = createPeopleRepository(ctx);
  const results = createResultsRepository(ctx);

  const store: PlanStore = {
    me: ctx.me,
    myGroupIds: ctx.myGroupIds,
    ...createCycleStore(sp, {
      capabilities: () => store.capabilities(),
      loadPlan: (year) => store.loadPlan(year),
      indicatorResults: () => store.indicatorResults(),
      editorIds: async () => (await ctx.authority()).editorIds,
      now: ctx.now,
    }),

    async capabilities(): Promise<Capabilities> {
      const [web, objectivePerms, actionPerms, updatePerms] = await Promise.all([
        webPermissions(ctx.sp),
        listPermissions(ctx.sp, "objectives"),
        listPermissions(ctx.sp, "actions"),
        listPermissions(ctx.sp, "progressUpdates"),
      ]);
      // Setting up (or upgrading) the plan creates lists, groups and their permissions: Manage
      // Lists, Manage Permissions and Create Groups on the site, within the token's scopes. A team
      // member has Manage Lists (Edit) but not the rest.
      const manageLists = [
        PermissionKind.ManageLists,
        PermissionKind.ManagePermissions,
        PermissionKind.CreateGroups,
      ].every((kind) => hasPermission(web, kind));
      const onObjectives = objectivePerms ?? web;
      return {
        editPlan:
          hasPermission(onObjectives, PermissionKind.EditListItems) &&
          hasPermission(onObjectives, PermissionKind.AddListItems),
        // Leads update by writing progress records (WriteSecurity: only their own rows).
        editItems:
          hasPermission(actionPerms ?? web, PermissionKind.EditListItems) ||
          hasPermission(updatePerms ?? web, PermissionKind.AddListItems),
        manageLists,
        comment: hasPermission(updatePerms ?? web, PermissionKind.AddListItems),
      };
    },

    planYears: objectives.planYears,

    loadPlan(year: string): Promise<PlanSnapshot> {
      return ctx.history.read(async () => {
        // One $batch: the year's objectives and actions (indexed PlanYear filter) and the newest
        // progress updates by ID (always allowed, however long the history grows).
        const [batched, execute] = ctx.sp.batched();
        const byYear = `${F.planYear} eq ${odataString(year)}`;
        let objectiveItems: SpItem[] = [];
        let actionItems: SpItem[] = [];
        let recent: SpItem[] = [];
        const web = batched.web;
        const parts: Promise<unknown>[] = [];
        parts.push(
          planList(web, "objectives")
            .items.select(...OBJECTIVE_SELECT)
            .expand(...OBJECTIVE_EXPAND)
            .filter(byYear)
            .top(MAX_PAGE)<SpItem[]>()
            .then((r) => (objectiveItems = r)),
        );
        parts.push(
          planList(web, "actions")
            .items.select(...ACTION_SELECT)
            .expand(...ACTION_EXPAND)
            .filter(byYear)
            .top(MAX_PAGE)<SpItem[]>()
            .then((r) => (actionItems = r)),
        );
        parts.push(
          planList(web, "progressUpdates")
            .items.select(...ctx.history.select())
            .expand(...UPDATE_EXPAND)
            .orderBy("Id", false)
            .top(RECENT_UPDATES)<SpItem[]>()
            .then((r) => (recent = r)),
        );
        // The plan editors, in the same $batch (a site set up before the permission model has none).
        let editorIds: Set<number> | null = null;
        if (!ctx.cache.authority) {
          parts.push(
            web.siteGroups
              .getByName(PLAN_GROUPS.editors)
              .users.select("Id")<{ Id: number }[]>()
              .then((users) => (editorIds = new Set(users.map((u) => u.Id))))
              .catch((error: unknown) => {
                if ((error as { status?: number }).status !== 404) throw error;
                editorIds = new Set();
              }),
          );
        }
        // The site's time zone (for due dates), in the same $batch the first time.
        if (!ctx.cache.zone)
          parts.push(
            web.regionalSettings.timeZone().then((zone) => (ctx.cache.zone = Promise.resolve(siteTimeZoneFrom(zone)))),
          );
        await ctx.runBatch(execute, parts);
        if (editorIds) ctx.cache.authority = Promise.resolve({ editorIds });
        // A plan with more than a page of objectives or actions is read again, page by page.
        if (objectiveItems.length >= MAX_PAGE)
          objectiveItems = await readAllPages(() => ctx.objectives().items, {
            select: OBJECTIVE_SELECT,
            expand: OBJECTIVE_EXPAND,
            filter: byYear,
          });
        if (actionItems.length >= MAX_PAGE)
          actionItems = await readAllPages(() => ctx.actions().items, {
            select: ACTION_SELECT,
            expand: ACTION_EXPAND,
            filter: byYear,
          });

        const planObjectives = objectiveItems.map(toObjective);
        const zone = await ctx.timeZone();
        const items = actionItems.map((item) => toAction(item, zone));
        const {
          latest: lastUpdates,
          counting,
          who,
        } = await history.latestUpdates(actionItems, items, recent, recent.length >= RECENT_UPDATES);
        const planActions = items.map((a) => withLatestUpdate(a, counting, who));
        let lastModified: string | null = null;
        for (const stamp of [
          ...planObjectives.map((o) => o.modified),
          ...planActions.map((a) => a.modified),
          ...Object.values(lastUpdates).map((u) => u.date),
        ]) {
          if (stamp && (lastModified === null || stamp > lastModified)) lastModified = stamp;
        }
        return { year, objectives: planObjectives, actions: planActions, lastUpdates, lastModified };
      });
    },

    addObjective: objectives.addObjective,
    updateObjective: objectives.updateObjective,
    deleteObjective: objectives.deleteObjective,
    writeObjectives: objectives.writeObjectives,

    addAction: actions.addAction,
    getAction: actions.getAction,
    updateAction: actions.updateAction,
    updateProgress: actions.updateProgress,
    deleteAction: actions.deleteAction,
    writeActions: actions.writeActions,
    history: actions.history,
    actionVersions: actions.actionVersions,
    updatesSince: history.updatesSince,

    async addComment(actionId: number, note: string, options: { replyTo?: number | null } = {}) {
      const action = await actions.readActionRaw(actionId);
      await objectives.openObjective(toAction(action).objectiveId);
      const replyTo = options.replyTo ?? null;
      return {
        ...(await history.addUpdateRecord(
          {
            actionId,
            planYear: String(action[F.planYear] ?? ""),
            rag: null,
            previousRag: null,
            note,
            progress: null,
            kind: "comment",
          },
          discussion.commentFields(note, replyTo),
        )),
        replyTo,
      };
    },

    editComment: (id, note) => discussion.editComment(id, note),
    deleteComment: (id) => discussion.deleteComment(id),
    evidence: (actionId) => discussion.evidence(actionId),
    evidenceForYear: (year) => discussion.evidenceForYear(year),

    async attachEvidence(actionId, file, description) {
      const action = await actions.readActionRaw(actionId);
      await objectives.openObjective(toAction(action).objectiveId);
      const row = await history.addUpdateRecord(
        {
          actionId,
          planYear: String(action[F.planYear] ?? ""),
          rag: null,
          previousRag: null,
          note: description?.trim() || null,
          progress: null,
          kind: "comment",
        },
        { [F.title]: EVIDENCE_TITLE },
      );
      try {
        return await discussion.attachEvidence(row, file);
      } catch (error) {
        // A row without its file would be an empty comment: it goes (the author may delete their own row).
        await ctx
          .updates()
          .items.getById(row.id)
          .delete()
          .catch(() => undefined);
        throw error;
      }
    },

    removeEvidence: (file) => discussion.removeEvidence(file),
    openEvidence: (file) => discussion.openEvidence(file),
    peopleByIds: (ids) => discussion.peopleByIds(ids),

    ...people,
    ...results,
    ...createFiguresRepository(ctx),

    dataFiles: files.list,
    uploadDataFile: files.upload,
    downloadDataFile: files.download,
  };
  return store;
}
