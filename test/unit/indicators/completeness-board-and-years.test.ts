// Edges that the mutation run (docs/mutation-testing.md) showed no test pinned down: the completeness levels at
// their thresholds, aggregated inputs' completeness, indicator 9 from board aggregates of one kind only, the
// survey year picked when some rows carry none, the Model Employer pace once the target year has come, and the
// reporting period as written.
import { describe, expect, it } from "vitest";
import { computeResults, type BoardResult, type SurveyResult } from "../../../src/indicators";
import { financialYearOf } from "../../../src/indicators/period";
import type { SheetSummary } from "../../../src/indicators";
import { aggregate, applications, dataset, staffMany, survey } from "./fixtures";

describe("data completeness at its thresholds (caution above 5% unknown, unreliable above 20%)", () => {
  const levelAt = (unknown: number) =>
    computeResults(dataset({ staff: [...staffMany(100 - unknown, "white"), ...staffMany(unknown, "unknown")] }))
      .dataQuality;

  it("is ok at exactly 5% unknown, and warns of nothing", () => {
    const q = levelAt(5);
    expect(q.inputs.staff).toMatchObject({ records: 100, unknown: 5, unknownPct: 5, level: "ok" });
    expect(q.warnings).toEqual([]);
  });

  it("is caution at exactly 20% unknown, and unreliable above it", () => {
    expect(levelAt(20).inputs.staff!.level).toBe("caution");
    expect(levelAt(20).warnings).toEqual([{ input: "staff", level: "caution", unknownPct: 20 }]);
    expect(levelAt(21).inputs.staff!.level).toBe("unreliable");
  });

  it("warns only of the inputs that are not ok", () => {
    const q = computeResults(
      dataset({
        staff: [...staffMany(99, "white"), ...staffMany(1, "unknown")],
        applications: [...applications("white", 7, 1), ...applications("unknown", 3, 0)],
      }),
    ).dataQuality;
    expect(q.inputs.staff!.level).toBe("ok");
    expect(q.warnings).toEqual([{ input: "applications", level: "unreliable", unknownPct: 30 }]);
  });

  it("counts aggregated counts' unknowns over all their people", () => {
    const q = computeResults(
      dataset({ aggregates: [aggregate("staff", 80, 12, 8), aggregate("training", 30, 5, 15)] }),
    ).dataQuality;
    expect(q.inputs.aggregates).toEqual({ records: 150, unknown: 23, unknownPct: (23 / 150) * 100, level: "caution" });
    expect(q.warnings).toEqual([{ input: "aggregates", level: "caution", unknownPct: (23 / 150) * 100 }]);
    expect(computeResults(dataset({ staff: staffMany(3, "white") })).dataQuality.inputs.aggregates).toBeUndefined();
  });

  it("lists each sheet's own exclusions, and counts errors and warnings apart", () => {
    const sheet: SheetSummary = {
      file: "esr.xlsx",
      sheet: "Data",
      kind: "staff",
      headerRow: 1,
      columns: {},
      rowsRead: 50,
      rowsUsed: 46,
      rowsExcluded: 4,
      exclusions: { "bank-only": 3, "second-assignment": 1 },
      unknownEthnicityPct: 4,
      signature: "x",
    };
    const issue = (severity: "error" | "warning", row: number) => ({
      severity,
      code: "c",
      message: "m",
      file: "esr.xlsx",
      sheet: "Data",
      row,
      column: "B",
      header: null,
    });
    const q = computeResults(
      dataset({
        staff: staffMany(46, "white"),
        sheets: [sheet],
        issues: [issue("warning", 2), issue("error", 3), issue("warning", 4)],
      }),
    ).dataQuality;
    expect(q.sheets).toEqual([
      {
        file: "esr.xlsx",
        sheet: "Data",
        kind: "staff",
        rowsRead: 50,
        rowsUsed: 46,
        rowsExcluded: 4,
        exclusions: { "bank-only": 3, "second-assignment": 1 },
        unknownEthnicityPct: 4,
      },
    ]);
    expect(q.issues).toEqual({ errors: 1, warnings: 2 });
  });
});

describe("indicator 9 from board aggregates", () => {
  const board = (rows: ReturnType<typeof aggregate>[]) =>
    computeResults(dataset({ aggregates: [aggregate("staff", 80, 20, 0), ...rows] })).indicators["9"] as
      BoardResult | undefined;

  it("with voting members only, gives the voting difference and says the executive one has no one to count", () => {
    const b = board([aggregate("board-voting", 8, 2, 0)])!;
    expect(b.source).toBe("aggregates");
    expect(b.voting).toMatchObject({ boardBmePct: 20, workforceBmePct: 20, difference: 0, reason: null });
    expect(b.executive).toMatchObject({ boardBmePct: null, difference: null, reason: "zero-denominator" });
    expect(b.executive.members).toMatchObject({ white: 0, bme: 0, unknown: 0, total: 0 });
  });

  it("with executive members only, the other way round", () => {
    const b = board([aggregate("board-executive", 3, 1, 0)])!;
    expect(b.executive).toMatchObject({ boardBmePct: 25, difference: 5, reason: null });
    expect(b.voting).toMatchObject({ boardBmePct: null, difference: null, reason: "zero-denominator" });
    expect(b.voting.members).toMatchObject({ total: 0 });
  });

  it("is left out when there is no board input at all", () => {
    expect(board([])).toBeUndefined();
  });
});

describe("indicators 5-8: which survey year", () => {
  const s5 = (rows: ReturnType<typeof survey>[]) =>
    computeResults(dataset({ survey: rows })).indicators["5"] as SurveyResult;

  it("takes the latest year whatever the order of the rows", () => {
    expect(s5([survey(5, 26, 29.5, { year: 2024 }), survey(5, 27.5, 30.25, { year: 2023 })])).toMatchObject({
      year: 2024,
      whitePct: 26,
    });
  });

  it("prefers a row with a year to one without, in either order", () => {
    expect(s5([survey(5, 26, 29.5, { year: 2023 }), survey(5, 40, 41, { year: null })])).toMatchObject({
      year: 2023,
      whitePct: 26,
    });
    expect(s5([survey(5, 40, 41, { year: null }), survey(5, 26, 29.5, { year: 2023 })])).toMatchObject({
      year: 2023,
      whitePct: 26,
    });
  });

  it("of two rows for the same year, uses the first as the sheet lists them", () => {
    expect(s5([survey(5, 26, 29.5, { year: 2024 }), survey(5, 40, 41, { year: 2024 })])).toMatchObject({
      whitePct: 26,
      bmePct: 29.5,
    });
  });
});

describe("Model Employer once the target year has come", () => {
  it("still says how many more are needed, with no pace per year (there are no years left)", () => {
    const staff = [
      ...staffMany(60, "white", { band: "5" }),
      ...staffMany(40, "bme", { band: "5" }),
      ...staffMany(9, "white", { band: "8a" }),
      ...staffMany(1, "bme", { band: "8a" }),
    ];
    const me = computeResults(dataset({ staff, period: "2027/28" }), { modelEmployerTargetYear: 2028 }).related
      .modelEmployer!;
    expect(me.yearsLeft).toBe(0);
    const b8a = me.bands.find((b) => b.band === "8a")!;
    expect(b8a.needed).toBe(3);
    expect(b8a.neededPerYear).toBeNull();
  });
});

describe("the reporting period", () => {
  it("is kept as the data write it", () => {
    expect(computeResults(dataset({ staff: staffMany(2, "white"), period: "2024-25" })).period).toBe("2024-25");
    expect(computeResults(dataset({ staff: staffMany(2, "white") }), { period: "2024 - 2025" }).period).toBe(
      "2024 - 2025",
    );
  });

  it("is worked out from the snapshot date when the data do not name it, and is absent when nothing tells", () => {
    expect(computeResults(dataset({ staff: staffMany(2, "white"), snapshotDate: "2025-03-31" })).period).toBe(
      "2024/25",
    );
    expect(computeResults(dataset({ staff: staffMany(2, "white") })).period).toBeNull();
  });

  it("reads a year only from a date that starts with it", () => {
    expect(financialYearOf("on 2025-04-01")).toBeNull();
    expect(financialYearOf("12025-04-01")).toBeNull();
  });
});

describe("relative likelihoods carry breakdowns unless turned off", () => {
  it("has some on indicators 2-4 by default, and none when turned off", () => {
    const staff = [
      ...staffMany(60, "white", {}, { gender: "Female" }),
      ...staffMany(40, "bme", {}, { gender: "Male" }),
    ];
    const data = dataset({ staff, applications: [...applications("white", 20, 5), ...applications("bme", 10, 2)] });
    expect(computeResults(data).indicators["2"]).toHaveProperty("breakdowns");
    expect(computeResults(data, { breakdowns: false }).indicators["2"]).not.toHaveProperty("breakdowns");
  });
});
