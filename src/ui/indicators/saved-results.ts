// Indicator results as saved in the Indicator Results list and read back: one row per indicator from a
// publishable (suppressed) copy, figures typed in from earlier years' reports, and the newest saved
// year rebuilt as a document the result views can draw (suppressed again on the way in).
import {
  headlineValue,
  isDimension,
  suppressResults,
  DEFAULT_THRESHOLD,
  PROTECTED_NOTICE,
  type BreakdownDimension,
  type DataQuality,
  type IndicatorResult,
  type ModelEmployerResult,
  type ResultsDocument,
} from "../../indicators";
import { MAX_NOTE_LENGTH, type IndicatorNumber, type IndicatorResultRow } from "../../plan";
import { STANDARD_ID } from "./headline";

export type SavedRow = Omit<IndicatorResultRow, "id" | "etag" | "modified">;

/**
 * What a saved row's detail carries next to the indicator's own suppressed result, so that readers (and
 * editors after a reload) can be shown it again as it was saved: the threshold it was suppressed at, who
 * saved it, and for indicator 1 the Model Employer gap (a related measure drawn from the same counts).
 */
export interface SavedPublication {
  threshold: number;
  /** Board composition published in full (the default) or protected; saved details from before it was a setting: true. */
  publishBoardComposition: boolean;
  savedBy: string | null;
  organisation: string | null;
  snapshotDate: string | null;
  modelEmployer?: ModelEmployerResult;
  /** Breakdowns the run had but the detail could not hold (SharePoint's limit on a note column): not saved. */
  breakdownsLeftOut?: BreakdownDimension[];
}

/** The key of SavedPublication inside a saved detail (the rest of the object is the IndicatorResult). */
export const PUBLICATION_KEY = "publication";

/** The key of a break in the series a plan editor recorded on a saved year (series.ts), beside the result. */
export const SERIES_BREAK_KEY = "seriesBreak";

/**
 * The breakdowns given up first when a detail is longer than the note column holds: the attribute tables
 * (a trust can have many divisions and directorates), then gender, the specific categories, and last the
 * ethnic groups.
 */
const LEAVE_OUT_ORDER: readonly BreakdownDimension[] = [
  "division",
  "directorate",
  "staff-group",
  "ethnic-group-gender",
  "gender",
  "ethnic-category",
  "ethnic-group",
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * An indicator's detail as saved: its result and publication as JSON, at most MAX_NOTE_LENGTH characters
 * (the Detail column is multiple lines of text: docs/sharepoint.md). Breakdowns that do not fit are left out,
 * whole tables in LEAVE_OUT_ORDER, and named in the publication so the screen can say so.
 */
export function savedDetail(result: IndicatorResult, publication: SavedPublication, indicator: number): string {
  const detail = fittedDetail({ ...result, [PUBLICATION_KEY]: publication });
  // Never sent to be refused (or cut) by SharePoint: the save fails with this message instead.
  if (detail.length > MAX_NOTE_LENGTH)
    throw new Error(
      `Indicator ${indicator}'s results are ${detail.length} characters long; SharePoint holds at most ${MAX_NOTE_LENGTH} in one item.`,
    );
  return detail;
}

/**
 * A saved detail's JSON text within MAX_NOTE_LENGTH where leaving out breakdown tables can make it fit: whole
 * tables in LEAVE_OUT_ORDER, added to those its publication already names as left out. Used when a year is saved
 * and again when a break is recorded on it, since the break makes the detail longer. Longer than the column
 * holds only when there is no breakdown left to leave out: the caller refuses it then.
 */
export function fittedDetail(detail: Json): string {
  let text = JSON.stringify(detail);
  const { breakdowns, [PUBLICATION_KEY]: publication, [SERIES_BREAK_KEY]: recorded, ...rest } = detail;
  if (text.length <= MAX_NOTE_LENGTH || !Array.isArray(breakdowns)) return text;
  const before = isObject(publication) ? publication : {};
  const leftOut = Array.isArray(before.breakdownsLeftOut) ? [...(before.breakdownsLeftOut as unknown[])] : [];
  let kept = breakdowns as { dimension?: unknown }[];
  for (const dimension of LEAVE_OUT_ORDER) {
    if (!kept.some((t) => t.dimension === dimension)) continue;
    kept = kept.filter((t) => t.dimension !== dimension);
    leftOut.push(dimension);
    text = JSON.stringify({
      ...rest,
      ...(kept.length > 0 ? { breakdowns: kept } : {}),
      [PUBLICATION_KEY]: { ...before, breakdownsLeftOut: leftOut },
      ...(recorded !== undefined ? { [SERIES_BREAK_KEY]: recorded } : {}),
    });
    if (text.length <= MAX_NOTE_LENGTH) break;
  }
  return text;
}

/** The breakdowns each row's detail had to leave out (by indicator), for the message after saving. */
export function breakdownsLeftOut(rows: readonly Pick<SavedRow, "indicator" | "detail">[]): LeftOut {
  const out: LeftOut = {};
  for (const row of rows) {
    const dims = parseSavedDetail(row.detail)?.publication?.breakdownsLeftOut ?? [];
    if (dims.length > 0) out[row.indicator] = dims;
  }
  return out;
}

export type LeftOut = Partial<Record<IndicatorNumber, BreakdownDimension[]>>;

/**
 * One row per indicator for the Indicator Results list, from a publishable (suppressed) copy only:
 * the headline figure and the indicator's suppressed JSON, breakdowns included as far as they fit. Never rows of staff.
 */
export function rowsToSave(publishable: ResultsDocument, year: string, savedBy: string | null = null): SavedRow[] {
  const suppression = publishable.suppression;
  if (!suppression) throw new Error("Only a suppressed copy of the results may be saved.");
  const rows: SavedRow[] = [];
  for (const [key, result] of Object.entries(publishable.indicators)) {
    const indicator = Number(key);
    if (!result || !Number.isInteger(indicator) || indicator < 1 || indicator > 9) continue;
    const publication: SavedPublication = {
      threshold: suppression.threshold,
      publishBoardComposition: suppression.publishBoardComposition,
      savedBy,
      organisation: publishable.organisation,
      snapshotDate: publishable.snapshotDate,
      ...(result.kind === "representation" && publishable.related.modelEmployer
        ? { modelEmployer: publishable.related.modelEmployer }
        : {}),
    };
    rows.push({
      year,
      standard: publishable.standard,
      indicator: indicator as IndicatorNumber,
      value: headlineValue(result, publishable.groups),
      detail: savedDetail(result, publication, indicator),
      origin: "computed",
    });
  }
  // The bank-only workforce's figures: rows of their own standard ("nhs-england-wres-bank"), never mixed in.
  if (publishable.bank) rows.push(...rowsToSave(publishable.bank, year, savedBy));
  return rows;
}

const hasObjects = (v: Json, keys: string[]) => keys.every((k) => isObject(v[k]));

/** Enough of each kind's shape for the result views to draw it (a damaged list item is left out, not drawn). */
function looksLikeResult(v: Json): boolean {
  switch (v.kind) {
    case "representation":
      return (
        hasObjects(v, ["overall", "cohorts", "bands", "unbanded", "senior"]) &&
        hasObjects(v.cohorts as Json, ["non-clinical", "clinical", "medical"]) &&
        hasObjects(v.senior as Json, ["8a-VSM", "8c-VSM"])
      );
    case "relative-likelihood":
      return hasObjects(v, ["white", "bme", "adverseBand"]) && Array.isArray(v.cautions) && Array.isArray(v.years);
    case "survey":
      return Array.isArray(v.cautions);
    case "board-difference":
      return (
        hasObjects(v, ["voting", "executive"]) &&
        hasObjects(v.voting as Json, ["members"]) &&
        hasObjects(v.executive as Json, ["members"])
      );
    default:
      return false;
  }
}

function publicationOf(v: unknown): SavedPublication | null {
  if (!isObject(v) || typeof v.threshold !== "number" || !Number.isFinite(v.threshold) || v.threshold < 1) return null;
  const text = (x: unknown) => (typeof x === "string" ? x : null);
  return {
    threshold: v.threshold,
    publishBoardComposition: v.publishBoardComposition !== false,
    savedBy: text(v.savedBy),
    organisation: text(v.organisation),
    snapshotDate: text(v.snapshotDate),
    ...(isObject(v.modelEmployer) && Array.isArray(v.modelEmployer.bands)
      ? { modelEmployer: v.modelEmployer as unknown as ModelEmployerResult }
      : {}),
    ...(Array.isArray(v.breakdownsLeftOut)
      ? {
          breakdownsLeftOut: v.breakdownsLeftOut.filter(
            (d): d is BreakdownDimension => typeof d === "string" && isDimension(d),
          ),
        }
      : {}),
  };
}

/** A saved detail read back: the indicator's result and what was saved with it; null when it is not one (entered, damaged). */
export function parseSavedDetail(
  detail: string,
): { result: IndicatorResult; publication: SavedPublication | null } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return null;
  }
  if (!isObject(parsed) || !looksLikeResult(parsed)) return null;
  const { [PUBLICATION_KEY]: publication, [SERIES_BREAK_KEY]: _break, ...result } = parsed;
  return { result: result as unknown as IndicatorResult, publication: publicationOf(publication) };
}

export interface SavedResults {
  year: string;
  /** A publishable results document rebuilt from the saved rows (suppressed again at the saved threshold). */
  doc: ResultsDocument;
  threshold: number;
  /** The newest Modified of the year's rows, and who saved them when that was recorded. */
  savedAt: string | null;
  savedBy: string | null;
  /** Indicators of that year whose saved detail could not be read back. */
  unreadable: IndicatorNumber[];
  /** Breakdowns left out when saving because the detail would have been too long for SharePoint. */
  leftOut: LeftOut;
}

const NO_DATA_QUALITY: DataQuality = {
  inputs: {},
  thresholds: { caution: 0, unreliable: 0 },
  warnings: [],
  sheets: [],
  rowsExcluded: 0,
  exclusions: {},
  issues: { errors: 0, warnings: 0 },
};

function documentOf(
  standard: string,
  year: string,
  indicators: Record<string, IndicatorResult>,
  publication: SavedPublication | null,
): ResultsDocument {
  return {
    schemaVersion: 2,
    audience: "protected",
    notice: PROTECTED_NOTICE,
    standard,
    period: year,
    organisation: publication?.organisation ?? null,
    snapshotDate: publication?.snapshotDate ?? null,
    groups: { reference: "white", focus: "bme" },
    indicators,
    related: publication?.modelEmployer && indicators["1"] ? { modelEmployer: publication.modelEmployer } : {},
    dataQuality: structuredClone(NO_DATA_QUALITY),
    comparison: null,
    // Null: the saved details are protected again on the way in (their hidden figures stay hidden).
    suppression: null,
  };
}

const boardOption = (publication: SavedPublication | null) => ({
  publishBoardComposition: publication?.publishBoardComposition ?? true,
});

/**
 * The results of the newest year that has computed rows, as the per-indicator views show them. Details
 * are saved suppressed; they are suppressed again here at the threshold they were saved with (results
 * saved before the threshold was recorded were suppressed at the default, 10), so a list item written
 * by anything else still never shows a small count.
 */
export function savedResults(saved: readonly IndicatorResultRow[], standard = STANDARD_ID): SavedResults | null {
  const computed = saved.filter((r) => r.standard === standard && r.origin === "computed");
  const year = computed
    .map((r) => r.year)
    .sort()
    .at(-1);
  if (year === undefined) return null;
  const rows = computed.filter((r) => r.year === year).sort((a, b) => a.indicator - b.indicator);
  const parsed = rows.map((row) => ({ row, saved: parseSavedDetail(row.detail) }));
  const publication = parsed.find((p) => p.saved?.publication)?.saved?.publication ?? null;
  const threshold = Math.max(...parsed.map((p) => p.saved?.publication?.threshold ?? DEFAULT_THRESHOLD));
  const indicators: Record<string, IndicatorResult> = {};
  const unreadable: IndicatorNumber[] = [];
  for (const { row, saved: one } of parsed) {
    if (!one) {
      unreadable.push(row.indicator);
      continue;
    }
    try {
      // Each alone first: one damaged item must not hide the others.
      suppressResults(
        documentOf(standard, year, { [row.indicator]: one.result }, publication),
        threshold,
        boardOption(publication),
      );
      indicators[String(row.indicator)] = one.result;
    } catch {
      unreadable.push(row.indicator);
    }
  }
  const doc = suppressResults(documentOf(standard, year, indicators, publication), threshold, boardOption(publication));
  const savedAt =
    rows
      .map((r) => r.modified)
      .filter(Boolean)
      .sort()
      .at(-1) ?? null;
  return {
    year,
    doc,
    threshold,
    savedAt,
    savedBy: publication?.savedBy ?? null,
    unreadable,
    leftOut: breakdownsLeftOut(rows),
  };
}

/**
 * The saved results with the bank workers' saved figures of the same year as `doc.bank`, so the views show
 * them beside the substantive ones as they show a run's (a bank year without substantive rows is not shown).
 */
export function withSavedBank(main: SavedResults | null, bank: SavedResults | null): SavedResults | null {
  if (!main || !bank || bank.year !== main.year) return main;
  return { ...main, doc: { ...main.doc, bank: bank.doc } };
}

export type EnteredFigureError = "year" | "indicator" | "value";

/**
 * A figure typed in from an earlier year's published report (origin "entered"). The year is a
 * financial year such as 2022/23; the value is the headline figure as published (RL, % or points).
 */
export function enteredFigure(input: {
  year: string;
  indicator: string;
  value: string;
}): { row: SavedRow } | { error: EnteredFigureError } {
  const year = input.year.trim();
  const match = /^(\d{4})\/(\d{2})$/.exec(year);
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) return { error: "year" };
  const indicator = Number(input.indicator);
  if (!Number.isInteger(indicator) || indicator < 1 || indicator > 9) return { error: "indicator" };
  const text = input.value
    .trim()
    .replace(/%$/, "")
    .replace(/\s*pp$/i, "")
    .replace(",", ".");
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) return { error: "value" };
  const isRatio = indicator >= 2 && indicator <= 4;
  if (isRatio ? value <= 0 : indicator === 9 ? Math.abs(value) > 100 : value < 0 || value > 100)
    return { error: "value" };
  const n = indicator as IndicatorNumber;
  return {
    row: {
      year,
      standard: STANDARD_ID,
      indicator: n,
      value,
      detail: JSON.stringify({ kind: "entered", value }),
      origin: "entered",
    },
  };
}
