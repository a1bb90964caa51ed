import { beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  computeResults,
  suppressResults,
  type BoardResult,
  type Counts,
  type RelativeLikelihoodResult,
  type RepresentationResult,
  type ResultsDocument,
} from "../../../src/indicators";
import { narrowCells, protectCells, type SumConstraint } from "../../../src/indicators/protect";
import { AFC_BANDS, type AfcBand } from "../../../src/indicators";
import {
  applications,
  boardMember,
  cases,
  dataset,
  ethnicity,
  staffMany,
  survey,
  training,
  trainingMany,
} from "./fixtures";

const rep = (doc: ResultsDocument) => doc.indicators["1"] as RepresentationResult;

/** A data-quality summary of one sheet, as the workbook reader gives it. */
const sheet = (
  kind: "staff" | "cases" | "recruitment" | "training" | "board" | null,
  rowsUsed: number,
  unknownPct: number | null,
) => ({
  file: "hr.xlsx",
  sheet: kind,
  kind,
  headerRow: 1,
  columns: {},
  rowsRead: rowsUsed + 2,
  rowsUsed,
  rowsExcluded: 2,
  exclusions: { "no-ethnicity": 2 },
  unknownEthnicityPct: unknownPct,
  signature: "x",
});

describe("suppressResults", () => {
  const staff = [
    ...staffMany(40, "white", { band: "3" }),
    ...staffMany(4, "bme", { band: "3" }),
    ...staffMany(30, "unknown", { band: "3" }),
    ...staffMany(50, "white", { band: "5" }),
    ...staffMany(60, "bme", { band: "5" }),
    ...staffMany(15, "unknown", { band: "5" }),
  ];
  let doc: ResultsDocument;
  beforeEach(() => {
    doc = computeResults(dataset({ staff, cases: [...cases(3, "bme"), ...cases(12, "white")] }));
  });

  it("hides counts below the threshold and their percentages, with the one mark that never says why", () => {
    const s = suppressResults(doc);
    const band3 = rep(s).cohorts["non-clinical"]["3"]!;
    expect(band3.bme).toBeNull();
    expect(band3.bmePct).toBeNull();
    expect(band3.suppressed?.bme).toBe("hidden");
    expect(s.suppression).toMatchObject({ threshold: 10, publishBoardComposition: true });
    expect(s.suppression!.hidden).toBeGreaterThan(0);
    expect(JSON.stringify(s)).not.toMatch(/primary|secondary/);
    expect(s).toMatchObject({ schemaVersion: 3, audience: "protected" });
    expect(doc).toMatchObject({ schemaVersion: 3, audience: "exact" });
    expect(doc.notice).toMatch(/not for publication/i);
  });

  it("hides a complementary cell so the total minus visible cells does not reveal it", () => {
    const s = suppressResults(doc);
    const band3 = rep(s).cohorts["non-clinical"]["3"]!;
    // Row: total 74 = white 40 + bme 4 + unknown 30; one more of the row must go (the smallest: unknown 30).
    expect(band3.unknown).toBeNull();
    expect(band3.suppressed?.unknown).toBe("hidden");
    expect(band3.white).toBe(40);
    // Column: the bme column of the band table would reveal band 3's bme from the overall; another band's goes too.
    const band5 = rep(s).cohorts["non-clinical"]["5"]!;
    expect(band5.bme === null || rep(s).overall.bme === null).toBe(true);
  });

  it("prefers hiding a White or unknown cell to a BME count as the complement", () => {
    const d = computeResults(
      dataset({
        staff: [
          ...staffMany(84, "white", { band: "8a" }),
          ...staffMany(25, "bme", { band: "8a" }),
          ...staffMany(5, "unknown", { band: "8a" }),
          ...staffMany(200, "white", { band: "4" }),
          ...staffMany(60, "bme", { band: "4" }),
          ...staffMany(30, "unknown", { band: "4" }),
        ],
      }),
    );
    const band8a = rep(suppressResults(d)).cohorts["non-clinical"]["8a"]!;
    expect(band8a).toMatchObject({ bme: 25, unknown: null, white: null, total: 114 });
    expect(band8a.suppressed).toMatchObject({ unknown: "hidden", white: "hidden" });
  });

  it("never changes the input", () => {
    const before = JSON.stringify(doc);
    suppressResults(doc, 20, { publishBoardComposition: false });
    expect(JSON.stringify(doc)).toBe(before);
    expect(doc.suppression).toBeNull();
  });

  it("does not publish a relative likelihood or interval computed from a hidden count, and says why", () => {
    const s = suppressResults(doc);
    const r = s.indicators["3"] as RelativeLikelihoodResult;
    expect((doc.indicators["3"] as RelativeLikelihoodResult).value).not.toBeNull();
    expect(r.bme.count).toBeNull();
    expect(r.bme.suppressed?.count).toBe("hidden");
    // 15 case records = 12 White + 3 BME: the White count goes too, or records would narrow the BME count to 0-3.
    expect(r.white.count).toBeNull();
    expect(r).toMatchObject({ value: null, ci95: null, significant: null, adverse: null, reason: "below-threshold" });
    expect(r.bme.rate).toBeNull();
    expect(r.cautions).toContain("small-numbers");
  });

  it("rounds what it publishes: ratios and intervals to 2 decimal places, percentages to 1", () => {
    const d = computeResults(
      dataset({
        staff: [...staffMany(300, "white", { band: "5" }), ...staffMany(107, "bme", { band: "5" })],
        cases: [...cases(17, "bme"), ...cases(23, "white")],
      }),
    );
    const exact = d.indicators["3"] as RelativeLikelihoodResult;
    const r = suppressResults(d).indicators["3"] as RelativeLikelihoodResult;
    expect(r.value).toBe(Math.round(exact.value! * 100) / 100);
    expect(r.ci95).toEqual(exact.ci95!.map((x) => Math.round(x * 100) / 100));
    const overall = rep(suppressResults(d)).overall;
    expect(overall.bmePct).toBe(26.3);
  });

  it("shows zero as zero and a threshold of 1 hides nothing", () => {
    const s = suppressResults(doc, 1);
    expect(s.suppression).toMatchObject({ hidden: 0 });
    expect(rep(s).cohorts["non-clinical"]["1"]!.total).toBe(0);
  });

  it("hides application counts below the threshold", () => {
    const d = computeResults(
      dataset({ applications: [...applications("white", 100, 30), ...applications("bme", 20, 3)] }),
    );
    const r = suppressResults(d).indicators["2"] as RelativeLikelihoodResult;
    expect(r.bme).toMatchObject({ count: null, of: 20 });
  });

  it("suppressing a publishable copy again keeps what it hid", () => {
    const once = suppressResults(doc);
    const twice = suppressResults(once);
    expect(twice).toEqual(once);
    const stricter = suppressResults(once, 50);
    expect(stricter.suppression!.threshold).toBe(50);
    expect(rep(stricter).cohorts["non-clinical"]["3"]!.white).toBeNull();
    expect(rep(stricter).cohorts["non-clinical"]["3"]!.suppressed?.bme).toBe("hidden");
    assertNothingRecoverable(rep(stricter));
  });

  it("rejects a threshold below 1", () => {
    expect(() => suppressResults(doc, 0)).toThrow(RangeError);
  });
});

describe("suppressResults: no hidden count from a percentage or rate times a visible figure", () => {
  const workforce = [...staffMany(300, "white", { band: "5" }), ...staffMany(100, "bme", { band: "5" })];
  // 12 voting members of whom 2 are BME; 5 executive members of whom 1 is BME.
  const board = [
    ...Array.from({ length: 8 }, () => boardMember("white", true, false)),
    boardMember("white", true, true),
    boardMember("white", true, true),
    boardMember("bme", true, true),
    boardMember("bme", true, false),
    boardMember("white", false, true),
    boardMember("white", false, true),
  ];
  let doc: ResultsDocument;
  beforeEach(() => {
    doc = computeResults(dataset({ staff: workforce, board }));
  });

  it("publishes board composition in full by default, as WRES reports do (indicator 9 is never n/a for a real board)", () => {
    const published = suppressResults(doc);
    const s = published.indicators["9"] as BoardResult;
    expect(published.suppression?.publishBoardComposition).toBe(true);
    expect(s.voting.members).toMatchObject({ white: 10, bme: 2, unknown: 0, total: 12 });
    expect(s.voting.boardBmePct).toBe(16.7);
    expect(s.voting.difference).toBe(-8.3);
    expect(s.executive.members).toMatchObject({ white: 4, bme: 1, total: 5 });
  });

  it("with board composition protected: hides the board % (and the difference) when the board's BME count is hidden: 16.67% of 12 would give 2", () => {
    const exact = doc.indicators["9"] as BoardResult;
    expect(exact.voting.boardBmePct).toBeCloseTo((2 / 12) * 100, 10);
    const protectedCopy = suppressResults(doc, 10, { publishBoardComposition: false });
    expect(protectedCopy.suppression?.publishBoardComposition).toBe(false);
    const s = protectedCopy.indicators["9"] as BoardResult;
    const voting = s.voting;
    expect(voting.members).toMatchObject({ bme: null, total: 12, bmePct: null });
    expect(voting.members.suppressed?.bme).toBe("hidden");
    expect(voting.boardBmePct).toBeNull();
    expect(voting.suppressed?.boardBmePct).toBe("hidden");
    expect(voting.difference).toBeNull();
    expect(voting.reason).toBe("below-threshold");
    // The workforce figure is not about the board and stays.
    expect(voting.workforceBmePct).toBeCloseTo(25, 10);
    for (const d of [s.voting, s.executive]) expectNoProductReveals(d);
    // Executive: 5 members is itself below the threshold, so every percentage of them goes.
    expect(s.executive.members).toMatchObject({ total: null, whitePct: null, bmePct: null, unknownPct: null });
    expect(s.executive.boardBmePct).toBeNull();
  });

  it("keeps the board % when its counts are all shown", () => {
    const big = computeResults(
      dataset({
        staff: workforce,
        board: [
          ...Array.from({ length: 30 }, () => boardMember("white", true, true)),
          ...Array.from({ length: 12 }, () => boardMember("bme", true, true)),
        ],
      }),
    );
    const s = suppressResults(big).indicators["9"] as BoardResult;
    expect(s.voting.boardBmePct).toBe(28.6);
    expect(s.voting.difference).not.toBeNull();
    expect(s.voting.cautions ?? []).toEqual([]);
  });

  it("hides last year's board % in the comparison when last year's BME members were few", () => {
    const bigBoard = [
      ...Array.from({ length: 30 }, () => boardMember("white", true, true)),
      ...Array.from({ length: 12 }, () => boardMember("bme", true, true)),
    ];
    const current = computeResults(dataset({ staff: workforce, board: bigBoard }), { previous: doc });
    const item = (d: ResultsDocument, measure: string) =>
      d.comparison!.items.find((i) => i.indicator === "9" && i.measure === measure)!;
    expect(item(current, "voting.boardBmePct").previous).toBeCloseTo((2 / 12) * 100, 10);
    const s = suppressResults(current, 10, { publishBoardComposition: false, previous: doc });
    for (const measure of ["voting.boardBmePct", "voting.difference", "executive.difference"]) {
      expect(item(s, measure), measure).toMatchObject({ previous: null, change: null, trend: "not-comparable" });
      expect(item(s, measure).current, measure).not.toBeNull();
    }
    // Published in full (the default), last year's board % is last year's published figure, and the change follows.
    const full = suppressResults(current, 10, { previous: doc });
    expect(item(full, "voting.boardBmePct")).toMatchObject({
      previous: 16.7,
      current: 28.6,
      change: 11.9,
      trend: "improved",
    });
    // Without last year's document, last year's figures are not repeated.
    expect(item(suppressResults(current), "voting.boardBmePct")).toMatchObject({ previous: null, change: null });
  });

  it("hides the rate of a relative likelihood whose count is hidden: rate x of would give it back", () => {
    // 15 cases of unknown ethnicity: the case records are not just the two groups' (42 = 24 + 3 + 15).
    const d = computeResults(
      dataset({ staff: workforce, cases: [...cases(3, "bme"), ...cases(24, "white"), ...cases(15, "unknown")] }),
    );
    const r = suppressResults(d).indicators["3"] as RelativeLikelihoodResult;
    expect(r.bme).toMatchObject({ count: null, of: 100, rate: null, suppressed: { count: "hidden", rate: "hidden" } });
    expect(r.white).toMatchObject({ count: 24, of: 300, rate: 0.08 });
    // The RL and its interval with three of the four counts would narrow the fourth to a few values: not published.
    expect(r).toMatchObject({ value: null, ci95: null, reason: "below-threshold" });
    expect(r.cautions).toContain("small-numbers");
  });

  it("hides an appointed count whose complement (shortlisted but not appointed) is small", () => {
    // 15 BME shortlisted, 12 appointed: 15 - 12 = 3 people not appointed, one subtraction away.
    const d = computeResults(
      dataset({ applications: [...applications("white", 100, 40), ...applications("bme", 15, 12)] }),
    );
    const r = suppressResults(d).indicators["2"] as RelativeLikelihoodResult;
    expect(r.bme).toMatchObject({ count: null, of: 15, rate: null, suppressed: { count: "hidden", rate: "hidden" } });
    expect(r.white).toMatchObject({ count: 40, of: 100 });
    expect(r.cautions).toContain("small-numbers");
  });
});

describe("suppressResults: data completeness does not give a hidden count back", () => {
  it("hides another count of the training input's records when records minus the visible counts would narrow the hidden BME count", () => {
    const staff = [...staffMany(200, "white"), ...staffMany(60, "bme"), ...staffMany(20, "unknown")];
    // 40 White and 3 BME staff trained, none of unknown ethnicity: 43 records - 40 - 0 = 3.
    const rows = [...staff.slice(0, 40), ...staff.slice(200, 203)].map((p) =>
      training("unknown", { personId: p.personId }),
    );
    const doc = computeResults(dataset({ staff, training: rows }));
    expect(doc.dataQuality.inputs.training).toMatchObject({ records: 43, unknown: 0 });
    const s = suppressResults(doc);
    const r4 = s.indicators["4"] as RelativeLikelihoodResult;
    expect(r4.bme.count).toBeNull();
    // Hiding the unknown count (0) would leave "BME + unknown = 3": a range of 4 values. The White count goes.
    expect(r4.white.count).toBeNull();
    expect(s.dataQuality.inputs.training).toMatchObject({ records: 43 });
  });

  it("leaves the other counts alone where the records are not just the measure's people (some trained twice)", () => {
    const staff = [...staffMany(200, "white"), ...staffMany(60, "bme"), ...staffMany(20, "unknown")];
    // 40 White and 3 BME people trained, 15 of the White twice: 58 records, not 40 + 3 + 0.
    const people = [...staff.slice(0, 40), ...staff.slice(200, 203), ...staff.slice(0, 15)];
    const doc = computeResults(
      dataset({ staff, training: people.map((p) => training("unknown", { personId: p.personId })) }),
    );
    expect(doc.dataQuality.inputs.training).toMatchObject({ records: 58, unknown: 0 });
    const s = suppressResults(doc);
    const r4 = s.indicators["4"] as RelativeLikelihoodResult;
    expect(r4.bme.count).toBeNull();
    // 58 - 40 - 0 says nothing of the 3: the White count stays, and so do the records and the unknowns.
    expect(r4.white).toEqual({ count: 40, of: 200, rate: 0.2 });
    expect(s.dataQuality.inputs.training).toEqual({ records: 58, unknown: 0, unknownPct: 0, level: "ok" });
  });

  it("hides a group figure when the input's small unknown count would come back from records", () => {
    // Every application shortlisted: 60 records = 30 White + 27 BME + 3 unknown.
    const doc = computeResults(
      dataset({
        applications: [
          ...applications("white", 30, 12),
          ...applications("bme", 27, 10),
          ...applications("unknown", 3, 1),
        ],
      }),
    );
    const s = suppressResults(doc);
    expect(s.dataQuality.inputs.applications).toMatchObject({
      records: 60,
      unknown: null,
      suppressed: { unknown: "hidden" },
    });
    const r2 = s.indicators["2"] as RelativeLikelihoodResult;
    // The smaller group's shortlisted count goes (and its rate), so 60 - 30 - ? leaves two unknowns.
    expect(r2.bme).toMatchObject({ of: null, rate: null, suppressed: { of: "hidden" } });
    expect(r2.white.of).toBe(30);
  });
});

/** No visible percentage of a board's members, times a visible count of them, gives a hidden count below the threshold. */
function expectNoProductReveals(d: BoardResult["voting"], threshold = 10) {
  const m = d.members as unknown as Record<string, number | null>;
  const pcts = [m.whitePct, m.bmePct, m.unknownPct, d.boardBmePct].filter((p): p is number => p !== null);
  const totals = [m.total].filter((t): t is number => t !== null);
  for (const p of pcts) {
    for (const t of totals) {
      const product = Math.round((p / 100) * t);
      expect(product === 0 || product >= threshold, `${p}% of ${t} = ${product}`).toBe(true);
    }
  }
}

/** Every sum relation in indicator 1's tables, as lists of counts objects. */
function relations(r: RepresentationResult): { total: Counts; parts: Counts[] }[] {
  const rows = [
    ...Object.values(r.cohorts["non-clinical"]),
    ...Object.values(r.cohorts.clinical),
    ...Object.values(r.cohorts.medical),
    ...Object.values(r.unbanded),
  ] as Counts[];
  const out = [{ total: r.overall, parts: rows }];
  out.push({
    total: r.overall,
    parts: [
      ...(Object.values(r.bands) as Counts[]),
      ...(Object.values(r.cohorts.medical) as Counts[]),
      ...(Object.values(r.unbanded) as Counts[]),
    ],
  });
  for (const b of AFC_BANDS) {
    const parts = [r.cohorts["non-clinical"][b], r.cohorts.clinical[b]].filter((x): x is Counts => x !== undefined);
    if (r.bands[b]) out.push({ total: r.bands[b], parts });
  }
  return out;
}

const FIELDS = ["white", "bme", "unknown"] as const;
const SENIOR: AfcBand[] = ["8a", "8b", "8c", "8d", "9", "VSM"];

/** No hidden count equals a visible total minus visible cells, in any row or column. */
function assertNothingRecoverable(r: RepresentationResult) {
  const bd = r.breakdown;
  if (bd) {
    const pairs: [Counts | undefined, Record<string, number | null> | undefined][] = [
      [r.overall, bd.overall],
      [r.senior["8a-VSM"], bd.senior],
      ...AFC_BANDS.map(
        (b) => [r.bands[b], bd.bands[b]] as [Counts | undefined, Record<string, number | null> | undefined],
      ),
    ];
    for (const [c, row] of pairs) {
      if (!c || !row) continue;
      for (const [side, field] of [
        ["reference", "white"],
        ["focus", "bme"],
        ["unknown", "unknown"],
      ] as const) {
        const keys = bd.categories.filter((k) => bd.sides[k] === side);
        const hidden = [c[field], ...keys.map((k) => row[k])].filter((v) => v === null).length;
        expect(hidden).not.toBe(1);
      }
      expect([c.total, ...bd.categories.map((k) => row[k])].filter((v) => v === null).length).not.toBe(1);
    }
    for (const k of bd.categories) {
      const hidden = [bd.senior[k], ...SENIOR.map((b) => bd.bands[b]?.[k])].filter((v) => v === null).length;
      expect(hidden).not.toBe(1);
    }
  }
  const all = [
    r.overall,
    ...Object.values(r.bands),
    ...Object.values(r.cohorts["non-clinical"]),
    ...Object.values(r.cohorts.clinical),
    ...Object.values(r.cohorts.medical),
    ...Object.values(r.unbanded),
    r.senior["8a-VSM"],
    r.senior["8c-VSM"],
  ] as Counts[];
  for (const c of all) {
    const hidden = [...FIELDS, "total" as const].filter((f) => c[f] === null);
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
  }
  for (const rel of relations(r)) {
    for (const f of [...FIELDS, "total" as const]) {
      const hidden = [rel.total, ...rel.parts].filter((c) => c[f] === null);
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    }
  }
}

// The property over random workforces and inputs (every table, chains of subtractions, percentages) is in
// suppression-recovery.test.ts.
describe("suppression properties", () => {
  it("protectCells: every row and column of a random table with margins has 0 or 2+ hidden cells, and every hidden cell a range of at least the threshold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((rows) =>
          fc.integer({ min: 1, max: 6 }).chain((cols) =>
            fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: cols, maxLength: cols }), {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        ),
        fc.integer({ min: 1, max: 20 }),
        (table, threshold) => {
          const rows = table.length;
          const cols = table[0]!.length;
          // Layout: inner cells, then row totals, then column totals, then the grand total.
          const values: number[] = table.flat();
          const rowTotal = (i: number) => rows * cols + i;
          const colTotal = (j: number) => rows * cols + rows + j;
          const grand = rows * cols + rows + cols;
          for (const row of table) values.push(row.reduce((a, b) => a + b, 0));
          for (let j = 0; j < cols; j++) values.push(table.reduce((a, row) => a + row[j]!, 0));
          values.push(values.slice(0, rows * cols).reduce((a, b) => a + b, 0));
          const constraints: SumConstraint[] = [];
          for (let i = 0; i < rows; i++)
            constraints.push({ total: rowTotal(i), parts: Array.from({ length: cols }, (_, j) => i * cols + j) });
          for (let j = 0; j < cols; j++)
            constraints.push({ total: colTotal(j), parts: Array.from({ length: rows }, (_, i) => i * cols + j) });
          constraints.push({ total: grand, parts: Array.from({ length: rows }, (_, i) => rowTotal(i)) });
          constraints.push({ total: grand, parts: Array.from({ length: cols }, (_, j) => colTotal(j)) });
          const marks = protectCells(values, constraints, threshold);
          values.forEach((v, i) => {
            if (v > 0 && v < threshold) expect(marks[i]).toBe(true);
          });
          // Solved all together, as an attacker would: no hidden cell narrower than the threshold.
          expect(narrowCells(values, constraints, marks, threshold)).toEqual([]);
          for (const c of constraints) {
            const members = [c.total, ...c.parts];
            const hidden = members.filter((i) => marks[i]);
            // If exactly one were hidden, the total minus the visible parts (or the parts summed) would give it.
            expect(hidden.length).not.toBe(1);
          }
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});

describe("suppressResults: the figures that repeat indicator 1's counts, and the other inputs", () => {
  it("hides a survey's small number of respondents, its percentage and the gap; the other side stays", () => {
    const d = computeResults(dataset({ survey: [survey(5, 25, 29, { bmeRespondents: 6 }), survey(6, 20, 24)] }));
    const s = suppressResults(d);
    expect(s.indicators["5"]).toMatchObject({
      whiteRespondents: 1200,
      whitePct: 25,
      bmeRespondents: null,
      bmePct: null,
      gap: null,
      suppressed: { bmeRespondents: "hidden", bmePct: "hidden", gap: "hidden" },
    });
    expect(s.indicators["6"]).toMatchObject({ whiteRespondents: 1200, bmeRespondents: 300, bmePct: 24, gap: 4 });
    expect((s.indicators["6"] as { suppressed?: unknown }).suppressed).toBeUndefined();
    // The one count hidden (respondents), not its percentage and gap.
    expect(
      s.suppression!.hidden -
        suppressResults(computeResults(dataset({ survey: [survey(6, 20, 24)] }))).suppression!.hidden,
    ).toBe(1);
    // A white side of 7 respondents goes the same way.
    const w = suppressResults(computeResults(dataset({ survey: [survey(7, 60, 45, { whiteRespondents: 7 })] })));
    expect(w.indicators["7"]).toMatchObject({ whiteRespondents: null, whitePct: null, gap: null, bmePct: 45 });
  });

  it("with the board in full, hides the board's workforce % (and the difference) where indicator 1's BME count is hidden", () => {
    const board = [
      ...Array.from({ length: 20 }, () => boardMember("white", true, true)),
      ...Array.from({ length: 12 }, () => boardMember("bme", true, true)),
    ];
    const d = computeResults(dataset({ staff: [...staffMany(300, "white"), ...staffMany(4, "bme")], board }));
    const s = suppressResults(d);
    expect(rep(s).overall).toMatchObject({ bme: null, bmePct: null, total: 304 });
    const b = s.indicators["9"] as BoardResult;
    for (const side of [b.voting, b.executive]) {
      expect(side).toMatchObject({
        boardBmePct: 37.5,
        workforceBmePct: null,
        difference: null,
        reason: "below-threshold",
      });
      expect(side.members).toMatchObject({ white: 20, bme: 12, total: 32 });
      expect(side.suppressed).toEqual({ workforceBmePct: "hidden", difference: "hidden" });
    }
    // With 40 BME staff, everything shows.
    const big = computeResults(dataset({ staff: [...staffMany(300, "white"), ...staffMany(40, "bme")], board }));
    expect((suppressResults(big).indicators["9"] as BoardResult).voting).toMatchObject({
      boardBmePct: 37.5,
      workforceBmePct: 11.8,
      difference: 25.7,
      reason: null,
    });
  });

  it("Model Employer and race disparity hide what indicator 1 hid in their bands, and keep the rest", () => {
    const d = computeResults(
      dataset({
        staff: [
          ...staffMany(200, "white", { band: "3" }),
          ...staffMany(80, "bme", { band: "3" }),
          ...staffMany(60, "white", { band: "6" }),
          ...staffMany(30, "bme", { band: "6" }),
          ...staffMany(40, "white", { band: "8a" }),
          ...staffMany(4, "bme", { band: "8a" }),
          ...staffMany(50, "white", { band: "8b" }),
          ...staffMany(20, "bme", { band: "8b" }),
        ],
      }),
    );
    const s = suppressResults(d);
    // Indicator 1: 8a's 4 BME hidden, and 8b's 20 with it (the 8a-and-above sum); the band totals show.
    expect(rep(s).bands["8a"]).toMatchObject({ bme: null, total: 44 });
    expect(rep(s).bands["8b"]).toMatchObject({ bme: null, total: 70 });
    const me = s.related.modelEmployer!;
    expect(me.targetPct).toBe(27.7);
    const hiddenFocus = { focus: null, focusPct: null, gapPct: null, needed: null, neededPerYear: null };
    expect(me.bands[0]).toMatchObject({ band: "8a", headcount: 44, ...hiddenFocus });
    // 20 is no small count: hidden because indicator 1 hid it (20 of 70 would give the complement back).
    expect(me.bands[1]).toMatchObject({ band: "8b", headcount: 70, ...hiddenFocus });
    expect(me.bands[1]!.suppressed).toEqual({
      focus: "hidden",
      focusPct: "hidden",
      gapPct: "hidden",
      needed: "hidden",
      neededPerYear: "hidden",
    });
    expect(me.bands[1]!.targetPct).toBe(27.7);
    const ratio = (from: string, to: string) =>
      s.related.raceDisparity!.ratios.find((r) => r.from === from && r.to === to)!;
    expect(ratio("lower", "middle")).toMatchObject({ value: 0.8, reason: null });
    expect(ratio("lower", "upper")).toMatchObject({ value: null, reason: "below-threshold" });
    expect(ratio("middle", "upper")).toMatchObject({ value: null, reason: "below-threshold" });
  });

  it("Model Employer: a band of few staff loses its headcount; with the workforce's BME count hidden, every target goes", () => {
    const d = computeResults(
      dataset({
        staff: [
          ...staffMany(200, "white", { band: "3" }),
          ...staffMany(4, "bme", { band: "3" }),
          ...staffMany(40, "white", { band: "8a" }),
          ...staffMany(6, "white", { band: "9" }),
        ],
      }),
    );
    const me = suppressResults(d).related.modelEmployer!;
    expect(me.targetPct).toBeNull();
    const band9 = me.bands.find((b) => b.band === "9")!;
    expect(band9).toMatchObject({ headcount: null, focusPct: null, gapPct: null, needed: null, targetPct: null });
    expect(band9.suppressed).toMatchObject({ headcount: "hidden", targetPct: "hidden" });
    for (const b of me.bands)
      expect(b).toMatchObject({ targetPct: null, gapPct: null, needed: null, neededPerYear: null });
    // A band of no one keeps its zero headcount.
    expect(me.bands.find((b) => b.band === "8c")).toMatchObject({ headcount: 0, focus: 0 });
  });

  it("data completeness: a handful of records is hidden with its unknowns and its sheet's row counts", () => {
    const staff = [...staffMany(300, "white"), ...staffMany(100, "bme"), ...staffMany(6, "unknown")];
    const d = computeResults(
      dataset({
        staff,
        cases: [...cases(2, "bme"), ...cases(1, "white")],
        sheets: [sheet("staff", 406, (6 / 406) * 100), sheet("cases", 3, 0), sheet(null, 0, null)],
      }),
    );
    const s = suppressResults(d);
    expect(s.dataQuality.inputs.cases).toMatchObject({
      records: null,
      unknown: null,
      unknownPct: null,
      suppressed: { records: "hidden", unknown: "hidden", unknownPct: "hidden" },
    });
    // The staff unknown (6) is small: hidden, but the records show.
    expect(s.dataQuality.inputs.staff).toMatchObject({ records: 406, unknown: null, unknownPct: null });
    const [staffSheet, casesSheet, other] = s.dataQuality.sheets;
    expect(casesSheet).toMatchObject({
      rowsRead: null,
      rowsUsed: null,
      rowsExcluded: null,
      exclusions: {},
      unknownEthnicityPct: null,
    });
    // The staff sheet's rows show; its unknown share (6 of 406) goes with the staff unknown count.
    expect(staffSheet).toMatchObject({ rowsRead: 408, rowsUsed: 406, rowsExcluded: 2, unknownEthnicityPct: null });
    // A sheet of no known kind keeps its rows.
    expect(other).toMatchObject({ rowsRead: 2, rowsUsed: 0, rowsExcluded: 2, exclusions: { "no-ethnicity": 2 } });
  });

  it("data completeness: a sheet's unknown share goes when its own unknown count is small, and a warning keeps its level without a hidden share", () => {
    const d = computeResults(
      dataset({
        staff: [...staffMany(300, "white"), ...staffMany(100, "bme"), ...staffMany(30, "unknown")],
        training: [...trainingMany(10, "white"), ...trainingMany(12, "bme"), ...trainingMany(5, "unknown")],
        applications: [
          ...applications("white", 100, 30),
          ...applications("bme", 50, 10),
          ...applications("unknown", 40, 10),
        ],
        sheets: [
          sheet("staff", 100, 3),
          sheet("staff", 330, (27 / 330) * 100),
          sheet("recruitment", 190, (40 / 190) * 100),
          sheet("training", 27, (5 / 27) * 100),
        ],
      }),
    );
    const s = suppressResults(d);
    // 3% of 100 rows is 3 people; 27 of 330 and 40 of 190 show (rounded); training's 5 go with the input's.
    expect(s.dataQuality.sheets.map((x) => x.unknownEthnicityPct)).toEqual([null, 8.2, 21.1, null]);
    expect(s.dataQuality.inputs.staff).toMatchObject({ unknown: 30, unknownPct: 7 });
    expect(s.dataQuality.inputs.training).toMatchObject({ records: 27, unknown: null, unknownPct: null });
    expect(s.dataQuality.warnings).toEqual([
      { input: "staff", level: "caution", unknownPct: 7 },
      { input: "applications", level: "unreliable", unknownPct: 21.1 },
      { input: "training", level: "caution", unknownPct: null },
    ]);
  });

  it("a copy protected before keeps its higher threshold, its board setting and its count of hidden figures", () => {
    const board = [
      ...Array.from({ length: 20 }, () => boardMember("white", true, true)),
      ...Array.from({ length: 3 }, () => boardMember("bme", true, true)),
    ];
    const d = computeResults(dataset({ staff: [...staffMany(300, "white"), ...staffMany(4, "bme")], board }));
    const at20 = suppressResults(d, 20);
    const again = suppressResults(at20, 10);
    expect(again.suppression).toEqual(at20.suppression);
    expect(at20.suppression!.threshold).toBe(20);
    const protectedBoard = suppressResults(d, 10, { publishBoardComposition: false });
    expect((protectedBoard.indicators["9"] as BoardResult).voting.members.bme).toBeNull();
    const reprotected = suppressResults(protectedBoard);
    expect(reprotected.suppression).toMatchObject({
      publishBoardComposition: false,
      hidden: protectedBoard.suppression!.hidden,
    });
    // Published in full, the board's 23 records show in data completeness; protected, the 3 BME members' count is
    // hidden and so is nothing else of the board input here.
    expect(suppressResults(d).dataQuality.inputs.board).toMatchObject({ records: 23, unknown: 0 });
  });
});

describe("suppressResults: the comparison with last year", () => {
  it("repeats each year's published figure, works the change out from the two (ratios to 2 places, % to 1) and drops the counts", () => {
    const previous = computeResults(
      dataset({
        staff: [
          ...staffMany(300, "white"),
          ...staffMany(100, "bme"),
          ...staffMany(300, "white", { band: "8a" }),
          ...staffMany(3, "bme", { band: "8a" }),
        ],
        applications: [...applications("white", 300, 61), ...applications("bme", 90, 13)],
      }),
    );
    const current = computeResults(
      dataset({
        staff: [
          ...staffMany(300, "white"),
          ...staffMany(121, "bme"),
          ...staffMany(300, "white", { band: "8a" }),
          ...staffMany(30, "bme", { band: "8a" }),
        ],
        applications: [...applications("white", 300, 70), ...applications("bme", 90, 20)],
      }),
      { previous },
    );
    const items = suppressResults(current, 10, { previous }).comparison!.items;
    const item = (measure: string) => items.find((i) => i.measure === measure)!;
    // 20.1 - 14.7 = 5.4 (the exact figures' change is 5.46).
    expect(item("overall.bmePct")).toEqual({
      indicator: "1",
      measure: "overall.bmePct",
      current: 20.1,
      previous: 14.7,
      change: 5.4,
      direction: "higher",
      trend: "improved",
    });
    // Last year's 3 BME staff in 8a and above were hidden: last year's published figure is none, and so is the change.
    expect(item("senior.8a-VSM.bmePct")).toMatchObject({
      current: 9.1,
      previous: null,
      change: null,
      trend: "not-comparable",
    });
    expect(item("value")).toMatchObject({
      indicator: "2",
      current: 1.05,
      previous: 1.41,
      change: -0.36,
      trend: "improved",
    });
    for (const i of items) expect(i).not.toHaveProperty("counts");
  });
});

describe("suppressResults: a likelihood's denominators", () => {
  it("hides a staff denominator where indicator 1's overall count for that group is hidden (the count of 0 stays)", () => {
    const staff = [...staffMany(300, "white"), ...staffMany(4, "bme"), ...staffMany(30, "unknown")];
    const s = suppressResults(
      computeResults(dataset({ staff, cases: [...cases(20, "white"), ...cases(15, "unknown")] })),
    );
    expect(rep(s).overall).toMatchObject({ white: 300, bme: null });
    const r3 = s.indicators["3"] as RelativeLikelihoodResult;
    expect(r3.denominator).toBe("staff");
    expect(r3.bme).toEqual({ count: 0, of: null, rate: null, suppressed: { of: "hidden", rate: "hidden" } });
    expect(r3.white).toMatchObject({ count: 20, of: 300 });
    expect(r3).toMatchObject({ value: null, reason: "below-threshold" });
  });

  it("hides a small denominator, and not a count of 0 beside it (its complement is the denominator, hidden already)", () => {
    const d = computeResults(
      dataset({
        applications: [
          ...applications("white", 100, 40),
          ...applications("bme", 6, 0),
          ...applications("unknown", 30, 5),
        ],
      }),
    );
    const r2 = suppressResults(d).indicators["2"] as RelativeLikelihoodResult;
    expect(r2.bme).toEqual({ count: 0, of: null, rate: null, suppressed: { of: "hidden", rate: "hidden" } });
    expect(r2.white).toEqual({ count: 40, of: 100, rate: 0.4 });
  });
});

describe("suppressResults: breakdowns of a copy protected before", () => {
  /** Two directorates, one with 5 BME staff, and training of 130 of them: breakdowns for indicators 1 and 4. */
  function exact(): ResultsDocument {
    const staff = [
      ...staffMany(200, "white", {}, { directorate: "Surgery" }),
      ...staffMany(60, "bme", {}, { directorate: "Surgery" }),
      ...staffMany(150, "white", {}, { directorate: "Medicine" }),
      ...staffMany(5, "bme", {}, { directorate: "Medicine" }),
    ];
    const trained = [...staff.slice(0, 100), ...staff.slice(200, 230)];
    return computeResults(
      dataset({ staff, training: trained.map((p) => training("unknown", { personId: p.personId })) }),
    );
  }
  const dimensions = (doc: ResultsDocument, id: string) =>
    (doc.indicators[id] as { breakdowns?: { dimension: string }[] }).breakdowns?.map((t) => t.dimension);

  it("keeps them as they were at the same threshold, and leaves them out at a higher one (their hidden values are not known)", () => {
    const once = suppressResults(exact(), 10);
    expect(dimensions(once, "1")).toEqual(["ethnic-group", "ethnic-category", "directorate"]);
    expect(dimensions(once, "4")).toEqual(["ethnic-group", "ethnic-category", "directorate"]);
    expect(suppressResults(once, 10)).toEqual(once);
    expect(suppressResults(once, 5)).toEqual(once);
    const stricter = suppressResults(once, 20);
    expect(stricter.indicators["1"]).not.toHaveProperty("breakdowns");
    expect(stricter.indicators["4"]).not.toHaveProperty("breakdowns");
    // Saved results read back carry their marks but no suppression record: kept as they were.
    const saved = JSON.parse(JSON.stringify(once)) as ResultsDocument;
    saved.suppression = null;
    const again = suppressResults(saved, 10);
    expect(again.indicators["1"]).toEqual(once.indicators["1"]);
    expect(again.indicators["4"]).toEqual(once.indicators["4"]);
  });

  it("leaves a staff-based likelihood's breakdowns out when indicator 1's are (their denominators are its cells)", () => {
    const d = exact();
    delete (d.indicators["1"] as { breakdowns?: unknown }).breakdowns;
    const s = suppressResults(d, 10);
    expect(s.indicators["4"]).not.toHaveProperty("breakdowns");
  });
});

describe("suppressResults: how many figures it says it hid", () => {
  it("counts every hidden count once, in every table and input, and none of the percentages hidden with them", () => {
    // 300 White and 4 BME staff in band 5, and a survey with 6 BME respondents.
    const d = computeResults(
      dataset({
        staff: [...staffMany(300, "white"), ...staffMany(4, "bme")],
        survey: [survey(5, 25, 29, { bmeRespondents: 6 })],
      }),
    );
    const s = suppressResults(d);
    // Indicator 1: White and BME in the overall row, band 5 and band 5's non-clinical row (6); the schema-2
    // breakdown's White and Black, overall and in band 5 (4); the breakdown tables' White and Black (A and M) in
    // the ethnic group and category tables (4); the survey's BME respondents (1). Model Employer repeats indicator
    // 1's figures and is not counted again.
    expect(s.suppression!.hidden).toBe(15);
    expect(rep(s).overall.suppressed).toEqual({ white: "hidden", whitePct: "hidden", bme: "hidden", bmePct: "hidden" });
    // Protected again, it adds none.
    expect(suppressResults(s).suppression!.hidden).toBe(15);
  });
});

describe("suppressResults: the edges of its rules", () => {
  /** The protected copy of a recruitment extract, [shortlisted, appointed] for each group, without breakdowns. */
  const protectedRecruitment = (white: [number, number], bme: [number, number], unknown: [number, number]) => {
    const d = computeResults(
      dataset({
        applications: [
          ...applications("white", ...white),
          ...applications("bme", ...bme),
          ...applications("unknown", ...unknown),
        ],
      }),
    );
    delete (d.indicators["2"] as { breakdowns?: unknown }).breakdowns;
    const s = suppressResults(d);
    return { s, r2: s.indicators["2"] as RelativeLikelihoodResult };
  };

  it("shows a count of exactly the threshold: only counts below it are hidden", () => {
    const d = computeResults(
      dataset({ applications: [...applications("white", 100, 30), ...applications("bme", 40, 10)] }),
    );
    const r2 = suppressResults(d).indicators["2"] as RelativeLikelihoodResult;
    expect(r2.bme).toEqual({ count: 10, of: 40, rate: 0.25 });
  });

  it("says what it is, and why a threshold is refused", () => {
    const d = computeResults(dataset({ staff: staffMany(40, "white") }));
    expect(suppressResults(d).notice).toBe(
      "Protected figures, for publication and for the tab's readers: small numbers are hidden. The exact figures are in the exact document, for submission and the board only.",
    );
    expect(() => suppressResults(d, 0.5)).toThrow("suppression threshold must be a number of at least 1, got 0.5");
  });

  it("counts a likelihood's hidden counts and denominators, and the unknown count hidden with them, once and not again when protected a second time", () => {
    // BME: 6 shortlisted, 2 appointed (both hidden). White: 30 shortlisted, 10 appointed. 40 of unknown ethnicity.
    const { s, r2 } = protectedRecruitment([30, 10], [6, 2], [40, 10]);
    expect(r2.bme).toEqual({
      count: null,
      of: null,
      rate: null,
      suppressed: { count: "hidden", of: "hidden", rate: "hidden" },
    });
    // 76 records = 30 White + 6 BME + 40 unknown: with the 6 hidden, one more part goes, and the unknown count is
    // the one to go (not the White denominator, nor the records).
    expect(r2.white).toEqual({ count: 10, of: 30, rate: 0.333 });
    expect(s.dataQuality.inputs.applications).toEqual({
      records: 76,
      unknown: null,
      unknownPct: null,
      level: "unreliable",
      suppressed: { unknown: "hidden", unknownPct: "hidden" },
    });
    // The BME count and denominator, and the unknown count: three, not their rate or percentage.
    expect(s.suppression!.hidden).toBe(3);
    expect(suppressResults(s).suppression!.hidden).toBe(3);
  });

  it("judges parts hidden earlier by their exact values: a small denominator and a small unknown count beside the records hide one more part, not the records", () => {
    // 109 records = 100 White + 6 BME + 3 unknown: the 6 and the 3 are hidden, and 109 - 100 would give their sum, 9.
    const { s, r2 } = protectedRecruitment([100, 30], [6, 2], [3, 1]);
    expect(s.dataQuality.inputs.applications).toMatchObject({ records: 109, unknown: null });
    expect(r2.white).toEqual({ count: 30, of: null, rate: null, suppressed: { of: "hidden", rate: "hidden" } });
  });
});

describe("suppressResults: what it hides once, and what it leaves alone", () => {
  it("a staff denominator hidden with indicator 1's count is not counted again when the copy is protected again", () => {
    const staff = [...staffMany(300, "white"), ...staffMany(4, "bme"), ...staffMany(30, "unknown")];
    const s = suppressResults(
      computeResults(dataset({ staff, cases: [...cases(20, "white"), ...cases(15, "unknown")] })),
    );
    expect((s.indicators["3"] as RelativeLikelihoodResult).bme.of).toBeNull();
    const again = suppressResults(s);
    expect(again.suppression!.hidden).toBe(s.suppression!.hidden);
    expect(again).toEqual(s);
  });

  it("compares with a year that lacked an indicator: last year's figure is none, and nothing fails", () => {
    const previous = computeResults(dataset({ survey: [survey(5, 25, 29)] }));
    const current = computeResults(
      dataset({
        staff: [...staffMany(300, "white"), ...staffMany(100, "bme")],
        applications: [...applications("white", 100, 30), ...applications("bme", 50, 10)],
        survey: [survey(5, 25, 27)],
      }),
      { previous },
    );
    const items = suppressResults(current, 10, { previous }).comparison!.items;
    const item = (measure: string) => items.find((i) => i.measure === measure)!;
    for (const measure of ["overall.bmePct", "senior.8a-VSM.bmePct", "value"])
      expect(item(measure), measure).toMatchObject({ previous: null, change: null, trend: "not-comparable" });
    expect(item("overall.bmePct").current).toBe(25);
    expect(item("value").current).toBe(1.5);
    expect(item("bmePct")).toMatchObject({ current: 27, previous: 29, change: -2 });
  });

  it("with board composition protected, hides the board % where the board's total is hidden, even with its BME count of 0 shown", () => {
    const board = Array.from({ length: 6 }, () => boardMember("white", true, true));
    const d = computeResults(dataset({ staff: [...staffMany(300, "white"), ...staffMany(100, "bme")], board }));
    const protectedCopy = suppressResults(d, 10, { publishBoardComposition: false });
    const voting = (protectedCopy.indicators["9"] as BoardResult).voting;
    expect(voting.members).toMatchObject({ white: null, bme: 0, total: null });
    expect(voting).toMatchObject({ boardBmePct: null, difference: null, reason: "below-threshold" });
    // Counted: the White count and the total, for the voting and the executive members (4), and the board input's
    // 6 records with their unknown count in data completeness (2). Published in full, nothing is hidden.
    expect(suppressResults(d).suppression!.hidden).toBe(0);
    expect(protectedCopy.dataQuality.inputs.board).toMatchObject({ records: null, unknown: null });
    expect(protectedCopy.suppression!.hidden).toBe(6);
  });

  it("with the board published in full, its few unknown members show in data completeness, and so does its sheet's unknown share", () => {
    const board = [
      ...Array.from({ length: 16 }, () => boardMember("white", true, true)),
      ...Array.from({ length: 2 }, () => boardMember("unknown", true, true)),
    ];
    const d = computeResults(
      dataset({
        staff: [...staffMany(300, "white"), ...staffMany(100, "bme")],
        board,
        sheets: [sheet("board", 18, (2 / 18) * 100)],
      }),
    );
    const s = suppressResults(d);
    expect(s.dataQuality.inputs.board).toMatchObject({ records: 18, unknown: 2 });
    expect(s.dataQuality.sheets[0]!.unknownEthnicityPct).toBe(11.1);
    // Protected, both go.
    const p = suppressResults(d, 10, { publishBoardComposition: false });
    expect(p.dataQuality.inputs.board).toMatchObject({ records: 18, unknown: null });
    expect(p.dataQuality.sheets[0]!.unknownEthnicityPct).toBeNull();
  });

  it("keeps a recruitment sheet's unknown share where only indicator 1's unknown count is hidden", () => {
    const d = computeResults(
      dataset({
        staff: [...staffMany(300, "white"), ...staffMany(4, "bme"), ...staffMany(30, "unknown")],
        applications: [
          ...applications("white", 100, 30),
          ...applications("bme", 50, 10),
          ...applications("unknown", 40, 10),
        ],
        sheets: [sheet("staff", 334, (30 / 334) * 100), sheet("recruitment", 190, (40 / 190) * 100)],
      }),
    );
    const s = suppressResults(d);
    expect(rep(s).overall).toMatchObject({ unknown: null, total: 334 });
    expect(s.dataQuality.inputs.applications).toMatchObject({ records: 190, unknown: 40 });
    expect(s.dataQuality.sheets.map((x) => x.unknownEthnicityPct)).toEqual([null, 21.1]);
  });

  it("hides a recruitment sheet's unknown share where the input's unknown count is hidden, however large", () => {
    // 76 records = 30 White + 6 BME + 40 unknown: the 6 hidden, and the 40 with them (see above).
    const d = computeResults(
      dataset({
        applications: [
          ...applications("white", 30, 10),
          ...applications("bme", 6, 2),
          ...applications("unknown", 40, 10),
        ],
        sheets: [sheet("recruitment", 76, (40 / 76) * 100)],
      }),
    );
    const s = suppressResults(d);
    expect(s.dataQuality.inputs.applications).toMatchObject({ records: 76, unknown: null });
    expect(s.dataQuality.sheets[0]).toMatchObject({ rowsUsed: 76, unknownEthnicityPct: null });
  });

  it("keeps the rows of a sheet of no known kind where the staff records are hidden", () => {
    const d = computeResults(
      dataset({
        staff: [...staffMany(3, "white"), ...staffMany(2, "bme")],
        sheets: [sheet("staff", 5, 0), sheet(null, 0, null)],
      }),
    );
    const s = suppressResults(d);
    expect(s.dataQuality.inputs.staff).toMatchObject({ records: null });
    expect(s.dataQuality.sheets[0]).toMatchObject({ rowsRead: null, rowsUsed: null, rowsExcluded: null });
    expect(s.dataQuality.sheets[1]).toMatchObject({
      rowsRead: 2,
      rowsUsed: 0,
      rowsExcluded: 2,
      exclusions: { "no-ethnicity": 2 },
    });
  });

  it("keeps the breakdowns of a likelihood whose denominators are not staff in post", () => {
    const d = computeResults(
      dataset({ applications: [...applications("white", 100, 30), ...applications("bme", 50, 10)] }),
    );
    const exactTables = (d.indicators["2"] as RelativeLikelihoodResult).breakdowns;
    expect(exactTables?.length).toBeGreaterThan(0);
    const tables = (suppressResults(d).indicators["2"] as RelativeLikelihoodResult).breakdowns;
    expect(tables?.map((t) => t.dimension)).toEqual(exactTables!.map((t) => t.dimension));
  });

  it("leaves out at a higher threshold the staff breakdowns of a copy protected before, even where that copy hid none of their cells", () => {
    const staff = [
      ...staffMany(200, "white", {}, { directorate: "Surgery" }),
      ...staffMany(60, "bme", {}, { directorate: "Surgery" }),
      ...staffMany(150, "white", {}, { directorate: "Medicine" }),
      ...staffMany(50, "bme", {}, { directorate: "Medicine" }),
    ];
    const once = suppressResults(computeResults(dataset({ staff })), 10);
    expect(JSON.stringify(rep(once).breakdowns)).not.toContain("hidden");
    expect(rep(once).breakdowns?.length).toBeGreaterThan(0);
    expect(suppressResults(once, 20).indicators["1"]).not.toHaveProperty("breakdowns");
  });

  it("hides one more senior cell of an ethnic category where the bands' cells of that category would give a hidden one back", () => {
    const mixed = { ethnicity: ethnicity("bme", "mixed") };
    const d = computeResults(
      dataset({
        staff: [
          ...staffMany(200, "white", { band: "5" }),
          ...staffMany(100, "bme", { band: "5" }),
          ...staffMany(50, "bme", { band: "5" }, mixed),
          ...staffMany(40, "white", { band: "8a" }),
          ...staffMany(30, "bme", { band: "8a" }),
          ...staffMany(3, "bme", { band: "8a" }, mixed),
          ...staffMany(40, "white", { band: "8b" }),
          ...staffMany(30, "bme", { band: "8b" }),
          ...staffMany(20, "bme", { band: "8b" }, mixed),
        ],
      }),
    );
    const r = rep(suppressResults(d));
    // 8a's 3 Mixed staff are hidden; the senior row's 23 Mixed minus 8b's would give them back, so 8b's go too.
    expect(r.breakdown!.bands["8a"]).toMatchObject({ white: 40, mixed: null });
    expect(r.breakdown!.bands["8b"]).toMatchObject({ white: 40, mixed: null });
    expect(r.breakdown!.senior).toMatchObject({ white: 80, mixed: 23 });
    assertNothingRecoverable(r);
  });

  it("keeps the all-staff row's figures, and always its headcount, where band cells will do as the complements", () => {
    type Spec = [AfcBand, number, number, number][];
    const protectedOverall = (spec: Spec) => {
      const staff = spec.flatMap(([band, white, bme, unknown]) => [
        ...staffMany(white, "white", { band }),
        ...staffMany(bme, "bme", { band }),
        ...staffMany(unknown, "unknown", { band }),
      ]);
      const d = computeResults(dataset({ staff }));
      delete (d.indicators["1"] as { breakdowns?: unknown }).breakdowns;
      return rep(suppressResults(d)).overall;
    };
    // Small White counts in three bands and small BME counts in two: all hidden with band cells as complements.
    const full = protectedOverall([
      ["3", 6, 121, 99],
      ["5", 24, 140, 6],
      ["8a", 127, 9, 96],
      ["8b", 161, 9, 0],
    ]);
    expect(full).toEqual({
      white: 318,
      bme: 279,
      unknown: 201,
      total: 798,
      whitePct: 39.8,
      bmePct: 35,
      unknownPct: 25.2,
    });
    // Here two of the row go, but the BME count and the headcount stay.
    const partial = protectedOverall([
      ["3", 1, 197, 4],
      ["5", 0, 186, 2],
      ["8a", 7, 0, 206],
      ["8b", 7, 202, 147],
    ]);
    expect(partial).toMatchObject({ white: null, bme: 585, unknown: null, total: 959, bmePct: 61 });
    // Where one of the headline counts must go with the White count, it is the unknown count, not the BME count
    // the indicator is about.
    const headline = protectedOverall([
      ["3", 2, 130, 196],
      ["5", 5, 0, 146],
      ["8a", 2, 10, 7],
      ["8b", 96, 0, 60],
    ]);
    expect(headline).toMatchObject({ white: null, bme: 140, unknown: null, total: 654, bmePct: 21.4 });
  });

  it("publishes docs/disclosure-control.md's worked example as the page shows it", () => {
    const staff = (
      [
        ["5", 50, 11, 1],
        ["6", 40, 9, 0],
        ["7", 30, 20, 2],
      ] as [AfcBand, number, number, number][]
    ).flatMap(([band, white, bme, unknown]) => [
      ...staffMany(white, "white", { band }),
      ...staffMany(bme, "bme", { band }),
      ...staffMany(unknown, "unknown", { band }),
    ]);
    const d = computeResults(dataset({ staff }));
    delete (d.indicators["1"] as { breakdowns?: unknown }).breakdowns;
    const r = rep(suppressResults(d));
    const row = (c: { white: number | null; bme: number | null; unknown: number | null; total: number | null }) =>
      [c.white, c.bme, c.unknown, c.total].map((v) => (v === null ? "*" : String(v)));
    expect([r.bands["5"], r.bands["6"], r.bands["7"], r.overall].map((c) => row(c!))).toEqual([
      ["50", "*", "*", "62"],
      ["*", "*", "0", "49"],
      ["*", "20", "*", "52"],
      ["*", "40", "*", "163"],
    ]);
  });
});

describe("suppressResults: the bank population's copy", () => {
  const withBank = (bankBme: number) =>
    dataset({
      staff: [...staffMany(300, "white"), ...staffMany(100, "bme")],
      bank: {
        staff: [...staffMany(60, "white"), ...staffMany(bankBme, "bme")],
        cases: [],
        training: [],
        applications: [],
      },
    });

  it("is protected with the same board setting, and compares with last year's bank copy", () => {
    const previous = computeResults(withBank(20));
    const current = computeResults(withBank(40), { previous });
    const s = suppressResults(current, 10, { previous, publishBoardComposition: false });
    expect(s.bank!.suppression).toEqual({ threshold: 10, hidden: 0, publishBoardComposition: false });
    const item = s.bank!.comparison!.items.find((i) => i.measure === "overall.bmePct")!;
    // 40 of 100 this year, 20 of 80 last year.
    expect(item).toMatchObject({ current: 40, previous: 25, change: 15 });
  });
});
