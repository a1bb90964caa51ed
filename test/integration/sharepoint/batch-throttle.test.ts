import { beforeAll, describe, expect, it } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/batching.js";
import type { RetryInfo } from "../../../src/sharepoint/behaviors";
import { ThrottledError } from "../../../src/sharepoint/errors";
import { createPlanStore } from "../../../src/sharepoint/plan-store";
import { F, LIST_TITLES } from "../../../src/sharepoint/schema";
import { EDITOR, seedSmallPlan, YEAR } from "./support";
import { useSite } from "../../support/local-site";

describe("batches and throttling against the local SharePoint server", () => {
  const site = useSite();
  let plan: Awaited<ReturnType<typeof seedSmallPlan>>;
  beforeAll(async () => {
    plan = await seedSmallPlan(site);
  });

  it("applies the other parts of a batch when one part fails (not transactional)", async () => {
    const sp = site.sp(EDITOR);
    const current = await sp.web.lists.getByTitle(LIST_TITLES.actions).items.getById(plan.tomAction.id).select("Id")<
      Record<string, unknown>
    >();
    const [batched, execute] = sp.batched();
    const actions = batched.web.lists.getByTitle(LIST_TITLES.actions);
    const first = actions.items.getById(plan.amaraAction.id).update({ [F.leadText]: "Head of Resourcing" });
    const stale = actions.items.getById(plan.tomAction.id).update({ [F.leadText]: "stale write" }, '"999"');
    const missing = actions.items.getById(987654).update({ [F.leadText]: "nobody" });
    const added = batched.web.lists.getByTitle(LIST_TITLES.progressUpdates).items.add({
      Title: "Batched",
      [`${F.action}Id`]: plan.tomAction.id,
      [F.planYear]: YEAR,
      [F.updateKind]: "Update",
    });
    const outcomes = Promise.allSettled([first, stale, missing, added]);
    await execute();
    const [ok, refused, notFound, created] = await outcomes;
    expect(ok.status).toBe("fulfilled");
    expect(refused).toMatchObject({ status: "rejected", reason: { status: 412 } });
    expect(notFound).toMatchObject({ status: "rejected", reason: { status: 404 } });
    expect(created.status).toBe("fulfilled");

    const store = site.store(EDITOR);
    expect((await store.getAction(plan.amaraAction.id)).leadText).toBe("Head of Resourcing");
    expect((await store.getAction(plan.tomAction.id)).leadText).toBeNull();
    expect((await store.history(plan.tomAction.id)).length).toBe(2);
    expect(current["Id"]).toBe(plan.tomAction.id);
  });

  it("retries throttled requests, reporting each retry, and succeeds", async () => {
    const retries: RetryInfo[] = [];
    const store = createPlanStore(site.sp(EDITOR, { onRetry: (info) => retries.push(info) }));
    site.server.faults.set({ throttle: { count: 2, status: 429, retryAfter: 1 } });
    const started = performance.now();
    const snapshot = await store.loadPlan(YEAR);
    const elapsed = performance.now() - started;
    expect(snapshot.actions).toHaveLength(2);
    expect(retries).toEqual([
      { attempt: 1, waitMs: 1000, status: 429 },
      { attempt: 2, waitMs: 1000, status: 429 },
    ]);
    expect(elapsed).toBeGreaterThanOrEqual(1900);

    site.server.faults.set({ throttle: { count: 1, status: 503, retryAfter: 0 } });
    const action = await store.getAction(plan.amaraAction.id);
    const updated = await store.updateProgress(action.id, action.etag, { progress: "Retried through a 503" });
    expect(updated.progress).toBe("Retried through a 503");
    expect(retries.at(-1)).toEqual({ attempt: 1, waitMs: 0, status: 503 });
  });

  it("gives up with ThrottledError when throttling outlasts the retries", async () => {
    const store = createPlanStore(site.sp(EDITOR, { retries: 1 }));
    site.server.faults.set({ throttle: { count: 5, status: 503, retryAfter: 0 } });
    try {
      const failure = await store.loadPlan(YEAR).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ThrottledError);
      expect((failure as ThrottledError).code).toBe("throttled");
    } finally {
      site.server.faults.reset();
    }
    expect((await store.loadPlan(YEAR)).actions).toHaveLength(2);
  });

  it("accepts throttling set over HTTP (POST /_localsp/faults) as the browser tests do", async () => {
    const answer = await fetch(`${site.server.url}/_localsp/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ throttle: { count: 1, status: 429, retryAfter: 0 } }),
    });
    expect(answer.ok).toBe(true);
    const retries: RetryInfo[] = [];
    const me = await createPlanStore(site.sp(EDITOR, { onRetry: (info) => retries.push(info) })).me();
    expect(me.email).toBe(EDITOR);
    expect(retries).toHaveLength(1);
  });
});
