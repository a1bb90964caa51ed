// The conflict view's rows over src/plan's field comparison and merge rules.
import { compareVersions, mergeFields, patchFrom, sameValue, type MergeChoice, type MergeChoices } from "../../plan";

export type Choice = MergeChoice;

export interface ConflictField<T> {
  key: keyof T & string;
  /** i18n key of the field's name. */
  label: string;
  /** How the value reads on screen. */
  show(value: T[keyof T]): string;
}

export interface ConflictRow {
  key: string;
  label: string;
  mineText: string;
  theirsText: string;
  differs: boolean;
  /** The user's value where only they changed it (or both did); the other person's otherwise. */
  suggested: Choice;
}

export function conflictRows<T extends object>(fields: ConflictField<T>[], mine: T, theirs: T, base?: T): ConflictRow[] {
  const differences = new Map(compareVersions(mine, theirs, base).map((d) => [d.field, d]));
  return fields.map((field) => {
    const difference = differences.get(field.key);
    return {
      key: field.key,
      label: field.label,
      mineText: field.show(mine[field.key]),
      theirsText: field.show(theirs[field.key]),
      differs: difference !== undefined && !sameValue(mine[field.key], theirs[field.key]),
      suggested: difference && (difference.mineChanged ?? true) ? "mine" : "theirs",
    };
  });
}

/** The patch to save on top of "theirs" (with its ETag) for these choices. */
export function mergedPatch<T extends object>(mine: T, theirs: T, base: T | undefined, choices: Record<string, Choice>): Partial<T> {
  return patchFrom(theirs, mergeFields(base, mine, theirs, choices as MergeChoices<T>));
}

/** "Keep mine": every field that differs takes the user's value. */
export function keepMinePatch<T extends object>(mine: T, theirs: T): Partial<T> {
  const choices: Record<string, Choice> = {};
  for (const d of compareVersions(mine, theirs)) choices[d.field] = "mine";
  return mergedPatch(mine, theirs, undefined, choices);
}
