// Breakdowns (docs/wres-method.md#breakdowns), checked against plain counting over generated rows: every
// expected figure here is counted by this file from the rows it made, never by the indicator module.
import { beforeEach, describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import {
  computeResults,
  RESULTS_SCHEMA,
  suppressResults,
  type BreakdownTable,
  type RelativeLikelihoodResult,
  type RepresentationResult,
  type Standard,
  WRES_STANDARD,
} from "../../../src/indicators";
import { createRandom } from "../../../src/demo/random";
import { generateTrust } from "../../../src/demo/trust";
import { readWorkbooks } from "../../../src/workbook";
import type {
  ApplicationRecord,
  CaseRecord,
  Ethnicity,
  ResultsDocument,
  StaffRecord,
  TrainingRecord,
} from "../../../src/indicators";
import { aggregate, application, dataset, disciplinary, ethnicity, staff, staffMany, training } from "./fixtures";

const SHEET = { file: "t.xlsx", sheet: "S" };
// The test's own table of codes: broad group of each (the NHS Data Dictionary's), "" = not stated.
const CODES: Record<string, string> = {
  A: "white",
  B: "white",
  C: "white",
  D: "mixed",
  G: "mixed",
  H: "asian",
  J: "asian",
  K: "asian",
  M: "black",
  N: "black",
  R: "other",
  S: "other",
  "": "unknown",
};
const SIDE: Record<string, string> = {
  white: "white",
  mixed: "bme",
  asian: "bme",
  black: "bme",
  other: "bme",
  unknown: "unknown",
};
// Gender as extracts write it, and what it means.
const GENDERS: Record<string, string> = {
  Female: "female",
  F: "female",
  Male: "male",
  m: "male",
  "Non-binary": "other",
  "": "unknown",
  "Not stated": "unknown",
};
const DIRECTORATES = ["Surgery", "Medicine", "Corporate", "Women's and Children's", ""];
const DIVISIONS = ["North", "South", ""];
const GROUPS = ["Nursing", "Medical and Dental", "Admin and Clerical"];
const TEAMS = ["Ward 1", "Ward 2", "Theatres", "Finance", "Payroll", "Estates", "Pharmacy", "Outpatients"];

function ethnicityOf(code: string): Ethnicity {
  const broad = CODES[code]!;
  const group = SIDE[broad] as Ethnicity["group"];
  return {
    group,
    broad: broad as Ethnicity["broad"],
    code: code === "" ? null : code,
    localCode: code || null,
    raw: code,
  };
}

interface Generated {
  staff: StaffRecord[];
  cases: CaseRecord[];
  training: TrainingRecord[];
  applications: ApplicationRecord[];
  /** For each staff record, its raw values (what the test counts by). */
  raw: Map<
    StaffRecord,
    { code: string; gender: string; directorate: string; division: string; group: string; team: string }
  >;
}

function generate(seed: number, n: number): Generated {
  const rng = createRandom(seed);
  const raw: Generated["raw"] = new Map();
  const codes = Object.keys(CODES);
  const staff: StaffRecord[] = [];
  for (let i = 0; i < n; i++) {
    // Mostly White, so some groups are small (as in real trusts).
    const code = rng.chance(0.6) ? rng.pick(["A", "B", "C"]) : rng.pick(codes);
    const gender = rng.pick(Object.keys(GENDERS));
    const directorate = rng.pick(DIRECTORATES);
    const division = rng.pick(DIVISIONS);
    const group = rng.pick(GROUPS);
    // Estates and Payroll are all White (teams with no BME member); others by chance.
    const team =
      ["A", "B", "C"].includes(code) && rng.chance(0.2)
        ? rng.pick(["Estates", "Payroll"])
        : rng.pick(TEAMS.filter((t) => t !== "Estates" && t !== "Payroll"));
    const s: StaffRecord = {
      personId: `E${i}`,
      ethnicity: ethnicityOf(code),
      cohort: "non-clinical",
      band: "5",
      medical: null,
      seniorMedicalManager: false,
      staffGroup: group,
      gender: gender || null,
      disability: null,
      directorate: directorate || null,
      division: division || null,
      team,
      board: null,
      source: SHEET,
      row: i + 2,
    };
    staff.push(s);
    raw.set(s, { code, gender, directorate, division, group, team });
  }
  const cases: CaseRecord[] = [];
  for (const s of staff) {
    if (!rng.chance(0.08)) continue;
    // Half the cases carry no ethnicity of their own: they are joined to staff in post by employee number.
    const own = rng.chance(0.5);
    const year = rng.chance(0.5) ? "2024-07-01" : "2023-07-01";
    cases.push({
      personId: s.personId,
      ethnicity: own ? s.ethnicity : ethnicityOf(""),
      caseType: "disciplinary",
      stage: null,
      startDate: year,
      outcome: null,
      source: SHEET,
      row: 2,
    });
  }
  const training: TrainingRecord[] = staff
    .filter(() => rng.chance(0.3))
    .map((s) => ({ personId: s.personId, ethnicity: ethnicityOf(""), date: "2024-09-01", source: SHEET, row: 2 }));
  const applications: ApplicationRecord[] = Array.from({ length: n }, () => {
    const shortlisted = rng.chance(0.4);
    return {
      ethnicity: ethnicityOf(rng.pick(codes)),
      shortlisted,
      appointed: shortlisted && rng.chance(0.3),
      band: null,
      post: null,
      date: null,
      source: SHEET,
      row: 2,
    };
  });
  return { staff, cases, training, applications, raw };
}

/** The breakdown tables of a document's indicator (one that has them). */
const tablesOf = (doc: ResultsDocument, id: string) =>
  (doc.indicators[id] as { breakdowns?: BreakdownTable[] }).breakdowns!;
const table = (r: { breakdowns?: BreakdownTable[] } | undefined, d: string) =>
  r?.breakdowns?.find((t) => t.dimension === d);

/** row -> column -> n, counted plainly. */
function countBy<T>(items: T[], row: (x: T) => string, column: (x: T) => string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const x of items) {
    const r = row(x);
    const c = column(x);
    if (!out.has(r)) out.set(r, new Map());
    out.get(r)!.set(c, (out.get(r)!.get(c) ?? 0) + 1);
  }
  return out;
}

function expectCounts(
  t: BreakdownTable | undefined,
  expected: Map<string, Map<string, number>>,
  field: "count" | "of" = "count",
  times = 1,
) {
  expect(t).toBeDefined();
  expect(new Set(t!.rows)).toEqual(new Set(expected.keys()));
  for (const row of t!.rows) {
    let total = 0;
    for (const c of t!.columns.filter((x) => x !== "total")) {
      const n = (expected.get(row)?.get(c) ?? 0) * times;
      total += n;
      expect(t!.cells[row]![c]![field], `${t!.dimension} ${row} ${c} ${field}`).toBe(n);
    }
    // Headcount tables have a total column; a likelihood's has none (docs/wres-method.md#breakdowns).
    if (t!.columns.includes("total")) expect(t!.cells[row]!.total![field], `${t!.dimension} ${row} total`).toBe(total);
    else expect(field === "of" || t!.rows.every((r) => t!.cells[r]!.total === undefined)).toBe(true);
    // Every group met is a column.
    for (const c of expected.get(row)?.keys() ?? []) expect(t!.columns).toContain(c);
  }
}

describe("breakdowns of every population, against plain counting", () => {
  for (const seed of [1, 2, 3]) {
    const g = generate(seed, 600 + seed * 150);
    // Computed by each test, not the describe body: mutation testing credits code only to the test it runs in.
    const computeDoc = () =>
      computeResults(dataset({ ...g, period: "2024/25" }), { period: "2024/25", breakdowns: true });
    const raw = (s: StaffRecord) => g.raw.get(s)!;
    const broad = (s: StaffRecord) => CODES[raw(s).code]!;
    const side = (s: StaffRecord) => SIDE[broad(s)]!;
    const dims: [string, (s: StaffRecord) => string, (s: StaffRecord) => string][] = [
      ["ethnic-group", () => "all", broad],
      ["ethnic-category", () => "all", (s) => raw(s).code || "unknown"],
      ["gender", (s) => GENDERS[raw(s).gender]!, side],
      ["ethnic-group-gender", (s) => GENDERS[raw(s).gender]!, broad],
      ["directorate", (s) => raw(s).directorate, side],
      ["division", (s) => raw(s).division, side],
      ["staff-group", (s) => raw(s).group, side],
    ];

    it(`indicator 1 (seed ${seed}): headcount by every dimension`, () => {
      const doc = computeDoc();
      const i1 = doc.indicators["1"] as RepresentationResult;
      expect(doc.schemaVersion).toBe(3);
      expect(i1.breakdowns!.map((t) => t.dimension)).toEqual(dims.map(([d]) => d));
      for (const [d, row, column] of dims) expectCounts(table(i1, d), countBy(g.staff, row, column));
      // Specific categories are under their groups.
      expect(table(i1, "ethnic-category")!.parents!.H).toBe("asian");
    });

    it(`indicator 3 (seed ${seed}): people entering a disciplinary over person-years, by every dimension`, () => {
      const doc = computeDoc();
      const rl = doc.indicators["3"] as RelativeLikelihoodResult;
      expect(rl.basis).toBe("two-year-pooled");
      const byId = new Map(g.staff.map((s) => [s.personId, s]));
      // One per person per year (the generator makes one case per person at most).
      const people = g.cases.map((c) => byId.get(c.personId!)!);
      for (const [d, row, column] of dims) {
        expectCounts(table(rl, d), countBy(people, row, column));
        expectCounts(table(rl, d), countBy(g.staff, row, column), "of", 2);
      }
      // Gender and ethnic group together: the likelihood of each group against White, within the row.
      const t = table(rl, "ethnic-group-gender")!;
      for (const row of t.rows) {
        const w = t.cells[row]!.white!;
        const b = t.cells[row]!.black!;
        const expected =
          w.count! > 0 && b.count! > 0 && w.of! > 0 && b.of! > 0 ? b.count! / b.of! / (w.count! / w.of!) : null;
        if (expected === null) expect(t.likelihood![row]!.black).toBeNull();
        else expect(t.likelihood![row]!.black).toBeCloseTo(expected, 10);
      }
    });

    it(`indicator 4 (seed ${seed}): people accessing training over headcount`, () => {
      const doc = computeDoc();
      const rl = doc.indicators["4"] as RelativeLikelihoodResult;
      const byId = new Map(g.staff.map((s) => [s.personId, s]));
      const people = g.training.map((t) => byId.get(t.personId!)!);
      for (const [d, row, column] of dims) {
        expectCounts(table(rl, d), countBy(people, row, column));
        expectCounts(table(rl, d), countBy(g.staff, row, column), "of");
      }
      // Within a directorate, White's rate over BME's (above 1: BME staff less likely to access training).
      const t = table(rl, "directorate")!;
      const r = t.rows[0]!;
      const w = t.cells[r]!.white!;
      const b = t.cells[r]!.bme!;
      expect(t.likelihood![r]!.bme).toBeCloseTo(w.count! / w.of! / (b.count! / b.of!), 10);
    });

    it(`indicator 2 (seed ${seed}): appointed among shortlisted, by ethnic group and category only`, () => {
      const doc = computeDoc();
      const rl = doc.indicators["2"] as RelativeLikelihoodResult;
      expect(rl.breakdowns!.map((t) => t.dimension)).toEqual(["ethnic-group", "ethnic-category"]);
      const shortlisted = g.applications.filter((a) => a.shortlisted);
      const appointed = shortlisted.filter((a) => a.appointed);
      const code = (a: ApplicationRecord) => a.ethnicity.code ?? "";
      expectCounts(
        table(rl, "ethnic-group"),
        countBy(
          appointed,
          () => "all",
          (a) => CODES[code(a)]!,
        ),
      );
      expectCounts(
        table(rl, "ethnic-group"),
        countBy(
          shortlisted,
          () => "all",
          (a) => CODES[code(a)]!,
        ),
        "of",
      );
      expectCounts(
        table(rl, "ethnic-category"),
        countBy(
          appointed,
          () => "all",
          (a) => code(a) || "unknown",
        ),
      );
    });

    it(`teams with no BME member (seed ${seed})`, () => {
      const doc = computeDoc();
      const i1 = doc.indicators["1"] as RepresentationResult;
      const teams = new Set(g.staff.map((s) => raw(s).team));
      const withBme = new Set(g.staff.filter((s) => side(s) === "bme").map((s) => raw(s).team));
      const without = [...teams].filter((t) => !withBme.has(t)).sort();
      expect(i1.teamsWithoutFocus).toEqual({ teams: teams.size, without: without.length, names: without });
      expect(without).toEqual(expect.arrayContaining(["Estates", "Payroll"]));
    });
  }

  it("rows add up to the indicator's own figures; broken down by default, and nothing when asked not to", () => {
    const g = generate(9, 500);
    const doc = computeResults(dataset({ ...g, period: "2024/25" }), { period: "2024/25", breakdowns: true });
    const i1 = doc.indicators["1"] as RepresentationResult;
    const sum = (t: BreakdownTable, col: string) => t.rows.reduce((a, r) => a + (t.cells[r]![col]!.count ?? 0), 0);
    for (const d of ["gender", "directorate", "division", "staff-group"]) {
      const t = table(i1, d)!;
      for (const c of ["white", "bme", "unknown", "total"]) expect(sum(t, c)).toBe(i1.overall[c as "white"]);
    }
    const rl = doc.indicators["3"] as RelativeLikelihoodResult;
    expect(sum(table(rl, "gender")!, "bme")).toBe(rl.bme.count);
    expect(computeResults(dataset({ ...g }), { breakdowns: false }).indicators["1"]).not.toHaveProperty("breakdowns");
    // By default they are computed (their protection keeps every headline figure as it was without them).
    expect(computeResults(dataset({ ...g })).indicators["1"]).toHaveProperty("breakdowns");
  });

  it("a staff table without gender or directorate columns is broken down by ethnic group only", () => {
    const g = generate(4, 200);
    for (const s of g.staff)
      Object.assign(s, { gender: null, directorate: null, division: null, staffGroup: null, team: null });
    const i1 = computeResults(dataset({ staff: g.staff }), { breakdowns: true }).indicators[
      "1"
    ] as RepresentationResult;
    expect(i1.breakdowns!.map((t) => t.dimension)).toEqual(["ethnic-group", "ethnic-category"]);
    expect(i1).not.toHaveProperty("teamsWithoutFocus");
  });
});

describe("breakdowns in the protected copy (docs/disclosure-control.md#breakdowns)", () => {
  const g = generate(5, 12000);
  // Computed in a beforeEach, not the describe body: mutation testing credits code to a test only when it runs in
  // the test or its beforeEach (docs/mutation-testing.md).
  let exact: ResultsDocument;
  let published: ResultsDocument;
  beforeEach(() => {
    exact = computeResults(dataset({ ...g, period: "2024/25" }), { period: "2024/25", breakdowns: true });
    published = suppressResults(exact, 10);
  });

  it("no count from 1 to 9 is shown in any breakdown, every hidden one is marked, and no sum of a row gives one back", () => {
    let hidden = 0;
    for (const id of ["1", "2", "3", "4"]) {
      const tables = tablesOf(published, id);
      const exactTables = tablesOf(exact, id);
      tables.forEach((t, k) => {
        for (const row of t.rows) {
          const cells = t.cells[row]!;
          const hiddenInRow: number[] = [];
          for (const c of t.columns) {
            const x = cells[c]!;
            if (x.count === null) {
              expect(x.suppressed?.count).toBe("hidden");
              hidden += 1;
              if (c !== "total") hiddenInRow.push(exactTables[k]!.cells[row]![c]!.count!);
            } else expect(x.count === 0 || x.count >= 10, `${id} ${t.dimension} ${row} ${c}: ${x.count}`).toBe(true);
            // A rate is never shown beside a hidden count or denominator.
            if (x.count === null || x.of === null) expect(x.rate ?? null).toBeNull();
          }
          // With the row's total shown, one hidden cell would be the total minus the others: never alone, and together at least 10.
          if (cells.total && cells.total.count !== null && hiddenInRow.length > 0) {
            expect(hiddenInRow.length, `${id} ${t.dimension} ${row}`).toBeGreaterThanOrEqual(2);
            expect(hiddenInRow.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10);
          }
        }
      });
    }
    expect(hidden).toBeGreaterThan(20);
  });

  it("no breakdown cell shows a count and its denominator whose difference, the people not counted, is from 1 to 9", () => {
    // Generated trusts of 300 to 1,500 staff, where small groups have few people without a case or a course.
    for (const [staff, seed] of [
      [300, 7],
      [800, 3],
      [1500, 23],
    ] as const) {
      const trust = generateTrust({ staff, seed, compression: 1, year: "2024/25" });
      const exactDoc = computeResults(readWorkbooks(trust.files), { breakdowns: true, period: "2024/25" });
      const shownDoc = suppressResults(exactDoc, 10);
      let small = 0;
      for (const id of ["2", "3", "4"]) {
        const tables = tablesOf(shownDoc, id);
        const exactTables = tablesOf(exactDoc, id);
        tables.forEach((t, k) => {
          for (const row of t.rows)
            for (const c of t.columns) {
              const x = exactTables[k]!.cells[row]![c]!;
              if (x.count !== null && x.of != null && x.of - x.count > 0 && x.of - x.count < 10) small += 1;
              const shown = t.cells[row]![c]!;
              if (shown.count === null || shown.of == null) continue;
              const rest = shown.of - shown.count;
              const where = `${staff} staff, ${id} ${t.dimension} ${row} ${c}`;
              expect(rest === 0 || rest >= 10, `${where}: ${rest} not counted`).toBe(true);
            }
        });
      }
      // Each trust has such cells to protect.
      expect(small, `${staff} staff`).toBeGreaterThan(0);
    }
  });

  it("hides a count whose people not counted are few even when the count and its denominator are large", () => {
    // Surgery: 48 of its 50 BME staff trained. Neither figure is small, but 48 of 50 says 2 were not.
    const inPost = [
      ...staffMany(50, "bme", {}, { directorate: "Surgery" }),
      ...staffMany(100, "white", {}, { directorate: "Surgery" }),
      ...staffMany(60, "bme", {}, { directorate: "Medicine" }),
      ...staffMany(120, "white", {}, { directorate: "Medicine" }),
      ...staffMany(15, "unknown", {}, { directorate: "Medicine" }),
    ];
    const trained = (directorate: string, group: string, n: number) =>
      inPost
        .filter((s) => s.directorate === directorate && s.ethnicity.group === group)
        .slice(0, n)
        .map((s) => training(s.ethnicity.group, { personId: s.personId }));
    const courses = [
      ...trained("Surgery", "bme", 48),
      ...trained("Surgery", "white", 50),
      ...trained("Medicine", "bme", 30),
      ...trained("Medicine", "white", 60),
      ...trained("Medicine", "unknown", 5),
    ];
    const exactDoc = computeResults(dataset({ staff: inPost, training: courses, period: "2024/25" }), {
      period: "2024/25",
      breakdowns: true,
    });
    const surgeryBme = (doc: ResultsDocument) =>
      table(doc.indicators["4"] as RelativeLikelihoodResult, "directorate")!.cells.Surgery!.bme!;
    expect([surgeryBme(exactDoc).count, surgeryBme(exactDoc).of]).toEqual([48, 50]);

    const shown = surgeryBme(suppressResults(exactDoc, 10));
    expect(shown.count === null || shown.of === null, JSON.stringify(shown)).toBe(true);
    expect(shown.rate).toBeNull();
    // Shown at a threshold of 2, where 2 not counted is no longer a small number.
    expect(surgeryBme(suppressResults(exactDoc, 2))).toMatchObject({ count: 48, of: 50 });
  });

  it("protects an exact document whose breakdowns carry empty marks (nothing hidden) like any other", () => {
    // Read back from JSON, only marks tell a protected copy: an empty set of marks is not one.
    const marked = structuredClone(exact);
    for (const id of ["1", "2", "3", "4"]) {
      const t = tablesOf(marked, id)[0]!;
      for (const c of Object.values(t.cells[t.rows[0]!]!)) c.suppressed = {};
    }
    const shownDoc = suppressResults(marked, 10);
    const counts = (doc: ResultsDocument) =>
      ["1", "2", "3", "4"].flatMap((id) =>
        tablesOf(doc, id).flatMap((t) => t.rows.flatMap((row) => t.columns.map((c) => t.cells[row]![c]!.count))),
      );
    expect(counts(shownDoc).filter((x) => x !== null && x > 0 && x < 10)).toEqual([]);
    // The same cells hidden as without the marks.
    expect(counts(shownDoc)).toEqual(counts(published));
  });

  it("a likelihood within a row is shown only when its four figures are, rounded to 2 places", () => {
    const t = table(published.indicators["4"] as RelativeLikelihoodResult, "directorate")!;
    let shown = 0;
    for (const row of t.rows) {
      for (const [c, v] of Object.entries(t.likelihood![row]!)) {
        const four = [t.cells[row]![c]!, t.cells[row]!.white!].flatMap((x) => [x.count, x.of]);
        if (four.some((x) => x === null)) expect(v).toBeNull();
        if (v !== null) {
          shown += 1;
          expect(Math.round(v * 100) / 100).toBe(v);
        }
      }
    }
    expect(shown).toBeGreaterThan(0);
  });

  it("teams with no BME member: the count is published, the names only in the exact document", () => {
    const i1 = published.indicators["1"] as RepresentationResult;
    expect(i1.teamsWithoutFocus).toMatchObject({ names: null, suppressed: { names: "hidden" } });
    expect(i1.teamsWithoutFocus!.without).toBe(
      (exact.indicators["1"] as RepresentationResult).teamsWithoutFocus!.names!.length,
    );
    expect(JSON.stringify(published)).not.toContain("Payroll");
  });

  it("both documents match the published JSON Schema, and a schema-2 document without breakdowns still does", () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(RESULTS_SCHEMA);
    for (const doc of [exact, published])
      expect(validate(JSON.parse(JSON.stringify(doc))), JSON.stringify(validate.errors)).toBe(true);
    const old = JSON.parse(JSON.stringify(computeResults(dataset({ ...g }), { breakdowns: false })));
    old.schemaVersion = 2;
    expect(validate(old)).toBe(true);
    // A schema-2 copy protected again keeps reading (no breakdowns to protect).
    expect(suppressResults(old, 10).indicators["1"]).not.toHaveProperty("breakdowns");
  });
});

describe("breakdowns of small hand-made populations", () => {
  it("gives each cell of a likelihood's breakdown its rate, the total its own, and no rate over nobody", () => {
    const surgery = [1, 2, 3, 4].map(() => staff("white", { directorate: "Surgery" }));
    const surgeryBme = [1, 2].map(() => staff("bme", { directorate: "Surgery" }));
    const estates = [1, 2, 3].map(() => staff("white", { directorate: "Estates" }));
    const trained = [surgery[0]!, surgeryBme[0]!, ...estates].map((s) =>
      training(s.ethnicity.group, { personId: s.personId }),
    );
    const rl = computeResults(dataset({ staff: [...surgery, ...surgeryBme, ...estates], training: trained }))
      .indicators["4"] as RelativeLikelihoodResult;
    const t = table(rl, "directorate")!;
    expect(t.rows).toEqual(["Estates", "Surgery"]);
    expect(t.cells).toEqual({
      Estates: {
        white: { count: 3, of: 3, rate: 1 },
        bme: { count: 0, of: 0, rate: null },
        unknown: { count: 0, of: 0, rate: null },
        total: { count: 3, of: 3, rate: 1 },
      },
      Surgery: {
        white: { count: 1, of: 4, rate: 0.25 },
        bme: { count: 1, of: 2, rate: 0.5 },
        unknown: { count: 0, of: 0, rate: null },
        total: { count: 2, of: 6, rate: 2 / 6 },
      },
    });
    // White's rate over BME's within each directorate, for the BME column only.
    expect(t.likelihood).toEqual({ Estates: { bme: null }, Surgery: { bme: 0.5 } });
  });

  it("gives no breakdowns when the figures come from aggregate counts rather than rows", () => {
    const doc = computeResults(
      dataset({
        aggregates: [
          aggregate("staff", 500, 100, 10),
          aggregate("shortlisted", 80, 40, 5),
          aggregate("appointed", 20, 5, 1),
          aggregate("disciplinary", 10, 6, 0),
          aggregate("training", 200, 30, 2),
        ],
      }),
      { breakdowns: true },
    );
    for (const id of ["1", "2", "3", "4"]) {
      expect(doc.indicators[id], id).toBeDefined();
      expect(doc.indicators[id], id).not.toHaveProperty("breakdowns");
    }
  });

  it("still shows the one row of an ethnic breakdown when no applicant was shortlisted", () => {
    const rl = computeResults(
      dataset({ applications: [application("white", false, false), application("bme", false, false)] }),
    ).indicators["2"] as RelativeLikelihoodResult;
    const zero = { count: 0, of: 0, rate: null };
    expect(table(rl, "ethnic-group")!.rows).toEqual(["all"]);
    expect(table(rl, "ethnic-group")!.cells).toEqual({
      all: { white: zero, mixed: zero, asian: zero, black: zero, other: zero, unknown: zero, total: zero },
    });
    expect(table(rl, "ethnic-category")!.rows).toEqual(["all"]);
    expect(table(rl, "ethnic-category")!.cells).toEqual({ all: { unknown: zero, total: zero } });
  });

  it("breaks down by gender only, with no ethnic breakdowns, for a standard without them", () => {
    const none: Standard<"white", "bme"> = { ...WRES_STANDARD, breakdown: undefined };
    const i1 = computeResults(dataset({ staff: [staff("white", { gender: "F" }), staff("bme", { gender: "M" })] }), {
      standard: none,
    }).indicators["1"] as RepresentationResult;
    expect(i1.breakdowns!.map((t) => t.dimension)).toEqual(["gender"]);
    expect(table(i1, "gender")!.cells).toEqual({
      female: { white: { count: 1 }, bme: { count: 0 }, unknown: { count: 0 }, total: { count: 1 } },
      male: { white: { count: 0 }, bme: { count: 1 }, unknown: { count: 0 }, total: { count: 1 } },
    });
  });
});

describe("the ethnicity a case or training record is broken down by", () => {
  // One White member of staff whose case and training records say Black: records and staff in post can disagree.
  const person = staff("white");
  const own = { personId: person.personId, ethnicity: ethnicity("bme", "black") };
  const data = dataset({
    staff: [person, staff("bme")],
    cases: [disciplinary("bme", own)],
    training: [training("bme", own)],
  });
  const groupCounts = (rl: RelativeLikelihoodResult) => {
    const t = table(rl, "ethnic-group")!;
    return Object.fromEntries(t.columns.map((c) => [c, t.cells.all![c]!.count]));
  };

  it("is the record's own where the standard reads one from it, as its side is", () => {
    const doc = computeResults(data);
    for (const id of ["3", "4"]) {
      const rl = doc.indicators[id] as RelativeLikelihoodResult;
      expect(rl.bme.count, id).toBe(1);
      expect(groupCounts(rl), id).toMatchObject({ white: 0, black: 1, total: 1 });
    }
  });

  it("is staff in post's where the standard reads none from the record, as its side is", () => {
    // This standard tells a case's side from staff in post only; training records still by their own ethnicity.
    const casesByStaff: Standard<"white", "bme"> = {
      ...WRES_STANDARD,
      classify: { ...WRES_STANDARD.classify, case: undefined },
    };
    const doc = computeResults(data, { standard: casesByStaff });
    const cases = doc.indicators["3"] as RelativeLikelihoodResult;
    expect(cases.white.count).toBe(1);
    expect(groupCounts(cases)).toMatchObject({ white: 1, black: 0, total: 1 });
    const trainingRl = doc.indicators["4"] as RelativeLikelihoodResult;
    expect(trainingRl.bme.count).toBe(1);
    expect(groupCounts(trainingRl)).toMatchObject({ white: 0, black: 1, total: 1 });
  });
});
