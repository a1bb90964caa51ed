import { describe, expect, it } from "vitest";
import {
  computeResults,
  formatPercent,
  type RepresentationResult,
  type ResultsDocument,
} from "../../../src/indicators";
import { AFC_BANDS, WRES_STANDARD, type Standard } from "../../../src/indicators";
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

  it("shows unbanded staff of each cohort, and counts only consultants as senior medical managers", () => {
    const staff = [
      ...staffMany(5, "white", { cohort: "non-clinical", band: null }),
      ...staffMany(2, "bme", { cohort: "medical", medical: null }),
      ...staffMany(3, "bme", { cohort: "medical", medical: "consultant" }, { seniorMedicalManager: true }),
      ...staffMany(4, "white", { cohort: "medical", medical: "consultant" }),
      ...staffMany(6, "bme", { cohort: "medical", medical: "trainee" }, { seniorMedicalManager: true }),
    ];
    const r = rep(computeResults(dataset({ staff })));
    expect(r.unbanded["non-clinical"]).toMatchObject({ white: 5, total: 5 });
    expect(r.unbanded.medical).toMatchObject({ bme: 2, total: 2 });
    expect(r.unbanded.clinical).toBeUndefined();
    expect(r.cohorts.medical.consultant).toMatchObject({ white: 4, bme: 3, total: 7 });
    expect(r.cohorts.medical.trainee).toMatchObject({ bme: 6, total: 6 });
    expect(r.seniorMedicalManagers).toMatchObject({ white: 0, bme: 3, total: 3 });
    // Row-level input shows every band, zeros included; no AfC band holds these staff.
    expect(Object.keys(r.bands).sort()).toEqual([...AFC_BANDS].sort());
    expect(r.bands["5"]).toMatchObject({ total: 0 });
    expect(r.senior["8a-VSM"]).toMatchObject({ total: 0 });
    expect(r.overall.total).toBe(20);
    expect(r.source).toBe("rows");
  });

  it("keeps medical staff out of the ethnic breakdown's bands, and the senior row to bands 8a to VSM", () => {
    const staff = [
      ...staffMany(3, "bme", { band: "7" }, { ethnicity: ethnicity("bme", "asian") }),
      ...staffMany(2, "bme", { band: "8b" }, { ethnicity: ethnicity("bme", "asian") }),
      ...staffMany(
        4,
        "bme",
        { cohort: "medical", medical: "consultant" },
        { band: "8b", ethnicity: ethnicity("bme", "asian") },
      ),
      ...staffMany(1, "white", { band: "VSM" }),
    ];
    const b = rep(computeResults(dataset({ staff }))).breakdown!;
    expect(b.overall).toMatchObject({ asian: 9, white: 1 });
    expect(b.bands["7"]).toMatchObject({ asian: 3 });
    expect(b.bands["8b"]).toMatchObject({ asian: 2 });
    expect(b.bands["1"]).toEqual({ white: 0, mixed: 0, asian: 0, black: 0, other: 0, unknown: 0 });
    expect(b.senior).toEqual({ white: 1, mixed: 0, asian: 2, black: 0, other: 0, unknown: 0 });
    expect(b.sides).toEqual({
      white: "reference",
      mixed: "focus",
      asian: "focus",
      black: "focus",
      other: "focus",
      unknown: "unknown",
    });
  });

  it("gives no ethnic breakdown for a standard without one", () => {
    const staff = [
      ...staffMany(3, "bme", { band: "5" }, { ethnicity: ethnicity("bme", "asian") }),
      ...staffMany(2, "white", { band: "5" }),
    ];
    const none: Standard<"white", "bme"> = { ...WRES_STANDARD, breakdown: undefined };
    expect(rep(computeResults(dataset({ staff }), { standard: none })).breakdown).toBeNull();
  });

  it("from aggregates: places each band by its cohort, skips rows without a band, and shows only bands given", () => {
    const doc = computeResults(
      dataset({
        aggregates: [
          aggregate("staff", 500, 100, 10),
          aggregate("staff", 30, 6, 0, { band: "6", cohort: null }),
          aggregate("staff", 8, 4, 0, { band: "consultant", cohort: null }),
          aggregate("staff", 70, 70, 0, { band: "consultant", cohort: "clinical" }),
          aggregate("staff", 90, 90, 0, { band: "6", cohort: "medical" }),
          aggregate("staff", 12, 3, 0, { band: "9", cohort: "non-clinical" }),
          aggregate("staff", 77, 77, 0, { band: null, cohort: "clinical" }),
        ],
      }),
    );
    const r = rep(doc);
    expect(r.overall).toMatchObject({ white: 500, bme: 100, unknown: 10 });
    expect(r.bands).toEqual({
      "6": expect.objectContaining({ white: 30, bme: 6 }),
      "9": expect.objectContaining({ white: 12 }),
    });
    expect(r.cohorts["non-clinical"]).toEqual({ "9": expect.objectContaining({ white: 12, bme: 3 }) });
    expect(r.cohorts.clinical).toEqual({});
    expect(r.cohorts.medical).toEqual({ consultant: expect.objectContaining({ white: 8, bme: 4 }) });
    expect(r.unbanded).toEqual({});
    expect(r.seniorMedicalManagers).toBeNull();
    expect(r.senior["8a-VSM"]).toMatchObject({ white: 12, bme: 3 });
    expect(r.senior["8c-VSM"]).toMatchObject({ white: 12, bme: 3 });
  });

  it("adds aggregate rows of the same band together", () => {
    const doc = computeResults(
      dataset({
        aggregates: [
          aggregate("staff", 10, 1, 0, { band: "4", cohort: "clinical" }),
          aggregate("staff", 20, 2, 0, { band: "4", cohort: "clinical" }),
        ],
      }),
    );
    expect(rep(doc).cohorts.clinical["4"]).toMatchObject({ white: 30, bme: 3, total: 33 });
  });

  it("is left out with no staff rows and no staff aggregates", () => {
    const doc = computeResults(dataset({ aggregates: [aggregate("training", 10, 1, 0)] }));
    expect(doc.indicators["1"]).toBeUndefined();
  });
});
