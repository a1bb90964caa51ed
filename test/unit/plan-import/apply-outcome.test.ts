// What applyImport reports while and after it writes: progress steps, failures by item, the history an
// imported action starts with, and the word on why that goes with a RAG change.
import { describe, expect, it } from "vitest";
import { applyImport, parsePlanGrid, planImportDiff, type GridSheet } from "../../../src/plan/import";
import type { ActionBatchWrite, ObjectiveBatchWrite, WriteProgress } from "../../../src/plan/writer";
import { FakePlanStore } from "../../support/fake-store";
import { publishedPlanSheet } from "./fixtures";

const YEAR = "2024/25";
const options = { planYear: YEAR, fileName: "wres-plan.xlsx" };

async function diffOf(store: FakePlanStore, sheet: GridSheet) {
  const { objectives } = parsePlanGrid([sheet], options);
  return planImportDiff(objectives, await store.loadPlan(YEAR));
}

function edited(edit: (rows: unknown[][]) => void): GridSheet {
  const sheet = publishedPlanSheet();
  const rows = sheet.rows.map((row) => [...row]);
  edit(rows);
  return { ...sheet, rows } as GridSheet;
}

describe("applyImport's progress and outcome", () => {
  it("reports progress after the objectives and after the actions, and none when nothing is written", async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    const progress: WriteProgress[] = [];
    await applyImport(await diffOf(store, publishedPlanSheet()), store, (p) => progress.push(p));
    expect(progress).toEqual([
      { done: 2, total: 8 },
      { done: 8, total: 8 },
    ]);

    const again: WriteProgress[] = [];
    const outcome = await applyImport(await diffOf(store, publishedPlanSheet()), store, (p) => again.push(p));
    expect(again).toEqual([]);
    expect(outcome).toEqual({
      created: { objectives: 0, actions: 0 },
      updated: { objectives: 0, actions: 0 },
      failed: [],
      skipped: 0,
    });
  });

  it("counts skipped actions as done, and names the objective that failed with its key, title and error", async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    const error = new Error("503 Service Unavailable");
    store.failNext.set("addObjective", error);
    const diff = await diffOf(store, publishedPlanSheet());
    const progress: WriteProgress[] = [];
    const outcome = await applyImport(diff, store, (p) => progress.push(p));
    expect(progress).toEqual([
      { done: 2, total: 8 },
      { done: 5, total: 8 },
      { done: 8, total: 8 },
    ]);
    const failedObjective = diff.objectives[0]?.imported;
    expect(outcome.failed).toEqual([
      { item: "objective", ref: failedObjective?.key, title: failedObjective?.fields.title, error },
    ]);
    expect(outcome.skipped).toBe(3);
  });

  it("names a failed action by its key and title", async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    const error = new Error("429 Too Many Requests");
    store.failNext.set("addAction", error);
    const diff = await diffOf(store, publishedPlanSheet());
    const outcome = await applyImport(diff, store);
    const first = diff.actions[0]?.imported;
    expect(outcome.failed).toEqual([{ item: "action", ref: first?.key, title: first?.fields.title, error }]);
    expect(outcome.created).toEqual({ objectives: 2, actions: 5 });
  });

  it("starts each imported action's history with the file it came from, when the file is named", async () => {
    const named = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    await applyImport(await diffOf(named, publishedPlanSheet()), named, undefined, "wres-plan-2024.xlsx");
    expect(named.updates).toHaveLength(6);
    expect(named.updates.every((u) => u.kind === "import" && u.note === "wres-plan-2024.xlsx")).toBe(true);

    const unnamed = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    await applyImport(await diffOf(unnamed, publishedPlanSheet()), unnamed);
    expect(unnamed.updates.map((u) => [u.kind, u.note])).toEqual(Array.from({ length: 6 }, () => ["update", null]));
  });

  it("updates an objective whose title changed, and writes no note for an action whose RAG did not change", async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    await applyImport(await diffOf(store, publishedPlanSheet()), store);
    const sheet = edited((rows) => {
      rows[4] = ["Objective 1: Improve representation of ethnic minority staff at senior levels (WRES 1 and 9)"];
      (rows[6] as unknown[])[5] = "Panel pool trained; first panels sat";
    });
    const outcome = await applyImport(await diffOf(store, sheet), store);
    expect(outcome.updated).toEqual({ objectives: 1, actions: 1 });
    expect(outcome.created).toEqual({ objectives: 0, actions: 0 });
    const plan = await store.loadPlan(YEAR);
    expect(plan.objectives.find((o) => o.number === "1")?.title).toContain("ethnic minority staff");
    const changed = plan.actions.find((a) => a.number === "1.2");
    expect(changed?.progress).toBe("Panel pool trained; first panels sat");
    expect(store.updates.filter((u) => u.actionId === changed?.id).map((u) => u.note)).toEqual([null, null]);
  });
});

/** The in-memory store, counting the bulk requests applyImport sends (each is a $batch to SharePoint). */
class CountingStore extends FakePlanStore {
  batches: string[] = [];
  override async writeObjectives(writes: ObjectiveBatchWrite[]) {
    this.batches.push(`objectives:${writes.length}`);
    return super.writeObjectives(writes);
  }
  override async writeActions(writes: ActionBatchWrite[]) {
    this.batches.push(`actions:${writes.length}`);
    return super.writeActions(writes);
  }
}

describe("applyImport's requests", () => {
  it("sends no request for a kind of item it has nothing to write", async () => {
    const store = new CountingStore({ plan: { objectives: [], actions: [] } });
    await applyImport(await diffOf(store, publishedPlanSheet()), store);
    expect(store.batches).toEqual(["objectives:2", "actions:6"]);

    store.batches = [];
    await applyImport(await diffOf(store, publishedPlanSheet()), store);
    expect(store.batches).toEqual([]);

    const sheet = edited((rows) => {
      (rows[6] as unknown[])[5] = "Panel pool trained; first panels sat";
    });
    await applyImport(await diffOf(store, sheet), store);
    expect(store.batches).toEqual(["actions:1"]);
  });
});
