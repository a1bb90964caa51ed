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
  /**
   * Whether the save can write this field. A progress update writes only RAG and progress, so
   * the other fields someone else changed are shown and kept as current, never offered as a
   * choice the save would then ignore.
   */
  choosable: boolean;
  /** The user's value where only they changed it (or both did); the other person's otherwise. */
  suggested: Choice;
  /**
   * Whether the user changed this field (true when the version they started from is not known).
   * Only such a field is labelled "Your version"; the others show the value as the user opened it.
   */
  mineChanged: boolean;
}

/** The fields a save can write; undefined: all of them. */
export type Savable = readonly string[] | undefined;

const canSave = (savable: Savable, field: string) => savable === undefined || savable.includes(field);

export function conflictRows<T extends object>(
  fields: ConflictField<T>[],
  mine: T,
  theirs: T,
  base?: T,
  savable?: Savable,
): ConflictRow[] {
  const differences = new Map(compareVersions(mine, theirs, base).map((d) => [d.field, d]));
  return fields.map((field) => {
    const difference = differences.get(field.key);
    const choosable = canSave(savable, field.key);
    return {
      key: field.key,
      label: field.label,
      mineText: field.show(mine[field.key]),
      theirsText: field.show(theirs[field.key]),
      differs: difference !== undefined && !sameValue(mine[field.key], theirs[field.key]),
      choosable,
      suggested: choosable && difference && (difference.mineChanged ?? true) ? "mine" : "theirs",
      mineChanged: difference
        ? (difference.mineChanged ?? true)
        : base === undefined || !sameValue(mine[field.key], base[field.key]),
    };
  });
}

/** Choices with every field the save cannot write set to the current value. */
function onlySavable(
  fields: Iterable<string>,
  choices: Record<string, Choice>,
  savable: Savable,
): Record<string, Choice> {
  const out: Record<string, Choice> = { ...choices };
  for (const field of fields) if (!canSave(savable, field)) out[field] = "theirs";
  return out;
}

/** The patch to save on top of "theirs" (with its ETag) for these choices: only fields the save can write. */
export function mergedPatch<T extends object>(
  mine: T,
  theirs: T,
  base: T | undefined,
  choices: Record<string, Choice>,
  savable?: Savable,
): Partial<T> {
  const fields = compareVersions(mine, theirs, base).map((d) => d.field);
  return patchFrom(theirs, mergeFields(base, mine, theirs, onlySavable(fields, choices, savable) as MergeChoices<T>));
}

/** "Keep mine": every field that differs and that the save can write takes the user's value. */
export function keepMinePatch<T extends object>(mine: T, theirs: T, savable?: Savable): Partial<T> {
  const choices: Record<string, Choice> = {};
  for (const d of compareVersions(mine, theirs)) choices[d.field] = "mine";
  return mergedPatch(mine, theirs, undefined, choices, savable);
}
