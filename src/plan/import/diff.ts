// What an import would do to the plan year already on the site: create, update or leave alone.
// Matching is by import key (number + title), then by number, then by title, one to one, so a
// re-import of the same file changes nothing and an edited title updates rather than duplicates.
// An import adds and updates; it never deletes, and an empty cell never clears a stored value.
import { sameValue } from "../conflict";
import { isoDay } from "../dates";
import type { Action, Objective } from "../types";
import { actionKey, normaliseNumber, objectiveKey } from "./keys";
import { comparable } from "./text";
import type { ActionFields, ImportedAction, ImportedObjective, ObjectiveFields } from "./types";

export type ChangeKind = "create" | "update" | "unchanged" | "readOnly";

export interface ObjectiveChange {
  kind: ChangeKind;
  imported: ImportedObjective;
  /** The stored objective it matched (update, unchanged, readOnly). */
  existing: Objective | null;
  /** For update: only the fields that change. */
  patch: Partial<ObjectiveFields>;
}

export interface ActionChange {
  kind: ChangeKind;
  imported: ImportedAction;
  /** Key of the imported objective it belongs to. */
  objectiveKey: string;
  /** The stored objective's id when the objective exists already; null when it is created too. */
  objectiveId: number | null;
  existing: Action | null;
  patch: Partial<ActionFields>;
}

export interface ImportDiff {
  objectives: ObjectiveChange[];
  actions: ActionChange[];
  counts: Record<ChangeKind, number>;
  /** Stored items the file does not mention: left as they are. */
  notInFile: { objectives: Objective[]; actions: Action[] };
}

/** Fields an import writes and compares (people, overrides and links are the tab's, not the file's). */
const OBJECTIVE_FIELDS = ["title", "number", "description", "indicators", "highImpactActions"] as const;
const ACTION_FIELDS = [
  "title",
  "number",
  "leadText",
  "dueDate",
  "milestones",
  "progress",
  "kpis",
  "outcomes",
  "indicators",
  "rag",
] as const;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function patchOf<F extends object, K extends keyof F>(imported: F, existing: F, fields: readonly K[]): Partial<F> {
  const patch: Partial<F> = {};
  for (const field of fields) {
    const next = imported[field];
    if (isEmpty(next)) continue; // an empty cell does not clear what is stored
    const stored = existing[field];
    // Dates compare by calendar day: a store may hand back "2025-03-31T00:00:00Z".
    const same =
      field === "dueDate" && typeof next === "string" && typeof stored === "string"
        ? isoDay(next) === isoDay(stored)
        : sameValue(next, stored);
    if (!same) patch[field] = next;
  }
  return patch;
}

/** Finds the match for each imported item among candidates, one to one: key, then number, then title. */
function match<I, E>(
  imported: readonly I[],
  candidates: readonly E[],
  keyOf: { imported: (i: I) => string; existing: (e: E) => string },
  numberOf: { imported: (i: I) => string; existing: (e: E) => string },
  titleOf: { imported: (i: I) => string; existing: (e: E) => string },
): Map<I, E> {
  const matched = new Map<I, E>();
  const taken = new Set<E>();
  const passes: [(i: I) => string, (e: E) => string][] = [
    [keyOf.imported, keyOf.existing],
    [(i) => normaliseNumber(numberOf.imported(i)), (e) => normaliseNumber(numberOf.existing(e))],
    [(i) => comparable(titleOf.imported(i)), (e) => comparable(titleOf.existing(e))],
  ];
  for (const [importedValue, existingValue] of passes) {
    // Each candidate's value once per pass: keys and fingerprints are not free on large plans.
    const byValue = new Map<string, E[]>();
    for (const candidate of candidates) {
      const value = existingValue(candidate);
      byValue.set(value, [...(byValue.get(value) ?? []), candidate]);
    }
    for (const item of imported) {
      if (matched.has(item)) continue;
      const value = importedValue(item);
      if (value === "") continue;
      const found = (byValue.get(value) ?? []).filter((c) => !taken.has(c));
      if (found.length !== 1) continue; // none, or ambiguous: do not pick one
      const candidate = found[0] as E;
      matched.set(item, candidate);
      taken.add(candidate);
    }
  }
  return matched;
}

function kindOf(existing: unknown, patch: object, readOnly: boolean): ChangeKind {
  if (readOnly) return "readOnly";
  if (existing === null) return "create";
  return Object.keys(patch).length === 0 ? "unchanged" : "update";
}

/** Compares an import with the plan year as stored (objectives of other years are ignored). */
export function planImportDiff(
  imported: readonly ImportedObjective[],
  existing: { objectives: readonly Objective[]; actions: readonly Action[] },
): ImportDiff {
  const year = imported[0]?.fields.planYear;
  const stored = existing.objectives.filter((o) => year === undefined || o.planYear === year);
  const objectiveMatches = match(
    imported,
    stored,
    { imported: (i) => i.key, existing: (e) => objectiveKey(e) },
    { imported: (i) => i.fields.number, existing: (e) => e.number },
    { imported: (i) => i.fields.title, existing: (e) => e.title },
  );

  const objectives: ObjectiveChange[] = [];
  const actions: ActionChange[] = [];
  const touchedActions = new Set<Action>();
  const actionsByObjective = new Map<number, Action[]>();
  for (const action of existing.actions)
    actionsByObjective.set(action.objectiveId, [...(actionsByObjective.get(action.objectiveId) ?? []), action]);
  for (const item of imported) {
    const found = objectiveMatches.get(item) ?? null;
    const patch = found ? patchOf(item.fields, found, OBJECTIVE_FIELDS) : {};
    const locked = found?.readOnly === true;
    objectives.push({
      kind: kindOf(found, patch, locked),
      imported: item,
      existing: found,
      patch: locked ? {} : patch,
    });

    const storedActions = found ? (actionsByObjective.get(found.id) ?? []) : [];
    const actionMatches = match(
      item.actions,
      storedActions,
      { imported: (i) => i.key, existing: (e) => actionKey(e) },
      { imported: (i) => i.fields.number, existing: (e) => e.number },
      { imported: (i) => i.fields.title, existing: (e) => e.title },
    );
    for (const action of item.actions) {
      const storedAction = actionMatches.get(action) ?? null;
      if (storedAction) touchedActions.add(storedAction);
      const actionPatch = storedAction ? patchOf(action.fields, storedAction, ACTION_FIELDS) : {};
      actions.push({
        kind: kindOf(storedAction, actionPatch, locked),
        imported: action,
        objectiveKey: item.key,
        objectiveId: found?.id ?? null,
        existing: storedAction,
        patch: locked ? {} : actionPatch,
      });
    }
  }

  const counts: Record<ChangeKind, number> = { create: 0, update: 0, unchanged: 0, readOnly: 0 };
  for (const change of [...objectives, ...actions]) counts[change.kind]++;
  const matchedObjectives = new Set(objectiveMatches.values());
  const storedIds = new Set(stored.map((o) => o.id));
  return {
    objectives,
    actions,
    counts,
    notInFile: {
      objectives: stored.filter((o) => !matchedObjectives.has(o)),
      actions: existing.actions.filter((a) => storedIds.has(a.objectiveId) && !touchedActions.has(a)),
    },
  };
}
