// The conflict view's rules: when SharePoint refuses a save (stale ETag), show the user's
// version and the current one field by field, and merge as the user chooses. Nothing is
// overwritten silently: a field both sides changed keeps the user's value unless they choose.

/** Bookkeeping fields that never take part in a merge. */
const IGNORED = new Set(["id", "etag", "modified", "modifiedBy"]);

function isPerson(value: unknown): value is { id: number } {
  return (
    typeof value === "object" && value !== null && "id" in value && typeof (value as { id: unknown }).id === "number"
  );
}

/** Value equality for plan fields: people compare by site user id, lists element by element. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined || a === "") && (b === null || b === undefined || b === "")) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPerson(a) && isPerson(b)) return a.id === b.id;
  if (
    typeof a === "object" &&
    a !== null &&
    typeof b === "object" &&
    b !== null &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

export interface FieldDifference<T> {
  field: keyof T & string;
  mine: unknown;
  theirs: unknown;
  /** With a base: whether each side changed the field since it was loaded. */
  mineChanged?: boolean;
  theirsChanged?: boolean;
  /** Both sides changed the field to different values: the user must choose. */
  conflicting: boolean;
}

function mergeableFields<T extends object>(...versions: (T | undefined)[]): (keyof T & string)[] {
  const fields = new Set<string>();
  for (const v of versions) if (v) for (const k of Object.keys(v)) if (!IGNORED.has(k)) fields.add(k);
  return [...fields] as (keyof T & string)[];
}

/**
 * The fields where the user's version and the current one differ. With the base (the version
 * the user started from), a difference is conflicting only when both sides changed it.
 */
export function compareVersions<T extends object>(mine: T, theirs: T, base?: T): FieldDifference<T>[] {
  const diffs: FieldDifference<T>[] = [];
  for (const field of mergeableFields(mine, theirs)) {
    const m = (mine as Record<string, unknown>)[field];
    const t = (theirs as Record<string, unknown>)[field];
    if (sameValue(m, t)) continue;
    if (base) {
      const b = (base as Record<string, unknown>)[field];
      const mineChanged = !sameValue(m, b);
      const theirsChanged = !sameValue(t, b);
      diffs.push({ field, mine: m, theirs: t, mineChanged, theirsChanged, conflicting: mineChanged && theirsChanged });
    } else {
      diffs.push({ field, mine: m, theirs: t, conflicting: true });
    }
  }
  return diffs;
}

export type MergeChoice = "mine" | "theirs";
export type MergeChoices<T> = Partial<Record<keyof T & string, MergeChoice>>;

/**
 * Merges field by field, starting from theirs (the current version, whose ETag the save will
 * carry). A field takes the user's value when they chose "mine", or, without a choice, when only
 * they changed it (with a base) or when the two differ (without a base, the user's intent wins
 * over silence). Id, ETag and Modified always come from theirs.
 */
export function mergeFields<T extends object>(
  base: T | undefined,
  mine: T,
  theirs: T,
  choices: MergeChoices<T> = {},
): T {
  const merged: Record<string, unknown> = { ...(theirs as Record<string, unknown>) };
  for (const diff of compareVersions(mine, theirs, base)) {
    const choice = choices[diff.field];
    const takeMine = choice ? choice === "mine" : base ? diff.mineChanged === true : true;
    if (takeMine) merged[diff.field] = diff.mine;
  }
  return merged as T;
}

/** Fields both sides changed for which the user has not chosen yet. */
export function unresolvedFields<T extends object>(
  base: T | undefined,
  mine: T,
  theirs: T,
  choices: MergeChoices<T> = {},
): (keyof T & string)[] {
  return compareVersions(mine, theirs, base)
    .filter((d) => d.conflicting && choices[d.field] === undefined)
    .map((d) => d.field);
}

/** The fields of `merged` that differ from `theirs`: the patch to save with theirs' ETag. */
export function patchFrom<T extends object>(theirs: T, merged: T): Partial<T> {
  const patch: Record<string, unknown> = {};
  for (const diff of compareVersions(merged, theirs)) patch[diff.field] = diff.mine;
  return patch as Partial<T>;
}
