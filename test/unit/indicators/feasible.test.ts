// The solver the suppression audit and the attacker test both rely on, checked against exhaustive
// enumeration: for small random systems of sums over non-negative whole numbers, the ranges it gives are
// exactly the smallest and largest values any whole-number solution takes.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { feasibleRanges, type Equation } from "../../../src/indicators/feasible";

/** Every solution with each variable in 0..cap, by brute force. */
function enumerate(variables: number, equations: readonly Equation[], cap: number): number[][] {
  const out: number[][] = [];
  const x = new Array<number>(variables).fill(0);
  const walk = (i: number) => {
    if (i === variables) {
      if (equations.every((e) => e.terms.reduce((a, [v, c]) => a + c * x[v]!, 0) === e.rhs)) out.push([...x]);
      return;
    }
    for (let v = 0; v <= cap; v++) {
      x[i] = v;
      walk(i + 1);
    }
  };
  walk(0);
  return out;
}

type Shape = [number, number][];

/**
 * Equations that a known solution (`truth`) satisfies, one per shape of (variable, coefficient) terms, and the sum
 * of every variable equal to its total (`sum`): added last, it bounds each variable, so enumeration up to the total
 * sees every solution.
 */
function aroundSolution(variables: number, shapes: Shape[], truth: number[]) {
  const equations: Equation[] = shapes.map((members) => {
    const terms = members.map(([v, c]): [number, number] => [v % variables, c]);
    return { terms, rhs: terms.reduce((a, [v, c]) => a + c * truth[v]!, 0) };
  });
  const all = Array.from({ length: variables }, (_, v) => v);
  const total = all.reduce((a, v) => a + truth[v]!, 0);
  const sum: Equation = { terms: all.map((v): [number, number] => [v, 1]), rhs: total };
  return { equations, sum, total };
}

/** The solver's ranges against every whole-number solution of a system whose variables are bounded by `total`. */
function expectRangesOfSolutions(variables: number, equations: Equation[], total: number): void {
  const solutions = enumerate(variables, equations, total);
  const ranges = feasibleRanges(variables, equations);
  expect(ranges).not.toBeNull();
  for (let v = 0; v < variables; v++) {
    const values = solutions.map((s) => s[v]!);
    // Never narrower than the whole-number solutions (a narrower range would protect too little)...
    expect(ranges![v]!.min).toBeLessThanOrEqual(Math.min(...values));
    expect(ranges![v]!.max).toBeGreaterThanOrEqual(Math.max(...values));
    // ...and exact when its vertices are whole: the bounds are reached by whole-number solutions.
    if (ranges![v]!.integral)
      expect([ranges![v]!.min, ranges![v]!.max]).toEqual([Math.min(...values), Math.max(...values)]);
  }
}

describe("feasibleRanges", () => {
  it("matches exhaustive enumeration on small systems of sums", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(fc.tuple(fc.nat(4), fc.constantFrom(1, -1)), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
        (variables, shapes, truth) => {
          const { equations, sum, total } = aroundSolution(variables, shapes, truth);
          expectRangesOfSolutions(variables, [...equations, sum], total);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("matches exhaustive enumeration with coefficients other than one (a pooled denominator counts twice)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.array(fc.tuple(fc.nat(4), fc.constantFrom(1, -1, 2, -2, 3)), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
        (variables, shapes, truth) => {
          const { equations, sum, total } = aroundSolution(variables, shapes, truth);
          expectRangesOfSolutions(variables, [...equations, sum], total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds no solution where two equations disagree, whatever else the system holds", () => {
    // The smallest such system: x0 = 1 and x0 = 5.
    expect(
      feasibleRanges(2, [
        { terms: [[0, 1]], rhs: 1 },
        { terms: [[0, 1]], rhs: 5 },
      ]),
    ).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.tuple(fc.nat(4), fc.constantFrom(1, -1, 2, 3)), { minLength: 1, maxLength: 4 }), {
          maxLength: 3,
        }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        (variables, shapes, truth, off) => {
          // Equations that a known solution satisfies, then the same sum twice with different totals.
          const { equations, sum, total } = aroundSolution(variables, shapes, truth);
          const disagreeing = [...equations, sum, { ...sum, rhs: total + off }];
          expect(feasibleRanges(variables, disagreeing)).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });

  it("finds a pinned cell, an unbounded one and a contradiction", () => {
    // x0 + x1 = 11, x0 + x2 = 1, x1 - x2 = 10: x0 is 0 or 1, x1 10 or 11; x3 appears nowhere.
    expect(
      feasibleRanges(4, [
        {
          terms: [
            [0, 1],
            [1, 1],
          ],
          rhs: 11,
        },
        {
          terms: [
            [0, 1],
            [2, 1],
          ],
          rhs: 1,
        },
        {
          terms: [
            [1, 1],
            [2, -1],
          ],
          rhs: 10,
        },
      ]),
    ).toEqual([
      { min: 0, max: 1, integral: true },
      { min: 10, max: 11, integral: true },
      { min: 0, max: 1, integral: true },
      { min: 0, max: Infinity, integral: true },
    ]);
    expect(
      feasibleRanges(2, [
        {
          terms: [
            [0, 1],
            [1, 1],
          ],
          rhs: 3,
        },
        { terms: [[0, 1]], rhs: 5 },
      ]),
    ).toBeNull();
  });
});

describe("feasibleRanges: the edges of the solver", () => {
  const sum = (vars: number[], rhs: number, coef = 1): Equation => ({
    terms: vars.map((v): [number, number] => [v, coef]),
    rhs,
  });

  it("with no equation, every variable is anything from 0 up", () => {
    expect(feasibleRanges(2, [])).toEqual([
      { min: 0, max: Infinity, integral: true },
      { min: 0, max: Infinity, integral: true },
    ]);
    expect(feasibleRanges(3, [], [1])).toEqual([{ min: 0, max: Infinity, integral: true }]);
  });

  it("gives the ranges of the variables asked for only, in the order asked", () => {
    // x0 + x1 = 5, x1 + x2 = 12, x2 = 9 (x1 3, x0 2).
    const eqs = [sum([0, 1], 5), sum([1, 2], 12), sum([2], 9)];
    expect(feasibleRanges(3, eqs, [2, 0])).toEqual([
      { min: 9, max: 9, integral: true },
      { min: 2, max: 2, integral: true },
    ]);
  });

  it("reads an equation written with a negative right-hand side the same as its positive form", () => {
    // -x0 - x1 = -7 is x0 + x1 = 7, and x0 - x1 = -3 is x1 = x0 + 3: together x0 = 2, x1 = 5.
    const ranges = feasibleRanges(2, [
      sum([0, 1], -7, -1),
      {
        terms: [
          [0, 1],
          [1, -1],
        ],
        rhs: -3,
      },
    ]);
    expect(ranges).toEqual([
      { min: 2, max: 2, integral: true },
      { min: 5, max: 5, integral: true },
    ]);
    expect(feasibleRanges(2, [sum([0, 1], -7, -1)])).toEqual([
      { min: 0, max: 7, integral: true },
      { min: 0, max: 7, integral: true },
    ]);
    // -x0 = 4 has no solution 0 or more.
    expect(feasibleRanges(1, [sum([0], 4, -1)])).toBeNull();
  });

  it("a variable named twice in one equation counts twice, and a bound no whole number reaches is not integral", () => {
    // x0 + x0 = 7: x0 = 3.5 only.
    expect(
      feasibleRanges(1, [
        {
          terms: [
            [0, 1],
            [0, 1],
          ],
          rhs: 7,
        },
      ]),
    ).toEqual([{ min: 3.5, max: 3.5, integral: false }]);
    // 2 x0 + x1 = 7, x1 <= 7: x0 0..3.5, the top not whole.
    const r = feasibleRanges(2, [
      {
        terms: [
          [0, 2],
          [1, 1],
        ],
        rhs: 7,
      },
    ])!;
    expect(r[0]).toEqual({ min: 0, max: 3.5, integral: false });
    expect(r[1]).toMatchObject({ min: 0, max: 7 });
  });

  it("solves a system with a repeated (redundant) equation, and never gives -0", () => {
    const ranges = feasibleRanges(3, [sum([0, 1], 5), sum([0, 1], 5), sum([1, 2], 5)])!;
    expect(ranges).toEqual([
      { min: 0, max: 5, integral: true },
      { min: 0, max: 5, integral: true },
      { min: 0, max: 5, integral: true },
    ]);
    for (const r of ranges) expect(Object.is(r.min, -0)).toBe(false);
  });

  it("a zero-sum equation pins its variables to 0", () => {
    expect(feasibleRanges(2, [sum([0, 1], 0)])).toEqual([
      { min: 0, max: 0, integral: true },
      { min: 0, max: 0, integral: true },
    ]);
  });
});
