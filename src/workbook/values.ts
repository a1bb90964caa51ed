// Parsers for the value spellings real HR extracts use: bands and grades, staff groups,
// yes/no flags, dates (serials or UK text), case types and person identifiers.
import { serialToIso } from "./parts";
import type { AfcBand, CaseType, Cohort, MedicalSubgroup } from "../indicators/input";
import type { CellValue } from "./types";

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

// ---------------------------------------------------------------- bands and grades

export interface ParsedGrade {
  band: AfcBand | null;
  medical: MedicalSubgroup | null;
  recognised: boolean;
}

const AFC =
  /^(?:nhs\s*)?(?:afc\s*|agenda for change\s*)?(?:pay\s*)?(?:band\s*)?([1-9])(?:\s*[-:]?\s*(?:range\s*)?([a-d]))?(?:\s*\(.*\))?$/;
// ESR pay scale codes: XN05 (nursing band 5), XR08A, XA07...
const ESR_SCALE = /^x[a-z]([0-9]{2})([a-d])?$/;

export function medicalSubgroupOf(grade: string): MedicalSubgroup | null {
  const g = grade.toLowerCase();
  if (/\bconsultant\b|medical director|clinical director/.test(g)) return "consultant";
  if (
    /specialty doctor|speciality doctor|associate specialist|staff grade|\bspecialist\b(?! registrar| trainee)|senior clinical medical officer|clinical medical officer|hospital practitioner|clinical assistant|\bsas\b/.test(
      g,
    )
  ) {
    return "non-consultant-career-grade";
  }
  if (
    /foundation|\bfy ?[12]\b|\bf[12]\b|core (medical |surgical |psychiatry )?train|\bct ?[1-3]\b|\bst ?[1-8]\b|registrar|\bstr\b|\bspr\b|specialty train|speciality train|house officer|\bsho\b|\bgp ?(st|train)|trainee|junior doctor|resident doctor/.test(
      g,
    )
  ) {
    return "trainee";
  }
  if (/trust grade|clinical fellow|locum|\bdoctor\b|medical|dental|dentist|physician|surgeon/.test(g)) return "other";
  return null;
}

export function parseGrade(value: CellValue | undefined): ParsedGrade {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1 && value <= 9 && value !== 8)
      return { band: String(value) as AfcBand, medical: null, recognised: true };
    return { band: null, medical: null, recognised: false };
  }
  const raw = cellText(value);
  if (raw === "") return { band: null, medical: null, recognised: true };
  const g = raw.toLowerCase().replace(/\s+/g, " ").trim();
  if (/\bvsm\b|very senior manager|^executive director$|^director$|^non[- ]?afc (executive|director)/.test(g))
    return { band: "VSM", medical: null, recognised: true };
  let m = AFC.exec(g) ?? ESR_SCALE.exec(g);
  if (!m) {
    // "Band 5 Nursing", "AfC Band 8c - Clinical": take the band wherever it appears.
    m = /\bband\s*([1-9])(?:\s*[-:]?\s*(?:range\s*)?([a-d]))?\b/.exec(g);
  }
  if (m) {
    const n = Number(m[1]);
    const range = m[2];
    if (n === 8) {
      if (range) return { band: `8${range}` as AfcBand, medical: null, recognised: true };
      return { band: null, medical: null, recognised: false };
    }
    if (n >= 1 && n <= 9 && !range) return { band: String(n) as AfcBand, medical: null, recognised: true };
  }
  const medical = medicalSubgroupOf(g);
  if (medical) return { band: null, medical, recognised: true };
  return { band: null, medical: null, recognised: false };
}

// ---------------------------------------------------------------- staff groups and cohorts

/**
 * ESR staff groups -> cohort for indicator 1 (docs/wres-method.md#pay-bands-and-cohorts: the mapping is a setting with sensible defaults).
 * ReadOptions.staffGroupCohorts adds to or overrides these by name. Names match ignoring case, spaces and
 * punctuation ("Add Prof Scientific and Technic" = "ADD PROF SCIENTIFIC & TECHNIC").
 */
export const DEFAULT_STAFF_GROUP_COHORTS: Readonly<Record<string, Cohort>> = Object.freeze({
  "Add Prof Scientific and Technic": "clinical",
  "Additional Clinical Services": "clinical",
  "Administrative and Clerical": "non-clinical",
  "Allied Health Professionals": "clinical",
  "Estates and Ancillary": "non-clinical",
  "Healthcare Scientists": "clinical",
  "Medical and Dental": "medical",
  "Nursing and Midwifery Registered": "clinical",
  Students: "clinical",
});

/** The key a staff group is looked up by: lower case, "&" as "and", letters and digits only. */
export function staffGroupKey(staffGroup: string): string {
  return staffGroup
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A staff-group lookup: the defaults with a user's names laid over them, by staffGroupKey. */
export function staffGroupTable(overrides: Readonly<Record<string, Cohort>> = {}): Map<string, Cohort> {
  const table = new Map<string, Cohort>();
  for (const source of [DEFAULT_STAFF_GROUP_COHORTS, overrides]) {
    for (const [name, cohort] of Object.entries(source)) table.set(staffGroupKey(name), cohort);
  }
  return table;
}

const DEFAULT_TABLE = staffGroupTable();

/**
 * Cohort of an ESR staff group or occupation: the named mapping first (defaults unless another is given),
 * then, for occupations the mapping does not list, the words in the name; null when they say nothing.
 */
export function cohortOfStaffGroup(
  staffGroup: string,
  table: ReadonlyMap<string, Cohort> = DEFAULT_TABLE,
): Cohort | null {
  const named = table.get(staffGroupKey(staffGroup));
  if (named) return named;
  const g = staffGroup.toLowerCase();
  if (/medical|dental|doctor/.test(g) && !/non[- ]?medical/.test(g)) return "medical";
  if (
    /admin|clerical|estates|ancillary|facilities|corporate|management|managerial|non[- ]?clinical|support services/.test(
      g,
    ) &&
    !/clinical support/.test(g)
  )
    return "non-clinical";
  if (
    /nurs|midwi|clinical|allied|health ?care|\bahp\b|therap|scien|technic|pharm|psycholog|paramedic|ambulance|student/.test(
      g,
    )
  )
    return "clinical";
  return null;
}

// ---------------------------------------------------------------- yes / no

const YES = new Set([
  "y",
  "yes",
  "true",
  "t",
  "1",
  "x",
  "✓",
  "✔",
  "ticked",
  "primary",
  "p",
  "appointed",
  "shortlisted",
  "offered",
  "voting",
  "executive",
  "exec",
]);
const NO = new Set([
  "n",
  "no",
  "false",
  "f",
  "0",
  "-",
  "not",
  "secondary",
  "s",
  "non voting",
  "nonvoting",
  "non executive",
  "nonexecutive",
  "non exec",
]);

/** true, false, or null when the value is not a yes/no spelling. Blank is false. */
export function parseYesNo(value: CellValue | undefined): boolean | null {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  const t = value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9✓✔ ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (t === "") return false;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

// ---------------------------------------------------------------- dates

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function iso(y: number, m: number, d: number): string | null {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  const t = Date.UTC(y, m - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** An ISO date (yyyy-mm-dd) from a serial number, ISO text or UK text (dd/mm/yyyy, 31 Mar 2025); else null. */
export function parseDate(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  if (typeof value === "number") return serialToIso(Math.floor(value)); // null outside Excel's dates
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s.*)?$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1])); // UK order: day first
  m = /^(\d{1,2})[\s-]+([a-z]{3,9})[\s-,]+(\d{2}|\d{4})$/i.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase().slice(0, 3)]; // "Sept" and "September" as "sep"
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  if (/^\d+(\.\d+)?$/.test(s)) return parseDate(Number(s));
  return null;
}

// ---------------------------------------------------------------- numbers and percentages

export function parseNumber(value: CellValue | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const t = value.trim().replace(/,/g, "").replace(/%$/, "").trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  return Number(t);
}

// ---------------------------------------------------------------- case types

export function parseCaseType(value: CellValue | undefined): CaseType {
  const t = cellText(value).toLowerCase();
  if (/disciplin|conduct|misconduct/.test(t)) return "disciplinary";
  if (/capab|performance|sickness|attendance/.test(t)) return "capability";
  if (/grievance|bullying|harassment|dignity|whistl/.test(t)) return "grievance";
  return "other";
}

// ---------------------------------------------------------------- person identifiers

/** A person identifier comparable across extracts: "00012345" and 12345 are the same person. */
export function normalisePersonId(value: CellValue | undefined): string | null {
  if (typeof value === "number") return String(value);
  const t = cellText(value);
  if (t === "") return null;
  // Fast path for the common case (digits only, no leading zero) without regular expressions.
  let digits = true;
  for (let i = 0; i < t.length && digits; i++) {
    const c = t.charCodeAt(i);
    digits = c >= 48 && c <= 57;
  }
  if (digits) return t.charCodeAt(0) === 48 ? t.replace(/^0+(?=\d)/, "") : t;
  if (/^\d+(\.0+)?$/.test(t)) return String(Number(t));
  return t.toUpperCase();
}

/** The person part of an ESR assignment number ("12345678-2" -> "12345678"). */
export function personOfAssignment(value: CellValue | undefined): string | null {
  const id = normalisePersonId(value);
  return id === null ? null : id.replace(/-\d{1,2}$/, "");
}
