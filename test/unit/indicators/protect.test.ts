// protectCells and its rules (src/indicators/protect.ts) on small sums whose answers can be checked by hand.
// The property over random tables with margins is in suppression.test.ts.
import { describe, expect, it } from "vitest";
import { isSafe, narrowCells, protectCells, type SumConstraint } from "../../../src/indicators/protect";

/** The values of the hidden cells, in cell order. */
const hiddenValues = (values: number[], hidden: boolean[]) => values.filter((_, i) => hidden[i]);

describe("isSafe", () => {
  const c: SumConstraint = { total: 0, parts: [1, 2, 3] };
  const values = [30, 3, 20, 7];

  it("nothing hidden, or the total hidden with at least one part, is safe", () => {
    expect(isSafe(c, [false, false, false, false], values, 10)).toBe(true);
    expect(isSafe(c, [true, true, false, false], values, 10)).toBe(true);
    // A hidden total whose parts all show is their sum.
    expect(isSafe(c, [true, false, false, false], values, 10)).toBe(false);
    // A total of no parts hidden alone gives nothing away.
    expect(isSafe({ total: 0, parts: [] }, [true], [5], 10)).toBe(true);
  });

  it("under a shown total: two or more hidden parts adding up to the threshold at least", () => {
    expect(isSafe(c, [false, true, false, false], values, 10)).toBe(false);
    // 3 + 7 = 10: each could be 0..10.
    expect(isSafe(c, [false, true, false, true], values, 10)).toBe(true);
    expect(isSafe(c, [false, true, false, true], values, 11)).toBe(false);
  });
});

describe("narrowCells", () => {
  it("lists the hidden cells whose range under every sum is narrower than asked", () => {
    // 10 = a + b + c; a and b hidden (3 and 7): each 0..10, 11 values.
    const constraints: SumConstraint[] = [{ total: 0, parts: [1, 2, 3] }];
    const values = [30, 3, 7, 20];
    expect(narrowCells(values, constraints, [false, true, true, false], 10)).toEqual([]);
    expect(narrowCells(values, constraints, [false, true, true, false], 11)).toEqual([]);
    expect(narrowCells(values, constraints, [false, true, true, false], 12)).toEqual([1, 2]);
    // A width asked for per cell.
    expect(narrowCells(values, constraints, [false, true, true, false], 10, (i) => (i === 2 ? 12 : 1))).toEqual([2]);
    // One hidden part under a shown total is pinned.
    expect(narrowCells(values, constraints, [false, false, true, false], 2)).toEqual([2]);
    expect(narrowCells(values, constraints, [false, false, false, false], 10)).toEqual([]);
  });
});

describe("protectCells", () => {
  it("hides the small counts and the cheapest part big enough beside them", () => {
    // 60 = 3 + 12 + 45: the 3, and 12 (the smallest part of at least 7).
    expect(hiddenValues([60, 3, 12, 45], protectCells([60, 3, 12, 45], [{ total: 0, parts: [1, 2, 3] }], 10))).toEqual([
      3, 12,
    ]);
  });

  it("a weight makes a part dearer; an infinite weight is never chosen to protect another", () => {
    const values = [60, 3, 12, 45];
    const c: SumConstraint[] = [{ total: 0, parts: [1, 2, 3] }];
    // 12 x 4 = 48 > 45: the 45 goes instead.
    expect(hiddenValues(values, protectCells(values, c, 10, [1, 1, 4, 1]))).toEqual([3, 45]);
    expect(hiddenValues(values, protectCells(values, c, 10, [1, 1, Infinity, 1]))).toEqual([3, 45]);
    // With every other part infinitely dear, the total goes.
    expect(hiddenValues(values, protectCells(values, c, 10, [1, 1, Infinity, Infinity]))).toEqual([60, 3]);
  });

  it("where the visible parts cannot make up the threshold, hides the total too", () => {
    // 8 = 3 + 5 + 0: both small, together 8 < 10, nothing else to hide.
    expect(protectCells([8, 3, 5, 0], [{ total: 0, parts: [1, 2, 3] }], 10)).toEqual([true, true, true, false]);
  });

  it("with a hidden total, hides the cheapest shown part (a zero only when nothing else is left)", () => {
    // A two-level sum: 100 = 40 + 60 and 40 = 4 + 36 + 0. The 4 hides 36 beside it; 40 stays (its sum is safe).
    const values = [100, 40, 60, 4, 36, 0];
    const c: SumConstraint[] = [
      { total: 0, parts: [1, 2] },
      { total: 1, parts: [3, 4, 5] },
    ];
    expect(hiddenValues(values, protectCells(values, c, 10))).toEqual([4, 36]);
    // The 40 hidden already (a total) with its parts 14, 26 and 0 shown: the cheapest part with people in it goes
    // (14), and the 60 beside the 40 in the sum above.
    const preset = [false, true, false, false, false, false];
    expect(protectCells([100, 40, 60, 14, 26, 0], c, 10, undefined, preset)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
    // Parts 0, 40 and 0: the 40, never a zero.
    expect(protectCells([100, 40, 60, 0, 40, 0], c, 10, undefined, preset)).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  it("a cell fixed is never hidden, small or not: the free parts are hidden instead, the cheapest first", () => {
    // 50 = 3 + 7 + 15 + 25, the total and the 3 fixed (shown): 7 then 15 go (7 + 15 >= 10; the 3 is published).
    const values = [50, 3, 7, 15, 25];
    const fixed = [true, true, false, false, false];
    const h = protectCells(values, [{ total: 0, parts: [1, 2, 3, 4] }], 10, undefined, undefined, { fixed });
    expect(h[0]).toBe(false);
    expect(h[1]).toBe(false);
    expect(hiddenValues(values, h)).toEqual([7, 15]);
  });

  it("audits the sums together, and skips the audit for a copy protected before (its hidden values are not known)", () => {
    // A 2x3 table with margins: rows 11 = 4 + 2 + 5 and 18 = 9 + 3 + 6; columns 13, 5, 11; total 29.
    // Cells 0-5 inner, 6-7 row totals, 8-10 column totals, 11 the total.
    const values = [4, 2, 5, 9, 3, 6, 11, 18, 13, 5, 11, 29];
    const c: SumConstraint[] = [
      { total: 6, parts: [0, 1, 2] },
      { total: 7, parts: [3, 4, 5] },
      { total: 8, parts: [0, 3] },
      { total: 9, parts: [1, 4] },
      { total: 10, parts: [2, 5] },
      { total: 11, parts: [6, 7] },
    ];
    const hiddenCells = (h: boolean[]) => h.flatMap((x, i) => (x ? [i] : []));
    // Each sum is safe on its own with every inner cell and one column total hidden, but together they pin the
    // second column (2, 3 and its total 5): the audit hides the row totals and the third column's too.
    const audited = protectCells(values, c, 10);
    expect(hiddenCells(audited)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9, 10]);
    expect(narrowCells(values, c, audited, 10)).toEqual([]);
    // The 4 hidden already, as in a copy protected before: the same sums are made safe, and no audit.
    const preset = values.map((_, i) => i === 0);
    const unaudited = protectCells(values, c, 10, undefined, preset);
    expect(hiddenCells(unaudited)).toEqual([0, 1, 2, 3, 4, 5, 9]);
    expect(narrowCells(values, c, unaudited, 10)).toEqual([1, 4, 9]);
    // Its values known (the same protection), the preset copy is audited.
    expect(hiddenCells(protectCells(values, c, 10, undefined, preset, { audit: true }))).toEqual(hiddenCells(audited));
  });
});
