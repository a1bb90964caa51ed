// The attacker of docs/disclosure-control.md. Given every publishable output of a run (the protected JSON,
// the Markdown report, the results workbook, the rows saved to SharePoint and what the tab shows from
// them, and last year's protected copy for the comparison) and the structural facts anyone knows (rows and
// columns add up; so do the data quality's row counts, which repeat the records, the bank workers' too; rates
// are counts over denominators; the relative likelihood and its Katz interval are functions of the four
// counts; a hidden figure is a whole number, 0 or more), it works out every hidden count's feasible values
// with an integer linear programme (src/indicators/feasible.ts). No hidden count may have fewer than the
// threshold's width of possible values, for synthetic trusts of 200 to 20,000 staff, several seeds, and
// thresholds 5, 10 and 20.
//
// Ratios, percentages and intervals are checked the strong way: none is published when any count it is
// computed from is hidden, so they are functions of visible figures and tell the attacker nothing more.
// The other outputs are checked to publish no figure that the protected JSON does not.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import {
  computeResults,
  renderMarkdown,
  suppressResults,
  headlineValue,
  type ResultsDocument,
} from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook";
import { generateTrust } from "../../../src/demo/trust";
import { AFC_BANDS, MEDICAL_SUBGROUPS, type AfcBand } from "../../../src/indicators";
import { resultsWorkbook } from "../../../src/reports/results-xlsx";
import { formatHeadline } from "../../../src/ui/indicators/headline";
import { rowsToSave, savedResults } from "../../../src/ui/indicators/saved-results";
import { trendTable } from "../../../src/ui/indicators/trend";
import type { IndicatorNumber, IndicatorResultRow } from "../../../src/plan/types";
import { feasibleRanges, type Equation } from "../../../src/indicators/feasible";
import { INPUT_OF_SHEET } from "../../../src/indicators/quality";
import { recordsSum } from "./records-sum";

type Json = Record<string, unknown>;
const SENIOR_8A: AfcBand[] = ["8a", "8b", "8c", "8d", "9", "VSM"];
const SENIOR_8C: AfcBand[] = ["8c", "8d", "9", "VSM"];
const FIELDS = ["total", "white", "bme", "unknown"] as const;

function at(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const p of path.split("/")) v = v !== null && typeof v === "object" ? (v as Json)[p] : undefined;
  return v;
}

/** Shown in the protected copy: a number, not marked hidden. */
function shown(doc: unknown, path: string): boolean {
  const parts = path.split("/");
  const owner = at(doc, parts.slice(0, -1).join("/")) as Json | undefined;
  const last = parts[parts.length - 1]!;
  if (!owner || owner[last] === null || owner[last] === undefined) return false;
  return (owner.suppressed as Json | undefined)?.[last] === undefined;
}

/** A linear fact: sum of coef x cell = constant, or sum of coef x cell >= 0 (inequality). */
interface Fact {
  terms: [string, number][];
  constant: number;
  inequality?: boolean;
}

/** The structural facts anyone knows, as linear relations between count cells (paths into the document). */
function structure(exact: ResultsDocument): { facts: Fact[]; counts: string[]; derived: [string, string[]][] } {
  const facts: Fact[] = [];
  const counts = new Set<string>();
  const derived: [string, string[]][] = [];
  const has = (p: string) => typeof at(exact, p) === "number";
  const sum = (total: string, parts: string[]) => {
    const present = parts.filter(has);
    if (!has(total) || present.length === 0) return;
    facts.push({ terms: [[total, 1], ...present.map((p): [string, number] => [p, -1])], constant: 0 });
  };
  const row = (p: string) => {
    if (!has(`${p}/total`)) return;
    for (const f of FIELDS) counts.add(`${p}/${f}`);
    sum(
      `${p}/total`,
      ["white", "bme", "unknown"].map((f) => `${p}/${f}`),
    );
    for (const f of ["white", "bme", "unknown"]) derived.push([`${p}/${f}Pct`, [`${p}/${f}`, `${p}/total`]]);
  };
  const each = (total: string, parts: string[]) => {
    for (const f of FIELDS)
      sum(
        `${total}/${f}`,
        parts.filter((p) => has(`${p}/total`)).map((p) => `${p}/${f}`),
      );
  };
  const R = "indicators/1";
  const i1 = exact.indicators["1"];
  if (i1?.kind === "representation") {
    const nc = AFC_BANDS.map((b) => `${R}/cohorts/non-clinical/${b}`);
    const cl = AFC_BANDS.map((b) => `${R}/cohorts/clinical/${b}`);
    const md = MEDICAL_SUBGROUPS.map((m) => `${R}/cohorts/medical/${m}`);
    const bands = AFC_BANDS.map((b) => `${R}/bands/${b}`);
    const unbanded = ["non-clinical", "clinical", "medical"].map((c) => `${R}/unbanded/${c}`);
    for (const p of [
      `${R}/overall`,
      ...nc,
      ...cl,
      ...md,
      ...bands,
      ...unbanded,
      `${R}/senior/8a-VSM`,
      `${R}/senior/8c-VSM`,
      `${R}/seniorMedicalManagers`,
    ])
      row(p);
    each(`${R}/overall`, [...nc, ...cl, ...md, ...unbanded]);
    each(`${R}/overall`, [...bands, ...md, ...unbanded]);
    AFC_BANDS.forEach((b, i) => each(bands[i]!, [nc[i]!, cl[i]!]));
    each(
      `${R}/senior/8a-VSM`,
      SENIOR_8A.map((b) => `${R}/bands/${b}`),
    );
    each(
      `${R}/senior/8c-VSM`,
      SENIOR_8C.map((b) => `${R}/bands/${b}`),
    );
    // Senior medical managers are consultants: at most as many, group by group.
    if (has(`${R}/seniorMedicalManagers/total`))
      for (const f of FIELDS)
        facts.push({
          terms: [
            [`${R}/cohorts/medical/consultant/${f}`, 1],
            [`${R}/seniorMedicalManagers/${f}`, -1],
          ],
          constant: 0,
          inequality: true,
        });
    const bd = i1.breakdown;
    if (bd) {
      const side: Record<string, string> = { reference: "white", focus: "bme", unknown: "unknown" };
      const link = (countsPath: string, rowPath: string) => {
        if (!has(`${countsPath}/total`) || at(exact, rowPath) === undefined) return;
        for (const k of bd.categories) counts.add(`${rowPath}/${k}`);
        for (const s of ["reference", "focus", "unknown"])
          sum(
            `${countsPath}/${side[s]}`,
            bd.categories.filter((k) => (bd.sides[k] ?? "unknown") === s).map((k) => `${rowPath}/${k}`),
          );
        sum(
          `${countsPath}/total`,
          bd.categories.map((k) => `${rowPath}/${k}`),
        );
      };
      link(`${R}/overall`, `${R}/breakdown/overall`);
      for (const b of AFC_BANDS) link(`${R}/bands/${b}`, `${R}/breakdown/bands/${b}`);
      link(`${R}/senior/8a-VSM`, `${R}/breakdown/senior`);
      for (const k of bd.categories)
        sum(
          `${R}/breakdown/senior/${k}`,
          SENIOR_8A.map((b) => `${R}/breakdown/bands/${b}/${k}`),
        );
    }
    breakdownFacts(exact, i1, R, (p) => `${R}/overall/${p}`, "count", sum, counts);
    // Data completeness repeats the staff table's headcount and unknown count.
    const q = exact.dataQuality.inputs.staff;
    if (q) {
      counts.add("dataQuality/inputs/staff/unknown");
      if (q.records === i1.overall.total) sum("dataQuality/inputs/staff/records", [`${R}/overall/total`]);
      if (q.unknown === i1.overall.unknown) sum("dataQuality/inputs/staff/unknown", [`${R}/overall/unknown`]);
    }
  }
  for (const [name, q] of Object.entries(exact.dataQuality.inputs)) {
    if (!q) continue;
    counts.add(`dataQuality/inputs/${name}/unknown`);
    counts.add(`dataQuality/inputs/${name}/records`);
    derived.push([
      `dataQuality/inputs/${name}/unknownPct`,
      [`dataQuality/inputs/${name}/unknown`, `dataQuality/inputs/${name}/records`],
    ]);
  }
  exact.dataQuality.sheets.forEach((s, i) => {
    if (s.kind && INPUT_OF_SHEET[s.kind])
      derived.push([
        `dataQuality/sheets/${i}/unknownEthnicityPct`,
        [`dataQuality/inputs/${INPUT_OF_SHEET[s.kind]}/unknown`, `dataQuality/sheets/${i}/rowsUsed`],
      ]);
  });

  for (const [id, rl] of Object.entries(exact.indicators)) {
    if (rl?.kind !== "relative-likelihood") continue;
    const P = `indicators/${id}`;
    const four: string[] = [];
    for (const g of ["white", "bme"] as const) {
      counts.add(`${P}/${g}/count`);
      counts.add(`${P}/${g}/of`);
      four.push(`${P}/${g}/count`, `${P}/${g}/of`);
      derived.push([`${P}/${g}/rate`, [`${P}/${g}/count`, `${P}/${g}/of`]]);
      // No more events than people.
      if (has(`${P}/${g}/of`))
        facts.push({
          terms: [
            [`${P}/${g}/of`, 1],
            [`${P}/${g}/count`, -1],
          ],
          constant: 0,
          inequality: true,
        });
      // Indicators 3 and 4 take their denominators from staff in post (times the years pooled).
      if (rl.denominator === "staff" && has(`${P}/${g}/of`))
        facts.push({
          terms: [
            [`${P}/${g}/of`, 1],
            [`${R}/overall/${g}`, -Math.max(1, rl.years.length)],
          ],
          constant: 0,
        });
    }
    derived.push([`${P}/value`, four], [`${P}/ci95`, four], [`${P}/significant`, four], [`${P}/adverse`, four]);
    // Breakdowns: the same sums, with the measure's own figures as totals (unknown and total are the input's
    // unknowns and records where those are exactly the measure's people); denominators are indicator 1's
    // breakdown cells times the years pooled, or (applications) a table of their own; no more events than people.
    if (rl.breakdowns) {
      const nameOf = rl.measure === "applications" ? "applications" : rl.measure;
      const keyOf = rl.measure === "applications" ? "of" : "count";
      const qi = exact.dataQuality.inputs[nameOf];
      const exactTotal =
        qi &&
        qi.unknown !== null &&
        rl.white[keyOf] !== null &&
        rl.bme[keyOf] !== null &&
        qi.records === rl.white[keyOf]! + rl.bme[keyOf]! + qi.unknown;
      for (const field of rl.denominator === "own" ? (["count", "of"] as const) : (["count"] as const)) {
        const org = (c: string) =>
          c === "white" || c === "bme"
            ? `${P}/${c}/${field}`
            : exactTotal && field === keyOf
              ? `dataQuality/inputs/${nameOf}/${c === "total" ? "records" : "unknown"}`
              : null;
        breakdownFacts(exact, rl, P, org, field, sum, counts);
      }
      rl.breakdowns.forEach((t, k) => {
        const staffTable =
          i1?.kind === "representation" ? i1.breakdowns?.findIndex((x) => x.dimension === t.dimension) : -1;
        for (const row of t.rows) {
          for (const c of t.columns) {
            const cp = `${P}/breakdowns/${k}/cells/${row}/${c}`;
            counts.add(`${cp}/of`);
            derived.push([`${cp}/rate`, [`${cp}/count`, `${cp}/of`]]);
            if (has(`${cp}/of`))
              facts.push({
                terms: [
                  [`${cp}/of`, 1],
                  [`${cp}/count`, -1],
                ],
                constant: 0,
                inequality: true,
              });
            if (rl.denominator === "staff" && staffTable !== undefined && staffTable >= 0) {
              facts.push({
                terms: [
                  [`${cp}/of`, 1],
                  [`${R}/breakdowns/${staffTable}/cells/${row}/${c}/count`, -Math.max(1, rl.years.length)],
                ],
                constant: 0,
              });
            }
          }
          const ref = t.columns.find((c) => t.sides[c] === "reference");
          for (const c of Object.keys(t.likelihood?.[row] ?? {})) {
            const cells = [c, ref!].flatMap((x) => [
              `${P}/breakdowns/${k}/cells/${row}/${x}/count`,
              `${P}/breakdowns/${k}/cells/${row}/${x}/of`,
            ]);
            derived.push([`${P}/breakdowns/${k}/likelihood/${row}/${c}`, cells]);
          }
        }
      });
    }
    // Where an input's records are exactly the measure's two groups plus its unknowns, that is a sum too.
    const records = recordsSum(exact, rl, P);
    if (records) sum(records.total, records.parts);
  }
  for (const [id, s] of Object.entries(exact.indicators)) {
    if (s?.kind !== "survey") continue;
    const P = `indicators/${id}`;
    counts.add(`${P}/whiteRespondents`);
    counts.add(`${P}/bmeRespondents`);
    derived.push(
      [`${P}/whitePct`, [`${P}/whiteRespondents`]],
      [`${P}/bmePct`, [`${P}/bmeRespondents`]],
      [`${P}/gap`, [`${P}/whiteRespondents`, `${P}/bmeRespondents`]],
    );
  }
  const board = exact.indicators["9"];
  if (board?.kind === "board-difference") {
    for (const kind of ["voting", "executive"]) {
      const P = `indicators/9/${kind}`;
      row(`${P}/members`);
      derived.push([`${P}/boardBmePct`, [`${P}/members/bme`, `${P}/members/total`]]);
      derived.push([`${P}/workforceBmePct`, [`${R}/overall/bme`, `${R}/overall/total`]]);
      derived.push([
        `${P}/difference`,
        [`${P}/members/bme`, `${P}/members/total`, `${R}/overall/bme`, `${R}/overall/total`],
      ]);
    }
  }
  const me = exact.related.modelEmployer;
  if (me) {
    derived.push(["related/modelEmployer/targetPct", [`${R}/overall/bme`, `${R}/overall/total`]]);
    me.bands.forEach((b, i) => {
      const P = `related/modelEmployer/bands/${i}`;
      counts.add(`${P}/headcount`);
      counts.add(`${P}/focus`);
      sum(`${P}/headcount`, [`${R}/bands/${b.band}/total`]);
      sum(`${P}/focus`, [`${R}/bands/${b.band}/bme`]);
      const all = [`${P}/focus`, `${P}/headcount`, `${R}/overall/bme`, `${R}/overall/total`];
      derived.push(
        [`${P}/targetPct`, all.slice(2)],
        [`${P}/focusPct`, all.slice(0, 2)],
        [`${P}/gapPct`, all],
        [`${P}/needed`, all],
        [`${P}/neededPerYear`, all],
      );
    });
  }
  const rd = exact.related.raceDisparity;
  if (rd) {
    rd.ratios.forEach((r, i) => {
      const cells = [...rd.tiers[r.from], ...rd.tiers[r.to]].flatMap((b) =>
        ["white", "bme", "total"].map((f) => `${R}/bands/${b}/${f}`),
      );
      derived.push([`related/raceDisparity/ratios/${i}/value`, cells.filter(has)]);
    });
  }
  return { facts, counts: [...counts].filter(has), derived };
}

/**
 * The sums a population's breakdowns obey, written from what the tables mean: each row adds up to its total;
 * a side-split column over the rows is the population's figure; ethnic groups on a side add up to it; specific
 * categories to their group; ethnic group by gender to gender's sides and, over the genders, to the groups.
 */
function breakdownFacts(
  exact: ResultsDocument,
  result: { breakdowns?: import("../../../src/indicators").BreakdownTable[]; breakdown?: unknown },
  P: string,
  org: (column: string) => string | null,
  field: "count" | "of",
  sum: (total: string, parts: string[]) => void,
  counts: Set<string>,
): void {
  const tables = result.breakdowns ?? [];
  const path = (k: number, row: string, c: string) => `${P}/breakdowns/${k}/cells/${row}/${c}/${field}`;
  const find = (d: string) => tables.findIndex((t) => t.dimension === d);
  const group = find("ethnic-group");
  const sideCol: Record<string, string> = { reference: "white", focus: "bme", unknown: "unknown" };
  tables.forEach((t, k) => {
    const ethnic = t.columns.filter((c) => c !== "total");
    for (const row of t.rows) {
      for (const c of t.columns) counts.add(path(k, row, c));
      sum(
        path(k, row, "total"),
        ethnic.map((c) => path(k, row, c)),
      );
    }
    const onSide = (row: string, side: string) => ethnic.filter((c) => t.sides[c] === side).map((c) => path(k, row, c));
    const orgSum = (c: string, parts: string[]) => {
      const o = org(c);
      if (o) sum(o, parts);
    };
    if (t.dimension === "ethnic-group") {
      for (const side of ["reference", "focus", "unknown"]) orgSum(sideCol[side]!, onSide("all", side));
      orgSum("total", [path(k, "all", "total")]);
      // The schema-2 breakdown of indicator 1 is the same figures.
      const old = (result.breakdown as { overall?: Record<string, unknown> } | undefined)?.overall;
      if (old && field === "count")
        for (const c of ethnic) if (c in old) sum(`${P}/breakdown/overall/${c}`, [path(k, "all", c)]);
    } else if (t.dimension === "ethnic-category") {
      for (const g of new Set(Object.values(t.parents ?? {})))
        sum(
          path(group, "all", g),
          ethnic.filter((c) => t.parents![c] === g).map((c) => path(k, "all", c)),
        );
      sum(path(group, "all", "total"), [path(k, "all", "total")]);
    } else if (t.dimension === "ethnic-group-gender") {
      const gender = find("gender");
      for (const row of t.rows) {
        for (const side of ["reference", "focus", "unknown"]) sum(path(gender, row, sideCol[side]!), onSide(row, side));
        sum(path(gender, row, "total"), [path(k, row, "total")]);
      }
      for (const c of t.columns)
        sum(
          path(group, "all", c),
          t.rows.map((row) => path(k, row, c)),
        );
    } else {
      for (const c of t.columns)
        orgSum(
          c,
          t.rows.map((row) => path(k, row, c)),
        );
    }
  });
  void exact;
}

/**
 * The data quality's row counts and what they repeat, as the reader counts them (src/workbook/records): each
 * row read is used or excluded for one reason; the totals are the sheets' sums; a sheet's rows used are its
 * input's records; a sheet's "bank-only" rows are its bank workers' rows, which the bank copy's records of that
 * input are at most (one per bank worker for staff and training, one per case of a bank worker still in post;
 * a repeated row or a leaver's is a row too), and in these trusts exactly. Each fact is written only where it
 * holds in the exact document. The row counts are unknowns where hidden, not judged themselves: each is hidden
 * for a count it repeats, and that count is judged.
 */
function rowFacts(exact: ResultsDocument): { facts: Fact[]; cells: string[] } {
  const facts: Fact[] = [];
  const cells = new Set<string>();
  const value = (p: string) => at(exact, p) as number;
  const add = (terms: [string, number][], inequality = false) => {
    if (!terms.every(([p]) => typeof at(exact, p) === "number")) return;
    const lhs = terms.reduce((a, [p, c]) => a + c * value(p), 0);
    if (inequality ? lhs >= 0 : lhs === 0) facts.push({ terms, constant: 0, ...(inequality ? { inequality } : {}) });
  };
  const sum = (total: string, parts: string[]) => add([[total, 1], ...parts.map((p): [string, number] => [p, -1])]);
  const dq = exact.dataQuality;
  const bySheet = new Map<string, string[]>();
  dq.sheets.forEach((s, i) => {
    const S = `dataQuality/sheets/${i}`;
    const reasons = Object.keys(s.exclusions).map((r) => `${S}/exclusions/${r}`);
    for (const c of [`${S}/rowsRead`, `${S}/rowsUsed`, `${S}/rowsExcluded`, ...reasons]) cells.add(c);
    sum(`${S}/rowsRead`, [`${S}/rowsUsed`, `${S}/rowsExcluded`]);
    sum(`${S}/rowsExcluded`, reasons);
    for (const r of Object.keys(s.exclusions)) bySheet.set(r, [...(bySheet.get(r) ?? []), `${S}/exclusions/${r}`]);
  });
  const reasons = Object.keys(dq.exclusions).map((r) => `dataQuality/exclusions/${r}`);
  for (const c of ["dataQuality/rowsExcluded", ...reasons]) cells.add(c);
  sum("dataQuality/rowsExcluded", reasons);
  for (const [r, parts] of bySheet) sum(`dataQuality/exclusions/${r}`, parts);
  // Rows used are the input's records (an aggregate sheet's records are its counts, not its rows).
  for (const kind of ["staff", "recruitment", "cases", "training", "board"]) {
    const sheets = dq.sheets.flatMap((s, i) => (s.kind === kind ? [`dataQuality/sheets/${i}`] : []));
    if (sheets.length === 0) continue;
    sum(
      `dataQuality/inputs/${INPUT_OF_SHEET[kind]}/records`,
      sheets.map((S) => `${S}/rowsUsed`),
    );
    if (!["staff", "cases", "training"].includes(kind) || !exact.bank) continue;
    const bankOnly = sheets.map((S) => `${S}/exclusions/bank-only`).filter((p) => typeof at(exact, p) === "number");
    const records = `bank/dataQuality/inputs/${INPUT_OF_SHEET[kind]}/records`;
    if (bankOnly.length === 0) continue;
    const terms = bankOnly.map((p): [string, number] => [p, 1]);
    const before = facts.length;
    add([...terms, [records, -1]]);
    if (facts.length === before) add([...terms, [records, -1]], true);
  }
  return { facts, cells: [...cells] };
}

/** The structural facts of a document and of its bank copy (paths under "bank/"), with the row counts joining them. */
function everything(exact: ResultsDocument): ReturnType<typeof structure> & { rows: string[] } {
  const { facts, counts, derived } = structure(exact);
  const rows = rowFacts(exact);
  facts.push(...rows.facts);
  if (exact.bank) {
    const bank = structure(exact.bank);
    const b = (p: string) => `bank/${p}`;
    facts.push(...bank.facts.map((f) => ({ ...f, terms: f.terms.map(([p, c]): [string, number] => [b(p), c]) })));
    counts.push(...bank.counts.map(b));
    derived.push(...bank.derived.map(([f, deps]): [string, string[]] => [b(f), deps.map(b)]));
  }
  return { facts, counts, derived, rows: rows.cells };
}

interface Finding {
  cell: string;
  exact: number;
  min: number;
  max: number;
}

/** Every hidden count's feasible range from the protected copy and the structural facts. */
function attack(
  exact: ResultsDocument,
  published: ResultsDocument,
): { findings: Finding[]; hidden: number; leaks: string[]; rowUnknowns: number } {
  const { facts, counts, derived, rows } = everything(exact);
  // A ratio, percentage or interval shown while a count it is computed from is hidden would be a further
  // (non-linear) equation on that count: the attacker would use it. None may be shown.
  const leaks = derived
    .filter(
      ([figure, deps]) =>
        shown(published, figure) && deps.some((d) => typeof at(exact, d) === "number" && !shown(published, d)),
    )
    .map(([f]) => f);
  const hidden = counts.filter((c) => !shown(published, c));
  // The copy's total of rows excluded leaves out the bank-only rows where it drops that reason (it is then the
  // sum of the reasons listed): the total itself is unknown, and the copy's is it less the bank-only rows.
  const total = "dataQuality/rowsExcluded";
  const shownTotal = at(published, total) as number;
  const leftOut = (at(exact, total) as number) - shownTotal;
  if (leftOut !== 0) {
    const bankOnly = "dataQuality/exclusions/bank-only";
    if (leftOut !== at(exact, bankOnly) || shown(published, bankOnly))
      throw new Error(`the total of rows excluded leaves out ${leftOut} rows, not the bank-only ones`);
    facts.push({
      terms: [
        [total, 1],
        [bankOnly, -1],
      ],
      constant: shownTotal,
    });
  }
  const unknown = [...hidden, ...rows.filter((c) => !shown(published, c) || (c === total && leftOut !== 0))];
  const index = new Map(unknown.map((c, i) => [c, i]));
  let variables = unknown.length;
  const equations: Equation[] = [];
  for (const f of facts) {
    const terms: [number, number][] = [];
    let rhs = f.constant;
    for (const [cell, coef] of f.terms) {
      const i = index.get(cell);
      if (i === undefined) {
        const v = at(published, cell);
        if (typeof v !== "number") throw new Error(`${cell} is neither shown nor hidden`);
        rhs -= coef * v;
      } else terms.push([i, coef]);
    }
    if (f.inequality) terms.push([variables++, -1]); // sum - slack = rhs, slack >= 0
    if (terms.length > 0) equations.push({ terms, rhs });
  }
  // Solve each group of linked hidden cells on its own.
  const parent = Array.from({ length: variables }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const e of equations) for (const [v] of e.terms.slice(1)) parent[find(v)] = find(e.terms[0]![0]);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < variables; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  const findings: Finding[] = [];
  for (const members of groups.values()) {
    const local = new Map(members.map((v, i) => [v, i]));
    const eqs = equations
      .filter((e) => local.has(e.terms[0]![0]))
      .map((e) => ({ rhs: e.rhs, terms: e.terms.map(([v, c]): [number, number] => [local.get(v)!, c]) }));
    const targets = members.map((v, i) => [v, i] as const).filter(([v]) => v < hidden.length);
    if (targets.length === 0) continue;
    const ranges = feasibleRanges(
      members.length,
      eqs,
      targets.map(([, i]) => i),
    );
    if (ranges === null) throw new Error("the published figures contradict the structural facts");
    targets.forEach(([v], k) => {
      const r = ranges[k]!;
      const min = r.integral ? r.min : Math.ceil(r.min - 1e-9);
      const max = r.integral ? r.max : Math.floor(r.max + 1e-9);
      findings.push({ cell: hidden[v]!, exact: at(exact, hidden[v]!) as number, min, max });
    });
  }
  return { findings, hidden: hidden.length, leaks, rowUnknowns: unknown.length - hidden.length };
}

/** Every number written in a text, as it is written ("1,234", "12.5", "0.80"). */
function numbersIn(text: string): string[] {
  return text.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
}

/** What the protected JSON publishes, written as the outputs write figures (and every plain number in it). */
function publishedTexts(doc: ResultsDocument): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "number") {
      for (const x of [v, Math.abs(v), v * 100, Math.abs(v) * 100]) {
        out.add(String(x));
        out.add(x.toLocaleString("en-GB"));
        for (const p of [0, 1, 2]) out.add(x.toFixed(p));
      }
    } else if (typeof v === "string") for (const n of numbersIn(v)) out.add(n);
    else if (v && typeof v === "object") for (const x of Object.values(v)) walk(x);
  };
  walk(doc);
  return out;
}

/** Numbers the outputs write that are not figures: bands, years, question and indicator numbers, thresholds. */
function structuralText(text: string): string {
  return text
    .replace(/\b(?:Band|band) \d+[a-d]?\b/g, "")
    .replace(/\b8[a-d](?:-VSM)?\b/g, "")
    .replace(/\b(?:19|20)\d\d(?:\/\d\d)?\b/g, "")
    .replace(/\d{4}-\d\d-\d\d/g, "")
    .replace(/\bQ\d+[a-z]?\b/gi, "")
    .replace(/\b12 months\b/g, "")
    .replace(/\b(?:Indicator|indicator|Indicators) \d(?:-\d)?\b/g, "")
    .replace(/\d+(?:\.\d+)?-\d+(?:\.\d+)?(?=\))/g, (m) => m.replace("-", " "));
}

const THRESHOLDS = [5, 10, 20];
// 50 trusts from 200 to 20,000 staff (log-spaced), each with its own seed; a further seed for some sizes.
const SIZES = Array.from({ length: 50 }, (_, i) => Math.round(200 * 100 ** (i / 49)));
const TRUSTS = SIZES.map((staff, i) => ({ staff, seed: 1000 + i * 7 }));

function run(staff: number, seed: number, year: string, breakdowns = true): ResultsDocument {
  const trust = generateTrust({ staff, seed, year, compression: 1 });
  return computeResults(readWorkbooks(trust.files), { period: year, breakdowns });
}

/** Attacks the protected copies of some trusts; returns what it found, for the tests below to judge. */
function attackTrusts(trusts: typeof TRUSTS, breakdowns: boolean) {
  const narrow: string[] = [];
  const leaks: string[] = [];
  let hiddenCells = 0;
  let checked = 0;
  let breakdownCells = 0;
  let bankCells = 0;
  let rowCells = 0;
  trusts.forEach(({ staff, seed }, t) => {
    const exact = run(staff, seed, "2024/25", breakdowns);
    for (const threshold of THRESHOLDS) {
      // Board composition protected too, for every fifth trust (it is one small table of its own).
      for (const publishBoardComposition of threshold === 10 && t % 5 === 0 ? [true, false] : [true]) {
        const published = suppressResults(exact, threshold, { publishBoardComposition });
        // The bank workers' figures (a document of their own inside it, under "bank/") are attacked with it.
        const result = attack(exact, published);
        hiddenCells += result.hidden;
        checked += result.findings.length;
        bankCells += result.findings.filter((f) => f.cell.startsWith("bank/")).length;
        rowCells += result.rowUnknowns;
        leaks.push(
          ...result.leaks.map(
            (l) => `${staff} staff, seed ${seed}, threshold ${threshold}: ${l} shown from a hidden count`,
          ),
        );
        for (const f of result.findings) {
          if (f.max - f.min + 1 < threshold)
            narrow.push(
              `${staff} staff, seed ${seed}, threshold ${threshold}: ${f.cell} = ${f.exact}, feasible ${f.min}..${f.max}`,
            );
        }
        breakdownCells += result.findings.filter((f) => f.cell.includes("/breakdowns/")).length;
        // A sheet's "bank-only" rows repeat the bank copy's records of that input: never shown when those are hidden.
        for (const s of published.dataQuality.sheets) {
          const input =
            s.kind === "cases" ? "cases" : s.kind === "training" ? "training" : s.kind === "staff" ? "staff" : null;
          const q = input ? published.bank?.dataQuality.inputs[input] : undefined;
          if (q?.records === null && s.exclusions["bank-only"] !== undefined)
            leaks.push(
              `${staff} staff, threshold ${threshold}: sheet ${s.sheet} shows bank-only rows of hidden bank ${input}`,
            );
        }
        // Nothing below the threshold is shown (board composition only when it is published in full).
        const bankCounts = exact.bank ? structure(exact.bank).counts.map((c) => `bank/${c}`) : [];
        const counts = [...structure(exact).counts, ...bankCounts];
        const shownSmall = counts.filter(
          (c) =>
            shown(published, c) &&
            !(
              publishBoardComposition &&
              (c.startsWith("indicators/9/") || c.startsWith("dataQuality/inputs/board/"))
            ) &&
            (at(published, c) as number) > 0 &&
            (at(published, c) as number) < threshold,
        );
        expect(shownSmall, `${staff} staff, threshold ${threshold}`).toEqual([]);
      }
    }
  });
  return { narrow, leaks, hiddenCells, checked, breakdownCells, bankCells, rowCells };
}

describe("disclosure control holds against an attacker with every publishable output", () => {
  it("no hidden count of a protected copy has fewer than the threshold's width of possible values (50 trusts, 3 thresholds)", () => {
    // Without breakdowns here (the next test adds them): their sums join everything into one large programme
    // per trust, which fifty trusts at three thresholds would take far too long to solve.
    const { narrow, leaks, hiddenCells, checked, bankCells, rowCells } = attackTrusts(TRUSTS, false);
    expect(leaks).toEqual([]);
    expect(narrow).toEqual([]);
    // The attacker had work to do: plenty of hidden cells across the runs, the bank workers' among them, and
    // sheets' row counts hidden with the records they repeat.
    expect(hiddenCells).toBeGreaterThan(1000);
    expect(checked).toBe(hiddenCells);
    expect(bankCells).toBeGreaterThan(100);
    expect(rowCells).toBeGreaterThan(500);
  }, 300_000);

  it("with every breakdown (ethnic group and category, gender, ethnic group x gender, directorate, staff group) of indicators 1 to 4 as well (5 trusts, 3 thresholds)", () => {
    const { narrow, leaks, hiddenCells, checked, breakdownCells } = attackTrusts(
      TRUSTS.filter((_, i) => i % 10 === 0),
      true,
    );
    expect(leaks).toEqual([]);
    expect(narrow).toEqual([]);
    expect(checked).toBe(hiddenCells);
    // The breakdowns made the attacker work: many of the hidden cells are theirs.
    expect(breakdownCells).toBeGreaterThan(500);
  }, 600_000);

  it("the attacker is not toothless: on the old rules (one cell to protect a small one) it pins counts", () => {
    // A row of 11 with a 1 and a 10: hiding just the pair leaves "total 11 = a + b", which with "a is 1-9"
    // (the old two marks) pinned both. With one mark and the range rule the pair's sum must reach the threshold.
    const exact = run(400, 3, "2024/25");
    const published = suppressResults(exact, 10);
    // Un-hide one of every hidden pair in a sum: the attacker must now pin cells.
    const weakened = structuredClone(published) as unknown as Json;
    const { counts } = structure(exact);
    const hiddenNow = counts.filter((c) => !shown(published, c));
    for (const c of hiddenNow.filter((_, i) => i % 2 === 0)) {
      const parts = c.split("/");
      const owner = at(weakened, parts.slice(0, -1).join("/")) as Json;
      owner[parts.at(-1)!] = at(exact, c);
      delete (owner.suppressed as Json)[parts.at(-1)!];
    }
    const result = attack(exact, weakened as unknown as ResultsDocument);
    expect(result.findings.filter((f) => f.min === f.max).length).toBeGreaterThan(0);
    // ...and a ratio shown from a hidden count is caught.
    const rl = structuredClone(published);
    const exactRl = exact.indicators["3"]!;
    if (exactRl.kind === "relative-likelihood" && rl.indicators["3"]?.kind === "relative-likelihood") {
      rl.indicators["3"].value = exactRl.value;
      rl.indicators["3"].ci95 = exactRl.ci95;
      const hasHidden = ["white", "bme"].some((g) => !shown(rl, `indicators/3/${g}/count`));
      if (hasHidden) expect(attack(exact, rl).leaks).toContain("indicators/3/value");
    }
  }, 60_000);

  it("the attacker is not toothless about rows excluded: a total that kept the bank-only rows (before hideBankRepeats left them out) gives the hidden bank case count", () => {
    const { staff, seed } = TRUSTS[26]!;
    const exact = run(staff, seed, "2024/25", false);
    const published = suppressResults(exact, 10);
    const cell = "bank/dataQuality/inputs/cases/records";
    expect(shown(published, cell)).toBe(false);
    expect(attack(exact, published).findings.find((f) => f.cell === cell)!.max).toBeGreaterThanOrEqual(10);
    // The total less the reasons listed gives the bank-only rows; less the staff and training sheets' shown, the cases'.
    const old = structuredClone(published);
    old.dataQuality.rowsExcluded = exact.dataQuality.rowsExcluded;
    const found = attack(exact, old).findings.find((f) => f.cell === cell)!;
    expect([found.min, found.max]).toEqual([found.exact, found.exact]);
  }, 60_000);

  it("the Markdown report, the results workbook, the saved rows and the tab's trend publish nothing the protected JSON does not", async () => {
    for (const { staff, seed } of [TRUSTS[0]!, TRUSTS[12]!, TRUSTS[30]!]) {
      const exact = run(staff, seed, "2024/25");
      for (const threshold of THRESHOLDS) {
        const published = suppressResults(exact, threshold);
        const allowed = publishedTexts(published);
        // The threshold, and parity (1.00), which the notes name.
        for (const n of [String(threshold), "1.00"]) allowed.add(n);
        const stray = (where: string, text: string) =>
          numbersIn(structuralText(text))
            .filter((n) => !allowed.has(n) && !allowed.has(n.replace(/,/g, "")))
            .map((n) => `${where}: ${n}`);
        // Markdown: given the exact document it protects it itself, with the same result.
        const md = renderMarkdown(published);
        expect(stray("markdown", md)).toEqual([]);
        if (threshold === 10) expect(renderMarkdown(exact)).toBe(md);
        expect(md).not.toMatch(/<\d/); // no second mark
        // The workbook: every number and every text cell.
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await resultsWorkbook(published)) as unknown as ArrayBuffer);
        const strays: string[] = [];
        wb.eachSheet((ws) =>
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              const v = cell.value;
              if (typeof v === "number") {
                if (!allowed.has(String(v))) strays.push(`${ws.name}!${cell.address}: ${v}`);
              } else if (typeof v === "string") strays.push(...stray(`${ws.name}!${cell.address}`, v));
            }),
          ),
        );
        expect(strays).toEqual([]);
        // The rows saved to SharePoint carry the protected results as they are, and read back the same.
        const rows = rowsToSave(published, "2024/25").map((r, i): IndicatorResultRow => ({
          ...r,
          id: i + 1,
          etag: "1",
          modified: "2025-05-01T00:00:00Z",
        }));
        // The bank workers' rows are saved under their own standard, from the bank copy.
        const docOf = (standard: string) => (standard === published.standard ? published : published.bank!);
        expect(new Set(rows.map((r) => r.standard))).toEqual(new Set(["nhs-england-wres", "nhs-england-wres-bank"]));
        for (const r of rows) {
          const { publication, ...detail } = JSON.parse(r.detail) as Json;
          void publication;
          const doc = docOf(r.standard);
          expect(detail).toEqual(JSON.parse(JSON.stringify(doc.indicators[String(r.indicator)])));
          expect(r.value).toBe(headlineValue(doc.indicators[String(r.indicator)]!, doc.groups));
        }
        const back = savedResults(rows)!;
        expect(JSON.parse(JSON.stringify(back.doc.indicators))).toEqual(
          JSON.parse(JSON.stringify(published.indicators)),
        );
        const bankBack = savedResults(rows, "nhs-england-wres-bank")!;
        expect(JSON.parse(JSON.stringify(bankBack.doc.indicators))).toEqual(
          JSON.parse(JSON.stringify(published.bank!.indicators)),
        );
        // The trend table shows each saved headline, formatted from the protected value.
        for (const trendRow of [...trendTable(rows).rows, ...trendTable(rows, "nhs-england-wres-bank").rows]) {
          for (const c of trendRow.cells) {
            if (!c) continue;
            expect(stray("trend", formatHeadline(trendRow.indicator as IndicatorNumber, c.value))).toEqual([]);
          }
        }
      }
    }
  }, 120_000);

  it("year on year: last year's figures and the changes in this year's copy are no more than last year's protected copy shows", () => {
    for (const { staff, seed } of TRUSTS.filter((_, i) => i % 10 === 0)) {
      const previousExact = run(staff, seed + 1, "2023/24");
      const trust = generateTrust({ staff, seed, year: "2024/25", compression: 1 });
      const exact = computeResults(readWorkbooks(trust.files), { period: "2024/25", previous: previousExact });
      for (const threshold of THRESHOLDS) {
        const published = suppressResults(exact, threshold, { previous: previousExact });
        const previous = suppressResults(previousExact, threshold);
        // Without last year's document, last year's figures are not repeated at all.
        expect(
          suppressResults(exact, threshold).comparison?.items.every((i) => i.previous === null && i.change === null),
        ).toBe(true);
        // The bank workers' comparison is with last year's bank copy, by the same rule.
        expect(published.bank?.comparison?.items.length).toBeGreaterThan(0);
        const pairs: [ResultsDocument, ResultsDocument][] = [
          [published, previous],
          [published.bank!, previous.bank!],
        ];
        for (const [item, thisYear, lastYear] of pairs.flatMap(([p, q]) =>
          (p.comparison?.items ?? []).map((i) => [i, p, q] as const),
        )) {
          const path = `indicators/${item.indicator}/${item.measure.replaceAll(".", "/")}`;
          // This year's figure is the one this copy shows; last year's, the one last year's copy showed.
          if (item.current !== null) expect(at(thisYear, path), `${staff} staff, ${path} this year`).toBe(item.current);
          if (item.previous !== null)
            expect(at(lastYear, path), `${staff} staff, ${path} last year`).toBe(item.previous);
          // A change is shown only with both years (else change and one year would give the other).
          if (item.change !== null) expect(item.current !== null && item.previous !== null).toBe(true);
          expect(item).not.toHaveProperty("counts");
        }
      }
    }
  }, 120_000);
});
