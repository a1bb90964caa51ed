// Due dates as plans write them: a date cell, "31/03/2025", "March 2025" (the end of that month),
// "Q3 2024/25" (the end of that financial quarter), or words with no date ("Ongoing").
// A cell with several dates, or text we cannot read, gives no date rather than a guess.
import type { GridCell } from "./types";

export type DueDateReading =
  | { kind: "empty" }
  /** `plain` is false when the cell held words besides the date (the text is worth keeping). */
  | { kind: "date"; iso: string; plain: boolean }
  /** Words that say there is no single date ("Ongoing", "TBC"). */
  | { kind: "none" }
  | { kind: "ambiguous" }
  | { kind: "unknown" };

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ["jan", "january", "ionawr"]],
  [2, ["feb", "february", "chwefror"]],
  [3, ["mar", "march", "mawrth"]],
  [4, ["apr", "april", "ebrill"]],
  [5, ["may", "mai"]],
  [6, ["jun", "june", "mehefin"]],
  [7, ["jul", "july", "gorffennaf"]],
  [8, ["aug", "august", "awst"]],
  [9, ["sep", "sept", "september", "medi"]],
  [10, ["oct", "october", "hydref"]],
  [11, ["nov", "november", "tachwedd"]],
  [12, ["dec", "december", "rhagfyr"]],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;
const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

const NO_DATE =
  /^(on-?going|continuous(ly)?|tbc|tba|tbd|n\/?a|none|various|annual(ly)?|quarterly|monthly|as required|throughout the year|-+)$/;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fullYear(text: string): number {
  const digits = text.replace(/\D/g, "");
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** Excel's 1900 date system: serial 1 is 1900-01-01 and the fictional 1900-02-29 is serial 60. */
function fromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 25_000 || serial > 100_000) return null; // 1968..2173: a plan date, not a count
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The first year of a plan year ("2024/25" -> 2024), or null. */
function planYearStart(planYear: string | undefined): number | null {
  const match = planYear?.match(/(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})/);
  return match ? Number(match[1]) : null;
}

/** End of an NHS financial-year quarter: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar. */
function quarterEnd(quarter: number, fyStart: number): string {
  const [year, month] = quarter === 4 ? [fyStart + 1, 3] : [fyStart, 3 + quarter * 3];
  return `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
}

interface Pattern {
  regex: RegExp;
  read(match: RegExpExecArray, planYear: string | undefined): string | null;
}

// In order: each match is blanked out before the next pattern looks, so "31 March 2025" is one date.
const PATTERNS: Pattern[] = [
  {
    // "end of 2025", "by end 2025": the last day of that calendar year (not "end of 2024/25").
    // "End of December 2025" is left to the month pattern, which reads it the same.
    regex: /\b(?:by\s+)?(?:the\s+)?end\s+(?:of\s+)?(\d{4})\b(?!\s*[/\-–]\s*\d)/g,
    read: (m) => isoDate(Number(m[1]), 12, 31),
  },
  {
    regex: /\b(\d{4})-(\d{2})-(\d{2})(?:t[\d:.]+z?)?/g,
    read: (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    regex: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g,
    read: (m) => isoDate(fullYear(m[3] ?? ""), Number(m[2]), Number(m[1])),
  },
  {
    regex: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})\\.?,?\\s+(\\d{4})\\b`, "g"),
    read: (m) => isoDate(Number(m[3]), MONTHS[m[2] ?? ""] ?? 0, Number(m[1])),
  },
  {
    regex: /\bq([1-4])\s*(?:of\s+)?(?:fy\s*)?(?:(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})\b|(\d{4})\b)?/g,
    read: (m, planYear) => {
      const quarter = Number(m[1]);
      if (m[2]) return quarterEnd(quarter, Number(m[2]));
      if (m[4]) return null; // "Q3 2024": calendar or financial? Not ours to guess.
      const start = planYearStart(planYear);
      return start === null ? null : quarterEnd(quarter, start);
    },
  },
  {
    regex: new RegExp(`\\b(${MONTH})\\.?[\\s,-]*('?\\d{2}|\\d{4})\\b`, "g"),
    read: (m) => {
      const year = fullYear(m[2] ?? "");
      const month = MONTHS[m[1] ?? ""] ?? 0;
      return isoDate(year, month, lastDayOfMonth(year, month));
    },
  },
  {
    // A financial year on its own ("by 2024/25", "end of 2024-25"): its last day.
    regex: /\b(?:fy\s*)?(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})\b/g,
    read: (m) => {
      const start = Number(m[1]);
      const end = fullYear(m[2] ?? "");
      return end === start + 1 ? `${end}-03-31` : null;
    },
  },
];

/** Reads a due-date cell. `planYear` lets a bare "Q3" mean that plan year's third quarter. */
export function readDueDate(cell: GridCell, planYear?: string): DueDateReading {
  if (cell === null || cell === "" || typeof cell === "boolean")
    return { kind: cell === null || cell === "" ? "empty" : "unknown" };
  if (typeof cell === "number") {
    const iso = fromSerial(cell);
    return iso ? { kind: "date", iso, plain: true } : { kind: "unknown" };
  }
  let text = cell.toLowerCase().replace(/\s+/g, " ").trim();
  if (text.length === 0) return { kind: "empty" };
  if (NO_DATE.test(text)) return { kind: "none" };

  const found: string[] = [];
  let unreadable = false;
  for (const pattern of PATTERNS) {
    text = text.replace(pattern.regex, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const iso = pattern.read(match, planYear);
      if (iso) found.push(iso);
      else unreadable = true;
      return " ";
    });
  }
  if (found.length > 1 && new Set(found).size > 1) return { kind: "ambiguous" };
  const iso = found[0];
  if (iso === undefined || unreadable) return { kind: "unknown" };
  const rest = text.replace(/[\s,.;:()&-]+/g, "").replace(/^(by|due|end|of|the|before)+$/, "");
  return { kind: "date", iso, plain: rest.length === 0 };
}
