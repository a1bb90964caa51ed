// Which columns each kind of sheet has, the names extracts give them, and how a sheet's header
// row and kind are recognised. Header names are compared case-, space- and punctuation-
// insensitively; all lookups are Maps so a header such as "__proto__" is only ever text.
// Long because most of it is data: KINDS, the header names each kind of extract is known to use; the logic
// around the table is short. docs/column-names.md lists the names for analysts (a test holds the two together).
import type { SheetKind } from "../indicators/input";
import type { CellValue } from "./types";

export interface FieldSpec {
  /** Normalised header names (see normaliseHeader). */
  names: string[];
  /** Looser match on the normalised header, tried after exact names. */
  pattern?: RegExp;
}

export interface KindSpec {
  kind: SheetKind;
  fields: Record<string, FieldSpec>;
  /** Each inner list is "one of these fields must be present". */
  required: string[][];
}

/** Lower case, "%" as "pct", "&" as "and", then letters and digits only. */
export function normaliseHeader(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v)
    .toLowerCase()
    .replace(/%/g, " pct ")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "");
}

const n = (...names: string[]) => names.map((x) => normaliseHeader(x));

const PERSON_ID: FieldSpec = {
  names: n(
    "Employee Number",
    "Employee No",
    "Emp No",
    "Employee ID",
    "Staff Number",
    "Staff No",
    "Staff ID",
    "Person Number",
    "Person ID",
    "Personal Number",
    "ESR Number",
    "ESR ID",
    "Pay Number",
    "Payroll Number",
    "Employee Ref",
    "Employee Reference",
  ),
  pattern: /^(employee|staff|person|esr)(number|no|id|ref)/,
};
const ASSIGNMENT_ID: FieldSpec = { names: n("Assignment Number", "Assignment No", "Assignment ID", "Assignment Ref") };
const ETHNICITY: FieldSpec = {
  names: n(
    "Ethnic Origin",
    "Ethnicity",
    "Ethnic Group",
    "Ethnic Category",
    "Ethnic Code",
    "Ethnic Origin Code",
    "Ethnicity Code",
    "Race",
    "Ethnic Background",
    "Applicant Ethnicity",
    "Ethnic Origin Description",
  ),
  pattern: /ethnic/,
};
const BAND: FieldSpec = {
  names: n(
    "Pay Band",
    "Band",
    "AfC Band",
    "Grade",
    "Pay Grade",
    "Grade Code",
    "Pay Scale",
    "Agenda for Change Band",
    "Banding",
    "Grade/Band",
    "Band/Grade",
    "Pay Band Description",
  ),
  pattern: /^(pay)?(band|grade)/,
};
const STAFF_GROUP: FieldSpec = {
  names: n(
    "Staff Group",
    "Staff Group Description",
    "Occupation Group",
    "Occupational Group",
    "Staff Category",
    "Staff Group Code",
    "Professional Group",
    "Workforce Group",
  ),
  pattern: /staffgroup|occupation(al)?group/,
};
const YEAR: FieldSpec = { names: n("Year", "Survey Year", "Financial Year", "Period", "Reporting Year") };

export const KINDS: KindSpec[] = [
  {
    kind: "staff",
    fields: {
      personId: PERSON_ID,
      assignmentId: ASSIGNMENT_ID,
      ethnicity: ETHNICITY,
      band: BAND,
      staffGroup: STAFF_GROUP,
      jobRole: {
        names: n(
          "Job Role",
          "Job Title",
          "Position Title",
          "Position",
          "Role",
          "Occupation",
          "Occupation Code",
          "Job Role Description",
        ),
      },
      assignmentCategory: {
        names: n(
          "Assignment Category",
          "Contract Type",
          "Contract",
          "Employment Category",
          "Employee Category",
          "Employment Type",
          "Employee Type",
          "Bank",
          "Bank Staff",
          "Contract Status",
          "Person Type",
          "Employment Status",
        ),
      },
      primary: {
        names: n(
          "Primary Assignment",
          "Primary",
          "Primary Flag",
          "Primary Assignment Flag",
          "Is Primary",
          "Assignment Type",
          "Primary Assignment Indicator",
          "Primary Or Secondary",
        ),
      },
      gender: { names: n("Gender", "Sex", "Legal Sex") },
      disability: { names: n("Disability", "Disability Flag", "Disabled", "Disability Status") },
      directorate: {
        names: n(
          "Directorate",
          "Organisation",
          "Care Group",
          "Department",
          "Business Unit",
          "Org L3",
          "Organisation L3",
        ),
      },
      // A level above directorate, and the team (ward, service team) a person works in: for breakdowns.
      division: { names: n("Division", "Division Name", "Clinical Division", "Org L2", "Organisation L2") },
      team: {
        names: n(
          "Team",
          "Team Name",
          "Service Team",
          "Ward",
          "Ward or Team",
          "Ward/Team",
          "Cost Centre",
          "Cost Centre Name",
          "Cost Centre Description",
          "Org L4",
          "Organisation L4",
        ),
      },
      startDate: {
        names: n(
          "Assignment Start Date",
          "Start Date",
          "Date Started",
          "Hire Date",
          "Date of Hire",
          "Latest Start Date",
          "Date Joined",
        ),
      },
      leavingDate: {
        names: n(
          "Leaving Date",
          "End Date",
          "Termination Date",
          "Date Left",
          "Assignment End Date",
          "Projected Assignment End",
        ),
      },
      boardVoting: { names: n("Voting Member", "Board Voting", "Voting Board Member", "Board Voting Member") },
      boardExecutive: { names: n("Executive Director", "Board Executive", "Executive Board Member") },
    },
    required: [["personId", "assignmentId"], ["ethnicity"], ["band", "staffGroup", "assignmentCategory", "primary"]],
  },
  {
    kind: "recruitment",
    fields: {
      ethnicity: ETHNICITY,
      shortlisted: {
        names: n(
          "Shortlisted",
          "Shortlisted Y/N",
          "Shortlist",
          "Shortlisted Flag",
          "Was Shortlisted",
          "Invited to Interview",
        ),
        pattern: /^short ?listed/,
      },
      appointed: {
        names: n(
          "Appointed",
          "Appointed Y/N",
          "Offered",
          "Offer Made",
          "Successful",
          "Hired",
          "Appointed Flag",
          "Was Appointed",
          "Conditional Offer",
        ),
        pattern: /^appointed/,
      },
      outcome: {
        names: n(
          "Outcome",
          "Application Status",
          "Status",
          "Result",
          "Stage Reached",
          "Application Outcome",
          "Recruitment Outcome",
          "Final Status",
        ),
      },
      band: BAND,
      post: { names: n("Post Title", "Job Title", "Post", "Vacancy Title", "Role", "Position", "Job Role") },
      date: {
        names: n(
          "Date Received",
          "Application Date",
          "Date Applied",
          "Closing Date",
          "Date",
          "Submitted Date",
          "Date Submitted",
        ),
      },
      vacancy: {
        names: n(
          "Vacancy Reference",
          "Vacancy Ref",
          "Vacancy ID",
          "Vacancy Number",
          "Job Reference",
          "Job Ref",
          "Advert Reference",
        ),
      },
      applicant: {
        names: n("Applicant ID", "Applicant Number", "Application ID", "Candidate ID", "Application Reference"),
      },
    },
    required: [["ethnicity"], ["shortlisted", "appointed", "outcome"]],
  },
  {
    kind: "cases",
    fields: {
      personId: PERSON_ID,
      assignmentId: ASSIGNMENT_ID,
      ethnicity: ETHNICITY,
      caseType: {
        names: n(
          "Case Type",
          "Type",
          "Case Category",
          "Type of Case",
          "ER Case Type",
          "Category",
          "Case Type Description",
          "Process",
          "Policy",
        ),
        pattern: /casetype/,
      },
      stage: { names: n("Stage", "Case Stage", "Current Stage", "Status", "Case Status") },
      startDate: {
        names: n(
          "Date Opened",
          "Start Date",
          "Case Start Date",
          "Date Started",
          "Open Date",
          "Date",
          "Date Case Opened",
          "Investigation Start Date",
          "Opened",
        ),
      },
      outcome: { names: n("Outcome", "Case Outcome", "Result", "Sanction") },
      reference: { names: n("Case Reference", "Case ID", "Case Number", "Case Ref", "Reference") },
    },
    required: [["caseType"], ["personId", "assignmentId", "ethnicity"]],
  },
  {
    kind: "training",
    fields: {
      personId: PERSON_ID,
      assignmentId: ASSIGNMENT_ID,
      ethnicity: ETHNICITY,
      course: {
        names: n(
          "Course Title",
          "Course",
          "Course Name",
          "Training",
          "Programme",
          "Activity",
          "Training Title",
          "Event",
          "Event Name",
          "Learning Activity",
          "Competence Name",
          "CPD Activity",
        ),
        pattern: /^(course|training|cpd)/,
      },
      category: {
        names: n(
          "Course Category",
          "Training Type",
          "Training Category",
          "Activity Type",
          "Learning Type",
          "Course Type",
        ),
      },
      date: {
        names: n(
          "Completion Date",
          "Date",
          "Date Completed",
          "Course Date",
          "Start Date",
          "Date Attended",
          "Attended Date",
          "Event Date",
        ),
      },
    },
    required: [
      ["course", "category"],
      ["personId", "assignmentId", "ethnicity"],
    ],
  },
  {
    kind: "board",
    fields: {
      role: { names: n("Role", "Position", "Title", "Board Role", "Job Title", "Board Position") },
      name: { names: n("Name", "Board Member", "Member") },
      ethnicity: ETHNICITY,
      voting: {
        names: n("Voting Member", "Voting", "Voting Board Member", "Voting Rights", "Board Voting", "Voting Y/N"),
        pattern: /^voting/,
      },
      executive: {
        names: n(
          "Executive Director",
          "Executive",
          "Exec",
          "Executive Member",
          "Executive Y/N",
          "Exec Director",
          "Executive Board Member",
        ),
        pattern: /^exec/,
      },
    },
    required: [["ethnicity"], ["voting", "executive"]],
  },
  {
    kind: "survey",
    fields: {
      indicator: { names: n("Indicator", "WRES Indicator", "Metric", "Indicator Number") },
      question: { names: n("Question", "Survey Question", "Question Text", "Question Number", "Measure") },
      year: YEAR,
      whitePct: {
        names: n("White %", "White Percent", "White Percentage", "% White", "Percent White"),
      },
      bmePct: {
        names: n(
          "BME %",
          "BAME %",
          "Ethnic Minority %",
          "% BME",
          "% BAME",
          "BME Percent",
          "BME Percentage",
          "BAME Percentage",
          "Global Majority %",
          "ECM %",
          "Black and Minority Ethnic %",
        ),
      },
      whiteRespondents: {
        names: n("White Respondents", "White n", "White Base", "White Responses", "Number White", "White Count"),
      },
      bmeRespondents: {
        names: n(
          "BME Respondents",
          "BAME Respondents",
          "BME n",
          "BME Base",
          "BME Responses",
          "Number BME",
          "BME Count",
          "Ethnic Minority Respondents",
        ),
      },
    },
    required: [["indicator", "question"], ["whitePct"], ["bmePct"]],
  },
  {
    kind: "aggregate",
    fields: {
      measure: { names: n("Measure", "Metric", "Indicator", "Count Of", "Data Item") },
      band: BAND,
      cohort: { names: n("Cohort", "Staff Type", "Clinical/Non-clinical", "Workforce") },
      year: YEAR,
      white: { names: n("White", "White Count", "Number White", "White Headcount", "White Staff") },
      bme: {
        names: n(
          "BME",
          "BAME",
          "BME Count",
          "Ethnic Minority",
          "Global Majority",
          "BME Headcount",
          "BAME Count",
          "Number BME",
          "BME Staff",
        ),
      },
      unknown: {
        names: n(
          "Unknown",
          "Not Stated",
          "Unknown Count",
          "Not Known",
          "Ethnicity Unknown",
          "Unknown/Null",
          "Null",
          "Not Declared",
        ),
      },
    },
    required: [["measure"], ["white"], ["bme"]],
  },
];

export const KIND_BY_NAME = new Map(KINDS.map((k) => [k.kind, k]));

/** Every known exact header name, for scoring candidate header rows. */
const ALL_NAMES = new Set<string>(KINDS.flatMap((k) => Object.values(k.fields).flatMap((f) => f.names)));

export function headerScore(row: readonly CellValue[] | undefined): number {
  if (!row) return 0;
  let score = 0;
  for (const v of row) {
    if (typeof v !== "string") continue;
    const h = normaliseHeader(v);
    if (h && ALL_NAMES.has(h)) score++;
  }
  return score;
}

export interface ColumnMatch {
  /** Field name -> column index. */
  columns: Map<string, number>;
  score: number;
}

/** Matches a header row against one kind's fields: exact names first, then patterns, one column per field. */
export function matchColumns(spec: KindSpec, headers: readonly string[]): ColumnMatch {
  const columns = new Map<string, number>();
  const taken = new Set<number>();
  const entries = Object.entries(spec.fields);
  for (const [field, f] of entries) {
    for (let c = 0; c < headers.length; c++) {
      if (!taken.has(c) && headers[c] && f.names.includes(headers[c]!)) {
        columns.set(field, c);
        taken.add(c);
        break;
      }
    }
  }
  for (const [field, f] of entries) {
    if (columns.has(field) || !f.pattern) continue;
    for (let c = 0; c < headers.length; c++) {
      if (!taken.has(c) && headers[c] && f.pattern.test(headers[c]!)) {
        columns.set(field, c);
        taken.add(c);
        break;
      }
    }
  }
  const satisfied = spec.required.every((anyOf) => anyOf.some((f) => columns.has(f)));
  return { columns, score: satisfied ? columns.size : -1 };
}

const PRIORITY: SheetKind[] = ["staff", "recruitment", "cases", "training", "board", "survey", "aggregate"];

/** The kind whose columns the header row matches best (required columns present), or null. */
export function recogniseKind(headers: readonly string[]): { kind: SheetKind; columns: Map<string, number> } | null {
  let best: { kind: SheetKind; columns: Map<string, number>; score: number } | null = null;
  for (const kind of PRIORITY) {
    const spec = KIND_BY_NAME.get(kind)!;
    const m = matchColumns(spec, headers);
    if (m.score < 0) continue;
    const score = m.score + distinctiveBonus(kind, m.columns, headers);
    if (!best || score > best.score) best = { kind, columns: m.columns, score };
  }
  return best ? { kind: best.kind, columns: best.columns } : null;
}

/** Whether a header row has a pay band column (matched as staff in post would match it). */
const hasBand = (headers: readonly string[]) => headers.some((h) => BAND.names.includes(h) || BAND.pattern!.test(h));

/** Case type and course names generic enough for a staff list to give a column of its own ("Type", "Category"). */
const GENERIC_NAMES = new Set(n("Type", "Category", "Process", "Policy", "Activity", "Event", "Programme", "Training"));

/**
 * Distinctive columns weigh more than shared ones (ethnicity, person id, dates appear everywhere). An extract of
 * cases, courses or applications often carries the person's band, staff group and directorate too: a case type,
 * course or shortlisting weighs as four columns, so the extract is not taken for staff in post; under a generic
 * name, as two.
 */
function distinctiveBonus(kind: SheetKind, columns: Map<string, number>, headers: readonly string[]): number {
  const has = (f: string) => (columns.has(f) ? 1 : 0);
  const decisive = (f: string) => {
    const c = columns.get(f);
    return c === undefined ? 0 : GENERIC_NAMES.has(headers[c]!) ? 2 : 4;
  };
  switch (kind) {
    case "staff":
      return has("band") + has("staffGroup") + has("assignmentCategory") + has("primary");
    case "recruitment":
      return decisive("shortlisted") + decisive("appointed");
    case "cases":
      return decisive("caseType");
    case "training":
      return decisive("course");
    case "board":
      // Board members are listed without pay bands: people with bands and board flags are staff in post.
      return 2 * (has("voting") + has("executive")) - (hasBand(headers) ? 3 : 0);
    case "survey":
      return 2 * (has("whitePct") + has("bmePct"));
    case "aggregate":
      return 2 * (has("white") + has("bme"));
    default:
      return 0;
  }
}

/** A stable signature of a header row (FNV-1a over normalised headers), for remembered mappings. */
export function headerSignature(headers: readonly string[]): string {
  const text = headers.filter((h) => h !== "").join("\u0001");
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 = (h2 ^ (h2 >>> 15)) >>> 0;
  }
  return `h${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`;
}
