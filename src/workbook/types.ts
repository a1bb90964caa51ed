// Typed records read from HR extracts. The contract between src/workbook (which builds them
// from workbook bytes) and src/indicators (which counts them). Plain data only.
import type { CellStore } from "./cells";

/** The three groups every WRES measure compares (docs/wres-method.md#ethnic-groups). */
export type EthnicGroup = "white" | "bme" | "unknown";

/** The groups below BME that trusts and NHS Wales disaggregate to. */
export type BroadEthnicity = "white" | "mixed" | "asian" | "black" | "other" | "unknown";

export interface Ethnicity {
  group: EthnicGroup;
  broad: BroadEthnicity;
  /** National one-character code (A-S, Z), or null when unknown or unrecognised. */
  code: string | null;
  /** Local refinement when given (e.g. "CA", "LB"), else the national code. */
  localCode: string | null;
  /** The value as it appeared in the file, for reports. */
  raw: string;
}

/** Agenda for Change bands as WRES reports them. */
export type AfcBand = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8a" | "8b" | "8c" | "8d" | "9" | "VSM";
export const AFC_BANDS: readonly AfcBand[] = ["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9", "VSM"];

/** Medical and dental subgroups (docs/wres-method.md#pay-bands-and-cohorts). */
export type MedicalSubgroup = "consultant" | "non-consultant-career-grade" | "trainee" | "other";
export const MEDICAL_SUBGROUPS: readonly MedicalSubgroup[] = ["consultant", "non-consultant-career-grade", "trainee", "other"];

export type Cohort = "non-clinical" | "clinical" | "medical";

/**
 * The sheet a record came from, so every problem and exclusion can name file, sheet, row and column.
 * One object is shared by all of a sheet's records (each record carries its own row).
 */
export interface SheetRef {
  file: string;
  sheet: string | null;
}

/** Where a record was read: its sheet and its row. */
export interface FromSheet {
  source: SheetRef;
  /** 1-based row number as a spreadsheet shows it. */
  row: number;
}

/** One person in the staff-in-post table, counted once at their primary assignment. */
export interface StaffRecord extends FromSheet {
  personId: string;
  ethnicity: Ethnicity;
  cohort: Cohort;
  /** AfC band for non-clinical and clinical staff; null for medical staff or when absent. */
  band: AfcBand | null;
  /** Medical subgroup for medical and dental staff; null otherwise. */
  medical: MedicalSubgroup | null;
  /** Consultant who is also a senior medical manager (medical director, clinical director). */
  seniorMedicalManager: boolean;
  staffGroup: string | null;
  gender: string | null;
  disability: string | null;
  directorate: string | null;
  /** Division (a level above directorate) and team, when the staff table carries them (absent: not read). */
  division?: string | null;
  team?: string | null;
  /** Board membership when the staff table carries it. */
  board: { voting: boolean; executive: boolean } | null;
}

/** A record that names a person, and may be joined to their staff-in-post record. */
export interface JoinedToStaff {
  personId: string | null;
  /**
   * The person's record in staff in post, when the reader joined the row to it (null: they are not in
   * its headcount). Left out when not joined: the indicators then look the person up by personId.
   */
  staff?: StaffRecord | null;
}

/** One application in a recruitment extract. */
export interface ApplicationRecord extends FromSheet {
  ethnicity: Ethnicity;
  shortlisted: boolean;
  appointed: boolean;
  band: AfcBand | null;
  post: string | null;
  /** ISO date (yyyy-mm-dd) or null. */
  date: string | null;
}

export type CaseType = "disciplinary" | "capability" | "grievance" | "other";

/** One employee relations case. Ethnicity is resolved from staff in post when the extract has none. */
export interface CaseRecord extends FromSheet, JoinedToStaff {
  ethnicity: Ethnicity;
  caseType: CaseType;
  stage: string | null;
  /** ISO date (yyyy-mm-dd) or null. */
  startDate: string | null;
  outcome: string | null;
}

/** One person who accessed non-mandatory training or CPD (deduplicated by person). */
export interface TrainingRecord extends FromSheet, JoinedToStaff {
  ethnicity: Ethnicity;
  /** ISO date (yyyy-mm-dd) or null. */
  date: string | null;
}

export interface BoardRecord extends FromSheet {
  ethnicity: Ethnicity;
  voting: boolean;
  executive: boolean;
}

/** Published staff survey results for indicators 5-8 (aggregated by the survey provider). */
export interface SurveyRecord extends FromSheet {
  indicator: 5 | 6 | 7 | 8;
  year: number | null;
  whitePct: number;
  bmePct: number;
  whiteRespondents: number | null;
  bmeRespondents: number | null;
}

/** Measures already counted by ethnic group (organisations without row-level data, earlier years). */
export type AggregateMeasure =
  | "staff"
  | "shortlisted"
  | "appointed"
  | "disciplinary"
  | "training"
  | "board-voting"
  | "board-executive";

export interface AggregateRecord extends FromSheet {
  measure: AggregateMeasure;
  /** Band or cohort key when the count is for one band ("5", "8a", "consultant"), else null. */
  band: string | null;
  cohort: Cohort | null;
  year: string | null;
  white: number;
  bme: number;
  unknown: number;
}

export type SheetKind = "staff" | "recruitment" | "cases" | "training" | "board" | "survey" | "aggregate";

export type IssueSeverity = "error" | "warning";

/**
 * A problem found while reading. `code` is stable (the tab translates it); `message` is plain
 * English for the command line. Row and column are as a spreadsheet shows them ("C", 14).
 */
export interface ReadIssue {
  severity: IssueSeverity;
  code: string;
  message: string;
  file: string;
  sheet: string | null;
  row: number | null;
  /** Column letter, e.g. "C". */
  column: string | null;
  /** The header text of that column, when known. */
  header: string | null;
  params?: Record<string, string | number>;
}

/** How a sheet was understood, for the validation report. */
export interface SheetSummary {
  file: string;
  sheet: string | null;
  kind: SheetKind | null;
  headerRow: number | null;
  /** Our field name -> the header it was read from. */
  columns: Record<string, string>;
  rowsRead: number;
  rowsUsed: number;
  rowsExcluded: number;
  /** Exclusion reason code -> rows. */
  exclusions: Record<string, number>;
  /** Share of used rows with unknown ethnicity, 0-100, or null when not applicable. */
  unknownEthnicityPct: number | null;
  /** A signature of the header row, so a user's column mapping can be remembered for next year's file. */
  signature: string;
}

/** A user's mapping for a sheet the reader could not recognise on its own. */
export interface ColumnMapping {
  kind: SheetKind;
  /** Our field name -> header text in the sheet. */
  columns: Record<string, string>;
}

export interface ReadOptions {
  /** Mappings remembered per sheet signature (SheetSummary.signature). */
  mappings?: Record<string, ColumnMapping>;
  /** Reject workbooks whose XML would inflate past this many bytes (zip bomb guard). */
  maxUncompressedBytes?: number;
  /** Stop reading a sheet after this many rows (reported as an error). */
  maxRows?: number;
  /** Called as the reader moves between stages, for progress bars. */
  onProgress?: (p: { stage: "reading" | "recognising" | "validating"; file: string; fraction: number }) => void;
  /** Whole-file failures: throw (default) or report and carry on with the other files. */
  fileErrors?: FileErrorPolicy;
  /**
   * Setting (docs/wres-method.md#pay-bands-and-cohorts): staff group or occupation name -> cohort for indicator 1, laid over
   * DEFAULT_STAFF_GROUP_COHORTS (names match ignoring case and punctuation). Staff groups in neither
   * are told by the words in their names.
   */
  staffGroupCohorts?: Readonly<Record<string, Cohort>>;
}

/** Everything read from one or more workbooks, ready for the indicator module. */
export interface Dataset {
  staff: StaffRecord[];
  applications: ApplicationRecord[];
  cases: CaseRecord[];
  training: TrainingRecord[];
  board: BoardRecord[];
  survey: SurveyRecord[];
  aggregates: AggregateRecord[];
  sheets: SheetSummary[];
  issues: ReadIssue[];
  /** Reporting period when it can be told from the data (e.g. "2024/25"), else null. */
  period: string | null;
  /** Snapshot date of staff in post when known (ISO date). */
  snapshotDate: string | null;
}

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** One cell as the low-level reader returns it (dates as ISO strings when the cell is date-formatted). */
export type CellValue = string | number | boolean | null;

/**
 * A cell whose value cannot be used: a formula error as Excel shows it ("#N/A", "#REF!", "#DIV/0!"...)
 * or "no-saved-value" (a formula saved without its result). The cell reads as blank in `rows`.
 */
export interface CellProblem {
  /** Index into GridSheet.rows (spreadsheet row - 1). */
  row: number;
  /** 0-based column (0 = "A"). */
  col: number;
  problem: string;
}

/** One sheet as cells: rows[i] is spreadsheet row i + 1; rows[i][j] is column j (0 = "A"). */
export interface GridSheet {
  name: string;
  rows: CellValue[][];
  /** Merged ranges as written in the file, e.g. "A1:D1". */
  merges: string[];
  /** True when the sheet had more rows than maxRows and only the first maxRows were read. */
  truncated?: boolean;
  /** Cells holding a formula error or a formula with no saved value (blank in rows). */
  problems?: CellProblem[];
}

/** One sheet as the indicator reader holds it: cells in a compact store instead of arrays of rows. */
export interface CellSheet extends Omit<GridSheet, "rows"> {
  cells: CellStore;
}

export interface Grid {
  sheets: GridSheet[];
  /** Warnings about the whole file (e.g. a CSV saved with an .xlsx name). */
  issues: ReadIssue[];
}

export interface GridOptions {
  maxUncompressedBytes?: number;
  maxRows?: number;
  /** Include hidden sheets (default true: extracts sometimes hide their data sheet). */
  includeHidden?: boolean;
}

/**
 * What readWorkbooks does with a file that cannot be read at all (corrupt, encrypted, too big):
 * "throw" a WorkbookError (default), or "report" it as an error ReadIssue and read the other files.
 */
export type FileErrorPolicy = "throw" | "report";
