// The other extracts' records: recruitment applications, employee relations cases, training, the
// board and the published staff survey results.
import type { Random } from "./random";
import {
  BANDS_BY_GROUP,
  esrBand,
  JOB_ROLES,
  LABEL_BME,
  LABEL_UNKNOWN,
  LABEL_WHITE,
  MEDICAL_GRADES,
  STAFF_GROUPS,
} from "./trust-population";
import { dateWithinYear, drawGroup, type Person } from "./trust-staff";

export interface Application {
  vacancy: string;
  post: string;
  grade: string;
  date: string;
  ethnicity: string;
  shortlisted: boolean;
  appointed: boolean;
}

export function makeApplications(rng: Random, count: number, startYear: number): Application[] {
  const apps: Application[] = [];
  let vacancy = 0;
  let remainingInVacancy = 0;
  let post = "";
  let grade = "";
  let date = "";
  for (let i = 0; i < count; i++) {
    if (remainingInVacancy <= 0) {
      vacancy++;
      remainingInVacancy = rng.int(5, 60);
      const staffGroup = rng.weighted(STAFF_GROUPS);
      if (staffGroup === "Medical and Dental") {
        grade = rng.weighted(MEDICAL_GRADES);
        post = grade;
      } else {
        grade = esrBand(rng.weighted(BANDS_BY_GROUP[staffGroup]));
        post = rng.pick(JOB_ROLES[staffGroup]);
      }
      date = dateWithinYear(rng, startYear);
    }
    remainingInVacancy--;
    const group = drawGroup(rng, 0.47, 0.04);
    const shortlisted = rng.chance(group === "white" ? 0.3 : group === "bme" ? 0.22 : 0.25);
    const appointed = shortlisted && rng.chance(group === "white" ? 0.28 : group === "bme" ? 0.17 : 0.22);
    apps.push({
      vacancy: `${startYear % 100}${String(vacancy).padStart(5, "0")}-V`,
      post,
      grade,
      date,
      ethnicity: rng.weighted(group === "white" ? LABEL_WHITE : group === "bme" ? LABEL_BME : LABEL_UNKNOWN),
      shortlisted,
      appointed,
    });
  }
  return apps;
}

export interface Case {
  reference: string;
  employeeNumber: string;
  type: string;
  stage: string;
  date: string;
  outcome: string;
}

export const CASE_OUTCOMES = [
  "No Case to Answer",
  "Informal Action",
  "First Written Warning",
  "Final Written Warning",
  "Dismissal",
  "Ongoing",
];

export function makeCases(rng: Random, people: Person[], startYear: number): Case[] {
  const cases: Case[] = [];
  for (const p of people) {
    if (p.bankOnly) continue;
    const disciplinaryRate = p.group === "bme" ? 0.012 : p.group === "white" ? 0.007 : 0.009;
    const kinds: [string, number][] = [
      ["Disciplinary", disciplinaryRate],
      ["Grievance", 0.005],
      ["Capability", 0.003],
    ];
    for (const [type, rate] of kinds) {
      if (!rng.chance(rate)) continue;
      cases.push({
        reference: "",
        employeeNumber: p.employeeNumber,
        type,
        stage: rng.pick(["Investigation", "Formal Hearing", "Appeal"]),
        date: dateWithinYear(rng, startYear),
        outcome: rng.pick(CASE_OUTCOMES),
      });
    }
  }
  cases.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cases.forEach((c, i) => {
    c.reference = `ER-${startYear}-${String(i + 1).padStart(5, "0")}`;
  });
  return cases;
}

/**
 * Cases of bank-only workers (the bank population's indicator 3), numbered on from `firstNumber`. Drawn from
 * their own random stream so the substantive extracts stay as they were. Bank-only workers enter formal
 * processes more often than substantive staff in published Bank WRES data, BME workers most.
 */
export function makeBankCases(rng: Random, people: Person[], startYear: number, firstNumber: number): Case[] {
  const cases: Case[] = [];
  for (const p of people) {
    if (!p.bankOnly) continue;
    const rate = p.group === "bme" ? 0.05 : p.group === "white" ? 0.025 : 0.03;
    if (!rng.chance(rate)) continue;
    cases.push({
      reference: `ER-${startYear}-B${String(firstNumber + cases.length).padStart(4, "0")}`,
      employeeNumber: p.employeeNumber,
      type: rng.chance(0.85) ? "Disciplinary" : "Grievance",
      stage: rng.pick(["Investigation", "Formal Hearing", "Appeal"]),
      date: dateWithinYear(rng, startYear),
      outcome: rng.pick(CASE_OUTCOMES),
    });
  }
  return cases;
}

export const COURSES = [
  "Leadership Development Programme",
  "Mentoring Skills",
  "Advanced Clinical Practice Module",
  "Coaching for Managers",
  "Quality Improvement Foundations",
  "Project Management Essentials",
  "Research Skills Workshop",
  "Reciprocal Mentoring",
  "MSc Module - Clinical Leadership",
  "Excel Intermediate",
];

export interface Course {
  employeeNumber: string;
  title: string;
  category: string;
  date: string;
}

export function makeTraining(rng: Random, people: Person[], startYear: number): Course[] {
  const courses: Course[] = [];
  for (const p of people) {
    if (p.bankOnly) continue;
    const rate = p.group === "white" ? 0.42 : p.group === "bme" ? 0.37 : 0.35;
    if (!rng.chance(rate)) continue;
    const n = rng.chance(0.7) ? 1 : rng.int(2, 3);
    for (let i = 0; i < n; i++) {
      courses.push({
        employeeNumber: p.employeeNumber,
        title: rng.pick(COURSES),
        category: rng.chance(0.5) ? "CPD" : "Non-mandatory",
        date: dateWithinYear(rng, startYear),
      });
    }
  }
  return courses;
}

/** Non-mandatory training of bank-only workers (the bank population's indicator 4), from its own random stream. */
export function makeBankTraining(rng: Random, people: Person[], startYear: number): Course[] {
  const courses: Course[] = [];
  for (const p of people) {
    if (!p.bankOnly) continue;
    const rate = p.group === "white" ? 0.24 : p.group === "bme" ? 0.17 : 0.15;
    if (!rng.chance(rate)) continue;
    courses.push({
      employeeNumber: p.employeeNumber,
      title: rng.pick(COURSES),
      category: "CPD",
      date: dateWithinYear(rng, startYear),
    });
  }
  return courses;
}

export const BOARD_ROLES: { role: string; voting: boolean; executive: boolean }[] = [
  { role: "Chair", voting: true, executive: false },
  { role: "Non-Executive Director", voting: true, executive: false },
  { role: "Non-Executive Director", voting: true, executive: false },
  { role: "Non-Executive Director", voting: true, executive: false },
  { role: "Non-Executive Director", voting: true, executive: false },
  { role: "Non-Executive Director", voting: true, executive: false },
  { role: "Associate Non-Executive Director", voting: false, executive: false },
  { role: "Chief Executive", voting: true, executive: true },
  { role: "Chief Financial Officer", voting: true, executive: true },
  { role: "Medical Director", voting: true, executive: true },
  { role: "Chief Nurse", voting: true, executive: true },
  { role: "Chief Operating Officer", voting: true, executive: true },
  { role: "Chief People Officer", voting: false, executive: true },
  { role: "Director of Strategy", voting: false, executive: true },
];

export const SURVEY = [
  {
    indicator: 5,
    question: "Q14a Harassment, bullying or abuse from patients, relatives or the public in the last 12 months",
    white: 25.4,
    bme: 29.3,
  },
  {
    indicator: 6,
    question: "Q14b/c Harassment, bullying or abuse from staff in the last 12 months",
    white: 21.2,
    bme: 26.1,
  },
  {
    indicator: 7,
    question: "Q15 Organisation acts fairly with regard to career progression or promotion",
    white: 58.7,
    bme: 46.2,
  },
  {
    indicator: 8,
    question: "Q16b Experienced discrimination from a manager, team leader or colleagues in the last 12 months",
    white: 6.3,
    bme: 15.8,
  },
];
