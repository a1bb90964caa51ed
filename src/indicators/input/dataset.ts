// Everything the indicators are given: the records, and what was found while gathering them (sources,
// exclusions and problems), which the results document reports as data quality.
import type {
  AggregateRecord,
  ApplicationRecord,
  BoardRecord,
  CaseRecord,
  StaffRecord,
  SurveyRecord,
  TrainingRecord,
} from "./records";

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

/** Everything read from one or more sources (workbooks today), ready for the indicator module. */
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
  /**
   * The bank-only workforce, a population of its own (docs/bank-workforce.md): never in the records above.
   * Absent when the reader found no bank-only worker (and from datasets made before it was added).
   */
  bank?: BankRecords;
}

/**
 * Bank-only workers' records: their staff-in-post rows (one per person), and the cases, training and
 * applications for bank vacancies that belong to them. Cases and training are joined to these staff records.
 */
export interface BankRecords {
  staff: StaffRecord[];
  cases: CaseRecord[];
  training: TrainingRecord[];
  applications: ApplicationRecord[];
}

/** A dataset with no records, sources or issues yet, for a reader (or a test) to fill. */
export function emptyDataset(): Dataset {
  return {
    staff: [],
    applications: [],
    cases: [],
    training: [],
    board: [],
    survey: [],
    aggregates: [],
    sheets: [],
    issues: [],
    period: null,
    snapshotDate: null,
  };
}
