// The second stage of the protection (src/indicators/protect-linked.ts): breakdown cells hidden around headline
// figures that are published already, never one of those. Small systems whose answers can be checked by hand.
import { describe, expect, it } from "vitest";
import { protectAroundFixed, hiddenRanges, type LinkedCells } from "../../../src/indicators/protect-linked";
import type { SumConstraint } from "../../../src/indicators/protect";

/** Every hidden cell's range, checked against the threshold. */
function narrow(cells: LinkedCells, hidden: boolean[], threshold: number): number[] {
  const ranges = hiddenRanges(cells.values, cells.constraints, hidden)!;
  return [...ranges].filter(([, r]) => r.max - r.min + 1 < threshold).map(([i]) => i);
}

describe("protectAroundFixed", () => {
  // Headline: 0 total = 1 white + 2 bme (all visible). A breakdown by two directorates: rows 3..5 (A: white,
  // bme, total) and 6..8 (B), each row adding up, and each column over the rows the headline's.
  const headline = [100, 70, 30];
  const directorates = [
    [66, 3, 69],
    [4, 27, 31],
  ];
  const values = [...headline, ...directorates.flat()];
  const constraints: SumConstraint[] = [
    { total: 0, parts: [1, 2] },
    { total: 5, parts: [3, 4] },
    { total: 8, parts: [6, 7] },
    { total: 1, parts: [3, 6] },
    { total: 2, parts: [4, 7] },
    { total: 0, parts: [5, 8] },
  ];
  const cells = (preset: boolean[] = values.map(() => false)): LinkedCells => ({
    values,
    constraints,
    fixed: values.map((_, i) => i < 3),
    preset,
    table: values.map((_, i) => (i < 3 ? null : "directorate")),
  });

  it("hides the small breakdown cells and breakdown complements only, every range at least the threshold wide", () => {
    const hidden = protectAroundFixed(cells(), 10)!;
    // The headline stays as it was: all visible.
    expect(hidden.slice(0, 3)).toEqual([false, false, false]);
    // 3 and 4 are small; the sums need their row and column partners (66, 27) hidden too, and no more.
    expect(hidden.map((h, i) => (h ? values[i] : null)).filter((v) => v !== null)).toEqual([66, 3, 4, 27]);
    expect(narrow(cells(), hidden, 10)).toEqual([]);
  });

  it("around a hidden headline figure, hides enough breakdown cells that the figure stays as wide as it was", () => {
    // The headline's bme (30) and white (70) hidden in the first stage (visible total 100: each 0..100).
    const preset = values.map((_, i) => i === 1 || i === 2);
    const hidden = protectAroundFixed(cells(preset), 10)!;
    expect(hidden.slice(0, 3)).toEqual([false, true, true]);
    // With directorate B's row shown whole, the headline's white and bme would be A's plus B's: A's cells must hide.
    const ranges = hiddenRanges(values, constraints, hidden)!;
    expect(ranges.get(2)!.max - ranges.get(2)!.min + 1).toBeGreaterThanOrEqual(10);
    expect(narrow(cells(preset), hidden, 10)).toEqual([]);
  });

  it("leaves the breakdowns out (null) rather than show a small count the published figures pin", () => {
    // Directorate B has all 4 BME staff and A none. The first stage would have hidden a headline count of 4; fixed
    // visible here on purpose, it leaves B's 4 a range of 0..4 whatever breakdown cells are hidden.
    const v = [74, 70, 4, 40, 0, 40, 30, 4, 34];
    const bad: LinkedCells = { ...cells(), values: v };
    expect(protectAroundFixed(bad, 10)).toBeNull();
  });

  it("leaves the breakdowns out where the first stage left a headline figure narrower than the threshold", () => {
    // White 70 and bme 30 hidden under a visible total of 100 at threshold 120: each 0..100, narrower than the
    // threshold already. No breakdown cell under them can be wider: they are left out, and the headline is as it was.
    const preset = values.map((_, i) => i === 1 || i === 2);
    expect(protectAroundFixed(cells(preset), 120)).toBeNull();
    // At 100 the headline's 0..100 is wide enough, and so are the breakdown cells hidden under it.
    const hidden = protectAroundFixed(cells(preset), 100)!;
    expect(hidden.slice(0, 3)).toEqual([false, true, true]);
    expect(narrow(cells(preset), hidden, 100)).toEqual([]);
  });
});

describe("protectAroundFixed: a breakdown cell that repeats a headline figure", () => {
  // 0 total = 1 white + 2 bme (headline, fixed); 3 is a breakdown cell (Black, the only BME category) whose one-part
  // sum says it is the headline's bme again.
  const constraints: SumConstraint[] = [
    { total: 0, parts: [1, 2] },
    { total: 2, parts: [3] },
  ];
  const cells = (preset: boolean[]): LinkedCells => ({
    values: [100, 96, 4, 4],
    constraints,
    fixed: [true, true, true, false],
    preset,
    table: [null, null, null, "ethnic"],
  });

  it("is shown where the headline figure is shown, small or not (it tells nothing the headline does not)", () => {
    expect(protectAroundFixed(cells([false, false, false, false]), 10)).toEqual([false, false, false, false]);
  });

  it("is hidden where the headline figure is hidden", () => {
    expect(protectAroundFixed(cells([false, true, true, false]), 10)).toEqual([false, true, true, true]);
  });
});

describe("hiddenRanges", () => {
  // A range as plain numbers (the solver may give -0 for 0).
  const plain = (r: { min: number; max: number } | undefined) => r && { min: r.min + 0, max: r.max + 0 };

  it("gives each hidden cell's whole-number range under all the sums, each linked group on its own", () => {
    // 10 = a + b and 30 = c + d, all four hidden: 0..10 for the first pair, 0..30 for the second.
    const values = [10, 4, 6, 30, 25, 5];
    const constraints: SumConstraint[] = [
      { total: 0, parts: [1, 2] },
      { total: 3, parts: [4, 5] },
    ];
    const ranges = hiddenRanges(values, constraints, [false, true, true, false, true, true])!;
    expect([...ranges.keys()].sort()).toEqual([1, 2, 4, 5]);
    expect(plain(ranges.get(1))).toEqual({ min: 0, max: 10 });
    expect(plain(ranges.get(2))).toEqual({ min: 0, max: 10 });
    expect(plain(ranges.get(4))).toEqual({ min: 0, max: 30 });
    expect(plain(ranges.get(5))).toEqual({ min: 0, max: 30 });
    // A visible part narrows the other: 10 = 4 + b, b hidden, is b = 6 exactly.
    expect(plain(hiddenRanges(values, constraints, [false, false, true, false, false, false])!.get(2))).toEqual({
      min: 6,
      max: 6,
    });
    // Nothing hidden: no ranges.
    expect(
      hiddenRanges(
        values,
        constraints,
        values.map(() => false),
      )!.size,
    ).toBe(0);
  });

  it("rounds the bounds inwards to whole numbers: 2a = 7 leaves no whole a (min above max)", () => {
    const r = hiddenRanges([7, 3], [{ total: 0, parts: [1, 1] }], [false, true])!.get(1)!;
    expect(r.min).toBe(4);
    expect(r.max).toBe(3);
  });

  it("is null when the sums contradict the values", () => {
    // 10 = 4 + b and 5 = b: no b is both 6 and 5.
    const constraints: SumConstraint[] = [
      { total: 0, parts: [1, 2] },
      { total: 3, parts: [2] },
    ];
    expect(hiddenRanges([10, 4, 6, 5], constraints, [false, false, true, false])).toBeNull();
  });
});
