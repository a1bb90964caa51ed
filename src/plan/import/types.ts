// What the plan importer understands from a workbook laid out like a published trust plan, and
// what it could not. Plain data: the tab previews it and writes it through the PlanStore.
import type { Action, Objective, Rag } from "../types";

/** A cell as the workbook reader's readGrid gives it (dates as ISO strings). */
export type GridCell = string | number | boolean | null;

/** One sheet of readGrid's output, or one table of a Word document. */
export interface GridSheet {
  name: string;
  /** rows[r][c]; rows may be sparse arrays (blank cells as holes). */
  rows: GridCell[][];
  /** Merged ranges in A1 form ("A5:H5"). */
  merges: string[];
  /** Solid fill colours of cells ("FF0000"), by A1 reference, for RAG shown as colour only. */
  fills?: Record<string, string>;
  /** "word": a table of a .docx, whose rows Word may break across pages. */
  origin?: "excel" | "word";
}

/** What the importer took a source row to be. */
export type RowRole =
  /** A header row (the first, or one repeated on a later page). */
  | "header"
  | "objective"
  | "action"
  /** The rest of the action above, broken across a page in Word. */
  | "continuation"
  /** Words about the objective above ("Links to ...", "Executive lead: ..."): kept in its description. */
  | "note"
  /** Titles, spacer rows, totals, colour keys: not part of the plan. */
  | "ignored";

export interface ImportRow {
  sheet: string;
  /** 1-based row number in the sheet (or table). */
  row: number;
  role: RowRole;
  /** The row's text, cells joined by " | ", cut to 200 characters (for the preview). */
  text: string;
}

/** What the editor corrected in the preview; the parser applies it and reads the rest as before. */
export interface ImportCorrections {
  /** Role per row, keyed "sheet\u0000row" (rowKey). */
  roles?: Record<string, RowRole>;
  /** The header row per sheet (1-based). */
  headerRows?: Record<string, number>;
  /** Column per field per sheet (1-based sheet column, or null: no column for that field). */
  columns?: Record<string, Partial<Record<PlanFieldName, number | null>>>;
}

/** The fields a column can be mapped to (headers.ts calls them PlanField). */
export type PlanFieldName =
  | "objective"
  | "number"
  | "title"
  | "lead"
  | "dueDate"
  | "milestones"
  | "progress"
  | "kpis"
  | "outcomes"
  | "rag"
  | "indicators";

export interface ImportOptions {
  /** The plan year the objectives are imported into, e.g. "2024/25"; when absent, the year the file names. */
  planYear?: string;
  /** The workbook's file name, kept with the issues. */
  fileName: string;
  /** Paragraphs of a Word document outside its tables (its title, for the plan year). */
  documentText?: string[];
  corrections?: ImportCorrections;
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
  /** The RAG the file gave (word or fill colour); null when none or "Not started" (written as Green). */
  ragRead: Rag | null;
}

export interface ImportedObjective {
  key: string;
  fields: ObjectiveFields;
  actions: ImportedAction[];
  source: ImportSource;
  /** An "Executive lead: ..." or "Owner: ..." line under the heading, as written. */
  ownerText: string | null;
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
  /** An action text longer than SharePoint's Title field (255 characters); the row is not imported. */
  | "titleTooLong"
  /** A lead or number longer than its list field holds (255 and 20 characters); the row is not imported. */
  | "tooLong"
  /** An objective heading longer than a title holds: cut at a word, the whole heading kept in the description. */
  | "headingTooLong"
  /** An objective heading with no actions under it. */
  | "objectiveWithoutActions"
  /** Two different objectives with the same number. */
  | "duplicateObjectiveNumber"
  /** A heading between actions whose numbers run on (1.2, heading, 1.3): perhaps not a new objective. */
  | "headingAmongActions"
  /** A sheet with more rows than any plan has (file level: nothing is imported). */
  | "tooManyRows"
  /** The file names a plan year other than the one being imported into. */
  | "otherYear";

/** Structure the editor must confirm before importing: the plan may have been misread. */
export const DOUBTFUL_CODES: readonly ImportIssueCode[] = [
  "noObjectiveHeading",
  "objectiveWithoutActions",
  "duplicateNumber",
  "duplicateObjectiveNumber",
  "headingAmongActions",
];

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
  /** Every row that held something, with the role it was given. */
  rows: ImportRow[];
  /** The plan year the file names (title, cover sheet, sheet name, file name or due dates), or null. */
  year: string | null;
  yearSource: "title" | "cover" | "sheet" | "file" | "dueDates" | null;
  /** Whether an issue of DOUBTFUL_CODES was found: the import needs an explicit confirmation. */
  doubtful: boolean;
  /** Each plan table's header row and what its columns were taken to be (for the editor's column mapping). */
  tables: PlanTable[];
}

export interface PlanTable {
  sheet: string;
  /** 1-based header row. */
  headerRow: number;
  /** 1-based sheet column, the header's text, and the field it was read as (null: ignored). */
  columns: { column: number; text: string; field: PlanFieldName | null }[];
}

export function rowKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}
