// A bulk write whose second $batch request fails outright (throttled past its retries): it ends,
// with every part answered, instead of waiting for ever; SharePoint keeps what the first request
// committed; and running the roll-over again finishes it without writing anything twice.
import { beforeAll, describe, expect, it } from "vitest";
import { applyRollover, rollOverPlan } from "../../../src/plan/rollover";
import { ThrottledError } from "../../../src/sharepoint/errors";
import { createPlanStore } from "../../../src/sharepoint/plan-store";
import { EDITOR, seedSmallPlan, YEAR } from "./support";
import { useSite } from "../../support/local-site";

const NEXT = "2025/26";
/** More than two $batch requests' worth of actions (20 parts each). */
const ACTIONS = 45;

describe("bulk writes when a batch request fails", () => {
  const site = useSite();
  let plan: Awaited<ReturnType<typeof seedSmallPlan>>;
  beforeAll(async () => {
    plan = await seedSmallPlan(site);
    const editor = site.store(EDITOR);
    for (let n = 3; n <= ACTIONS; n++) {
      await editor.addAction({
        ...plan.amaraAction,
        objectiveId: plan.objective.id,
        number: `1.${n}`,
        title: `Action ${n}`,
        leads: [plan.amara],
        rag: "Amber",
      });
    }
  });

  it("fails the second request's parts and the rest with the throttling error, keeps the first request's, and a second run completes without duplicates", async () => {
    // A store that gives up quickly: one retry, so the injected 503s outlast it.
    const hasty = createPlanStore(site.sp(EDITOR, { retries: 1 }));
    const source = await hasty.loadPlan(YEAR);
    expect(source.actions).toHaveLength(ACTIONS);
    const rollover = rollOverPlan(source, YEAR, NEXT);
    if (!rollover.ok) throw new Error(rollover.problem);

    // Objectives go first (their write and their re-read: two batch requests), then the actions' plan
    // year lookup (one), then the actions: let the first four through, refuse the second action
    // request and its one retry.
    site.server.faults.set({ throttle: { count: 2, status: 503, retryAfter: 0, skip: 4 } });
    const first = await Promise.race([
      applyRollover(rollover, hasty),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the roll-over never finished")), 60_000)),
    ]);
    site.server.faults.reset();

    expect(first.created).toEqual({ objectives: 1, actions: 20 });
    expect(first.failed).toHaveLength(ACTIONS - 20);
    for (const failure of first.failed) expect(failure.error).toBeInstanceOf(ThrottledError);
    expect(first.closed).toBe(0); // this year stays open until everything is carried

    const store = site.store(EDITOR);
    const partial = await store.loadPlan(NEXT);
    expect(partial.actions).toHaveLength(20);

    // Run it again, as the tab does: next year as stored is the target, so only the rest is drafted.
    const again = rollOverPlan(await store.loadPlan(YEAR), YEAR, NEXT, partial);
    if (!again.ok) throw new Error(again.problem);
    const second = await applyRollover(again, store);
    expect(second.failed).toEqual([]);
    expect(second.created).toEqual({ objectives: 0, actions: ACTIONS - 20 });

    const done = await store.loadPlan(NEXT);
    expect(done.objectives).toHaveLength(1);
    expect(done.actions).toHaveLength(ACTIONS);
    const carriedFrom = done.actions.map((a) => a.carriedFromId);
    expect(new Set(carriedFrom).size).toBe(ACTIONS);
    expect((await store.loadPlan(YEAR)).objectives.every((o) => o.readOnly === true)).toBe(true);
  });
});
