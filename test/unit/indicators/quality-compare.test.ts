import { describe, expect, it } from "vitest";
import { computeResults, headlineValue, suppressResults, trendOf, type ResultsDocument } from "../../../src/indicators";
import type { SheetSummary } from "../../../src/indicators";
import { applications, dataset, disciplinary, staffMany, survey } from "./fixtures";

/** A staff sheet's summary: rows read, and those excluded by reason (the rest used). */
const sheet = (file: string, exclusions: Record<string, number>, rowsRead = 120): SheetSummary => ({
  file,
  sheet: "Data",
  kind: "staff",
  headerRow: 3,
  columns: {},
  rowsRead,
  rowsUsed: rowsRead - Object.values(exclusions).reduce((a, b) => a + b, 0),
  rowsExcluded: Object.values(exclusions).reduce((a, b) => a + b, 0),
  exclusions,
  unknownEthnicityPct: 2.5,
  signature: "x",
});

describe("data completeness", () => {
  it("reports the unknown share of every input, with caution above 5% and unreliable above 20%", () => {
    const doc = computeResults(
      dataset({
        staff: [...staffMany(94, "white"), ...staffMany(6, "unknown")],
        applications: [...applications("white", 70, 7), ...applications("unknown", 30, 0)],
        cases: [disciplinary("white"), disciplinary("unknown")],
      }),
    );
    const q = doc.dataQuality;
    expect(q.inputs.staff).toMatchObject({ records: 100, unknown: 6, level: "caution" });
    expect(q.inputs.staff!.unknownPct).toBeCloseTo(6, 12);
    expect(q.inputs.applications).toMatchObject({ records: 100, unknown: 30, level: "unreliable" });
    expect(q.inputs.cases).toMatchObject({ records: 2, unknown: 1, level: "unreliable" });
    expect(q.inputs.training).toBeUndefined();
    expect(q.warnings.map((w) => [w.input, w.level])).toEqual([
      ["staff", "caution"],
      ["applications", "unreliable"],
      ["cases", "unreliable"],
    ]);
  });

  it("a case without ethnicity of its own takes it from staff in post before it counts as unknown", () => {
    const staff = staffMany(10, "bme");
    const doc = computeResults(dataset({ staff, cases: [disciplinary("unknown", { personId: staff[0]!.personId })] }));
    expect(doc.dataQuality.inputs.cases).toMatchObject({ unknown: 0, level: "ok" });
  });

  it("carries excluded rows and reading problems from the sheets", () => {
    const doc = computeResults(
      dataset({
        staff: staffMany(20, "white"),
        sheets: [
          sheet("esr.xlsx", { "bank-only": 12, "second-assignment": 3 }),
          sheet("esr-2.xlsx", { "bank-only": 1 }),
        ],
        issues: [
          { severity: "warning", code: "x", message: "m", file: "f", sheet: null, row: 4, column: "C", header: null },
          { severity: "error", code: "y", message: "m", file: "f", sheet: null, row: 5, column: "D", header: null },
        ],
      }),
    );
    expect(doc.dataQuality.rowsExcluded).toBe(16);
    expect(doc.dataQuality.exclusions).toEqual({ "bank-only": 13, "second-assignment": 3 });
    expect(doc.dataQuality.sheets).toHaveLength(2);
    expect(doc.dataQuality.issues).toEqual({ errors: 1, warnings: 1 });
  });

  it("orders the reasons rows were excluded by how many, whatever order the files were read in", () => {
    const staffFile = sheet("staff.xlsx", { "secondary-assignment": 155, "duplicate-person": 331 }, 2000);
    const casesFile = sheet("cases.xlsx", { "no-date": 4, "duplicate-person": 2 });
    const reasons = (sheets: SheetSummary[]) =>
      Object.entries(computeResults(dataset({ staff: staffMany(20, "white"), sheets })).dataQuality.exclusions);
    const expected = [
      ["duplicate-person", 333],
      ["secondary-assignment", 155],
      ["no-date", 4],
    ];
    expect(reasons([staffFile, casesFile])).toEqual(expected);
    expect(reasons([casesFile, staffFile])).toEqual(expected);
    // Equal counts: by name.
    expect(reasons([sheet("a.xlsx", { "no-date": 2, "bank-only": 2 })])).toEqual([
      ["bank-only", 2],
      ["no-date", 2],
    ]);
  });
});

describe("comparison with an earlier year", () => {
  const year = (
    white: [number, number],
    bme: [number, number],
    s5: [number, number],
    period: string,
  ): ResultsDocument =>
    computeResults(
      dataset({
        applications: [...applications("white", white[0], white[1]), ...applications("bme", bme[0], bme[1])],
        survey: [survey(5, ...s5)],
        period,
      }),
    );

  it("uses the national RL2 series: 1.54 (2022) to 1.59 (2023) is worse, 1.61 to 1.54 better", () => {
    expect(trendOf(1.59, 1.54, "towards-one", 2)).toBe("worsened");
    expect(trendOf(1.54, 1.61, "towards-one", 2)).toBe("improved");
    // National RL3: 1.56 (2016), 1.24 (2018), 1.14 (2021 and 2022).
    expect(trendOf(1.24, 1.56, "towards-one", 2)).toBe("improved");
    expect(trendOf(1.14, 1.24, "towards-one", 2)).toBe("improved");
    expect(trendOf(1.14, 1.14, "towards-one", 2)).toBe("unchanged");
    // A change too small to show at 2 decimal places is unchanged.
    expect(trendOf(1.1449, 1.1401, "towards-one", 2)).toBe("unchanged");
    // Equally far from parity on the log scale: 0.8 and 1.25.
    expect(trendOf(0.8, 1.25, "towards-one", 2)).toBe("unchanged");
    expect(trendOf(0.9, 1.2, "towards-one", 2)).toBe("improved");
    expect(trendOf(null, 1.2, "towards-one", 2)).toBe("not-comparable");
  });

  it("gives the change and trend per indicator, respecting each one's direction of good", () => {
    const previous = year([1000, 308], [1000, 200], [30, 35], "2022/23"); // RL 1.54
    const current = computeResults(
      dataset({
        applications: [...applications("white", 1000, 318), ...applications("bme", 1000, 200)],
        survey: [survey(5, 29, 33)],
        period: "2023/24",
      }),
      { previous },
    );
    const items = current.comparison!.items;
    expect(current.comparison!.previousPeriod).toBe("2022/23");
    const rl = items.find((i) => i.indicator === "2")!;
    expect(rl.previous).toBeCloseTo(1.54, 12);
    expect(rl.current).toBeCloseTo(1.59, 12);
    expect(rl.change).toBeCloseTo(0.05, 12);
    expect(rl.trend).toBe("worsened");
    const s5 = items.find((i) => i.indicator === "5" && i.measure === "bmePct")!;
    expect(s5).toMatchObject({ previous: 35, current: 33, change: -2, trend: "improved", direction: "lower" });
    const gap = items.find((i) => i.indicator === "5" && i.measure === "gap")!;
    expect(gap).toMatchObject({ previous: 5, current: 4, trend: "improved" });
  });

  it("gives the headline figure saved per indicator", () => {
    const doc = computeResults(
      dataset({
        staff: [...staffMany(75, "white"), ...staffMany(25, "bme")],
        applications: [...applications("white", 100, 40), ...applications("bme", 100, 20)],
        survey: [survey(7, 60, 45)],
      }),
    );
    expect(headlineValue(doc.indicators["1"]!, doc.groups)).toBeCloseTo(25, 12);
    expect(headlineValue(doc.indicators["2"]!, doc.groups)).toBeCloseTo(2, 12);
    expect(headlineValue(doc.indicators["7"]!, doc.groups)).toBe(45);
  });

  it("an indicator missing last year is not comparable", () => {
    const previous = computeResults(dataset({ survey: [survey(5, 30, 35)] }));
    const current = computeResults(
      dataset({
        survey: [survey(5, 30, 35)],
        applications: [...applications("white", 10, 5), ...applications("bme", 10, 5)],
      }),
      { previous },
    );
    expect(current.comparison!.items.find((i) => i.indicator === "2")!.trend).toBe("not-comparable");
    expect(current.comparison!.items.find((i) => i.indicator === "5" && i.measure === "gap")!.trend).toBe("unchanged");
  });

  it("a publishable copy does not show a percentage of a small count in the comparison", () => {
    const staff = (bmeSenior: number) => [
      ...staffMany(200, "white", { band: "5" }),
      ...staffMany(50, "bme", { band: "5" }),
      ...staffMany(40, "white", { band: "8a" }),
      ...staffMany(bmeSenior, "bme", { band: "8a" }),
    ];
    const previous = computeResults(dataset({ staff: staff(3) }));
    const current = computeResults(dataset({ staff: staff(12) }), { previous });
    const senior = current.comparison!.items.find((i) => i.measure === "senior.8a-VSM.bmePct")!;
    expect(senior.previous).not.toBeNull();
    const published = suppressResults(current).comparison!.items.find((i) => i.measure === "senior.8a-VSM.bmePct")!;
    expect(published).toMatchObject({ previous: null, change: null, trend: "not-comparable" });
    expect("counts" in published).toBe(false);
  });

  it("marks a comparison's figure hidden this year or last, and leaves one that is not calculable unmarked", () => {
    const staff = (bmeSenior: number) => [
      ...staffMany(200, "white", { band: "5" }),
      ...staffMany(50, "bme", { band: "5" }),
      ...staffMany(40, "white", { band: "8a" }),
      ...staffMany(bmeSenior, "bme", { band: "8a" }),
    ];
    const item = (doc: ResultsDocument, measure: string) => doc.comparison!.items.find((i) => i.measure === measure)!;
    const compare = (last: number, now: number) => {
      const previous = computeResults(dataset({ staff: staff(last) }));
      return suppressResults(computeResults(dataset({ staff: staff(now) }), { previous }), 10, { previous });
    };
    // 3 BME staff at 8a and above last year: last year's protected copy hid their share.
    expect(item(compare(3, 12), "senior.8a-VSM.bmePct")).toMatchObject({
      previous: null,
      change: null,
      trend: "not-comparable",
      suppressed: { previous: "hidden" },
    });
    expect(item(compare(12, 3), "senior.8a-VSM.bmePct")).toMatchObject({
      current: null,
      suppressed: { current: "hidden" },
    });
    // Shown both years: no mark.
    expect(item(compare(12, 15), "senior.8a-VSM.bmePct")).not.toHaveProperty("suppressed");
    // Nobody at 8c and above either year: not calculable, not hidden.
    const none = item(compare(12, 15), "senior.8c-VSM.bmePct");
    expect(none).toMatchObject({ current: null, previous: null, trend: "not-comparable" });
    expect(none).not.toHaveProperty("suppressed");
  });
});
