// Roll-over written through an in-memory store: next year created, this year closed, and a
// failed run finished by running again.
import { describe, expect, it } from "vitest";
import { applyRollover, rollOverPlan } from "../../../src/plan/rollover";
import type { WriteProgress } from "../../../src/plan/writer";
import { FakePlanStore, demoPlan } from "../../support/fake-store";

const FROM = "2025/26";
const TO = "2026/27";

async function rollOver(store: FakePlanStore) {
  const result = rollOverPlan(await store.loadPlan(FROM), FROM, TO, await store.loadPlan(TO));
  if (!result.ok) throw new Error(result.problem);
  return applyRollover(result, store);
}

describe("applyRollover", () => {
  it("creates next year's plan with the open actions linked back, then closes this year", async () => {
    const store = new FakePlanStore({ plan: demoPlan() });
    const outcome = await rollOver(store);
    expect(outcome).toEqual({ created: { objectives: 2, actions: 3 }, closed: 2, failed: [] });

    const next = await store.loadPlan(TO);
    expect(next.objectives.map((o) => [o.number, o.title, o.readOnly])).toEqual([
      ["1", "Improve representation at senior levels", false],
      ["2", "Reduce bullying and harassment", false],
    ]);
    expect(next.actions.map((a) => [a.number, a.carriedFromId, a.rag])).toEqual([
      ["1.1", 11, "Amber"],
      ["1.2", 12, "Green"],
      ["2.2", 14, "Red"],
    ]);
    expect((await store.loadPlan(FROM)).objectives.every((o) => o.readOnly === true)).toBe(true);
    expect(rollOverPlan(await store.loadPlan(FROM), FROM, TO)).toEqual({ ok: false, problem: "alreadyClosed" });
  });

  it("keeps this year open after a failed write, and a second run carries only what is missing", async () => {
    const store = new FakePlanStore({ plan: demoPlan() });
    store.failNext.set("addAction", new Error("429 Too Many Requests"));
    const first = await rollOver(store);
    expect(first.failed).toEqual([expect.objectContaining({ item: "action", ref: "11" })]);
    expect(first.closed).toBe(0);
    expect((await store.loadPlan(FROM)).objectives.some((o) => o.readOnly)).toBe(false);

    const second = await rollOver(store);
    expect(second).toEqual({ created: { objectives: 0, actions: 1 }, closed: 2, failed: [] });
    const next = await store.loadPlan(TO);
    expect(next.objectives).toHaveLength(2);
    expect(next.actions.map((a) => a.carriedFromId).sort()).toEqual([11, 12, 14]);
  });

  it("tells its progress after each bulk write, out of every write it will make", async () => {
    const store = new FakePlanStore({ plan: demoPlan() });
    const result = rollOverPlan(await store.loadPlan(FROM), FROM, TO, await store.loadPlan(TO));
    if (!result.ok) throw new Error(result.problem);
    const progress: WriteProgress[] = [];
    await applyRollover(result, store, (p) => progress.push(p));
    // 2 objectives created, 3 actions carried, 2 objectives closed.
    expect(progress).toEqual([
      { done: 2, total: 7 },
      { done: 5, total: 7 },
      { done: 7, total: 7 },
    ]);
  });

  it("reports an objective it could not create, counts its actions as done, and keeps this year open", async () => {
    const store = new FakePlanStore({ plan: demoPlan() });
    store.failNext.set("addObjective", new Error("429 Too Many Requests"));
    const result = rollOverPlan(await store.loadPlan(FROM), FROM, TO, await store.loadPlan(TO));
    if (!result.ok) throw new Error(result.problem);
    const progress: WriteProgress[] = [];
    const outcome = await applyRollover(result, store, (p) => progress.push(p));
    expect(outcome).toMatchObject({ created: { objectives: 1, actions: 1 }, closed: 0 });
    expect(outcome.failed).toEqual([
      expect.objectContaining({ item: "objective", ref: "1", title: "Improve representation at senior levels" }),
    ]);
    // The two actions of objective 1 are skipped (counted as done), the one of objective 2 is written.
    expect(progress).toEqual([
      { done: 2, total: 7 },
      { done: 4, total: 7 },
      { done: 5, total: 7 },
    ]);
    expect((await store.loadPlan(FROM)).objectives.some((o) => o.readOnly)).toBe(false);
  });

  it("sends no empty bulk write: a second run with everything carried only closes this year", async () => {
    const store = new FakePlanStore({ plan: demoPlan() });
    store.failNext.set("updateObjective", new Error("412 Precondition Failed"));
    expect((await rollOver(store)).closed).toBe(1);
    const writes: string[] = [];
    const writeObjectives = store.writeObjectives.bind(store);
    const writeActions = store.writeActions.bind(store);
    store.writeObjectives = (w) => (writes.push(`objectives ${w.length}`), writeObjectives(w));
    store.writeActions = (w) => (writes.push(`actions ${w.length}`), writeActions(w));
    const second = await rollOver(store);
    expect(second).toEqual({ created: { objectives: 0, actions: 0 }, closed: 1, failed: [] });
    expect(writes).toEqual(["objectives 1"]);
  });
});
