// The plan year's cycle in SharePoint (docs/plan-cycle.md): the record of states and decisions
// (WRES Plan Cycle), the consultation's comments and answers (WRES Consultation Comments) and the
// approved copy (one JSON file per year in WRES Approved Plans). Plan editors hold "WRES Add Only"
// on the record and the copies (security-model.ts), so SharePoint itself keeps what they recorded
// as recorded: only a site owner can change it. Who recorded what, and when, are SharePoint's own
// Created By and Created.
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/folders/index.js";
import "@pnp/sp/files/index.js";
import "@pnp/sp/regional-settings/web.js";
import type { Capabilities, IndicatorResultRow, CycleStore, PlanSnapshot } from "../plan";
import {
  statusOf,
  type CycleEntry,
  threadComments,
  type ConsultationComment,
  type ConsultationEntry,
  cycleRoleOf,
  refuseAnswer,
  refuseComment,
  refuseDecision,
  refuseMove,
  stateAfterDecision,
  type Refusal,
  type ApprovedCopy,
  type AssuranceLevel,
  type Decision,
  type DecisionOutcome,
  type PlanYearState,
  ASSURANCE_LEVELS,
  DECISION_OUTCOMES,
  PLAN_YEAR_STATES,
} from "../plan/cycle";
import { AppError, toAppError } from "./errors";
import { odataString, toPerson, type SpItem } from "./mapping";
import { readAllPages } from "./paging";
import { planList } from "./lists";
import { F, LIST_URLS } from "./schema";
import { dayFromSharePoint, dayToSharePoint, siteTimeZoneFrom, type SiteTimeZone } from "./time-zone";

export type { CycleStore };

/** The tab refused a step of the cycle; `refusal` says why, as a message key. */
export class CycleRefusedError extends AppError {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super("invalid", `Refused: ${refusal.key}`, null);
    this.refusal = refusal;
  }
}

const ENTRY_SELECT = [
  "Id",
  F.planYear,
  F.cycleState,
  F.meeting,
  F.meetingDate,
  F.outcome,
  F.assurance,
  F.minuteReference,
  F.note,
  "Created",
  "Author/Id",
  "Author/Title",
  "Author/EMail",
  "Author/Name",
];
const COMMENT_SELECT = [
  "Id",
  F.planYear,
  `${F.objective}Id`,
  F.note,
  F.answerTo,
  "Created",
  "Author/Id",
  "Author/Title",
  "Author/EMail",
  "Author/Name",
];

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** The approved copy's file name: one per year ("2024/25" -> "Approved plan 2024-25.json"). */
export function approvedCopyFileName(year: string): string {
  return `Approved plan ${year.replace(/[^0-9A-Za-z-]+/g, "-")}.json`;
}

export function toCycleEntry(item: SpItem, zone: SiteTimeZone): CycleEntry | null {
  const state = oneOf(item[F.cycleState], PLAN_YEAR_STATES);
  if (!state) return null;
  const by = toPerson(item["Author"]);
  const at = String(item["Created"] ?? "");
  const outcome = oneOf<DecisionOutcome>(item[F.outcome], DECISION_OUTCOMES);
  const decision: Decision | null = outcome
    ? {
        meeting: String(item[F.meeting] ?? ""),
        date: dayFromSharePoint(item[F.meetingDate], zone) ?? "",
        outcome,
        assurance: oneOf<AssuranceLevel>(item[F.assurance], ASSURANCE_LEVELS),
        minuteReference: text(item[F.minuteReference]),
        recordedBy: by,
        recordedAt: at,
      }
    : null;
  return {
    id: Number(item["Id"]),
    year: String(item[F.planYear] ?? ""),
    state,
    decision,
    note: text(item[F.note]),
    by,
    at,
  };
}

function toConsultationEntry(item: SpItem): ConsultationEntry {
  const objective = Number(item[`${F.objective}Id`]);
  const answerTo = Number(item[F.answerTo]);
  return {
    id: Number(item["Id"]),
    year: String(item[F.planYear] ?? ""),
    objectiveId: Number.isFinite(objective) && objective > 0 ? objective : null,
    text: String(item[F.note] ?? ""),
    answerTo: Number.isFinite(answerTo) && answerTo > 0 ? answerTo : null,
    by: toPerson(item["Author"]),
    at: String(item["Created"] ?? ""),
  };
}

/** What the cycle store needs from the rest of the plan store. */
export interface CycleDeps {
  capabilities(): Promise<Capabilities>;
  loadPlan(year: string): Promise<PlanSnapshot>;
  indicatorResults(): Promise<IndicatorResultRow[]>;
  editorIds(): Promise<ReadonlySet<number>>;
  now(): Date;
}

/** The saved results a year's plan was based on: that year's, else the newest year before it. */
export function resultsForYear(rows: readonly IndicatorResultRow[], year: string): IndicatorResultRow[] {
  const same = rows.filter((r) => r.year === year);
  if (same.length > 0) return same;
  const earlier = [...new Set(rows.map((r) => r.year))].filter((y) => y < year).sort();
  const newest = earlier[earlier.length - 1];
  return newest === undefined ? [] : rows.filter((r) => r.year === newest);
}

export function createCycleStore(sp: SPFI, deps: CycleDeps): CycleStore {
  let zoneCache: Promise<SiteTimeZone> | null = null;
  const zone = (): Promise<SiteTimeZone> => {
    zoneCache ??= (async () => siteTimeZoneFrom(await sp.web.regionalSettings.timeZone()))();
    zoneCache.catch(() => (zoneCache = null));
    return zoneCache;
  };
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw toAppError(error);
    }
  };

  async function entries(year: string): Promise<CycleEntry[]> {
    const z = await zone();
    const items = await readAllPages(() => planList(sp.web, "planCycle").items, {
      select: ENTRY_SELECT,
      expand: ["Author"],
      filter: `${F.planYear} eq ${odataString(year)}`,
    });
    return items.map((i) => toCycleEntry(i, z)).filter((e): e is CycleEntry => e !== null);
  }

  const planYearStatus = (year: string) => call(async () => statusOf(year, await entries(year)));

  async function role() {
    return cycleRoleOf(await deps.capabilities());
  }

  async function addEntry(year: string, state: PlanYearState, fields: SpItem): Promise<void> {
    await planList(sp.web, "planCycle").items.add({
      Title: `${year}: ${state}`,
      [F.planYear]: year,
      [F.cycleState]: state,
      ...fields,
    });
  }

  async function freeze(year: string, decision: Decision): Promise<void> {
    const [plan, results] = await Promise.all([deps.loadPlan(year), deps.indicatorResults()]);
    const copy: ApprovedCopy = {
      year,
      approvedAt: decision.recordedAt,
      decision,
      objectives: plan.objectives,
      actions: plan.actions,
      results: resultsForYear(results, year),
    };
    const bytes = new TextEncoder().encode(JSON.stringify(copy, null, 1));
    // Overwrite false: a second copy for the year is refused by SharePoint, and plan editors could
    // not replace one anyway (WRES Add Only has no Edit Items).
    await planList(sp.web, "approvedPlans").rootFolder.files.addUsingPath(
      approvedCopyFileName(year),
      bytes.buffer as ArrayBuffer,
      { Overwrite: false },
    );
  }

  async function comments(year: string): Promise<ConsultationComment[]> {
    const items = await readAllPages(() => planList(sp.web, "consultation").items, {
      select: COMMENT_SELECT,
      expand: ["Author"],
      filter: `${F.planYear} eq ${odataString(year)}`,
    });
    return threadComments(items.map(toConsultationEntry), await deps.editorIds());
  }

  return {
    planYearStatus,

    moveYear: (year, to, note = null) =>
      call(async () => {
        const [status, who] = await Promise.all([planYearStatus(year), role()]);
        const refusal = refuseMove(status.state, to, who);
        if (refusal) throw new CycleRefusedError(refusal);
        await addEntry(year, to, note ? { [F.note]: note } : {});
        return await planYearStatus(year);
      }),

    recordDecision: (year, draft) =>
      call(async () => {
        const [status, who, z] = await Promise.all([planYearStatus(year), role(), zone()]);
        const today = deps.now().toISOString().slice(0, 10);
        const refusals = refuseDecision(status.state, who, draft, today);
        if (refusals.length > 0) throw new CycleRefusedError((refusals[0] as { refusal: Refusal }).refusal);
        const outcome = draft.outcome as DecisionOutcome;
        const state = stateAfterDecision(outcome);
        await addEntry(year, state, {
          [F.meeting]: draft.meeting.trim(),
          [F.meetingDate]: dayToSharePoint(draft.date, z),
          [F.outcome]: outcome,
          [F.assurance]: draft.assurance,
          [F.minuteReference]: draft.minuteReference?.trim() || null,
        });
        const after = await planYearStatus(year);
        const recorded = after.decisions[after.decisions.length - 1];
        if (state === "approved" && recorded) await freeze(year, recorded);
        return after;
      }),

    approvedCopy: (year) =>
      call(async () => {
        const folder = `${LIST_URLS.approvedPlans}/${approvedCopyFileName(year)}`;
        const web = await sp.web.select("ServerRelativeUrl")<{ ServerRelativeUrl: string }>();
        const url = `${web.ServerRelativeUrl.replace(/\/$/, "")}/${folder}`;
        try {
          const body = await sp.web.getFileByServerRelativePath(url).getText();
          return JSON.parse(body) as ApprovedCopy;
        } catch (error) {
          if ((error as { status?: number }).status === 404) return null;
          throw error;
        }
      }),

    consultationComments: (year) => call(() => comments(year)),

    addConsultationComment: (year, objectiveId, comment) =>
      call(async () => {
        const [status, who] = await Promise.all([planYearStatus(year), role()]);
        const refusal =
          comment.trim() === "" ? { key: "cycle.refusal.commentEmpty" } : refuseComment(status.state, who);
        if (refusal) throw new CycleRefusedError(refusal);
        await planList(sp.web, "consultation").items.add({
          Title: `${year} comment`,
          [F.planYear]: year,
          [`${F.objective}Id`]: objectiveId,
          [F.note]: comment.trim(),
        });
        return await comments(year);
      }),

    answerConsultationComment: (year, commentId, answer) =>
      call(async () => {
        const [status, who] = await Promise.all([planYearStatus(year), role()]);
        const refusal = answer.trim() === "" ? { key: "cycle.refusal.commentEmpty" } : refuseAnswer(status.state, who);
        if (refusal) throw new CycleRefusedError(refusal);
        await planList(sp.web, "consultation").items.add({
          Title: `${year} answer`,
          [F.planYear]: year,
          [F.answerTo]: commentId,
          [F.note]: answer.trim(),
        });
        return await comments(year);
      }),
  };
}
