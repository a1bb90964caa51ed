import { beforeEach, describe, expect, it } from "vitest";
import { computeResults, type BoardResult, type ResultsDocument, type SurveyResult } from "../../../src/indicators";
import { aggregate, boardMember, dataset, staffMany, survey } from "./fixtures";

const workforce = () => [
  ...staffMany(60, "white", { band: "5" }),
  ...staffMany(30, "bme", { band: "5" }),
  ...staffMany(10, "unknown", { band: "5" }),
  ...staffMany(45, "white", { band: "8a" }),
  ...staffMany(5, "bme", { band: "8a" }),
  ...staffMany(18, "white", { band: "8c" }),
  ...staffMany(2, "bme", { band: "8c" }),
  ...staffMany(20, "white", { band: "6" }),
  ...staffMany(10, "bme", { band: "6" }),
];

describe("indicators 5-8: staff survey", () => {
  it("gives White %, BME % and the gap from the latest year, with the direction of good", () => {
    const doc = computeResults(
      dataset({
        survey: [
          survey(5, 27.5, 30.25, { year: 2023 }),
          survey(5, 26, 29.5, { year: 2024 }),
          survey(6, 22, 27),
          survey(7, 58.5, 44),
          survey(8, 6, 14.5, { whiteRespondents: null }),
        ],
      }),
    );
    const s5 = doc.indicators["5"] as SurveyResult;
    expect(s5).toMatchObject({ kind: "survey", whitePct: 26, bmePct: 29.5, gap: 3.5, year: 2024, direction: "lower" });
    expect((doc.indicators["7"] as SurveyResult).direction).toBe("higher");
    expect((doc.indicators["7"] as SurveyResult).gap).toBeCloseTo(-14.5, 12);
    expect((doc.indicators["8"] as SurveyResult).cautions).toContain("survey-respondents-unknown");
    expect(doc.indicators["6"]).toMatchObject({ whitePct: 22, bmePct: 27 });
  });
});

describe("indicator 9: board against the workforce", () => {
  it("subtracts the workforce BME % from the board BME %, for voting and executive members", () => {
    const board = [
      boardMember("white", true, true),
      boardMember("white", true, true),
      boardMember("bme", true, true),
      boardMember("white", true, false),
      boardMember("bme", false, true),
      boardMember("unknown", true, false),
    ];
    const doc = computeResults(dataset({ staff: workforce(), board }));
    const b = doc.indicators["9"] as BoardResult;
    const workforceBme = (47 / 200) * 100;
    expect(b.source).toBe("board");
    expect(b.voting.boardBmePct).toBeCloseTo((1 / 5) * 100, 12);
    expect(b.voting.workforceBmePct).toBeCloseTo(workforceBme, 12);
    expect(b.voting.difference).toBeCloseTo(20 - workforceBme, 12);
    expect(b.executive.boardBmePct).toBeCloseTo(50, 12);
    expect(b.voting.members).toMatchObject({ white: 3, bme: 1, unknown: 1, total: 5 });
  });

  it("reads board membership from staff in post when there is no board table", () => {
    const staff = [
      ...workforce(),
      ...staffMany(3, "white", { band: "VSM" }, { board: { voting: true, executive: true } }),
      ...staffMany(1, "bme", { band: "VSM" }, { board: { voting: true, executive: false } }),
    ];
    const b = computeResults(dataset({ staff })).indicators["9"] as BoardResult;
    expect(b.source).toBe("staff");
    expect(b.voting.boardBmePct).toBeCloseTo(25, 12);
    expect(b.executive.boardBmePct).toBe(0);
  });

  it("is not calculable without staff in post, or with no members of a kind", () => {
    const b = computeResults(dataset({ board: [boardMember("bme", true, false)] })).indicators["9"] as BoardResult;
    expect(b.voting).toMatchObject({
      boardBmePct: 100,
      workforceBmePct: null,
      difference: null,
      reason: "missing-input",
    });
    expect(b.executive).toMatchObject({ boardBmePct: null, difference: null, reason: "zero-denominator" });
  });

  it("uses board aggregates", () => {
    const doc = computeResults(
      dataset({
        aggregates: [
          aggregate("staff", 80, 20, 0),
          aggregate("board-voting", 9, 1, 0),
          aggregate("board-executive", 4, 1, 0),
        ],
      }),
    );
    const b = doc.indicators["9"] as BoardResult;
    expect(b.voting.difference).toBeCloseTo(10 - 20, 12);
    expect(b.executive.difference).toBeCloseTo(20 - 20, 12);
  });
});

describe("related measures", () => {
  let doc: ResultsDocument;
  beforeEach(() => {
    doc = computeResults(dataset({ staff: workforce(), period: "2024/25" }));
  });

  it("Model Employer: gap and headcount needed per band from 8a up, against the whole workforce", () => {
    const me = doc.related.modelEmployer!;
    expect(me.targetYear).toBe(2028);
    expect(me.yearsLeft).toBe(3);
    expect(me.targetPct).toBeCloseTo(23.5, 12);
    const b8a = me.bands.find((b) => b.band === "8a")!;
    expect(b8a).toMatchObject({ headcount: 50, focus: 5, focusPct: 10 });
    expect(b8a.gapPct).toBeCloseTo(13.5, 12);
    // 23.5% of 50 is 11.75: 12 BME staff at 8a, 7 more.
    expect(b8a.needed).toBe(7);
    expect(b8a.neededPerYear).toBeCloseTo(7 / 3, 12);
    expect(me.bands.map((b) => b.band)).toEqual(["8a", "8b", "8c", "8d", "9", "VSM"]);
    expect(me.bands.find((b) => b.band === "8b")).toMatchObject({
      headcount: 0,
      focusPct: null,
      gapPct: null,
      needed: 0,
    });
  });

  it("Model Employer target year is a setting", () => {
    const other = computeResults(dataset({ staff: workforce(), period: "2024/25" }), { modelEmployerTargetYear: 2030 });
    expect(other.related.modelEmployer).toMatchObject({ targetYear: 2030, yearsLeft: 5 });
  });

  it("race disparity ratios between pay tiers", () => {
    const rd = doc.related.raceDisparity!;
    // lower (1-5): White 60, BME 30; middle (6-7): 20, 10; upper (8a-VSM): 63, 7.
    const ratio = (from: string, to: string) => rd.ratios.find((r) => r.from === from && r.to === to)!.value!;
    expect(ratio("lower", "upper")).toBeCloseTo(63 / 60 / (7 / 30), 12);
    expect(ratio("lower", "middle")).toBeCloseTo(20 / 60 / (10 / 30), 12);
    expect(ratio("middle", "upper")).toBeCloseTo(63 / 20 / (7 / 10), 12);
  });
});
