// Synthetic HR extracts for a made-up NHS trust, shaped like the real ones WRES leads work from:
// an ESR staff-in-post extract with title rows above the header, code-and-label ethnicity
// ("CA White English"), "Band 8 - Range A" bands, bank rows and second assignments, medical
// grades; a recruitment extract (one row per application); employee relations cases and CPD
// extracts that carry only the employee number; a board sheet and published staff survey results.
// No names, no real people: identifiers are generated numbers, roles are job titles.
import type { InputFile } from "../workbook/types";
import { createRandom, weights, type Random, type WeightTable } from "./random";
import { writeXlsx, type WriterCell, type SheetSpec } from "./xlsx-writer";

export interface TrustOptions {
  /** Rows in the staff-in-post extract (people plus second assignments and bank rows). */
  staff: number;
  seed?: number;
  /** Reporting year, e.g. "2024/25" (snapshot 31 March 2025). */
  year?: string;
  /** Deflate level for the workbooks (1 is fastest). */
  compression?: 1 | 6;
}

export interface Trust {
  files: InputFile[];
  /** Row counts per extract, for benchmarks and tests. */
  rows: { staff: number; applications: number; cases: number; training: number; board: number; survey: number };
}

type Group = "white" | "bme" | "unknown";
type StaffGroup =
  | "Nursing and Midwifery Registered"
  | "Additional Clinical Services"
  | "Administrative and Clerical"
  | "Medical and Dental"
  | "Allied Health Professionals"
  | "Add Prof Scientific and Technic"
  | "Estates and Ancillary"
  | "Healthcare Scientists";

const STAFF_GROUPS = weights<StaffGroup>({
  "Nursing and Midwifery Registered": 27,
  "Additional Clinical Services": 22,
  "Administrative and Clerical": 20,
  "Medical and Dental": 11,
  "Allied Health Professionals": 7,
  "Add Prof Scientific and Technic": 4,
  "Estates and Ancillary": 6,
  "Healthcare Scientists": 3,
});

type Band = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8a" | "8b" | "8c" | "8d" | "9" | "VSM";
type MedicalGrade =
  | "Consultant"
  | "Specialty Doctor"
  | "Associate Specialist"
  | "Specialist"
  | "Specialty Registrar"
  | "Core Trainee"
  | "Foundation Year 1"
  | "Foundation Year 2"
  | "Clinical Fellow";

const BANDS_BY_GROUP: Record<Exclude<StaffGroup, "Medical and Dental">, WeightTable<Band>> = {
  "Nursing and Midwifery Registered": weights<Band>({ "5": 45, "6": 30, "7": 17, "8a": 5, "8b": 2, "8c": 0.7, "8d": 0.3 }),
  "Additional Clinical Services": weights<Band>({ "2": 35, "3": 45, "4": 18, "5": 2 }),
  "Administrative and Clerical": weights<Band>({
    "2": 15, "3": 25, "4": 22, "5": 12, "6": 8, "7": 7, "8a": 4.5, "8b": 2.5, "8c": 1.5, "8d": 1, "9": 0.5, VSM: 0.6,
  }),
  "Allied Health Professionals": weights<Band>({ "5": 25, "6": 35, "7": 28, "8a": 9, "8b": 3 }),
  "Add Prof Scientific and Technic": weights<Band>({ "4": 10, "5": 15, "6": 20, "7": 25, "8a": 15, "8b": 8, "8c": 5, "8d": 2 }),
  "Estates and Ancillary": weights<Band>({ "1": 5, "2": 50, "3": 25, "4": 10, "5": 5, "6": 3, "7": 1, "8a": 1 }),
  "Healthcare Scientists": weights<Band>({ "5": 20, "6": 25, "7": 30, "8a": 15, "8b": 7, "8c": 3 }),
};

const MEDICAL_GRADES = weights<MedicalGrade>({
  Consultant: 38,
  "Specialty Doctor": 14,
  "Associate Specialist": 2,
  Specialist: 2,
  "Specialty Registrar": 24,
  "Core Trainee": 7,
  "Foundation Year 1": 6,
  "Foundation Year 2": 6,
  "Clinical Fellow": 1,
});

/** ESR writes bands as "Band 5" and "Band 8 - Range A". */
function esrBand(band: Band): string {
  if (band === "VSM") return "VSM";
  if (band.startsWith("8")) return `Band 8 - Range ${band.slice(1).toUpperCase()}`;
  return `Band ${band}`;
}

/** Probability of a BME person by band: higher at band 5 and among doctors, lower at senior bands. */
const BME_SHARE: Record<Band | MedicalGrade, number> = {
  "1": 0.2, "2": 0.24, "3": 0.24, "4": 0.22, "5": 0.42, "6": 0.3, "7": 0.22,
  "8a": 0.16, "8b": 0.13, "8c": 0.1, "8d": 0.09, "9": 0.07, VSM: 0.08,
  Consultant: 0.4, "Specialty Doctor": 0.62, "Associate Specialist": 0.55, Specialist: 0.55,
  "Specialty Registrar": 0.5, "Core Trainee": 0.48, "Foundation Year 1": 0.4, "Foundation Year 2": 0.42,
  "Clinical Fellow": 0.7,
};
const UNKNOWN_SHARE = 0.03;

// ESR ethnic origin values: national code and label, or a local code (second character) and label.
const ESR_WHITE = weights({
  "A White - British": 78,
  "B White - Irish": 3,
  "C White - Any other White background": 8,
  "CA White English": 4,
  "CB White Scottish": 1,
  "CC White Welsh": 1,
  "CP White Polish": 3,
  "CX White Mixed": 1,
  "C3 White Unspecified": 1,
});
const ESR_BME = weights({
  "D Mixed - White & Black Caribbean": 2,
  "E Mixed - White & Black African": 1.5,
  "F Mixed - White & Asian": 2,
  "G Mixed - Any other mixed background": 2.5,
  "H Asian or Asian British - Indian": 22,
  "J Asian or Asian British - Pakistani": 8,
  "K Asian or Asian British - Bangladeshi": 3,
  "L Asian or Asian British - Any other Asian background": 9,
  "LB Asian Punjabi": 1,
  "LK Asian Sri Lankan": 2,
  "M Black or Black British - Caribbean": 6,
  "N Black or Black British - African": 18,
  "P Black or Black British - Any other Black background": 3,
  "PC Black Nigerian": 2,
  "R Chinese": 3,
  "S Any Other Ethnic Group": 6,
  "SC Filipino": 9,
});
const ESR_UNKNOWN = weights({ "Z Not Stated": 90, "": 10 });

// Recruitment systems (NHS Jobs, TRAC) export the label alone.
const LABEL_WHITE = weights({
  "White - British": 80,
  "White - Irish": 4,
  "White - Any other White background": 16,
});
const LABEL_BME = weights({
  "Mixed - White & Black Caribbean": 2,
  "Mixed - White & Black African": 2,
  "Mixed - White & Asian": 2,
  "Mixed - Any other mixed background": 2,
  "Asian or Asian British - Indian": 24,
  "Asian or Asian British - Pakistani": 10,
  "Asian or Asian British - Bangladeshi": 3,
  "Asian or Asian British - Any other Asian background": 9,
  "Black or Black British - Caribbean": 5,
  "Black or Black British - African": 30,
  "Black or Black British - Any other Black background": 3,
  Chinese: 3,
  "Any other ethnic group": 5,
});
const LABEL_UNKNOWN = weights({ "Not stated": 100 });

const DIRECTORATES = [
  "Medicine",
  "Surgery",
  "Women and Children",
  "Clinical Support Services",
  "Emergency Care",
  "Community Services",
  "Corporate Services",
  "Estates and Facilities",
];

const JOB_ROLES: Record<StaffGroup, readonly string[]> = {
  "Nursing and Midwifery Registered": ["Staff Nurse", "Sister/Charge Nurse", "Midwife", "Nurse Manager", "Specialist Nurse Practitioner"],
  "Additional Clinical Services": ["Healthcare Assistant", "Nursery Nurse", "Support Worker", "Maternity Support Worker"],
  "Administrative and Clerical": ["Administrator", "Clerical Worker", "Manager", "Secretary", "Receptionist"],
  "Medical and Dental": ["Consultant", "Specialty Doctor", "Specialty Registrar", "Foundation Doctor"],
  "Allied Health Professionals": ["Physiotherapist", "Occupational Therapist", "Radiographer - Diagnostic", "Dietitian"],
  "Add Prof Scientific and Technic": ["Pharmacist", "Psychologist", "Pharmacy Technician"],
  "Estates and Ancillary": ["Domestic Services", "Porter", "Catering", "Estates Officer"],
  "Healthcare Scientists": ["Biomedical Scientist", "Clinical Scientist", "Healthcare Science Practitioner"],
};

interface Person {
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

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function dateWithinYear(rng: Random, startYear: number): string {
  // A day from 1 April of startYear to 31 March of the next year.
  const start = Date.UTC(startYear, 3, 1);
  const day = rng.int(0, 364);
  return new Date(start + day * 86_400_000).toISOString().slice(0, 10);
}

function ukDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function drawGroup(rng: Random, bmeShare: number, unknownShare = UNKNOWN_SHARE): Group {
  const r = rng.next();
  if (r < unknownShare) return "unknown";
  return r < unknownShare + (1 - unknownShare) * bmeShare ? "bme" : "white";
}

function esrEthnicity(rng: Random, group: Group): string {
  return rng.weighted(group === "white" ? ESR_WHITE : group === "bme" ? ESR_BME : ESR_UNKNOWN);
}

function makePeople(rng: Random, rows: number, snapshotYear: number): Person[] {
  const people: Person[] = [];
  let used = 0;
  let employee = 20_000_000 + rng.int(0, 99_999);
  while (used < rows) {
    employee += rng.int(1, 9);
    const bankOnly = rng.chance(0.06);
    const staffGroup: StaffGroup = bankOnly
      ? rng.pick(["Additional Clinical Services", "Nursing and Midwifery Registered", "Administrative and Clerical"] as const)
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
      grade = esrBand(band);
      shareKey = band;
    }
    const group = drawGroup(rng, BME_SHARE[shareKey], bankOnly ? 0.08 : UNKNOWN_SHARE);
    let jobRole = rng.pick(JOB_ROLES[staffGroup]);
    if (staffGroup === "Medical and Dental") {
      jobRole = grade === "Consultant" ? (rng.chance(0.04) ? rng.pick(["Clinical Director", "Medical Director"]) : "Consultant") : grade;
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
        second = { category, grade: esrBand(rng.weighted(lower)), jobRole: rng.pick(JOB_ROLES["Administrative and Clerical"]) };
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

const DISABILITY = weights({ No: 78, Yes: 5, "Not Declared": 14, "Prefer Not To Answer": 3 });

const STAFF_HEADER = [
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

function* staffRows(people: Person[], snapshot: string): Generator<WriterCell[]> {
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

interface Application {
  vacancy: string;
  post: string;
  grade: string;
  date: string;
  ethnicity: string;
  shortlisted: boolean;
  appointed: boolean;
}

function makeApplications(rng: Random, count: number, startYear: number): Application[] {
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

interface Case {
  reference: string;
  employeeNumber: string;
  type: string;
  stage: string;
  date: string;
  outcome: string;
}

const CASE_OUTCOMES = ["No Case to Answer", "Informal Action", "First Written Warning", "Final Written Warning", "Dismissal", "Ongoing"];

function makeCases(rng: Random, people: Person[], startYear: number): Case[] {
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

const COURSES = [
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

interface Course {
  employeeNumber: string;
  title: string;
  category: string;
  date: string;
}

function makeTraining(rng: Random, people: Person[], startYear: number): Course[] {
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

const BOARD_ROLES: { role: string; voting: boolean; executive: boolean }[] = [
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

const SURVEY = [
  { indicator: 5, question: "Q14a Harassment, bullying or abuse from patients, relatives or the public in the last 12 months", white: 25.4, bme: 29.3 },
  { indicator: 6, question: "Q14b/c Harassment, bullying or abuse from staff in the last 12 months", white: 21.2, bme: 26.1 },
  { indicator: 7, question: "Q15 Organisation acts fairly with regard to career progression or promotion", white: 58.7, bme: 46.2 },
  { indicator: 8, question: "Q16b Experienced discrimination from a manager, team leader or colleagues in the last 12 months", white: 6.3, bme: 15.8 },
];

function ymd(file: string, year: string): string {
  return `${file}-${year.replace("/", "-")}.xlsx`;
}

/**
 * The staff-in-post extract's rows as generateTrust writes them (title rows, header, one row per
 * assignment), for tests and the benchmark that write the same extract in other writers' shapes.
 */
export function staffExtractRows(options: Pick<TrustOptions, "staff" | "seed" | "year">): Iterable<WriterCell[]> {
  const { end } = parseYear(options.year ?? "2024/25");
  const people = makePeople(createRandom(options.seed ?? 1), options.staff, end);
  return staffRows(people, isoDate(end, 3, 31));
}

/** Generates the trust's workbooks. The same options give the same bytes. */
export function generateTrust(options: TrustOptions): Trust {
  const seed = options.seed ?? 1;
  const year = options.year ?? "2024/25";
  const { start, end } = parseYear(year);
  if (!Number.isInteger(options.staff) || options.staff < 1) throw new Error("staff must be a positive whole number");
  const snapshot = isoDate(end, 3, 31);
  const level = options.compression ?? 6;
  const people = makePeople(createRandom(seed), options.staff, end);
  const staffRowCount = people.reduce((n, p) => n + (p.second ? 2 : 1), 0);
  const files: InputFile[] = [];
  const widths = (n: number, w = 18): number[] => Array.from({ length: n }, () => w);

  files.push({
    name: ymd("staff-in-post", year),
    bytes: writeXlsx(
      [{ name: "Staff in Post", rows: staffRows(people, snapshot), boldRows: [1, 4], merges: ["A1:F1", "A2:F2"], widths: widths(STAFF_HEADER.length) }],
      { level },
    ),
  });

  const applications = makeApplications(createRandom(seed + 1), Math.round(options.staff * 0.6), start);
  files.push({
    name: ymd("recruitment", year),
    bytes: writeXlsx(
      [
        {
          name: "Applications",
          rows: (function* () {
            yield [`Applications by Ethnic Group - ${ukDate(isoDate(start, 4, 1))} to ${ukDate(snapshot)}`];
            yield ["Source: TRAC recruitment system"];
            yield ["Vacancy Reference", "Post Title", "Pay Band", "Date Received", "Ethnic Group", "Shortlisted", "Appointed"];
            for (const a of applications) {
              yield [a.vacancy, a.post, a.grade, { date: a.date }, a.ethnicity, a.shortlisted ? "Yes" : "No", a.appointed ? "Y" : "N"];
            }
          })(),
          boldRows: [1, 3],
          widths: widths(7, 22),
        },
      ],
      { level },
    ),
  });

  // Case-management extracts usually span more than one year: two years let indicator 3 use the
  // national template's two-year rolling figure.
  const cases = makeCases(createRandom(seed + 2), people, start - 1).concat(makeCases(createRandom(seed + 5), people, start));
  files.push({
    name: ymd("employee-relations", year),
    bytes: writeXlsx(
      [
        {
          name: "ER Cases",
          rows: (function* () {
            yield [`Employee Relations Cases ${start - 1}/${String(start % 100).padStart(2, "0")} to ${year}`];
            yield [];
            yield ["Case Reference", "Employee Number", "Case Type", "Stage", "Date Opened", "Outcome"];
            for (const c of cases) yield [c.reference, c.employeeNumber, c.type, c.stage, { date: c.date }, c.outcome];
          })(),
          boldRows: [1, 3],
          widths: widths(6, 20),
        },
      ],
      { level },
    ),
  });

  const training = makeTraining(createRandom(seed + 3), people, start);
  files.push({
    name: ymd("cpd-training", year),
    bytes: writeXlsx(
      [
        {
          name: "Non-mandatory Training",
          rows: (function* () {
            yield [`Non-Mandatory Training and CPD ${year}`];
            yield ["Employee Number", "Course Title", "Course Category", "Completion Date"];
            for (const t of training) yield [t.employeeNumber, t.title, t.category, { date: t.date }];
          })(),
          boldRows: [1, 2],
          widths: [18, 36, 18, 18],
        },
      ],
      { level },
    ),
  });

  const rng = createRandom(seed + 4);
  const board = BOARD_ROLES.map((r) => ({ ...r, ethnicity: esrEthnicity(rng, drawGroup(rng, 0.16, 0)) }));
  const surveyRespondents = Math.max(20, Math.round(people.length * 0.45));
  const survey = SURVEY.map((s) => ({
    ...s,
    white: Math.round((s.white + (rng.next() - 0.5) * 4) * 10) / 10,
    bme: Math.round((s.bme + (rng.next() - 0.5) * 4) * 10) / 10,
  }));
  const boardSheet: SheetSpec = {
    name: "Board",
    rows: (function* () {
      yield [`Trust Board membership at ${ukDate(snapshot)}`];
      yield ["Role", "Ethnic Origin", "Voting Member", "Executive Director"];
      for (const b of board) yield [b.role, b.ethnicity, b.voting ? "Yes" : "No", b.executive ? "Yes" : "No"];
    })(),
    boldRows: [1, 2],
    widths: [34, 40, 16, 18],
  };
  const surveySheet: SheetSpec = {
    name: "Staff Survey",
    rows: (function* () {
      yield [`NHS Staff Survey ${start} - WRES indicators 5 to 8`];
      yield ["Indicator", "Question", "Year", "White %", "BME %", "White Respondents", "BME Respondents"];
      for (const s of survey) {
        yield [s.indicator, s.question, start, s.white, s.bme, Math.round(surveyRespondents * 0.72), Math.round(surveyRespondents * 0.25)];
      }
    })(),
    boldRows: [1, 2],
    widths: [10, 60, 8, 10, 10, 18, 18],
  };
  files.push({ name: ymd("board-and-survey", year), bytes: writeXlsx([boardSheet, surveySheet], { level }) });

  return {
    files,
    rows: {
      staff: staffRowCount,
      applications: applications.length,
      cases: cases.length,
      training: training.length,
      board: board.length,
      survey: survey.length,
    },
  };
}
