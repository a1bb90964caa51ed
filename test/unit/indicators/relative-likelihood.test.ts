import { describe, expect, it } from "vitest";
import {
  computeResults,
  formatRatio,
  relativeLikelihood,
  type RelativeLikelihoodResult,
  type ResultsDocument,
  type Standard,
  WRES_STANDARD,
} from "../../../src/indicators";
import { makeContext } from "../../../src/indicators/context";
import { likelihoodCounts, type RlDefinition } from "../../../src/indicators/likelihood";
import {
  aggregate,
  application,
  applications,
  cases,
  dataset,
  disciplinary,
  staffMany,
  training,
  trainingMany,
} from "./fixtures";

const rl = (doc: ResultsDocument, id: string) => doc.indicators[id] as RelativeLikelihoodResult;

describe("indicator 2: appointment from shortlisting", () => {
  it("reproduces The Christie 2022 (46.99% vs 14.65% -> 3.21)", () => {
    const doc = computeResults(
      dataset({ applications: [...applications("white", 10000, 4699), ...applications("bme", 10000, 1465)] }),
    );
    const r = rl(doc, "2");
    expect(r.kind).toBe("relative-likelihood");
    expect(formatRatio(r.value)).toBe("3.21");
    expect(r.white).toEqual({ count: 4699, of: 10000, rate: 0.4699 });
    expect(r.bme).toEqual({ count: 1465, of: 10000, rate: 0.1465 });
    expect(r.adverse).toBe(true);
    expect(r.significant).toBe(true);
    expect(r.ci95![0]).toBeLessThan(r.value!);
    expect(r.ci95![1]).toBeGreaterThan(r.value!);
    expect(r.method).toMatch(/Katz/);
  });

  it("excludes unknown-ethnicity applicants and notes appointments without shortlisting", () => {
    const doc = computeResults(
      dataset({
        applications: [
          ...applications("white", 100, 20),
          ...applications("bme", 100, 10),
          ...applications("unknown", 50, 50),
          { ...applications("white", 1, 1)[0]!, shortlisted: false },
        ],
      }),
    );
    const r = rl(doc, "2");
    expect(r.value).toBeCloseTo(2, 12);
    expect(r.white.of).toBe(100);
    expect(r.cautions).toContain("appointed-not-shortlisted");
  });

  it("computes the interval by the log (Katz) method", () => {
    // a=20/n1=100 over c=10/n2=100: se = sqrt(1/20 - 1/100 + 1/10 - 1/100) = sqrt(0.13)
    const out = relativeLikelihood({ count: 20, of: 100 }, { count: 10, of: 100 });
    const se = Math.sqrt(0.13);
    expect(out.value).toBeCloseTo(2, 12);
    expect(out.ci95![0]).toBeCloseTo(2 * Math.exp(-1.959963984540054 * se), 10);
    expect(out.ci95![1]).toBeCloseTo(2 * Math.exp(1.959963984540054 * se), 10);
  });

  it("flags the non-adverse band at its edges (0.80-1.25)", () => {
    const at = (w: number, b: number) =>
      rl(
        computeResults(dataset({ applications: [...applications("white", 1000, w), ...applications("bme", 1000, b)] })),
        "2",
      );
    expect(at(125, 100).adverse).toBe(false); // exactly 1.25
    expect(at(126, 100).adverse).toBe(true);
    expect(at(80, 100).adverse).toBe(false); // exactly 0.80
    expect(at(79, 100).adverse).toBe(true);
  });

  it("uses aggregated counts when there are no application rows", () => {
    const doc = computeResults(
      dataset({ aggregates: [aggregate("shortlisted", 200, 100, 5), aggregate("appointed", 50, 10, 1)] }),
    );
    const r = rl(doc, "2");
    expect(r.source).toBe("aggregates");
    expect(r.value).toBeCloseTo(0.25 / 0.1, 12);
  });
});

describe("indicator 3: entering the formal disciplinary process", () => {
  it("reproduces KMPT 2020 from counts (about 1.8), not from rounded rates (1.7)", () => {
    const doc = computeResults(
      dataset({
        staff: [...staffMany(2500, "white"), ...staffMany(750, "bme")],
        cases: [...cases(17, "white"), ...cases(9, "bme")],
      }),
    );
    const r = rl(doc, "3");
    // Published rates 0.7% and 1.2% (the module's rates round to those); dividing those would give 1.7.
    expect((r.white.rate! * 100).toFixed(1)).toBe("0.7");
    expect((r.bme.rate! * 100).toFixed(1)).toBe("1.2");
    // From the counts: (9/750) / (17/2500) = 22500/12750 = 30/17 = 1.7647..., so 1.8 to one place, not 1.7.
    expect(r.value).toBeCloseTo(30 / 17, 12);
    expect(r.value!.toFixed(1)).toBe("1.8");
    expect(formatRatio(r.value)).toBe("1.76");
    expect(r.bme).toMatchObject({ count: 9, of: 750 });
    expect(r.numerator).toBe("focus");
    expect(r.denominator).toBe("staff");
    expect(r.basis).toBe("single-year");
  });

  it("counts a person once per year and joins cases without ethnicity to staff in post", () => {
    const white = staffMany(100, "white");
    const bme = staffMany(100, "bme");
    const doc = computeResults(
      dataset({
        staff: [...white, ...bme],
        cases: [
          disciplinary("unknown", { personId: bme[0]!.personId }),
          disciplinary("unknown", { personId: bme[0]!.personId }),
          disciplinary("unknown", { personId: bme[1]!.personId }),
          disciplinary("white", { personId: white[0]!.personId }),
          { ...disciplinary("white"), caseType: "grievance" },
        ],
      }),
    );
    const r = rl(doc, "3");
    expect(r.bme.count).toBe(2);
    expect(r.white.count).toBe(1);
    expect(r.value).toBeCloseTo(2, 12);
  });

  it("pools two years of cases over person-years by default, and can use one year", () => {
    const staff = [...staffMany(1000, "white"), ...staffMany(200, "bme")];
    const current = [
      ...cases(10, "white", { startDate: "2024-06-01" }),
      ...cases(4, "bme", { startDate: "2025-02-01" }),
    ];
    const previous = [
      ...cases(6, "white", { startDate: "2023-05-01" }),
      ...cases(2, "bme", { startDate: "2024-03-31" }),
    ];
    const old = cases(50, "bme", { startDate: "2021-06-01" });
    const ds = dataset({ staff, cases: [...current, ...previous, ...old], period: "2024/25" });
    const two = rl(computeResults(ds), "3");
    expect(two.basis).toBe("two-year-pooled");
    expect(two.years).toEqual(["2023/24", "2024/25"]);
    expect(two.white).toMatchObject({ count: 16, of: 2000 });
    expect(two.bme).toMatchObject({ count: 6, of: 400 });
    expect(two.value).toBeCloseTo(6 / 400 / (16 / 2000), 12);
    expect(two.cautions).toContain("cases-outside-period");
    const one = rl(computeResults(ds, { indicator3TwoYear: false }), "3");
    expect(one.basis).toBe("single-year");
    expect(one.white).toMatchObject({ count: 10, of: 1000 });
    expect(one.value).toBeCloseTo(4 / 200 / (10 / 1000), 12);
  });

  it("says when two years were asked for but only one is present", () => {
    const ds = dataset({
      staff: [...staffMany(100, "white"), ...staffMany(100, "bme")],
      cases: [...cases(3, "white", { startDate: "2024-06-01" }), ...cases(3, "bme", { startDate: "2024-06-01" })],
    });
    const r = rl(computeResults(ds), "3");
    expect(r.basis).toBe("single-year");
    expect(r.cautions).toContain("two-year-not-available");
  });

  it("pools two years of aggregated disciplinary counts", () => {
    const ds = dataset({
      aggregates: [
        aggregate("staff", 1000, 250, 10, { year: "2024/25" }),
        aggregate("disciplinary", 8, 5, 0, { year: "2024/25" }),
        aggregate("disciplinary", 6, 4, 1, { year: "2023/24" }),
        aggregate("disciplinary", 50, 50, 0, { year: "2021/22" }),
      ],
    });
    const r = rl(computeResults(ds), "3");
    expect(r).toMatchObject({ basis: "two-year-pooled", years: ["2023/24", "2024/25"], source: "aggregates" });
    expect(r.white).toMatchObject({ count: 14, of: 2000 });
    expect(r.bme).toMatchObject({ count: 9, of: 500 });
    expect(rl(computeResults(ds, { indicator3TwoYear: false }), "3").white).toMatchObject({ count: 8, of: 1000 });
  });

  it("is not calculable without staff in post (missing input)", () => {
    const r = rl(computeResults(dataset({ cases: cases(3, "bme") })), "3");
    expect(r.value).toBeNull();
    expect(r.reason).toBe("missing-input");
    expect(r.bme.of).toBeNull();
  });
});

describe("indicator 4: non-mandatory training and CPD", () => {
  it("divides people accessing by headcount, each person once", () => {
    const white = staffMany(400, "white");
    const bme = staffMany(100, "bme");
    const doc = computeResults(
      dataset({
        staff: [...white, ...bme],
        training: [
          ...white.slice(0, 200).map((s) => training("white", { personId: s.personId })),
          training("white", { personId: white[0]!.personId }),
          ...bme.slice(0, 40).map((s) => training("unknown", { personId: s.personId })),
        ],
      }),
    );
    const r = rl(doc, "4");
    expect(r.white).toMatchObject({ count: 200, of: 400 });
    expect(r.bme).toMatchObject({ count: 40, of: 100 });
    expect(r.value).toBeCloseTo(0.5 / 0.4, 12);
    expect(r.adverse).toBe(false);
  });

  it("uses training aggregates over staff aggregates", () => {
    const doc = computeResults(
      dataset({ aggregates: [aggregate("staff", 800, 200, 10), aggregate("training", 400, 50, 0)] }),
    );
    const r = rl(doc, "4");
    expect(r.value).toBeCloseTo(0.5 / 0.25, 12);
    expect(r.white.of).toBe(800);
  });
});

describe("not calculable", () => {
  const staff = [...staffMany(50, "white"), ...staffMany(50, "bme")];
  it("a group with no one in the denominator", () => {
    const r = rl(computeResults(dataset({ applications: applications("white", 10, 5) })), "2");
    expect(r).toMatchObject({ value: null, ci95: null, adverse: null, reason: "zero-denominator", reasonGroup: "bme" });
  });
  it("both numerators zero", () => {
    const r = rl(computeResults(dataset({ staff, training: trainingMany(3, "unknown") })), "4");
    expect(r).toMatchObject({ value: null, reason: "zero-numerators", reasonGroup: null });
  });
  it("one numerator zero: never 0 or Infinity", () => {
    const r = rl(computeResults(dataset({ staff, cases: cases(4, "white") })), "3");
    expect(r).toMatchObject({ value: null, reason: "zero-numerator", reasonGroup: "bme" });
    const r2 = rl(computeResults(dataset({ staff, cases: cases(4, "bme") })), "3");
    expect(r2).toMatchObject({ value: null, reason: "zero-numerator", reasonGroup: "white" });
  });
  it("counts that are not numbers give a reason, not NaN", () => {
    expect(relativeLikelihood({ count: NaN, of: 10 }, { count: 1, of: 10 })).toMatchObject({
      value: null,
      reason: "missing-input",
    });
    expect(relativeLikelihood({ count: 1, of: Infinity }, { count: 1, of: 10 })).toMatchObject({
      value: null,
      reason: "missing-input",
    });
  });
  it("leaves out indicators whose inputs are absent", () => {
    const doc = computeResults(dataset({ staff }));
    expect(Object.keys(doc.indicators)).toEqual(["1"]);
  });
});

describe("what a likelihood records about its counts", () => {
  const staff = () => [...staffMany(100, "white"), ...staffMany(100, "bme")];

  it("names the reporting year it covers, notes nothing when there is nothing to note, and none without a year", () => {
    // An applicant neither shortlisted nor appointed is simply not counted.
    const apps = [...applications("white", 100, 30), ...applications("bme", 100, 20), application("bme", false, false)];
    const r = rl(computeResults(dataset({ applications: apps, period: "2024/25" })), "2");
    expect(r).toMatchObject({ basis: "single-year", years: ["2024/25"], cautions: [], source: "rows" });
    expect(r.white).toEqual({ count: 30, of: 100, rate: 0.3 });
    expect(rl(computeResults(dataset({ applications: apps })), "2").years).toEqual([]);
  });

  it("is not calculable from appointments alone, with no shortlisting counts to divide by", () => {
    const r = rl(computeResults(dataset({ aggregates: [aggregate("appointed", 50, 10, 1)] })), "2");
    expect(r).toMatchObject({ value: null, reason: "missing-input", source: "aggregates" });
    expect(r.white).toEqual({ count: 50, of: null, rate: null });
    expect(r.bme).toEqual({ count: 10, of: null, rate: null });
  });

  it("counts cases of the reporting year only, with no note when every case is dated within it", () => {
    const ds = dataset({
      staff: staff(),
      cases: [...cases(4, "white", { startDate: "2024-06-01" }), ...cases(2, "bme", { startDate: "2025-03-31" })],
      period: "2024/25",
    });
    const r = rl(computeResults(ds, { indicator3TwoYear: false }), "3");
    expect(r).toMatchObject({ basis: "single-year", years: ["2024/25"], cautions: [], source: "rows" });
    expect(r.white).toMatchObject({ count: 4, of: 100 });
    expect(r.bme).toMatchObject({ count: 2, of: 100 });
  });

  it("counts undated cases in the reporting year, once per person, and says so", () => {
    const people = staff();
    const bmePerson = people[150]!.personId;
    const ds = dataset({
      staff: people,
      cases: [
        ...cases(2, "white", { startDate: "2024-06-01" }),
        disciplinary("bme", { personId: bmePerson }),
        disciplinary("bme", { personId: bmePerson, startDate: "2024-07-01" }),
        disciplinary("bme", { personId: bmePerson, startDate: "2023-07-01" }),
        ...cases(2, "bme"),
      ],
      period: "2024/25",
    });
    const single = rl(computeResults(ds, { indicator3TwoYear: false }), "3");
    expect(single.cautions).toEqual(["cases-without-date", "cases-outside-period"]);
    expect(single.white).toMatchObject({ count: 2, of: 100 });
    expect(single.bme).toMatchObject({ count: 3, of: 100 });
    // Pooled, the same person's case of the year before counts in that year.
    const pooled = rl(computeResults(ds), "3");
    expect(pooled.cautions).toEqual(["cases-without-date"]);
    expect(pooled.bme).toMatchObject({ count: 4, of: 200 });
  });

  it("with no reporting year at all, counts every undated case and names no year", () => {
    const ds = dataset({ staff: staff(), cases: [...cases(3, "white"), ...cases(2, "bme")] });
    const r = rl(computeResults(ds), "3");
    expect(r).toMatchObject({ basis: "single-year", years: [], cautions: ["two-year-not-available"] });
    expect(r.white).toMatchObject({ count: 3, of: 100 });
    expect(r.bme).toMatchObject({ count: 2, of: 100 });
  });

  it("counts each training row without a person identifier, and notes nothing", () => {
    const r = rl(
      computeResults(dataset({ staff: staff(), training: [...trainingMany(20, "white"), ...trainingMany(10, "bme")] })),
      "4",
    );
    expect(r).toMatchObject({ cautions: [], source: "rows", denominator: "staff", value: 2 });
    expect(r.white).toEqual({ count: 20, of: 100, rate: 0.2 });
  });

  it("is not calculable from training without staff in post", () => {
    const r = rl(
      computeResults(dataset({ training: [...trainingMany(20, "white"), ...trainingMany(10, "bme")] })),
      "4",
    );
    expect(r).toMatchObject({ value: null, reason: "missing-input" });
    expect(r.white).toEqual({ count: 20, of: null, rate: null });
  });

  it("from aggregated cases without a year, takes them as the one year there is", () => {
    const ds = dataset({ aggregates: [aggregate("staff", 1000, 250, 10), aggregate("disciplinary", 8, 5, 0)] });
    const r = rl(computeResults(ds), "3");
    expect(r).toMatchObject({
      basis: "single-year",
      years: [],
      source: "aggregates",
      cautions: ["two-year-not-available"],
    });
    expect(r.white).toMatchObject({ count: 8, of: 1000 });
    expect(r.bme).toMatchObject({ count: 5, of: 250 });
    const one = rl(computeResults(ds, { indicator3TwoYear: false }), "3");
    expect(one.cautions).toEqual([]);
  });

  it("with a reporting year, takes aggregated cases without a year as that year's only, not the year before's too", () => {
    const ds = dataset({
      aggregates: [aggregate("staff", 1000, 250, 10), aggregate("disciplinary", 8, 5, 0)],
      period: "2024/25",
    });
    const r = rl(computeResults(ds), "3");
    expect(r).toMatchObject({
      basis: "single-year",
      years: ["2024/25"],
      source: "aggregates",
      cautions: ["two-year-not-available"],
    });
    expect(r.white).toMatchObject({ count: 8, of: 1000 });
    expect(r.bme).toMatchObject({ count: 5, of: 250 });
  });

  it("records how it was computed: the measure, its denominator, the interval's method and the band judged by", () => {
    const apps = [...applications("white", 100, 30), ...applications("bme", 100, 20)];
    const r = rl(computeResults(dataset({ applications: apps })), "2");
    expect(r).toMatchObject({
      kind: "relative-likelihood",
      measure: "applications",
      numerator: "reference",
      denominator: "own",
      ciMethod: "katz-log",
      adverseBand: { low: 0.8, high: 1.25 },
      reason: null,
      reasonGroup: null,
    });
    const wider: Standard<"white", "bme"> = { ...WRES_STANDARD, adverseBand: { low: 0.5, high: 2 } };
    const judged = rl(computeResults(dataset({ applications: apps }), { standard: wider }), "2");
    expect(judged.adverseBand).toEqual({ low: 0.5, high: 2 });
    expect(judged.adverseBand).not.toBe(wider.adverseBand);
    expect(judged.adverse).toBe(false);
    expect(r.adverse).toBe(true);
  });

  it("counts one year of cases for a measure that does not pool, with no note about pooling", () => {
    const single: Standard<"white", "bme"> = {
      ...WRES_STANDARD,
      indicators: WRES_STANDARD.indicators.map((d) =>
        d.kind === "relative-likelihood" && d.measure.source === "cases"
          ? { ...d, measure: { ...d.measure, rollingTwoYears: false } }
          : d,
      ),
    };
    const ds = dataset({
      staff: staff(),
      cases: [...cases(4, "white", { startDate: "2024-06-01" }), ...cases(2, "bme", { startDate: "2023-06-01" })],
      period: "2024/25",
    });
    const r = rl(computeResults(ds, { standard: single }), "3");
    expect(r).toMatchObject({ basis: "single-year", years: ["2024/25"], cautions: ["cases-outside-period"] });
    expect(r.white).toMatchObject({ count: 4, of: 100 });
    expect(r.bme).toMatchObject({ count: 0, of: 100 });
    const aggregated = dataset({
      aggregates: [
        aggregate("staff", 100, 100, 0, { year: "2024/25" }),
        aggregate("disciplinary", 4, 1, 0, { year: "2024/25" }),
        aggregate("disciplinary", 6, 3, 0, { year: "2023/24" }),
      ],
    });
    const a = rl(computeResults(aggregated, { standard: single }), "3");
    expect(a).toMatchObject({ basis: "single-year", years: ["2024/25"], cautions: [] });
    expect(a.white).toMatchObject({ count: 4, of: 100 });
  });

  it("given no reporting year, counts the latest year its own cases start in", () => {
    const ds = dataset({
      staff: staff(),
      // Not in date order: the latest is neither first nor last.
      cases: [
        ...cases(2, "bme", { startDate: "2023-06-01" }),
        ...cases(3, "white", { startDate: "2024-06-01" }),
        ...cases(1, "bme", { startDate: "2021-06-01" }),
        ...cases(2, "bme"),
      ],
    });
    const ctx = { ...makeContext(ds, WRES_STANDARD, null, true), currentYear: null };
    const def = WRES_STANDARD.indicators.find((d) => d.id === "3") as RlDefinition;
    const counts = likelihoodCounts(ctx, def)!;
    expect(counts).toMatchObject({
      basis: "two-year-pooled",
      years: ["2023/24", "2024/25"],
      cautions: ["cases-without-date", "cases-outside-period"],
    });
    expect(counts.count).toEqual({ reference: 3, focus: 4, unknown: 0 });
    expect(counts.of).toEqual({ reference: 200, focus: 200, unknown: 0 });
  });
});
