// What a reader sees of a breakdown (docs/wres-method.md#breakdowns), as plain data: the tab's table and chart
// and the command line's --breakdown read it. Shares are worked out here from published counts only, so a
// share is shown only when both its count and its row's total are (a hidden figure stays hidden).
import type { BreakdownCell, BreakdownDimension, BreakdownTable } from "./types";
import { TOTAL_COLUMN } from "./breakdowns";

export const DIMENSIONS: readonly BreakdownDimension[] = [
  "ethnic-group",
  "ethnic-category",
  "gender",
  "ethnic-group-gender",
  "directorate",
  "division",
  "staff-group",
];

/** One figure of the view: shown (value), hidden (the one mark), or not calculable (null value, not hidden). */
export interface ViewFigure {
  value: number | null;
  hidden: boolean;
}

export interface ViewCell {
  column: string;
  count: ViewFigure;
  /** Indicator 1: the share of the row's total, 0-100. Indicators 2-4: the rate, 0-1. */
  share: ViewFigure;
  /** Indicators 2-4: the likelihood against the row's reference group (focus columns only). */
  likelihood: ViewFigure | null;
  /** Indicators 2-4: the denominator. */
  of: ViewFigure | null;
}

export interface ViewRow {
  row: string;
  cells: ViewCell[];
  /** The row's total column: everyone in the row (null when the table has no total column). */
  total: ViewCell | null;
}

export interface BreakdownView {
  dimension: BreakdownDimension;
  kind: "headcount" | "likelihood";
  columns: string[];
  rows: ViewRow[];
  parents?: Record<string, string>;
}

/** The dimensions an indicator's result is broken down by, in display order (none for a document saved before schema 3). */
export function dimensionsIn(result: object | undefined): BreakdownDimension[] {
  const tables = tablesOf(result);
  return DIMENSIONS.filter((d) => tables.some((t) => t.dimension === d));
}

/** A result's breakdown tables (any indicator's; none for one saved before schema 3). */
function tablesOf(result: object | undefined): BreakdownTable[] {
  const tables = (result as { breakdowns?: unknown } | undefined)?.breakdowns;
  return Array.isArray(tables) ? (tables as BreakdownTable[]) : [];
}

export function tableOf(result: object | undefined, dimension: BreakdownDimension): BreakdownTable | null {
  const tables = tablesOf(result);
  return tables.find((t) => t.dimension === dimension) ?? null;
}

const figure = (cell: BreakdownCell | undefined, field: "count" | "of" | "rate"): ViewFigure => {
  const v = cell?.[field];
  return { value: typeof v === "number" ? v : null, hidden: cell?.suppressed?.[field] !== undefined };
};

export function breakdownView(table: BreakdownTable): BreakdownView {
  const likelihood = table.rows.some((r) => Object.values(table.cells[r] ?? {}).some((c) => c.of !== undefined));
  const ethnic = table.columns.filter((c) => c !== TOTAL_COLUMN);
  const rows = table.rows.map((row): ViewRow => {
    const cells = table.cells[row] ?? {};
    const total = cells[TOTAL_COLUMN];
    const make = (column: string): ViewCell => {
      const c = cells[column];
      const count = figure(c, "count");
      let share: ViewFigure;
      if (likelihood) share = figure(c, "rate");
      else {
        const of = figure(total, "count");
        const hidden = count.hidden || of.hidden;
        share = { value: !hidden && count.value !== null && of.value ? (count.value / of.value) * 100 : null, hidden };
      }
      let l: ViewFigure | null = null;
      if (likelihood && table.likelihood?.[row] && column in table.likelihood[row]!) {
        const v = table.likelihood[row]![column] ?? null;
        // A likelihood is null when hidden or not calculable: hidden when any figure it comes from is.
        const ref = ethnic.find((x) => table.sides[x] === "reference");
        const from = [c, ref !== undefined ? cells[ref] : undefined];
        const hidden = from.some((x) => x?.suppressed?.count !== undefined || x?.suppressed?.of !== undefined);
        l = { value: v, hidden };
      }
      return { column, count, share, likelihood: l, of: likelihood ? figure(c, "of") : null };
    };
    return { row, cells: ethnic.map(make), total: TOTAL_COLUMN in cells ? make(TOTAL_COLUMN) : null };
  });
  return {
    dimension: table.dimension,
    kind: likelihood ? "likelihood" : "headcount",
    columns: ethnic,
    rows,
    ...(table.parents ? { parents: table.parents } : {}),
  };
}
