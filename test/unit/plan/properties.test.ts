// Properties the conflict view and the overview rely on, over generated plans.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mergeFields, patchFrom } from "../../../src/plan/conflict";
import { summarisePlan } from "../../../src/plan/summary";
import { changesSince } from "../../../src/plan/changes";
import { RAGS, type Action } from "../../../src/plan/types";
import { action, objective, update } from "../../support/plan-fixtures";

const rag = fc.constantFrom(...RAGS);
const text = fc.option(fc.constantFrom("", "Started", "Panel booked", "Delayed"), { nil: null });
const actionVersion = fc.record({
  rag,
  progress: text,
  milestones: text,
  leadText: text,
  dueDate: fc.option(fc.constantFrom("2025-03-31", "2025-06-30"), { nil: null }),
});

describe("merging (properties)", () => {
  const base = action({ id: 1, etag: '"1"' });
  const build = (v: Partial<Action>, etag: string): Action => ({ ...base, ...v, etag });
  // The generated fields, read directly: the properties are judged by plain comparison, not by compareVersions.
  const FIELDS = ["rag", "progress", "milestones", "leadText", "dueDate"] as const;
  // An empty text and no text are the same value to a person (and to SharePoint, which stores "" as null).
  const field = (a: Action, f: (typeof FIELDS)[number]) => (a[f] === "" ? null : a[f]);
  const everyField = (choice: "mine" | "theirs") => Object.fromEntries(FIELDS.map((f) => [f, choice]));

  it("taking theirs everywhere gives theirs; keeping mine everywhere gives mine with their ETag", () => {
    fc.assert(
      fc.property(actionVersion, actionVersion, (m, t) => {
        const mine = build(m, '"1"');
        const theirs = build(t, '"2"');
        const taken = mergeFields(base, mine, theirs, everyField("theirs"));
        const kept = mergeFields(base, mine, theirs, everyField("mine"));
        for (const f of FIELDS) {
          expect(field(taken, f), f).toEqual(field(theirs, f));
          expect(field(kept, f), f).toEqual(field(mine, f));
        }
        expect(taken.etag).toBe('"2"');
        expect(kept.etag).toBe('"2"');
      }),
    );
  });

  it("one-sided changes merge without asking, untouched fields stay, and the patch turns theirs into the merge", () => {
    fc.assert(
      fc.property(actionVersion, actionVersion, (m, t) => {
        const mine = build(m, '"1"');
        const theirs = build(t, '"2"');
        const merged = mergeFields(base, mine, theirs);
        for (const f of FIELDS) {
          const mineChanged = field(mine, f) !== field(base, f);
          const theirsChanged = field(theirs, f) !== field(base, f);
          if (mineChanged && !theirsChanged) expect(field(merged, f), f).toEqual(field(mine, f));
          if (theirsChanged && !mineChanged) expect(field(merged, f), f).toEqual(field(theirs, f));
          if (!mineChanged && !theirsChanged) expect(field(merged, f), f).toEqual(field(base, f));
        }
        const patch = patchFrom(theirs, merged);
        const saved = { ...theirs, ...patch };
        for (const f of FIELDS) {
          expect(field(saved, f), f).toEqual(field(merged, f));
          // The patch carries only what differs from theirs: nothing is re-sent needlessly.
          if (field(merged, f) === field(theirs, f)) expect(Object.hasOwn(patch, f), f).toBe(false);
        }
      }),
    );
  });
});

describe("summary and changes (properties)", () => {
  const plan = fc.array(
    fc.record({ objective: fc.integer({ min: 1, max: 4 }), rag, due: fc.integer({ min: 0, max: 60 }) }),
    { maxLength: 40 },
  );

  it("counts every action once, and overdue never exceeds the open actions", () => {
    fc.assert(
      fc.property(plan, (rows) => {
        const actions = rows.map((r, i) =>
          action({
            id: i + 1,
            objectiveId: r.objective,
            number: `${r.objective}.${i + 1}`,
            rag: r.rag,
            dueDate: `2025-03-${String((r.due % 28) + 1).padStart(2, "0")}`,
          }),
        );
        const objectives = [1, 2, 3, 4].map((id) => objective({ id, number: String(id) }));
        const summary = summarisePlan({ objectives, actions }, "2025-03-15");
        expect(Object.values(summary.actionsByRag).reduce((a, b) => a + b, 0)).toBe(actions.length);
        expect(summary.objectives.reduce((n, o) => n + o.progress.total, 0)).toBe(actions.length);
        expect(summary.overdue).toBeLessThanOrEqual(actions.filter((a) => a.rag !== "Blue").length);
        expect(summary.objectives.reduce((n, o) => n + o.overdue.length, 0)).toBe(summary.overdue);
      }),
    );
  });

  it("reports each action's net move from its first to its last RAG in the period", () => {
    fc.assert(
      fc.property(fc.array(rag, { minLength: 2, maxLength: 8 }), (path) => {
        const updates = path.slice(1).map((to, i) => update(1, `2025-03-0${i + 1}T10:00:00Z`, path[i]!, to));
        const { ragMoves, completed } = changesSince(
          updates,
          [action({ id: 1 })],
          "2025-03-01T00:00:00Z",
          "2025-03-20",
        );
        const first = path[0]!;
        const last = path.at(-1)!;
        expect(ragMoves).toHaveLength(first === last ? 0 : 1);
        if (first !== last) expect(ragMoves[0]).toMatchObject({ from: first, to: last });
        expect(completed).toHaveLength(first !== last && last === "Blue" ? 1 : 0);
      }),
    );
  });
});
