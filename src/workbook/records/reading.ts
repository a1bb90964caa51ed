// The machinery every sheet reader shares: the sheet being read, its cells by field, the one loop over its
// data rows (counting every row read, used and excluded), and the problems reported with file, sheet, row
// and column. Each reader (staff.ts, recruitment.ts, ...) says only how one row becomes one record.
import { describe } from "../issues";
import type { Ethnicity, SheetRef } from "../../indicators/input";
import type { SheetPlan } from "../recognise";
import { NO_SAVED_VALUE, SHARED_STRING_MISSING } from "../sheet";
import type { CellValue } from "../types";
import { cellText } from "../values";
import type { ReadContext } from "./context";
import { dataRows, problemOnRow } from "./rows";
import { SheetTally } from "./tally";

/** A sheet as it is being read. */
export interface SheetReading {
  context: ReadContext;
  plan: SheetPlan;
  tally: SheetTally;
  /** Shared by every record the sheet gives. */
  source: SheetRef;
  /** The ethnicity column, or -1 (looked up once, not per row). */
  ethnicityCol: number;
}

export function startReading(context: ReadContext, plan: SheetPlan): SheetReading {
  return {
    context,
    plan,
    tally: new SheetTally(plan),
    source: { file: plan.file, sheet: plan.sheet },
    ethnicityCol: columnOf(plan, "ethnicity"),
  };
}

/** The column a field was read from, or -1 when the sheet has none. */
export function columnOf(plan: SheetPlan, field: string): number {
  return plan.columns.get(field) ?? -1;
}

/** The cell of data row `row` in column `col`, or null when it is blank or the sheet has no such column (col is -1). */
export function cellAt(plan: SheetPlan, row: number, col: number): CellValue {
  return plan.cells.get(row, col);
}

/** Where a problem is, for the issue log: the sheet, the row as a spreadsheet numbers it, the field's column. */
export function placeOf(sheet: SheetReading, rowNumber: number | null, field: string | null) {
  const col = field === null ? undefined : sheet.plan.columns.get(field);
  return {
    file: sheet.plan.file,
    sheet: sheet.plan.sheet,
    row: rowNumber,
    col: col ?? null,
    header: col === undefined ? null : (sheet.plan.headers[col] ?? null),
  };
}

/** Excludes a row for `reason` and reports it as an error. */
export function rowError(
  sheet: SheetReading,
  reason: string,
  rowNumber: number,
  field: string | null,
  message: string,
  params?: Record<string, string | number>,
) {
  sheet.tally.exclude(reason);
  const place = placeOf(sheet, rowNumber, field);
  sheet.context.log.add("error", reason, `${describe(place)}: ${message}`, place, params);
}

/**
 * Excludes a row with a formula error or an uncalculated formula in a column it is read from, and reports
 * it (file, sheet, row, column). Such a cell would otherwise read as blank: "unknown" ethnicity, "no" flags.
 */
export function excludeProblemRow(sheet: SheetReading, row: number): boolean {
  const problem = problemOnRow(sheet.plan, row);
  if (!problem) return false;
  const noValue = problem.problem === NO_SAVED_VALUE;
  const noString = problem.problem === SHARED_STRING_MISSING;
  const reason = noValue ? "formula-no-saved-value" : noString ? "shared-string-missing" : "formula-error";
  sheet.tally.exclude(reason);
  const place = {
    file: sheet.plan.file,
    sheet: sheet.plan.sheet,
    row: row + 1,
    col: problem.col,
    header: sheet.plan.headers[problem.col] ?? null,
  };
  const message = noValue
    ? "the cell holds a formula with no saved result (the file was written by a program and never calculated); the row was excluded. Open the file in Excel and save it, or paste the values, then run again."
    : noString
      ? "the cell refers to text the workbook does not have (its shared string table is too short: the file is damaged); the row was excluded. Save the file again from the source system and run again."
      : `the cell holds a formula error ${problem.problem}; the row was excluded. Correct the formula (or paste the values) in the source workbook and run again.`;
  sheet.context.log.add("error", reason, `${describe(place)}: ${message}`, place, { value: problem.problem });
  return true;
}

/**
 * The one loop over a sheet's data rows: counts each row read, excludes (and reports) a row with a problem
 * cell, and keeps the record `readRow` makes of the rest, counting it used (and its ethnicity when unknown).
 * `readRow` returns null for a row it excluded, having counted the reason. `row` indexes the cells;
 * `rowNumber` is the row as a spreadsheet shows it.
 */
export function readRows<T extends object>(
  sheet: SheetReading,
  readRow: (row: number, rowNumber: number) => T | null,
): T[] {
  const { tally } = sheet;
  const rows = dataRows(sheet.plan);
  const records: T[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    tally.rowsRead++;
    if (excludeProblemRow(sheet, row)) continue;
    const record = readRow(row, row + 1);
    if (record === null) continue;
    records.push(record);
    tally.rowsUsed++;
    if ((record as { ethnicity?: Ethnicity }).ethnicity?.group === "unknown") tally.unknownEthnicity++;
  }
  return records;
}

/** " (it looks like month/day/year...)" when a text date that failed reads as a valid US-order date. */
export function usOrderHint(text: string): string {
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (!parts || Number(parts[1]) > 12 || Number(parts[2]) <= 12 || Number(parts[2]) > 31) return "";
  return " (it looks like month/day/year, the US order)";
}

export const DATE_FORMS = "as day/month/year (31/03/2025), as 2025-03-31 or as an Excel date";

/**
 * A date cell as ISO (yyyy-mm-dd), null when blank, or undefined when a value is there that is not a readable
 * date (US order 03/31/2025, "TBC", 0): a caller that must not guess (the leaving date) tells it from a blank.
 */
export function dateAt(sheet: SheetReading, row: number, col: number): string | null | undefined {
  const value = cellAt(sheet.plan, row, col);
  const iso = sheet.context.date(value);
  if (iso !== null || value === null || (typeof value === "string" && value.trim() === "")) return iso;
  return undefined;
}

/**
 * A date cell as ISO, or null when blank or not a readable date. A value that is not is reported with file,
 * sheet, row and column: `consequence` says what reading it as no date means for this table.
 */
export function readDate(
  sheet: SheetReading,
  row: number,
  rowNumber: number,
  field: string,
  col: number,
  consequence: string,
): string | null {
  const iso = dateAt(sheet, row, col);
  if (iso !== undefined) return iso;
  const text = cellText(cellAt(sheet.plan, row, col));
  const place = placeOf(sheet, rowNumber, field);
  sheet.context.log.add(
    "warning",
    "date-unreadable",
    `${describe(place)}: "${text}" is not a date that can be read${usOrderHint(text)}; ${consequence}. To use it, write it ${DATE_FORMS}.`,
    place,
    { value: text },
  );
  return null;
}

/** The row's ethnicity, noting a value not recognised or whose code and words disagree. */
export function readEthnicity(sheet: SheetReading, row: number, rowNumber: number): Ethnicity {
  const parsed = sheet.context.ethnicity(cellAt(sheet.plan, row, sheet.ethnicityCol));
  if (!parsed.recognised) sheet.tally.noteUnrecognised("ethnicity", parsed.ethnicity.raw, rowNumber);
  if (parsed.contradiction !== null) sheet.tally.noteContradiction(parsed, rowNumber);
  return parsed.ethnicity;
}

/** "row 4", "rows 4, 9 and 12", or "rows 4, 9, ... and 15 more" when a value was on more rows than are named. */
function rowList(rows: readonly number[], count: number): string {
  if (count === 1) return `row ${rows[0]}`;
  if (count > rows.length) return `rows ${rows.join(", ")} and ${count - rows.length} more`;
  return `rows ${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
}

/** Ethnicity's category name for a code, for messages ("A" -> "A (White - British)"). */
const CATEGORY: Readonly<Record<string, string>> = {
  A: "White - British",
  B: "White - Irish",
  C: "White - any other White background",
  D: "Mixed - White and Black Caribbean",
  E: "Mixed - White and Black African",
  F: "Mixed - White and Asian",
  G: "Mixed - any other mixed background",
  H: "Asian or Asian British - Indian",
  J: "Asian or Asian British - Pakistani",
  K: "Asian or Asian British - Bangladeshi",
  L: "Asian or Asian British - any other Asian background",
  M: "Black or Black British - Caribbean",
  N: "Black or Black British - African",
  P: "Black or Black British - any other Black background",
  R: "Other ethnic groups - Chinese",
  S: "Other ethnic groups - any other ethnic group",
  Z: "Not stated",
};

function category(code: string): string {
  const name = CATEGORY[code.charAt(0)];
  return name ? `${code} (${name})` : code;
}

/** One warning per distinct value whose code and words disagree, naming its rows and the value used. */
function reportContradictions(sheet: SheetReading) {
  for (const [value, { parsed, count, rows }] of sheet.tally.contradictions) {
    const { code, words } = parsed.contradiction!;
    const place = placeOf(sheet, rows[0]!, "ethnicity");
    // parseEthnicity reports a contradiction only for a value it read as some code, so localCode is set.
    const used = category(parsed.ethnicity.localCode!);
    sheet.context.log.add(
      "warning",
      "ethnicity-code-contradicts-words",
      `${describe(place)}: "${value}" gives code ${category(code)} but its words say ${category(words)} (${rowList(rows, count)}); it was counted as ${used}. Correct the code or the words in the source.`,
      place,
      { value, code, words, used: parsed.ethnicity.code!, count },
    );
  }
}

/** One warning per distinct unrecognised value, with how many rows had it. */
export function reportUnrecognised(
  sheet: SheetReading,
  topic: string,
  field: string,
  code: string,
  what: string,
  consequence: string,
) {
  for (const [value, { count, row }] of sheet.tally.unrecognisedOf(topic)) {
    const place = placeOf(sheet, row, field);
    sheet.context.log.add(
      "warning",
      code,
      `${describe(place)}: ${what} "${value}" was not recognised (${count} row${count === 1 ? "" : "s"}); ${consequence}.`,
      { ...place },
      { value, count },
    );
  }
}

/** The sheet's ethnicity warnings: values not recognised (counted as unknown), then codes contradicting their words. */
export function reportEthnicityProblems(sheet: SheetReading) {
  reportUnrecognised(
    sheet,
    "ethnicity",
    "ethnicity",
    "ethnicity-unrecognised",
    "ethnicity",
    "counted as unknown ethnicity",
  );
  reportContradictions(sheet);
}
