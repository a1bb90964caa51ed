// Rolling a plan over at the end of its year: next year's objectives are drafted from this
// year's, open actions (not Blue) are carried over with a link back (carriedFromId), and this
// year's objectives are listed to be closed read-only. Completed work stays in its own year.
// Pure: the tab writes the drafts through the PlanStore, then marks the old objectives.
import { objectiveKey, type ActionFields, type ObjectiveFields } from "./import";
import { sortByNumber } from "./numbering";
import type { Action, Objective } from "./types";
import type { PlanWriter, WriteFailure, WriteProgress } from "./writer";

export { nextPlanYear, previousPlanYear } from "./plan-years";

export interface RolloverSource {
  objectives: readonly Objective[];
  actions: readonly Action[];
}

export interface CarriedAction {
  /** The action it continues (also in fields.carriedFromId). */
  fromId: number;
  fields: ActionFields;
}

export interface CarriedObjective {
  fromId: number;
  /** The next year's objective when an earlier, interrupted roll-over created it already; else null (create it). */
  existingId: number | null;
  fields: ObjectiveFields;
  actions: CarriedAction[];
}

export type RolloverProblem =
  /** The years are the same, or the target is not after the source. */
  | "yearOrder"
  /** The year has no objectives. */
  | "emptyPlan"
  /** Every objective of the year is read-only already: it was rolled over. */
  | "alreadyClosed";

export type Rollover =
  | {
      ok: true;
      fromYear: string;
      toYear: string;
      /** Next year's objectives with the open actions to carry, in number order. */
      objectives: CarriedObjective[];
      /** This year's objectives to mark read-only once the drafts are written (with their ETags). */
      markReadOnly: Objective[];
      /** Completed (Blue) actions that stay in this year. */
      completed: Action[];
      /** Objectives left behind because every action is complete. */
      completedObjectives: Objective[];
    }
  | { ok: false; problem: RolloverProblem };

function yearStart(year: string): number | null {
  const match = year.match(/^\s*(\d{4})/);
  return match ? Number(match[1]) : null;
}

function objectiveFields(objective: Objective, toYear: string): ObjectiveFields {
  return {
    title: objective.title,
    planYear: toYear,
    number: objective.number,
    description: objective.description,
    owner: objective.owner,
    sponsor: objective.sponsor,
    indicators: [...objective.indicators],
    highImpactActions: [...objective.highImpactActions],
    // An override and its reason were a judgement about last year; the new year starts from its actions.
    ragOverride: null,
    ragOverrideReason: null,
    readOnly: false,
  };
}

function actionFields(action: Action): ActionFields {
  return {
    number: action.number,
    title: action.title,
    leads: [...action.leads],
    leadText: action.leadText,
    dueDate: action.dueDate,
    milestones: action.milestones,
    progress: action.progress,
    kpis: action.kpis,
    outcomes: action.outcomes,
    indicators: [...action.indicators],
    rag: action.rag,
    carriedFromId: action.id,
  };
}

/**
 * Drafts next year's plan from this one. `target` is next year's plan as stored, when a
 * roll-over was started before: objectives and carried actions already there are not drafted
 * again, so running it twice creates nothing twice.
 */
export function rollOverPlan(
  plan: RolloverSource,
  fromYear: string,
  toYear: string,
  target?: RolloverSource,
): Rollover {
  const from = yearStart(fromYear);
  const to = yearStart(toYear);
  if (fromYear.trim() === toYear.trim() || (from !== null && to !== null && to <= from))
    return { ok: false, problem: "yearOrder" };

  const objectives = sortByNumber(plan.objectives.filter((o) => o.planYear === fromYear));
  if (objectives.length === 0) return { ok: false, problem: "emptyPlan" };
  if (objectives.every((o) => o.readOnly === true)) return { ok: false, problem: "alreadyClosed" };

  const targetObjectives = new Map(
    (target?.objectives ?? []).filter((o) => o.planYear === toYear).map((o) => [objectiveKey(o), o]),
  );
  const alreadyCarried = new Set(
    (target?.actions ?? []).map((a) => a.carriedFromId).filter((id): id is number => typeof id === "number"),
  );

  const carried: CarriedObjective[] = [];
  const completed: Action[] = [];
  const completedObjectives: Objective[] = [];
  for (const objective of objectives) {
    const own = sortByNumber(plan.actions.filter((a) => a.objectiveId === objective.id));
    const open = own.filter((a) => a.rag !== "Blue");
    completed.push(...own.filter((a) => a.rag === "Blue"));
    if (own.length > 0 && open.length === 0) {
      completedObjectives.push(objective);
      continue;
    }
    carried.push({
      fromId: objective.id,
      existingId: targetObjectives.get(objectiveKey(objective))?.id ?? null,
      fields: objectiveFields(objective, toYear),
      actions: open.filter((a) => !alreadyCarried.has(a.id)).map((a) => ({ fromId: a.id, fields: actionFields(a) })),
    });
  }

  return {
    ok: true,
    fromYear,
    toYear,
    objectives: carried,
    markReadOnly: objectives.filter((o) => o.readOnly !== true),
    completed,
    completedObjectives,
  };
}

export interface RolloverOutcome {
  created: { objectives: number; actions: number };
  /** This year's objectives marked read-only (only once everything was carried). */
  closed: number;
  failed: WriteFailure[];
}

/**
 * Writes a roll-over in three bulk writes ($batch requests through the store): next year's objectives,
 * then the carried actions under them, then (only when all of that succeeded) marks this year's
 * objectives read-only. After a failure, load both years
 * and call rollOverPlan again with the next year as `target`: it drafts only what is missing.
 */
export async function applyRollover(
  rollover: Extract<Rollover, { ok: true }>,
  writer: PlanWriter,
  onProgress?: (progress: WriteProgress) => void,
): Promise<RolloverOutcome> {
  const outcome: RolloverOutcome = { created: { objectives: 0, actions: 0 }, closed: 0, failed: [] };
  const toCreate = rollover.objectives.filter((o) => o.existingId === null);
  const total =
    toCreate.length + rollover.objectives.reduce((n, o) => n + o.actions.length, 0) + rollover.markReadOnly.length;
  let done = 0;
  const advance = (n: number) => {
    done += n;
    if (n > 0) onProgress?.({ done, total });
  };

  // Next year's objectives in one bulk write; then every carried action under them in another.
  const ids = new Map<number, number>();
  for (const objective of rollover.objectives)
    if (objective.existingId !== null) ids.set(objective.fromId, objective.existingId);
  const createdObjectives =
    toCreate.length > 0
      ? await writer.writeObjectives(toCreate.map((o) => ({ kind: "create", fields: o.fields })))
      : [];
  createdObjectives.forEach((result, i) => {
    const objective = toCreate[i] as (typeof toCreate)[number];
    if (result.ok) {
      ids.set(objective.fromId, result.value.id);
      outcome.created.objectives++;
    } else {
      outcome.failed.push({
        item: "objective",
        ref: String(objective.fromId),
        title: objective.fields.title,
        error: result.error,
      });
    }
  });
  advance(toCreate.length);

  const carried = rollover.objectives.flatMap((objective) => {
    const id = ids.get(objective.fromId);
    return id === undefined ? [] : objective.actions.map((action) => ({ action, objectiveId: id }));
  });
  advance(rollover.objectives.reduce((n, o) => n + o.actions.length, 0) - carried.length); // under an objective that failed
  const createdActions =
    carried.length > 0
      ? await writer.writeActions(
          carried.map(({ action, objectiveId }) => ({ kind: "create", fields: { ...action.fields, objectiveId } })),
        )
      : [];
  createdActions.forEach((result, i) => {
    const { action } = carried[i] as (typeof carried)[number];
    if (result.ok) outcome.created.actions++;
    else
      outcome.failed.push({
        item: "action",
        ref: String(action.fromId),
        title: action.fields.title,
        error: result.error,
      });
  });
  advance(carried.length);
  if (outcome.failed.length > 0) return outcome; // keep this year open until everything is carried

  const closing = rollover.markReadOnly;
  const closed =
    closing.length > 0
      ? await writer.writeObjectives(
          closing.map((o) => ({ kind: "update", id: o.id, etag: o.etag, patch: { readOnly: true } })),
        )
      : [];
  closed.forEach((result, i) => {
    const objective = closing[i] as (typeof closing)[number];
    if (result.ok) outcome.closed++;
    else
      outcome.failed.push({
        item: "objective",
        ref: String(objective.id),
        title: objective.title,
        error: result.error,
      });
  });
  advance(closing.length);
  return outcome;
}
