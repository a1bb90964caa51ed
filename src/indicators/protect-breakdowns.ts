// Breakdowns through the disclosure control of docs/disclosure-control.md (section "Breakdowns"). A breakdown
// repeats its population's figures cut finer, so its cells are linked by sums to the indicator's own figures
// and to each other: a row adds up to its total; a column, over the rows, to the organisation's figure; the
// ethnic groups on a side to that side's count; the specific categories to their group; ethnic group by
// gender to gender's sides and to the ethnic groups. All the breakdowns of one population are protected
// together with its own figures (one set of sums, one audit), so differencing two breakdowns of the same
// people gives nothing away either.
import type {
  BreakdownCell,
  BreakdownTable,
  Fraction,
  InputCompleteness,
  RelativeLikelihoodResult,
  RepresentationResult,
  SuppressionMark,
} from "./types";
import type { SumConstraint } from "./protect";
import { protectAroundFixed } from "./protect-linked";
import { ALL_ROW, TOTAL_COLUMN } from "./breakdowns";

type Obj = Record<string, unknown> & { suppressed?: Partial<Record<string, SuppressionMark>> };
/** A cell of the sums: an object and the field holding the count. */
export type CellRef = [Obj, string];
/** Adds one sum: total = the parts. */
export type Relate = (total: CellRef, parts: CellRef[]) => void;

const HIDDEN: SuppressionMark = "hidden";

const isHidden = (obj: { suppressed?: Partial<Record<string, unknown>> } | null | undefined, field: string) =>
  obj?.suppressed?.[field] !== undefined;

function hide(obj: Obj, field: string): void {
  obj[field] = null;
  obj.suppressed = { ...obj.suppressed, [field]: HIDDEN };
}

const ethnicColumns = (t: BreakdownTable) => t.columns.filter((c) => c !== TOTAL_COLUMN);
const cell = (t: BreakdownTable, row: string, column: string) => t.cells[row]?.[column] as unknown as Obj | undefined;

/**
 * The sums linking a population's breakdowns to each other and to its own figures, for `field` ("count", or
 * "of" for a measure with its own denominator). `org(column)` is the population's own figure for a side's column
 * ("white", "bme", "unknown", "total"), when it is published.
 */
export function relateBreakdowns(
  tables: readonly BreakdownTable[],
  field: "count" | "of",
  org: (column: string) => CellRef | null,
  relate: Relate,
): void {
  const find = (d: string) => tables.find((t) => t.dimension === d);
  const group = find("ethnic-group");
  const groupAll = (k: string): CellRef | null => {
    const c = group ? cell(group, ALL_ROW, k) : undefined;
    return c ? [c, field] : null;
  };
  const present = (refs: (CellRef | null)[]) => refs.filter((r): r is CellRef => r !== null && r[0] !== undefined);
  for (const t of tables) {
    const ethnic = ethnicColumns(t);
    // Each row adds up to its total.
    for (const row of t.rows) {
      const total = cell(t, row, TOTAL_COLUMN);
      if (total)
        relate(
          [total, field],
          present(
            ethnic.map((c) => {
              const x = cell(t, row, c);
              return x ? [x, field] : null;
            }),
          ),
        );
    }
    const sideColumns = (row: string, side: string) =>
      present(
        ethnic
          .filter((c) => t.sides[c] === side)
          .map((c) => {
            const x = cell(t, row, c);
            return x ? [x, field] : null;
          }),
      );
    switch (t.dimension) {
      case "ethnic-group": {
        // The groups on a side add up to the side's figure; the total is the population's.
        for (const [side, column] of sideNames(t)) {
          const o = org(column);
          if (o) relate(o, sideColumns(ALL_ROW, side));
        }
        const o = org(TOTAL_COLUMN);
        const total = cell(t, ALL_ROW, TOTAL_COLUMN);
        if (o && total) relate(o, [[total, field]]);
        break;
      }
      case "ethnic-category": {
        // The specific categories add up to their group.
        for (const g of new Set(Object.values(t.parents ?? {}))) {
          const parent = groupAll(g);
          if (parent)
            relate(
              parent,
              present(
                ethnic
                  .filter((c) => t.parents?.[c] === g)
                  .map((c) => {
                    const x = cell(t, ALL_ROW, c);
                    return x ? [x, field] : null;
                  }),
              ),
            );
        }
        const total = cell(t, ALL_ROW, TOTAL_COLUMN);
        const gt = groupAll(TOTAL_COLUMN);
        if (total && gt) relate(gt, [[total, field]]);
        break;
      }
      case "ethnic-group-gender": {
        // Each gender's groups on a side add up to that gender's side figure; each group, over the genders, to the group's.
        const gender = find("gender");
        for (const row of t.rows) {
          if (!gender) break;
          for (const [side, column] of sideNames(gender)) {
            const g = cell(gender, row, column);
            if (g) relate([g, field], sideColumns(row, side));
          }
          const gt = cell(gender, row, TOTAL_COLUMN);
          const mine = cell(t, row, TOTAL_COLUMN);
          if (gt && mine) relate([gt, field], [[mine, field]]);
        }
        for (const c of t.columns) {
          const parent = groupAll(c);
          if (parent)
            relate(
              parent,
              present(
                t.rows.map((row) => {
                  const x = cell(t, row, c);
                  return x ? [x, field] : null;
                }),
              ),
            );
        }
        break;
      }
      default: {
        // Gender, directorate, division, staff group: each column over the rows is the population's figure.
        for (const c of t.columns) {
          const o = org(c);
          if (o)
            relate(
              o,
              present(
                t.rows.map((row) => {
                  const x = cell(t, row, c);
                  return x ? [x, field] : null;
                }),
              ),
            );
        }
      }
    }
  }
}

/** A side-split table's columns as [side, column]: the side's column name is the column itself. */
function sideNames(t: BreakdownTable): [string, string][] {
  const out = new Map<string, string>();
  // In a side-split table each side has one column; in an ethnic-group table the side's figure is named by the
  // population's side column, which the caller's org() knows by side name.
  for (const c of ethnicColumns(t)) {
    const side = t.sides[c]!;
    if (t.dimension === "ethnic-group" || t.dimension === "ethnic-group-gender") out.set(side, `side:${side}`);
    else out.set(side, c);
  }
  return [...out.entries()];
}

/**
 * Protects the breakdowns of a relative likelihood (a copy already protected for its own figures): count
 * cells (and, for a measure with its own denominator, denominator cells) with their sums, the indicator's
 * own figures as totals. Denominators from staff in post are indicator 1's breakdown cells (times the years):
 * hidden where those are. Returns how many figures it hid.
 */
export function protectLikelihoodBreakdowns(
  out: RelativeLikelihoodResult<string, string>,
  exact: RelativeLikelihoodResult<string, string>,
  names: { reference: string; focus: string },
  input: { out: InputCompleteness | undefined; exact: InputCompleteness | undefined },
  staffTables: readonly BreakdownTable[] | undefined,
  threshold: number,
): number | null {
  const tables = out.breakdowns;
  const exactTables = exact.breakdowns;
  if (!tables || !exactTables) return 0;
  const own = out.denominator === "own";
  const fields: ("count" | "of")[] = own ? ["count", "of"] : ["count"];
  // Cells by object and field; values are the exact ones (a hidden cell of the copy is null).
  const refs: CellRef[] = [];
  const values: number[] = [];
  const preset: boolean[] = [];
  const index = new Map<Obj, Map<string, number>>();
  const at = (ref: CellRef, value: number): number => {
    let m = index.get(ref[0]);
    if (!m) index.set(ref[0], (m = new Map()));
    let i = m.get(ref[1]);
    if (i === undefined) {
      i = refs.length;
      m.set(ref[1], i);
      refs.push(ref);
      values.push(value);
      preset.push(isHidden(ref[0], ref[1]));
    }
    return i;
  };
  const exactCell = new Map<Obj, Obj>();
  tables.forEach((t, k) => {
    const e = exactTables[k]!;
    for (const row of t.rows) for (const c of t.columns) exactCell.set(cell(t, row, c)!, cell(e, row, c)!);
  });
  const constraints: SumConstraint[] = [];
  const valueOf = (ref: CellRef): number => {
    const e = exactCell.get(ref[0]);
    return ((e ?? ref[0])[ref[1]] as number | null) ?? 0;
  };
  const relate: Relate = (total, parts) => {
    if (parts.length === 0) return;
    constraints.push({ total: at(total, valueOf(total)), parts: parts.map((p) => at(p, valueOf(p))) });
  };
  const orgObjs = new Set<Obj>();
  const exactFraction = (side: string) => (exact as unknown as Record<string, Fraction>)[side]!;
  for (const field of fields) {
    const orgRef = (column: string): CellRef | null => {
      const side = column.startsWith("side:")
        ? column.slice(5)
        : column === names.reference
          ? "reference"
          : column === names.focus
            ? "focus"
            : column;
      if (side === "reference" || side === "focus") {
        const fr = (out as unknown as Record<string, Fraction>)[names[side]]! as unknown as Obj;
        orgObjs.add(fr);
        exactCell.set(fr, exactFraction(names[side]) as unknown as Obj);
        return [fr, field];
      }
      // The unknown and total figures are published only where the input's record count is exactly the
      // measure's people (every row counted once): then records and its unknowns are those totals.
      const q = input.out as unknown as Obj | undefined;
      const qe = input.exact;
      const key = own ? "of" : "count";
      if (!q || !qe || field !== key || qe.records === null || qe.unknown === null) return null;
      const sides = [exactFraction(names.reference)[key], exactFraction(names.focus)[key]];
      if (sides.some((x) => x === null) || qe.records !== sides[0]! + sides[1]! + qe.unknown) return null;
      orgObjs.add(q);
      exactCell.set(q, qe as unknown as Obj);
      if (side === "unknown") return [q, "unknown"];
      if (side === TOTAL_COLUMN) return [q, "records"];
      return null;
    };
    relateBreakdowns(tables, field, orgRef, relate);
    // The sum the fixed figures obey among themselves (records = unknowns + the two groups), so the audit
    // solves for a hidden one of them as an attacker would.
    const records = orgRef(TOTAL_COLUMN);
    const unknown = orgRef("unknown");
    if (records && unknown) relate(records, [unknown, orgRef("side:reference")!, orgRef("side:focus")!]);
  }
  // Every cell is in the table, in a sum or not (a cell in no published sum is still hidden when small).
  for (const t of tables)
    for (const row of t.rows)
      for (const c of t.columns)
        for (const field of fields) at([cell(t, row, c)!, field], valueOf([cell(t, row, c)!, field]));
  // Primary suppression the sums do not know: a cell whose people not counted (denominator minus count, e.g.
  // staff without a case) are a small number, and a denominator hidden in indicator 1.
  const staffHidden = (t: BreakdownTable, row: string, column: string) => {
    const s = staffTables?.find((x) => x.dimension === t.dimension);
    return isHidden(s?.cells[row]?.[column] as Obj | undefined, "count");
  };
  tables.forEach((t, k) => {
    const e = exactTables[k]!;
    for (const row of t.rows) {
      for (const c of t.columns) {
        const o = cell(t, row, c)!;
        const x = e.cells[row]![c]!;
        if (!own && staffHidden(t, row, c) && !isHidden(o, "of")) hide(o, "of");
        const rest = x.count !== null && x.of !== null && x.of !== undefined ? x.of - x.count : null;
        const ofHidden =
          isHidden(o, "of") || (own && x.of !== undefined && x.of !== null && x.of > 0 && x.of < threshold);
        if (rest !== null && rest > 0 && rest < threshold && !ofHidden) {
          const i = at([o, "count"], x.count ?? 0);
          preset[i] = true;
        }
      }
    }
  });
  // The indicator's own figures (protected already, with the input's records and unknowns) are fixed: never
  // hidden or shown here. A breakdown cell that is one of them again (White in "all") is fixed with it.
  const fixed = refs.map(([obj]) => orgObjs.has(obj));
  const tableOf = new Map<Obj, string>();
  for (const t of tables)
    for (const row of Object.values(t.cells))
      for (const c of Object.values(row)) tableOf.set(c as unknown as Obj, t.dimension);
  const table = refs.map(([obj]) => tableOf.get(obj) ?? null);
  const hidden = protectAroundFixed({ values, constraints, fixed, preset, table }, threshold);
  if (hidden === null) return null;
  let n = 0;
  hidden.forEach((h, i) => {
    const [obj, field] = refs[i]!;
    if (!h || isHidden(obj, field)) return;
    hide(obj, field);
    n += 1;
    // A hidden unknown count of an input takes its share with it.
    if (field === "unknown" && "unknownPct" in obj) hide(obj, "unknownPct");
  });
  // Rates and likelihoods go with any count or denominator they come from.
  for (const t of tables) {
    const ref = ethnicColumns(t).find((c) => t.sides[c] === "reference" && t.likelihood !== undefined);
    for (const row of t.rows) {
      for (const c of t.columns) {
        const o = cell(t, row, c)! as unknown as BreakdownCell & Obj;
        if (isHidden(o, "count") || isHidden(o, "of")) hide(o, "rate");
      }
      const l = t.likelihood?.[row];
      if (!l || ref === undefined) continue;
      const base = cell(t, row, ref)!;
      for (const c of Object.keys(l)) {
        const o = cell(t, row, c)!;
        if ([base, o].some((x) => isHidden(x, "count") || isHidden(x, "of"))) l[c] = null;
        else if (l[c] !== null) l[c] = Math.round(l[c]! * 100 + 1e-9) / 100;
      }
    }
  }
  return n;
}

/** Indicator 1's breakdowns as sums for its own table (suppress.ts adds them to indicator 1's protection). */
export function relateStaffBreakdowns(
  rep: RepresentationResult<string, string>,
  names: { reference: string; focus: string },
  relate: Relate,
): void {
  const tables = rep.breakdowns;
  if (!tables) return;
  const overall = rep.overall as unknown as Obj;
  const org = (column: string): CellRef | null => {
    const side = column.startsWith("side:") ? column.slice(5) : null;
    if (side === "reference" || side === "focus") return [overall, names[side]];
    if (side === "unknown") return [overall, "unknown"];
    return [overall, column];
  };
  relateBreakdowns(tables, "count", org, relate);
  // The ethnic groups of the whole workforce are the breakdown of indicator 1 already published (schema 2).
  const group = tables.find((t) => t.dimension === "ethnic-group");
  const old = rep.breakdown?.overall as unknown as Obj | undefined;
  if (group && old)
    for (const k of ethnicColumns(group)) if (k in old) relate([old, k], [[cell(group, ALL_ROW, k)!, "count"]]);
}

/** Whether a result carries hidden marks anywhere (it is a protected copy, whatever its document says). */
export function hasHiddenMarks(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasHiddenMarks);
  if (node === null || typeof node !== "object") return false;
  const rec = node as Record<string, unknown>;
  if (rec.suppressed && typeof rec.suppressed === "object" && Object.keys(rec.suppressed).length > 0) return true;
  return Object.values(rec).some(hasHiddenMarks);
}

/** Teams with no focus-group member: the count is published, the names never (docs/disclosure-control.md#teams). */
export function protectTeams(rep: RepresentationResult<string, string>): void {
  const t = rep.teamsWithoutFocus;
  if (t && t.names !== null) {
    t.names = null;
    t.suppressed = { names: HIDDEN };
  }
}
