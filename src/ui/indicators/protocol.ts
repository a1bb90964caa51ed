// The indicator run's message protocol between the tab and its Web Worker, and the work itself as a
// pure function so it can be tested without a Worker. Staff-level rows stay inside executeRun: only
// the aggregated results document, the sheet summaries and sanitised issues are posted back.
import { computeResults } from "../../indicators";
import type { ResultsDocument } from "../../indicators";
import { readGrid, readWorkbooks, WorkbookError } from "../../workbook";
import type { ReadIssue, SheetSummary } from "../../indicators";
import type { CellValue, ColumnMapping, InputFile } from "../../workbook";

export type RunStage = "reading" | "recognising" | "validating" | "computing";
export const RUN_STAGES: readonly RunStage[] = ["reading", "recognising", "validating", "computing"];

export interface RunOptions {
  /** Column mappings remembered per sheet signature. */
  mappings?: Record<string, ColumnMapping>;
  /** Last year's results, for the year-on-year comparison. */
  previous?: ResultsDocument;
  organisation?: string;
  period?: string;
}

/** Tab -> worker. The ArrayBuffers are transferred, not copied. */
export interface RunRequest {
  type: "run";
  files: { name: string; bytes: ArrayBuffer }[];
  options: RunOptions;
}

/**
 * A sheet the reader did not recognise, for the column-mapping dialog: its header row and a short
 * preview (at most PREVIEW_ROWS rows, identifier-like values hidden). Shown on the user's screen only.
 */
export interface UnrecognisedSheet {
  file: string;
  sheet: string | null;
  headerRow: number;
  signature: string;
  headers: string[];
  preview: string[][];
}

export const PREVIEW_ROWS = 3;

export interface RunOutcome {
  /** The analyst's exact aggregated document (no rows); the screens show suppressResults of it. */
  results: ResultsDocument;
  sheets: SheetSummary[];
  issues: ReadIssue[];
  unrecognised: UnrecognisedSheet[];
}

/** Worker -> tab. */
export type WorkerMessage =
  | { type: "progress"; stage: RunStage; file: string | null; fraction: number }
  | { type: "done"; outcome: RunOutcome }
  | { type: "failed"; issue: ReadIssue | null; message: string };

/** Values that look like identifiers (staff numbers, e-mail addresses, NI numbers) never leave the worker. */
const IDENTIFIER_LIKE = /\d{4,}|@|\b[A-Z]{2}\d{6}[A-D]\b/i;
const MAX_VALUE_LENGTH = 60;
export const REDACTED = "[hidden]";

function safeValue(value: string): string {
  if (IDENTIFIER_LIKE.test(value)) return REDACTED;
  return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
}

/**
 * An issue fit to leave the worker: where it is (file, sheet, row, column, header) and what kind, with any
 * cell value that could identify a person hidden, in the params and in the quoted text of the message.
 */
export function sanitiseIssue(issue: ReadIssue): ReadIssue {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(issue.params ?? {}))
    params[key] = typeof value === "string" ? safeValue(value) : value;
  const message = issue.message.replace(/"([^"]*)"/g, (whole, inner: string) => {
    // Sheet names and headers are the file's structure, not a person's data: keep them.
    if (inner === issue.sheet || inner === issue.header) return whole;
    return `"${safeValue(inner)}"`;
  });
  return { ...issue, message, ...(issue.params ? { params } : {}) };
}

/** Posts at most one progress message per stage and whole percent, so a big file does not flood the tab. */
function progressThrottle(post: (message: WorkerMessage) => void) {
  let last = "";
  return (stage: RunStage, file: string | null, fraction: number) => {
    const clamped = Math.max(0, Math.min(1, fraction));
    const key = `${stage}|${file ?? ""}|${Math.floor(clamped * 100)}`;
    if (key === last) return;
    last = key;
    post({ type: "progress", stage, file, fraction: clamped });
  };
}

function cellText(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Header and first rows of each sheet that was not recognised (read again, only that far). */
export function unrecognisedSheets(files: InputFile[], sheets: SheetSummary[]): UnrecognisedSheet[] {
  const out: UnrecognisedSheet[] = [];
  for (const summary of sheets) {
    if (summary.kind !== null || summary.headerRow === null) continue;
    const file = files.find((f) => f.name === summary.file);
    if (!file) continue;
    try {
      const grid = readGrid(file, { maxRows: summary.headerRow + PREVIEW_ROWS });
      const sheet =
        grid.sheets.find((s) => s.name === summary.sheet) ?? (grid.sheets.length === 1 ? grid.sheets[0] : undefined);
      if (!sheet) continue;
      const headers = (sheet.rows[summary.headerRow - 1] ?? []).map(cellText);
      const preview = sheet.rows
        .slice(summary.headerRow, summary.headerRow + PREVIEW_ROWS)
        .map((row) => headers.map((_, c) => safeValue(cellText(row[c]))));
      out.push({
        file: summary.file,
        sheet: summary.sheet,
        headerRow: summary.headerRow,
        signature: summary.signature,
        headers,
        preview,
      });
    } catch {
      // A file that cannot be read again was reported already.
    }
  }
  return out;
}

/** The whole run: read, recognise, validate, compute. Posts progress, then exactly one done or failed. */
export function executeRun(request: RunRequest, post: (message: WorkerMessage) => void): void {
  const progress = progressThrottle(post);
  try {
    const files = request.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));
    progress("reading", files[0]?.name ?? null, 0);
    const dataset = readWorkbooks(files, {
      fileErrors: "report",
      ...(request.options.mappings ? { mappings: request.options.mappings } : {}),
      onProgress: (p) => progress(p.stage, p.file, p.fraction),
    });
    progress("computing", null, 0);
    const results = computeResults(dataset, {
      // The tab's own choice, explicit (the module computes breakdowns by default): off until it shows them.
      breakdowns: false,
      ...(request.options.previous ? { previous: request.options.previous } : {}),
      ...(request.options.organisation ? { organisation: request.options.organisation } : {}),
      ...(request.options.period ? { period: request.options.period } : {}),
    });
    progress("computing", null, 1);
    const unrecognised = unrecognisedSheets(files, dataset.sheets);
    post({
      type: "done",
      outcome: { results, sheets: dataset.sheets, issues: dataset.issues.map(sanitiseIssue), unrecognised },
    });
  } catch (error) {
    if (error instanceof WorkbookError)
      post({ type: "failed", issue: sanitiseIssue(error.issue), message: sanitiseIssue(error.issue).message });
    else post({ type: "failed", issue: null, message: error instanceof Error ? error.message : String(error) });
  }
}

export function isRunRequest(data: unknown): data is RunRequest {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as { type?: unknown }).type === "run" &&
    Array.isArray((data as { files?: unknown }).files)
  );
}
