// suppressResults: the protected copy of a results document, for the public and the tab's readers
// (docs/disclosure-control.md). Counts below the threshold are hidden, and so is any count from which one
// could be worked out from a published sum (protect.ts). Every hidden figure is null with the one mark
// "hidden": no output says why. Percentages, rates, relative likelihoods, intervals and ratios computed
// from a hidden count are hidden with it (with the reason "below-threshold"): rounded or not, a ratio and
// its interval narrow the counts behind them to a handful of pairs. Published figures are rounded as WRES
// reports round them: ratios and intervals to 2 decimal places, percentages to 1. Board composition
// (indicator 9) is published in full by default, as every trust's WRES report gives it; an organisation may
// turn that off (publishBoardComposition: false), and then it is protected like any other table.
// The exact document (audience "exact") is for submission to NHS England and the board only. The input is
// never changed.
// One file: one function, the protected copy's rules in the order they apply (counts-table.ts and rounding.ts
// hold its two helpers).
import type {
  BoardDifference,
  Counts,
  Fraction,
  InputName,
  RelativeLikelihoodResult,
  RepresentationResult,
  ResultsDocument,
  SurveyResult,
} from "./types";
import { CountsTable, hide, isHidden, type CountsRecord, type Rec } from "./counts-table";
import { roundPublished, roundTo } from "./rounding";
import { SENIOR_8A, SENIOR_8C } from "./representation";
import { capitalise } from "./groups";
import { PAY_TIERS } from "./related";
import { hideBankRepeats } from "./bank";
import { INPUT_OF_SHEET } from "./quality";
import { hasHiddenMarks, protectLikelihoodBreakdowns, protectTeams, relateStaffBreakdowns } from "./protect-breakdowns";

export const DEFAULT_THRESHOLD = 10;

/** The notices each audience's document carries in itself (English; the report and workbook localise them). */
export const EXACT_NOTICE =
  "Exact figures, for submission to NHS England and for the board. Not for publication: small numbers are not hidden. Publish the protected copy instead.";
export const PROTECTED_NOTICE =
  "Protected figures, for publication and for the tab's readers: small numbers are hidden. The exact figures are in the exact document, for submission and the board only.";

export interface SuppressOptions<R extends string = string, F extends string = string> {
  /** Publish board composition (indicator 9) without small-number protection. Default true. */
  publishBoardComposition?: boolean;
  /** Last year's document (exact or protected), the one the comparison was made with: its protected figures are the ones repeated. */
  previous?: ResultsDocument<R, F>;
}

/** The object holding the figure at a dotted path ("senior.8a-VSM.bmePct", "value"), and the figure's key. */
function ownerAt(result: object | undefined, path: string): { rec: Rec & { reason?: unknown }; key: string } | null {
  const parts = path.split(".");
  let owner: unknown = result;
  for (const p of parts.slice(0, -1))
    owner = owner !== null && typeof owner === "object" ? (owner as Record<string, unknown>)[p] : undefined;
  return owner !== null && typeof owner === "object" ? { rec: owner as Rec, key: parts[parts.length - 1]! } : null;
}

/** The figure at a dotted path of a protected result; null when hidden or absent. */
function figureAt(result: object | undefined, path: string): number | null {
  const at = ownerAt(result, path);
  const v = at?.rec[at.key];
  return typeof v === "number" && at!.rec.suppressed?.[at!.key] === undefined ? v : null;
}

/** Whether a copy hides the figure at `path`: marked hidden, or a likelihood not published from a hidden count. */
function hiddenAt(result: object | undefined, path: string): boolean {
  const at = ownerAt(result, path);
  if (!at) return false;
  return at.rec.suppressed?.[at.key] !== undefined || (at.rec[at.key] === null && at.rec.reason === "below-threshold");
}

const small = (n: number | null | undefined, threshold: number) =>
  n !== null && n !== undefined && n > 0 && n < threshold;

export function suppressResults<R extends string, F extends string>(
  doc: ResultsDocument<R, F>,
  threshold: number = DEFAULT_THRESHOLD,
  options: SuppressOptions<R, F> = {},
): ResultsDocument<R, F> {
  if (!Number.isFinite(threshold) || threshold < 1)
    throw new RangeError(`suppression threshold must be a number of at least 1, got ${threshold}`);
  const out = structuredClone(doc);
  if (doc.suppression) threshold = Math.max(threshold, doc.suppression.threshold);
  // A copy protected with the board's counts hidden keeps them hidden.
  const publishBoard = (options.publishBoardComposition ?? true) && (doc.suppression?.publishBoardComposition ?? true);
  const { reference, focus } = out.groups;
  const fields = ["total", reference, focus, "unknown"];
  const pctOf = (f: string) => (f === "total" ? null : `${f}Pct`);
  let hiddenCount = 0;

  // Indicator 1 (and any representation measure): one table, linked by row and column sums.
  let overall: CountsRecord | null = null;
  let representation: RepresentationResult<R, F> | null = null;
  for (const result of Object.values(out.indicators)) {
    if (result?.kind !== "representation") continue;
    const rep = (representation = result as RepresentationResult<R, F>);
    // Keep the focus group's counts (what the indicator is about) visible where another complement will do.
    const table = new CountsTable(fields, { [focus]: 4, total: 2 });
    const asRec = (c: Counts<R, F> | null | undefined) => (c ?? undefined) as CountsRecord | undefined;
    const nc = rep.cohorts["non-clinical"] as Record<string, Counts<R, F>>;
    const cl = rep.cohorts.clinical as Record<string, Counts<R, F>>;
    const md = rep.cohorts.medical as Record<string, Counts<R, F>>;
    const bands = rep.bands as Record<string, Counts<R, F>>;
    const unbanded = Object.values(rep.unbanded).map(asRec);
    const all = [
      rep.overall,
      ...Object.values(nc),
      ...Object.values(cl),
      ...Object.values(md),
      ...Object.values(bands),
      ...Object.values(rep.unbanded),
      rep.senior["8a-VSM"],
      rep.senior["8c-VSM"],
      rep.seniorMedicalManagers,
    ];
    for (const c of all) if (c) table.row(c as CountsRecord);
    const ov = asRec(rep.overall);
    table.sum(ov, [...Object.values(nc), ...Object.values(cl), ...Object.values(md)].map(asRec).concat(unbanded));
    table.sum(ov, [...Object.values(bands), ...Object.values(md)].map(asRec).concat(unbanded));
    for (const b of Object.keys(bands)) table.sum(asRec(bands[b]), [asRec(nc[b]), asRec(cl[b])]);
    table.sum(
      asRec(rep.senior["8a-VSM"]),
      SENIOR_8A.map((b) => asRec(bands[b])),
    );
    table.sum(
      asRec(rep.senior["8c-VSM"]),
      SENIOR_8C.map((b) => asRec(bands[b])),
    );
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
        for (const [side, keys] of sidesOf)
          table.relation(
            [counts, sideField[side]!],
            keys.map((k) => [row, k] as [CountsRecord, string]),
          );
        table.relation(
          [counts, "total"],
          bd.categories.map((k) => [row, k] as [CountsRecord, string]),
        );
      };
      link(ov, bd.overall as CountsRecord);
      for (const b of Object.keys(bd.bands))
        link(asRec(bands[b]), bd.bands[b as keyof typeof bd.bands] as CountsRecord | undefined);
      link(asRec(rep.senior["8a-VSM"]), bd.senior as CountsRecord);
      for (const k of bd.categories) {
        const parts = SENIOR_8A.map((b) => bd.bands[b] as CountsRecord | undefined).filter(
          (x): x is CountsRecord => x !== undefined,
        );
        table.relation(
          [bd.senior as CountsRecord, k],
          parts.map((p) => [p, k] as [CountsRecord, string]),
        );
      }
    }
    protectTeams(rep as unknown as RepresentationResult<string, string>);
    // The headcount is never hidden to protect another cell (the staff input's record count repeats it), and
    // the rest of the all-staff row (the headline figures) only where nothing else will do: there too the focus
    // group's count goes last, so the headline it is about stays where the White or unknown count will do.
    hiddenCount += table.apply(threshold, pctOf, (obj, field) =>
      obj === ov ? (field === "total" ? Infinity : field === focus ? 200 : 50) : undefined,
    );
    // Breakdowns (schema 3) repeat the same staff cut finer. Second stage: their sums join this table, the
    // figures above fixed as published, and only breakdown cells are hidden (protect-linked.ts).
    const tables = rep.breakdowns;
    if (tables && (doc.suppression || hasHiddenMarks(tables))) {
      // Protected before: kept as it was, or left out at a higher threshold (its hidden values are not known).
      if (doc.suppression && threshold > doc.suppression.threshold) delete rep.breakdowns;
    } else if (tables) {
      const tableOf = new Map<unknown, string>();
      for (const t of tables)
        for (const row of Object.values(t.cells)) for (const c of Object.values(row)) tableOf.set(c, t.dimension);
      relateStaffBreakdowns(
        rep as unknown as RepresentationResult<string, string>,
        { reference, focus },
        (total, parts) => table.relation(total as [CountsRecord, string], parts as [CountsRecord, string][]),
      );
      const n = table.applyAroundFixed(
        threshold,
        () => null,
        (obj) => tableOf.get(obj) ?? null,
      );
      if (n === null) delete rep.breakdowns;
      else hiddenCount += n;
    }
    overall = ov ?? null;
  }
  const overallHidden = (field: string) => isHidden(overall, field);

  for (const [id, result] of Object.entries(out.indicators)) {
    if (!result) continue;
    if (result.kind === "relative-likelihood") {
      const rl = result as RelativeLikelihoodResult<R, F>;
      for (const side of [reference, focus] as const) {
        const fr = (rl as unknown as Record<string, Fraction>)[side]!;
        // The part of the denominator not counted (shortlisted but not appointed; staff without a case) is
        // never shown, but with count and of both visible it is one subtraction away: a small one hides the count.
        const rest = fr.count !== null && fr.of !== null ? fr.of - fr.count : null;
        // A denominator from staff in post is indicator 1's overall count for that group (times the years pooled).
        const hideOf = small(fr.of, threshold) || (rl.denominator === "staff" && overallHidden(side));
        const hideCount = small(fr.count, threshold) || (small(rest, threshold) && !hideOf);
        if (hideOf && !isHidden(fr, "of")) {
          hide(fr as unknown as Rec, "of");
          hiddenCount += 1;
        }
        if (hideCount && !isHidden(fr, "count")) {
          hide(fr as unknown as Rec, "count");
          hiddenCount += 1;
        }
      }
    } else if (result.kind === "survey") {
      const s = result as SurveyResult<R, F> & Record<string, unknown>;
      for (const side of [reference, focus]) {
        const key = `${side}Respondents`;
        if (small(s[key] as number | null, threshold) && !isHidden(s, key)) {
          hide(s, key);
          hiddenCount += 1;
        }
        // A percentage of a hidden number of respondents is hidden with it (and the gap with either).
        if (isHidden(s, key)) {
          hide(s, `${side}Pct`);
          hide(s, "gap");
        }
      }
    } else if (result.kind === "board-difference") {
      const Fc = capitalise(focus);
      for (const d of [result.voting, result.executive] as BoardDifference<R, F>[]) {
        const members = d.members as CountsRecord;
        const rec = d as unknown as Rec;
        if (!publishBoard) {
          const table = new CountsTable(fields);
          table.row(members);
          // Members' own percentages go with their counts (and all of them with a hidden total).
          hiddenCount += table.apply(threshold, pctOf);
          // Board % = focus members / all members: with either hidden, the % and the other give it back
          // (16.67% of 12 voting members is 2).
          if (isHidden(members, focus) || isHidden(members, "total")) hide(rec, `board${Fc}Pct`);
        }
        // Workforce % is indicator 1's overall focus %, hidden where that is. The difference goes with either.
        if (isHidden(overall, `${focus}Pct`) || isHidden(overall, "total")) hide(rec, `workforce${Fc}Pct`);
        if (isHidden(rec, `board${Fc}Pct`) || isHidden(rec, `workforce${Fc}Pct`)) {
          hide(rec, "difference");
          d.reason = "below-threshold";
        }
      }
    }
    out.indicators[id] = result;
  }

  // Model Employer: headcounts and counts per band are indicator 1's; hide what it hid, and what reveals it.
  const me = out.related.modelEmployer;
  if (me) {
    if (overallHidden(focus) || overallHidden("total")) {
      me.targetPct = null;
      for (const b of me.bands)
        for (const k of ["targetPct", "gapPct", "needed", "neededPerYear"]) hide(b as unknown as Rec, k);
    }
    for (const b of me.bands) {
      const counts = representation?.bands[b.band] as CountsRecord | undefined;
      const rec = b as unknown as Rec;
      if (isHidden(counts, focus) || small(b.focus, threshold))
        for (const k of ["focus", "focusPct", "gapPct", "needed", "neededPerYear"]) hide(rec, k);
      if (isHidden(counts, "total") || small(b.headcount, threshold))
        for (const k of ["headcount", "focusPct", "gapPct", "needed", "neededPerYear"]) hide(rec, k);
    }
  }
  // Race disparity ratios are ratios of tier sums of indicator 1's band counts: a ratio of a tier with a
  // hidden band count is hidden (ratio x three tier sums would give the fourth back).
  const rd = out.related.raceDisparity;
  if (rd) {
    const tierHidden = (tier: keyof typeof PAY_TIERS) =>
      !representation ||
      PAY_TIERS[tier].some((b) =>
        [reference, focus, "total"].some((f) => isHidden(representation!.bands[b] as CountsRecord | undefined, f)),
      );
    for (const r of rd.ratios)
      if (tierHidden(r.from) || tierHidden(r.to)) Object.assign(r, { value: null, reason: "below-threshold" });
  }

  // Data completeness: unknown counts are people too.
  for (const [name, q] of Object.entries(out.dataQuality.inputs)) {
    if (!q) continue;
    const rec = q as unknown as Rec;
    if (name === "board" && publishBoard) continue;
    if (small(q.records, threshold) && !isHidden(rec, "records")) {
      // A handful of records (cases, say) is a small count of people too; their unknowns go with them.
      hide(rec, "records");
      hiddenCount += 1;
    }
    const linked = (name === "staff" && overallHidden("unknown")) || isHidden(rec, "records");
    if (small(q.unknown, threshold) || linked || isHidden(rec, "unknown")) {
      if (!isHidden(rec, "unknown")) hiddenCount += 1;
      hide(rec, "unknown");
      hide(rec, "unknownPct");
    }
  }
  // Each input's record count always shows. Where the records are exactly the measure's two groups plus its
  // unknowns (every training row a person counted in indicator 4, every application shortlisted...), records
  // is a published sum of them: protected like any other (the unknown count goes first).
  for (const [id, result] of Object.entries(out.indicators)) {
    if (result?.kind !== "relative-likelihood" || result.source !== "rows") continue;
    const rl = result as RelativeLikelihoodResult<R, F>;
    const name: InputName = rl.measure === "applications" ? "applications" : rl.measure;
    const key = rl.measure === "applications" ? "of" : "count";
    const q = out.dataQuality.inputs[name];
    const exactQ = doc.dataQuality.inputs[name];
    const exactRl = doc.indicators[id] as RelativeLikelihoodResult<R, F> | undefined;
    if (!q || !exactQ || exactQ.unknown === null || exactRl?.kind !== "relative-likelihood") continue;
    const exactSides = [reference, focus].map((side) => (exactRl as unknown as Record<string, Fraction>)[side]![key]);
    if (
      exactSides.some((x) => x === null) ||
      exactQ.records !== exactSides.reduce<number>((a, x) => a + (x ?? 0), 0) + exactQ.unknown
    )
      continue;
    const fractions = [reference, focus].map(
      (side) => (rl as unknown as Record<string, Fraction>)[side]! as unknown as CountsRecord,
    );
    const qRec = q as unknown as CountsRecord;
    const table = new CountsTable([]);
    table.relation(
      [qRec, "records"],
      [[qRec, "unknown"], ...fractions.map((fr) => [fr, key] as [CountsRecord, string])],
    );
    // Values are the exact ones (the copy's hidden ones are null); records is never hidden while a part will do.
    const values = new Map<CountsRecord, Record<string, number>>([
      [qRec, { records: exactQ.records, unknown: exactQ.unknown }],
    ]);
    fractions.forEach((fr, i) => values.set(fr, { [key]: exactSides[i]! }));
    for (const [obj, v] of values) for (const [f, x] of Object.entries(v)) if (!isHidden(obj, f)) obj[f] = x;
    hiddenCount += table.apply(
      threshold,
      (f) => (f === "unknown" ? "unknownPct" : null),
      (obj, f) => (f === "records" ? 1000 : obj === qRec ? 0.5 : undefined),
      // Parts hidden earlier in this copy (a small count, a small unknown) are judged by their exact values: two
      // hidden parts of 1 and 2 beside a shown total and a shown part would give their sum, 3, away.
      values,
    );
  }
  // Breakdowns of each likelihood measure, protected with the measure's own figures as their totals (a copy
  // protected before keeps what it hid: its hidden values are not known here).
  for (const [id, result] of Object.entries(out.indicators)) {
    if (result?.kind !== "relative-likelihood" || !result.breakdowns) continue;
    const exactRl = doc.indicators[id] as RelativeLikelihoodResult<R, F>;
    // A copy protected before (saved results read back carry no suppression info, only their marks).
    if (doc.suppression || hasHiddenMarks(exactRl)) {
      // Protected before: what it hid stays hidden. At a higher threshold its hidden values, which the sums
      // would need, are not known here, so its breakdowns are left out rather than half protected.
      if (doc.suppression && threshold > doc.suppression.threshold) delete result.breakdowns;
      continue;
    }
    const staffTables = (representation as RepresentationResult<R, F> | null)?.breakdowns;
    if (result.denominator === "staff" && !staffTables) {
      // Denominators are staff breakdown cells (times the years): with those left out, so are these.
      delete result.breakdowns;
      continue;
    }
    const name: InputName = result.measure === "applications" ? "applications" : result.measure;
    const n = protectLikelihoodBreakdowns(
      result as unknown as RelativeLikelihoodResult<string, string>,
      exactRl as unknown as RelativeLikelihoodResult<string, string>,
      { reference, focus },
      { out: out.dataQuality.inputs[name], exact: doc.dataQuality.inputs[name] },
      staffTables,
      threshold,
    );
    // No choice of breakdown cells was safe: left out rather than a headline figure hidden.
    if (n === null) delete result.breakdowns;
    else hiddenCount += n;
  }
  // A relative likelihood with any of its four figures hidden is not published: its value and interval,
  // with the other figures, narrow the hidden one to a handful of values (often one). A rate goes with its
  // count or denominator. The exact figures are in the exact document, for submission and the board.
  for (const result of Object.values(out.indicators)) {
    if (result?.kind !== "relative-likelihood") continue;
    const rl = result as RelativeLikelihoodResult<R, F>;
    const fractions = [reference, focus].map((side) => (rl as unknown as Record<string, Fraction>)[side]!);
    for (const fr of fractions) if (isHidden(fr, "count") || isHidden(fr, "of")) hide(fr as unknown as Rec, "rate");
    if (!fractions.some((fr) => isHidden(fr, "count") || isHidden(fr, "of"))) continue;
    if (!rl.cautions.includes("small-numbers")) rl.cautions.push("small-numbers");
    Object.assign(rl, {
      value: null,
      ci95: null,
      significant: null,
      adverse: null,
      reason: "below-threshold",
      reasonGroup: null,
    });
  }
  for (const s of out.dataQuality.sheets) {
    const input = s.kind !== null ? (INPUT_OF_SHEET[s.kind] ?? "staff") : "staff";
    // A sheet's rows are its input's records: hidden with them (and so are the rows left out, which add up to them).
    if (s.kind !== null && isHidden(out.dataQuality.inputs[input] as Rec | undefined, "records")) {
      Object.assign(s, {
        rowsRead: null,
        rowsUsed: null,
        rowsExcluded: null,
        exclusions: {},
        unknownEthnicityPct: null,
      });
      continue;
    }
    if (s.unknownEthnicityPct === null) continue;
    if (input === "board" && publishBoard) continue;
    const implied = Math.round((s.unknownEthnicityPct / 100) * (s.rowsUsed ?? 0));
    // The sheet's share times its rows used is its unknown count: hidden with the input's.
    const inputHidden = isHidden(out.dataQuality.inputs[input] as Rec | undefined, "unknown");
    if (small(implied, threshold) || inputHidden || (s.kind === "staff" && overallHidden("unknown")))
      s.unknownEthnicityPct = null;
  }
  for (const w of out.dataQuality.warnings) {
    // The level stays (it is the warning); the share goes when the count behind it is hidden.
    if (out.dataQuality.inputs[w.input]?.unknownPct === null) w.unknownPct = null;
  }

  roundPublished(out, null);
  // A comparison repeats figures. This year's is the one this copy shows; last year's, the one last year's
  // protected copy shows (so differencing two years' copies gives nothing that either does not), and without
  // last year's document it is not published. The change is worked out from the two published figures.
  if (out.comparison) {
    const previousCopy = options.previous
      ? suppressResults(options.previous, threshold, { publishBoardComposition: publishBoard })
      : null;
    for (const item of out.comparison.items) {
      const places = item.direction === "towards-one" ? 2 : 1;
      const current = figureAt(out.indicators[item.indicator], item.measure);
      const previous = previousCopy ? figureAt(previousCopy.indicators[item.indicator], item.measure) : null;
      item.current = current;
      item.previous = previous;
      const hidden = {
        ...(hiddenAt(out.indicators[item.indicator], item.measure) ? { current: "hidden" as const } : {}),
        ...(previousCopy && hiddenAt(previousCopy.indicators[item.indicator], item.measure)
          ? { previous: "hidden" as const }
          : {}),
      };
      if (hidden.current || hidden.previous) item.suppressed = hidden;
      // Across a method change there is no change to give (the two figures are not like for like).
      const comparable = !item.methodChanges?.length;
      item.change = comparable && current !== null && previous !== null ? roundTo(current - previous, places) : null;
      if (item.change === null) item.trend = "not-comparable";
      delete item.counts;
    }
  }

  // The bank population: its own copy, protected by the same rules; its records repeated in the sheets' counts.
  if (doc.bank) {
    out.bank = suppressResults(doc.bank, threshold, {
      publishBoardComposition: publishBoard,
      ...(options.previous?.bank ? { previous: options.previous.bank } : {}),
    });
    hideBankRepeats(out as unknown as ResultsDocument<string, string>);
  }
  out.schemaVersion = 3;
  out.audience = "protected";
  out.notice = PROTECTED_NOTICE;
  out.suppression = {
    threshold,
    hidden: (doc.suppression?.hidden ?? 0) + hiddenCount,
    publishBoardComposition: publishBoard,
  };
  return out;
}
