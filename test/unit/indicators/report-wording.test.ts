// The English the indicator module writes: every message has words, placeholders are filled, a missing message
// shows its key, and a relative likelihood's method note reads as the WRES technical guidance describes it.
import { describe, expect, it } from "vitest";
import { WRES_STANDARD, type IndicatorDefinition } from "../../../src/indicators";
import { EN_GB, groupLabel, methodNote, methodNoteKeys, t } from "../../../src/indicators/messages";

type RlDefinition = Extract<IndicatorDefinition, { kind: "relative-likelihood" }>;
const rlDef = (id: string) => WRES_STANDARD.indicators.find((d) => d.id === id) as RlDefinition;

describe("the English messages", () => {
  it("has words in every message, with no stray space at either end (an empty heading or cell would show)", () => {
    const entries = Object.entries(EN_GB);
    expect(entries.length).toBeGreaterThan(150);
    const blank = entries.filter(([, text]) => text.trim() === "" || text !== text.trim()).map(([key]) => key);
    expect(blank).toEqual([]);
  });

  it("has a title for each WRES indicator, numbered as the standard numbers them", () => {
    for (const def of WRES_STANDARD.indicators)
      expect(EN_GB[def.labelKey]).toMatch(new RegExp(`^Indicator ${def.id}: \\w`));
    expect(EN_GB[WRES_STANDARD.labelKey]).toBe("NHS England Workforce Race Equality Standard (WRES)");
  });

  it("names the groups and the broad ethnic groups", () => {
    expect(
      [
        WRES_STANDARD.groupLabelKeys.reference,
        WRES_STANDARD.groupLabelKeys.focus,
        WRES_STANDARD.groupLabelKeys.unknown,
      ].map((k) => EN_GB[k]),
    ).toEqual(["White", "BME", "Unknown"]);
    expect(WRES_STANDARD.breakdown!.categories.map((c) => EN_GB[c.labelKey])).toEqual([
      "White",
      "Mixed",
      "Asian",
      "Black",
      "Other",
      "Unknown",
    ]);
  });
});

describe("t: a message with its placeholders filled", () => {
  it("fills every placeholder it is given, numbers too, as often as each appears", () => {
    expect(t("dq.issues", { errors: 2, warnings: 0 })).toBe("Problems reported while reading: 2 errors, 0 warnings.");
    expect(t("x", { a: "one" }, { x: "{a} and {a}" })).toBe("one and one");
  });

  it("leaves a placeholder it is not given as written, so the gap shows", () => {
    expect(t("dq.issues", { errors: 1 })).toBe("Problems reported while reading: 1 errors, {warnings} warnings.");
    expect(t("x", {}, { x: "{a} {b-c} {}" })).toBe("{a} {b-c} {}");
  });

  it("gives the key of a message it does not have, not a blank", () => {
    expect(t("no.such.message")).toBe("no.such.message");
    expect(t("group.white", {}, {})).toBe("group.white");
  });

  it("reads from the catalogue it is given", () => {
    expect(t("band.n", { band: "5" }, { "band.n": "Band {band} (Welsh test)" })).toBe("Band 5 (Welsh test)");
    expect(t("band.n", { band: "5" })).toBe("Band 5");
  });

  it("labels the standard's groups", () => {
    expect(groupLabel(WRES_STANDARD, "reference")).toBe("White");
    expect(groupLabel(WRES_STANDARD, "focus")).toBe("BME");
    expect(groupLabel(WRES_STANDARD, "unknown")).toBe("Unknown");
  });
});

describe("a relative likelihood's method note", () => {
  it("indicator 2: White's rate over BME's, from applications, with the adverse range to 2 places", () => {
    expect(methodNoteKeys(WRES_STANDARD, rlDef("2"), "single-year")).toEqual([
      { key: "method.rl", params: { top: "white", bottom: "bme", low: "0.80", high: "1.25" } },
      { key: "method.rl.applications", params: {} },
    ]);
    expect(methodNote(WRES_STANDARD, rlDef("2"), "single-year")).toBe(
      "Relative likelihood = (White rate) / (BME rate), computed from unrounded counts; 95% confidence interval by the log method for a ratio of two proportions (Katz); adverse outside 0.80-1.25 (four-fifths rule). " +
        "Rate = appointed from shortlisting / shortlisted; applicants of unknown ethnicity are excluded.",
    );
  });

  it("indicator 3: BME's rate over White's, disciplinary cases, and whether one year or two were pooled", () => {
    expect(methodNoteKeys(WRES_STANDARD, rlDef("3"), "two-year-pooled")).toEqual([
      { key: "method.rl", params: { top: "bme", bottom: "white", low: "0.80", high: "1.25" } },
      { key: "method.rl.cases", params: { caseType: "disciplinary" } },
      { key: "method.basis.two-year-pooled", params: {} },
    ]);
    const pooled = methodNote(WRES_STANDARD, rlDef("3"), "two-year-pooled");
    expect(pooled).toMatch(/^Relative likelihood = \(BME rate\) \/ \(White rate\), /);
    expect(pooled).toContain(
      " Rate = people entering a formal disciplinary process (each person once a year) / headcount in staff in post. ",
    );
    expect(pooled).toMatch(
      / Two-year rolling figure: the two years' cases pooled over twice the headcount \(person-years\)\.$/,
    );
    expect(methodNote(WRES_STANDARD, rlDef("3"), "single-year")).toMatch(/ One year of cases\.$/);
  });

  it("indicator 4: training has no case type and no basis", () => {
    const keys = methodNoteKeys(WRES_STANDARD, rlDef("4"), "two-year-pooled");
    expect(keys.map((k) => k.key)).toEqual(["method.rl", "method.rl.training"]);
    expect(keys[1]!.params).toEqual({});
    expect(methodNote(WRES_STANDARD, rlDef("4"), "single-year")).toMatch(
      /^Relative likelihood = \(White rate\) \/ \(BME rate\), .* Rate = people accessing non-mandatory training or CPD \(each person once\) \/ headcount in staff in post\.$/,
    );
  });

  it("writes a group the standard does not label by its code", () => {
    const odd = {
      ...WRES_STANDARD,
      groups: { reference: "white", focus: "bme" },
      groupLabelKeys: { reference: "no.label", focus: "group.bme", unknown: "group.unknown" },
    } as typeof WRES_STANDARD;
    expect(methodNote(odd, rlDef("2"), "single-year")).toMatch(
      /^Relative likelihood = \(no\.label rate\) \/ \(BME rate\)/,
    );
  });
});
