// What every indicator reads its aggregated counts through: which year's rows count (aggregatesFor), and the
// headcount the likelihoods divide by when there are no staff rows (makeContext's staffTally).
import { describe, expect, it } from "vitest";
import { computeResults, type Standard, WRES_STANDARD } from "../../../src/indicators";
import { aggregatesFor, makeContext } from "../../../src/indicators/context";
import { aggregate, dataset } from "./fixtures";

describe("aggregated rows of one year", () => {
  // The reporting year 2024/25; one staff row with no year, one for 2024/25, one for the year before.
  const rows = () => [
    aggregate("staff", 900, 200, 10),
    aggregate("staff", 1000, 250, 10, { year: "2024/25" }),
    aggregate("staff", 950, 230, 12, { year: "2023/24" }),
  ];
  const context = () => makeContext(dataset({ aggregates: rows(), period: "2024/25" }), WRES_STANDARD, null, true);

  it("count a row without a year as the reporting year's, asked for by default or by its year", () => {
    const [undated, current] = rows();
    expect(aggregatesFor(context(), "staff")).toEqual([undated, current]);
    expect(aggregatesFor(context(), "staff", 2024)).toEqual([undated, current]);
  });

  it("leave a row without a year out of an earlier year's", () => {
    expect(aggregatesFor(context(), "staff", 2023)).toEqual([rows()[2]]);
  });
});

describe("a standard that uses no aggregated counts", () => {
  const classify = { ...WRES_STANDARD.classify };
  delete classify.aggregate;
  const standard: Standard<"white", "bme"> = { ...WRES_STANDARD, classify };
  const ds = () =>
    dataset({
      aggregates: [
        aggregate("staff", 1000, 250, 10),
        aggregate("disciplinary", 8, 5, 0),
        aggregate("training", 400, 50, 0),
      ],
    });

  it("reads none of them, so there is no headcount without staff rows", () => {
    const ctx = makeContext(ds(), standard, "2024/25", true);
    expect(aggregatesFor(ctx, "staff")).toEqual([]);
    expect(aggregatesFor(ctx, "disciplinary")).toEqual([]);
    expect(ctx.staffTally).toBeNull();
  });

  it("leaves out the indicators only aggregated counts could give", () => {
    expect(Object.keys(computeResults(ds(), { standard }).indicators)).toEqual([]);
    expect(Object.keys(computeResults(ds()).indicators)).toEqual(["1", "3", "4"]);
  });
});
