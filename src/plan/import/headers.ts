// The header row of a plan table, in the words published plans use.
import { comparable } from "./text";
import type { GridCell, PlanFieldName } from "./types";

/** A plan field a header names: the fields a column can be mapped to. */
export type PlanField = PlanFieldName;

/** Exact header words (compared without case or punctuation), English and the Welsh of NHS Wales plans. */
const SYNONYMS: Record<PlanField, string[]> = {
  objective: [
    "amcan",
    "amcanion",
    "objective",
    "objectives",
    "strategic objective",
    "priority",
    "aim",
    "theme",
    "goal",
    "workstream",
  ],
  number: [
    "rhif",
    "cyf",
    "no",
    "ref",
    "ref no",
    "reference",
    "action number",
    "action no",
    "action ref",
    "number",
    "item",
    "id",
  ],
  title: [
    "cam gweithredu",
    "camau gweithredu",
    "gweithred",
    "action",
    "actions",
    "what we will do",
    "action to be taken",
    "actions to be taken",
    "action required",
    "actions required",
    "what will we do",
    "description",
    "activity",
  ],
  lead: [
    "arweinydd",
    "arweinwyr",
    "lead",
    "leads",
    "responsible lead",
    "owner",
    "owners",
    "owner s",
    "action owner",
    "responsible owner",
    "responsible owner s",
    "responsible owners",
    "responsible person",
    "responsible person team",
    "responsibility",
    "who",
    "accountable",
    "lead officer",
    "by whom",
    "exec lead",
    "executive lead",
  ],
  dueDate: [
    "dyddiad",
    "dyddiad cwblhau",
    "erbyn pryd",
    "date",
    "due date",
    "due",
    "timescale",
    "timescales",
    "by when",
    "completion date",
    "target date",
    "deadline",
    "when",
    "timeframe",
  ],
  milestones: ["cerrig milltir", "milestones", "milestone", "key milestones"],
  progress: [
    "cynnydd",
    "diweddariad",
    "progress",
    "update",
    "updates",
    "progress update",
    "latest update",
    "progress to date",
    "current position",
    "position",
  ],
  kpis: [
    "kpis",
    "kpi",
    "measures of success",
    "measure of success",
    "measures",
    "success measures",
    "how will we measure success",
    "how we will measure success",
    "kpis and outcomes",
    "evidence",
  ],
  outcomes: [
    "canlyniadau",
    "canlyniad",
    "outcomes",
    "outcome",
    "expected outcome",
    "expected outcomes",
    "intended outcome",
    "intended outcomes",
    "impact",
  ],
  rag: ["statws", "rag", "status", "rag rating", "rag status", "rating", "r a g", "rag rated"],
  indicators: [
    "wres indicator",
    "wres indicators",
    "indicator",
    "indicators",
    "wres metric",
    "wres metrics",
    "metric",
    "metrics",
    "linked indicators",
  ],
};

const EXACT = new Map<string, PlanField>();
for (const [field, words] of Object.entries(SYNONYMS) as [PlanField, string[]][])
  for (const word of words) EXACT.set(word, field);

/** Looser matches for headers with extra words ("Progress Q2", "Completion date (target)"); order matters. */
const CONTAINS: [RegExp, PlanField][] = [
  [/\brag\b/, "rag"],
  [/^(action )?(no|ref|number)\b|\breference\b/, "number"],
  [/\b(responsib|lead|owner)/, "lead"],
  [/\b(milestone)/, "milestones"],
  [/\b(progress|update)/, "progress"],
  [/\b(kpi|measure)/, "kpis"],
  [/\boutcome/, "outcomes"],
  [/\b(date|timescale|deadline|by when)\b/, "dueDate"],
  [/\b(wres )?(indicator|metric)s?\b/, "indicators"],
  [/\bobjective/, "objective"],
  [/\baction/, "title"],
];

/** The field a header cell names, or null. Long text is never a header. */
export function headerField(cell: GridCell | undefined): PlanField | null {
  if (typeof cell !== "string") return null;
  const words = comparable(cell);
  if (words.length === 0 || words.length > 60) return null;
  const exact = EXACT.get(words);
  if (exact) return exact;
  for (const [pattern, field] of CONTAINS) if (pattern.test(words)) return field;
  return null;
}

export interface HeaderRow {
  /** 0-based index of the header row in the sheet. */
  index: number;
  /** 0-based column index for each field found (progress: every progress column, left to right). */
  columns: Partial<Record<PlanField, number>>;
  progressColumns: number[];
  /** Header cells not understood, and second columns for a field already found. */
  ignored: { column: number; text: string; duplicate: boolean }[];
  firstColumn: number;
  lastColumn: number;
}

/**
 * Reads a row as a header row: at least three understood headers, one of them the action
 * itself, and no long text (a row label such as "What actions do we need to take and why?"
 * followed by a paragraph is not a header).
 */
export function readHeaderRow(
  row: readonly GridCell[],
  index: number,
  options: { lenient?: boolean } = {},
): HeaderRow | null {
  const columns: Partial<Record<PlanField, number>> = {};
  const progressColumns: number[] = [];
  const ignored: HeaderRow["ignored"] = [];
  let understood = 0;
  let firstColumn = -1;
  let lastColumn = -1;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) continue;
    if (typeof cell === "string" && cell.length > 80 && !options.lenient) return null;
    if (firstColumn < 0) firstColumn = c;
    lastColumn = c;
    const field = headerField(cell);
    if (field === null) {
      ignored.push({ column: c, text: String(cell), duplicate: false });
      continue;
    }
    understood++;
    if (field === "progress") progressColumns.push(c);
    if (columns[field] === undefined) columns[field] = c;
    else if (field !== "progress") ignored.push({ column: c, text: String(cell), duplicate: true });
  }
  // The editor's chosen header row is taken as it is (their column mapping fills the gaps).
  if (options.lenient)
    return { index, columns, progressColumns, ignored, firstColumn: Math.max(firstColumn, 0), lastColumn };
  if (understood < 3 || columns.title === undefined) return null;
  if (ignored.filter((i) => !i.duplicate).length > understood) return null;
  return { index, columns, progressColumns, ignored, firstColumn, lastColumn };
}

/** Whether two header rows map the same columns (a header repeated on every printed page). */
export function sameHeader(a: HeaderRow, b: HeaderRow): boolean {
  const keys = new Set([...Object.keys(a.columns), ...Object.keys(b.columns)]) as Set<PlanField>;
  for (const key of keys) if (a.columns[key] !== b.columns[key]) return false;
  return true;
}
