// The command line's --breakdown: a protected copy's breakdowns of one dimension as Markdown tables, one per
// indicator that has it (docs/wres-method.md#breakdowns). Hidden figures show the one mark.
import type { BreakdownDimension, ResultsDocument } from "./types";
import { breakdownView, tableOf, type ViewCell, type ViewFigure } from "./breakdown-view";
import { HIDDEN_MARK } from "./format";
import { EN_GB } from "./messages";

const DIMENSION_LABEL: Record<BreakdownDimension, string> = {
  "ethnic-group": "ethnic group",
  "ethnic-category": "ethnic category",
  gender: "gender",
  "ethnic-group-gender": "ethnic group and gender",
  directorate: "directorate",
  division: "division",
  "staff-group": "staff group",
};
const ROW_LABEL: Record<string, string> = {
  all: "All",
  "": "Not recorded",
  female: "Female",
  male: "Male",
  other: "Other gender",
  unknown: "Not known",
};
const COLUMN_LABEL: Record<string, string> = {
  white: "White",
  bme: "BME",
  mixed: "Mixed",
  asian: "Asian",
  black: "Black",
  other: "Other",
  unknown: "Unknown",
  total: "Total",
};

const escape = (s: string) =>
  s
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ");
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
  let any = false;
  for (const [id, result] of Object.entries(doc.indicators)) {
    const table = tableOf(result, dimension);
    if (!table) continue;
    any = true;
    const v = breakdownView(table);
    const label = (c: string) =>
      dimension === "ethnic-category" && c !== "unknown"
        ? `${c} (${COLUMN_LABEL[v.parents?.[c] ?? ""] ?? ""})`
        : (COLUMN_LABEL[c] ?? c);
    const cellText = (c: ViewCell) =>
      v.kind === "headcount"
        ? `${count(c.count)} (${pct(c.share)})`
        : `${count(c.count)} / ${count(c.of ?? { value: null, hidden: false })}${c.likelihood ? `, RL ${ratio(c.likelihood)}` : ""}`;
    const head = [DIMENSION_LABEL[dimension], ...v.columns.map(label), ...(v.kind === "headcount" ? ["Total"] : [])];
    out.push(`## ${EN_GB[`nhs-england-wres.${id}`] ?? `Indicator ${id}`}`, "");
    if (v.kind === "likelihood")
      out.push("Each cell: count / denominator, and the relative likelihood against White in the same row.", "");
    out.push(`| ${head.map(escape).join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`);
    for (const r of v.rows)
      out.push(
        `| ${[ROW_LABEL[r.row] ?? r.row, ...r.cells.map(cellText), ...(r.total ? [cellText(r.total)] : [])].map(escape).join(" | ")} |`,
      );
    out.push("");
  }
  if (!any)
    out.push(
      `No indicator could be broken down by ${DIMENSION_LABEL[dimension]}: the data do not carry it (or the results were saved before breakdowns).`,
      "",
    );
  const teams = (doc.indicators["1"] as { teamsWithoutFocus?: { teams: number; without: number } } | undefined)
    ?.teamsWithoutFocus;
  if (teams)
    out.push(`Teams with no BME member: ${teams.without} of ${teams.teams} (names are in the exact results only).`, "");
  return out.join("\n");
}
