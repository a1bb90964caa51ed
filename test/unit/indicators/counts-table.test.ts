// CountsTable (src/indicators/counts-table.ts): counts of several objects linked by their sums, protected
// together, and the marks and percentages a hidden count takes with it. Small tables whose answers can be
// checked by hand; every table is built inside its test.
import { describe, expect, it } from "vitest";
import { CountsTable, HIDDEN, hide, isHidden, type CountsRecord } from "../../../src/indicators/counts-table";

const FIELDS = ["total", "white", "bme", "unknown"];
const pctOf = (f: string) => (f === "total" ? null : `${f}Pct`);

/** A row of counts with its percentages of the total. */
function counts(white: number, bme: number, unknown: number): CountsRecord {
  const total = white + bme + unknown;
  const pct = (n: number) => (total > 0 ? (n / total) * 100 : null);
  return { total, white, bme, unknown, whitePct: pct(white), bmePct: pct(bme), unknownPct: pct(unknown) };
}

describe("isHidden and hide", () => {
  it("hide nulls the figure and marks it hidden, keeping the marks it had", () => {
    const row = counts(40, 3, 20);
    hide(row, "bme");
    hide(row, "bmePct");
    expect(row).toMatchObject({ bme: null, bmePct: null, white: 40 });
    expect(row.suppressed).toEqual({ bme: HIDDEN, bmePct: HIDDEN });
    expect(HIDDEN).toBe("hidden");
    expect(isHidden(row, "bme")).toBe(true);
    expect(isHidden(row, "white")).toBe(false);
    expect(isHidden(null, "bme")).toBe(false);
    expect(isHidden(undefined, "bme")).toBe(false);
    expect(isHidden({}, "bme")).toBe(false);
  });
});

describe("CountsTable.apply", () => {
  it("hides a small count, the cheapest complement in its row, and the percentages of both; counts what it hid", () => {
    const row = counts(40, 3, 20);
    const table = new CountsTable(FIELDS);
    table.row(row);
    expect(table.apply(10, pctOf)).toBe(2);
    // 63 = 40 + 3 + 20: the 3 alone would come back; unknown (20) is the cheapest part big enough.
    expect(row).toMatchObject({ total: 63, white: 40, bme: null, unknown: null, bmePct: null, unknownPct: null });
    expect(row.whitePct).toBeCloseTo((40 / 63) * 100, 10);
    expect(row.suppressed).toEqual({ bme: "hidden", bmePct: "hidden", unknown: "hidden", unknownPct: "hidden" });
  });

  it("a field's weight keeps it visible where a cheaper complement will do", () => {
    // Without weights the white 12 (smallest big enough) would go with the 3; with white four times dearer, unknown 20.
    const plain = counts(12, 3, 20);
    const t1 = new CountsTable(FIELDS);
    t1.row(plain);
    t1.apply(10, pctOf);
    expect(plain).toMatchObject({ white: null, bme: null, unknown: 20 });
    const weighted = counts(12, 3, 20);
    const t2 = new CountsTable(FIELDS, { white: 4 });
    t2.row(weighted);
    t2.apply(10, pctOf);
    expect(weighted).toMatchObject({ white: 12, bme: null, unknown: null });
  });

  it("a cell's own weight (cellWeight) comes before its field's", () => {
    const row = counts(12, 3, 20);
    const table = new CountsTable(FIELDS, { unknown: 4 });
    table.row(row);
    // The field weight would keep unknown; the cell weight says white is dearer still.
    table.apply(10, pctOf, (obj, field) => (obj === row && field === "white" ? 10 : undefined));
    expect(row).toMatchObject({ white: 12, bme: null, unknown: null });
  });

  it("with a row's total hidden, hides every percentage of that row (a count over its % gives the total)", () => {
    // 2 + 3 + 1 = 6: everything is small, the total too.
    const row = counts(2, 3, 1);
    const table = new CountsTable(FIELDS);
    table.row(row);
    expect(table.apply(10, pctOf)).toBe(4);
    expect(row).toMatchObject({ total: null, white: null, bme: null, unknown: null });
    expect(row).toMatchObject({ whitePct: null, bmePct: null, unknownPct: null });
  });

  it("with a row's total hidden, hides even the percentages of its zero counts (0% of a hidden total)", () => {
    // Two small bands (9 and 6 White, no one else) under a visible 15.
    const row: CountsRecord = { total: 15, white: 15, bme: 0, unknown: 0, whitePct: 100, bmePct: 0, unknownPct: 0 };
    const parts = [counts(9, 0, 0), counts(6, 0, 0)];
    const table = new CountsTable(FIELDS);
    for (const p of parts) table.row(p);
    table.row(row);
    table.sum(row, parts);
    table.apply(10, pctOf);
    // Both bands are small (9 and 6): their totals and white counts go, and every percentage of those rows, the
    // zeros' too (bme and unknown stay 0).
    for (const p of parts)
      expect(p).toMatchObject({ total: null, white: null, bme: 0, whitePct: null, bmePct: null, unknownPct: null });
    // The overall row's zeros stay; it is 15 visible = 9 + 6 hidden, a range of 0..15 each.
    expect(row).toMatchObject({ total: 15, white: 15, bme: 0, unknown: 0, bmePct: 0 });
  });

  it("sums link objects field by field: a column total and its parts", () => {
    const a = counts(50, 4, 20);
    const b = counts(60, 30, 25);
    const all = counts(110, 34, 45);
    const table = new CountsTable(FIELDS);
    for (const r of [a, b, all]) table.row(r);
    table.sum(all, [a, b]);
    table.apply(10, pctOf);
    // a's bme (4) is small; its column (34 = 4 + 30) gives it back unless b's bme or the total goes.
    expect(a.bme).toBeNull();
    expect([b.bme, all.bme].filter((x) => x === null).length).toBeGreaterThan(0);
    // Without the sum, only a's row would be touched.
    const a2 = counts(50, 4, 20);
    const b2 = counts(60, 30, 25);
    const t2 = new CountsTable(FIELDS);
    for (const r of [a2, b2]) t2.row(r);
    t2.apply(10, pctOf);
    expect(b2).toMatchObject({ bme: 30, white: 60, unknown: 25 });
  });

  it("a sum with no total, or with no parts present, adds nothing", () => {
    const a = counts(50, 4, 20);
    const b = counts(60, 30, 25);
    const table = new CountsTable(FIELDS);
    table.row(a);
    table.row(b);
    table.sum(undefined, [a, b]);
    table.sum(b, [undefined, undefined]);
    table.sum(b, []);
    table.relation([b, "bme"], []);
    expect(table.apply(10, pctOf)).toBe(2);
    expect(b).toMatchObject({ total: 115, white: 60, bme: 30, unknown: 25 });
  });

  it("a sum with no parts present says nothing (not that its total is 0), so the audit still solves the others", () => {
    // Two rows of a, b, c with their totals, and the column totals: 11 = 4 + 2 + 5, 18 = 9 + 3 + 6, 29 = 13 + 5 + 11.
    // Every sum is safe on its own with the small cells and one more hidden, but together they pin b's column: only
    // the audit, solving every sum at once, hides the row totals for it.
    const protect = (withEmptySums: boolean) => {
      const fields = ["total", "a", "b", "c"];
      const rows = [
        { total: 11, a: 4, b: 2, c: 5 },
        { total: 18, a: 9, b: 3, c: 6 },
      ];
      const all = { total: 29, a: 13, b: 5, c: 11 };
      const table = new CountsTable(fields);
      // The cells in this order (the inner ones, the row totals, the column totals, the total), as the hand-checked
      // table of protect.test.ts has them: the order decides between complements of the same cost.
      for (const r of rows) for (const f of ["a", "b", "c"]) table.cell(r, f);
      for (const r of rows) table.cell(r, "total");
      for (const f of fields.slice(1)) table.cell(all, f);
      for (const r of rows) table.row(r);
      table.sum(all, rows);
      if (withEmptySums) {
        table.sum(rows[0], [undefined]);
        table.relation([rows[1]!, "b"], []);
      }
      table.apply(10, () => null);
      return [...rows, all].map((r) => fields.map((f) => r[f as keyof typeof r] === null));
    };
    const hidden = protect(false);
    expect(hidden.map((r) => r[0])).toEqual([true, true, false]);
    expect(protect(true)).toEqual(hidden);
  });

  it("a relation between single cells links them like a sum; undefined parts of a sum are skipped", () => {
    const q: CountsRecord = { records: 43, unknown: 0 };
    const w: CountsRecord = { count: 40 };
    const m: CountsRecord = { count: 3 };
    const table = new CountsTable([]);
    table.relation(
      [q, "records"],
      [
        [q, "unknown"],
        [w, "count"],
        [m, "count"],
      ],
    );
    // The same cell named twice is one cell: 43 = 0 + 40 + 3 once, not a new unknown.
    table.relation(
      [q, "records"],
      [
        [q, "unknown"],
        [w, "count"],
        [m, "count"],
      ],
    );
    expect(table.apply(10, () => null)).toBe(2);
    expect(m).toMatchObject({ count: null, suppressed: { count: "hidden" } });
    // Hiding the 0 would leave "m + unknown = 3": the 40 goes instead.
    expect(w).toMatchObject({ count: null });
    expect(q).toMatchObject({ records: 43, unknown: 0 });
  });

  it("counts only the cells it hid itself, not those hidden already", () => {
    const row = counts(40, 3, 20);
    hide(row, "bme");
    hide(row, "bmePct");
    const table = new CountsTable(FIELDS);
    table.row(row);
    // Hidden before (a copy protected already): taken as worth the threshold, so the row needs one more part.
    expect(table.apply(10, pctOf)).toBe(1);
    expect(row).toMatchObject({ white: 40, unknown: null, unknownPct: null });
  });

  it("judges parts hidden earlier in the same copy by their known exact values, not as worth the threshold", () => {
    // 43 records = 0 unknown + 40 + 3, the 3 and the 0 hidden already, the 40 shown: the pair would add up to 3.
    const make = () => {
      const q: CountsRecord = { records: 43, unknown: 0 };
      const w: CountsRecord = { count: 40 };
      const m: CountsRecord = { count: 3 };
      hide(q, "unknown");
      hide(m, "count");
      const table = new CountsTable([]);
      table.relation(
        [q, "records"],
        [
          [q, "unknown"],
          [w, "count"],
          [m, "count"],
        ],
      );
      return { q, w, m, table };
    };
    const judged = make();
    const known = new Map<CountsRecord, Record<string, number>>([
      [judged.q, { unknown: 0 }],
      [judged.m, { count: 3 }],
    ]);
    expect(judged.table.apply(10, () => null, undefined, known)).toBe(1);
    expect(judged.w.count).toBeNull();
    // Without the known values, the two hidden parts count as the threshold each: the sum looks safe.
    const unjudged = make();
    expect(unjudged.table.apply(10, () => null)).toBe(0);
    expect(unjudged.w.count).toBe(40);
  });
});

describe("CountsTable.applyAroundFixed", () => {
  it("hides breakdown cells only, never a fixed (headline) one, and counts them", () => {
    // Headline: 100 = 70 White + 30 BME, visible. A breakdown by two directorates, each column adding up to it.
    const headline: CountsRecord = { total: 100, white: 70, bme: 30 };
    const a: CountsRecord = { total: 69, white: 66, bme: 3 };
    const b: CountsRecord = { total: 31, white: 4, bme: 27 };
    const table = new CountsTable(["total", "white", "bme"]);
    for (const r of [headline, a, b]) table.row(r);
    table.sum(headline, [a, b]);
    const n = table.applyAroundFixed(
      10,
      () => null,
      (obj) => (obj === headline ? null : "directorate"),
    );
    expect(n).toBe(4);
    expect(headline).toEqual({ total: 100, white: 70, bme: 30 });
    expect(a).toMatchObject({ total: 69, white: null, bme: null });
    expect(b).toMatchObject({ total: 31, white: null, bme: null });
  });

  it("takes a fixed cell hidden before as the value it had when it joined the table, and returns null when no choice is safe", () => {
    // Directorate B holds all 4 BME staff, A none; the headline's 4 visible on purpose: B's 4 is pinned whatever is hidden.
    const headline: CountsRecord = { total: 74, white: 70, bme: 4 };
    const a: CountsRecord = { total: 40, white: 40, bme: 0 };
    const b: CountsRecord = { total: 34, white: 30, bme: 4 };
    const table = new CountsTable(["total", "white", "bme"]);
    for (const r of [headline, a, b]) table.row(r);
    table.sum(headline, [a, b]);
    expect(
      table.applyAroundFixed(
        10,
        () => null,
        (obj) => (obj === headline ? null : "directorate"),
      ),
    ).toBeNull();
    // Nothing was marked: the caller leaves the breakdowns out.
    expect(b).toEqual({ total: 34, white: 30, bme: 4 });
  });

  it("hides the percentages of the breakdown cells it hides", () => {
    const headline: CountsRecord = { total: 100, white: 70, bme: 30 };
    const a: CountsRecord = { total: 69, white: 66, bme: 3, bmePct: 4.3, whitePct: 95.7 };
    const b: CountsRecord = { total: 31, white: 4, bme: 27, bmePct: 87.1, whitePct: 12.9 };
    const table = new CountsTable(["total", "white", "bme"]);
    for (const r of [headline, a, b]) table.row(r);
    table.sum(headline, [a, b]);
    table.applyAroundFixed(
      10,
      (f) => (f === "total" ? null : `${f}Pct`),
      (obj) => (obj === headline ? null : "d"),
    );
    expect(a).toMatchObject({ bmePct: null, whitePct: null });
    expect(b.suppressed).toMatchObject({ bmePct: "hidden", whitePct: "hidden" });
  });
});
