// Comparison with an earlier year's results: change, and whether it moved the good way.
import type { ComparisonItem, Comparison, Direction, IndicatorResult, ResultsDocument, Trend } from "./types";
import { capitalise } from "./groups";
import { methodChanges } from "./method-change";

interface Headline {
  measure: string;
  value: number | null;
  direction: Direction;
  /** Decimal places shown; a change invisible at that precision is "unchanged". */
  places: number;
  /** The count of people behind a percentage, when it is one. */
  count?: number | null;
}

/** The figures of an indicator that are compared year on year. */
export function headlines<R extends string, F extends string>(
  result: IndicatorResult<R, F>,
  names: { reference: R; focus: F },
): Headline[] {
  const pct = (c: Record<string, number | null | undefined>, key: string) => c[key] ?? null;
  switch (result.kind) {
    case "representation": {
      const focusPct = `${names.focus}Pct`;
      const of = (measure: string, c: unknown): Headline => {
        const rec = c as Record<string, number | null>;
        return { measure, value: pct(rec, focusPct), direction: "higher", places: 1, count: rec[names.focus] ?? null };
      };
      return [
        of(`overall.${focusPct}`, result.overall),
        of(`senior.8a-VSM.${focusPct}`, result.senior["8a-VSM"]),
        of(`senior.8c-VSM.${focusPct}`, result.senior["8c-VSM"]),
      ];
    }
    case "relative-likelihood":
      return [{ measure: "value", value: result.value, direction: "towards-one", places: 2 }];
    case "survey": {
      const focusPct = `${names.focus}Pct`;
      return [
        {
          measure: focusPct,
          value: pct(result as unknown as Record<string, number | null>, focusPct),
          direction: result.direction,
          places: 1,
        },
        { measure: "gap", value: result.gap, direction: "towards-zero", places: 1 },
      ];
    }
    case "board-difference": {
      const boardPct = `board${capitalise(names.focus)}Pct`;
      // Each is a percentage of the board's focus-group members: their count decides whether a publishable copy shows it.
      const members = (kind: "voting" | "executive") =>
        (result[kind].members as unknown as Record<string, number | null>)[names.focus] ?? null;
      return [
        {
          measure: "voting.difference",
          value: result.voting.difference,
          direction: "towards-zero",
          places: 1,
          count: members("voting"),
        },
        {
          measure: "executive.difference",
          value: result.executive.difference,
          direction: "towards-zero",
          places: 1,
          count: members("executive"),
        },
        {
          measure: `voting.${boardPct}`,
          value: pct(result.voting as unknown as Record<string, number | null>, boardPct),
          direction: "higher",
          places: 1,
          count: members("voting"),
        },
      ];
    }
  }
}

function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

/** Distance from what is good, at display precision (smaller is better), for a direction. */
function badness(x: number, direction: Direction): number {
  switch (direction) {
    case "lower":
      return x;
    case "higher":
      return -x;
    case "towards-zero":
      return Math.abs(x);
    case "towards-one":
      // Symmetric on the log scale: 0.8 and 1.25 are equally far from parity.
      return x > 0 ? Math.abs(Math.log(x)) : Infinity;
  }
}

export function trendOf(current: number | null, previous: number | null, direction: Direction, places: number): Trend {
  if (current === null || previous === null) return "not-comparable";
  const c = round(current, places);
  const p = round(previous, places);
  if (c === p) return "unchanged";
  const bc = badness(c, direction);
  const bp = badness(p, direction);
  if (Math.abs(bc - bp) < 1e-9) return "unchanged";
  return bc < bp ? "improved" : "worsened";
}

/**
 * Which way the figure itself moved, at display precision: the arrow shown next to a change. Whether
 * that is better or worse is `trendOf`'s answer (a relative likelihood falling towards 1 is down and better).
 */
export type Movement = "up" | "down" | "level";

export function movementOf(current: number | null, previous: number | null, places: number): Movement | null {
  if (current === null || previous === null) return null;
  const c = round(current, places);
  const p = round(previous, places);
  return c === p ? "level" : c > p ? "up" : "down";
}

export function compareResults<R extends string, F extends string>(
  current: ResultsDocument<R, F>,
  previous: ResultsDocument<R, F>,
): Comparison {
  const items: ComparisonItem[] = [];
  for (const [id, result] of Object.entries(current.indicators)) {
    if (!result) continue;
    const before = previous.indicators[id];
    const prevHeadlines = before && before.kind === result.kind ? headlines(before, previous.groups) : [];
    // A method change (e.g. indicator 3 pooled this year, not last) begins a new series: no move across it.
    const changed = before && before.kind === result.kind ? methodChanges(before, result) : [];
    for (const h of headlines(result, current.groups)) {
      const before = prevHeadlines.find((x) => x.measure === h.measure);
      const p = before?.value ?? null;
      const comparable = changed.length === 0;
      items.push({
        ...(h.count !== undefined ? { counts: { current: h.count, previous: before?.count ?? null } } : {}),
        indicator: id,
        measure: h.measure,
        current: h.value,
        previous: p,
        change: comparable && h.value !== null && p !== null ? h.value - p : null,
        direction: h.direction,
        trend: comparable ? trendOf(h.value, p, h.direction, h.places) : "not-comparable",
        ...(comparable ? {} : { methodChanges: changed }),
      });
    }
  }
  return { previousPeriod: previous.period, items };
}

/**
 * The one figure saved per indicator and year (IndicatorResultRow.value): the focus group's % of all
 * staff for representation, the RL for 2-4, the focus group's % for survey questions, the voting
 * board difference for 9. Null when hidden or not calculable.
 */
export function headlineValue<R extends string, F extends string>(
  result: IndicatorResult<R, F>,
  names: { reference: R; focus: F },
): number | null {
  const all = headlines(result, names);
  const first = result.kind === "board-difference" ? all.find((h) => h.measure === "voting.difference") : all[0];
  return first?.value ?? null;
}
