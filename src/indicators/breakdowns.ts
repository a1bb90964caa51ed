// Breakdowns (docs/wres-method.md#breakdowns): an indicator's population counted by ethnic group, by the
// specific ethnic categories, by gender, by ethnic group and gender together, and by directorate, division and
// staff group where staff in post carries them. The records counted are exactly the indicator's own (the
// likelihood measures visit them, likelihood.ts), so every breakdown adds up to the indicator's figures:
// rows to the organisation's, ethnic groups to their side, specific categories to their group.
import type { ApplicationRecord, CaseRecord, Ethnicity, StaffRecord, TrainingRecord } from "./input";
import type { BreakdownCell, BreakdownDimension, BreakdownTable, Side, TeamsWithoutFocus } from "./types";
import type { Context } from "./context";
import { likelihoodCounts, type RlDefinition } from "./likelihood";
import { relativeLikelihood } from "./stats";

/** Row of an ethnic breakdown of the whole population. */
export const ALL_ROW = "all";
/** Row of the records without a value (no gender, directorate... recorded, or not in staff in post). */
export const NOT_RECORDED_ROW = "";
export const TOTAL_COLUMN = "total";

export const GENDERS = ["female", "male", "other", "unknown"] as const;

/** ESR and most HR systems write Female/Male (or F/M); anything else stated is "other"; blank or not stated is "unknown". */
export function genderKey(raw: string | null | undefined): (typeof GENDERS)[number] {
  const t = (raw ?? "").trim().toLowerCase();
  if (t === "f" || t === "female" || t === "woman" || t === "women") return "female";
  if (t === "m" || t === "male" || t === "man" || t === "men") return "male";
  if (t === "" || /^(u|unknown|not (stated|known|recorded|declared)|prefer not.*|undisclosed|not disclosed|z)$/.test(t))
    return "unknown";
  return "other";
}

type Attribute = "directorate" | "division" | "staff-group";
const ATTRIBUTES: Record<Attribute, (s: StaffRecord) => string | null | undefined> = {
  directorate: (s) => s.directorate,
  division: (s) => s.division,
  "staff-group": (s) => s.staffGroup,
};

/** The dimensions a population can be broken down by, given what staff in post carries. */
export function dimensionsOf<R extends string, F extends string>(
  ctx: Context<R, F>,
  staffLinked: boolean,
): BreakdownDimension[] {
  const bd = ctx.standard.breakdown;
  const out: BreakdownDimension[] = [];
  if (bd) out.push("ethnic-group");
  if (bd?.detail) out.push("ethnic-category");
  if (!staffLinked) return out;
  const staff = ctx.dataset.staff;
  const carries = (get: (s: StaffRecord) => string | null | undefined) => {
    for (let i = 0; i < staff.length; i++) if ((get(staff[i]!) ?? "").trim() !== "") return true;
    return false;
  };
  if (carries((s) => s.gender)) {
    out.push("gender");
    if (bd) out.push("ethnic-group-gender");
  }
  for (const a of Object.keys(ATTRIBUTES) as Attribute[]) if (carries(ATTRIBUTES[a])) out.push(a);
  return out;
}

interface Tallies {
  /** row -> column -> count (the "total" column is added when the table is made). */
  count: Map<string, Map<string, number>>;
  of: Map<string, Map<string, number>>;
}

/** Counts records into every dimension's table at once. */
class Counter<R extends string, F extends string> {
  readonly tallies = new Map<BreakdownDimension, Tallies>();
  /** Lower-cased value -> the first spelling met, so "Surgery" and "surgery " are one directorate. */
  private readonly spellings = new Map<string, string>();

  constructor(
    private readonly ctx: Context<R, F>,
    readonly dimensions: BreakdownDimension[],
  ) {
    for (const d of dimensions) this.tallies.set(d, { count: new Map(), of: new Map() });
  }

  /** Raw value -> key: extracts repeat a few dozen spellings over every row, so each is worked out once. */
  private readonly genders = new Map<string | null | undefined, string>();
  private readonly values = new Map<string | null | undefined, string>();

  add(part: "count" | "of", ethnic: { ethnicity: Ethnicity }, side: Side, staff: StaffRecord | null, n = 1): void {
    const bd = this.ctx.standard.breakdown;
    const sideColumn = side === "unknown" ? "unknown" : this.ctx.names[side];
    const dims = this.dimensions;
    // Worked out once per record, for the dimensions that share them.
    let group: string | null = null;
    let gender: string | null = null;
    for (let i = 0; i < dims.length; i++) {
      const d = dims[i]!;
      let row: string;
      let column: string;
      switch (d) {
        case "ethnic-group":
          row = ALL_ROW;
          column = group ??= bd!.of(ethnic);
          break;
        case "ethnic-category":
          row = ALL_ROW;
          column = bd!.detail!.of(ethnic);
          break;
        case "gender":
          row = gender ??= this.gender(staff?.gender);
          column = sideColumn;
          break;
        case "ethnic-group-gender":
          row = gender ??= this.gender(staff?.gender);
          column = group ??= bd!.of(ethnic);
          break;
        default:
          row = staff ? this.value(ATTRIBUTES[d](staff)) : NOT_RECORDED_ROW;
          column = sideColumn;
      }
      const t = this.tallies.get(d)![part];
      let r = t.get(row);
      if (!r) t.set(row, (r = new Map()));
      r.set(column, (r.get(column) ?? 0) + n);
    }
  }

  private gender(raw: string | null | undefined): string {
    let g = this.genders.get(raw);
    if (g === undefined) this.genders.set(raw, (g = genderKey(raw)));
    return g;
  }

  private value(raw: string | null | undefined): string {
    let v = this.values.get(raw);
    if (v === undefined) this.values.set(raw, (v = this.spelling(raw)));
    return v;
  }

  private spelling(value: string | null | undefined): string {
    const v = (value ?? "").trim().replace(/\s+/g, " ");
    if (v === "") return NOT_RECORDED_ROW;
    const key = v.toLowerCase();
    let s = this.spellings.get(key);
    if (s === undefined) this.spellings.set(key, (s = v));
    return s;
  }
}

/** The ethnic columns of a dimension, with their sides (and, for specific categories, their groups). */
function columnsOf<R extends string, F extends string>(
  ctx: Context<R, F>,
  d: BreakdownDimension,
  present: Set<string>,
): Pick<BreakdownTable, "columns" | "sides" | "parents"> {
  const bd = ctx.standard.breakdown;
  if (d === "ethnic-group" || d === "ethnic-group-gender") {
    const sides: Record<string, Side> = {};
    for (const c of bd!.categories) sides[c.key] = c.side;
    return { columns: [...bd!.categories.map((c) => c.key), TOTAL_COLUMN], sides };
  }
  if (d === "ethnic-category") {
    const sideOf = new Map(bd!.categories.map((c) => [c.key, c.side]));
    // Only the categories met (sixteen columns, most of them empty, would hide the table's point); unknown always.
    const cats = bd!.detail!.categories.filter((c) => present.has(c.key) || c.key === "unknown");
    const sides: Record<string, Side> = {};
    const parents: Record<string, string> = {};
    for (const c of cats) {
      sides[c.key] = sideOf.get(c.parent) ?? "unknown";
      parents[c.key] = c.parent;
    }
    return { columns: [...cats.map((c) => c.key), TOTAL_COLUMN], sides, parents };
  }
  const { reference, focus } = ctx.names;
  return {
    columns: [reference, focus, "unknown", TOTAL_COLUMN],
    sides: { [reference]: "reference", [focus]: "focus", unknown: "unknown" },
  };
}

/** Rows in display order: genders in their order, other values alphabetically, "not recorded" last. */
function rowsOf(d: BreakdownDimension, keys: Iterable<string>): string[] {
  const set = new Set(keys);
  if (d === "ethnic-group" || d === "ethnic-category") return [ALL_ROW];
  if (d === "gender" || d === "ethnic-group-gender") return GENDERS.filter((g) => set.has(g));
  const named = [...set].filter((k) => k !== NOT_RECORDED_ROW).sort((a, b) => a.localeCompare(b, "en-GB"));
  return set.has(NOT_RECORDED_ROW) ? [...named, NOT_RECORDED_ROW] : named;
}

function makeTable<R extends string, F extends string>(
  ctx: Context<R, F>,
  d: BreakdownDimension,
  t: Tallies,
  denominators: "none" | "own" | { staff: Tallies; years: number },
  numerator?: "reference" | "focus",
): BreakdownTable {
  const present = new Set<string>();
  for (const r of [...t.count.values(), ...t.of.values()]) for (const c of r.keys()) present.add(c);
  const staffOf = typeof denominators === "object" ? denominators.staff.count : null;
  if (staffOf) for (const r of staffOf.values()) for (const c of r.keys()) present.add(c);
  const { columns, sides, parents } = columnsOf(ctx, d, present);
  const rowKeys = new Set([...t.count.keys(), ...t.of.keys(), ...(staffOf?.keys() ?? [])]);
  const rows = rowsOf(d, rowKeys);
  const cells: Record<string, Record<string, BreakdownCell>> = {};
  const ethnic = columns.filter((c) => c !== TOTAL_COLUMN);
  for (const row of rows) {
    const out: Record<string, BreakdownCell> = {};
    let count = 0;
    let of = 0;
    for (const c of ethnic) {
      const n = t.count.get(row)?.get(c) ?? 0;
      count += n;
      if (denominators === "none") out[c] = { count: n };
      else {
        const o =
          denominators === "own" ? (t.of.get(row)?.get(c) ?? 0) : (staffOf!.get(row)?.get(c) ?? 0) * denominators.years;
        of += o;
        out[c] = { count: n, of: o, rate: o > 0 ? n / o : null };
      }
    }
    out[TOTAL_COLUMN] = denominators === "none" ? { count } : { count, of, rate: of > 0 ? count / of : null };
    cells[row] = out;
  }
  const table: BreakdownTable = { dimension: d, rows, columns, sides, ...(parents ? { parents } : {}), cells };
  // A likelihood against the reference group, where one column is the reference (not for specific categories).
  const refs = ethnic.filter((c) => sides[c] === "reference");
  if (numerator && refs.length === 1) {
    const ref = refs[0]!;
    const likelihood: Record<string, Record<string, number | null>> = {};
    for (const row of rows) {
      const r: Record<string, number | null> = {};
      const base = cells[row]![ref]!;
      for (const c of ethnic.filter((x) => sides[x] === "focus")) {
        const cell = cells[row]![c]!;
        const mine = { count: cell.count ?? 0, of: cell.of ?? 0 };
        const theirs = { count: base.count ?? 0, of: base.of ?? 0 };
        r[c] = (numerator === "reference" ? relativeLikelihood(theirs, mine) : relativeLikelihood(mine, theirs)).value;
      }
      likelihood[row] = r;
    }
    table.likelihood = likelihood;
  }
  return table;
}

/** Indicator 1's population (staff in post) broken down; the tallies are kept for the staff-based denominators. */
export function staffBreakdowns<R extends string, F extends string>(
  ctx: Context<R, F>,
): { tables: BreakdownTable[]; tallies: Map<BreakdownDimension, Tallies> } | null {
  const staff = ctx.dataset.staff;
  if (staff.length === 0) return null;
  const counter = new Counter(ctx, dimensionsOf(ctx, true));
  const sideOf = ctx.standard.classify.staff;
  for (let i = 0; i < staff.length; i++) {
    const s = staff[i]!;
    counter.add("count", s, sideOf(s), s);
  }
  const tables = counter.dimensions.map((d) => makeTable(ctx, d, counter.tallies.get(d)!, "none"));
  return { tables, tallies: counter.tallies };
}

/** A likelihood measure's numerators (and denominators) broken down; null when it is not from rows. */
export function likelihoodBreakdowns<R extends string, F extends string>(
  ctx: Context<R, F>,
  def: RlDefinition,
  staffTallies: Map<BreakdownDimension, Tallies> | null,
): BreakdownTable[] | null {
  const fromApplications = def.measure.source === "applications";
  const dims = dimensionsOf(ctx, !fromApplications);
  const counter = new Counter(ctx, dims);
  let staffIndex: Map<string, StaffRecord> | null = null;
  const staffOf = (r: CaseRecord | TrainingRecord): StaffRecord | null => {
    if (r.staff !== undefined) return r.staff;
    if (r.personId === null) return null;
    if (!staffIndex) staffIndex = new Map(ctx.dataset.staff.map((s) => [s.personId, s]));
    return staffIndex.get(r.personId) ?? null;
  };
  const counts = likelihoodCounts(ctx, def, (part, record, side) => {
    if (fromApplications) return counter.add(part, record as ApplicationRecord, side, null);
    const r = record as CaseRecord | TrainingRecord;
    const own = def.measure.source === "cases" ? ctx.standard.classify.case : ctx.standard.classify.training;
    const staff = staffOf(r);
    // The ethnicity the side was told from: the record's own, else its person's in staff in post (as sideWithJoin).
    const ownSide = own ? (own as (x: typeof r) => Side)(r) : "unknown";
    counter.add(part, ownSide === "unknown" && staff ? staff : r, side, staff);
  });
  if (!counts || counts.source !== "rows") return null;
  return dims.flatMap((d) => {
    const t = counter.tallies.get(d)!;
    if (counts.denominator === "own") return [makeTable(ctx, d, t, "own", def.numerator)];
    const staff = staffTallies?.get(d);
    return staff ? [makeTable(ctx, d, t, { staff, years: counts.years.length || 1 }, def.numerator)] : [];
  });
}

/** Teams (staff in post's team column) in which no one is in the focus group; null when there is no team column. */
export function teamsWithoutFocus<R extends string, F extends string>(ctx: Context<R, F>): TeamsWithoutFocus | null {
  const staff = ctx.dataset.staff;
  const focusIn = new Map<string, { name: string; focus: number }>();
  const sideOf = ctx.standard.classify.staff;
  for (let i = 0; i < staff.length; i++) {
    const s = staff[i]!;
    const name = (s.team ?? "").trim().replace(/\s+/g, " ");
    if (name === "") continue;
    const key = name.toLowerCase();
    let t = focusIn.get(key);
    if (!t) focusIn.set(key, (t = { name, focus: 0 }));
    if (sideOf(s) === "focus") t.focus += 1;
  }
  if (focusIn.size === 0) return null;
  const names = [...focusIn.values()]
    .filter((t) => t.focus === 0)
    .map((t) => t.name)
    .sort((a, b) => a.localeCompare(b, "en-GB"));
  return { teams: focusIn.size, without: names.length, names };
}
