// protectCells and its rules (src/indicators/protect.ts) on small sums whose answers can be checked by hand.
// The property over random tables with margins is in suppression.test.ts.
import { describe, expect, it } from "vitest";
import {
  hiddenRanges,
  isSafe,
  makeSumsSafe,
  narrowCells,
  protectCells,
  type SumConstraint,
} from "../../../src/indicators/protect";

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

  it("lists the narrow cells in cell order (the order the audit widens them in), whichever linked group each is in", () => {
    // 10 = 3 + 7 (cells 0 = 1 + 4) and 10 = 4 + 6 (cells 2 = 3 + 5), every part hidden: each 0..10, 11 values.
    const constraints: SumConstraint[] = [
      { total: 0, parts: [1, 4] },
      { total: 2, parts: [3, 5] },
    ];
    const hidden = [false, true, false, true, true, true];
    expect(narrowCells([10, 3, 10, 4, 7, 6], constraints, hidden, 12)).toEqual([1, 3, 4, 5]);
  });

  it("leaves out a sum with nothing hidden in it, even one whose figures do not add up", () => {
    // 30 = 3 + 7 + 20 with the 3 and 7 hidden: each 0..10, 11 values, narrower than 12. Beside it, 50 = 40 shown
    // (figures from two sources that disagree): it says nothing of the hidden cells, and does not stop the audit.
    const constraints: SumConstraint[] = [
      { total: 0, parts: [1, 2, 3] },
      { total: 4, parts: [5] },
    ];
    expect(narrowCells([30, 3, 7, 20, 50, 40], constraints, [false, true, true, false, false, false], 12)).toEqual([
      1, 2,
    ]);
  });
});

/**
 * makeSumsSafe from the cells hidden already (`hidden`, by index): the cells hidden after, by index. The cost is
 * protectCells': the value times its weight, Infinity for a fixed cell.
 */
function sumRules(
  values: number[],
  constraints: SumConstraint[],
  threshold: number,
  given: { hidden: number[]; weights?: number[]; fixed?: boolean[] },
): number[] {
  const hidden = values.map((_, i) => given.hidden.includes(i));
  const cost = (i: number) => (given.fixed?.[i] ? Infinity : values[i]! * (given.weights?.[i] ?? 1));
  makeSumsSafe(values, constraints, threshold, hidden, cost, given.fixed);
  return hidden.flatMap((h, i) => (h ? [i] : []));
}

describe("makeSumsSafe", () => {
  const one = (total: number, parts: number[]): SumConstraint[] => [{ total, parts }];

  it("under a shown total: the cheapest count beside the hidden one, never a zero, the first of equal ones", () => {
    // 60 = 3 + 12 + 0 + 45 with the 3 hidden: the 12 (the 0 would cost nothing but protects nothing).
    expect(sumRules([60, 3, 12, 0, 45], one(0, [1, 2, 3, 4]), 10, { hidden: [1] })).toEqual([1, 2]);
    // 43 = 3 + 20 + 20: the first 20.
    expect(sumRules([43, 3, 20, 20], one(0, [1, 2, 3]), 10, { hidden: [1] })).toEqual([1, 2]);
    // 30 = 0 + 10 + 20 with the 0 hidden (a copy protected before): the 10, and the two then add up to the
    // threshold exactly, which is enough.
    expect(sumRules([30, 0, 10, 20], one(0, [1, 2, 3]), 10, { hidden: [1] })).toEqual([1, 2]);
    // 8 = 3 + 5 + 0 with both small counts hidden: together 8, and nothing left to add, so the total goes; the
    // same with fixed cells given when none of them is in this sum.
    expect(sumRules([8, 3, 5, 0], one(0, [1, 2, 3]), 10, { hidden: [1, 2] })).toEqual([0, 1, 2]);
    const noneFixed = [false, false, false, false];
    expect(sumRules([8, 3, 5, 0], one(0, [1, 2, 3]), 10, { hidden: [1, 2], fixed: noneFixed })).toEqual([0, 1, 2]);
  });

  it("under a hidden total: the cheapest count, else the first part that may be hidden, else nothing", () => {
    // 20 = 20 (fixed) + 0, the total hidden: no count may go, so the zero does.
    const fixedFirst = [false, true, false];
    expect(sumRules([20, 20, 0], one(0, [1, 2]), 10, { hidden: [0], fixed: fixedFirst })).toEqual([0, 2]);
    // 20 = 20 with that part fixed: nothing may go (the audit judges the sum).
    expect(sumRules([20, 20], one(0, [1]), 10, { hidden: [0], fixed: [false, true] })).toEqual([0]);
  });

  it("under a fixed total: free parts, the cheapest first, then counts of infinite weight (the largest first), zeros last", () => {
    const c = one(0, [1, 2, 3]);
    const totalFixed = [true, false, false, false];
    // 50 = 7 + 0 + 43 with the 7 hidden: the 43, not the 0.
    expect(sumRules([50, 7, 0, 43], c, 10, { hidden: [1], fixed: totalFixed })).toEqual([1, 3]);
    // 50 = 3 + 4 + 43: two hidden parts, but only 7 between them: the 43 as well.
    expect(sumRules([50, 3, 4, 43], c, 10, { hidden: [1, 2], fixed: totalFixed })).toEqual([1, 2, 3]);
    // 20 = 12 (fixed) + 0 + 8 with the 8 hidden: only the 0 is left to hide, and it goes, though 8 stays short.
    expect(sumRules([20, 12, 0, 8], c, 10, { hidden: [3], fixed: [true, true, false, false] })).toEqual([2, 3]);
    // 30 = 20 + 0 + 0 + 10 (fixed) with the 20 hidden already (for another sum): a second hidden part is all it
    // needs, and the first 0 is it.
    const zeros = one(0, [1, 2, 3, 4]);
    const fixedEnds = [true, false, false, false, true];
    expect(sumRules([30, 20, 0, 0, 10], zeros, 10, { hidden: [1], fixed: fixedEnds })).toEqual([1, 2]);
    // 83 = 3 + 0 + 20 + 30 + 30, the counts of infinite weight: the first 30 (the largest, the first of equals).
    const dear = [1, 1, 1, Infinity, Infinity, Infinity];
    const wide = one(0, [1, 2, 3, 4, 5]);
    const fixed = [true, false, false, false, false, false];
    expect(sumRules([83, 3, 0, 20, 30, 30], wide, 10, { hidden: [1], weights: dear, fixed })).toEqual([1, 4]);
  });

  it("goes round again: a cell hidden for a later sum is protected in the sums before it too", () => {
    // 30 = p + q (10 + 20) comes first. The sum after it hides p; then p alone under 30 would be 30 - 20, so q
    // goes too, whichever rule the later sum follows:
    const first: SumConstraint = { total: 0, parts: [1, 2] };
    const later: SumConstraint = { total: 3, parts: [1, 4] };
    // - a shown total, 13 = p + 3, the 3 hidden;
    expect(sumRules([30, 10, 20, 13, 3], [first, later], 10, { hidden: [4] })).toEqual([1, 2, 4]);
    // - a hidden total, 10 = p + 0 (its one count goes);
    expect(sumRules([30, 10, 20, 10, 0], [first, later], 10, { hidden: [3] })).toEqual([1, 2, 3]);
    // - a fixed total, 13 = p + 3, the 3 hidden.
    const fixed = [false, false, false, true, false];
    expect(sumRules([30, 10, 20, 13, 3], [first, later], 10, { hidden: [4], fixed })).toEqual([1, 2, 4]);
  });
});

describe("protectCells", () => {
  it("hides the small counts and the cheapest part big enough beside them", () => {
    // 60 = 3 + 12 + 45: the 3, and 12 (the smallest part of at least 7).
    expect(hiddenValues([60, 3, 12, 45], protectCells([60, 3, 12, 45], [{ total: 0, parts: [1, 2, 3] }], 10))).toEqual([
      3, 12,
    ]);
  });

  it("the audit hides one cell per sum in a round, then looks again", () => {
    // Threshold 5, a 2x2 table whose inner counts are all small: rows 1 + 4 = 5 and 1 + 4 = 5, columns 2 and
    // 8, total 10. Cells 0-3 inner, 4-5 row totals, 6-7 column totals, 8 the total. The 1s, 4s and the column's 2
    // are hidden, and each sum is safe on its own; but together they pin the 2 (10 - 8) and leave each inner
    // cell 3 values wide. Widening the first 1 hides its row's total; the 4 beside it waits (its row gained a
    // cell); the second 1 hides its row's total; the 2, with every cell of its sum hidden, reaches out to the
    // second column's 8. That is enough: the next look finds nothing narrow, and the total 10 stays shown.
    // Widening the 4 at once as well would hide the 8 there, and send the 2 on to the total.
    const values = [1, 4, 1, 4, 5, 5, 2, 8, 10];
    const c: SumConstraint[] = [
      { total: 4, parts: [0, 1] },
      { total: 5, parts: [2, 3] },
      { total: 6, parts: [0, 2] },
      { total: 7, parts: [1, 3] },
      { total: 8, parts: [4, 5] },
    ];
    const hidden = protectCells(values, c, 5);
    expect(hidden).toEqual([true, true, true, true, true, true, true, true, false]);
    expect(narrowCells(values, c, hidden, 5)).toEqual([]);
  });

  it("the audit widens a range with counts, not zeros, and reaches further only through hidden cells", () => {
    // 30 = 3 + 7 + 0 + 20 at threshold 10 with each hidden range asked to be 15 wide: 3 + 7 leaves 0..10. The 20
    // goes (hiding the 0, which costs nothing, would leave 0..10 and a second round to hide the 20 anyway).
    const values = [30, 3, 7, 0, 20];
    const wider = () => 15;
    const h = protectCells(values, [{ total: 0, parts: [1, 2, 3, 4] }], 10, undefined, undefined, { minWidth: wider });
    expect(hiddenValues(values, h)).toEqual([3, 7, 20]);
    // 10 (fixed) = 3 + 7 + 0, and 20 = 0 + 20 beside it through the same 0: nothing in the first sum may go, and
    // a shown 0 says nothing of the 3 and the 7, so nothing in the second goes either. The range stays narrow.
    const linked = [10, 3, 7, 0, 20, 20];
    const sums: SumConstraint[] = [
      { total: 0, parts: [1, 2, 3] },
      { total: 4, parts: [3, 5] },
    ];
    const fixed = [true, false, false, false, false, false];
    const left = protectCells(linked, sums, 10, undefined, undefined, { minWidth: () => 12, fixed });
    expect(hiddenValues(linked, left)).toEqual([3, 7]);
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
