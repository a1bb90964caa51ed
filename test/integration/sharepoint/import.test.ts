// Importing a published-style plan through the real data layer: the writes go out as $batch
// requests (a handful, whatever the number of actions), each action gets its history record,
// a second import writes nothing, and a stale row is refused as a conflict, not overwritten.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { changesSince } from "../../../src/plan/changes";
import { applyImport, parsePlanGrid, planImportDiff } from "../../../src/plan/import";
import { ConflictError } from "../../../src/sharepoint/errors";
import { publishedPlanSheet } from "../../unit/plan-import/fixtures";
import { EDITOR, YEAR, setUpPlan } from "./support";
import { useSite, type Site } from "../../support/local-site";

const options = { planYear: YEAR, fileName: "wres-plan.xlsx" };

async function diffFor(site: Site, rows = publishedPlanSheet().rows) {
  const { objectives } = parsePlanGrid([{ ...publishedPlanSheet(), rows }], options);
  return planImportDiff(objectives, await site.store(EDITOR).loadPlan(YEAR));
}

describe("plan import against the local SharePoint server", () => {
  const site = useSite();
  beforeAll(async () => {
    await setUpPlan(site);
  });

  it("writes the objectives and actions in $batch requests, with a history record per action", async () => {
    const diff = await diffFor(site);
    const store = site.store(EDITOR);
    const spy = vi.spyOn(globalThis, "fetch");
    let requests: string[];
    let outcome;
    try {
      outcome = await applyImport(diff, store);
      requests = spy.mock.calls.map(
        (call) => `${(call[1]?.method ?? "GET").toUpperCase()} ${String(call[0]).replace(site.server.siteUrl, "")}`,
      );
    } finally {
      spy.mockRestore();
    }
    expect(outcome).toEqual({
      created: { objectives: 2, actions: 6 },
      updated: { objectives: 0, actions: 0 },
      failed: [],
      skipped: 0,
    });
    // Objectives, their re-read, the plan years, the actions, their history, their re-read: one
    // $batch each, plus who is signed in (for the history's author). Eight items, seven requests.
    expect(requests.filter((r) => r !== "POST /_api/$batch")).toEqual(["GET /_api/web/currentUser"]);
    expect(requests.length).toBeLessThanOrEqual(7);

    const plan = await store.loadPlan(YEAR);
    expect(plan.objectives.map((o) => o.number).sort()).toEqual(["1", "2"]);
    expect(plan.actions).toHaveLength(6);
    for (const action of plan.actions) {
      expect(plan.lastUpdates[action.id]).toMatchObject({
        rag: action.rag,
        previousRag: null,
        author: { email: EDITOR },
      });
    }
  });

  it("writes nothing when the same file is imported again", async () => {
    const diff = await diffFor(site);
    expect(diff.counts).toEqual({ create: 0, update: 0, unchanged: 8, readOnly: 0 });
    const outcome = await applyImport(diff, site.store(EDITOR));
    expect(outcome.created).toEqual({ objectives: 0, actions: 0 });
    expect((await site.store(EDITOR).loadPlan(YEAR)).actions).toHaveLength(6);
  });

  it("refuses a row someone changed since the preview as a conflict, keeps their edit, and writes the rest", async () => {
    const rows = publishedPlanSheet().rows.map((row) => [...row]);
    (rows[6] as unknown[])[7] = "Green"; // 1.2 was Amber in the file
    (rows[5] as unknown[])[5] = "Panels trained across all divisions"; // 1.1's progress
    const diff = await diffFor(site, rows);
    expect(diff.counts.update).toBe(2);
    // Someone edits 1.2 after the preview was made.
    const store = site.store(EDITOR);
    const before = (await store.loadPlan(YEAR)).actions.find((a) => a.number === "1.2")!;
    await store.updateAction(before.id, before.etag, { milestones: "Changed by a colleague" });

    const outcome = await applyImport(diff, store);
    expect(outcome.updated.actions).toBe(1);
    expect(outcome.failed).toHaveLength(1);
    const failure = outcome.failed[0]!;
    expect(failure.item).toBe("action");
    expect(failure.error).toBeInstanceOf(ConflictError);
    expect((failure.error as ConflictError<{ milestones: string }>).theirs).toMatchObject({
      milestones: "Changed by a colleague",
    });
    const after = (await store.loadPlan(YEAR)).actions;
    expect(after.find((a) => a.number === "1.2")).toMatchObject({
      milestones: "Changed by a colleague",
      rag: before.rag,
    });
    expect(after.find((a) => a.number === "1.1")?.progress).toBe("Panels trained across all divisions");
  });

  it("records an import as an import, not as RAG changes, in history and in what changed", async () => {
    const year = "2023/24";
    const since = new Date(Date.now() - 60_000).toISOString();
    const { objectives } = parsePlanGrid([publishedPlanSheet()], { planYear: year, fileName: "Plan 2023-24.xlsx" });
    const store = site.store(EDITOR);
    const outcome = await applyImport(
      planImportDiff(objectives, await store.loadPlan(year)),
      store,
      undefined,
      "Plan 2023-24.xlsx",
    );
    expect(outcome.created.actions).toBe(6);

    const plan = await store.loadPlan(year);
    const history = await store.history(plan.actions[0]!.id);
    expect(history).toEqual([
      expect.objectContaining({
        kind: "import",
        note: "Plan 2023-24.xlsx",
        previousRag: null,
        author: expect.objectContaining({ email: EDITOR }),
      }),
    ]);

    const changes = changesSince(
      await store.updatesSince(year, since),
      plan.actions,
      since,
      new Date().toISOString().slice(0, 10),
    );
    expect(changes.ragMoves).toEqual([]);
    expect(changes.notes).toEqual([]);
    expect(changes.imports).toEqual([
      expect.objectContaining({
        fileName: "Plan 2023-24.xlsx",
        actions: 6,
        author: expect.objectContaining({ email: EDITOR }),
      }),
    ]);
  });
});
