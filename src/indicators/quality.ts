// Data completeness: the share of unknown group membership in every input, and excluded rows.
import type { CompletenessLevel, DataQuality, InputCompleteness, InputName, Side } from "./types";
import type { Context } from "./context";
import { sideWithJoin } from "./context";
import { percent } from "./stats";

function level(unknownPct: number | null, thresholds: { caution: number; unreliable: number }): CompletenessLevel {
  if (unknownPct === null) return "ok";
  if (unknownPct > thresholds.unreliable) return "unreliable";
  if (unknownPct > thresholds.caution) return "caution";
  return "ok";
}

/** The input whose records a kind of sheet holds (a survey sheet holds none). */
export const INPUT_OF_SHEET: Partial<Record<string, InputName>> = {
  staff: "staff",
  recruitment: "applications",
  cases: "cases",
  training: "training",
  board: "board",
  aggregate: "aggregates",
};

export function computeDataQuality<R extends string, F extends string>(ctx: Context<R, F>): DataQuality {
  const { dataset, standard } = ctx;
  const thresholds = { ...standard.completeness };
  const inputs: Partial<Record<InputName, InputCompleteness>> = {};
  const add = <T>(name: InputName, records: T[], sideOf: ((r: T) => Side) | null) => {
    if (records.length === 0 || !sideOf) return;
    let unknown = 0;
    for (let i = 0; i < records.length; i++) if (sideOf(records[i]!) === "unknown") unknown += 1;
    const unknownPct = percent(unknown, records.length);
    inputs[name] = { records: records.length, unknown, unknownPct, level: level(unknownPct, thresholds) };
  };
  const c = standard.classify;
  add("staff", dataset.staff, c.staff);
  add("applications", dataset.applications, c.application ?? null);
  add("cases", dataset.cases, (r) => sideWithJoin(ctx, r, c.case));
  add("training", dataset.training, (r) => sideWithJoin(ctx, r, c.training));
  add("board", dataset.board, c.board ?? null);
  if (dataset.aggregates.length > 0 && c.aggregate) {
    let records = 0;
    let unknown = 0;
    for (const a of dataset.aggregates) {
      const t = c.aggregate(a);
      records += t.reference + t.focus + t.unknown;
      unknown += t.unknown;
    }
    const unknownPct = percent(unknown, records);
    inputs.aggregates = { records, unknown, unknownPct, level: level(unknownPct, thresholds) };
  }
  const warnings: DataQuality["warnings"] = [];
  for (const [input, q] of Object.entries(inputs) as [InputName, InputCompleteness][]) {
    if (q.level !== "ok" && q.unknownPct !== null) warnings.push({ input, level: q.level, unknownPct: q.unknownPct });
  }
  const exclusions: Record<string, number> = {};
  let rowsExcluded = 0;
  const sheets = dataset.sheets.map((s) => {
    rowsExcluded += s.rowsExcluded;
    for (const [reason, n] of Object.entries(s.exclusions)) exclusions[reason] = (exclusions[reason] ?? 0) + n;
    return {
      file: s.file,
      sheet: s.sheet,
      kind: s.kind,
      rowsRead: s.rowsRead,
      rowsUsed: s.rowsUsed,
      rowsExcluded: s.rowsExcluded,
      exclusions: { ...s.exclusions },
      unknownEthnicityPct: s.unknownEthnicityPct,
    };
  });
  let errors = 0;
  let warningsCount = 0;
  for (const i of dataset.issues) {
    if (i.severity === "error") errors += 1;
    else warningsCount += 1;
  }
  return {
    inputs,
    thresholds,
    warnings,
    sheets,
    rowsExcluded,
    // Most rows first, so a report reads the same whatever order its files were named in.
    exclusions: Object.fromEntries(
      Object.entries(exclusions).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)),
    ),
    issues: { errors, warnings: warningsCount },
  };
}
