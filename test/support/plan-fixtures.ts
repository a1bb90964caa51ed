// Plain plan data for tests: one objective, action and progress update with every field filled,
// overridden where a test cares. The one place a new field of the domain types must be added.
import type { ActionDraft, ObjectiveDraft } from "../../src/plan/store";
import type { Action, Objective, Person, ProgressUpdate, Rag } from "../../src/plan/types";

let nextId = 1000;

export function objective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: overrides.id ?? nextId++,
    etag: '"1"',
    title: "Improve representation of BME staff in senior roles",
    planYear: "2024/25",
    number: "1",
    description: null,
    owner: null,
    sponsor: null,
    indicators: [1],
    highImpactActions: [],
    ragOverride: null,
    ragOverrideReason: null,
    modified: "2025-01-01T09:00:00Z",
    ...overrides,
  };
}

export function action(overrides: Partial<Action> = {}): Action {
  return {
    id: overrides.id ?? nextId++,
    etag: '"1"',
    objectiveId: 1,
    number: "1.1",
    title: "Reverse mentoring for the board",
    leads: [],
    leadText: "Head of EDI",
    dueDate: "2025-03-31",
    milestones: null,
    progress: null,
    kpis: null,
    outcomes: null,
    indicators: [],
    rag: "Green",
    modified: "2025-01-01T09:00:00Z",
    ...overrides,
  };
}

export const amara: Person = { id: 7, title: "Amara Okafor", email: "amara.okafor@wres.test" };
export const tom: Person = { id: 8, title: "Tom Hughes", email: "tom.hughes@wres.test" };

/**
 * Positional builders for tests that lay out a whole plan, as a published plan reads: objectives owned by
 * `owner`, actions led by `lead` (no free-text lead), everything last modified at `modified`.
 */
export function planWriter(defaults: { owner: Person; lead: Person; modified: string }) {
  const { owner, lead, modified } = defaults;
  return {
    objective: (id: number, number: string, title: string, extra: Partial<Objective> = {}): Objective =>
      objective({ id, title, number, owner, modified, ...extra }),
    action: (
      id: number,
      objectiveId: number,
      number: string,
      title: string,
      rag: Rag,
      extra: Partial<Action> = {},
    ): Action => action({ id, objectiveId, number, title, leads: [lead], leadText: null, rag, modified, ...extra }),
  };
}

/** An objective to add to a store: `overrides` on a blank one (nothing but its title, year and number). */
export function objectiveDraft(overrides: Partial<ObjectiveDraft> = {}): ObjectiveDraft {
  return {
    title: "Close the gap at band 8a and above",
    planYear: "2024/25",
    number: "1",
    description: null,
    owner: null,
    sponsor: null,
    indicators: [],
    highImpactActions: [],
    ragOverride: null,
    ragOverrideReason: null,
    ...overrides,
  };
}

/** An action to add under `objectiveId`: `overrides` on a blank Green one numbered 1.1. */
export function actionDraft(objectiveId: number, overrides: Partial<ActionDraft> = {}): ActionDraft {
  return {
    objectiveId,
    number: "1.1",
    title: "Diverse interview panels",
    leads: [],
    leadText: null,
    dueDate: null,
    milestones: null,
    progress: null,
    kpis: null,
    outcomes: null,
    indicators: [],
    rag: "Green",
    ...overrides,
  };
}

export function update(
  actionId: number,
  date: string,
  previousRag: Rag | null,
  rag: Rag | null,
  overrides: Partial<ProgressUpdate> = {},
): ProgressUpdate {
  return {
    id: overrides.id ?? nextId++,
    actionId,
    author: { id: 7, title: "Amara Okafor", email: "amara.okafor@wres.test" },
    date,
    rag,
    previousRag,
    note: null,
    progress: null,
    kind: "update",
    ...overrides,
  };
}
