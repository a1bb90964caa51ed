// Targets with their trajectory from the baseline, and comparison figures carried from year to year.
// Expected values are worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  comparisonsFor,
  isFinancialYear,
  onTrack,
  targetFor,
  trajectoryOf,
  type IndicatorFigure,
  type YearFigure,
} from "../../../src/plan/targets";

function figure(extra: Partial<IndicatorFigure>): IndicatorFigure {
  return {
    id: 1,
    etag: '"1"',
    modified: "2025-01-01T00:00:00Z",
    kind: "comparison",
    standard: "nhs-england-wres",
    indicator: 2,
    value: 1,
    year: "2024/25",
    baselineYear: null,
    direction: null,
    comparator: "national",
    name: "England",
    source: "NHS England WRES data report 2024",
    ...extra,
  };
}

const rl2Saved: YearFigure[] = [
  { year: "2022/23", value: 1.84 },
  { year: "2023/24", value: 1.7 },
  { year: "2024/25", value: 1.5 },
  { year: "2027/28", value: 1.2 },
];

describe("a target's trajectory", () => {
  it("runs in a straight line per year from the baseline's saved figure to the target, then holds the target (RL2 at most 1.25 by 2026/27)", () => {
    // From 1.84 in 2022/23 to 1.25 in 2026/27: four steps of (1.25 - 1.84) / 4 = -0.1475.
    const t = trajectoryOf(
      { value: 1.25, year: "2026/27", baselineYear: "2022/23", direction: "towards-one" },
      rl2Saved,
      "towards-one",
      2,
    );
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.baseline).toBe(1.84);
    expect(t.points.map((p) => p.year)).toEqual(["2022/23", "2023/24", "2024/25", "2025/26", "2026/27", "2027/28"]);
    const expected = [1.84, 1.6925, 1.545, 1.3975, 1.25, 1.25];
    t.points.forEach((p, i) => expect(p.expected).toBeCloseTo(expected[i]!, 10));
    expect(t.points.map((p) => p.actual)).toEqual([1.84, 1.7, 1.5, null, null, 1.2]);
    // 1.70 against 1.69 (1.6925 at two places) is further from parity: off track. 1.50 against 1.55 is
    // nearer: on track. 1.20 after the target year against 1.25: on track.
    expect(t.points.map((p) => p.status)).toEqual([
      "on-track",
      "off-track",
      "on-track",
      "no-figure",
      "no-figure",
      "on-track",
    ]);
  });

  it("judges 'higher is better' and 'lower is better' by the indicator's direction, at display precision", () => {
    // Indicator 1: 10.0% in 2023/24 to 16.0% by 2026/27, two points a year: 12.0, 14.0, 16.0.
    const higher = trajectoryOf(
      { value: 16, year: "2026/27", baselineYear: null, direction: "higher" },
      [
        { year: "2023/24", value: 10 },
        { year: "2024/25", value: 12.04 },
        { year: "2025/26", value: 13.9 },
      ],
      "higher",
      1,
    );
    expect(higher.ok && higher.points.map((p) => [p.year, p.expected, p.status])).toEqual([
      ["2023/24", 10, "on-track"],
      ["2024/25", 12, "on-track"],
      ["2025/26", 14, "off-track"],
      ["2026/27", 16, "no-figure"],
    ]);
    // Indicator 5: 30% to 24% by 2026/27 from 2023/24: 28, 26, 24. Lower is better.
    const lower = trajectoryOf(
      { value: 24, year: "2026/27", baselineYear: "2023/24", direction: "lower" },
      [
        { year: "2023/24", value: 30 },
        { year: "2024/25", value: 28.1 },
        { year: "2025/26", value: 25.96 },
      ],
      "higher",
      1,
    );
    expect(lower.ok && lower.points.map((p) => p.status)).toEqual(["on-track", "off-track", "on-track", "no-figure"]);
    // A figure equal to the line at display precision is on it: 1.6925 shows as 1.69.
    expect(onTrack(1.69, 1.6925, "towards-one", 2)).toBe(true);
    expect(onTrack(1.7, 1.6925, "towards-one", 2)).toBe(false);
  });

  it("takes the earliest saved year with a figure as the baseline when none is given", () => {
    const t = trajectoryOf(
      { value: 1.25, year: "2026/27", baselineYear: null, direction: null },
      [
        { year: "2021/22", value: null },
        { year: "2023/24", value: 1.6 },
        { year: "2022/23", value: 1.84 },
      ],
      "towards-one",
      2,
    );
    expect(t.ok && [t.baselineYear, t.baseline, t.direction]).toEqual(["2022/23", 1.84, "towards-one"]);
  });

  it("names a year with no saved figure in the 2008/09 form, with its leading zero", () => {
    const t = trajectoryOf(
      { value: 16, year: "2010/11", baselineYear: "2007/08", direction: "higher" },
      [{ year: "2007/08", value: 10 }],
      "higher",
      1,
    );
    expect(t.ok && t.points.map((p) => p.year)).toEqual(["2007/08", "2008/09", "2009/10", "2010/11"]);
  });

  it("after the target year, shows only the years with a saved figure", () => {
    const t = trajectoryOf(
      { value: 1.25, year: "2026/27", baselineYear: "2024/25", direction: "towards-one" },
      [
        { year: "2024/25", value: 1.5 },
        { year: "2028/29", value: 1.2 },
      ],
      "towards-one",
      2,
    );
    expect(t.ok && t.points.map((p) => [p.year, p.status])).toEqual([
      ["2024/25", "on-track"],
      ["2025/26", "no-figure"],
      ["2026/27", "no-figure"],
      ["2028/29", "on-track"],
    ]);
  });

  it("passes over a saved figure whose year it cannot read when choosing the baseline", () => {
    const t = trajectoryOf(
      { value: 1.25, year: "2026/27", baselineYear: null, direction: "towards-one" },
      [{ year: "2021/22 draft", value: 2.1 }, ...rl2Saved],
      "towards-one",
      2,
    );
    expect(t.ok && [t.baselineYear, t.baseline, t.points.length]).toEqual(["2022/23", 1.84, 6]);
  });

  it("says why there is no trajectory: nothing saved, no figure for the baseline, a baseline not before the target", () => {
    const target = { value: 1.25, year: "2026/27", baselineYear: null, direction: "towards-one" as const };
    expect(trajectoryOf(target, [], "towards-one", 2)).toEqual({ ok: false, reason: "no-figures" });
    expect(trajectoryOf({ ...target, baselineYear: "2020/21" }, rl2Saved, "towards-one", 2)).toEqual({
      ok: false,
      reason: "baseline-missing",
    });
    expect(trajectoryOf({ ...target, baselineYear: "2026/27" }, rl2Saved, "towards-one", 2)).toEqual({
      ok: false,
      reason: "baseline-not-before",
    });
    expect(trajectoryOf({ ...target, year: "next year" }, rl2Saved, "towards-one", 2)).toEqual({
      ok: false,
      reason: "bad-year",
    });
  });

  it("starts at the baseline, ends at the target, and never leaves the range between them (properties)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2010, max: 2040 }),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (start, years, baseline, target) => {
          const year = (s: number) => `${s}/${String((s + 1) % 100).padStart(2, "0")}`;
          const t = trajectoryOf(
            { value: target, year: year(start + years), baselineYear: year(start), direction: "lower" },
            [{ year: year(start), value: baseline }],
            "lower",
            1,
          );
          if (!t.ok) return false;
          const lo = Math.min(baseline, target) - 1e-9;
          const hi = Math.max(baseline, target) + 1e-9;
          return (
            t.points.length === years + 1 &&
            t.points[0]!.expected === baseline &&
            t.points.at(-1)!.expected === target &&
            t.points.every((p) => p.expected >= lo && p.expected <= hi) &&
            t.points[0]!.status === "on-track"
          );
        },
      ),
    );
  });
});

describe("comparison figures for a year", () => {
  const figures = [
    figure({ id: 1, comparator: "national", name: "England", year: "2023/24", value: 1.2 }),
    figure({ id: 2, comparator: "national", name: "England", year: "2024/25", value: 1.14 }),
    figure({ id: 3, comparator: "ics", name: "Oxfordshire ICS", year: "2022/23", value: 2.35 }),
    figure({ id: 4, comparator: "peer", name: "Anytown NHS FT", year: "2025/26", value: 1.6 }),
    figure({ id: 5, comparator: "regional", name: "South East", year: "2024/25", value: 1.5, indicator: 3 }),
    figure({ id: 6, kind: "target", comparator: null, name: null, year: "2024/25", value: 1.25 }),
  ];

  it("takes each comparator's figure of the year, else its latest earlier one, and nothing from a later year", () => {
    expect(comparisonsFor(figures, 2, "2024/25").map((f) => [f.id, f.year, f.value])).toEqual([
      [2, "2024/25", 1.14],
      [3, "2022/23", 2.35],
    ]);
    expect(comparisonsFor(figures, 2, "2023/24").map((f) => f.id)).toEqual([1, 3]);
    expect(comparisonsFor(figures, 2, "2026/27").map((f) => f.id)).toEqual([2, 3, 4]);
    expect(comparisonsFor(figures, 2, "2021/22")).toEqual([]);
    expect(comparisonsFor(figures, 3, "2024/25").map((f) => f.id)).toEqual([5]);
  });

  it("keeps two peers apart by name", () => {
    const peers = [
      figure({ id: 1, comparator: "peer", name: "Trust B", year: "2024/25" }),
      figure({ id: 2, comparator: "peer", name: "Trust A", year: "2023/24" }),
      figure({ id: 3, comparator: "peer", name: "trust b ", year: "2023/24" }),
    ];
    expect(comparisonsFor(peers, 2, "2024/25").map((f) => f.id)).toEqual([2, 1]);
  });

  it("takes the figure entered last when two figures of one comparator describe the same year, whatever the list's order", () => {
    const first = figure({ id: 9, comparator: "national", name: "England", year: "2024/25", value: 1.2 });
    const corrected = figure({ id: 12, comparator: "national", name: "England", year: "2024/25", value: 1.14 });
    expect(comparisonsFor([first, corrected], 2, "2025/26").map((f) => f.value)).toEqual([1.14]);
    expect(comparisonsFor([corrected, first], 2, "2025/26").map((f) => f.value)).toEqual([1.14]);
  });

  it("leaves out a target, and a figure that names no comparator, even when the list was edited by hand", () => {
    const edited = [
      figure({ id: 1, comparator: "national", name: "England", year: "2024/25" }),
      // Its kind changed to Target in the list, its Compared with left filled in.
      figure({ id: 2, kind: "target", comparator: "ics", name: "Oxfordshire ICS", year: "2024/25" }),
      // Compared with emptied in the list.
      figure({ id: 3, comparator: null, name: "Oxfordshire ICS", year: "2024/25" }),
    ];
    expect(comparisonsFor(edited, 2, "2024/25").map((f) => f.id)).toEqual([1]);
  });

  it("orders the figures of one comparator by name, a national figure without a name first", () => {
    const listed = [
      figure({ id: 1, comparator: "peer", name: "Zedtown NHS FT" }),
      figure({ id: 2, comparator: "national", name: "England" }),
      figure({ id: 3, comparator: "national", name: null }),
      figure({ id: 4, comparator: "peer", name: "Anytown NHS FT" }),
    ];
    expect(comparisonsFor(listed, 2, "2024/25").map((f) => f.id)).toEqual([3, 2, 4, 1]);
    expect(comparisonsFor([...listed].reverse(), 2, "2024/25").map((f) => f.id)).toEqual([3, 2, 4, 1]);
  });

  it("ignores only case and the spaces around a name: a name spelled differently is another peer", () => {
    const peers = [
      figure({ id: 1, comparator: "peer", name: "Straße Klinikum" }),
      figure({ id: 2, comparator: "peer", name: "Strasse Klinikum" }),
    ];
    expect(comparisonsFor(peers, 2, "2024/25").map((f) => f.id)).toEqual([2, 1]);
  });
});

describe("which target speaks for a year", () => {
  const targets = [
    figure({ id: 7, kind: "target", year: "2026/27", value: 1.25, comparator: null }),
    figure({ id: 8, kind: "target", year: "2029/30", value: 1.1, comparator: null }),
  ];
  it("the nearest target year not yet past, else the last", () => {
    expect(targetFor(targets, 2, "2024/25")?.id).toBe(7);
    expect(targetFor(targets, 2, "2027/28")?.id).toBe(8);
    expect(targetFor(targets, 2, "2031/32")?.id).toBe(8);
    expect(targetFor(targets, 3, "2024/25")).toBeNull();
  });

  it("a target speaks for its own target year", () => {
    expect(targetFor(targets, 2, "2026/27")?.id).toBe(7);
    expect(targetFor(targets, 2, "2029/30")?.id).toBe(8);
  });

  it("past every target year, the latest of three", () => {
    const three = [...targets, figure({ id: 9, kind: "target", year: "2032/33", value: 1, comparator: null })];
    expect(targetFor(three, 2, "2035/36")?.id).toBe(9);
  });

  it("by target year, not by the order the targets were set or listed in", () => {
    // The 2029/30 target was set first; the nearer 2026/27 one added later still speaks for 2024/25.
    const later = figure({ id: 3, kind: "target", year: "2029/30", value: 1.1, comparator: null });
    const nearer = figure({ id: 5, kind: "target", year: "2026/27", value: 1.25, comparator: null });
    expect(targetFor([later, nearer], 2, "2024/25")?.id).toBe(5);
    expect(targetFor([nearer, later], 2, "2024/25")?.id).toBe(5);
  });

  it("of two targets for one year, the one set first", () => {
    const again = figure({ id: 9, kind: "target", year: "2026/27", value: 1.2, comparator: null });
    const first = figure({ id: 4, kind: "target", year: "2026/27", value: 1.25, comparator: null });
    expect(targetFor([again, first], 2, "2024/25")?.id).toBe(4);
  });
});

describe("plan years", () => {
  it("are written 2024/25, with nothing before or after", () => {
    expect(isFinancialYear("2024/25")).toBe(true);
    expect(isFinancialYear("1999/00")).toBe(true);
    expect(isFinancialYear("2024/26")).toBe(false);
    expect(isFinancialYear("2024")).toBe(false);
    expect(isFinancialYear("FY2024/25")).toBe(false);
    expect(isFinancialYear("2024/25 (draft)")).toBe(false);
  });
});
