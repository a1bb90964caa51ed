// readWorkbooks: files in, Dataset out. Reads every file to cell stores, recognises each sheet, reads
// staff in post first (so cases and training can be joined to it by person), then the rest.
import { WorkbookError } from "./errors";
import { DEFAULT_MAX_ROWS, readCells } from "./grid";
import { describe } from "./issues";
import { IdIndex } from "../shared/id-index";
import { planSheet, readColumns, type SheetPlan } from "./recognise";
import {
  ReadContext,
  readAggregates,
  readBoard,
  readCases,
  readRecruitment,
  readStaff,
  readSurvey,
  readTraining,
} from "./records/index";
import { emptyDataset, type Dataset, type SheetSummary } from "../indicators/input";
import type { InputFile, ReadOptions } from "./types";
import { parseDate } from "./values";

const MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december";

/** A date written in title rows ("Snapshot 31/03/2025", "at 31 March 2025"), as ISO. */
function dateInTitles(titles: readonly string[]): string | null {
  for (const t of titles) {
    const m = new RegExp(
      `(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:${MONTH_NAMES}|[a-z]{3})\\s+\\d{4})`,
      "i",
    ).exec(t);
    if (m) {
      // parseDate takes any run of spaces and a month in full or in short ("31  March 2025", "30 Sept 2024").
      const d = parseDate(m[1]!);
      if (d) return d;
    }
  }
  return null;
}

/** A financial year ("2024/25") in titles or file names. */
function periodIn(texts: readonly string[]): string | null {
  for (const t of texts) {
    // Every candidate in the text: a date ("2025-06-30") may come before the year ("for 2024-25").
    for (const m of t.matchAll(/\b(20\d\d)\s*[/-]\s*(\d\d)(?!\d)/g))
      if ((Number(m[1]) + 1) % 100 === Number(m[2])) return `${m[1]}/${m[2]}`;
  }
  return null;
}

function periodOfSnapshot(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const start = month <= 3 ? y - 1 : y;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

function tooManyRows(file: string, sheet: string, maxRows: number): WorkbookError {
  const limit = maxRows.toLocaleString("en-GB");
  return new WorkbookError({
    severity: "error",
    code: "sheet-too-many-rows",
    message: `${describe({ file, sheet })}: the sheet has more than ${limit} rows, more than can be read, so the file was not used (indicators from part of a sheet would be wrong). Split the rows into smaller files, or remove rows that are not data, and run again.`,
    file,
    sheet,
    row: null,
    column: null,
    header: null,
    params: { maxRows },
  });
}

/** `to` with `items` added: the same array when `to` is empty (the usual one sheet of a kind). */
function append<T>(to: T[], items: T[]): T[] {
  if (to.length === 0) return items;
  for (let i = 0; i < items.length; i++) to.push(items[i]!);
  return to;
}

export function readWorkbooks(files: InputFile[], options: ReadOptions = {}): Dataset {
  const ctx = new ReadContext(options);
  const { log } = ctx;
  const plans: SheetPlan[] = [];
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;

  files.forEach((file, i) => {
    options.onProgress?.({ stage: "reading", file: file.name, fraction: i / Math.max(1, files.length) });
    let grid;
    try {
      grid = readCells(file, {
        maxRows,
        // Text in columns the sheet's plan does not read is not decoded (the plan is known from the top rows).
        columnsToRead: (sheet, top) => readColumns(file.name, sheet, top, options.mappings),
        ...(options.maxUncompressedBytes !== undefined ? { maxUncompressedBytes: options.maxUncompressedBytes } : {}),
      });
    } catch (err) {
      if (err instanceof WorkbookError && options.fileErrors === "report") {
        log.push(err.issue);
        return;
      }
      throw err;
    }
    // A sheet cut short at maxRows is a whole-file failure, not a row problem: indicators from part of a
    // sheet would look complete and be wrong. Thrown (or reported, with fileErrors "report") like a corrupt file.
    const truncated = grid.sheets.find((sheet) => sheet.truncated);
    if (truncated) {
      const err = tooManyRows(file.name, truncated.name, maxRows);
      if (options.fileErrors === "report") {
        log.push(err.issue);
        return;
      }
      throw err;
    }
    for (const issue of grid.issues) log.push(issue);
    options.onProgress?.({ stage: "recognising", file: file.name, fraction: (i + 0.5) / Math.max(1, files.length) });
    for (const sheet of grid.sheets) {
      const plan = planSheet(file.name, sheet, options.mappings, log);
      // An unrecognised sheet's cells are not needed again: let them go now.
      if (plan.kind === null) plan.cells.release();
      plans.push(plan);
    }
  });

  const dataset = emptyDataset();

  const staffPlans = plans.filter((p) => p.kind === "staff");
  dataset.snapshotDate = staffPlans.map((p) => dateInTitles(p.titles)).find((d) => d !== null) ?? null;
  dataset.period =
    (dataset.snapshotDate ? periodOfSnapshot(dataset.snapshotDate) : null) ??
    periodIn(plans.flatMap((p) => p.titles)) ??
    periodIn(files.map((f) => f.name));

  const summaries = new Map<SheetPlan, SheetSummary>();
  // Staff first: the join table for cases and training.
  const seenStaff = new Set<string>();
  for (const plan of staffPlans) {
    options.onProgress?.({ stage: "validating", file: plan.file, fraction: 0 });
    const { staff, summary } = readStaff(ctx, plan, dataset.snapshotDate);
    if (staffPlans.length === 1) {
      dataset.staff = staff;
    } else {
      // A person listed in two staff sheets is counted once.
      for (let i = 0; i < staff.length; i++) {
        const record = staff[i]!;
        if (seenStaff.has(record.personId)) {
          summary.rowsUsed--;
          summary.rowsExcluded++;
          summary.exclusions["duplicate-person"] = (summary.exclusions["duplicate-person"] ?? 0) + 1;
          continue;
        }
        seenStaff.add(record.personId);
        dataset.staff.push(record);
      }
    }
    summaries.set(plan, summary);
    plan.cells.release(); // records are built; free the cells
  }
  // Everyone's rows are read: the bank population is the people with no substantive row anywhere.
  ctx.bank.settle(ctx.people);
  const seenTraining = new IdIndex();
  for (const plan of plans) {
    if (plan.kind === "staff") continue;
    options.onProgress?.({ stage: "validating", file: plan.file, fraction: 0.5 });
    switch (plan.kind) {
      case "recruitment": {
        const r = readRecruitment(ctx, plan);
        dataset.applications = append(dataset.applications, r.applications);
        summaries.set(plan, r.summary);
        break;
      }
      case "cases": {
        const r = readCases(ctx, plan);
        dataset.cases = append(dataset.cases, r.cases);
        summaries.set(plan, r.summary);
        break;
      }
      case "training": {
        const r = readTraining(ctx, plan, seenTraining);
        dataset.training = append(dataset.training, r.training);
        summaries.set(plan, r.summary);
        break;
      }
      case "board": {
        const r = readBoard(ctx, plan);
        dataset.board.push(...r.board);
        summaries.set(plan, r.summary);
        break;
      }
      case "survey": {
        const r = readSurvey(ctx, plan);
        dataset.survey.push(...r.survey);
        summaries.set(plan, r.summary);
        break;
      }
      case "aggregate": {
        const r = readAggregates(ctx, plan);
        dataset.aggregates.push(...r.aggregates);
        summaries.set(plan, r.summary);
        break;
      }
      default:
        summaries.set(plan, {
          file: plan.file,
          sheet: plan.sheet,
          kind: null,
          headerRow: plan.headerIndex >= 0 ? plan.headerIndex + 1 : null,
          columns: {},
          rowsRead: 0,
          rowsUsed: 0,
          rowsExcluded: 0,
          exclusions: {},
          unknownEthnicityPct: null,
          signature: plan.signature,
        });
    }
  }
  for (const plan of plans) plan.cells.release();
  if (ctx.bank.records.staff.length > 0) dataset.bank = ctx.bank.records;
  dataset.sheets = plans.map((p) => summaries.get(p)!);
  log.summariseOverflow();
  dataset.issues = log.issues;
  return dataset;
}
