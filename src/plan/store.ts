// The data layer's port: what the plan's core and the tab may ask of the plan's storage, in the
// plan's own types. The core owns it; src/sharepoint implements it over @pnp/sp (against SharePoint
// Online or the local server alike) and test/support/fake-store.ts in memory, both held to one
// contract (test/contract/plan-store.contract.ts). Components and hooks use these interfaces only;
// they never build URLs or see @pnp/sp.
import type { ActionVersion } from "./versions";
import type { EvidenceFile } from "./comments";
import type {
  Action,
  Capabilities,
  DataFile,
  ETag,
  IndicatorResultRow,
  Objective,
  Person,
  ProgressUpdate,
  Rag,
} from "./types";
import type { IndicatorFigure, IndicatorFigureDraft, IndicatorFigurePatch } from "./targets";
import type { ActionBatchWrite, ObjectiveBatchWrite, Settled } from "./writer";
import type { PlanYearStatus, ConsultationComment, DecisionDraft, ApprovedCopy, PlanYearState } from "./cycle";

export type ObjectiveDraft = Omit<Objective, "id" | "etag" | "modified">;
export type ObjectivePatch = Partial<ObjectiveDraft>;
export type ActionDraft = Omit<Action, "id" | "etag" | "modified">;
export type ActionPatch = Partial<ActionDraft>;

/** A progress or RAG change by an action owner; recorded in the history with author and time. */
export interface ProgressChange {
  rag?: Rag;
  progress?: string | null;
  note?: string | null;
}

/** The whole plan year from one batched read. */
export interface PlanSnapshot {
  year: string;
  objectives: Objective[];
  actions: Action[];
  /** Latest progress update per action id (for "last update" columns). */
  lastUpdates: Record<number, ProgressUpdate>;
  /** ISO timestamp of the most recent change anywhere in the plan. */
  lastModified: string | null;
}

/** The plan year's cycle: its states and the committee's decisions, the approved copy, the consultation. */
export interface CycleStore {
  planYearStatus(year: string): Promise<PlanYearStatus>;
  moveYear(year: string, to: PlanYearState, note?: string | null): Promise<PlanYearStatus>;
  recordDecision(year: string, draft: DecisionDraft): Promise<PlanYearStatus>;
  approvedCopy(year: string): Promise<ApprovedCopy | null>;
  consultationComments(year: string): Promise<ConsultationComment[]>;
  addConsultationComment(year: string, objectiveId: number | null, comment: string): Promise<ConsultationComment[]>;
  answerConsultationComment(year: string, commentId: number, answer: string): Promise<ConsultationComment[]>;
}

/**
 * The tab's data layer. The plan year's cycle (state, decisions, the approved copy, consultation
 * comments) is CycleStore's part.
 */
export interface PlanStore extends CycleStore {
  me(): Promise<Person>;
  /**
   * The SharePoint site groups the signed-in person belongs to (a lead may be a group, whose members
   * all lead the action). Optional: a store without groups leaves it out.
   */
  myGroupIds?(): Promise<number[]>;
  capabilities(): Promise<Capabilities>;
  /** Plan years present on the site, newest first. */
  planYears(): Promise<string[]>;
  loadPlan(year: string): Promise<PlanSnapshot>;

  addObjective(draft: ObjectiveDraft): Promise<Objective>;
  /** Throws ConflictError when the ETag is stale. */
  updateObjective(id: number, etag: ETag, patch: ObjectivePatch): Promise<Objective>;
  deleteObjective(id: number, etag: ETag): Promise<void>;

  addAction(draft: ActionDraft): Promise<Action>;
  getAction(id: number): Promise<Action>;
  /** Throws ConflictError when the ETag is stale. Writes a progress update when RAG or progress change. */
  updateAction(id: number, etag: ETag, patch: ActionPatch, note?: string | null): Promise<Action>;
  /** Action owner's quick update: RAG and/or progress with an optional note. */
  updateProgress(id: number, etag: ETag, change: ProgressChange): Promise<Action>;
  deleteAction(id: number, etag: ETag): Promise<void>;
  /** Import and roll-over: many writes in $batch requests, each settled on its own, history records included. */
  writeObjectives(writes: ObjectiveBatchWrite[]): Promise<Settled<Objective>[]>;
  writeActions(writes: ActionBatchWrite[]): Promise<Settled<Action>[]>;

  history(actionId: number): Promise<ProgressUpdate[]>;
  /** The action item's versions, newest first: SharePoint's own audit trail of its fields (read by whoever can read the action). */
  actionVersions(actionId: number): Promise<ActionVersion[]>;
  /** Progress updates across the plan year since a date (ISO), for "what changed". */
  updatesSince(year: string, sinceIso: string): Promise<ProgressUpdate[]>;
  /** A comment, or (schema 5) a reply to one (`replyTo`: the comment it answers); mentions are tokens in the text (src/plan/comments.ts). */
  addComment(actionId: number, note: string, options?: { replyTo?: number | null }): Promise<ProgressUpdate>;
  /** One's own comment's new text; SharePoint refuses another's. Progress records are not edited. */
  editComment(id: number, note: string): Promise<ProgressUpdate>;
  /** Deletes one's own comment; replies to it stay, under "comment deleted". */
  deleteComment(id: number): Promise<void>;
  /** The action's evidence files (attachments of its "Evidence" comment rows), newest first. */
  evidence(actionId: number): Promise<EvidenceFile[]>;
  /** Every evidence file of a plan year, for the committee report. */
  evidenceForYear(year: string): Promise<EvidenceFile[]>;
  /** Attaches a file as evidence (an "Evidence" comment row with the file); refused for the action's readers by SharePoint. */
  attachEvidence(
    actionId: number,
    file: { name: string; bytes: Uint8Array },
    description?: string | null,
  ): Promise<EvidenceFile>;
  removeEvidence(file: EvidenceFile): Promise<void>;
  openEvidence(file: EvidenceFile): Promise<Uint8Array>;
  /** Site users by id: the current names of people a comment mentions. */
  peopleByIds(ids: readonly number[]): Promise<Person[]>;

  searchPeople(query: string): Promise<Person[]>;
  /**
   * SharePoint site groups whose title contains the query (a lead may be a group, whose members all
   * lead the action), each with `isGroup`. Optional: a store without groups leaves it out.
   */
  searchGroups?(query: string): Promise<Person[]>;
  /**
   * Whether a site user can update the plan as an action's lead (write progress records): true, false
   * (they can only read it, e.g. a committee member), or null when it cannot be told. Optional: a
   * store that cannot tell leaves it out, and the people picker then gives no warning.
   */
  canUpdatePlan?(personId: number): Promise<boolean | null>;
  /** Resolve a login or e-mail to a site user (SharePoint ensureUser). */
  ensurePerson(loginOrEmail: string): Promise<Person>;

  indicatorResults(standard?: string): Promise<IndicatorResultRow[]>;
  saveIndicatorResults(rows: Omit<IndicatorResultRow, "id" | "etag" | "modified">[]): Promise<IndicatorResultRow[]>;
  /**
   * One saved row's new detail (e.g. a break in the series recorded on it), written with its ETag: throws
   * ConflictError (with the current row) when someone changed or removed it since it was read.
   */
  updateIndicatorResultDetail(id: number, etag: ETag, detail: string): Promise<IndicatorResultRow>;

  /**
   * Targets and comparison figures for the indicators' headline measures (schema 7), of one standard or
   * all; oldest year first. Not in a plan year: they carry from year to year. NotProvisionedError on a
   * site set up before schema 7.
   */
  indicatorFigures(standard?: string): Promise<IndicatorFigure[]>;
  /** Plan editors only: SharePoint refuses anyone else (PermissionError). */
  addIndicatorFigure(draft: IndicatorFigureDraft): Promise<IndicatorFigure>;
  /** Throws ConflictError when the ETag is stale (someone changed or removed it first): never overwrites. */
  updateIndicatorFigure(id: number, etag: ETag, patch: IndicatorFigurePatch): Promise<IndicatorFigure>;
  /** Throws ConflictError when the ETag is stale. */
  deleteIndicatorFigure(id: number, etag: ETag): Promise<void>;

  dataFiles(): Promise<DataFile[]>;
  uploadDataFile(name: string, bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<DataFile>;
  downloadDataFile(serverRelativeUrl: string): Promise<Uint8Array>;
}
