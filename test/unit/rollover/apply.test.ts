// Roll-over written through an in-memory store: next year created, this year closed, and a
// failed run finished by running again.
import { describe, expect, it } from "vitest";
import { applyRollover, rollOverPlan } from "../../../src/plan/rollover";
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
});
