// The indicator figures the plan's documents show (the committee paper, the public version in Word and
// in print): each indicator's headline figure for the results' year and the year before, and whether it
// moved the good way. Always the protected audience (docs/disclosure-control.md): a computed row's figure
// is read from its saved detail protected again at the threshold it was saved with (never from the row's
// `value`, which anything could have written), so a figure hidden there is hidden here; a figure typed in
// from a published report was public already. Figures are rounded as the protected copy rounds them. A year
// that begins a new series (src/ui/indicators/series.ts) is not compared with the year before it.
// No docx and no React here: the print view imports this without the Word library.
import { headlineValue, trendOf, formatPoints, roundTo, type Direction, type Trend } from "../indicators";
import {
  INDICATOR_NUMBERS,
  targetFor,
  trajectoryOf,
  type IndicatorFigure,
  type IndicatorNumber,
  type IndicatorResultRow,
} from "../plan";
import { HEADLINE_DIRECTION, STANDARD_ID, headlinePlaces } from "../ui/indicators/headline";
import { savedResults } from "../ui/indicators/saved-results";
import { seriesStarts, type SeriesStart } from "../ui/indicators/series";

/** One year's headline of one indicator. */
export type Figure =
  /** Shown: rounded as published. */
  | { kind: "shown"; value: number; origin: "computed" | "entered" }
  /** Hidden to protect small numbers (the "*" of every protected output). */
  | { kind: "hidden" }
  /** Saved, but not calculable, or unreadable: no figure to give. */
  | { kind: "none" }
  /** Nothing saved for that year. */
  | { kind: "missing" };

export interface FigureRow {
  indicator: IndicatorNumber;
  direction: Direction;
  current: Figure;
  previous: Figure;
  /** From the two shown figures at display precision; "not-comparable" when either is not shown, or across a break. */
  trend: Trend;
  /** Set when the year begins a new series, with why: its figure is not compared with the year before. */
  newSeries: SeriesStart | null;
  /** The target that speaks for the year (Targets and Comparisons list), or null when none is set. */
  target: FigureTarget | null;
}

/** A target as the documents give it: its value and year, and where the year's figure stands on its trajectory. */
export interface FigureTarget {
  value: number;
  year: string;
  /** Null when the year's figure cannot be judged: no trajectory (no baseline figure), or no figure shown. */
  status: "on-track" | "off-track" | null;
}

export interface PlanFigures {
  /** The results' year (the newest with saved figures), e.g. "2024/25". */
  year: string;
  /** The financial year before it, e.g. "2023/24". */
  previousYear: string;
  /** The small-number threshold the computed figures were protected at (null: none computed). */
  threshold: number | null;
  /** Board composition published in full (true), protected (false), or unknown (no computed figures). */
  publishBoardComposition: boolean | null;
  /** The organisation named in the saved results, when they name one. */
  organisation: string | null;
  rows: FigureRow[];
}

/** "2024/25" -> "2023/24"; anything else is returned as it is (no previous year can be named). */
export function yearBefore(year: string): string {
  const match = /^(\d{4})\/(\d{2})$/.exec(year);
  if (!match) return year;
  const start = Number(match[1]) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

interface YearFigures {
  figures: Map<IndicatorNumber, Figure>;
  threshold: number | null;
  publishBoardComposition: boolean | null;
  organisation: string | null;
}

function shownOrNone(value: number | null, indicator: IndicatorNumber, origin: "computed" | "entered"): Figure {
  return value === null || !Number.isFinite(value)
    ? { kind: "none" }
    : { kind: "shown", value: roundTo(value, headlinePlaces(indicator)), origin };
}

function figuresOf(rows: readonly IndicatorResultRow[], year: string): YearFigures {
  const mine = rows.filter((r) => r.standard === STANDARD_ID && r.year === year);
  const figures = new Map<IndicatorNumber, Figure>();
  for (const row of mine)
    if (row.origin === "entered") figures.set(row.indicator, shownOrNone(row.value, row.indicator, "entered"));
  const saved = savedResults(mine.filter((r) => r.origin === "computed"));
  if (!saved) return { figures, threshold: null, publishBoardComposition: null, organisation: null };
  for (const row of mine.filter((r) => r.origin === "computed")) {
    const result = saved.doc.indicators[String(row.indicator)];
    if (!result) {
      figures.set(row.indicator, { kind: "none" });
      continue;
    }
    const value = headlineValue(result, saved.doc.groups);
    figures.set(
      row.indicator,
      value === null
        ? headlineHidden(result)
          ? { kind: "hidden" }
          : { kind: "none" }
        : shownOrNone(value, row.indicator, "computed"),
    );
  }
  return {
    figures,
    threshold: saved.threshold,
    publishBoardComposition: saved.doc.suppression?.publishBoardComposition ?? null,
    organisation: saved.doc.organisation,
  };
}

type Marks = { suppressed?: Partial<Record<string, unknown>> } | null | undefined;
const marked = (obj: Marks, field: string) => obj?.suppressed?.[field] !== undefined;

/** Whether the headline is missing because the protected copy hid it (rather than it not being calculable). */
function headlineHidden(result: NonNullable<ReturnType<typeof savedResults>>["doc"]["indicators"][string]): boolean {
  if (!result) return false;
  switch (result.kind) {
    case "representation":
      return marked(result.overall, "bmePct") || marked(result.overall, "bme");
    case "relative-likelihood":
      return result.reason === "below-threshold";
    case "survey":
      return marked(result, "bmePct") || marked(result, "bmeRespondents");
    case "board-difference":
      return marked(result.voting, "difference") || result.voting.reason === "below-threshold";
  }
}

/**
 * The target for the year and where the year stands on its trajectory, judged as the tab judges it
 * (src/plan/targets.ts) but from the protected figures the documents show: a hidden figure is not judged.
 */
function targetOf(
  indicator: IndicatorNumber,
  year: string,
  /** The targets of these figures' standard. */
  targets: readonly IndicatorFigure[],
  shownIn: (year: string) => number | null,
  years: readonly string[],
): FigureTarget | null {
  const target = targetFor(targets, indicator, year);
  if (!target) return null;
  const trajectory = trajectoryOf(
    target,
    years.map((y) => ({ year: y, value: shownIn(y) })),
    HEADLINE_DIRECTION[indicator],
    headlinePlaces(indicator),
  );
  const status = trajectory.ok ? trajectory.points.find((p) => p.year === year)?.status : undefined;
  return {
    value: target.value,
    year: target.year,
    status: status === "on-track" || status === "off-track" ? status : null,
  };
}

/**
 * The nine indicators' headline figures for the newest year with saved figures (or `year` when given),
 * with the year before and each indicator's target; null when nothing is saved.
 */
export function planFigures(
  rows: readonly IndicatorResultRow[],
  year?: string,
  targets: readonly IndicatorFigure[] = [],
): PlanFigures | null {
  const years = [...new Set(rows.filter((r) => r.standard === STANDARD_ID).map((r) => r.year))].sort();
  const chosen = year ?? years.at(-1);
  if (chosen === undefined || !years.includes(chosen)) return null;
  const previousYear = yearBefore(chosen);
  const now = figuresOf(rows, chosen);
  const before =
    previousYear === chosen ? { figures: new Map<IndicatorNumber, Figure>() } : figuresOf(rows, previousYear);
  const present = INDICATOR_NUMBERS.filter((n) => now.figures.has(n) || before.figures.has(n));
  const startsAt = seriesStarts(rows);
  const ours = targets.filter((t) => t.standard === STANDARD_ID);
  const byYear = new Map<string, YearFigures>([[chosen, now]]);
  const shown = (indicator: IndicatorNumber) => (y: string) => {
    if (!byYear.has(y)) byYear.set(y, figuresOf(rows, y));
    const figure = byYear.get(y)!.figures.get(indicator);
    return figure?.kind === "shown" ? figure.value : null;
  };
  return {
    year: chosen,
    previousYear,
    threshold: now.threshold,
    publishBoardComposition: now.publishBoardComposition,
    organisation: now.organisation,
    rows: present.map((indicator): FigureRow => {
      const current = now.figures.get(indicator) ?? { kind: "missing" };
      const previous = before.figures.get(indicator) ?? { kind: "missing" };
      const direction = HEADLINE_DIRECTION[indicator];
      const newSeries = previous.kind === "missing" ? null : startsAt(indicator, chosen);
      const trend =
        current.kind === "shown" && previous.kind === "shown" && !newSeries
          ? trendOf(current.value, previous.value, direction, headlinePlaces(indicator))
          : "not-comparable";
      const target = targetOf(indicator, chosen, ours, shown(indicator), years);
      return { indicator, direction, current, previous, trend, newSeries, target };
    }),
  };
}

/** The mark of a hidden figure, as every protected output writes it. */
export const HIDDEN_FIGURE = "*";

/** A figure as the documents write it: "1.84", "13.3%", "+2.1 pp", "*" when hidden, "–" when there is none. */
export function figureText(indicator: IndicatorNumber, figure: Figure): string {
  if (figure.kind === "hidden") return HIDDEN_FIGURE;
  if (figure.kind !== "shown") return "–";
  const places = headlinePlaces(indicator);
  const text = roundTo(figure.value, places).toFixed(places);
  if (indicator >= 2 && indicator <= 4) return text;
  if (indicator === 9) return formatPoints(roundTo(figure.value, places));
  return `${text}%`;
}

/** Whether any figure of the table is hidden (the documents then explain the mark). */
export function anyHidden(figures: PlanFigures): boolean {
  return figures.rows.some((r) => r.current.kind === "hidden" || r.previous.kind === "hidden");
}
