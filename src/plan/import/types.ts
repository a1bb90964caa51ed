// What the plan importer understands from a workbook laid out like a published trust plan, and
// what it could not. Plain data: the tab previews it and writes it through the PlanStore.
import type { Action, Objective } from "../types";

/** A cell as the workbook reader's readGrid gives it (dates as ISO strings). */
export type GridCell = string | number | boolean | null;

/** One sheet of readGrid's output. */
export interface GridSheet {
  name: string;
  rows: GridCell[][];
  /** Merged ranges in A1 form ("A5:H5"). */
  merges: string[];
}

export interface ImportOptions {
  /** The plan year the objectives are imported into, e.g. "2024/25". */
  planYear: string;
  /** The workbook's file name, kept with the issues. */
  fileName: string;
}

/** An objective as the store's addObjective takes it (ObjectiveDraft of src/sharepoint). */
export type ObjectiveFields = Omit<Objective, "id" | "etag" | "modified">;
/** An action as the store's addAction takes it, less the objective it goes under (known once that exists). */
export type ActionFields = Omit<Action, "id" | "etag" | "modified" | "objectiveId">;

/** Where a thing came from: sheet name and the 1-based row a spreadsheet shows. */
export interface ImportSource {
  sheet: string;
  row: number;
}

export interface ImportedAction {
  /** Stable import key (normalised number + title hash): the same row imports to the same key. */
  key: string;
  fields: ActionFields;
  source: ImportSource;
  /** The due-date cell as written ("Q3 2024/25", "Ongoing"), for the preview; null when empty or a date cell. */
  dueDateText: string | null;
}

export interface ImportedObjective {
  key: string;
  fields: ObjectiveFields;
  actions: ImportedAction[];
  source: ImportSource;
}

export type ImportIssueCode =
  /** No sheet has a table with an action column (file level; sheet and row are empty). */
  | "noPlanTable"
  /** A non-empty sheet without a recognisable header row; skipped. */
  | "sheetSkipped"
  /** A header the importer does not know; that column is ignored. */
  | "columnIgnored"
  /** A second column for the same field; the first is used (progress: the last filled one). */
  | "columnDuplicate"
  /** An action row with no action text (for example only a number, or only progress); skipped. */
  | "missingActionText"
  /** A RAG word not understood; the action is skipped rather than given a guessed status. */
  | "ragUnknown"
  /** The table has a RAG column but this action's cell is empty; imported as Green. */
  | "ragMissing"
  /** A due date that could not be read; imported without a date (the text is kept in milestones). */
  | "dateUnknown"
  /** Several dates in one due-date cell; imported without a date (the text is kept in milestones). */
  | "dateAmbiguous"
  /** Actions before any objective heading; grouped under an objective named after the sheet. */
  | "noObjectiveHeading"
  /** An action without a number in a table that numbers its actions. */
  | "missingNumber"
  /** Two actions with the same number under one objective. */
  | "duplicateNumber"
  /** An action text longer than SharePoint's Title field (255 characters). */
  | "titleTooLong"
  /** A lead or number longer than its list field holds (255 and 20 characters). */
  | "tooLong";

export interface ImportIssue {
  /** error: the row was not imported. warning: imported, but look at it. */
  severity: "error" | "warning";
  code: ImportIssueCode;
  /** The workbook's file name (ImportOptions.fileName). */
  file: string;
  /** Sheet name, or null for the whole file. */
  sheet: string | null;
  /** 1-based row number, or null. */
  row: number | null;
  /** 1-based column number, or null. */
  column: number | null;
  /** A1 reference ("C12"), or null. */
  cell: string | null;
  /** The cell text the issue is about, when there is one. */
  value: string | null;
}

export interface PlanImport {
  objectives: ImportedObjective[];
  issues: ImportIssue[];
}
