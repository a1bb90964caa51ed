// Breaks in a series in the indicator module: two years' results are compared only like for like. Indicator 3
// pooled over two years one year and computed on one year the next begins a new series: the comparison gives
// no change and no trend across it, in the exact document and in its protected copy alike.
import { describe, expect, it } from "vitest";
import {
  computeResults,
  METHOD_CHANGES,
  methodChanges,
  suppressResults,
  type RelativeLikelihoodResult,
  type ResultsDocument,
} from "../../../src/indicators";
import { applications, cases, dataset, staffMany, survey } from "./fixtures";

const staff = [...staffMany(1000, "white"), ...staffMany(200, "bme")];

/** A year with indicator 3's cases in it and the year before (so pooling is possible) and indicator 2. */
function year(period: string, start: number, pooled: boolean): ResultsDocument {
  const ds = dataset({
    staff,
    cases: [
      ...cases(12, "white", { startDate: `${start}-06-01` }),
      ...cases(5, "bme", { startDate: `${start}-09-01` }),
      ...cases(8, "white", { startDate: `${start - 1}-06-01` }),
      ...cases(3, "bme", { startDate: `${start - 1}-09-01` }),
    ],
    applications: [...applications("white", 100, 30), ...applications("bme", 100, 20)],
    survey: [survey(5, 28, 31)],
    period,
  });
  return computeResults(ds, { indicator3TwoYear: pooled });
}

const rl = (doc: ResultsDocument, id: string) => doc.indicators[id] as RelativeLikelihoodResult;

describe("method changes between two years of one indicator", () => {
  it("names pooling, the measure and the denominator when they differ, and nothing when they match", () => {
    const single = rl(year("2023/24", 2023, false), "3");
    const pooled = rl(year("2024/25", 2024, true), "3");
    expect(single.basis).toBe("single-year");
    expect(pooled.basis).toBe("two-year-pooled");
    expect(methodChanges(single, pooled)).toEqual(["pooling"]);
    expect(methodChanges(pooled, single)).toEqual(["pooling"]);
    expect(methodChanges(pooled, { ...pooled, value: 3 })).toEqual([]);
    expect(methodChanges(single, { ...single, measure: "training", denominator: "own" })).toEqual([
      "measure",
      "denominator",
    ]);
    expect(methodChanges(single, survey5())).toEqual(["kind"]);
    expect(methodChanges(survey5(), survey5())).toEqual([]);
  });

  it("lists each change it can name once, so every one can be given words", () => {
    expect(METHOD_CHANGES).toEqual(["kind", "pooling", "measure", "denominator"]);
    const single = rl(year("2023/24", 2023, false), "3");
    const named = [
      ...methodChanges(single, { ...single, basis: "two-year-pooled", measure: "training", denominator: "own" }),
      ...methodChanges(single, survey5()),
    ];
    expect([...named].sort()).toEqual([...METHOD_CHANGES].sort());
  });

  it("counts only facts both years record: an older result without a basis is not a change", () => {
    const pooled = rl(year("2024/25", 2024, true), "3");
    const older = { ...rl(year("2023/24", 2023, false), "3") } as Partial<RelativeLikelihoodResult>;
    delete older.basis;
    expect(methodChanges(older as RelativeLikelihoodResult, pooled)).toEqual([]);
    expect(methodChanges(pooled, older as RelativeLikelihoodResult)).toEqual([]);
    // The facts it does record still count.
    expect(methodChanges(older as RelativeLikelihoodResult, { ...pooled, denominator: "own" })).toEqual([
      "denominator",
    ]);
  });

  it("gives no change and no trend across a change of pooling, and keeps comparing the rest", () => {
    const previous = year("2023/24", 2023, false);
    const current = computeResults(
      dataset({
        staff,
        cases: [
          ...cases(12, "white", { startDate: "2024-06-01" }),
          ...cases(5, "bme", { startDate: "2024-09-01" }),
          ...cases(8, "white", { startDate: "2023-06-01" }),
          ...cases(3, "bme", { startDate: "2023-09-01" }),
        ],
        applications: [...applications("white", 100, 40), ...applications("bme", 100, 20)],
        survey: [survey(5, 28, 31)],
        period: "2024/25",
      }),
      { previous },
    );
    const i3 = current.comparison!.items.find((i) => i.indicator === "3")!;
    expect(i3).toMatchObject({ trend: "not-comparable", change: null, methodChanges: ["pooling"] });
    // Both figures are still given, each as its own year published it.
    expect(i3.previous).toBeCloseTo(rl(previous, "3").value!, 12);
    expect(i3.current).toBeCloseTo(rl(current, "3").value!, 12);
    const i2 = current.comparison!.items.find((i) => i.indicator === "2")!;
    expect(i2.trend).toBe("worsened");
    expect(i2).not.toHaveProperty("methodChanges");
    // The protected copy works the change out again from its own figures: still none across the break.
    const published = suppressResults(current, 5, { previous });
    const p3 = published.comparison!.items.find((i) => i.indicator === "3")!;
    expect(p3).toMatchObject({ trend: "not-comparable", change: null, methodChanges: ["pooling"] });
    expect(published.comparison!.items.find((i) => i.indicator === "2")!.change).not.toBeNull();
  });
});

function survey5() {
  return computeResults(dataset({ survey: [survey(5, 28, 31)] })).indicators["5"]!;
}
