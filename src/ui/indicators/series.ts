// Breaks in a series (docs/indicator-screens.md#breaks-in-a-series): which saved years begin a new series for
// an indicator, so that no year is compared with the one before as if like for like. A year begins one when
// (a) its saved result records a method that differs from the saved year before it (indicator 3 pooled over
// two years against one year alone, another table or denominator: `methodChanges`), or (b) a plan editor
// recorded a break on it with a reason ("The calculation changed in 2017"), kept in that year's saved detail
// JSON beside the result, so no list column is needed. Pure: rows in, answers out.
import { methodChanges, type MethodChange } from "../../indicators";
import type { IndicatorNumber, IndicatorResultRow } from "../../plan";
import { STANDARD_ID } from "./headline";
import { MAX_NOTE_LENGTH } from "../../plan";
import { fittedDetail, parseSavedDetail, SERIES_BREAK_KEY, type SavedRow } from "./saved-results";

/** A break a plan editor recorded on a saved year: why the series starts again there. */
export interface RecordedBreak {
  reason: string;
  /** Who recorded it, when known. */
  by: string | null;
}

/** Why a saved year begins a new series: what the editor recorded and what the results show changed. */
export interface SeriesStart {
  recorded: RecordedBreak | null;
  changes: MethodChange[];
}

/** The longest reason kept (a sentence; the saved detail itself may be far longer). */
export const MAX_BREAK_REASON = 255;

export type BreakReasonError = "empty" | "long";

/** Whether a reason typed for a break can be recorded: a sentence is asked for, not a tick. */
export function breakReasonError(reason: string): BreakReasonError | null {
  const text = reason.trim();
  if (text === "") return "empty";
  if (text.length > MAX_BREAK_REASON) return "long";
  return null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function parse(detail: string): Json | null {
  try {
    const value: unknown = JSON.parse(detail);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** The break recorded in a saved detail, or null (none, or not readable as one). */
export function recordedBreak(detail: string): RecordedBreak | null {
  const found = parse(detail)?.[SERIES_BREAK_KEY];
  if (!isObject(found) || typeof found.reason !== "string" || found.reason.trim() === "") return null;
  return { reason: found.reason.trim(), by: typeof found.by === "string" ? found.by : null };
}

/** A saved figure's detail that cannot take a break (damaged JSON): saving its year again repairs it. */
export class UnreadableDetailError extends Error {
  constructor() {
    super("The saved figure's detail cannot be read, so no break can be recorded on it.");
    this.name = "UnreadableDetailError";
  }
}

/** A break that would take its saved detail past what the column holds, with no breakdown left to give up. */
export class DetailTooLongError extends Error {
  constructor(length: number) {
    super(
      `With the break, the saved figure's detail would be ${length} characters; the list holds ${MAX_NOTE_LENGTH}.`,
    );
    this.name = "DetailTooLongError";
  }
}

/**
 * The detail with a break recorded on it (or, given null, without one); everything else in it is kept as it was,
 * except that a detail the break would take past the column's limit gives up breakdown tables, as saving does
 * (named in its publication, so the screen says which).
 */
export function withRecordedBreak(detail: string, recorded: RecordedBreak | null): string {
  const parsed = parse(detail);
  if (!parsed) throw new UnreadableDetailError();
  const { [SERIES_BREAK_KEY]: _old, ...rest } = parsed;
  if (!recorded) return JSON.stringify(rest);
  const error = breakReasonError(recorded.reason);
  if (error) throw new Error(`A break's reason is ${error === "empty" ? "missing" : "too long"}.`);
  const text = fittedDetail({ ...rest, [SERIES_BREAK_KEY]: { reason: recorded.reason.trim(), by: recorded.by } });
  if (text.length > MAX_NOTE_LENGTH) throw new DetailTooLongError(text.length);
  return text;
}

const keyOf = (indicator: IndicatorNumber, year: string) => `${indicator}|${year}`;

/** What the two saved years' results record about their method, compared (empty when either is not a computed result). */
function changesBetween(before: IndicatorResultRow, after: IndicatorResultRow): MethodChange[] {
  if (before.origin !== "computed" || after.origin !== "computed") return [];
  const a = parseSavedDetail(before.detail);
  const b = parseSavedDetail(after.detail);
  return a && b ? methodChanges(a.result, b.result) : [];
}

/** Whether (and why) a saved year begins a new series for an indicator; null when it continues the one before. */
export type SeriesStartAt = (indicator: IndicatorNumber, year: string) => SeriesStart | null;

/** Where new series begin: each indicator's saved years in order, each against the saved year before it. */
export function seriesStarts(saved: readonly IndicatorResultRow[], standard = STANDARD_ID): SeriesStartAt {
  const byIndicator = new Map<IndicatorNumber, IndicatorResultRow[]>();
  for (const row of saved) {
    if (row.standard !== standard) continue;
    byIndicator.set(row.indicator, [...(byIndicator.get(row.indicator) ?? []), row]);
  }
  const starts = new Map<string, SeriesStart>();
  for (const [indicator, rows] of byIndicator) {
    rows.sort((a, b) => a.year.localeCompare(b.year));
    rows.forEach((row, i) => {
      const recorded = recordedBreak(row.detail);
      const changes = i === 0 ? [] : changesBetween(rows[i - 1]!, row);
      if (recorded || changes.length > 0) starts.set(keyOf(indicator, row.year), { recorded, changes });
    });
  }
  return (indicator, year) => starts.get(keyOf(indicator, year)) ?? null;
}

/**
 * Rows about to be saved again (a new run of a year already saved) keep the break recorded on the rows they
 * replace: a recomputation must not silently drop what a plan editor wrote. Rows with a break of their own keep it.
 */
export function keepRecordedBreaks(rows: readonly SavedRow[], existing: readonly IndicatorResultRow[]): SavedRow[] {
  return rows.map((row) => {
    if (recordedBreak(row.detail)) return row;
    const before = existing.find(
      (r) => r.year === row.year && r.standard === row.standard && r.indicator === row.indicator,
    );
    const kept = before ? recordedBreak(before.detail) : null;
    return kept ? { ...row, detail: withRecordedBreak(row.detail, kept) } : row;
  });
}
