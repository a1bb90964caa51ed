// Turns recognised sheets into typed records, counting every row read, used and excluded (with
// the reason), and reporting each problem with file, sheet, row and column.
import { parseEthnicity, type ParsedEthnicity } from "./ethnicity";
import { describe, IssueLog } from "./issues";
import { IdIndex } from "../shared/id-index";
import { People } from "./people";
import type { SheetPlan } from "./recognise";
import { NO_SAVED_VALUE, SHARED_STRING_MISSING } from "./sheet";
import type {
  AggregateMeasure,
  AggregateRecord,
  ApplicationRecord,
  BoardRecord,
  CaseRecord,
  Cohort,
  Ethnicity,
  SheetSummary,
  SheetRef,
  StaffRecord,
  SurveyRecord,
  TrainingRecord,
} from "../indicators/input";
import type { CellProblem, CellValue, ReadOptions } from "./types";
import {
  cellText,
  cohortOfStaffGroup,
  medicalSubgroupOf,
  normalisePersonId,
  parseCaseType,
  parseDate,
  parseGrade,
  parseNumber,
  parseYesNo,
  personOfAssignment,
  staffGroupTable,
  type ParsedGrade,
} from "./values";

/** Shared state across sheets: caches of parsed values and the staff join table. */
export class ReadContext {
  readonly log = new IssueLog();
  private readonly ethnicityCache = new Map<string, ParsedEthnicity>();
  private readonly gradeCache = new Map<string, ParsedGrade>();
  private readonly cohortCache = new Map<string, Cohort | null>();
  private readonly dateCache = new Map<CellValue, string | null>();
  /** Everyone in staff in post (bank workers included), by person id: what cases and training are joined to. */
  readonly people = new People();
  /** How many staff sheets have been begun (each sheet chooses its own row for a person). */
  staffSheets = 0;
  private readonly staffGroups: ReadonlyMap<string, Cohort>;

  constructor(options: Pick<ReadOptions, "staffGroupCohorts"> = {}) {
    this.staffGroups = staffGroupTable(options.staffGroupCohorts);
  }

  ethnicity(v: CellValue | undefined): ParsedEthnicity {
    const key = v === null || v === undefined ? "" : typeof v === "string" ? v : String(v);
    let p = this.ethnicityCache.get(key);
    if (!p) {
      p = parseEthnicity(key);
      this.ethnicityCache.set(key, p);
    }
    return p;
  }

  grade(v: CellValue | undefined): ParsedGrade {
    if (typeof v === "number") return parseGrade(v);
    const key = v === null || v === undefined ? "" : String(v);
    let p = this.gradeCache.get(key);
    if (!p) {
      p = parseGrade(key);
      this.gradeCache.set(key, p);
    }
    return p;
  }

  private readonly yesNoCache = new Map<string, boolean | null>();

  /** parseYesNo with a cache: flags repeat on every row. */
  yesNo(v: CellValue | undefined): boolean | null {
    if (typeof v !== "string") return parseYesNo(v);
    let r = this.yesNoCache.get(v);
    if (r === undefined) {
      r = parseYesNo(v);
      if (this.yesNoCache.size < 10_000) this.yesNoCache.set(v, r);
    }
    return r;
  }

  date(v: CellValue | undefined): string | null {
    if (v === null || v === undefined) return null;
    let d = this.dateCache.get(v);
    if (d === undefined) {
      d = parseDate(v);
      if (this.dateCache.size < 200_000) this.dateCache.set(v, d);
    }
    return d;
  }

  cohort(staffGroup: string): Cohort | null {
    let c = this.cohortCache.get(staffGroup);
    if (c === undefined) {
      c = cohortOfStaffGroup(staffGroup, this.staffGroups);
      this.cohortCache.set(staffGroup, c);
    }
    return c;
  }
}

/** Per-sheet bookkeeping that becomes the SheetSummary. */
class SheetTally {
  rowsRead = 0;
  rowsUsed = 0;
  unknownEthnicity = 0;
  readonly exclusions = new Map<string, number>();
  /** Distinct unrecognised values per topic: value -> { count, first row }. */
  private readonly unrecognised = new Map<string, Map<string, { count: number; row: number }>>();

  constructor(readonly plan: SheetPlan) {}

  exclude(reason: string): void {
    this.exclusions.set(reason, (this.exclusions.get(reason) ?? 0) + 1);
  }

  noteUnrecognised(topic: string, value: string, row: number): void {
    let m = this.unrecognised.get(topic);
    if (!m) this.unrecognised.set(topic, (m = new Map()));
    const e = m.get(value);
    if (e) e.count++;
    else m.set(value, { count: 1, row });
  }

  unrecognisedOf(topic: string): Map<string, { count: number; row: number }> {
    return this.unrecognised.get(topic) ?? new Map();
  }

  /** Ethnicity values whose code and words disagree: value -> the rows (the first few) and how many. */
  readonly contradictions = new Map<string, { parsed: ParsedEthnicity; count: number; rows: number[] }>();

  noteContradiction(parsed: ParsedEthnicity, row: number): void {
    const e = this.contradictions.get(parsed.ethnicity.raw);
    if (!e) this.contradictions.set(parsed.ethnicity.raw, { parsed, count: 1, rows: [row] });
    else {
      e.count++;
      if (e.rows.length < MAX_ROWS_NAMED) e.rows.push(row);
    }
  }

  summary(hasEthnicity: boolean): SheetSummary {
    const { plan } = this;
    const columns: Record<string, string> = {};
    for (const [field, c] of plan.columns) columns[field] = plan.headers[c] ?? "";
    const exclusions: Record<string, number> = {};
    let excluded = 0;
    for (const [reason, count] of this.exclusions) {
      exclusions[reason] = count;
      excluded += count;
    }
    return {
      file: plan.file,
      sheet: plan.sheet,
      kind: plan.kind,
      headerRow: plan.headerIndex >= 0 ? plan.headerIndex + 1 : null,
      columns,
      rowsRead: this.rowsRead,
      rowsUsed: this.rowsUsed,
      rowsExcluded: excluded,
      exclusions,
      unknownEthnicityPct: hasEthnicity && this.rowsUsed > 0 ? (100 * this.unknownEthnicity) / this.rowsUsed : null,
      signature: plan.signature,
    };
  }
}

/** How many rows a warning about one value names before "and N more". */
const MAX_ROWS_NAMED = 10;

const TOTAL_ROW = /^(grand\s+)?totals?\b/i;

/** Whether text can start a total line ("Total", "Grand total"): a test cheaper than the pattern, for every row. */
function mayBeTotal(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  return c === 116 /* t */ || c === 103 /* g */;
}

/** The first cell of a row, in a column this sheet is read from, that holds a formula error or no saved value. */
function problemOnRow(plan: SheetPlan, r: number): CellProblem | null {
  const onRow = plan.problems.get(r);
  if (!onRow) return null;
  let used = usedColumns.get(plan);
  if (!used) usedColumns.set(plan, (used = new Set(plan.columns.values())));
  for (const p of onRow) if (used.has(p.col)) return p;
  return null;
}

const usedColumns = new WeakMap<SheetPlan, Set<number>>();

/**
 * Indexes of the data rows below the header, skipping blank rows, repeated headers and total lines.
 * A row that looks blank only because its formulas failed is a data row: it is reported, not skipped.
 * Readers loop over these by index: a reader's loop runs once, often before V8 optimises it, and an
 * unoptimised for-of allocates an iterator result per row.
 */
function dataRows(plan: SheetPlan): Int32Array {
  const { cells, headerIndex, headers } = plan;
  const firstHeader = headers.find((h) => h !== "") ?? "";
  const firstHeaderCol = headers.indexOf(firstHeader);
  // Typed, not number[]: no array growth, and nothing for the garbage collector to copy.
  const out = new Int32Array(Math.max(0, cells.rowCount - headerIndex - 1));
  let n = 0;
  for (let r = headerIndex + 1; r < cells.rowCount; r++) {
    if (!cells.hasValue(r) && problemOnRow(plan, r) === null) continue;
    const lead = cells.get(r, firstHeaderCol);
    if (typeof lead === "string" && firstHeader !== "" && lead.trim() === firstHeader) continue; // header repeated (page break)
    const r0 = cells.get(r, 0);
    if (typeof r0 === "string" && mayBeTotal(r0) && TOTAL_ROW.test(r0) && cells.row(r).filter((v) => typeof v === "string").length <= 1) continue;
    out[n++] = r;
  }
  return out.subarray(0, n);
}

function col(plan: SheetPlan, field: string): number {
  return plan.columns.get(field) ?? -1;
}

/** The cell of data row r in column c, or undefined when the sheet has no such column (c is -1). */
function at(plan: SheetPlan, r: number, c: number): CellValue | undefined {
  return c >= 0 ? plan.cells.get(r, c) : undefined;
}

interface SheetContext {
  ctx: ReadContext;
  plan: SheetPlan;
  tally: SheetTally;
  /** Shared by every record the sheet gives. */
  source: SheetRef;
  /** The ethnicity column, or -1 (looked up once, not per row). */
  ethnicityCol: number;
}

function sheetContext(ctx: ReadContext, plan: SheetPlan): SheetContext {
  return { ctx, plan, tally: new SheetTally(plan), source: { file: plan.file, sheet: plan.sheet }, ethnicityCol: col(plan, "ethnicity") };
}

function where(s: SheetContext, rowNumber: number | null, field: string | null) {
  const c = field ? col(s.plan, field) : -1;
  return { file: s.plan.file, sheet: s.plan.sheet, row: rowNumber, col: c >= 0 ? c : null, header: c >= 0 ? (s.plan.headers[c] ?? null) : null };
}

function rowError(s: SheetContext, reason: string, rowNumber: number, field: string | null, message: string, params?: Record<string, string | number>) {
  s.tally.exclude(reason);
  const w = where(s, rowNumber, field);
  s.ctx.log.add("error", reason, `${describe(w)}: ${message}`, w, params);
}

/**
 * Excludes a row with a formula error or an uncalculated formula in a column it is read from, and reports
 * it (file, sheet, row, column). Such a cell would otherwise read as blank: "unknown" ethnicity, "no" flags.
 */
function excludeProblemRow(s: SheetContext, r: number): boolean {
  const p = problemOnRow(s.plan, r);
  if (!p) return false;
  const noValue = p.problem === NO_SAVED_VALUE;
  const noString = p.problem === SHARED_STRING_MISSING;
  const reason = noValue ? "formula-no-saved-value" : noString ? "shared-string-missing" : "formula-error";
  s.tally.exclude(reason);
  const w = { file: s.plan.file, sheet: s.plan.sheet, row: r + 1, col: p.col, header: s.plan.headers[p.col] ?? null };
  const message = noValue
    ? "the cell holds a formula with no saved result (the file was written by a program and never calculated); the row was excluded. Open the file in Excel and save it, or paste the values, then run again."
    : noString
      ? "the cell refers to text the workbook does not have (its shared string table is too short: the file is damaged); the row was excluded. Save the file again from the source system and run again."
      : `the cell holds a formula error ${p.problem}; the row was excluded. Correct the formula (or paste the values) in the source workbook and run again.`;
  s.ctx.log.add("error", reason, `${describe(w)}: ${message}`, w, { value: p.problem });
  return true;
}

/** " (it looks like month/day/year...)" when a text date that failed reads as a valid US-order date. */
function usOrderHint(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (!m || Number(m[1]) > 12 || Number(m[2]) <= 12 || Number(m[2]) > 31) return "";
  return " (it looks like month/day/year, the US order)";
}

const DATE_FORMS = "as day/month/year (31/03/2025), as 2025-03-31 or as an Excel date";

/**
 * A date cell as ISO (yyyy-mm-dd), or null when blank. A value that is there but is not a readable date
 * (US order 03/31/2025, "TBC", 0) is reported with file, sheet, row and column, then read as no date:
 * `consequence` says what that means for this table. Returns undefined for such a value so a caller
 * that must not guess (the leaving date) can tell it from a blank.
 */
function readDate(s: SheetContext, r: number, rowNumber: number, field: string, c: number, consequence: string | null): string | null | undefined {
  const v = at(s.plan, r, c);
  const iso = s.ctx.date(v);
  if (iso !== null || v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return iso;
  if (consequence !== null) {
    const text = cellText(v);
    const w = where(s, rowNumber, field);
    s.ctx.log.add("warning", "date-unreadable", `${describe(w)}: "${text}" is not a date that can be read${usOrderHint(text)}; ${consequence}. To use it, write it ${DATE_FORMS}.`, w, { value: text });
  }
  return undefined;
}

function readEthnicity(s: SheetContext, r: number, rowNumber: number): Ethnicity {
  const p = s.ctx.ethnicity(at(s.plan, r, s.ethnicityCol));
  if (!p.recognised) s.tally.noteUnrecognised("ethnicity", p.ethnicity.raw, rowNumber);
  if (p.contradiction !== null) s.tally.noteContradiction(p, rowNumber);
  return p.ethnicity;
}

/** "rows 4, 9 and 12" or "rows 4, 9, ... (25 rows; the first 10 are named)". */
function rowList(rows: readonly number[], count: number): string {
  if (count === 1) return `row ${rows[0]}`;
  const named = rows.length > 1 ? `${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}` : `${rows[0]}`;
  return count > rows.length ? `rows ${rows.join(", ")} and ${count - rows.length} more` : `rows ${named}`;
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
function reportContradictions(s: SheetContext) {
  for (const [value, { parsed, count, rows }] of s.tally.contradictions) {
    const { code, words } = parsed.contradiction!;
    const w = where(s, rows[0]!, "ethnicity");
    const used = parsed.ethnicity.code === null ? "unknown" : category(parsed.ethnicity.localCode ?? parsed.ethnicity.code);
    s.ctx.log.add(
      "warning",
      "ethnicity-code-contradicts-words",
      `${describe(w)}: "${value}" gives code ${category(code)} but its words say ${category(words)} (${rowList(rows, count)}); it was counted as ${used}. Correct the code or the words in the source.`,
      w,
      { value, code, words, used: parsed.ethnicity.code ?? "", count },
    );
  }
}

/** One warning per distinct unrecognised value, with how many rows had it. */
function reportUnrecognised(s: SheetContext, topic: string, field: string, code: string, what: string, consequence: string) {
  for (const [value, { count, row }] of s.tally.unrecognisedOf(topic)) {
    const w = where(s, row, field);
    s.ctx.log.add("warning", code, `${describe(w)}: ${what} "${value}" was not recognised (${count} row${count === 1 ? "" : "s"}); ${consequence}.`, { ...w }, { value, count });
  }
}

// ---------------------------------------------------------------- staff in post

const SENIOR_MEDICAL_MANAGER = /medical director|clinical director|chief medical|clinical lead|associate medical director/i;

interface StaffOutput {
  staff: StaffRecord[];
  summary: SheetSummary;
}

export function readStaff(ctx: ReadContext, plan: SheetPlan, snapshotDate: string | null): StaffOutput {
  const s = sheetContext(ctx, plan);
  // Two passes, each a function with one loop: V8 optimises each on its own, and the end of one does not
  // throw away the optimised code of the other.
  const choice = chooseStaffRows(s);
  const staff = staffRecords(s, choice, snapshotDate);
  reportRepeatConflicts(s, choice);
  reportUnrecognised(s, "ethnicity", "ethnicity", "ethnicity-unrecognised", "ethnicity", "counted as unknown ethnicity");
  reportContradictions(s);
  reportUnrecognised(s, "band", "band", "band-unrecognised", "pay band", "these staff count in the totals but in no band");
  reportUnrecognised(s, "staffGroup", "staffGroup", "staff-group-unrecognised", "staff group", "counted as non-clinical");
  return { staff, summary: s.tally.summary(true) };
}

/** What pass 1 found for each data row of a staff sheet (arrays by data-row index). */
interface StaffChoice {
  indexes: Int32Array;
  ids: (string | null)[];
  persons: Int32Array;
  isChosen: Uint8Array;
  /** Rows with a formula error where a value is read: never chosen for the person; pass 2 reports them. */
  hasProblem: Uint8Array;
  /** People with more than one row in the sheet: their first row, and every later row (data-row indexes). */
  repeats: Repeats;
}

interface Repeats {
  first: Map<number, number>;
  rows: number[];
}

/** A person's second or later row in one staff sheet (kept apart from pass 1's loop: most people have one). */
function noteRepeat(repeats: Repeats, person: number, firstRow: number, row: number): void {
  if (!repeats.first.has(person)) repeats.first.set(person, firstRow);
  repeats.rows.push(row);
}

/**
 * Pass 1: choose one row per person. Rank: substantive primary > substantive unflagged >
 * substantive secondary > bank. Ties keep the first row.
 */
function chooseStaffRows(s: SheetContext): StaffChoice {
  const { ctx, plan, tally } = s;
  const cId = col(plan, "personId");
  const cAssign = col(plan, "assignmentId");
  const cCat = col(plan, "assignmentCategory");
  const cPrimary = col(plan, "primary");
  const indexes = dataRows(plan);
  const ids: (string | null)[] = new Array<string | null>(indexes.length);
  const persons = new Int32Array(indexes.length).fill(-1);
  const isChosen = new Uint8Array(indexes.length);
  const hasProblem = new Uint8Array(indexes.length);
  const unknown = ctx.ethnicity(null).ethnicity;
  const { people } = ctx;
  const sheet = ctx.staffSheets++;
  const bankCache = new Map<string, boolean>();
  const bankHeader = cCat >= 0 && /^bank/i.test(plan.headers[cCat] ?? "");
  const repeats: Repeats = { first: new Map(), rows: [] };
  for (let i = 0; i < indexes.length; i++) {
    const r = indexes[i]!;
    tally.rowsRead++;
    if (problemOnRow(plan, r) !== null) {
      hasProblem[i] = 1;
      continue;
    }
    const id = normalisePersonId(at(plan, r, cId)) ?? personOfAssignment(at(plan, r, cAssign));
    const category = cCat >= 0 ? cellText(plan.cells.get(r, cCat)) : "";
    let bank = bankCache.get(category);
    if (bank === undefined) {
      bank = /\bbank\b/i.test(category) || (bankHeader && ctx.yesNo(category) === true);
      bankCache.set(category, bank);
    }
    const primary = cPrimary >= 0 ? ctx.yesNo(plan.cells.get(r, cPrimary)) : null;
    const rank = bank ? 0 : primary === true ? 3 : primary === null || cPrimary < 0 ? 2 : 1;
    ids[i] = id;
    if (id === null) continue;
    const p = people.add(id, unknown);
    if (people.sheet[p] !== sheet) {
      // New, or named in an earlier staff sheet: this sheet chooses its own row for them.
      people.sheet[p] = sheet;
      people.row[p] = i;
      people.rank[p] = rank;
      isChosen[i] = 1;
    } else {
      noteRepeat(repeats, p, people.row[p]!, i);
      if (people.rank[p]! < rank) {
        isChosen[people.row[p]!] = 0;
        people.row[p] = i;
        people.rank[p] = rank;
        isChosen[i] = 1;
      }
    }
    persons[i] = p;
  }
  return { indexes, ids, persons, isChosen, hasProblem, repeats };
}

/** Two known ethnicities in different categories (blank, not stated and unrecognised never conflict). */
function differ(a: Ethnicity, b: Ethnicity): boolean {
  return a.group !== "unknown" && b.group !== "unknown" && a.code !== b.code;
}

/** The same person in two staff sheets with two ethnicities: the first sheet's row counts. */
function reportSheetConflict(s: SheetContext, id: string, counted: StaffRecord, rowNumber: number, here: Ethnicity) {
  const w = where(s, rowNumber, "ethnicity");
  const there = describe({ file: counted.source.file, sheet: counted.source.sheet, row: counted.row });
  s.ctx.log.add(
    "warning",
    "person-ethnicity-conflict",
    `${describe(w)}: employee ${id} is "${here.raw}" here but "${counted.ethnicity.raw}" in ${there}, where they were counted first; "${counted.ethnicity.raw}" was used. Correct whichever is wrong.`,
    w,
    { value: here.raw, other: counted.ethnicity.raw, person: id },
  );
}

/** A person listed on several rows of one staff sheet with different ethnicities: one warning per person. */
function reportRepeatConflicts(s: SheetContext, choice: StaffChoice) {
  const { ctx, plan } = s;
  const { first, rows } = choice.repeats;
  if (rows.length === 0 || s.ethnicityCol < 0) return;
  const reported = new Set<number>();
  const valueAt = (i: number) => ctx.ethnicity(at(plan, choice.indexes[i]!, s.ethnicityCol)).ethnicity;
  for (const i of rows) {
    const p = choice.persons[i]!;
    const f = first.get(p)!;
    if (reported.has(p) || !differ(valueAt(f), valueAt(i))) continue;
    reported.add(p);
    const chosen = ctx.people.sheet[p] === ctx.staffSheets - 1 ? ctx.people.row[p]! : f;
    const w = where(s, choice.indexes[i]! + 1, "ethnicity");
    const a = valueAt(f).raw;
    const b = valueAt(i).raw;
    ctx.log.add(
      "warning",
      "person-ethnicity-conflict",
      `${describe(w)}: employee ${choice.ids[i]} is listed with two ethnicities, "${a}" at row ${choice.indexes[f]! + 1} and "${b}" at row ${choice.indexes[i]! + 1}; the row counted for them (row ${choice.indexes[chosen]! + 1}) gives "${valueAt(chosen).raw}", which was used. Correct whichever is wrong.`,
      w,
      { value: b, other: a, person: choice.ids[i] ?? "" },
    );
  }
}

/** A case or training row whose own ethnicity differs from the person's in staff in post. */
function reportJoinConflict(s: SheetContext, rowNumber: number, id: string, own: Ethnicity, person: number) {
  const { people } = s.ctx;
  const staff = people.ethnicity[person]!;
  if (!differ(own, staff)) return;
  const record = people.record[person];
  const there = record ? describe({ file: record.source.file, sheet: record.source.sheet, row: record.row }) : "staff in post";
  const w = where(s, rowNumber, "ethnicity");
  s.ctx.log.add(
    "warning",
    "person-ethnicity-conflict",
    `${describe(w)}: employee ${id} is "${own.raw}" here but "${staff.raw}" in ${there}; this row's own value was used. Correct whichever is wrong.`,
    w,
    { value: own.raw, other: staff.raw, person: id },
  );
}

/** Pass 2: records for chosen rows, reasons for the rest. */
function staffRecords(s: SheetContext, choice: StaffChoice, snapshotDate: string | null): StaffRecord[] {
  const { ctx, plan, tally, source } = s;
  const { people } = ctx;
  const { indexes, ids, persons, isChosen, hasProblem } = choice;
  const cId = col(plan, "personId");
  const cGroup = col(plan, "staffGroup");
  const cBand = col(plan, "band");
  const cRole = col(plan, "jobRole");
  const cLeave = col(plan, "leavingDate");
  const cVoting = col(plan, "boardVoting");
  const cExec = col(plan, "boardExecutive");
  const cEth = s.ethnicityCol;
  const staff: StaffRecord[] = [];
  const cGender = col(plan, "gender");
  const cDisability = col(plan, "disability");
  const cDirectorate = col(plan, "directorate");
  const cDivision = col(plan, "division");
  const cTeam = col(plan, "team");
  let staffGroupMissingWarned = cGroup >= 0;
  for (let i = 0; i < indexes.length; i++) {
    const r = indexes[i]!;
    const rowNumber = r + 1;
    const id = ids[i] ?? null;
    if (hasProblem[i] && excludeProblemRow(s, r)) continue;
    if (id === null) {
      rowError(s, "missing-person-id", rowNumber, cId >= 0 ? "personId" : "assignmentId", "the row has no employee number, so the person cannot be counted once; the row was excluded.");
      continue;
    }
    const p = persons[i]!;
    // The person's rank is their chosen row's: this row's, once it is the chosen one.
    const rank = people.rank[p];
    if (!isChosen[i]) {
      tally.exclude(rank === 0 ? "bank-only" : "secondary-assignment");
      continue;
    }
    // The join table for cases and training: everyone in the extract, bank workers included.
    const parsed = ctx.ethnicity(at(plan, r, cEth));
    const ethnicity = parsed.ethnicity;
    // Counted already from an earlier staff sheet: that row is the person's, for the headcount and for
    // the cases and training joined to them; a different ethnicity here is reported, not used.
    const counted = people.record[p];
    if (counted == null) people.ethnicity[p] = ethnicity;
    else if (differ(counted.ethnicity, ethnicity)) reportSheetConflict(s, id, counted, rowNumber, ethnicity);
    if (rank === 0) people.markBank(p);
    else people.markSubstantive(p);
    if (rank === 0) {
      tally.exclude("bank-only");
      continue;
    }
    if (!parsed.recognised) tally.noteUnrecognised("ethnicity", ethnicity.raw, rowNumber);
    if (parsed.contradiction !== null) tally.noteContradiction(parsed, rowNumber);
    if (cLeave >= 0 && snapshotDate) {
      const left = readDate(s, r, rowNumber, "leavingDate", cLeave, null);
      if (left === undefined) {
        // A leaving date we cannot read may be before the snapshot (a leaver) or after it (still in post).
        // Neither guess is safe: counting could keep a leaver in the headcount, dropping could lose a member
        // of staff without a word. So the row is excluded as a row problem, counted, and named for fixing.
        const text = cellText(at(plan, r, cLeave));
        rowError(
          s,
          "leaving-date-unreadable",
          rowNumber,
          "leavingDate",
          `the leaving date "${text}" cannot be read${usOrderHint(text)}, so whether this person had left by the snapshot date (${snapshotDate}) is not known; the row was excluded. Write the date ${DATE_FORMS}.`,
          { value: text },
        );
        continue;
      }
      if (left && left < snapshotDate) {
        tally.exclude("left-before-snapshot");
        continue;
      }
    }
    const staffGroup = cellText(at(plan, r, cGroup));
    const grade = ctx.grade(at(plan, r, cBand));
    const jobRole = cellText(at(plan, r, cRole));
    let cohort = ctx.cohort(staffGroup);
    if (cohort === null) {
      if (staffGroup !== "") tally.noteUnrecognised("staffGroup", staffGroup, rowNumber);
      else if (!staffGroupMissingWarned) {
        staffGroupMissingWarned = true;
        const w = where(s, null, null);
        ctx.log.add("warning", "staff-group-missing", `${describe(w)}: there is no staff group column; cohorts were told from grades (medical grades as medical and dental, everyone else non-clinical).`, w);
      }
      cohort = grade.medical && !grade.band ? "medical" : "non-clinical";
    }
    let band = grade.band;
    let medical = null as StaffRecord["medical"];
    if (cohort === "medical") {
      medical = grade.medical ?? medicalSubgroupOf(jobRole) ?? "other";
      band = null;
    } else if (!grade.recognised) {
      tally.noteUnrecognised("band", cellText(at(plan, r, cBand)), rowNumber);
    }
    const voting = cVoting >= 0 && ctx.yesNo(at(plan, r, cVoting)) === true;
    const executive = cExec >= 0 && ctx.yesNo(at(plan, r, cExec)) === true;
    const record: StaffRecord = {
      personId: id,
      ethnicity,
      cohort,
      band,
      medical,
      seniorMedicalManager: medical === "consultant" && SENIOR_MEDICAL_MANAGER.test(jobRole),
      staffGroup: staffGroup || null,
      gender: cellText(at(plan, r, cGender)) || null,
      disability: cellText(at(plan, r, cDisability)) || null,
      directorate: cellText(at(plan, r, cDirectorate)) || null,
      board: voting || executive ? { voting, executive } : null,
      source, row: rowNumber,
    };
    // Read only when the sheet has the column (the record stays as small as before otherwise).
    if (cDivision >= 0) record.division = cellText(at(plan, r, cDivision)) || null;
    if (cTeam >= 0) record.team = cellText(at(plan, r, cTeam)) || null;
    staff.push(record);
    people.record[p] ??= record;
    tally.rowsUsed++;
    if (ethnicity.group === "unknown") tally.unknownEthnicity++;
  }
  return staff;
}

// ---------------------------------------------------------------- recruitment

function outcomeFlags(outcome: string): { shortlisted: boolean; appointed: boolean } {
  const t = outcome.toLowerCase();
  const negative = /\b(not|un|non)[\s-]?(appointed|successful|offered)|declined|rejected at offer|offer withdrawn/.test(t);
  const appointed = !negative && /appoint|offer|hired|successful|start(ed|er)?\b|conditional/.test(t);
  const notShortlisted = /not shortlisted|not short listed|rejected at shortlist|unsuccessful at shortlist|not invited|longlist|sift(ed)? out/.test(t);
  const shortlisted = appointed || (!notShortlisted && /shortlist|short list|interview|assessment|offer|appoint/.test(t));
  return { shortlisted, appointed };
}

export function readRecruitment(ctx: ReadContext, plan: SheetPlan): { applications: ApplicationRecord[]; summary: SheetSummary } {
  const s = sheetContext(ctx, plan);
  const { tally, source } = s;
  const cS = col(plan, "shortlisted");
  const cA = col(plan, "appointed");
  const cO = col(plan, "outcome");
  const [cBand, cPost, cDate] = ["band", "post", "date"].map((f) => col(plan, f)) as [number, number, number];
  const out: ApplicationRecord[] = [];
  if (cS < 0 && cO < 0) {
    const w = where(s, null, null);
    ctx.log.add("warning", "shortlisted-column-missing", `${describe(w)}: there is no shortlisted column; every application was taken as shortlisted.`, w);
  }
  const rows = dataRows(plan);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const rowNumber = r + 1;
    tally.rowsRead++;
    if (excludeProblemRow(s, r)) continue;
    const fromOutcome = cO >= 0 ? outcomeFlags(cellText(plan.cells.get(r, cO))) : null;
    let shortlisted = cS >= 0 ? ctx.yesNo(plan.cells.get(r, cS)) : (fromOutcome?.shortlisted ?? true);
    let appointed = cA >= 0 ? ctx.yesNo(plan.cells.get(r, cA)) : (fromOutcome?.appointed ?? false);
    if (shortlisted === null && fromOutcome) shortlisted = fromOutcome.shortlisted;
    if (appointed === null && fromOutcome) appointed = fromOutcome.appointed;
    if (shortlisted === null || appointed === null) {
      const field = shortlisted === null ? "shortlisted" : "appointed";
      const value = cellText(at(plan, r, col(plan, field)));
      rowError(s, "invalid-yes-no", rowNumber, field, `"${value}" is not a yes/no value; the row was excluded.`, { value });
      continue;
    }
    if (appointed && !shortlisted) {
      rowError(s, "appointed-not-shortlisted", rowNumber, cA >= 0 ? "appointed" : "outcome", "the applicant is recorded as appointed but not shortlisted; the row was excluded. Check the shortlisting record.");
      continue;
    }
    const ethnicity = readEthnicity(s, r, rowNumber);
    const grade = ctx.grade(at(plan, r, cBand));
    out.push({
      ethnicity,
      shortlisted,
      appointed,
      band: grade.band,
      post: cellText(at(plan, r, cPost)) || null,
      date: readDate(s, r, rowNumber, "date", cDate, "the application was kept without a date") ?? null,
      source, row: rowNumber,
    });
    tally.rowsUsed++;
    if (ethnicity.group === "unknown") tally.unknownEthnicity++;
  }
  reportUnrecognised(s, "ethnicity", "ethnicity", "ethnicity-unrecognised", "ethnicity", "counted as unknown ethnicity");
  reportContradictions(s);
  return { applications: out, summary: tally.summary(true) };
}

// ---------------------------------------------------------------- cases and training (joined to staff)

/** Ethnicity from the row if it has a known one, else from staff in post (the person named by the row). */
function joinedEthnicity(s: SheetContext, r: number, rowNumber: number, id: string | null, person: number, unmatched: { count: number; first: number }, hasOwn: boolean): Ethnicity {
  const own = hasOwn ? readEthnicity(s, r, rowNumber) : null;
  if (own && own.group !== "unknown") {
    if (person >= 0 && id !== null) reportJoinConflict(s, rowNumber, id, own, person);
    return own;
  }
  if (id !== null) {
    if (person >= 0) return s.ctx.people.ethnicity[person]!;
    if (!hasOwn) {
      unmatched.count++;
      if (unmatched.first < 0) unmatched.first = rowNumber;
    }
  }
  return own ?? s.ctx.ethnicity(null).ethnicity;
}

function reportUnmatched(s: SheetContext, unmatched: { count: number; first: number }, idField: string) {
  if (unmatched.count === 0) return;
  const w = where(s, unmatched.first, idField);
  const message =
    s.ctx.people.size === 0
      ? `${describe({ file: s.plan.file, sheet: s.plan.sheet })}: this sheet has no ethnicity column and no staff-in-post table was given to look people up in; ${unmatched.count} row(s) count as unknown ethnicity. Add the staff-in-post extract.`
      : `${describe(w)}: ${unmatched.count} row(s) name an employee not found in staff in post (first at row ${unmatched.first}); they count as unknown ethnicity.`;
  s.ctx.log.add("warning", "person-not-in-staff", message, w, { count: unmatched.count });
}

/**
 * Excludes a case or training row of a bank-only worker: their headcount is not in the substantive WRES
 * (they have their own Bank WRES), so their events must not be in its numerators. Counted as "bank-only".
 */
function excludeBankOnly(s: SheetContext, person: number, rowNumber: number, seen: { count: number; first: number }): boolean {
  if (!s.ctx.people.isBankOnly(person)) return false;
  s.tally.exclude("bank-only");
  seen.count++;
  if (seen.first < 0) seen.first = rowNumber;
  return true;
}

function reportBankOnly(s: SheetContext, seen: { count: number; first: number }, idField: string, what: string) {
  if (seen.count === 0) return;
  const w = where(s, seen.first, idField);
  s.ctx.log.add(
    "warning",
    "bank-only-excluded",
    `${describe(w)}: ${seen.count} ${what} row(s) are of bank-only workers (first at row ${seen.first}); they were left out, as bank-only staff are outside the substantive WRES headcount.`,
    w,
    { count: seen.count },
  );
}

/** Reads a row's person id from the personId column, else from the assignment number. */
function personIdReader(plan: SheetPlan): (r: number) => string | null {
  const cId = col(plan, "personId");
  const cAssign = col(plan, "assignmentId");
  return (r) => normalisePersonId(at(plan, r, cId)) ?? personOfAssignment(at(plan, r, cAssign));
}

export function readCases(ctx: ReadContext, plan: SheetPlan): { cases: CaseRecord[]; summary: SheetSummary } {
  const s = sheetContext(ctx, plan);
  const { tally, source } = s;
  const unmatched = { count: 0, first: -1 };
  const bankOnly = { count: 0, first: -1 };
  const out: CaseRecord[] = [];
  // Column lookups hoisted out of the row loop (a map lookup each, per row, otherwise).
  const personIdOf = personIdReader(plan);
  const hasOwnEthnicity = s.ethnicityCol >= 0;
  const [cType, cStage, cStart, cOutcome] = ["caseType", "stage", "startDate", "outcome"].map((f) => col(plan, f)) as [number, number, number, number];
  const rows = dataRows(plan);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const rowNumber = r + 1;
    tally.rowsRead++;
    if (excludeProblemRow(s, r)) continue;
    const id = personIdOf(r);
    const person = id === null ? -1 : ctx.people.find(id);
    if (excludeBankOnly(s, person, rowNumber, bankOnly)) continue;
    const ethnicity = joinedEthnicity(s, r, rowNumber, id, person, unmatched, hasOwnEthnicity);
    out.push({
      personId: id,
      ethnicity,
      staff: person >= 0 ? ctx.people.record[person]! : null,
      caseType: parseCaseType(at(plan, r, cType)),
      stage: cellText(at(plan, r, cStage)) || null,
      startDate: readDate(s, r, rowNumber, "startDate", cStart, "the case was kept without a start date, so it counts in the current year") ?? null,
      outcome: cellText(at(plan, r, cOutcome)) || null,
      source, row: rowNumber,
    });
    tally.rowsUsed++;
    if (ethnicity.group === "unknown") tally.unknownEthnicity++;
  }
  reportUnrecognised(s, "ethnicity", "ethnicity", "ethnicity-unrecognised", "ethnicity", "counted as unknown ethnicity");
  reportContradictions(s);
  reportUnmatched(s, unmatched, col(plan, "personId") >= 0 ? "personId" : "assignmentId");
  reportBankOnly(s, bankOnly, col(plan, "personId") >= 0 ? "personId" : "assignmentId", "case");
  return { cases: out, summary: tally.summary(true) };
}

export function readTraining(ctx: ReadContext, plan: SheetPlan, seen: IdIndex): { training: TrainingRecord[]; summary: SheetSummary } {
  const s = sheetContext(ctx, plan);
  const { tally, source } = s;
  const unmatched = { count: 0, first: -1 };
  const bankOnly = { count: 0, first: -1 };
  const out: TrainingRecord[] = [];
  const personIdOf = personIdReader(plan);
  const hasOwnEthnicity = s.ethnicityCol >= 0;
  const cDate = col(plan, "date");
  const rows = dataRows(plan);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const rowNumber = r + 1;
    tally.rowsRead++;
    if (excludeProblemRow(s, r)) continue;
    const id = personIdOf(r);
    const person = id === null ? -1 : ctx.people.find(id);
    if (excludeBankOnly(s, person, rowNumber, bankOnly)) continue;
    if (id !== null) {
      // One record per person: WRES indicator 4 counts people who accessed training, not courses.
      if (!seen.addIfNew(id)) {
        tally.exclude("duplicate-person");
        continue;
      }
    }
    const ethnicity = joinedEthnicity(s, r, rowNumber, id, person, unmatched, hasOwnEthnicity);
    out.push({ personId: id, ethnicity, staff: person >= 0 ? ctx.people.record[person]! : null, date: readDate(s, r, rowNumber, "date", cDate, "the training was kept without a date") ?? null, source, row: rowNumber });
    tally.rowsUsed++;
    if (ethnicity.group === "unknown") tally.unknownEthnicity++;
  }
  reportUnrecognised(s, "ethnicity", "ethnicity", "ethnicity-unrecognised", "ethnicity", "counted as unknown ethnicity");
  reportContradictions(s);
  reportUnmatched(s, unmatched, col(plan, "personId") >= 0 ? "personId" : "assignmentId");
  reportBankOnly(s, bankOnly, col(plan, "personId") >= 0 ? "personId" : "assignmentId", "training");
  return { training: out, summary: tally.summary(true) };
}

// ---------------------------------------------------------------- board

export function readBoard(ctx: ReadContext, plan: SheetPlan): { board: BoardRecord[]; summary: SheetSummary } {
  const s = sheetContext(ctx, plan);
  const { tally, source } = s;
  const out: BoardRecord[] = [];
  const rows = dataRows(plan);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const rowNumber = r + 1;
    tally.rowsRead++;
    if (excludeProblemRow(s, r)) continue;
    const voting = ctx.yesNo(at(plan, r, col(plan, "voting")));
    const executive = ctx.yesNo(at(plan, r, col(plan, "executive")));
    if (voting === null || executive === null) {
      const field = voting === null ? "voting" : "executive";
      const value = cellText(at(plan, r, col(plan, field)));
      rowError(s, "invalid-yes-no", rowNumber, field, `"${value}" is not a yes/no value; the row was excluded.`, { value });
      continue;
    }
    const ethnicity = readEthnicity(s, r, rowNumber);
    out.push({ ethnicity, voting, executive, source, row: rowNumber });
    tally.rowsUsed++;
    if (ethnicity.group === "unknown") tally.unknownEthnicity++;
  }
  reportUnrecognised(s, "ethnicity", "ethnicity", "ethnicity-unrecognised", "ethnicity", "counted as unknown ethnicity");
  reportContradictions(s);
  return { board: out, summary: tally.summary(true) };
}

// ---------------------------------------------------------------- staff survey

function surveyIndicator(indicator: CellValue | undefined, question: string): 5 | 6 | 7 | 8 | null {
  const n = parseNumber(indicator);
  const fromText = /\b([5-8])\b/.exec(cellText(indicator));
  const k = n ?? (fromText ? Number(fromText[1]) : null);
  if (k === 5 || k === 6 || k === 7 || k === 8) return k;
  const q = question.toLowerCase();
  if (/patients|relatives|public/.test(q)) return 5;
  if (/discriminat/.test(q)) return 8;
  if (/career progression|promotion|equal opportunit/.test(q)) return 7;
  if (/harassment|bullying|abuse/.test(q) && /staff|colleague|manager/.test(q)) return 6;
  return null;
}

export function readSurvey(ctx: ReadContext, plan: SheetPlan): { survey: SurveyRecord[]; summary: SheetSummary } {
  const s = sheetContext(ctx, plan);
  const { tally, source } = s;
  const out: SurveyRecord[] = [];
  const rows = dataRows(plan);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const rowNumber = r + 1;
    tally.rowsRead++;
    if (excludeProblemRow(s, r)) continue;
    const question = cellText(at(plan, r, col(plan, "question")));
    const indicator = surveyIndicator(at(plan, r, col(plan, "indicator")), question);
    if (indicator === null) {
      rowError(s, "survey-indicator-unknown", rowNumber, col(plan, "indicator") >= 0 ? "indicator" : "question", "the row is not one of WRES indicators 5-8; the row was excluded.");
      continue;
    }
    const whitePct = parseNumber(at(plan, r, col(plan, "whitePct")));
    const bmePct = parseNumber(at(plan, r, col(plan, "bmePct")));
    if (whitePct === null || bmePct === null) {
      const field = whitePct === null ? "whitePct" : "bmePct";
      rowError(s, "invalid-number", rowNumber, field, "the percentage is missing or not a number; the row was excluded.");
      continue;
    }
    const yearText = cellText(at(plan, r, col(plan, "year")));
    const year = /\b(19|20)\d\d\b/.exec(yearText);
    out.push({
      indicator,
      year: year ? Number(year[0]) : null,
      whitePct,
      bmePct,
      whiteRespondents: parseNumber(at(plan, r, col(plan, "whiteRespondents"))),
      bmeRespondents: parseNumber(at(plan, r, col(plan, "bmeRespondents"))),
      source, row: rowNumber,
    });
    tally.rowsUsed++;
  }
  // Percent-formatted cells hold fractions (0.254 shown as 25.4%).
  if (out.length > 0 && out.every((r) => Math.abs(r.whitePct) <= 1 && Math.abs(r.bmePct) <= 1)) {
    for (const r of out) {
      r.whitePct *= 100;
      r.bmePct *= 100;
    }
  }
  return { survey: out, summary: tally.summary(false) };
}

// ---------------------------------------------------------------- aggregated counts

function measureOf(text: string): AggregateMeasure | null {
  const t = text.toLowerCase();
  if (/board/.test(t) && /exec/.test(t)) return "board-executive";
  if (/board|voting/.test(t)) return "board-voting";
  if (/appoint/.test(t)) return "appointed";
  if (/shortlist/.test(t)) return "shortlisted";
  if (/disciplin/.test(t)) return "disciplinary";
  if (/training|cpd/.test(t)) return "training";
  if (/staff|headcount|workforce|in post/.test(t)) return "staff";
  return null;
}

export function readAggregates(ctx: ReadContext, plan: SheetPlan): { aggregates: AggregateRecord[]; summary: SheetSummary } {
  const s = sheetContext(ctx, plan);
  const { tally, source } = s;
  const out: AggregateRecord[] = [];
  const rows = dataRows(plan);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const rowNumber = r + 1;
    tally.rowsRead++;
    if (excludeProblemRow(s, r)) continue;
    const measureText = cellText(at(plan, r, col(plan, "measure")));
    const measure = measureOf(measureText);
    if (!measure) {
      rowError(s, "unknown-measure", rowNumber, "measure", `"${measureText}" is not a measure the indicators use; the row was excluded.`, { value: measureText });
      continue;
    }
    const white = parseNumber(at(plan, r, col(plan, "white")));
    const bme = parseNumber(at(plan, r, col(plan, "bme")));
    if (white === null || bme === null) {
      rowError(s, "invalid-number", rowNumber, white === null ? "white" : "bme", "the count is missing or not a number; the row was excluded.");
      continue;
    }
    const bandCell = at(plan, r, col(plan, "band"));
    const grade = ctx.grade(bandCell);
    const cohortText = cellText(at(plan, r, col(plan, "cohort"))).toLowerCase();
    const cohort: Cohort | null = /non/.test(cohortText) ? "non-clinical" : /medic|dental/.test(cohortText) ? "medical" : /clinical/.test(cohortText) ? "clinical" : grade.medical ? "medical" : null;
    out.push({
      measure,
      band: grade.band ?? grade.medical ?? (cellText(bandCell) || null),
      cohort,
      year: cellText(at(plan, r, col(plan, "year"))) || null,
      white,
      bme,
      unknown: parseNumber(at(plan, r, col(plan, "unknown"))) ?? 0,
      source, row: rowNumber,
    });
    tally.rowsUsed++;
  }
  return { aggregates: out, summary: tally.summary(false) };
}
