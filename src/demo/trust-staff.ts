// The trust's people (with second assignments and bank rows) and the ESR staff-in-post extract's rows.
import { type Random, weights } from "./random";
import {
  type Band,
  BANDS_BY_GROUP,
  BME_SHARE,
  DIRECTORATES,
  ESR_BME,
  ESR_UNKNOWN,
  ESR_WHITE,
  esrBand,
  type Group,
  JOB_ROLES,
  MEDICAL_GRADES,
  type MedicalGrade,
  STAFF_GROUPS,
  type StaffGroup,
  UNKNOWN_SHARE,
} from "./trust-population";
import type { WriterCell } from "./xlsx-writer";

export interface Person {
  employeeNumber: string;
  group: Group;
  ethnicity: string;
  staffGroup: StaffGroup;
  grade: string; // "Band 5" or a medical grade
  band: Band | null;
  jobRole: string;
  gender: string;
  disability: string;
  directorate: string;
  wte: number;
  startDate: string;
  bankOnly: boolean;
  category: "Permanent" | "Fixed Term Temp" | "Bank";
  /** A second substantive or bank assignment (a second row in ESR). */
  second: null | { category: "Permanent" | "Fixed Term Temp" | "Bank"; grade: string; jobRole: string };
}

export function parseYear(year: string): { start: number; end: number } {
  const match = /^(\d{4})\/(\d{2})$/.exec(year);
  if (!match) throw new Error(`A reporting year looks like 2024/25, not ${year}`);
  const start = Number(match[1]);
  return { start, end: start + 1 };
}

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function dateWithinYear(rng: Random, startYear: number): string {
  // A day from 1 April of startYear to 31 March of the next year.
  const start = Date.UTC(startYear, 3, 1);
  const day = rng.int(0, 364);
  return new Date(start + day * 86_400_000).toISOString().slice(0, 10);
}

export function ukDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export function drawGroup(rng: Random, bmeShare: number, unknownShare = UNKNOWN_SHARE): Group {
  const r = rng.next();
  if (r < unknownShare) return "unknown";
  return r < unknownShare + (1 - unknownShare) * bmeShare ? "bme" : "white";
}

export function esrEthnicity(rng: Random, group: Group): string {
  return rng.weighted(group === "white" ? ESR_WHITE : group === "bme" ? ESR_BME : ESR_UNKNOWN);
}

/** Bands above which no one in the demo works bank only. */
const BANK_ABOVE = new Set<Band>(["8a", "8b", "8c", "8d", "9", "VSM"]);

export function makePeople(rng: Random, rows: number, snapshotYear: number): Person[] {
  const people: Person[] = [];
  let used = 0;
  let employee = 20_000_000 + rng.int(0, 99_999);
  while (used < rows) {
    employee += rng.int(1, 9);
    const bankOnly = rng.chance(0.06);
    const staffGroup: StaffGroup = bankOnly
      ? rng.pick([
          "Additional Clinical Services",
          "Nursing and Midwifery Registered",
          "Administrative and Clerical",
        ] as const)
      : rng.weighted(STAFF_GROUPS);
    let band: Band | null = null;
    let grade: string;
    let shareKey: Band | MedicalGrade;
    if (staffGroup === "Medical and Dental") {
      const g = rng.weighted(MEDICAL_GRADES);
      grade = g;
      shareKey = g;
    } else {
      band = rng.weighted(BANDS_BY_GROUP[staffGroup]);
      // Bank shifts are worked at bands 2 to 7, not in senior posts (no further draw: the other people stay as they were).
      if (bankOnly && BANK_ABOVE.has(band)) band = "7";
      grade = esrBand(band);
      shareKey = band;
    }
    const group = drawGroup(rng, BME_SHARE[shareKey], bankOnly ? 0.08 : UNKNOWN_SHARE);
    let jobRole = rng.pick(JOB_ROLES[staffGroup]);
    if (staffGroup === "Medical and Dental") {
      jobRole =
        grade === "Consultant"
          ? rng.chance(0.04)
            ? rng.pick(["Clinical Director", "Medical Director"])
            : "Consultant"
          : grade;
    }
    if (band === "VSM") jobRole = "Director";
    const startYear = rng.int(snapshotYear - 30, snapshotYear - 1);
    const wantsSecond = !bankOnly && used + 1 < rows && rng.chance(0.08);
    let second: Person["second"] = null;
    if (wantsSecond) {
      const category = rng.chance(0.6) ? "Bank" : rng.chance(0.5) ? "Permanent" : "Fixed Term Temp";
      second = { category, grade, jobRole };
      if (band && category !== "Bank" && rng.chance(0.5)) {
        const lower = BANDS_BY_GROUP["Administrative and Clerical"];
        second = {
          category,
          grade: esrBand(rng.weighted(lower)),
          jobRole: rng.pick(JOB_ROLES["Administrative and Clerical"]),
        };
      }
    }
    people.push({
      employeeNumber: String(employee),
      group,
      ethnicity: esrEthnicity(rng, group),
      staffGroup,
      grade,
      band,
      jobRole,
      gender: rng.chance(staffGroup === "Medical and Dental" ? 0.5 : 0.79) ? "Female" : "Male",
      disability: rng.weighted(DISABILITY),
      directorate: staffGroup === "Estates and Ancillary" ? "Estates and Facilities" : rng.pick(DIRECTORATES),
      wte: rng.chance(0.7) ? 1 : rng.pick([0.4, 0.5, 0.6, 0.8, 0.9]),
      startDate: isoDate(startYear, rng.int(1, 12), rng.int(1, 28)),
      bankOnly,
      category: bankOnly ? "Bank" : rng.chance(0.92) ? "Permanent" : "Fixed Term Temp",
      second,
    });
    used += second ? 2 : 1;
  }
  return people;
}

export const DISABILITY = weights({ No: 78, Yes: 5, "Not Declared": 14, "Prefer Not To Answer": 3 });

export const STAFF_HEADER = [
  "Employee Number",
  "Assignment Number",
  "Ethnic Origin",
  "Gender",
  "Disability Flag",
  "Staff Group",
  "Job Role",
  "Pay Band",
  "Assignment Category",
  "Primary Assignment",
  "Organisation",
  "Contracted WTE",
  "Assignment Start Date",
];

export function* staffRows(people: Person[], snapshot: string): Generator<WriterCell[]> {
  yield [`Staff in Post - Snapshot ${ukDate(snapshot)}`];
  yield ["Produced from ESR BI"];
  yield [];
  yield STAFF_HEADER;
  for (const p of people) {
    yield [
      p.employeeNumber,
      p.employeeNumber,
      p.ethnicity,
      p.gender,
      p.disability,
      p.staffGroup,
      p.jobRole,
      p.grade,
      p.category,
      "Yes",
      `${p.directorate} Directorate`,
      p.bankOnly ? 0 : p.wte,
      { date: p.startDate },
    ];
    if (p.second) {
      yield [
        p.employeeNumber,
        `${p.employeeNumber}-2`,
        p.ethnicity,
        p.gender,
        p.disability,
        p.staffGroup,
        p.second.jobRole,
        p.second.grade,
        p.second.category,
        "No",
        `${p.directorate} Directorate`,
        p.second.category === "Bank" ? 0 : 0.2,
        { date: p.startDate },
      ];
    }
  }
}
