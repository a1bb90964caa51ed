// suppressResults: the publishable copy of a results document (WRES.md, "Small numbers").
// Counts below the threshold are hidden (null, marked "primary"), and so is any count from which one
// could be recovered by subtraction ("secondary"). Percentages of a hidden count are hidden with it.
// A rate or percentage whose count is hidden is hidden too: rate x denominator would give the count back.
// Relative likelihoods computed from small counts stay, with a "small-numbers" caution (WRES.md), unless
// hideRatesFromSmallCounts asks otherwise. The input is never changed.
import type {
  BoardDifference,
  Counts,
  Fraction,
  InputName,
  RelativeLikelihoodResult,
  RepresentationResult,
  ResultsDocument,
  SuppressionMark,
  SurveyResult,
} from "./types";
import { protectCells, type SumConstraint } from "./protect";
import { SENIOR_8A, SENIOR_8C } from "./representation";
import { capitalise } from "./groups";

export const DEFAULT_THRESHOLD = 10;

export interface SuppressOptions {
  /** Also hide rates, percentages and RLs computed from counts below the threshold. Default false. */
  hideRatesFromSmallCounts?: boolean;
}

type CountsRecord = Record<string, number | null> & { suppressed?: Partial<Record<string, SuppressionMark>> };

/** Cells of several Counts objects, linked by their sums, protected together. */
class CountsTable {
  private cells: { obj: CountsRecord; field: string }[] = [];
  private index = new Map<CountsRecord, Map<string, number>>();
  private constraints: SumConstraint[] = [];
  /** field -> how much dearer a cell of that field is to hide as a complement (see protectCells). */
  constructor(
    private readonly fields: string[],
    private readonly weights: Record<string, number> = {},
  ) {}

  cell(obj: CountsRecord, field: string): number {
    let byField = this.index.get(obj);
    if (!byField) this.index.set(obj, (byField = new Map()));
    let i = byField.get(field);
    if (i === undefined) {
      i = this.cells.length;
      this.cells.push({ obj, field });
      byField.set(field, i);
    }
    return i;
  }

  /** obj.total = obj.reference + obj.focus + obj.unknown */
  row(obj: CountsRecord): void {
    const [total, ...parts] = this.fields.map((f) => this.cell(obj, f));
    this.constraints.push({ total: total!, parts });
  }

  /** For every field: total[field] = sum of parts[field]. */
  sum(total: CountsRecord | undefined, parts: (CountsRecord | undefined)[]): void {
    const present = parts.filter((p): p is CountsRecord => p !== undefined);
    if (!total || present.length === 0) return;
    for (const f of this.fields) this.constraints.push({ total: this.cell(total, f), parts: present.map((p) => this.cell(p, f)) });
  }

  /** One relation between single cells: total.obj[total.field] = sum of the parts. */
  relation(total: [CountsRecord, string], parts: [CountsRecord, string][]): void {
    if (parts.length === 0) return;
    this.constraints.push({ total: this.cell(...total), parts: parts.map((p) => this.cell(...p)) });
  }

  /** Protect, then hide marked counts and the percentages that would reveal them. */
  apply(threshold: number, pctOf: (field: string) => string | null): { primary: number; secondary: number } {
    const values = this.cells.map((c) => c.obj[c.field] ?? 0);
    const weights = this.cells.map((c) => this.weights[c.field] ?? 1);
    const preset = this.cells.map((c) => c.obj.suppressed?.[c.field]);
    const marks = protectCells(values, this.constraints, threshold, weights, preset);
    let primary = 0;
    let secondary = 0;
    marks.forEach((mark, i) => {
      if (mark === null || preset[i]) return;
      const { obj, field } = this.cells[i]!;
      if (mark === "primary") primary += 1;
      else secondary += 1;
      hide(obj, field, mark);
      // With the total hidden, a visible count divided by its percentage would give it back.
      for (const f of field === "total" ? this.fields : [field]) {
        const p = pctOf(f);
        if (p && p in obj) hide(obj, p, mark);
      }
    });
    return { primary, secondary };
  }

  isHidden(obj: CountsRecord, field: string): boolean {
    return obj.suppressed?.[field] !== undefined;
  }
}

function hide(obj: { suppressed?: Partial<Record<string, SuppressionMark>> } & Record<string, unknown>, field: string, mark: SuppressionMark): void {
  if (obj[field] === null && obj.suppressed?.[field]) return;
  obj[field] = null;
  obj.suppressed = { ...obj.suppressed, [field]: obj.suppressed?.[field] ?? mark };
}

/** Whether the figure at a dotted path ("senior.8a-VSM.bmePct", "value") is hidden or null in a result. */
function hiddenAt(result: object, path: string): boolean {
  const parts = path.split(".");
  let owner: unknown = result;
  for (const p of parts.slice(0, -1)) owner = owner !== null && typeof owner === "object" ? (owner as Record<string, unknown>)[p] : undefined;
  if (owner === null || typeof owner !== "object") return true;
  const rec = owner as Rec;
  const last = parts[parts.length - 1]!;
  return rec[last] === null || rec.suppressed?.[last] !== undefined;
}

type Rec = Record<string, unknown> & { suppressed?: Partial<Record<string, SuppressionMark>> };

const small = (n: number | null | undefined, threshold: number) => n !== null && n !== undefined && n > 0 && n < threshold;

export function suppressResults<R extends string, F extends string>(
  doc: ResultsDocument<R, F>,
  threshold: number = DEFAULT_THRESHOLD,
  options: SuppressOptions = {},
): ResultsDocument<R, F> {
  if (!Number.isFinite(threshold) || threshold < 1) throw new RangeError(`suppression threshold must be a number of at least 1, got ${threshold}`);
  const out = structuredClone(doc);
  if (doc.suppression) threshold = Math.max(threshold, doc.suppression.threshold);
  const hideRates = options.hideRatesFromSmallCounts ?? false;
  const { reference, focus } = out.groups;
  const fields = ["total", reference, focus, "unknown"];
  const pctOf = (f: string) => (f === "total" ? null : `${f}Pct`);
  let primary = 0;
  let secondary = 0;
  const count = (r: { primary: number; secondary: number }) => {
    primary += r.primary;
    secondary += r.secondary;
  };

  // Indicator 1 (and any representation measure): one table, linked by row and column sums.
  let overall: CountsRecord | null = null;
  for (const result of Object.values(out.indicators)) {
    if (result?.kind !== "representation") continue;
    const rep = result as RepresentationResult<R, F>;
    // Keep the focus group's counts (what the indicator is about) visible where another complement will do.
    const table = new CountsTable(fields, { [focus]: 4, total: 2 });
    const asRec = (c: Counts<R, F> | null | undefined) => (c ?? undefined) as CountsRecord | undefined;
    const nc = rep.cohorts["non-clinical"] as Record<string, Counts<R, F>>;
    const cl = rep.cohorts.clinical as Record<string, Counts<R, F>>;
    const md = rep.cohorts.medical as Record<string, Counts<R, F>>;
    const bands = rep.bands as Record<string, Counts<R, F>>;
    const unbanded = Object.values(rep.unbanded).map(asRec);
    const all = [rep.overall, ...Object.values(nc), ...Object.values(cl), ...Object.values(md), ...Object.values(bands), ...Object.values(rep.unbanded), rep.senior["8a-VSM"], rep.senior["8c-VSM"], rep.seniorMedicalManagers];
    for (const c of all) if (c) table.row(c as CountsRecord);
    const ov = asRec(rep.overall);
    table.sum(ov, [...Object.values(nc), ...Object.values(cl), ...Object.values(md)].map(asRec).concat(unbanded));
    table.sum(ov, [...Object.values(bands), ...Object.values(md)].map(asRec).concat(unbanded));
    for (const b of Object.keys(bands)) table.sum(asRec(bands[b]), [asRec(nc[b]), asRec(cl[b])]);
    table.sum(asRec(rep.senior["8a-VSM"]), SENIOR_8A.map((b) => asRec(bands[b])));
    table.sum(asRec(rep.senior["8c-VSM"]), SENIOR_8C.map((b) => asRec(bands[b])));
    table.sum(asRec(rep.senior["8a-VSM"]), [asRec(bands["8a"]), asRec(bands["8b"]), asRec(rep.senior["8c-VSM"])]);
    const bd = rep.breakdown;
    if (bd) {
      // Finer categories add up to their side's count in the same row (e.g. Mixed + Asian + Black + Other = BME),
      // and band 8a-and-above's to the bands'.
      const sideField: Record<string, string> = { reference, focus, unknown: "unknown" };
      const sidesOf = new Map<string, string[]>();
      for (const k of bd.categories) {
        const side = bd.sides[k] ?? "unknown";
        sidesOf.set(side, [...(sidesOf.get(side) ?? []), k]);
      }
      const link = (counts: CountsRecord | undefined, row: CountsRecord | undefined) => {
        if (!counts || !row) return;
        for (const [side, keys] of sidesOf) table.relation([counts, sideField[side]!], keys.map((k) => [row, k] as [CountsRecord, string]));
        table.relation([counts, "total"], bd.categories.map((k) => [row, k] as [CountsRecord, string]));
      };
      link(ov, bd.overall as CountsRecord);
      for (const b of Object.keys(bd.bands)) link(asRec(bands[b]), bd.bands[b as keyof typeof bd.bands] as CountsRecord | undefined);
      link(asRec(rep.senior["8a-VSM"]), bd.senior as CountsRecord);
      for (const k of bd.categories) {
        const parts = SENIOR_8A.map((b) => bd.bands[b] as CountsRecord | undefined).filter((x): x is CountsRecord => x !== undefined);
        table.relation([bd.senior as CountsRecord, k], parts.map((p) => [p, k] as [CountsRecord, string]));
      }
    }
    count(table.apply(threshold, pctOf));
    overall = ov ?? null;
  }
  const overallHidden = (field: string) => overall?.suppressed?.[field] !== undefined;

  for (const [id, result] of Object.entries(out.indicators)) {
    if (!result) continue;
    if (result.kind === "relative-likelihood") {
      const rl = result as RelativeLikelihoodResult<R, F>;
      let smallCounts = false;
      for (const side of [reference, focus] as const) {
        const fr = (rl as unknown as Record<string, Fraction>)[side]!;
        if (small(fr.count, threshold) || small(fr.of, threshold)) smallCounts = true;
        // The part of the denominator not counted (shortlisted but not appointed; staff without a case) is
        // never shown, but with count and of both visible it is one subtraction away: a small one hides the count.
        const rest = fr.count !== null && fr.of !== null ? fr.of - fr.count : null;
        const restSmall = small(rest, threshold);
        if (restSmall) smallCounts = true;
        const marks: Partial<Record<"count" | "of", SuppressionMark>> = {
          // A denominator from staff in post is indicator 1's overall count for that group (times the years pooled).
          of: small(fr.of, threshold) ? "primary" : rl.denominator === "staff" && overallHidden(side) ? "secondary" : undefined,
          count: small(fr.count, threshold) ? "primary" : undefined,
        };
        if (restSmall && !marks.count && !marks.of) marks.count = "secondary";
        for (const key of ["count", "of"] as const) {
          const mark = marks[key];
          if (!mark || fr.suppressed?.[key]) continue;
          fr[key] = null;
          fr.suppressed = { ...fr.suppressed, [key]: mark };
          if (mark === "primary") primary += 1;
          else secondary += 1;
        }
        // The rate goes with a hidden count or denominator. Rounding it instead would not do: with the other
        // figure visible, only a step of threshold / of (e.g. 5% of 200 staff) leaves the count ambiguous,
        // which says no more than hiding it. Choice: hidden, marked like the count it would reveal.
        const rateMark = fr.suppressed?.count ?? fr.suppressed?.of;
        if (rateMark && !fr.suppressed?.rate) {
          fr.rate = null;
          fr.suppressed = { ...fr.suppressed, rate: rateMark };
        }
      }
      if (smallCounts && !rl.cautions.includes("small-numbers")) rl.cautions.push("small-numbers");
    } else if (result.kind === "survey") {
      const s = result as SurveyResult<R, F> & Record<string, unknown>;
      let smallCounts = false;
      for (const side of [reference, focus]) {
        const key = `${side}Respondents`;
        if (small(s[key] as number | null, threshold)) {
          smallCounts = true;
          hide(s, key, "primary");
          primary += 1;
          if (hideRates) hide(s, `${side}Pct`, "primary");
        }
      }
      if (smallCounts) {
        if (!s.cautions.includes("small-numbers")) s.cautions.push("small-numbers");
        if (hideRates) s.gap = null;
      }
    } else if (result.kind === "board-difference") {
      const F = capitalise(focus);
      for (const d of [result.voting, result.executive] as BoardDifference<R, F>[]) {
        const members = d.members as CountsRecord;
        const table = new CountsTable(fields);
        table.row(members);
        // Members' own percentages go with their counts (and all of them with a hidden total).
        const r = table.apply(threshold, pctOf);
        count(r);
        const rec = d as unknown as Rec;
        if (fields.some((f) => members.suppressed?.[f] !== undefined)) d.cautions = [...new Set([...(d.cautions ?? []), "small-numbers" as const])];
        // Board % = focus members / all members: with either hidden, the % and the other give it back
        // (16.67% of 12 voting members is 2). Workforce % is indicator 1's overall focus %, hidden where that is.
        // The difference is board % minus workforce %, so it goes with either.
        const boardMark = members.suppressed?.[focus] ?? members.suppressed?.total ?? (hideRates && r.primary > 0 ? "primary" : undefined);
        const workforceMark = overall?.suppressed?.[`${focus}Pct`] ?? overall?.suppressed?.total;
        if (boardMark) hide(rec, `board${F}Pct`, boardMark);
        if (workforceMark) hide(rec, `workforce${F}Pct`, workforceMark);
        const differenceMark = boardMark ?? workforceMark;
        if (differenceMark) {
          hide(rec, "difference", differenceMark);
          d.reason = "below-threshold";
        }
      }
    }
    out.indicators[id] = result;
  }

  // Model Employer: headcounts and counts per band are indicator 1's; hide what it hid, and what reveals it.
  const me = out.related.modelEmployer;
  if (me) {
    const rep = Object.values(out.indicators).find((r) => r?.kind === "representation") as RepresentationResult<R, F> | undefined;
    if (overallHidden(focus) || overallHidden("total")) {
      me.targetPct = null;
      for (const b of me.bands) Object.assign(b, { targetPct: null, gapPct: null, needed: null, neededPerYear: null });
    }
    for (const b of me.bands) {
      const counts = rep?.bands[b.band] as CountsRecord | undefined;
      const focusMark = counts?.suppressed?.[focus] ?? (small(b.focus, threshold) ? "primary" : undefined);
      const totalMark = counts?.suppressed?.total ?? (small(b.headcount, threshold) ? "primary" : undefined);
      const rec = b as unknown as Record<string, unknown> & { suppressed?: Partial<Record<string, SuppressionMark>> };
      if (focusMark) for (const k of ["focus", "focusPct", "gapPct", "needed", "neededPerYear"]) hide(rec, k, focusMark);
      if (totalMark) for (const k of ["headcount", "focusPct", "gapPct", "needed", "neededPerYear"]) hide(rec, k, totalMark);
    }
  }
  const rd = out.related.raceDisparity;
  if (rd && hideRates && overall) {
    // Tier sums are not shown, so the ratios are rates; hide them only when asked to.
    const rep = Object.values(out.indicators).find((r) => r?.kind === "representation") as RepresentationResult<R, F> | undefined;
    const anySmall = rep ? Object.values(rep.bands).some((c) => (c as CountsRecord).suppressed !== undefined) : false;
    if (anySmall) for (const r of rd.ratios) Object.assign(r, { value: null, reason: "below-threshold" });
  }

  // Data completeness: unknown counts are people too.
  for (const [name, q] of Object.entries(out.dataQuality.inputs)) {
    if (!q) continue;
    const linked = name === "staff" && overallHidden("unknown");
    const mark: SuppressionMark | null = small(q.unknown, threshold) ? "primary" : linked ? "secondary" : null;
    if (mark) {
      hide(q as unknown as Record<string, unknown>, "unknown", mark);
      hide(q as unknown as Record<string, unknown>, "unknownPct", mark);
    }
  }
  // Each input's record count always shows. Where the records are exactly the measure's two groups plus its
  // unknowns (every training row a person counted in indicator 4, every application shortlisted...), records
  // minus the visible figures gives a hidden one back, so that sum must also have none or 2+ hidden: the
  // unknown count goes first, else the smaller group figure (a zero too: records stays, so a zero can serve).
  for (const [id, result] of Object.entries(out.indicators)) {
    if (result?.kind !== "relative-likelihood" || result.source !== "rows") continue;
    const rl = result as RelativeLikelihoodResult<R, F>;
    const name: InputName = rl.measure === "applications" ? "applications" : rl.measure;
    const key = rl.measure === "applications" ? "of" : "count";
    const q = out.dataQuality.inputs[name];
    const exactQ = doc.dataQuality.inputs[name];
    const exactRl = doc.indicators[id] as RelativeLikelihoodResult<R, F> | undefined;
    if (!q || !exactQ || exactQ.unknown === null || exactRl?.kind !== "relative-likelihood") continue;
    const sides = [reference, focus].map((side) => ({
      fr: (rl as unknown as Record<string, Fraction>)[side]!,
      exact: (exactRl as unknown as Record<string, Fraction>)[side]![key],
    }));
    if (sides.some((x) => x.exact === null) || exactQ.records !== sides.reduce((a, x) => a + x.exact!, 0) + exactQ.unknown) continue;
    const unknownHidden = q.suppressed?.unknown !== undefined;
    const hiddenSides = sides.filter((x) => x.fr.suppressed?.[key] !== undefined);
    if (hiddenSides.length + (unknownHidden ? 1 : 0) !== 1) continue;
    secondary += 1;
    if (!unknownHidden) {
      hide(q as unknown as Record<string, unknown>, "unknown", "secondary");
      hide(q as unknown as Record<string, unknown>, "unknownPct", "secondary");
      continue;
    }
    const visibleSides = sides.filter((x) => x.fr.suppressed?.[key] === undefined);
    const pick = visibleSides.reduce((best, x) => ((x.exact! > 0 && (best.exact! === 0 || x.exact! < best.exact!)) ? x : best));
    pick.fr[key] = null;
    pick.fr.rate = null;
    pick.fr.suppressed = { ...pick.fr.suppressed, [key]: "secondary", rate: pick.fr.suppressed?.rate ?? "secondary" };
  }
  // An RL with any of its four figures hidden: the value and its interval, with the other three, would give
  // the fourth back. WRES.md keeps it on show with a caution; hideRatesFromSmallCounts hides it.
  for (const result of Object.values(out.indicators)) {
    if (result?.kind !== "relative-likelihood") continue;
    const rl = result as RelativeLikelihoodResult<R, F>;
    const fractions = [reference, focus].map((side) => (rl as unknown as Record<string, Fraction>)[side]!);
    if (!fractions.some((fr) => fr.suppressed?.count !== undefined || fr.suppressed?.of !== undefined)) continue;
    if (!rl.cautions.includes("small-numbers")) rl.cautions.push("small-numbers");
    if (hideRates) {
      for (const fr of fractions) fr.rate = null;
      Object.assign(rl, { value: null, ci95: null, significant: null, adverse: null, reason: "below-threshold", reasonGroup: null });
    }
  }
  const inputOfSheet: Record<string, InputName> = { staff: "staff", recruitment: "applications", cases: "cases", training: "training", board: "board", aggregate: "aggregates" };
  for (const s of out.dataQuality.sheets) {
    if (s.unknownEthnicityPct === null) continue;
    const implied = Math.round((s.unknownEthnicityPct / 100) * s.rowsUsed);
    // The sheet's share times its rows used is its unknown count: hidden with the input's.
    const inputHidden = s.kind !== null && out.dataQuality.inputs[inputOfSheet[s.kind] ?? "staff"]?.suppressed?.unknown !== undefined;
    if (small(implied, threshold) || inputHidden || (s.kind === "staff" && overallHidden("unknown"))) s.unknownEthnicityPct = null;
  }
  for (const w of out.dataQuality.warnings) {
    // The level stays (it is the warning); the share goes when the count behind it is hidden.
    if (out.dataQuality.inputs[w.input]?.unknownPct === null) w.unknownPct = null;
  }

  // A comparison repeats figures: a percentage of a small (or hidden) count must not reappear there,
  // this year's or last year's, nor a rate the options hide.
  if (out.comparison) {
    for (const item of out.comparison.items) {
      const hideCurrent = item.counts ? small(item.counts.current, threshold) || item.counts.current === null : false;
      const hidePrevious = item.counts ? small(item.counts.previous, threshold) || item.counts.previous === null : false;
      const r = out.indicators[item.indicator];
      if (hideCurrent || (r !== undefined && hiddenAt(r, item.measure))) item.current = null;
      if (hidePrevious) item.previous = null;
      if (item.current === null || item.previous === null) Object.assign(item, { change: null, trend: "not-comparable" });
      delete item.counts;
    }
  }

  // Suppressing a publishable copy again keeps what it hid and adds to it.
  const before = doc.suppression;
  out.suppression = before
    ? { threshold, primary: before.primary + primary, secondary: before.secondary + secondary, hideRatesFromSmallCounts: hideRates || before.hideRatesFromSmallCounts }
    : { threshold, primary, secondary, hideRatesFromSmallCounts: hideRates };
  return out;
}
