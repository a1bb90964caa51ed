// The WRES as data: the groups compared, each indicator's direction of good as NHS England's technical
// guidance gives it, and how a person's ethnicity falls into the breakdown's groups and categories.
import { describe, expect, it } from "vitest";
import { WRES_STANDARD, ethnicSide, type Ethnicity } from "../../../src/indicators";
import { NATIONAL_CATEGORIES } from "../../../src/indicators/standard";
import { aggregate, ethnicity, survey } from "./fixtures";

const person = (e: Partial<Ethnicity> & Pick<Ethnicity, "group">): { ethnicity: Ethnicity } => ({
  ethnicity: { broad: "unknown", code: null, localCode: null, raw: "", ...e },
});

describe("the WRES standard", () => {
  it("compares BME staff with White staff, each record by its own ethnic group", () => {
    expect(WRES_STANDARD.groups).toEqual({ reference: "white", focus: "bme" });
    expect(WRES_STANDARD.groupLabelKeys).toEqual({
      reference: "group.white",
      focus: "group.bme",
      unknown: "group.unknown",
    });
    expect(ethnicSide({ ethnicity: ethnicity("white") })).toBe("reference");
    expect(ethnicSide({ ethnicity: ethnicity("bme") })).toBe("focus");
    expect(ethnicSide({ ethnicity: ethnicity("unknown") })).toBe("unknown");
    const c = WRES_STANDARD.classify;
    for (const classify of [c.staff, c.application, c.case, c.training, c.board])
      expect(classify!({ ethnicity: ethnicity("bme") } as never)).toBe("focus");
    expect(c.aggregate!(aggregate("staff", 10, 3, 1))).toEqual({ reference: 10, focus: 3, unknown: 1 });
    expect(c.survey!(survey(5, 20, 25, { whiteRespondents: 900, bmeRespondents: 150 }))).toEqual({
      reference: 20,
      focus: 25,
      referenceN: 900,
      focusN: 150,
    });
  });

  it("gives each of the nine indicators its kind and direction of good", () => {
    expect(WRES_STANDARD.indicators.map((d) => [d.id, d.kind, d.direction, d.labelKey])).toEqual([
      ["1", "representation", "higher", "nhs-england-wres.1"],
      ["2", "relative-likelihood", "towards-one", "nhs-england-wres.2"],
      ["3", "relative-likelihood", "towards-one", "nhs-england-wres.3"],
      ["4", "relative-likelihood", "towards-one", "nhs-england-wres.4"],
      ["5", "survey", "lower", "nhs-england-wres.5"],
      ["6", "survey", "lower", "nhs-england-wres.6"],
      ["7", "survey", "higher", "nhs-england-wres.7"],
      ["8", "survey", "lower", "nhs-england-wres.8"],
      ["9", "board-difference", "towards-zero", "nhs-england-wres.9"],
    ]);
    expect(WRES_STANDARD.indicators.filter((d) => d.kind === "survey").map((d) => d.question)).toEqual([5, 6, 7, 8]);
  });

  it("arranges each likelihood so that above 1 means BME staff fare worse", () => {
    const rl = WRES_STANDARD.indicators.filter((d) => d.kind === "relative-likelihood");
    expect(rl.map((d) => [d.id, d.numerator, d.measure])).toEqual([
      ["2", "reference", { source: "applications" }],
      ["3", "focus", { source: "cases", caseType: "disciplinary", rollingTwoYears: true, aggregate: "disciplinary" }],
      ["4", "reference", { source: "training", aggregate: "training" }],
    ]);
  });

  it("uses the four-fifths band, the completeness thresholds and the related measures of the guidance", () => {
    expect(WRES_STANDARD.adverseBand).toEqual({ low: 0.8, high: 1.25 });
    expect(WRES_STANDARD.completeness).toEqual({ caution: 5, unreliable: 20 });
    expect(WRES_STANDARD.related).toEqual({ modelEmployer: { targetYear: 2028 }, raceDisparity: true });
  });
});

describe("the WRES breakdown", () => {
  const bd = WRES_STANDARD.breakdown!;

  it("splits BME into Mixed, Asian, Black and Other, each on the BME side", () => {
    expect(bd.categories).toEqual([
      { key: "white", side: "reference", labelKey: "group.white" },
      { key: "mixed", side: "focus", labelKey: "group.mixed" },
      { key: "asian", side: "focus", labelKey: "group.asian" },
      { key: "black", side: "focus", labelKey: "group.black" },
      { key: "other", side: "focus", labelKey: "group.other" },
      { key: "unknown", side: "unknown", labelKey: "group.unknown" },
    ]);
  });

  it("puts a person in a broad group by their WRES group first, reading an inconsistent broad group as Other", () => {
    expect(bd.of(person({ group: "white", broad: "asian" }))).toBe("white");
    expect(bd.of(person({ group: "unknown", broad: "black" }))).toBe("unknown");
    for (const b of ["mixed", "asian", "black", "other"] as const)
      expect(bd.of(person({ group: "bme", broad: b }))).toBe(b);
    expect(bd.of(person({ group: "bme", broad: "white" }))).toBe("other");
    expect(bd.of(person({ group: "bme", broad: "unknown" }))).toBe("other");
  });

  it("lists the national categories under their broad groups, and unknown last", () => {
    const detail = bd.detail!;
    expect(detail.categories.map((c) => c.key)).toEqual([...NATIONAL_CATEGORIES, "unknown"]);
    expect(NATIONAL_CATEGORIES).toHaveLength(16);
    const parent = Object.fromEntries(detail.categories.map((c) => [c.key, c.parent]));
    expect(parent).toMatchObject({
      A: "white",
      C: "white",
      D: "mixed",
      L: "asian",
      P: "black",
      S: "other",
      unknown: "unknown",
    });
  });

  it("puts a person in their national category when it agrees with their group, else White's or BME's catch-all", () => {
    const detail = bd.detail!;
    expect(detail.of(person({ group: "white", broad: "white", code: "B" }))).toBe("B");
    expect(detail.of(person({ group: "bme", broad: "asian", code: "K" }))).toBe("K");
    expect(detail.of(person({ group: "bme", broad: "other", code: "R" }))).toBe("R");
    expect(detail.of(person({ group: "unknown", broad: "unknown", code: "Z" }))).toBe("unknown");
    expect(detail.of(person({ group: "unknown", broad: "unknown", code: "A" }))).toBe("unknown");
    // Inconsistent or missing codes keep the sums: White's go to C, BME's to S.
    expect(detail.of(person({ group: "white", broad: "white", code: "H" }))).toBe("C");
    expect(detail.of(person({ group: "white", broad: "white", code: null }))).toBe("C");
    expect(detail.of(person({ group: "bme", broad: "asian", code: "M" }))).toBe("S");
    expect(detail.of(person({ group: "bme", broad: "black", code: null }))).toBe("S");
    expect(detail.of(person({ group: "bme", broad: "white", code: "R" }))).toBe("R");
    expect(detail.of(person({ group: "bme", broad: "white", code: "A" }))).toBe("S");
  });
});
