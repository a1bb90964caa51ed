// What a reader is shown of a breakdown: the view the tab's table and chart draw (breakdownView) and the command
// line's --breakdown Markdown. Tables are written out by hand here, so every expected share, mark and label is
// worked out from the figures in this file.
import { describe, expect, it } from "vitest";
import type { BreakdownTable, ResultsDocument } from "../../../src/indicators";
import { breakdownView, dimensionsIn, tableOf } from "../../../src/indicators/breakdown-view";
import {
  breakdownsSection,
  DIMENSION_NAMES,
  isDimension,
  renderBreakdownMarkdown,
} from "../../../src/indicators/breakdown-markdown";

const HIDDEN = { suppressed: { count: "hidden" as const } };

/** Indicator 1 by gender: Female 30 White, 10 BME, 0 unknown (40); Male 6 White, a hidden BME count, total 9. */
const headcount = (): BreakdownTable => ({
  dimension: "gender",
  rows: ["female", "male", ""],
  columns: ["white", "bme", "unknown", "total"],
  sides: { white: "reference", bme: "focus", unknown: "unknown" },
  cells: {
    female: { white: { count: 30 }, bme: { count: 10 }, unknown: { count: 0 }, total: { count: 40 } },
    male: { white: { count: 6 }, bme: { count: null, ...HIDDEN }, unknown: { count: 0 }, total: { count: 9 } },
    // Nobody without a recorded gender: a share of nothing is not calculable, and not hidden.
    "": { white: { count: 0 }, bme: { count: 0 }, unknown: { count: 0 }, total: { count: 0 } },
  },
});

/** Indicator 3 by directorate: cases of (staff), rate, and the likelihood against White in the same row. */
const likelihood = (): BreakdownTable => ({
  dimension: "directorate",
  rows: ["Surgery", "Medicine"],
  columns: ["white", "bme"],
  sides: { white: "reference", bme: "focus" },
  cells: {
    Surgery: { white: { count: 4, of: 200, rate: 0.02 }, bme: { count: 3, of: 100, rate: 0.03 } },
    // White's case count hidden: BME's likelihood comes from it, so it is hidden too.
    Medicine: {
      white: { count: null, of: 150, rate: null, suppressed: { count: "hidden", rate: "hidden" } },
      bme: { count: 5, of: 50, rate: 0.1 },
    },
  },
  likelihood: { Surgery: { bme: 1.5 }, Medicine: { bme: null } },
});

describe("breakdownView: a headcount table", () => {
  // Built inside each test, so the mutation run can tell which test covers which line (docs/mutation-testing.md).
  const view = () => breakdownView(headcount());

  it("is a headcount view of the ethnic columns, the total kept apart", () => {
    expect(view().kind).toBe("headcount");
    expect(view().dimension).toBe("gender");
    expect(view().columns).toEqual(["white", "bme", "unknown"]);
    expect(view().rows.map((r) => r.row)).toEqual(["female", "male", ""]);
    expect(view().rows[0]!.cells.map((c) => c.column)).toEqual(["white", "bme", "unknown"]);
    expect(view()).not.toHaveProperty("parents");
  });

  it("shows each count with its share of the row's total", () => {
    const [white, bme, unknown] = view().rows[0]!.cells;
    expect(white).toEqual({
      column: "white",
      count: { value: 30, hidden: false },
      share: { value: 75, hidden: false },
      likelihood: null,
      of: null,
    });
    expect(bme!.share).toEqual({ value: 25, hidden: false });
    expect(unknown!.share).toEqual({ value: 0, hidden: false });
    expect(view().rows[0]!.total).toEqual({
      column: "total",
      count: { value: 40, hidden: false },
      share: { value: 100, hidden: false },
      likelihood: null,
      of: null,
    });
  });

  it("keeps a hidden count hidden, and its share with it, while the row's other shares are shown", () => {
    const [white, bme] = view().rows[1]!.cells;
    expect(bme!.count).toEqual({ value: null, hidden: true });
    expect(bme!.share).toEqual({ value: null, hidden: true });
    expect(white!.share.hidden).toBe(false);
    expect(white!.share.value).toBeCloseTo((6 / 9) * 100, 10);
  });

  it("hides every share of a row whose total is hidden, though the counts are shown", () => {
    const t = headcount();
    t.cells.female!.total = { count: null, ...HIDDEN };
    const row = breakdownView(t).rows[0]!;
    expect(row.cells[0]!.count).toEqual({ value: 30, hidden: false });
    expect(row.cells.map((c) => c.share)).toEqual([
      { value: null, hidden: true },
      { value: null, hidden: true },
      { value: null, hidden: true },
    ]);
    expect(row.total!.count).toEqual({ value: null, hidden: true });
  });

  it("gives no share (not calculable, not hidden) in a row of nobody", () => {
    const row = view().rows[2]!;
    expect(row.cells.map((c) => c.share)).toEqual([
      { value: null, hidden: false },
      { value: null, hidden: false },
      { value: null, hidden: false },
    ]);
  });

  it("reads a missing cell as not calculable, and a row without a total column as having no total", () => {
    const t = headcount();
    delete t.cells.female!.unknown;
    delete t.cells.female!.total;
    delete t.cells[""];
    const view = breakdownView(t);
    const female = view.rows[0]!;
    expect(female.cells[2]).toEqual({
      column: "unknown",
      count: { value: null, hidden: false },
      share: { value: null, hidden: false },
      likelihood: null,
      of: null,
    });
    expect(female.cells[0]!.share).toEqual({ value: null, hidden: false });
    expect(female.total).toBeNull();
    expect(view.rows[2]!.cells.map((c) => c.count.value)).toEqual([null, null, null]);
  });

  it("passes on the ethnic group each category is under", () => {
    const t: BreakdownTable = {
      ...headcount(),
      dimension: "ethnic-category",
      parents: { white: "white", bme: "black" },
    };
    expect(breakdownView(t).parents).toEqual({ white: "white", bme: "black" });
  });
});

describe("breakdownView: a relative likelihood table", () => {
  const view = () => breakdownView(likelihood());

  it("is a likelihood view with no total, each cell with its count, denominator and rate", () => {
    expect(view().kind).toBe("likelihood");
    expect(view().columns).toEqual(["white", "bme"]);
    const [white, bme] = view().rows[0]!.cells;
    expect(view().rows[0]!.total).toBeNull();
    expect(bme).toEqual({
      column: "bme",
      count: { value: 3, hidden: false },
      share: { value: 0.03, hidden: false },
      likelihood: { value: 1.5, hidden: false },
      of: { value: 100, hidden: false },
    });
    // The reference column has no likelihood against itself.
    expect(white!.likelihood).toBeNull();
    expect(white!.of).toEqual({ value: 200, hidden: false });
  });

  it("marks a likelihood hidden when the reference group's count it comes from is hidden", () => {
    const [white, bme] = view().rows[1]!.cells;
    expect(white!.count).toEqual({ value: null, hidden: true });
    expect(white!.share).toEqual({ value: null, hidden: true });
    expect(bme!.count).toEqual({ value: 5, hidden: false });
    expect(bme!.likelihood).toEqual({ value: null, hidden: true });
  });

  it("marks a likelihood hidden when its own denominator is hidden", () => {
    const t = likelihood();
    t.cells.Surgery!.bme = { count: 3, of: null, rate: null, suppressed: { of: "hidden", rate: "hidden" } };
    t.likelihood!.Surgery!.bme = null;
    const bme = breakdownView(t).rows[0]!.cells[1]!;
    expect(bme.of).toEqual({ value: null, hidden: true });
    expect(bme.likelihood).toEqual({ value: null, hidden: true });
  });

  it("marks a likelihood hidden when the reference group's denominator is hidden", () => {
    const t = likelihood();
    t.cells.Surgery!.white = { count: 4, of: null, rate: null, suppressed: { of: "hidden", rate: "hidden" } };
    t.likelihood!.Surgery!.bme = null;
    expect(breakdownView(t).rows[0]!.cells[1]!.likelihood).toEqual({ value: null, hidden: true });
  });

  it("gives a likelihood that is not calculable (nothing hidden) as a plain n/a, not a hidden one", () => {
    const t = likelihood();
    t.cells.Surgery!.white = { count: 0, of: 200, rate: 0 };
    t.likelihood!.Surgery!.bme = null;
    expect(breakdownView(t).rows[0]!.cells[1]!.likelihood).toEqual({ value: null, hidden: false });
  });

  it("has no likelihood for a row the table gives none for", () => {
    const t = likelihood();
    delete t.likelihood!.Medicine;
    expect(breakdownView(t).rows[1]!.cells[1]!.likelihood).toBeNull();
    delete t.likelihood;
    expect(breakdownView(t).rows[0]!.cells[1]!.likelihood).toBeNull();
    expect(breakdownView(t).kind).toBe("likelihood");
  });

  it("is a likelihood table as soon as any cell of any row carries a denominator", () => {
    const t = likelihood();
    t.cells.Surgery = { white: { count: 4 }, bme: { count: 3 } };
    expect(breakdownView(t).kind).toBe("likelihood");
  });
});

describe("which breakdowns a result has", () => {
  const result = { breakdowns: [likelihood(), headcount(), { ...headcount(), dimension: "ethnic-group" }] };

  it("lists the dimensions in display order, whatever order they were saved in", () => {
    expect(dimensionsIn(result)).toEqual(["ethnic-group", "gender", "directorate"]);
  });

  it("lists none for a result saved before breakdowns, or for no result", () => {
    expect(dimensionsIn({ breakdowns: "not a list" })).toEqual([]);
    expect(dimensionsIn({})).toEqual([]);
    expect(dimensionsIn(undefined)).toEqual([]);
  });

  it("finds the table of a dimension, or none", () => {
    expect(tableOf(result, "directorate")?.rows).toEqual(["Surgery", "Medicine"]);
    expect(tableOf(result, "division")).toBeNull();
    expect(tableOf(undefined, "gender")).toBeNull();
  });
});

function protectedDoc(indicators: Record<string, unknown>): ResultsDocument {
  return { audience: "protected", indicators } as unknown as ResultsDocument;
}

describe("the command line's --breakdown Markdown", () => {
  it("renders a protected copy only", () => {
    expect(() => renderBreakdownMarkdown({ ...protectedDoc({}), audience: "exact" }, "gender")).toThrow(
      /protected copy only/,
    );
  });

  it("gives a headcount table per indicator: count and share, the hidden mark, labelled rows and columns, a total", () => {
    const md = renderBreakdownMarkdown(protectedDoc({ "1": { breakdowns: [headcount()] } }), "gender");
    const lines = md.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "# Breakdown by gender",
      "",
      "* hidden to protect small numbers (docs/disclosure-control.md).",
      "",
    ]);
    expect(lines).toContain("## Indicator 1: Workforce by pay band (percentage White, BME and unknown)");
    expect(lines).toContain("| gender | White | BME | Unknown | Total |");
    expect(lines).toContain("| --- | --- | --- | --- | --- |");
    expect(lines).toContain("| Female | 30 (75.0%) | 10 (25.0%) | 0 (0.0%) | 40 (100.0%) |");
    expect(lines).toContain("| Male | 6 (66.7%) | * (*) | 0 (0.0%) | 9 (100.0%) |");
    expect(lines).toContain("| Not recorded | 0 (n/a) | 0 (n/a) | 0 (n/a) | 0 (n/a) |");
    expect(md).not.toContain("Each cell: count / denominator");
    expect(md).not.toContain("No indicator could be broken down");
  });

  it("gives a likelihood table: count / denominator and the RL against White, hidden and n/a marked", () => {
    const t = likelihood();
    t.rows.push("Estates");
    t.cells.Estates = { white: { count: 1200, of: 4000, rate: 0.3 }, bme: { count: 0, of: 0, rate: null } };
    t.likelihood!.Estates = { bme: null };
    t.cells.Surgery!.bme!.of = undefined;
    const md = renderBreakdownMarkdown(protectedDoc({ "3": { breakdowns: [t] } }), "directorate");
    const lines = md.split("\n");
    expect(lines[0]).toBe("# Breakdown by directorate");
    expect(lines).toContain(
      "## Indicator 3: Relative likelihood of BME staff entering the formal disciplinary process compared with White staff",
    );
    expect(lines).toContain(
      "Each cell: count / denominator, and the relative likelihood against White in the same row.",
    );
    expect(lines).toContain("| directorate | White | BME |");
    expect(lines).toContain("| --- | --- | --- |");
    expect(lines).toContain("| Surgery | 4 / 200 | 3 / n/a, RL 1.50 |");
    expect(lines).toContain("| Medicine | * / 150 | 5 / 50, RL * |");
    expect(lines).toContain("| Estates | 1,200 / 4,000 | 0 / 0, RL n/a |");
  });

  it("gives a likelihood table's total column a heading, as computed tables carry one", () => {
    const t = likelihood();
    t.columns.push("total");
    t.cells.Surgery!.total = { count: 7, of: 300, rate: 7 / 300 };
    t.cells.Medicine!.total = { count: null, of: 200, rate: null, suppressed: { count: "hidden", rate: "hidden" } };
    const lines = renderBreakdownMarkdown(protectedDoc({ "3": { breakdowns: [t] } }), "directorate").split("\n");
    expect(lines).toContain("| directorate | White | BME | Total |");
    expect(lines).toContain("| --- | --- | --- | --- |");
    expect(lines).toContain("| Surgery | 4 / 200 | 3 / 100, RL 1.50 | 7 / 300 |");
    expect(lines).toContain("| Medicine | * / 150 | 5 / 50, RL * | * / 200 |");
  });

  it("names an indicator without a title by its number, and each table in the document's order", () => {
    const md = renderBreakdownMarkdown(
      protectedDoc({ "1": { breakdowns: [headcount()] }, "12": { breakdowns: [headcount()] }, "9": { voting: {} } }),
      "gender",
    );
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual([
      "## Indicator 1: Workforce by pay band (percentage White, BME and unknown)",
      "## Indicator 12",
    ]);
  });

  it("labels ethnic categories with their group, escapes what would break a Markdown table, and keeps unknown names as written", () => {
    const t: BreakdownTable = {
      dimension: "ethnic-category",
      rows: ["all", "Women|Children\\Ward\r\nTwo"],
      columns: ["A", "H", "Z", "unknown", "total"],
      sides: { A: "reference", H: "focus", Z: "focus", unknown: "unknown" },
      parents: { A: "white", H: "asian" },
      cells: {
        all: { A: { count: 5 }, H: { count: 5 }, Z: { count: 0 }, unknown: { count: 0 }, total: { count: 10 } },
      },
    };
    const lines = renderBreakdownMarkdown(protectedDoc({ "1": { breakdowns: [t] } }), "ethnic-category").split("\n");
    expect(lines).toContain("| ethnic category | A (White) | H (Asian) | Z () | Unknown | Total |");
    expect(lines).toContain("| All | 5 (50.0%) | 5 (50.0%) | 0 (0.0%) | 0 (0.0%) | 10 (100.0%) |");
    // A row with no cells at all: every figure not calculable, its total too, so the row is as wide as the header.
    expect(lines).toContain("| Women\\|Children\\\\Ward Two | n/a (n/a) | n/a (n/a) | n/a (n/a) | n/a (n/a) | n/a |");
  });

  it("keeps a column name it has no label for, outside ethnic categories", () => {
    const t = headcount();
    t.columns = ["white", "bme", "not-a-group", "total"];
    t.dimension = "staff-group";
    const lines = renderBreakdownMarkdown(protectedDoc({ "1": { breakdowns: [t] } }), "staff-group").split("\n");
    expect(lines).toContain("| staff group | White | BME | not-a-group | Total |");
    expect(lines[0]).toBe("# Breakdown by staff group");
  });

  it("says so when no indicator carries the dimension", () => {
    const md = renderBreakdownMarkdown(protectedDoc({ "1": { breakdowns: [headcount()] } }), "ethnic-group-gender");
    expect(md.split("\n")).toEqual([
      "# Breakdown by ethnic group and gender",
      "",
      "* hidden to protect small numbers (docs/disclosure-control.md).",
      "",
      "No indicator could be broken down by ethnic group and gender: the data do not carry it (or the results were saved before breakdowns).",
      "",
    ]);
  });

  it("counts the teams with no BME member, without naming them", () => {
    const md = renderBreakdownMarkdown(
      protectedDoc({ "1": { breakdowns: [headcount()], teamsWithoutFocus: { teams: 8, without: 2, names: null } } }),
      "division",
    );
    expect(md).toContain("Teams with no BME member: 2 of 8 (names are in the exact results only).");
    expect(md).toContain("No indicator could be broken down by division");
  });

  it("knows the seven dimensions by name", () => {
    expect(DIMENSION_NAMES).toEqual([
      "ethnic-group",
      "ethnic-category",
      "gender",
      "ethnic-group-gender",
      "directorate",
      "division",
      "staff-group",
    ]);
    expect(isDimension("directorate")).toBe(true);
    expect(isDimension("team")).toBe(false);
    expect(isDimension("toString")).toBe(false);
  });
});

describe("the --breakdown Markdown, line by line", () => {
  it("writes each table under its heading with a blank line around each part, and ends with the teams line", () => {
    const headcountTable: BreakdownTable = {
      dimension: "gender",
      rows: ["female", "male", "other", "unknown", ""],
      columns: ["white", "bme", "total"],
      sides: { white: "reference", bme: "focus" },
      cells: {
        female: { white: { count: 3 }, bme: { count: 1 }, total: { count: 4 } },
        male: { white: { count: 1 }, bme: { count: 1 }, total: { count: 2 } },
        other: { white: { count: 1 }, bme: { count: 0 }, total: { count: 1 } },
        unknown: { white: { count: 0 }, bme: { count: 1 }, total: { count: 1 } },
        "": { white: { count: 2 }, bme: { count: 0 }, total: { count: 2 } },
      },
    };
    const rlTable: BreakdownTable = {
      dimension: "gender",
      rows: ["female"],
      columns: ["white", "bme"],
      sides: { white: "reference", bme: "focus" },
      cells: { female: { white: { count: 2, of: 20, rate: 0.1 }, bme: { count: 1, of: 5, rate: 0.2 } } },
      likelihood: { female: { bme: 2 } },
    };
    const md = renderBreakdownMarkdown(
      protectedDoc({
        "1": { breakdowns: [headcountTable], teamsWithoutFocus: { teams: 3, without: 1, names: null } },
        "3": { breakdowns: [rlTable] },
      }),
      "gender",
    );
    expect(md.split("\n")).toEqual([
      "# Breakdown by gender",
      "",
      "* hidden to protect small numbers (docs/disclosure-control.md).",
      "",
      "## Indicator 1: Workforce by pay band (percentage White, BME and unknown)",
      "",
      "| gender | White | BME | Total |",
      "| --- | --- | --- | --- |",
      "| Female | 3 (75.0%) | 1 (25.0%) | 4 (100.0%) |",
      "| Male | 1 (50.0%) | 1 (50.0%) | 2 (100.0%) |",
      "| Other gender | 1 (100.0%) | 0 (0.0%) | 1 (100.0%) |",
      "| Not known | 0 (0.0%) | 1 (100.0%) | 1 (100.0%) |",
      "| Not recorded | 2 (100.0%) | 0 (0.0%) | 2 (100.0%) |",
      "",
      "## Indicator 3: Relative likelihood of BME staff entering the formal disciplinary process compared with White staff",
      "",
      "Each cell: count / denominator, and the relative likelihood against White in the same row.",
      "",
      "| gender | White | BME |",
      "| --- | --- | --- |",
      "| Female | 2 / 20 | 1 / 5, RL 2.00 |",
      "",
      "Teams with no BME member: 1 of 3 (names are in the exact results only).",
      "",
    ]);
  });

  it("labels every broad ethnic group's column", () => {
    const t: BreakdownTable = {
      dimension: "ethnic-group",
      rows: ["all"],
      columns: ["white", "mixed", "asian", "black", "other", "unknown", "total"],
      sides: { white: "reference", mixed: "focus", asian: "focus", black: "focus", other: "focus", unknown: "unknown" },
      cells: {
        all: {
          white: { count: 5 },
          mixed: { count: 1 },
          asian: { count: 1 },
          black: { count: 1 },
          other: { count: 1 },
          unknown: { count: 1 },
          total: { count: 10 },
        },
      },
    };
    const lines = renderBreakdownMarkdown(protectedDoc({ "1": { breakdowns: [t] } }), "ethnic-group").split("\n");
    expect(lines[0]).toBe("# Breakdown by ethnic group");
    expect(lines).toContain("| ethnic group | White | Mixed | Asian | Black | Other | Unknown | Total |");
    expect(lines).toContain(
      "| All | 5 (50.0%) | 1 (10.0%) | 1 (10.0%) | 1 (10.0%) | 1 (10.0%) | 1 (10.0%) | 10 (100.0%) |",
    );
  });
});

describe("the report's Breakdowns section", () => {
  it("gives a heading per dimension any indicator carries, in display order, with counts but no shares", () => {
    // Gender only on indicator 1, directorate only on indicator 3, nothing on indicator 4.
    const doc = protectedDoc({
      "1": { breakdowns: [headcount()], teamsWithoutFocus: { teams: 5, without: 2, names: null } },
      "3": { breakdowns: [likelihood()] },
      "4": { breakdowns: [] },
    });
    expect(breakdownsSection(doc)).toEqual([
      "## Breakdowns",
      "",
      "Each indicator by ethnic group, gender, directorate and the other dimensions the data carry. * hidden to protect small numbers: breakdown cells are hidden so that no figure above is (docs/disclosure-control.md#breakdowns).",
      "",
      "### By gender",
      "",
      "#### Indicator 1: Workforce by pay band (percentage White, BME and unknown)",
      "",
      "| gender | White | BME | Unknown | Total |",
      "| --- | --- | --- | --- | --- |",
      "| Female | 30 | 10 | 0 | 40 |",
      "| Male | 6 | * | 0 | 9 |",
      "| Not recorded | 0 | 0 | 0 | 0 |",
      "",
      "### By directorate",
      "",
      "#### Indicator 3: Relative likelihood of BME staff entering the formal disciplinary process compared with White staff",
      "",
      "Each cell: count / denominator, and the relative likelihood against White in the same row.",
      "",
      "| directorate | White | BME |",
      "| --- | --- | --- |",
      "| Surgery | 4 / 200 | 3 / 100, RL 1.50 |",
      "| Medicine | * / 150 | 5 / 50, RL * |",
      "",
      "Teams with no BME member: 2 of 5 (names are in the exact results only).",
      "",
    ]);
  });

  it("gives a dimension its heading once, however many indicators carry it", () => {
    const doc = protectedDoc({
      "1": { breakdowns: [headcount()] },
      "3": { breakdowns: [{ ...likelihood(), dimension: "gender" }] },
    });
    const headings = breakdownsSection(doc).filter((l) => l.startsWith("#"));
    expect(headings).toEqual([
      "## Breakdowns",
      "### By gender",
      "#### Indicator 1: Workforce by pay band (percentage White, BME and unknown)",
      "#### Indicator 3: Relative likelihood of BME staff entering the formal disciplinary process compared with White staff",
    ]);
  });

  it("is left out, teams line and all, when no indicator carries a breakdown", () => {
    const doc = protectedDoc({
      "1": { teamsWithoutFocus: { teams: 5, without: 2, names: null } },
      "3": { breakdowns: [] },
      "9": { voting: {} },
    });
    expect(breakdownsSection(doc)).toEqual([]);
  });
});

describe("breakdownView: the reference column need not come first", () => {
  it("hides a likelihood when the reference group's count is hidden, wherever its column is", () => {
    const t: BreakdownTable = {
      dimension: "directorate",
      rows: ["Surgery"],
      columns: ["bme", "unknown", "white"],
      sides: { bme: "focus", unknown: "unknown", white: "reference" },
      cells: {
        Surgery: {
          bme: { count: 5, of: 50, rate: 0.1 },
          unknown: { count: 1, of: 9, rate: 1 / 9 },
          white: { count: null, of: 150, rate: null, suppressed: { count: "hidden", rate: "hidden" } },
        },
      },
      likelihood: { Surgery: { bme: null, unknown: null } },
    };
    const [bme, unknown] = breakdownView(t).rows[0]!.cells;
    expect(bme!.likelihood).toEqual({ value: null, hidden: true });
    expect(unknown!.likelihood).toEqual({ value: null, hidden: true });
    t.cells.Surgery!.white = { count: 0, of: 150, rate: 0 };
    expect(breakdownView(t).rows[0]!.cells[0]!.likelihood).toEqual({ value: null, hidden: false });
  });
});
