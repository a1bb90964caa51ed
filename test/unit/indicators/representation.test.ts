import { describe, expect, it } from "vitest";
import {
  computeResults,
  formatPercent,
  type RepresentationResult,
  type ResultsDocument,
} from "../../../src/indicators";
import { aggregate, dataset, ethnicity, staffMany } from "./fixtures";

const rep = (doc: ResultsDocument) => doc.indicators["1"] as RepresentationResult;

describe("indicator 1: representation by band", () => {
  it("reproduces NCIC 31 March 2025: unknowns stay in the denominator", () => {
    const doc = computeResults(
      dataset({ staff: [...staffMany(990, "bme"), ...staffMany(6307, "white"), ...staffMany(125, "unknown")] }),
    );
    const r = rep(doc);
    expect(r.overall).toMatchObject({ white: 6307, bme: 990, unknown: 125, total: 7422 });
    expect(formatPercent(r.overall.bmePct)).toBe("13.3%");
    expect(formatPercent(r.overall.whitePct)).toBe("85.0%");
    expect(formatPercent(r.overall.unknownPct)).toBe("1.7%");
    expect(r.overall.bmePct).toBeCloseTo((990 / 7422) * 100, 12);
  });

  it("splits non-clinical, clinical and medical subgroups, and shows unbanded staff", () => {
    const staff = [
      ...staffMany(30, "white", { cohort: "non-clinical", band: "3" }),
      ...staffMany(12, "bme", { cohort: "non-clinical", band: "3" }),
      ...staffMany(4, "unknown", { cohort: "non-clinical", band: "8a" }),
      ...staffMany(20, "white", { cohort: "clinical", band: "5" }),
      ...staffMany(25, "bme", { cohort: "clinical", band: "5" }),
      ...staffMany(7, "bme", { cohort: "clinical", band: "VSM" }),
      ...staffMany(11, "bme", { cohort: "medical", medical: "consultant" }, { seniorMedicalManager: true }),
      ...staffMany(9, "white", { cohort: "medical", medical: "trainee" }),
      ...staffMany(3, "white", { cohort: "clinical", band: null }),
    ];
    const r = rep(computeResults(dataset({ staff })));
    expect(r.cohorts["non-clinical"]["3"]).toMatchObject({ white: 30, bme: 12, unknown: 0, total: 42 });
    expect(r.cohorts["non-clinical"]["8a"]).toMatchObject({ unknown: 4, total: 4, unknownPct: 100 });
    expect(r.cohorts.clinical["5"]).toMatchObject({ white: 20, bme: 25, total: 45 });
    expect(r.cohorts.clinical["1"]).toMatchObject({ total: 0, bmePct: null });
    expect(r.cohorts.medical.consultant).toMatchObject({ bme: 11, total: 11 });
    expect(r.cohorts.medical.trainee).toMatchObject({ white: 9 });
    expect(r.unbanded.clinical).toMatchObject({ white: 3, total: 3 });
    expect(r.overall.total).toBe(staff.length);
    expect(r.bands["5"]).toMatchObject({ total: 45 });
    expect(r.senior["8a-VSM"]).toMatchObject({ bme: 7, unknown: 4, total: 11 });
    expect(r.senior["8c-VSM"]).toMatchObject({ bme: 7, total: 7 });
    expect(r.seniorMedicalManagers).toMatchObject({ bme: 11, total: 11 });
    // Medical staff are not in the clinical AfC bands.
    const clinicalTotal = Object.values(r.cohorts.clinical).reduce((n, c) => n + (c.total ?? 0), 0);
    expect(clinicalTotal).toBe(52);
  });

  it("breaks BME down into Mixed, Asian, Black and Other, adding up to the BME count", () => {
    const at = (broad: "mixed" | "asian" | "black" | "other", n: number, band: "5" | "8a") =>
      staffMany(n, "bme", { band }, { ethnicity: ethnicity("bme", broad) });
    const staff = [
      ...at("asian", 12, "5"),
      ...at("black", 7, "5"),
      ...at("mixed", 3, "8a"),
      ...at("other", 2, "8a"),
      ...staffMany(20, "white", { band: "8a" }),
      ...staffMany(4, "unknown", { cohort: "medical", medical: "trainee" }),
    ];
    const r = rep(computeResults(dataset({ staff })));
    expect(r.breakdown!.categories).toEqual(["white", "mixed", "asian", "black", "other", "unknown"]);
    expect(r.breakdown!.overall).toEqual({ white: 20, mixed: 3, asian: 12, black: 7, other: 2, unknown: 4 });
    expect(r.breakdown!.bands["5"]).toMatchObject({ asian: 12, black: 7, white: 0 });
    expect(r.breakdown!.senior).toMatchObject({ mixed: 3, other: 2, white: 20 });
    expect(r.overall.bme).toBe(24);
  });

  it("builds the tables from aggregated counts when there are no staff rows", () => {
    const doc = computeResults(
      dataset({
        aggregates: [
          aggregate("staff", 100, 20, 5, { band: "5", cohort: "clinical" }),
          aggregate("staff", 40, 2, 1, { band: "8a", cohort: "non-clinical" }),
          aggregate("staff", 10, 15, 0, { band: "consultant", cohort: "medical" }),
          // An earlier year's figure is not mixed in.
          aggregate("staff", 999, 999, 0, { band: "5", cohort: "clinical", year: "2023/24" }),
        ],
        period: "2024/25",
      }),
    );
    const r = rep(doc);
    expect(r.source).toBe("aggregates");
    expect(r.breakdown).toBeNull();
    expect(r.overall).toMatchObject({ white: 150, bme: 37, unknown: 6, total: 193 });
    expect(r.cohorts.clinical["5"]).toMatchObject({ white: 100, bme: 20 });
    expect(r.cohorts.medical.consultant).toMatchObject({ bme: 15 });
    expect(r.senior["8a-VSM"]).toMatchObject({ bme: 2, total: 43 });
  });
});
