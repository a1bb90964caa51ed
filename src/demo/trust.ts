// Synthetic HR extracts for a made-up NHS trust, shaped like the real ones WRES leads work from:
// an ESR staff-in-post extract with title rows above the header, code-and-label ethnicity
// ("CA White English"), "Band 8 - Range A" bands, bank rows and second assignments, medical
// grades; a recruitment extract (one row per application); employee relations cases and CPD
// extracts that carry only the employee number; a board sheet and published staff survey results.
// No names, no real people: identifiers are generated numbers, roles are job titles.
//
// The population (trust-population.ts), the people and their staff rows (trust-staff.ts) and the
// other extracts' records (trust-extracts.ts) are generated in their own files; this one writes the workbooks.
import type { InputFile } from "../workbook";
import { createRandom } from "./random";
import {
  BOARD_ROLES,
  makeApplications,
  makeBankCases,
  makeBankTraining,
  makeCases,
  makeTraining,
  SURVEY,
} from "./trust-extracts";
import {
  drawGroup,
  esrEthnicity,
  isoDate,
  makePeople,
  parseYear,
  STAFF_HEADER,
  staffRows,
  ukDate,
} from "./trust-staff";
import { type SheetSpec, type WriterCell, writeXlsx } from "./xlsx-writer";

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
  /**
   * Row counts per extract, for benchmarks and tests. `cases` and `training` are the substantive staff's rows;
   * `bankCases` and `bankTraining` the bank-only workers' rows that follow them in the same sheets.
   */
  rows: {
    staff: number;
    applications: number;
    cases: number;
    training: number;
    bankCases: number;
    bankTraining: number;
    board: number;
    survey: number;
  };
}

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
      [
        {
          name: "Staff in Post",
          rows: staffRows(people, snapshot),
          boldRows: [1, 4],
          merges: ["A1:F1", "A2:F2"],
          widths: widths(STAFF_HEADER.length),
        },
      ],
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
            yield [
              "Vacancy Reference",
              "Post Title",
              "Pay Band",
              "Date Received",
              "Ethnic Group",
              "Shortlisted",
              "Appointed",
            ];
            for (const a of applications) {
              yield [
                a.vacancy,
                a.post,
                a.grade,
                { date: a.date },
                a.ethnicity,
                a.shortlisted ? "Yes" : "No",
                a.appointed ? "Y" : "N",
              ];
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
  const cases = makeCases(createRandom(seed + 2), people, start - 1).concat(
    makeCases(createRandom(seed + 5), people, start),
  );
  // Bank-only workers' cases and training, after the substantive rows (their own random streams).
  const bankRandom = createRandom(seed + 7);
  const bankCases = makeBankCases(bankRandom, people, start - 1, 1).concat(
    makeBankCases(bankRandom, people, start, 1001),
  );
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
            for (const c of [...cases, ...bankCases])
              yield [c.reference, c.employeeNumber, c.type, c.stage, { date: c.date }, c.outcome];
          })(),
          boldRows: [1, 3],
          widths: widths(6, 20),
        },
      ],
      { level },
    ),
  });

  const training = makeTraining(createRandom(seed + 3), people, start);
  const bankTraining = makeBankTraining(createRandom(seed + 8), people, start);
  files.push({
    name: ymd("cpd-training", year),
    bytes: writeXlsx(
      [
        {
          name: "Non-mandatory Training",
          rows: (function* () {
            yield [`Non-Mandatory Training and CPD ${year}`];
            yield ["Employee Number", "Course Title", "Course Category", "Completion Date"];
            for (const t of [...training, ...bankTraining])
              yield [t.employeeNumber, t.title, t.category, { date: t.date }];
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
        yield [
          s.indicator,
          s.question,
          start,
          s.white,
          s.bme,
          Math.round(surveyRespondents * 0.72),
          Math.round(surveyRespondents * 0.25),
        ];
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
      bankCases: bankCases.length,
      bankTraining: bankTraining.length,
      board: board.length,
      survey: survey.length,
    },
  };
}

export { parseYear } from "./trust-staff";
