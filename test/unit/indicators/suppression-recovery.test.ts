// Property: from a publishable copy, an attacker who knows every visible figure and how the figures are
// related (sums of rows and columns, percentages and rates of counts, differences, the Model Employer
// arithmetic) cannot work out any count below the threshold. The attacker repeats "one unknown in a
// relation: solve for it" until nothing changes, so chains of subtractions are covered, not only one.
// Covers indicator 1 (every cohort, band, unbanded, medical, senior and breakdown row), 2-4, the board (9),
// Model Employer and the staff data-completeness figures, for random workforces and inputs.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeResults, suppressResults, type ResultsDocument } from "../../../src/indicators";
import {
  AFC_BANDS,
  MEDICAL_SUBGROUPS,
  type AfcBand,
  type BroadEthnicity,
  type Cohort,
  type EthnicGroup,
  type MedicalSubgroup,
  type StaffRecord,
} from "../../../src/indicators";
import { applications, boardMember, dataset, disciplinary, ethnicity, staffMany, training } from "./fixtures";
import { recordsSum } from "./records-sum";

const SENIOR_8A: AfcBand[] = ["8a", "8b", "8c", "8d", "9", "VSM"];
const SENIOR_8C: AfcBand[] = ["8c", "8d", "9", "VSM"];
const GROUPS = ["white", "bme", "unknown"] as const;

/** value = scale * num / den (a percentage or rate of a count). */
type Relation =
  | { kind: "sum"; total: string; parts: string[] }
  | { kind: "ratio"; value: string; num: string; den: string }
  | { kind: "difference"; value: string; a: string; b: string }
  // Model Employer: needed = max(0, ceil(target% x headcount) - focus); with needed > 0 it gives focus back.
  | { kind: "needed"; needed: string; target: string; headcount: string; focus: string }
  // An RL and its interval: with the value, the interval and three of the four counts, the fourth follows.
  | { kind: "rl"; value: string; ci: string; counts: string[] };

type Json = Record<string, unknown>;

function at(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const p of path.split("/")) v = v !== null && typeof v === "object" ? (v as Json)[p] : undefined;
  return v;
}

/** Visible in the publishable copy: present, not null, not marked hidden. Virtual cells (never shown) start unknown. */
function visible(doc: ResultsDocument, path: string): boolean {
  if (path.startsWith("virtual:")) return false;
  const parts = path.split("/");
  const owner = at(doc, parts.slice(0, -1).join("/")) as Json | undefined;
  if (!owner) return false;
  const last = parts[parts.length - 1]!;
  const marks = owner.suppressed as Json | undefined;
  return owner[last] !== null && owner[last] !== undefined && marks?.[last] === undefined;
}

interface Model {
  relations: Relation[];
  /** Counts of people: the cells that must never be worked out when below the threshold. */
  counts: string[];
  /** Exact values, for cells that exist only in the attacker's model (e.g. shortlisted but not appointed). */
  virtual: Map<string, number>;
}

function countsRow(m: Model, path: string): void {
  m.relations.push({ kind: "sum", total: `${path}/total`, parts: GROUPS.map((g) => `${path}/${g}`) });
  for (const g of GROUPS)
    m.relations.push({ kind: "ratio", value: `${path}/${g}Pct`, num: `${path}/${g}`, den: `${path}/total` });
  m.counts.push(...GROUPS.map((g) => `${path}/${g}`), `${path}/total`);
}

function sumEach(m: Model, total: string | null, parts: (string | null)[]): void {
  const present = parts.filter((p): p is string => p !== null);
  if (total === null || present.length === 0) return;
  for (const f of [...GROUPS, "total"])
    m.relations.push({ kind: "sum", total: `${total}/${f}`, parts: present.map((p) => `${p}/${f}`) });
}

function model(exact: ResultsDocument, withRlValues: boolean): Model {
  const m: Model = { relations: [], counts: [], virtual: new Map() };
  const i1 = exact.indicators["1"];
  const R = "indicators/1";
  if (i1?.kind === "representation") {
    const has = (p: string) => at(exact, p) !== undefined && at(exact, p) !== null;
    const rows = (key: string, keys: readonly string[]) => keys.map((k) => `${R}/${key}/${k}`).filter(has);
    const nc = (b: string) => (has(`${R}/cohorts/non-clinical/${b}`) ? `${R}/cohorts/non-clinical/${b}` : null);
    const cl = (b: string) => (has(`${R}/cohorts/clinical/${b}`) ? `${R}/cohorts/clinical/${b}` : null);
    const band = (b: string) => (has(`${R}/bands/${b}`) ? `${R}/bands/${b}` : null);
    const medical = rows("cohorts/medical", MEDICAL_SUBGROUPS);
    const unbanded = rows("unbanded", ["non-clinical", "clinical", "medical"]);
    const all = [
      `${R}/overall`,
      ...rows("cohorts/non-clinical", AFC_BANDS),
      ...rows("cohorts/clinical", AFC_BANDS),
      ...medical,
      ...rows("bands", AFC_BANDS),
      ...unbanded,
      `${R}/senior/8a-VSM`,
      `${R}/senior/8c-VSM`,
      ...(has(`${R}/seniorMedicalManagers`) ? [`${R}/seniorMedicalManagers`] : []),
    ];
    for (const row of all) countsRow(m, row);
    sumEach(m, `${R}/overall`, [
      ...rows("cohorts/non-clinical", AFC_BANDS),
      ...rows("cohorts/clinical", AFC_BANDS),
      ...medical,
      ...unbanded,
    ]);
    sumEach(m, `${R}/overall`, [...rows("bands", AFC_BANDS), ...medical, ...unbanded]);
    for (const b of AFC_BANDS) sumEach(m, band(b), [nc(b), cl(b)]);
    sumEach(m, `${R}/senior/8a-VSM`, SENIOR_8A.map(band));
    sumEach(m, `${R}/senior/8c-VSM`, SENIOR_8C.map(band));
    sumEach(m, `${R}/senior/8a-VSM`, [band("8a"), band("8b"), `${R}/senior/8c-VSM`]);
    const bd = i1.breakdown;
    if (bd) {
      const side: Record<string, string> = { reference: "white", focus: "bme", unknown: "unknown" };
      const link = (counts: string, row: string) => {
        for (const s of ["reference", "focus", "unknown"]) {
          m.relations.push({
            kind: "sum",
            total: `${counts}/${side[s]}`,
            parts: bd.categories.filter((k) => (bd.sides[k] ?? "unknown") === s).map((k) => `${row}/${k}`),
          });
        }
        m.relations.push({ kind: "sum", total: `${counts}/total`, parts: bd.categories.map((k) => `${row}/${k}`) });
        m.counts.push(...bd.categories.map((k) => `${row}/${k}`));
      };
      link(`${R}/overall`, `${R}/breakdown/overall`);
      for (const b of AFC_BANDS) if (bd.bands[b] && band(b)) link(`${R}/bands/${b}`, `${R}/breakdown/bands/${b}`);
      link(`${R}/senior/8a-VSM`, `${R}/breakdown/senior`);
      for (const k of bd.categories) {
        const parts = SENIOR_8A.filter((b) => bd.bands[b]).map((b) => `${R}/breakdown/bands/${b}/${k}`);
        m.relations.push({ kind: "sum", total: `${R}/breakdown/senior/${k}`, parts });
      }
    }
    // Data completeness repeats the staff table's unknown count and its share of all records.
    if (exact.dataQuality.inputs.staff) {
      m.relations.push({ kind: "sum", total: "dataQuality/inputs/staff/unknown", parts: [`${R}/overall/unknown`] });
      m.relations.push({ kind: "sum", total: "dataQuality/inputs/staff/records", parts: [`${R}/overall/total`] });
      m.relations.push({
        kind: "ratio",
        value: "dataQuality/inputs/staff/unknownPct",
        num: "dataQuality/inputs/staff/unknown",
        den: "dataQuality/inputs/staff/records",
      });
      m.counts.push("dataQuality/inputs/staff/unknown");
    }
  }

  for (const id of ["2", "3", "4"]) {
    const rl = exact.indicators[id];
    if (rl?.kind !== "relative-likelihood") continue;
    const P = `indicators/${id}`;
    for (const g of ["white", "bme"] as const) {
      const f = rl[g];
      // The part of the denominator not counted is not shown, but of - count gives it.
      const rest = `virtual:${id}/${g}/rest`;
      if (f.count !== null && f.of !== null) m.virtual.set(rest, f.of - f.count);
      m.relations.push({ kind: "sum", total: `${P}/${g}/of`, parts: [`${P}/${g}/count`, rest] });
      m.relations.push({ kind: "ratio", value: `${P}/${g}/rate`, num: `${P}/${g}/count`, den: `${P}/${g}/of` });
      m.counts.push(`${P}/${g}/count`, `${P}/${g}/of`, rest);
      // Indicators 3 and 4 take their denominators from staff in post: indicator 1's overall count (one year here).
      if (rl.denominator === "staff" && rl.years.length <= 1)
        m.relations.push({ kind: "sum", total: `${P}/${g}/of`, parts: [`${R}/overall/${g}`] });
    }
    // Data completeness shows the input's records and unknowns: where records = the two groups + unknowns, a sum.
    const records = recordsSum(exact, rl, P);
    if (records) {
      const Q = records.input;
      m.relations.push({ kind: "sum", total: records.total, parts: records.parts });
      m.relations.push({ kind: "ratio", value: `${Q}/unknownPct`, num: `${Q}/unknown`, den: `${Q}/records` });
      m.counts.push(`${Q}/unknown`);
    }
    if (withRlValues) {
      const [num, den] = rl.numerator === "focus" ? ["bme", "white"] : ["white", "bme"];
      m.relations.push({ kind: "ratio", value: `${P}/value`, num: `${P}/${num}/rate`, den: `${P}/${den}/rate` });
      m.relations.push({
        kind: "rl",
        value: `${P}/value`,
        ci: `${P}/ci95`,
        counts: ["white", "bme"].flatMap((g) => [`${P}/${g}/count`, `${P}/${g}/of`]),
      });
    }
  }

  const board = exact.indicators["9"];
  if (board?.kind === "board-difference") {
    for (const kind of ["voting", "executive"]) {
      const P = `indicators/9/${kind}`;
      countsRow(m, `${P}/members`);
      m.relations.push({
        kind: "ratio",
        value: `${P}/boardBmePct`,
        num: `${P}/members/bme`,
        den: `${P}/members/total`,
      });
      m.relations.push({ kind: "sum", total: `${P}/workforceBmePct`, parts: [`${R}/overall/bmePct`] });
      m.relations.push({
        kind: "difference",
        value: `${P}/difference`,
        a: `${P}/boardBmePct`,
        b: `${P}/workforceBmePct`,
      });
    }
  }

  const me = exact.related.modelEmployer;
  if (me) {
    me.bands.forEach((b, i) => {
      const P = `related/modelEmployer/bands/${i}`;
      m.relations.push({ kind: "sum", total: `${P}/headcount`, parts: [`${R}/bands/${b.band}/total`] });
      m.relations.push({ kind: "sum", total: `${P}/focus`, parts: [`${R}/bands/${b.band}/bme`] });
      m.relations.push({ kind: "sum", total: `${P}/targetPct`, parts: [`${R}/overall/bmePct`] });
      m.relations.push({ kind: "ratio", value: `${P}/focusPct`, num: `${P}/focus`, den: `${P}/headcount` });
      m.relations.push({ kind: "difference", value: `${P}/gapPct`, a: `${P}/targetPct`, b: `${P}/focusPct` });
      m.relations.push({
        kind: "needed",
        needed: `${P}/needed`,
        target: `${P}/targetPct`,
        headcount: `${P}/headcount`,
        focus: `${P}/focus`,
      });
      m.counts.push(`${P}/headcount`, `${P}/focus`);
    });
  }
  return m;
}

/** Everything the attacker can work out, with the first derivation of each (for the failure message). */
function attack(exact: ResultsDocument, published: ResultsDocument, m: Model): Map<string, string> {
  const value = (p: string): unknown => (p.startsWith("virtual:") ? m.virtual.get(p) : at(exact, p));
  const known = new Map<string, string>();
  const cells = new Set<string>();
  for (const r of m.relations) {
    const members =
      r.kind === "sum"
        ? [r.total, ...r.parts]
        : r.kind === "ratio"
          ? [r.value, r.num, r.den]
          : r.kind === "difference"
            ? [r.value, r.a, r.b]
            : r.kind === "needed"
              ? [r.needed, r.target, r.headcount, r.focus]
              : [r.value, r.ci, ...r.counts];
    for (const c of members) cells.add(c);
  }
  for (const c of cells) if (visible(published, c)) known.set(c, "visible");
  const isKnown = (c: string) => known.has(c);
  const learn = (c: string, how: string) => {
    if (isKnown(c)) return false;
    known.set(c, how);
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of m.relations) {
      switch (r.kind) {
        case "sum": {
          const members = [r.total, ...r.parts];
          const unknown = members.filter((c) => !isKnown(c));
          if (unknown.length === 1) changed = learn(unknown[0]!, `sum ${r.total} = ${r.parts.join(" + ")}`) || changed;
          break;
        }
        case "ratio": {
          const v = value(r.value);
          if (v === null || v === undefined) break; // not calculable (0 of 0): says nothing
          if (isKnown(r.num) && isKnown(r.den)) changed = learn(r.value, "ratio") || changed;
          if (isKnown(r.value) && isKnown(r.den)) changed = learn(r.num, `${r.value} x ${r.den}`) || changed;
          if (isKnown(r.value) && isKnown(r.num) && v !== 0) changed = learn(r.den, `${r.num} / ${r.value}`) || changed;
          break;
        }
        case "difference": {
          const unknown = [r.value, r.a, r.b].filter((c) => !isKnown(c));
          if (unknown.length === 1 && value(r.value) !== null)
            changed = learn(unknown[0]!, `difference ${r.value} = ${r.a} - ${r.b}`) || changed;
          break;
        }
        case "needed": {
          const needed = value(r.needed);
          if (isKnown(r.target) && isKnown(r.headcount) && isKnown(r.focus))
            changed = learn(r.needed, "needed") || changed;
          if (
            typeof needed === "number" &&
            needed > 0 &&
            isKnown(r.needed) &&
            isKnown(r.target) &&
            isKnown(r.headcount)
          )
            changed = learn(r.focus, `ceil(${r.target} x ${r.headcount}) - ${r.needed}`) || changed;
          break;
        }
        case "rl": {
          if (!isKnown(r.value) || !isKnown(r.ci)) break;
          const unknown = r.counts.filter((c) => !isKnown(c));
          if (unknown.length === 1) changed = learn(unknown[0]!, `${r.value} and its interval`) || changed;
          break;
        }
      }
    }
  }
  return known;
}

const small = (v: unknown, threshold: number) => typeof v === "number" && v > 0 && v < threshold;

describe("suppression: no count below the threshold can be worked out from a publishable copy", () => {
  const broad = fc.constantFrom<BroadEthnicity>("mixed", "asian", "black", "other");
  const place = fc.oneof(
    fc.record({
      cohort: fc.constantFrom<Cohort>("non-clinical", "clinical"),
      band: fc.constantFrom<AfcBand | null>("2", "5", "6", "8a", "8b", "8c", "9", "VSM", null),
    }),
    fc.record({
      cohort: fc.constant<Cohort>("medical"),
      band: fc.constant(null),
      medical: fc.constantFrom<MedicalSubgroup | null>("consultant", "trainee", "non-consultant-career-grade", null),
      smm: fc.boolean(),
    }),
  );
  const staffCell = fc.record({
    group: fc.constantFrom<EthnicGroup>("white", "bme", "unknown"),
    broad,
    place,
    n: fc.integer({ min: 0, max: 25 }),
  });
  const pair = fc.record({
    white: fc.integer({ min: 0, max: 30 }),
    bme: fc.integer({ min: 0, max: 30 }),
    unknown: fc.integer({ min: 0, max: 5 }),
  });
  const appsOf = fc.record({ shortlisted: pair, appointedShare: fc.double({ min: 0, max: 1, noNaN: true }) });
  const boardOf = fc.array(
    fc.record({
      group: fc.constantFrom<EthnicGroup>("white", "bme", "unknown"),
      voting: fc.boolean(),
      executive: fc.boolean(),
    }),
    { maxLength: 20 },
  );

  it("holds for random staff, applications, cases, training and boards, with every ratio the copy shows", () => {
    fc.assert(
      fc.property(
        fc.array(staffCell, { minLength: 1, maxLength: 25 }),
        appsOf,
        fc.record({ cases: fc.integer({ min: 0, max: 30 }), training: fc.integer({ min: 0, max: 60 }) }),
        boardOf,
        fc.integer({ min: 2, max: 15 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1_000_000 }),
        (cells, apps, events, boardRows, threshold, hideRates, seed) => {
          const staff: StaffRecord[] = cells.flatMap((c) =>
            staffMany(c.n, c.group, c.place, {
              ethnicity: ethnicity(c.group, c.group === "bme" ? c.broad : undefined),
              seniorMedicalManager: "smm" in c.place && c.place.smm && c.place.medical === "consultant",
            }),
          );
          // A workforce smaller than the threshold cannot be published at all: its record count is its total.
          fc.pre(staff.length >= threshold);
          // Cases and training for people picked from staff in post (a deterministic walk from the seed).
          const pick = (n: number, salt: number) =>
            Array.from(
              { length: Math.min(n, staff.length) },
              (_, i) => staff[(seed + salt + i * 7919) % staff.length]!,
            );
          const applicationRows = (["white", "bme", "unknown"] as const).flatMap((g) =>
            applications(g, apps.shortlisted[g], Math.floor(apps.shortlisted[g] * apps.appointedShare)),
          );
          const doc = computeResults(
            dataset({
              staff,
              applications: applicationRows,
              cases: pick(events.cases, 1).map((s) =>
                disciplinary("unknown", { personId: s.personId, ethnicity: s.ethnicity }),
              ),
              training: pick(events.training, 2).map((s) =>
                training("unknown", { personId: s.personId, ethnicity: s.ethnicity }),
              ),
              board: boardRows.map((b) => boardMember(b.group, b.voting, b.executive)),
              period: "2024/25",
            }),
          );
          // Board composition protected like any other table here (published in full, it is shown on purpose).
          const published = suppressResults(doc, threshold, { publishBoardComposition: false });
          void hideRates;
          const m = model(doc, true);
          const valueOf = (p: string) => (p.startsWith("virtual:") ? m.virtual.get(p) : at(doc, p));
          // Primary: no visible count of people is below the threshold (every row: cohorts, unbanded, senior, board...).
          const shownSmall = m.counts.filter((c) => visible(published, c) && small(valueOf(c), threshold));
          expect(shownSmall, "visible counts below the threshold").toEqual([]);
          // Secondary: nor can one be worked out, by any chain of subtractions, percentages or differences.
          const known = attack(doc, published, m);
          const recovered = m.counts
            .filter((c) => known.has(c) && small(valueOf(c), threshold))
            .map((c) => `${c} = ${String(valueOf(c))} (${known.get(c)})`);
          expect(recovered, "counts below the threshold worked out from the publishable copy").toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it("the attacker is not toothless: on the exact document it finds the small counts", () => {
    const staff = [
      ...staffMany(40, "white", { band: "5" }),
      ...staffMany(3, "bme", { band: "5" }),
      ...staffMany(30, "white", { band: "8a" }),
    ];
    const doc = computeResults(
      dataset({
        staff,
        board: [
          ...Array.from({ length: 10 }, () => boardMember("white", true, true)),
          boardMember("bme", true, true),
          boardMember("bme", true, false),
        ],
      }),
    );
    // Pretend the exact document were published: the attacker sees the 3 and the board's 2, and works out more.
    const m = model(doc, false);
    const known = attack(doc, doc, m);
    expect(known.get("indicators/1/bands/5/bme")).toBe("visible");
    expect(known.has("indicators/9/voting/members/bme")).toBe(true);
    // With only the board's BME count hidden but its percentage shown, the percentage gives it back.
    const leaky = structuredClone(doc);
    const members = (leaky.indicators["9"] as { voting: { members: Record<string, unknown> } }).voting.members;
    members.bme = null;
    members.suppressed = { bme: "primary" };
    expect(attack(doc, leaky, m).get("indicators/9/voting/members/bme")).toMatch(
      /x indicators\/9\/voting\/members\/total|sum/,
    );
  });
});
