// The header row of a plan table, in the words published plans use.
import { comparable } from "./text";
import type { GridCell, PlanFieldName } from "./types";

/** A plan field a header names: the fields a column can be mapped to. */
export type PlanField = PlanFieldName;

/**
 * Exact header words (compared without case or punctuation), English and the Welsh of NHS Wales plans, that the
 * looser CONTAINS patterns below do not read as the same field: "Action", "Lead" or "RAG status" need no entry here,
 * since the patterns read them already (headers.test.ts pins each such word to its field).
 */
const SYNONYMS: Record<PlanField, string[]> = {
  objective: ["amcan", "amcanion", "priority", "aim", "theme", "goal", "workstream"],
  number: ["rhif", "cyf", "item", "id"],
  title: [
    "cam gweithredu",
    "camau gweithredu",
    "gweithred",
    "what we will do",
    "what will we do",
    "description",
    "activity",
  ],
  lead: ["arweinydd", "arweinwyr", "who", "accountable", "by whom"],
  dueDate: ["dyddiad", "dyddiad cwblhau", "erbyn pryd", "due", "timescales", "when", "timeframe"],
  milestones: ["cerrig milltir"],
  progress: ["cynnydd", "diweddariad", "current position", "position"],
  kpis: ["evidence"],
  outcomes: ["canlyniadau", "canlyniad", "impact"],
  rag: ["statws", "status", "rating", "r a g"],
  indicators: [],
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
