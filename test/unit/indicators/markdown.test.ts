import { beforeEach, describe, expect, it } from "vitest";
import {
  computeResults,
  renderMarkdown,
  suppressResults,
  type BoardResult,
  type Dataset,
  type ResultsDocument,
  type StaffRecord,
  WRES_STANDARD,
} from "../../../src/indicators";
import type { ComputeOptions } from "../../../src/indicators/standard-types";
import { applications, boardMember, cases, dataset, staffMany, survey, trainingMany } from "./fixtures";

const staff = [
  ...staffMany(990, "bme", { band: "5" }),
  ...staffMany(6307, "white", { band: "5" }),
  ...staffMany(118, "unknown", { band: "5" }),
  ...staffMany(7, "unknown", { band: "8a" }),
];
const ds = dataset({
  staff,
  applications: [...applications("white", 10000, 4699), ...applications("bme", 10000, 1465)],
  cases: cases(5, "white"),
  training: trainingMany(300, "white"),
  survey: [survey(5, 25, 29), survey(7, 60, 45)],
  board: [boardMember("white", true, true), boardMember("bme", true, false)],
  period: "2024/25",
});

/** The report of a dataset made of `parts`, line by line. */
function reportLines(parts: Partial<Dataset>, options?: ComputeOptions): string[] {
  return renderMarkdown(computeResults(dataset(parts), options)).split("\n");
}

/** The report's race disparity ratios, from their heading on, for staff in the lower and middle tiers and `upper`. */
function disparityRatios(upper: StaffRecord[]): string[] {
  const lines = reportLines({
    staff: [
      ...staffMany(200, "white", { band: "5" }),
      ...staffMany(100, "bme", { band: "5" }),
      ...staffMany(100, "white", { band: "6" }),
      ...staffMany(20, "bme", { band: "6" }),
      ...upper,
    ],
  });
  const at = lines.indexOf("### Race disparity ratios (related measure, derived from trust reports)");
  expect(at).toBeGreaterThan(0);
  return lines.slice(at);
}

describe("renderMarkdown", () => {
  // Rendered in a beforeEach, not the describe body: mutation testing credits code to a test only when it runs in
  // the test or its beforeEach (docs/mutation-testing.md).
  let doc: ResultsDocument;
  let md: string;
  beforeEach(() => {
    doc = computeResults(ds, { organisation: "North | South NHS Trust" });
    md = renderMarkdown(doc);
  });

  it("has a heading per indicator present, and the related measures and data quality", () => {
    for (const n of ["1", "2", "3", "4", "5", "7", "9"]) expect(md).toContain(`## Indicator ${n}:`);
    expect(md).not.toContain("## Indicator 6");
    expect(md).toContain("### Model Employer (related measure)");
    expect(md).toContain("## Data quality");
  });

  it("shows figures rounded for display from unrounded values", () => {
    expect(md).toContain("| All staff | 6,307 (85.0%) | 990 (13.3%) | 125 (1.7%) | 7,422 |");
    expect(md).toContain("Relative likelihood: **3.21**");
    expect(md).toMatch(/Katz/);
  });

  it("applies suppression when given an exact document, and says so", () => {
    expect(md).toContain(
      "Figures marked * are hidden: a count below 10, or a count hidden so that one below 10 cannot be worked out",
    );
    expect(md).toContain("Protected figures, for publication");
    // Band 8a has 7 staff of unknown ethnicity: never printed, and marked like every other hidden figure.
    expect(md).toContain("| Band 8a | 0 (*) | 0 (*) | * (*) | * |");
    expect(md).not.toMatch(/<\d/);
    // ...and band 5's unknown count (118) is hidden too, or the overall 125 minus it would give 7.
    expect(md).not.toContain("118");
    expect(md).not.toMatch(/\| 7 \|/);
    expect(doc.suppression).toBeNull();
    expect(renderMarkdown(suppressResults(doc, 20))).toContain("a count below 20");
  });

  it("shows the finer ethnic groups, suppressed like the rest", () => {
    expect(md).toContain("### Ethnic groups in more detail");
    expect(md).toContain("| Group | White | Mixed | Asian | Black | Other | Unknown |");
    expect(md).toContain("| All staff | 6,307 | 0 | 0 | 990 | 0 | 125 |");
  });

  it("puts not-calculable reasons in words", () => {
    expect(md).toContain("Relative likelihood: not calculable. BME has none, so the ratio would be 0 or infinite.");
  });

  it("escapes table cells taken from user input", () => {
    expect(md).toContain("Organisation: North | South NHS Trust");
    const withSheet = computeResults(dataset({ ...ds, sheets: [] }));
    expect(renderMarkdown(withSheet)).toContain("| Staff in post |");
  });

  it("notes the two-year basis and cautions in words", () => {
    const two = renderMarkdown(
      computeResults(
        dataset({
          staff: [...staffMany(500, "white"), ...staffMany(200, "bme")],
          cases: [
            ...cases(12, "white", { startDate: "2024-05-01" }),
            ...cases(11, "bme", { startDate: "2023-05-01" }),
            ...cases(10, "bme", { startDate: "2024-05-01" }),
          ],
          period: "2024/25",
        }),
      ),
    );
    expect(two).toContain("Person-years (headcount x 2)");
    expect(two).toContain("Two-year rolling figure");
    expect(two).toContain("Years: 2023/24, 2024/25.");
    // With no case the year before, one year over the headcount, and said so.
    const one = renderMarkdown(
      computeResults(
        dataset({
          staff: [...staffMany(500, "white"), ...staffMany(200, "bme")],
          cases: [...cases(12, "white", { startDate: "2024-05-01" }), ...cases(10, "bme", { startDate: "2024-05-01" })],
          period: "2024/25",
        }),
      ),
    );
    expect(one).toContain("| Headcount | 500 | 200 |");
    expect(one).not.toContain("Person-years");
  });

  it("gives the race disparity ratios: a shown one to 2 places, a hidden one marked and explained once", () => {
    const tiers = disparityRatios([
      ...staffMany(50, "white", { band: "8a" }),
      ...staffMany(5, "bme", { band: "8a" }),
      ...staffMany(40, "white", { band: "8b" }),
      ...staffMany(6, "bme", { band: "8b" }),
    ]);
    // (White middle / White lower) / (BME middle / BME lower) = (100 / 200) / (20 / 100) = 2.5; the upper tier's
    // BME staff (5 at band 8a, 6 at 8b) are hidden, and both ratios from them with them.
    expect(tiers.slice(4, 12)).toEqual([
      "|  | Ratio |",
      "| --- | --- |",
      "| Lower to Upper | * |",
      "| Lower to Middle | 2.50 |",
      "| Middle to Upper | * |",
      "",
      "Ratios marked * are not published: each is computed from a hidden count, and with the other figures it would narrow that count down. The exact figures are in the exact results, for submission to NHS England and the board only.",
      "",
    ]);
  });

  it("lists senior medical managers under the medical staff only when there are some", () => {
    const consultants = (n: number, group: "white" | "bme", seniorMedicalManager = false) =>
      staffMany(n, group, { cohort: "medical", band: null, medical: "consultant" }, { seniorMedicalManager });
    const medical = (smm: number) =>
      reportLines({
        staff: [
          ...consultants(40, "white"),
          ...consultants(30, "bme"),
          ...consultants(smm, "white", true),
          ...consultants(smm, "bme", true),
        ],
      });
    const without = medical(0);
    expect(without).toContain("| Consultants | 40 (57.1%) | 30 (42.9%) | 0 (0.0%) | 70 |");
    expect(without.some((l) => l.startsWith("| Senior medical managers (consultants) |"))).toBe(false);
    expect(medical(12)).toContain(
      "| Senior medical managers (consultants) | 12 (50.0%) | 12 (50.0%) | 0 (0.0%) | 24 |",
    );
  });

  it("gives a survey indicator its year when known and its caution when respondents are not given", () => {
    const lines = reportLines({
      survey: [survey(8, 6, 14.5, { whiteRespondents: null, year: null }), survey(6, 22, 27)],
    });
    const at = (n: number) => lines.findIndex((l) => l.startsWith(`## Indicator ${n}:`));
    expect(lines.slice(at(8) + 2, at(8) + 11)).toEqual([
      "|  | White | BME | Gap (BME minus White) |",
      "| --- | --- | --- | --- |",
      "| % | 6.0% | 14.5% | +8.5 pp |",
      "| Respondents | n/a | 300 |  |",
      "",
      "Lower is better.",
      "",
      "> Respondent numbers per group were not given.",
      "",
    ]);
    // No caution under indicator 6: the next heading follows its note.
    expect(lines.slice(at(6) + 7, at(6) + 10)).toEqual(["Staff survey 2024. Lower is better.", "", lines[at(8)]]);
  });

  it("gives a group with no one to count from no rate and no relative likelihood, and says why", () => {
    const lines = reportLines({
      staff: [...staffMany(300, "white"), ...staffMany(100, "bme")],
      applications: applications("white", 100, 40),
    });
    const at = lines.findIndex((l) => l.startsWith("## Indicator 2:"));
    expect(lines.slice(at + 2, at + 9)).toEqual([
      "|  | White | BME |",
      "| --- | --- | --- |",
      "| Appointed from shortlisting | 40 | 0 |",
      "| Shortlisted | 100 | 0 |",
      "| Rate | 40.0% | n/a |",
      "",
      "Relative likelihood: not calculable. There is no one to count from in BME.",
    ]);
  });

  it("gives the related measures a standard has, alone: Model Employer without a period has no yearly need", () => {
    const standard = { ...WRES_STANDARD, related: { modelEmployer: { targetYear: 2028 }, raceDisparity: false } };
    const staff = [
      ...staffMany(300, "white", { band: "5" }),
      ...staffMany(100, "bme", { band: "5" }),
      ...staffMany(40, "white", { band: "8a" }),
      ...staffMany(12, "bme", { band: "8a" }),
    ];
    const lines = reportLines({ staff }, { standard });
    const at = lines.indexOf("## Related measures");
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 4]).toBe("### Model Employer (related measure)");
    expect(lines).toContain("| Band 8a | 52 | 12 | 23.1% | 24.8% | +1.7 pp | 1 | n/a |");
    expect(lines.some((l) => l.startsWith("### Race disparity ratios"))).toBe(false);
  });

  it("gives a race disparity ratio that cannot be calculated its reason, not the hidden mark or its note", () => {
    // No BME staff in the upper tier at all: 0 is not a small number, so nothing is hidden, but no ratio exists.
    const lines = disparityRatios(staffMany(90, "white", { band: "8a" }));
    const none = "One group has none, so the ratio would be 0 or infinite.";
    expect(lines.slice(4, 11)).toEqual([
      "|  | Ratio |",
      "| --- | --- |",
      `| Lower to Upper | ${none} |`,
      "| Lower to Middle | 2.50 |",
      `| Middle to Upper | ${none} |`,
      "",
      "## Breakdowns",
    ]);
    expect(lines.some((l) => l.startsWith("Ratios marked * are not published"))).toBe(false);
  });

  it("says what is not given, lists staff without a band, and words an adverse, significant likelihood", () => {
    const lines = reportLines({
      staff: [
        ...staffMany(300, "white", { band: "5" }),
        ...staffMany(100, "bme", { band: "5" }),
        ...staffMany(40, "white", { band: null }),
        ...staffMany(20, "bme", { band: null }),
      ],
      applications: [...applications("white", 400, 200), ...applications("bme", 400, 100)],
      cases: [...cases(20, "bme"), ...cases(10, "white")],
    });
    expect(lines.slice(2, 5)).toEqual([
      "- Organisation: not given",
      "- Period: not given",
      "- Staff in post at: not given",
    ]);
    // Non-clinical staff only: no empty table for the clinical bands or the medical staff.
    expect(lines).toContain("### Non-clinical staff (Agenda for Change bands)");
    expect(lines).not.toContain("### Clinical staff (Agenda for Change bands)");
    expect(lines).not.toContain("### Medical and dental staff");
    const unbanded = lines.indexOf("### Staff whose band or grade is not known");
    expect(lines.slice(unbanded + 1, unbanded + 7)).toEqual([
      "",
      "| Cohort | White | BME | Unknown | Total |",
      "| --- | --- | --- | --- | --- |",
      "| Non-clinical staff (Agenda for Change bands) | 40 (66.7%) | 20 (33.3%) | 0 (0.0%) | 60 |",
      "",
      "### Senior bands",
    ]);
    // Indicator 2: 50% of White and 25% of BME shortlisted applicants appointed.
    const two = lines.indexOf("Relative likelihood: **2.00** (95% confidence interval 1.64 to 2.43)");
    expect(lines.slice(two + 1, two + 5)).toEqual([
      "",
      "- Outside the non-adverse range 0.80-1.25: adverse impact.",
      "- The interval excludes 1: the difference is statistically significant at the 5% level.",
      "",
    ]);
    // Indicator 3: (20 / 120) / (10 / 340) = 5.67, from one year of cases where two were asked for, which is said
    // as a caution under the figure.
    const three = lines.findIndex((l) => l.startsWith("Relative likelihood: **5.67** (95% confidence interval "));
    expect(lines.slice(three + 5, three + 7)).toEqual([
      "> The two-year rolling figure was asked for, but only one year of cases is present; one year is used.",
      "",
    ]);
  });

  it("marks the board's differences hidden when its composition is protected, and says it is", () => {
    const withBoard = computeResults(
      dataset({
        staff: [...staffMany(300, "white"), ...staffMany(100, "bme")],
        board: [...Array.from({ length: 8 }, () => boardMember("white", true, true)), boardMember("bme", true, false)],
      }),
    );
    const rows = (md: string) =>
      md.split("\n").filter((l) => l.startsWith("| Voting members |") || l.startsWith("| Executive members |"));
    // Published in full by default: 1 of 9 voting members is BME (11.1%) against 25.0% of the workforce.
    expect(rows(renderMarkdown(withBoard))).toEqual([
      "| Voting members | 11.1% | 25.0% | -13.9 pp | 8 / 1 / 0 |",
      "| Executive members | 0.0% | 25.0% | -25.0 pp | 8 / 0 / 0 |",
    ]);
    const protectedMd = renderMarkdown(suppressResults(withBoard, 10, { publishBoardComposition: false }));
    expect(rows(protectedMd)).toEqual([
      "| Voting members | * | 25.0% | * | * / * / 0 |",
      "| Executive members | * | 25.0% | * | * / 0 / 0 |",
    ]);
    expect(protectedMd).toContain(
      'Board composition is protected like other counts (setting "Publish board composition": off).',
    );
  });

  it("gives the board's cautions once, as copies protected by earlier versions carry them on both kinds of member", () => {
    const copy = suppressResults(
      computeResults(
        dataset({
          staff: [...staffMany(300, "white"), ...staffMany(100, "bme")],
          board: [
            ...Array.from({ length: 8 }, () => boardMember("white", true, true)),
            boardMember("bme", true, false),
          ],
        }),
      ),
      10,
      { publishBoardComposition: false },
    );
    const board = copy.indicators["9"] as BoardResult;
    const plain = renderMarkdown(copy).split("\n");
    const published = plain.findIndex((l) => l.startsWith("Board composition is protected like other counts"));
    expect(plain.slice(published + 1, published + 3)).toEqual(["", plain[published + 2]]);
    expect(plain[published + 2]).toMatch(/^## /);
    board.voting.cautions = ["small-numbers"];
    board.executive.cautions = ["small-numbers"];
    const cautioned = renderMarkdown(copy).split("\n");
    expect(cautioned.slice(published + 1, published + 5)).toEqual([
      "",
      "> Computed from small numbers: treat with caution.",
      "",
      plain[published + 2],
    ]);
  });

  it("gives the change in a relative likelihood with its sign, and says when last year's period is not given", () => {
    const apps = (white: number, bme: number) => [
      ...applications("white", 100, white),
      ...applications("bme", 100, bme),
    ];
    const staff = [...staffMany(300, "white"), ...staffMany(100, "bme")];
    const lastYear = computeResults(dataset({ staff, applications: apps(40, 30) }));
    const comparison = (white: number, bme: number) => {
      const doc = computeResults(dataset({ staff, applications: apps(white, bme) }), { previous: lastYear });
      const lines = renderMarkdown(suppressResults(doc, 10, { previous: lastYear })).split("\n");
      expect(lines).toContain("## Change since not given");
      return lines;
    };
    const likelihood = (lines: string[]) => lines.find((l) => l.startsWith("| 2 | Relative likelihood |"));
    // (40/100) / (30/100) = 1.33 last year; (45/100) / (25/100) = 1.80 now.
    expect(likelihood(comparison(45, 25))).toBe("| 2 | Relative likelihood | 1.33 | 1.80 | +0.47 | ↓ worsened |");
    expect(likelihood(comparison(40, 30))).toBe("| 2 | Relative likelihood | 1.33 | 1.33 | +0.00 | → unchanged |");
    const improved = comparison(30, 30);
    expect(likelihood(improved)).toBe("| 2 | Relative likelihood | 1.33 | 1.00 | -0.33 | ↑ improved |");
    // No one at band 8a or above in either year: no figure, no change.
    expect(improved).toContain("| 1 | BME % at band 8a and above | n/a | n/a | n/a | not comparable |");
  });

  it("reports an empty dataset plainly", () => {
    const lines = reportLines({});
    const at = lines.findIndex((l) => l.startsWith("No indicator could be computed"));
    expect(at).toBeGreaterThan(0);
    // No inputs: the data quality section has no table of them.
    expect(lines.slice(at + 1, at + 5)).toEqual(["", "## Data quality", "", "Rows excluded while reading: 0."]);
  });
});
