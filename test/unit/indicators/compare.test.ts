// Comparison with an earlier year: which figures of each indicator are compared, the counts behind the
// percentages, and whether a move is better or worse for each indicator's direction of good.
import { describe, expect, it } from "vitest";
import {
  computeResults,
  headlineValue,
  movementOf,
  trendOf,
  type ComparisonItem,
  type ResultsDocument,
} from "../../../src/indicators";
import { applications, boardMember, dataset, staffMany, survey } from "./fixtures";

const staff = (white: number, bme: number, bmeSenior: number) => [
  ...staffMany(white, "white", { band: "5" }),
  ...staffMany(bme, "bme", { band: "5" }),
  ...staffMany(bmeSenior, "bme", { band: "8c" }),
];
const board = (bmeVoting: number) => [
  ...Array.from({ length: 8 }, () => boardMember("white", true, true)),
  ...Array.from({ length: bmeVoting }, () => boardMember("bme", true, false)),
];

function items(current: ResultsDocument, indicator: string): ComparisonItem[] {
  return current.comparison!.items.filter((i) => i.indicator === indicator);
}

describe("compareResults", () => {
  it("compares indicator 1's overall and senior shares, with the BME counts behind them", () => {
    const previous = computeResults(dataset({ staff: staff(80, 15, 5), period: "2023/24" }));
    const current = computeResults(dataset({ staff: staff(80, 10, 10), period: "2024/25" }), { previous });
    const rep = items(current, "1");
    expect(rep.map((i) => i.measure)).toEqual(["overall.bmePct", "senior.8a-VSM.bmePct", "senior.8c-VSM.bmePct"]);
    expect(rep[0]).toMatchObject({ current: 20, previous: 20, change: 0, trend: "unchanged", direction: "higher" });
    expect(rep[0]!.counts).toEqual({ current: 20, previous: 20 });
    expect(rep[1]).toMatchObject({ current: 100, previous: 100, counts: { current: 10, previous: 5 } });
    expect(rep[2]).toMatchObject({ counts: { current: 10, previous: 5 }, trend: "unchanged" });
    expect(rep.every((i) => !("methodChanges" in i))).toBe(true);
  });

  it("compares the board's voting and executive differences and its voting BME share, with the members behind them", () => {
    const staffNow = staff(80, 20, 0);
    const previous = computeResults(dataset({ staff: staffNow, board: board(1), period: "2023/24" }));
    const current = computeResults(dataset({ staff: staffNow, board: board(2), period: "2024/25" }), { previous });
    const b = items(current, "9");
    expect(b.map((i) => i.measure)).toEqual(["voting.difference", "executive.difference", "voting.boardBmePct"]);
    expect(b[0]).toMatchObject({ direction: "towards-zero", counts: { current: 2, previous: 1 } });
    expect(b[1]).toMatchObject({ direction: "towards-zero", counts: { current: 0, previous: 0 } });
    expect(b[2]).toMatchObject({
      direction: "higher",
      current: 20,
      previous: 100 / 9,
      counts: { current: 2, previous: 1 },
    });
    expect(b[2]!.trend).toBe("improved");
    expect(b[0]!.trend).toBe("improved");
    expect(headlineValue(current.indicators["9"]!, current.groups)).toBe(b[0]!.current);
  });

  it("gives relative likelihoods and survey figures without counts", () => {
    const make = (period: string, appointed: number, bmePct: number) =>
      dataset({
        applications: [...applications("white", 100, appointed), ...applications("bme", 100, 20)],
        survey: [survey(7, 60, bmePct)],
        period,
      });
    const previous = computeResults(make("2023/24", 30, 40));
    const current = computeResults(make("2024/25", 24, 45), { previous });
    const [rl] = items(current, "2");
    expect(rl).toMatchObject({ measure: "value", direction: "towards-one", trend: "improved" });
    expect(rl!.change).toBeCloseTo(1.2 - 1.5, 12);
    expect("counts" in rl!).toBe(false);
    const s7 = items(current, "7");
    expect(s7.map((i) => i.measure)).toEqual(["bmePct", "gap"]);
    expect(s7[0]).toMatchObject({ previous: 40, current: 45, change: 5, direction: "higher", trend: "improved" });
    expect(s7[1]).toMatchObject({ direction: "towards-zero", trend: "improved" });
    expect(s7.every((i) => !("counts" in i))).toBe(true);
  });

  it("judges a likelihood's move at the 2 places it is published to", () => {
    const make = (period: string, appointed: number) =>
      dataset({ applications: [...applications("white", 1000, appointed), ...applications("bme", 1000, 100)], period });
    const previous = computeResults(make("2023/24", 121));
    const current = computeResults(make("2024/25", 119), { previous });
    // 1.21 to 1.19: both 1.2 to one place, but closer to 1 as published.
    expect(items(current, "2")[0]).toMatchObject({ previous: 1.21, current: 1.19, trend: "improved" });
  });

  it("gives no previous figure for an indicator last year gave none of", () => {
    const previous = computeResults(dataset({ survey: [survey(7, 60, 40)], period: "2023/24" }));
    const current = computeResults(dataset({ staff: staff(80, 20, 0), period: "2024/25" }), { previous });
    const [overall] = items(current, "1");
    expect(overall).toMatchObject({ previous: null, change: null, trend: "not-comparable" });
    expect(overall!.counts).toEqual({ current: 20, previous: null });
    expect("methodChanges" in overall!).toBe(false);
  });
});

describe("an indicator last year's document does not hold", () => {
  it("is given with no previous figure, and the others are still compared", () => {
    const previous = computeResults(dataset({ staff: staff(80, 20, 0), period: "2023/24" }));
    // A document saved before the board indicator was reported, or by a standard with fewer indicators.
    delete previous.indicators["9"];
    const current = computeResults(dataset({ staff: staff(80, 20, 0), board: board(2), period: "2024/25" }), {
      previous,
    });
    const voting = items(current, "9").find((i) => i.measure === "voting.difference");
    expect(voting).toMatchObject({ previous: null, change: null, trend: "not-comparable" });
    expect(voting!.current).not.toBeNull();
    expect(items(current, "1")[0]).toMatchObject({ current: 20, previous: 20, trend: "unchanged" });
  });
});

describe("an indicator that was another kind of figure last year", () => {
  it("is not compared with it, and names no method change", () => {
    const previous = computeResults(dataset({ survey: [survey(7, 60, 40)], period: "2023/24" }));
    // Last year's indicator 1 was a survey figure (a standard that renumbered its indicators, say).
    previous.indicators["1"] = previous.indicators["7"];
    const current = computeResults(dataset({ staff: staff(80, 20, 0), period: "2024/25" }), { previous });
    const rep = items(current, "1");
    expect(rep).toHaveLength(3);
    for (const i of rep) {
      expect(i).toMatchObject({ previous: null, change: null, trend: "not-comparable" });
      expect(i).not.toHaveProperty("methodChanges");
    }
  });
});

describe("trendOf", () => {
  it("judges each direction of good", () => {
    expect(trendOf(28, 30.5, "lower", 1)).toBe("improved");
    expect(trendOf(30.5, 28, "lower", 1)).toBe("worsened");
    expect(trendOf(12, 11, "higher", 1)).toBe("improved");
    expect(trendOf(11, 12, "higher", 1)).toBe("worsened");
    expect(trendOf(-2, 5, "towards-zero", 1)).toBe("improved");
    expect(trendOf(-5, 2, "towards-zero", 1)).toBe("worsened");
    expect(trendOf(1.1, 0.8, "towards-one", 2)).toBe("improved");
    expect(trendOf(0.8, 1.1, "towards-one", 2)).toBe("worsened");
  });

  it("is unchanged when the figures round alike, or sit as far from good on either side", () => {
    expect(trendOf(28.04, 27.96, "lower", 1)).toBe("unchanged");
    expect(trendOf(28.06, 27.96, "lower", 1)).toBe("worsened");
    expect(trendOf(-3, 3, "towards-zero", 1)).toBe("unchanged");
    expect(trendOf(0.5, 2, "towards-one", 2)).toBe("unchanged");
  });

  it("is worse at or below zero for a likelihood, and not comparable without both figures", () => {
    expect(trendOf(0, 3, "towards-one", 2)).toBe("worsened");
    expect(trendOf(3, 0, "towards-one", 2)).toBe("improved");
    expect(trendOf(0, 0, "towards-one", 2)).toBe("unchanged");
    expect(trendOf(1.2, null, "towards-one", 2)).toBe("not-comparable");
    expect(trendOf(null, null, "higher", 1)).toBe("not-comparable");
  });
});

describe("movementOf", () => {
  it("is up, down or level at the places shown", () => {
    expect(movementOf(1.21, 1.2, 2)).toBe("up");
    expect(movementOf(1.19, 1.2, 2)).toBe("down");
    expect(movementOf(1.21, 1.2, 1)).toBe("level");
    expect(movementOf(1.2, 1.2, 2)).toBe("level");
  });
});

describe("headlineValue", () => {
  it("is the voting difference for the board, and nothing when the figure is not calculable", () => {
    const doc = computeResults(dataset({ staff: staff(80, 20, 0), board: board(2) }));
    const b = doc.indicators["9"]!;
    expect(b.kind).toBe("board-difference");
    expect(headlineValue(b, doc.groups)).toBe((b as { voting: { difference: number } }).voting.difference);
    const none = computeResults(dataset({ applications: applications("white", 10, 5) }));
    expect(headlineValue(none.indicators["2"]!, none.groups)).toBeNull();
  });
});
