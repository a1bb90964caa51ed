// The second stage of the protection (src/indicators/protect-linked.ts): breakdown cells hidden around headline
// figures that are published already, never one of those. Small systems whose answers can be checked by hand.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { protectAroundFixed, type LinkedCells } from "../../../src/indicators/protect-linked";
import { hiddenRanges, protectCells, type SumConstraint } from "../../../src/indicators/protect";

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

describe("protectAroundFixed: a breakdown cell the published figures pin", () => {
  // 24 staff = 20 white + 4 bme (the headline, shown). A breakdown of all staff into the headline's White cell
  // and "Other": Other is 24 - 20, whatever is hidden.
  const cells = (other: number): LinkedCells => ({
    values: [20 + other, 20, other, other],
    constraints: [
      { total: 0, parts: [1, 2] },
      { total: 0, parts: [1, 3] },
    ],
    fixed: [true, true, true, false],
    preset: [false, false, false, false],
    table: [null, null, null, "all"],
  });

  it("leaves the breakdowns out rather than show it when it is a small count", () => {
    expect(protectAroundFixed(cells(4), 5)).toBeNull();
  });

  it("shows it when it is not small", () => {
    expect(protectAroundFixed(cells(5), 5)).toEqual([false, false, false, false]);
  });
});

describe("protectAroundFixed: a breakdown cell that repeats a repeat", () => {
  it("is shown with the headline figure, whichever order the one-part sums come in", () => {
    // 2 is the headline's bme (4 of 100), 3 its only category (Black) and 4 that category's only one (African). The
    // sum that makes 3 the headline figure comes after the one that makes 4 the same as 3.
    const cells: LinkedCells = {
      values: [100, 96, 4, 4, 4],
      constraints: [
        { total: 0, parts: [1, 2] },
        { total: 3, parts: [4] },
        { total: 2, parts: [3] },
      ],
      fixed: [true, true, true, false, false],
      preset: [false, false, false, false, false],
      table: [null, null, null, "ethnic", "black"],
    };
    expect(protectAroundFixed(cells, 10)).toEqual([false, false, false, false, false]);
  });
});

/**
 * A headline (0 total = 1 white + 2 bme [+ 3 unknown]) and breakdown tables of [white, bme (, unknown), total] rows
 * under it, each row adding up and each column adding up to the headline's figure.
 */
function linked(headline: number[], tables: { name: string | null; rows: number[][] }[]): LinkedCells {
  const groups = headline.length - 1;
  const values = [...headline];
  const table: (string | null)[] = headline.map(() => null);
  const constraints: SumConstraint[] = [{ total: 0, parts: headline.slice(1).map((_, g) => g + 1) }];
  for (const t of tables) {
    const columns: number[][] = headline.map(() => []);
    for (const row of t.rows) {
      const at = values.length;
      values.push(...row);
      table.push(...row.map(() => t.name));
      constraints.push({ total: at + groups, parts: row.slice(0, groups).map((_, g) => at + g) });
      columns.forEach((column, g) => column.push(at + g));
    }
    columns.forEach((parts, g) => constraints.push({ total: g === groups ? 0 : g + 1, parts }));
  }
  return { values, constraints, fixed: values.map((_, i) => i <= groups), preset: values.map(() => false), table };
}

/** The cells with these indexes hidden beforehand, no others. */
const hiding = (cells: LinkedCells, ...indexes: number[]): LinkedCells => ({
  ...cells,
  preset: cells.values.map((_, i) => indexes.includes(i)),
});

/** A headline and one breakdown of it by directorate, the given cells hidden beforehand. */
const byDirectorate = (headline: number[], rows: number[][], ...hidden: number[]) =>
  hiding(linked(headline, [{ name: "directorate", rows }]), ...hidden);

/** Each hidden cell's range as "min..max", by index. */
const rangesOf = (cells: LinkedCells, hidden: boolean[]) =>
  Object.fromEntries(
    [...hiddenRanges(cells.values, cells.constraints, hidden)!].map(([i, r]) => [i, `${r.min}..${r.max}`]),
  );

describe("protectAroundFixed: around a hidden headline figure", () => {
  it("lets the breakdown narrow it down to the threshold, and hides no more for it", () => {
    // The headline's white 8 and bme 1 are hidden under a visible total of 9 (each 0..9). Directorate A's bme of 1
    // is small, and its white 5 hides with it. B's row (3 white, 0 bme) stays: the headline's white is then 3..9,
    // narrower than before but 7 wide, more than the threshold of 3.
    const cells = byDirectorate(
      [9, 8, 1],
      [
        [5, 1, 6],
        [3, 0, 3],
      ],
      1,
      2,
    );
    const hidden = protectAroundFixed(cells, 3)!;
    expect(hidden).toEqual([false, true, true, true, true, false, false, false, false]);
    expect(rangesOf(cells, hidden)[1]).toBe("3..9");
  });

  it("does not let the breakdown narrow it below the threshold", () => {
    // 50 staff: white 20 and unknown 1 hidden (0..21 each, from the headline alone), bme 29 shown. Under white,
    // three directorates; with their white cells visible the headline's white would be 7 + 11 + 2 exactly.
    const cells = byDirectorate(
      [50, 20, 29, 1],
      [
        [7, 5, 1, 13],
        [11, 17, 0, 28],
        [2, 7, 0, 9],
      ],
      1,
      3,
    );
    const hidden = protectAroundFixed(cells, 5)!;
    const ranges = rangesOf(cells, hidden);
    expect([ranges[1], ranges[3]]).toEqual(["0..21", "0..21"]);
    expect(narrow(cells, hidden, 5)).toEqual([]);
    // Every white cell of the breakdown is hidden, and B's unknown (0) and total stay visible.
    expect([4, 8, 12].map((i) => hidden[i])).toEqual([true, true, true]);
    expect([hidden[10], hidden[11]]).toEqual([false, false]);
  });

  it("accepts a hidden cell exactly the threshold wide, and hides no more", () => {
    // 17 staff: white 8 and unknown 1 hidden. A's bme of 4 is pinned to 1..5 by the cells hidden with it: five
    // values, the threshold, and enough.
    const cells = byDirectorate(
      [17, 8, 8, 1],
      [
        [5, 4, 1, 10],
        [3, 4, 0, 7],
      ],
      1,
      3,
    );
    const hidden = protectAroundFixed(cells, 5)!;
    expect(hidden.map(Number).join("")).toBe("010101101100");
    expect(rangesOf(cells, hidden)[5]).toBe("1..5");
  });

  it("audits its first choice, and hides no whole table where one more cell will do", () => {
    // bme 1 and unknown 11 hidden at the headline; directorate B's bme of 0 stays visible.
    const cells = byDirectorate(
      [31, 19, 1, 11],
      [
        [2, 1, 1, 4],
        [17, 0, 10, 27],
      ],
      2,
      3,
    );
    const hidden = protectAroundFixed(cells, 10)!;
    expect(hidden.map(Number).join("")).toBe("001111111011");
    expect(narrow(cells, hidden, 10)).toEqual([]);
  });

  it("is left as narrow as the first stage left it where no breakdown touches it", () => {
    // bme 20 and unknown 10 hidden at the headline: 0..30 each, narrower than the threshold of 40 already. The
    // breakdown is of white staff only (60 and 10 by directorate): it narrows neither, so it may be published.
    const cells: LinkedCells = {
      values: [100, 70, 20, 10, 60, 10],
      constraints: [
        { total: 0, parts: [1, 2, 3] },
        { total: 1, parts: [4, 5] },
      ],
      fixed: [true, true, true, true, false, false],
      preset: [false, false, true, true, false, false],
      table: [null, null, null, null, "directorate", "directorate"],
    };
    const hidden = protectAroundFixed(cells, 40)!;
    expect(hidden).toEqual([false, false, true, true, true, true]);
    expect(rangesOf(cells, hidden)).toEqual({ 2: "0..30", 3: "0..30", 4: "0..70", 5: "0..70" });
  });
});

describe("protectAroundFixed: where hiding the cheapest cells leaves a hidden cell pinned", () => {
  // Directorate B's total (0) must be hidden (a remainder hidden with the headline, say), but its row is two
  // visible zeros that pin it to 0. Only cells above zero are hidden to widen a cell, and B's sums have none:
  // the escalation hides B's table whole. The white cells, all 0 under a headline white of 0, are shown again
  // (the figures give them); the bme cells and the totals stay hidden, each 0..6.
  const directorates = [
    [0, 2, 2],
    [0, 0, 0],
    [0, 4, 4],
  ];
  const escalated = [false, false, false, false, true, true, false, true, true, false, true, true];
  const withBTotalHidden = (cells: LinkedCells) => hiding(cells, 8);

  // A second breakdown of the same staff, by band, with nothing small in it.
  const bands = [
    [0, 3, 3],
    [0, 3, 3],
  ];
  const bandsEscalated = [false, true, true, false, true, true];

  it("hides the whole table in the pinned cell's sums, and leaves the other tables as they were", () => {
    const cells = withBTotalHidden(
      linked(
        [6, 0, 6],
        [
          { name: "directorate", rows: directorates },
          { name: "band", rows: bands },
        ],
      ),
    );
    const hidden = protectAroundFixed(cells, 3)!;
    expect(hidden).toEqual([...escalated, ...bands.flat().map(() => false)]);
    expect(narrow(cells, hidden, 3)).toEqual([]);
  });

  it("shows again a cell of that table the published figures pin, when it is not small (the threshold itself is not)", () => {
    // The directorate table also holds "everyone but White" (12): the headline's 6 - 0, pinned whatever is hidden.
    // Hidden with its table, it is shown again; so are the white zeros, as above.
    const cells = withBTotalHidden(linked([6, 0, 6], [{ name: "directorate", rows: directorates }]));
    const withOther: LinkedCells = {
      values: [...cells.values, 6],
      constraints: [...cells.constraints, { total: 0, parts: [1, 12] }],
      fixed: [...cells.fixed, false],
      preset: [...cells.preset, false],
      table: [...cells.table, "directorate"],
    };
    expect(protectAroundFixed(withOther, 6)).toEqual([...escalated, false]);
  });

  it("hides every breakdown cell when the pinned cell's sums hold no cell of a table", () => {
    const cells = withBTotalHidden(
      linked(
        [6, 0, 6],
        [
          { name: null, rows: directorates },
          { name: "band", rows: bands },
        ],
      ),
    );
    expect(protectAroundFixed(cells, 3)).toEqual([...escalated, ...bandsEscalated]);
  });
});

describe("protectAroundFixed on any breakdown", () => {
  // A headline protected on its own first (as the first stage does), then one or two breakdown tables of 1 to 3
  // rows under it, some with bme categories, and a few breakdown cells hidden beforehand.
  const system = fc
    .record({
      threshold: fc.constantFrom(3, 5, 10, 20),
      // white, bme and (in half the headlines) unknown
      groups: fc.oneof(
        fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 25 })),
        fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 12 })),
      ),
      // each table's rows, as weights by which each group is shared out
      tables: fc.array(fc.array(fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 3 }), {
        minLength: 1,
        maxLength: 2,
      }),
      categories: fc.array(fc.nat(), { maxLength: 3 }),
      presetSeed: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    })
    .map(({ threshold, groups, tables, categories, presetSeed }) => {
      const share = (n: number, weights: number[]) => {
        const total = weights.reduce((a, b) => a + b, 0) || 1;
        const parts = weights.map((w) => Math.floor((n * w) / total));
        parts[0]! += n - parts.reduce((a, b) => a + b, 0);
        return parts;
      };
      const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
      const cells = linked(
        [sum(groups), ...groups],
        tables.map((rows, k) => {
          const shared = groups.map((n, g) =>
            share(
              n,
              rows.map((w) => w[g]!),
            ),
          );
          const row = (r: number) => shared.map((column) => column[r]!);
          return { name: `table ${k}`, rows: rows.map((_, r) => [...row(r), sum(row(r))]) };
        }),
      );
      const values = [...cells.values];
      const table = [...cells.table];
      const constraints = [...cells.constraints];
      if (categories.length > 0) {
        const parts = share(groups[1], categories).map(
          (v) => (values.push(v), table.push("category"), values.length - 1),
        );
        constraints.push({ total: 2, parts });
      }
      // The headline protected on its own first, as the first stage does.
      const fixed = values.map((_, i) => i <= groups.length);
      const headline = protectCells(values.slice(0, groups.length + 1), constraints.slice(0, 1), threshold);
      const preset = values.map((_, i) => (fixed[i] ? headline[i]! : presetSeed[i % 40]! && presetSeed[(i * 7) % 40]!));
      return { threshold, cells: { values, constraints, fixed, preset, table } };
    });

  // What the headline's own sum leaves of each hidden headline figure.
  const headlineRanges = (cells: LinkedCells) =>
    hiddenRanges(
      cells.values,
      cells.constraints.slice(0, 1),
      cells.preset.map((p, i) => p && cells.fixed[i]!),
    )!;

  // Breakdown cells that are a headline figure again (a table of one row, a single category): published as it is.
  const repeats = (cells: LinkedCells) =>
    new Set(cells.constraints.filter((c) => c.parts.length === 1).map((c) => c.parts[0]));

  it("changes no headline figure, keeps every cell hidden beforehand, and leaves no hidden cell narrower than it may be", () => {
    fc.assert(
      fc.property(system, ({ threshold, cells }) => {
        const hidden = protectAroundFixed(cells, threshold);
        if (hidden === null) return;
        cells.fixed.forEach((f, i) => f && expect(hidden[i], `headline ${i}`).toBe(cells.preset[i]));
        const again = repeats(cells);
        cells.preset.forEach((p, i) => p && !again.has(i) && expect(hidden[i], `cell ${i}`).toBe(true));
        // Each hidden headline figure stays as wide as its own sum left it, up to the threshold; each breakdown
        // cell at least the threshold wide.
        const headline = headlineRanges(cells);
        for (const [i, r] of hiddenRanges(cells.values, cells.constraints, hidden)!) {
          const before = headline.get(i);
          const need = before ? Math.min(threshold, before.max - before.min + 1) : threshold;
          expect(r.max - r.min + 1, `cell ${i} of ${JSON.stringify(cells.values)}`).toBeGreaterThanOrEqual(need);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("shows no small breakdown count that is not a headline figure again, and hides none that the figures give", () => {
    fc.assert(
      fc.property(system, ({ threshold, cells }) => {
        const hidden = protectAroundFixed(cells, threshold);
        if (hidden === null) return;
        const again = repeats(cells);
        const ranges = hiddenRanges(cells.values, cells.constraints, hidden)!;
        cells.values.forEach((v, i) => {
          if (cells.fixed[i] || again.has(i)) return;
          if (v > 0 && v < threshold) expect(hidden[i], `small cell ${i}`).toBe(true);
          const r = ranges.get(i);
          if (r && !cells.preset[i] && !(v > 0 && v < threshold))
            expect(r.max - r.min, `pinned cell ${i}`).toBeGreaterThan(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("leaves the breakdowns out only when hiding every one of their cells would not protect the figures either", () => {
    fc.assert(
      fc.property(system, ({ threshold, cells }) => {
        if (protectAroundFixed(cells, threshold) !== null) return;
        // Every breakdown cell hidden, but those the figures pin (shown, as they tell nothing), and the small ones.
        const all = cells.values.map((_, i) => (cells.fixed[i] ? cells.preset[i]! : true));
        const ranges = hiddenRanges(cells.values, cells.constraints, all);
        if (ranges === null) return;
        for (const [i, r] of ranges) {
          const small = cells.values[i]! > 0 && cells.values[i]! < threshold;
          if (!cells.fixed[i] && r.min === r.max && !cells.preset[i] && !small) all[i] = false;
        }
        const headline = headlineRanges(cells);
        const widths = [...hiddenRanges(cells.values, cells.constraints, all)!].map(([i, r]) => {
          const before = headline.get(i);
          return r.max - r.min + 1 - (before ? Math.min(threshold, before.max - before.min + 1) : threshold);
        });
        expect(Math.min(...widths), JSON.stringify(cells)).toBeLessThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
