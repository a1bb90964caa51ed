// The indicators' primitives as a reader of the results meets them: ratios and their intervals, the reasons a
// ratio cannot be given, the four-fifths band's edges, figures as printed, financial years, and tallies.
import { describe, expect, it } from "vitest";
import { isAdverse, percent, rate, ratioOfRatios, relativeLikelihood, Z_95 } from "../../../src/indicators/stats";
import { formatCount, formatPercent, formatPoints, formatRatio, HIDDEN_MARK } from "../../../src/indicators/format";
import { financialYearOf, periodLabel, periodStartYear } from "../../../src/indicators/period";
import {
  addTally,
  capitalise,
  emptyTally,
  fromCounts,
  tally,
  tallyBy,
  tallyTotal,
  toCounts,
} from "../../../src/indicators/groups";

const band = { low: 0.8, high: 1.25 };

describe("rates", () => {
  it("divide, and give nothing (not 0 or Infinity) when there is no one to count from", () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(percent(1, 4)).toBe(25);
    expect(rate(3, 0)).toBeNull();
    expect(percent(3, 0)).toBeNull();
    expect(rate(0, -1)).toBeNull();
    expect(percent(0, -1)).toBeNull();
  });
});

describe("relative likelihood", () => {
  const rl = (a: number, n1: number, c: number, n2: number) =>
    relativeLikelihood({ count: a, of: n1 }, { count: c, of: n2 });

  it("names why it cannot be given, and on which side", () => {
    expect(rl(Number.NaN, 10, 1, 10)).toMatchObject({
      value: null,
      ci95: null,
      significant: null,
      reason: "missing-input",
      reasonSide: null,
    });
    expect(rl(1, 10, 1, Number.POSITIVE_INFINITY)).toMatchObject({ reason: "missing-input", reasonSide: null });
    expect(rl(0, 0, 1, 10)).toMatchObject({ value: null, reason: "zero-denominator", reasonSide: "top" });
    expect(rl(1, 10, 0, 0)).toMatchObject({ value: null, reason: "zero-denominator", reasonSide: "bottom" });
    expect(rl(1, -5, 1, 10)).toMatchObject({ reason: "zero-denominator", reasonSide: "top" });
    expect(rl(11, 10, 1, 10)).toMatchObject({
      value: null,
      reason: "numerator-exceeds-denominator",
      reasonSide: "top",
    });
    expect(rl(1, 10, 11, 10)).toMatchObject({
      value: null,
      reason: "numerator-exceeds-denominator",
      reasonSide: "bottom",
    });
    expect(rl(0, 10, 0, 10)).toMatchObject({ value: null, reason: "zero-numerators", reasonSide: null });
    expect(rl(0, 10, 1, 10)).toMatchObject({ value: null, reason: "zero-numerator", reasonSide: "top" });
    expect(rl(1, 10, 0, 10)).toMatchObject({ value: null, reason: "zero-numerator", reasonSide: "bottom" });
  });

  it("is given at the edges: a numerator equal to its denominator, and a denominator of one", () => {
    expect(rl(10, 10, 5, 10)).toMatchObject({ value: 2, reason: null, reasonSide: null });
    expect(rl(1, 1, 1, 2)).toMatchObject({ value: 2, reason: null });
  });

  it("is significant when the whole interval is on one side of 1, in either direction", () => {
    const above = rl(400, 1000, 100, 1000);
    expect(above.value).toBe(4);
    expect(above.ci95![0]).toBeGreaterThan(1);
    expect(above.significant).toBe(true);
    const below = rl(100, 1000, 400, 1000);
    expect(below.value).toBe(0.25);
    expect(below.ci95![1]).toBeLessThan(1);
    expect(below.significant).toBe(true);
    const across = rl(11, 100, 10, 100);
    expect(across.ci95![0]).toBeLessThan(1);
    expect(across.ci95![1]).toBeGreaterThan(1);
    expect(across.significant).toBe(false);
  });

  it("is not significant when an end of the interval is exactly 1", () => {
    // Equal rates with z = 0: the interval is the value itself, [1, 1], which touches 1 on both ends.
    const out = relativeLikelihood({ count: 1, of: 2 }, { count: 3, of: 6 }, 0);
    expect(out.ci95).toEqual([1, 1]);
    expect(out.significant).toBe(false);
  });

  it("narrows to the value itself with z = 0, and an everyone-counted side adds no variance", () => {
    const [low, high] = relativeLikelihood({ count: 30, of: 100 }, { count: 10, of: 100 }, 0).ci95!;
    expect(low).toBeCloseTo(3, 12);
    expect(high).toBeCloseTo(3, 12);
    // All ten of ten on top: 1/10 - 1/10 = 0; the bottom's 1/5 - 1/10 alone sets the width.
    const out = relativeLikelihood({ count: 10, of: 10 }, { count: 5, of: 10 });
    expect(out.ci95![0]).toBeCloseTo(2 * Math.exp(-Z_95 * Math.sqrt(0.1)), 12);
    expect(out.ci95![1]).toBeCloseTo(2 * Math.exp(Z_95 * Math.sqrt(0.1)), 12);
  });
});

describe("the four-fifths band (0.80-1.25)", () => {
  it("treats its edges, and values within rounding of them, as not adverse", () => {
    expect(isAdverse(0.8, band)).toBe(false);
    expect(isAdverse(1.25, band)).toBe(false);
    expect(isAdverse(0.8 * (1 - 1e-14), band)).toBe(false);
    expect(isAdverse(1.25 * (1 + 1e-14), band)).toBe(false);
    expect(isAdverse(1, band)).toBe(false);
  });

  it("flags anything past an edge", () => {
    expect(isAdverse(0.8 - 1e-9, band)).toBe(true);
    expect(isAdverse(1.25 + 1e-9, band)).toBe(true);
    expect(isAdverse(0.5, band)).toBe(true);
    expect(isAdverse(3, band)).toBe(true);
  });
});

describe("a ratio of two ratios (the race disparity ratio)", () => {
  const rr = (a: number, n1: number, c: number, n2: number) =>
    ratioOfRatios({ count: a, of: n1 }, { count: c, of: n2 });

  it("is exact from whole counts", () => {
    expect(rr(80, 1000, 100, 1000)).toEqual({ value: 0.8, reason: null });
    expect(rr(1, 1, 1, 3)).toEqual({ value: 3, reason: null });
  });

  it("names why it cannot be given", () => {
    expect(rr(Number.NaN, 1, 1, 1)).toEqual({ value: null, reason: "missing-input" });
    expect(rr(1, 0, 1, 1)).toEqual({ value: null, reason: "zero-denominator" });
    expect(rr(1, 1, 1, 0)).toEqual({ value: null, reason: "zero-denominator" });
    expect(rr(0, 1, 0, 1)).toEqual({ value: null, reason: "zero-numerators" });
    expect(rr(0, 1, 1, 1)).toEqual({ value: null, reason: "zero-numerator" });
    expect(rr(1, 1, 0, 1)).toEqual({ value: null, reason: "zero-numerator" });
  });
});

describe("figures as printed", () => {
  it("ratios to two places, n/a when there is none", () => {
    expect(formatRatio(1.8)).toBe("1.80");
    expect(formatRatio(3.214)).toBe("3.21");
    expect(formatRatio(null)).toBe("n/a");
    expect(formatRatio(undefined)).toBe("n/a");
    expect(formatRatio(Number.NaN)).toBe("n/a");
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe("n/a");
  });

  it("percentages to one place, and a hidden one as the one hidden mark", () => {
    expect(formatPercent(13.333)).toBe("13.3%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(null)).toBe("n/a");
    expect(formatPercent(undefined)).toBe("n/a");
    expect(formatPercent(Number.NaN)).toBe("n/a");
    expect(formatPercent(13.3, true)).toBe(HIDDEN_MARK);
    expect(formatPercent(null, true)).toBe("*");
  });

  it("percentage points with a sign, and no sign on a change that rounds to nothing", () => {
    expect(formatPoints(4.24)).toBe("+4.2 pp");
    expect(formatPoints(-4.24)).toBe("-4.2 pp");
    expect(formatPoints(0)).toBe("0.0 pp");
    expect(formatPoints(0.04)).toBe("0.0 pp");
    expect(formatPoints(-0.04)).toBe("0.0 pp");
    expect(formatPoints(0.05)).toBe("+0.1 pp");
    expect(formatPoints(null)).toBe("n/a");
    expect(formatPoints(undefined)).toBe("n/a");
    expect(formatPoints(Number.NEGATIVE_INFINITY)).toBe("n/a");
  });

  it("counts with thousands separators; a marked count is hidden whatever its value", () => {
    expect(formatCount(12345)).toBe("12,345");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(null)).toBe("n/a");
    expect(formatCount(undefined)).toBe("n/a");
    expect(formatCount(7, "suppressed")).toBe(HIDDEN_MARK);
    expect(formatCount(7, "")).toBe(HIDDEN_MARK);
  });
});

describe("financial years (1 April to 31 March)", () => {
  it("reads a year's start from the ways it is written, and nothing else", () => {
    for (const written of ["2024/25", "2024-25", "2024/2025", "2024", " 2024 / 25 ", "2024 - 2025"])
      expect(periodStartYear(written)).toBe(2024);
    for (const other of ["", "24/25", "2024/5", "FY2024", "2024/25 draft", "2024/255"])
      expect(periodStartYear(other)).toBeNull();
    expect(periodStartYear(null)).toBeNull();
    expect(periodStartYear(undefined)).toBeNull();
  });

  it("labels a start year as plans write it", () => {
    expect(periodLabel(2024)).toBe("2024/25");
    expect(periodLabel(2008)).toBe("2008/09");
    expect(periodLabel(2099)).toBe("2099/00");
  });

  it("puts 31 March in the year before and 1 April in its own", () => {
    expect(financialYearOf("2025-03-31")).toBe(2024);
    expect(financialYearOf("2025-04-01")).toBe(2025);
    expect(financialYearOf("2025-01-15T10:00:00Z")).toBe(2024);
    expect(financialYearOf("2024-12-31")).toBe(2024);
    expect(financialYearOf(null)).toBeNull();
    expect(financialYearOf("")).toBeNull();
    expect(financialYearOf("31/03/2025")).toBeNull();
    expect(financialYearOf("2025-3-31")).toBeNull();
  });
});

describe("tallies", () => {
  const people = [
    { side: "reference" as const, band: "5" },
    { side: "focus" as const, band: "5" },
    { side: "focus" as const, band: null },
    { side: "unknown" as const, band: "6" },
    { side: "focus" as const, band: "6" },
  ];

  it("count each record once on its side", () => {
    const t = tally(people, (p) => p.side);
    expect(t).toEqual({ reference: 1, focus: 3, unknown: 1 });
    expect(tallyTotal(t)).toBe(5);
    expect(tally([], () => "focus")).toEqual(emptyTally());
  });

  it("count by key, leaving out records without one", () => {
    const byBand = tallyBy(
      people,
      (p) => p.band,
      (p) => p.side,
    );
    expect([...byBand.entries()]).toEqual([
      ["5", { reference: 1, focus: 1, unknown: 0 }],
      ["6", { reference: 0, focus: 1, unknown: 1 }],
    ]);
  });

  it("add into the first tally", () => {
    const into = { reference: 1, focus: 2, unknown: 3 };
    const out = addTally(into, { reference: 10, focus: 20, unknown: 30 });
    expect(out).toBe(into);
    expect(into).toEqual({ reference: 11, focus: 22, unknown: 33 });
  });

  it("shape as the document's counts, unknowns in every denominator, and read back with hidden counts as 0", () => {
    const counts = toCounts({ reference: 6, focus: 3, unknown: 1 }, { reference: "white", focus: "bme" });
    expect(counts).toEqual({ white: 6, bme: 3, unknown: 1, total: 10, whitePct: 60, bmePct: 30, unknownPct: 10 });
    expect(toCounts(emptyTally(), { reference: "white", focus: "bme" })).toEqual({
      white: 0,
      bme: 0,
      unknown: 0,
      total: 0,
      whitePct: null,
      bmePct: null,
      unknownPct: null,
    });
    expect(fromCounts(counts, { reference: "white", focus: "bme" })).toEqual({ reference: 6, focus: 3, unknown: 1 });
    expect(fromCounts({ ...counts, bme: null, unknown: null }, { reference: "white", focus: "bme" })).toEqual({
      reference: 6,
      focus: 0,
      unknown: 0,
    });
  });

  it("capitalise a group's name for keys such as boardBmePct", () => {
    expect(capitalise("bme")).toBe("Bme");
    expect(capitalise("")).toBe("");
  });
});
