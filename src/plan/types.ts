// The action plan's domain types: plain data shared by the pure rules (src/plan), the SharePoint
// data layer (src/sharepoint, which maps list items to these and back) and the tab (src/ui).

/** Red, Amber, Green, and Blue for complete: the colours of every published WRES plan. */
export type Rag = "Red" | "Amber" | "Green" | "Blue";
export { RAGS } from "./rag";

/** WRES indicator numbers 1-9. */
export type IndicatorNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
export const INDICATOR_NUMBERS: readonly IndicatorNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A person as SharePoint knows them (a site user). */
export interface Person {
  /** Site user id (the value person fields store). */
  id: number;
  title: string;
  email: string | null;
  loginName?: string;
  /**
   * The SharePoint groups this person belongs to (site group ids), known for the signed-in person:
   * a lead may be a group, whose members all lead the action.
   */
  groupIds?: readonly number[];
  /** A SharePoint group rather than a person, where that is known (the people picker's search). */
  isGroup?: boolean;
}

/** Concurrency token for an item: SharePoint's ETag, e.g. "\"3\"". */
export type ETag = string;

export interface Objective {
  id: number;
  etag: ETag;
  title: string;
  /** Plan year, e.g. "2024/25". */
  planYear: string;
  /** Display number, e.g. "1". */
  number: string;
  description: string | null;
  owner: Person | null;
  sponsor: Person | null;
  indicators: IndicatorNumber[];
  /** Linked NHS EDI High Impact Actions (free text labels, e.g. "HIA 3"). */
  highImpactActions: string[];
  ragOverride: Rag | null;
  ragOverrideReason: string | null;
  modified: string;
  /** Who made the last change (SharePoint's Modified By), when it was read; the conflict view names them. */
  modifiedBy?: Person | null;
  /** Set on a plan year that has been rolled over and closed. */
  readOnly?: boolean;
}

export interface Action {
  id: number;
  etag: ETag;
  objectiveId: number;
  /** Display number, e.g. "2.3". */
  number: string;
  title: string;
  leads: Person[];
  /** Role names as plans write them ("Head of EDI"), alongside or instead of people. */
  leadText: string | null;
  /** ISO date (yyyy-mm-dd) or null. */
  dueDate: string | null;
  milestones: string | null;
  progress: string | null;
  kpis: string | null;
  outcomes: string | null;
  indicators: IndicatorNumber[];
  rag: Rag;
  /** ISO timestamp of the last change. */
  modified: string;
  /** Who made the last change (SharePoint's Modified By, or the newest counting progress record's author). */
  modifiedBy?: Person | null;
  /** When carried over from an earlier plan year: the action it came from. */
  carriedFromId?: number | null;
}

/** "import": the action was created by importing a plan file; its note is the file's name. */
export type ProgressKind = "update" | "comment" | "import";

/** One entry in an action's history. Every RAG or progress change made in the tab writes one. */
export interface ProgressUpdate {
  id: number;
  actionId: number;
  author: Person | null;
  /** ISO timestamp. */
  date: string;
  /** RAG at the time of the update. */
  rag: Rag | null;
  /** RAG before the update, so "what changed" can show moves. */
  previousRag: Rag | null;
  note: string | null;
  /** Progress text at the time of the update. */
  progress: string | null;
  kind: ProgressKind;
  /** A reply: the id of the comment it answers (schema 5). */
  replyTo?: number | null;
  /** SharePoint's Modified: a comment saved later than it was written was edited. */
  modified?: string;
  /** A comment row that carries evidence files (attachments) rather than a remark. */
  evidence?: boolean;
}

/** Saved aggregated indicator figures: one row per year, standard and indicator. Never staff-level rows. */
export interface IndicatorResultRow {
  id: number;
  etag: ETag;
  /** e.g. "2024/25". */
  year: string;
  /** e.g. "nhs-england-wres". */
  standard: string;
  indicator: IndicatorNumber;
  /** The headline figure (RL for 2-4, BME % for 1, 5-8, difference for 9), unrounded. */
  value: number | null;
  /** The suppressed, publishable JSON of that indicator's results. */
  detail: string;
  /** "computed" from workbooks, or "entered" by hand from a published report. */
  origin: "computed" | "entered";
  modified: string;
}

export interface DataFile {
  name: string;
  serverRelativeUrl: string;
  size: number;
  modified: string;
  modifiedBy: string | null;
}

/** What a user may do, from SharePoint's effective permissions. SharePoint stays the authority. */
export interface Capabilities {
  /** Plan editor: add, edit, delete objectives and actions; provision; save indicators. */
  editPlan: boolean;
  /** May add or edit list items at all (action owners edit their own actions). */
  editItems: boolean;
  /** May set the plan up: create lists and fields, the plan's groups and their permissions (Full Control). */
  manageLists: boolean;
  /** May add comments to actions. */
  comment: boolean;
}
