// What the breakdown chooser draws and tabulates for one breakdown table (docs/wres-method.md#breakdowns), as
// plain functions: the table's lines (one per row and ethnic column, then the row's total) and the chart's
// points. Every figure comes from breakdownView, so a hidden figure stays hidden and nothing is worked out
// from a hidden one.
import type { BreakdownTable, BreakdownView, ViewFigure } from "../../indicators";
import { point, type ChartPoint } from "./charts/points";

/** One line of the breakdown table: a row of the breakdown (a gender, a directorate…) and one ethnic column. */
export interface BreakdownLine {
  row: string;
  /** An ethnic column, or "total" (the row's total, headcount tables only). */
  column: string;
  count: ViewFigure;
  /** Likelihood tables: the denominator. */
  of: ViewFigure | null;
  /** Headcount: share of the row's total, 0-100. Likelihood: the rate, 0-1. */
  share: ViewFigure;
  /** Likelihood tables, focus columns: against White in the same row. */
  likelihood: ViewFigure | null;
}

export const TOTAL = "total";

export function breakdownLines(view: BreakdownView): BreakdownLine[] {
  return view.rows.flatMap((r) =>
    [...r.cells, ...(r.total ? [r.total] : [])].map((c) => ({
      row: r.row,
      column: c.column,
      count: c.count,
      of: c.of,
      share: c.share,
      likelihood: c.likelihood,
    })),
  );
}

/**
 * What the chart plots: each ethnic group's share of the whole workforce (an ethnic breakdown of indicator 1),
 * the focus groups' share of each row (indicator 1 by gender, directorate…), each focus group's relative
 * likelihood against White in its row (indicators 2-4), or the rate where there is no likelihood (the specific
 * categories, where White is three columns).
 */
export type PlotKind = "share" | "focus-share" | "group-share" | "likelihood" | "rate";

export interface PlotPoint {
  row: string;
  column: string;
  figure: ViewFigure;
}

export interface Plot {
  kind: PlotKind;
  points: PlotPoint[];
  /** Points are told apart by row only (one focus column), by column only (one row), or by both. */
  labelBy: "row" | "column" | "both";
}

export function breakdownPlot(table: BreakdownTable, view: BreakdownView): Plot {
  const focus = view.columns.filter((c) => table.sides[c] === "focus");
  const single = view.rows.length === 1;
  const cellsOf = (
    columns: readonly string[],
    pick: (c: BreakdownView["rows"][number]["cells"][number]) => ViewFigure,
  ) =>
    view.rows.flatMap((r) =>
      r.cells.filter((c) => columns.includes(c.column)).map((c) => ({ row: r.row, column: c.column, figure: pick(c) })),
    );
  const labelBy = (columns: readonly string[]): Plot["labelBy"] =>
    single ? "column" : columns.length === 1 ? "row" : "both";
  if (view.kind === "headcount") {
    if (single) return { kind: "share", points: cellsOf(view.columns, (c) => c.share), labelBy: "column" };
    return {
      kind: focus.length === 1 ? "focus-share" : "group-share",
      points: cellsOf(focus, (c) => c.share),
      labelBy: labelBy(focus),
    };
  }
  const withLikelihood = focus.filter((col) =>
    view.rows.some((r) => r.cells.some((c) => c.column === col && c.likelihood)),
  );
  if (withLikelihood.length > 0)
    return {
      kind: "likelihood",
      points: cellsOf(withLikelihood, (c) => c.likelihood ?? { value: null, hidden: false }),
      labelBy: labelBy(withLikelihood),
    };
  const known = view.columns.filter((c) => table.sides[c] !== "unknown");
  return { kind: "rate", points: cellsOf(known, (c) => c.share), labelBy: labelBy(known) };
}

/** A plot's points for the chart, labelled by `label`, values in the chart's unit (rates as percentages). */
export function chartPoints(plot: Plot, label: (p: PlotPoint) => string): ChartPoint[] {
  return plot.points.map((p) => {
    const v = p.figure.value;
    return point(label(p), plot.kind === "rate" && v !== null ? v * 100 : v, p.figure.hidden);
  });
}
