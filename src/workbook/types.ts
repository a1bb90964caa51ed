// The workbook reader's own types: files in, options, grids of cells, column mappings. The records it
// builds are the indicators' input model (src/indicators/input), which this folder depends on.
import type { Cohort, ReadIssue, SheetKind } from "../indicators/input";
import type { CellStore } from "./cells";

export interface InputFile {
  name: string;
  bytes: Uint8Array;
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
  /**
   * Which columns of a sheet (by name) the caller will read the text of, given its first rows (a mask by
   * column index; null for all). Below those rows, text in other columns is kept only as blank or not.
   * For .xlsx; CSV is always read in full.
   */
  columnsToRead?: (sheet: string, top: CellStore) => Uint8Array | null;
}

/**
 * What readWorkbooks does with a file that cannot be read at all (corrupt, encrypted, too big):
 * "throw" a WorkbookError (default), or "report" it as an error ReadIssue and read the other files.
 */
export type FileErrorPolicy = "throw" | "report";
