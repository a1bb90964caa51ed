// The test's own reading of a protected results document (or any part of it, e.g. one indicator's saved
// detail): every count of people it shows, and which of them are small. Written from the document's
// contract (src/indicators/types.ts), not from suppressResults, so a check built on it can catch
// suppressResults or anything downstream letting a small number through.

/** Count fields by the shape of the object that holds them. */
const COUNT_FIELDS = {
  // Counts: indicator 1's tables, board members, senior medical managers.
  counts: ["white", "bme", "unknown", "total"],
  // Fraction: the numerator and denominator of each group of indicators 2 to 4.
  fraction: ["count", "of"],
  // Survey indicators 5 to 8: respondents per group.
  survey: ["whiteRespondents", "bmeRespondents"],
  // Model Employer, per band.
  modelEmployer: ["headcount", "focus"],
} as const;

export interface ShownCount {
  path: string;
  value: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function fieldsOf(obj: Json, parentKey: string, inBreakdown: boolean): readonly string[] {
  if (inBreakdown && parentKey !== "sides")
    return Object.keys(obj).filter((k) => k !== "suppressed" && typeof obj[k] === "number");
  if ("total" in obj && "white" in obj && "bme" in obj) return COUNT_FIELDS.counts;
  if ("count" in obj && "of" in obj && "rate" in obj) return COUNT_FIELDS.fraction;
  // A headcount cell of a breakdown (schema 3): { count } alone.
  if ("count" in obj && Object.keys(obj).every((k) => k === "count" || k === "suppressed")) return ["count"];
  if (obj.kind === "survey") return COUNT_FIELDS.survey;
  if ("headcount" in obj && "band" in obj) return COUNT_FIELDS.modelEmployer;
  return [];
}

/**
 * Every count of people shown (a number, not marked hidden) anywhere under `root`. `skip` leaves out
 * subtrees by path prefix (e.g. board members, which WRES publishes in full by default).
 */
export function shownCounts(root: unknown, skip: RegExp[] = []): ShownCount[] {
  const out: ShownCount[] = [];
  const walk = (node: unknown, path: string, parentKey: string, inBreakdown: boolean) => {
    if (skip.some((s) => s.test(path))) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}/${i}`, parentKey, inBreakdown));
      return;
    }
    if (!isObject(node)) return;
    const marks = isObject(node.suppressed) ? node.suppressed : {};
    for (const field of fieldsOf(node, parentKey, inBreakdown)) {
      const value = node[field];
      if (typeof value === "number" && marks[field] === undefined) out.push({ path: `${path}/${field}`, value });
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === "suppressed") continue;
      walk(child, `${path}/${key}`, key, inBreakdown || key === "breakdown");
    }
  };
  walk(root, "", "", false);
  return out;
}

/** The counts shown that are small: more than 0 and below the threshold. */
export function smallCountsShown(root: unknown, threshold: number, skip: RegExp[] = []): ShownCount[] {
  return shownCounts(root, skip).filter((c) => c.value > 0 && c.value < threshold);
}

/** Board members per group: published in full by default (WRES reports give indicator 9 so). */
export const BOARD_MEMBERS = /\/(voting|executive)\/members$/;
