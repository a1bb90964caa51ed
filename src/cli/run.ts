// The indicators command: workbooks in, the results document (JSON), the report (Markdown) or the
// committee workbook (.xlsx) out. Exit codes: 0 done (row-level problems are listed on stderr, one line
// each naming file, sheet, row and column: an error's row is counted and excluded, a warning's row is
// kept); 1 a problem with a whole file or sheet (corrupt, encrypted, too big, too many rows, a header
// that cannot be used) or more input than one run reads; 2 usage error; 70 a bug in this program.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  computeResults,
  renderMarkdown,
  suppressResults,
  type Dataset,
  type ReadIssue,
  type ResultsDocument,
} from "../indicators/index";
import { readWorkbooks, WorkbookError } from "../workbook/index";
import { formatIssue } from "./format";
import { DIMENSION_NAMES, isDimension, renderBreakdownMarkdown, type BreakdownDimension } from "../indicators";
import { collectInputs, InputError } from "./inputs";
import { explainUnrecognised } from "./explain";

export const USAGE = `Usage: npm run -s indicators -- <workbooks or folders>... [options]

Computes the nine WRES indicators from HR workbooks (.xlsx or .csv; folders are searched).

Options:
  --json               print the exact results document: for submission to NHS England and the board,
                       NOT for publication (the document says so in its "audience" and "notice")
  --suppressed         with --json: print the protected copy instead, for publication
  --xlsx <file>        also write the results as an Excel workbook (protected, for publication)
  --previous <file>    a previous year's results document (JSON) to compare with
  --two-year           indicator 3 from two years pooled when both are given (the default)
  --single-year        indicator 3 from the current year only
  --threshold <n>      small-number threshold for anything shown or exported (default 10)
  --protect-board      protect board composition (indicator 9) like other counts; by default it is
                       published in full, as WRES reports publish it
  --breakdown <d>      print the indicators broken down by <d> (protected, for publication) instead of
                       the report: ethnic-group, ethnic-category, gender, ethnic-group-gender,
                       directorate, division or staff-group
  --no-breakdowns      leave the breakdowns out: by default the report, the workbook and the JSON carry
                       every breakdown the data allow (protected where published)
  --organisation <s>   organisation name for the report
  --period <yyyy/yy>   reporting period, e.g. 2024/25 (default: from the data)
  --max-rows <n>       refuse a sheet longer than this (default 2,000,000); a longer one stops the run
  -h, --help           show this help

Without --json the report is printed as Markdown: the protected copy, for publication.`;

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
export const EXIT_BUG = 70;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

class UsageError extends Error {}

/** How many row-level warnings to list before summarising the rest. */
const MAX_LISTED = 20;

interface Options {
  paths: string[];
  json: boolean;
  suppressed: boolean;
  protectBoard: boolean;
  xlsx: string | null;
  previous: string | null;
  twoYear: boolean;
  threshold: number;
  organisation: string | null;
  breakdown: BreakdownDimension | null;
  breakdowns: boolean;
  period: string | null;
  maxRows: number | null;
  help: boolean;
}

function parse(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean", default: false },
        suppressed: { type: "boolean", default: false },
        "protect-board": { type: "boolean", default: false },
        xlsx: { type: "string" },
        previous: { type: "string" },
        "two-year": { type: "boolean", default: false },
        "single-year": { type: "boolean", default: false },
        threshold: { type: "string" },
        organisation: { type: "string" },
        breakdown: { type: "string" },
        "no-breakdowns": { type: "boolean", default: false },
        period: { type: "string" },
        "max-rows": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v["two-year"] && v["single-year"]) throw new UsageError("--two-year and --single-year cannot be used together");
  let threshold = 10;
  if (v.threshold !== undefined) {
    threshold = Number(v.threshold);
    if (!/^\d+$/.test(v.threshold) || threshold < 1)
      throw new UsageError(`--threshold must be a whole number of at least 1, not "${v.threshold}"`);
  }
  const maxRowsText = v["max-rows"];
  if (maxRowsText !== undefined && (!/^\d+$/.test(maxRowsText) || Number(maxRowsText) < 1)) {
    throw new UsageError(`--max-rows must be a whole number of at least 1, not "${maxRowsText}"`);
  }
  if (v.period !== undefined && !/^\d{4}\/\d{2}$/.test(v.period))
    throw new UsageError(`--period looks like 2024/25, not "${v.period}"`);
  if (v.breakdown !== undefined && !isDimension(v.breakdown))
    throw new UsageError(`--breakdown is one of ${DIMENSION_NAMES.join(", ")}, not "${v.breakdown}"`);
  if (v.breakdown !== undefined && v["no-breakdowns"])
    throw new UsageError("--breakdown prints a breakdown: it cannot go with --no-breakdowns");
  if (v.suppressed && !v.json)
    throw new UsageError("--suppressed goes with --json (the report and the workbook are always suppressed)");
  return {
    paths: parsed.positionals,
    json: v.json,
    suppressed: v.suppressed,
    protectBoard: v["protect-board"],
    xlsx: v.xlsx ?? null,
    previous: v.previous ?? null,
    twoYear: !v["single-year"],
    threshold,
    organisation: v.organisation ?? null,
    breakdown: v.breakdown !== undefined && isDimension(v.breakdown) ? v.breakdown : null,
    breakdowns: !v["no-breakdowns"],
    period: v.period ?? null,
    maxRows: maxRowsText === undefined ? null : Number(maxRowsText),
    help: v.help,
  };
}

function readPrevious(path: string): ResultsDocument {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new InputError(`${path}: not a results document (the file is not valid JSON)`);
  }
  const d = doc as Partial<ResultsDocument> | null;
  if (
    !d ||
    typeof d !== "object" ||
    typeof d.standard !== "string" ||
    typeof d.indicators !== "object" ||
    d.indicators === null
  ) {
    throw new InputError(`${path}: not a results document (expected "standard" and "indicators" as printed by --json)`);
  }
  return d as ResultsDocument;
}

/** A problem on a data row excludes that row; one on the header or the sheet as a whole stops the run. */
function isSheetLevel(issue: ReadIssue, dataset: Dataset): boolean {
  if (issue.params?.more !== undefined) return false; // "N more rows have the same problem"
  if (issue.row === null) return true;
  const sheet = dataset.sheets.find((s) => s.file === issue.file && s.sheet === issue.sheet);
  return !sheet || sheet.headerRow === null || issue.row <= sheet.headerRow;
}

function reportIssues(dataset: Dataset, io: Io): boolean {
  const fatal = dataset.issues.filter((i) => i.severity === "error" && isSheetLevel(i, dataset));
  const others = dataset.issues.filter((i) => !fatal.includes(i));
  for (const issue of fatal) io.err(formatIssue(issue));
  for (const issue of others.slice(0, MAX_LISTED)) io.err(formatIssue(issue));
  if (others.length > MAX_LISTED) io.err(notListed(others.slice(MAX_LISTED)));
  return fatal.length > 0;
}

/**
 * The line after the first MAX_LISTED: how many more, told apart as the reader tells them apart. An error
 * on a row excluded it (counted in dataQuality); a warning left the row in (a date it was kept without, a
 * value counted as unknown, a conflict reported), so "excluded" would not be true of it.
 */
export function notListed(rest: readonly ReadIssue[]): string {
  let excluded = 0;
  let kept = 0;
  for (const issue of rest) {
    // "N more rows have the same problem" stands for N rows.
    const rows = typeof issue.params?.more === "number" ? issue.params.more : 1;
    if (issue.severity === "error") excluded += rows;
    else kept += rows;
  }
  const parts: string[] = [];
  if (excluded > 0)
    parts.push(
      `${excluded} row problem${excluded === 1 ? "" : "s"} that excluded the row (counted and excluded; see dataQuality in --json)`,
    );
  if (kept > 0) parts.push(`${kept} warning${kept === 1 ? "" : "s"} about rows that were kept and counted`);
  return `... and ${parts.join(", and ")}, not listed`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let options: Options;
  try {
    options = parse(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (options.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (options.paths.length === 0) {
    io.err(`Name at least one workbook or folder.\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    // A results workbook written into an input folder by an earlier run is not an input.
    const output = options.xlsx ? resolve(io.cwd, options.xlsx) : null;
    const files = collectInputs(options.paths, io.cwd).filter((f) => resolve(io.cwd, f.name) !== output);
    if (files.length === 0) throw new InputError("no workbooks to read");
    const previous = options.previous ? readPrevious(options.previous) : undefined;
    // Whole-file problems (corrupt, encrypted, too big, a sheet too long to read whole) throw WorkbookError: exit 1.
    const dataset = readWorkbooks(files, options.maxRows !== null ? { maxRows: options.maxRows } : {});
    if (reportIssues(dataset, io)) return EXIT_BAD_INPUT;
    if (!dataset.sheets.some((s) => s.kind !== null)) {
      const hints = files.flatMap((f) =>
        explainUnrecognised(
          f,
          new Set(dataset.sheets.filter((s) => s.file === f.name && s.kind === null).map((s) => s.sheet ?? "")),
        ),
      );
      for (const hint of hints) io.err(hint);
      io.err(
        `${files.map((f) => f.name).join(", ")}: no sheet was recognised as staff in post, recruitment, cases, training, board, survey or aggregated counts`,
      );
      return EXIT_BAD_INPUT;
    }
    const doc = computeResults(dataset, {
      indicator3TwoYear: options.twoYear,
      breakdowns: options.breakdowns,
      ...(previous ? { previous } : {}),
      ...(options.organisation ? { organisation: options.organisation } : {}),
      ...(options.period ? { period: options.period } : {}),
    });
    // Last year's figures in the comparison are repeated as last year's protected copy shows them.
    const published = suppressResults(doc, options.threshold, {
      publishBoardComposition: !options.protectBoard,
      ...(previous ? { previous } : {}),
    });
    if (options.xlsx) {
      // exceljs is large; load it only when a workbook is asked for.
      const { resultsWorkbook } = await import("../reports/results-xlsx");
      writeFileSync(options.xlsx, await resultsWorkbook(published));
      io.err(`Wrote ${options.xlsx}`);
    }
    if (options.json) io.out(JSON.stringify(options.suppressed ? published : doc, null, 2));
    else if (options.breakdown) io.out(renderBreakdownMarkdown(published, options.breakdown));
    else io.out(renderMarkdown(published));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof WorkbookError) {
      io.err(formatIssue(error.issue));
      return EXIT_BAD_INPUT;
    }
    if (error instanceof InputError) {
      io.err(error.message);
      return EXIT_BAD_INPUT;
    }
    if ((error as NodeJS.ErrnoException).code && options.xlsx) {
      io.err(`${options.xlsx}: cannot write the workbook (${(error as Error).message})`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
