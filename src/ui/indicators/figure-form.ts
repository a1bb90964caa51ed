// What the target and comparison form takes: the text a plan editor typed, checked field by field and
// turned into a figure to save (or the problems, each naming its field). The direction of good is the
// indicator's, never typed.
import {
  COMPARATORS,
  isFinancialYear,
  planYearStart,
  type Comparator,
  type FigureKind,
  type IndicatorFigureDraft,
  type IndicatorNumber,
} from "../../plan";
import { HEADLINE_DIRECTION, STANDARD_ID } from "./headline";

/** SharePoint's single line of text holds 255 characters (name and source). */
export const FIGURE_TEXT_LIMIT = 255;

export interface FigureInput {
  kind: FigureKind;
  indicator: string;
  value: string;
  year: string;
  /** "" for the earliest saved year. */
  baselineYear: string;
  comparator: string;
  name: string;
  source: string;
}

export type FigureProblem =
  | "indicator"
  | "value"
  | "year"
  | "baselineYear"
  | "baselineNotBefore"
  | "comparator"
  | "name"
  | "nameTooLong"
  | "source"
  | "sourceTooLong";

export function blankFigureInput(kind: FigureKind, indicator: IndicatorNumber = 2): FigureInput {
  return {
    kind,
    indicator: String(indicator),
    value: "",
    year: "",
    baselineYear: "",
    comparator: "national",
    name: "",
    source: "",
  };
}

/** A figure's input as the form shows it, for editing. */
export function figureInputOf(figure: IndicatorFigureDraft): FigureInput {
  return {
    kind: figure.kind,
    indicator: String(figure.indicator),
    value: String(figure.value),
    year: figure.year,
    baselineYear: figure.baselineYear ?? "",
    comparator: figure.comparator ?? "national",
    name: figure.name ?? "",
    source: figure.source ?? "",
  };
}

/** "1.25", "80%", "80 %", "+2.1 pp", "1,25": the headline as published, in the indicator's range. */
export function parseHeadline(indicator: IndicatorNumber, text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/\s*%$/, "")
    .replace(/\s*pp$/i, "")
    .replace(",", ".");
  const value = Number(cleaned);
  if (cleaned === "" || !Number.isFinite(value)) return null;
  const isRatio = indicator >= 2 && indicator <= 4;
  if (isRatio ? value <= 0 : indicator === 9 ? Math.abs(value) > 100 : value < 0 || value > 100) return null;
  return value;
}

/** The figure to save, or every problem with the input (in the form's order). */
export function figureFromInput(input: FigureInput): { draft: IndicatorFigureDraft } | { problems: FigureProblem[] } {
  const problems: FigureProblem[] = [];
  const n = Number(input.indicator);
  const indicator = Number.isInteger(n) && n >= 1 && n <= 9 ? (n as IndicatorNumber) : null;
  if (indicator === null) problems.push("indicator");
  const value = indicator === null ? null : parseHeadline(indicator, input.value);
  if (indicator !== null && value === null) problems.push("value");
  const year = input.year.trim();
  if (!isFinancialYear(year)) problems.push("year");
  const common = { standard: STANDARD_ID, indicator: indicator ?? 1, value: value ?? 0, year };
  if (input.kind === "target") {
    const baseline = input.baselineYear.trim();
    if (baseline !== "" && !isFinancialYear(baseline)) problems.push("baselineYear");
    else if (baseline !== "" && isFinancialYear(year) && (planYearStart(baseline) ?? 0) >= (planYearStart(year) ?? 0))
      problems.push("baselineNotBefore");
    if (problems.length > 0) return { problems };
    return {
      draft: {
        kind: "target",
        ...common,
        baselineYear: baseline === "" ? null : baseline,
        direction: HEADLINE_DIRECTION[common.indicator],
        comparator: null,
        name: null,
        source: null,
      },
    };
  }
  const comparator = (COMPARATORS as readonly string[]).includes(input.comparator)
    ? (input.comparator as Comparator)
    : null;
  if (comparator === null) problems.push("comparator");
  const name = input.name.trim();
  // England is the nation the NHS England WRES reports on; every other comparator needs its name.
  if (name === "" && comparator !== "national") problems.push("name");
  if (name.length > FIGURE_TEXT_LIMIT) problems.push("nameTooLong");
  const source = input.source.trim();
  if (source === "") problems.push("source");
  if (source.length > FIGURE_TEXT_LIMIT) problems.push("sourceTooLong");
  if (problems.length > 0) return { problems };
  return {
    draft: {
      kind: "comparison",
      ...common,
      baselineYear: null,
      direction: null,
      comparator,
      name: name === "" ? "England" : name,
      source,
    },
  };
}
