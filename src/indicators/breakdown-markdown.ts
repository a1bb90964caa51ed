// The command line's --breakdown: a protected copy's breakdowns of one dimension as Markdown tables, one per
// indicator that has it (docs/wres-method.md#breakdowns). Hidden figures show the one mark.
import type { BreakdownDimension, ResultsDocument } from "./types";
import { breakdownView, DIMENSIONS, tableOf, type ViewCell, type ViewFigure } from "./breakdown-view";
import { HIDDEN_MARK } from "./format";
import { EN_GB } from "./messages";
import { table as markdownTable } from "./markdown-table";

export const DIMENSION_LABEL: Record<BreakdownDimension, string> = {
  "ethnic-group": "ethnic group",
  "ethnic-category": "ethnic category",
  gender: "gender",
  "ethnic-group-gender": "ethnic group and gender",
  directorate: "directorate",
  division: "division",
  "staff-group": "staff group",
};
export const ROW_LABEL: Record<string, string> = {
  all: "All",
  "": "Not recorded",
  female: "Female",
  male: "Male",
  other: "Other gender",
  unknown: "Not known",
};
export const COLUMN_LABEL: Record<string, string> = {
  white: "White",
  bme: "BME",
  mixed: "Mixed",
  asian: "Asian",
  black: "Black",
  other: "Other",
  unknown: "Unknown",
  total: "Total",
};

const count = (f: ViewFigure) => (f.hidden ? HIDDEN_MARK : f.value === null ? "n/a" : f.value.toLocaleString("en-GB"));
const pct = (f: ViewFigure) => (f.hidden ? HIDDEN_MARK : f.value === null ? "n/a" : `${f.value.toFixed(1)}%`);
const ratio = (f: ViewFigure | null) =>
  f === null ? "" : f.hidden ? HIDDEN_MARK : f.value === null ? "n/a" : f.value.toFixed(2);

// Own keys only: "toString" or "constructor" is not a dimension (`in` would find them on the prototype).
export const isDimension = (s: string): s is BreakdownDimension => Object.hasOwn(DIMENSION_LABEL, s);
export const DIMENSION_NAMES = Object.keys(DIMENSION_LABEL);

export function renderBreakdownMarkdown<R extends string, F extends string>(
  doc: ResultsDocument<R, F>,
  dimension: BreakdownDimension,
): string {
  if (doc.audience !== "protected") throw new Error("renderBreakdownMarkdown renders a protected copy only");
  const out: string[] = [
    `# Breakdown by ${DIMENSION_LABEL[dimension]}`,
    "",
    `${HIDDEN_MARK} hidden to protect small numbers (docs/disclosure-control.md).`,
    "",
  ];
  const tables = breakdownTables(doc, dimension, "##");
  if (tables.length === 0)
    out.push(
      `No indicator could be broken down by ${DIMENSION_LABEL[dimension]}: the data do not carry it (or the results were saved before breakdowns).`,
      "",
    );
  out.push(...tables, ...teamsLine(doc));
  return out.join("\n");
}

/**
 * The report's section of every breakdown a protected copy carries (none: no lines), one sub-heading per
 * dimension, then a table per indicator (renderMarkdown appends it).
 */
export function breakdownsSection<R extends string, F extends string>(doc: ResultsDocument<R, F>): string[] {
  const dimensions = DIMENSIONS.filter((d) => Object.values(doc.indicators).some((r) => tableOf(r, d) !== null));
  if (dimensions.length === 0) return [];
  const out = [
    "## Breakdowns",
    "",
    `Each indicator by ethnic group, gender, directorate and the other dimensions the data carry. ${HIDDEN_MARK} hidden to protect small numbers: breakdown cells are hidden so that no figure above is (docs/disclosure-control.md#breakdowns).`,
    "",
  ];
  // Counts only (no shares): the report publishes no figure the protected copy does not carry.
  for (const d of dimensions) out.push(`### By ${DIMENSION_LABEL[d]}`, "", ...breakdownTables(doc, d, "####", false));
  out.push(...teamsLine(doc));
  return out;
}

/** One Markdown table per indicator broken down by `dimension`, each under a heading of `level` ("##"). */
function breakdownTables<R extends string, F extends string>(
  doc: ResultsDocument<R, F>,
  dimension: BreakdownDimension,
  level: string,
  /** Headcount cells with their share of the row's total (worked out here from two published counts). */
  shares = true,
): string[] {
  const out: string[] = [];
  for (const [id, result] of Object.entries(doc.indicators)) {
    const table = tableOf(result, dimension);
    if (!table) continue;
    const v = breakdownView(table);
    const label = (c: string) =>
      dimension === "ethnic-category" && c !== "unknown"
        ? `${c} (${COLUMN_LABEL[v.parents?.[c] ?? ""] ?? ""})`
        : (COLUMN_LABEL[c] ?? c);
    const cellText = (c: ViewCell) =>
      v.kind === "headcount"
        ? shares
          ? `${count(c.count)} (${pct(c.share)})`
          : count(c.count)
        : `${count(c.count)} / ${count(c.of ?? { value: null, hidden: false })}${c.likelihood ? `, RL ${ratio(c.likelihood)}` : ""}`;
    // Every computed table has a total column (a likelihood table's too: count / denominator for everyone).
    const totals = v.rows.some((r) => r.total !== null);
    const head = [DIMENSION_LABEL[dimension], ...v.columns.map(label), ...(totals ? ["Total"] : [])];
    out.push(`${level} ${EN_GB[`nhs-england-wres.${id}`] ?? `Indicator ${id}`}`, "");
    if (v.kind === "likelihood")
      out.push("Each cell: count / denominator, and the relative likelihood against White in the same row.", "");
    const rows = v.rows.map((r) => [
      ROW_LABEL[r.row] ?? r.row,
      ...r.cells.map(cellText),
      ...(totals ? [r.total ? cellText(r.total) : "n/a"] : []),
    ]);
    out.push(...markdownTable(head, rows).split("\n"), "");
  }
  return out;
}

function teamsLine<R extends string, F extends string>(doc: ResultsDocument<R, F>): string[] {
  const teams = (doc.indicators["1"] as { teamsWithoutFocus?: { teams: number; without: number } } | undefined)
    ?.teamsWithoutFocus;
  return teams
    ? [`Teams with no BME member: ${teams.without} of ${teams.teams} (names are in the exact results only).`, ""]
    : [];
}
