// End to end over an in-memory store: parse, compare with what is stored, write, and import again.
import { describe, expect, it } from "vitest";
import { applyImport, parsePlanGrid, planImportDiff, type GridSheet } from "../../../src/plan/import";
import { FakePlanStore } from "../../support/fake-store";
import { publishedPlanSheet } from "./fixtures";

const YEAR = "2024/25";
const options = { planYear: YEAR, fileName: "wres-plan.xlsx" };

async function importSheet(store: FakePlanStore, sheet: GridSheet) {
  const { objectives } = parsePlanGrid([sheet], options);
  const diff = planImportDiff(objectives, await store.loadPlan(YEAR));
  return { diff, outcome: await applyImport(diff, store) };
}

describe("applyImport", () => {
  it("writes objectives then their actions, and a second import of the same file writes nothing", async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    const progress: number[] = [];
    const { objectives } = parsePlanGrid([publishedPlanSheet()], options);
    const diff = planImportDiff(objectives, await store.loadPlan(YEAR));
    const outcome = await applyImport(diff, store, (p) => progress.push(p.done / p.total));
    expect(outcome).toEqual({
      created: { objectives: 2, actions: 6 },
      updated: { objectives: 0, actions: 0 },
      failed: [],
      skipped: 0,
    });
    expect(progress.at(-1)).toBe(1);

    const plan = await store.loadPlan(YEAR);
    const first = plan.objectives.find((o) => o.number === "1");
    expect(plan.actions.filter((a) => a.objectiveId === first?.id).map((a) => a.number)).toEqual(["1.1", "1.2", "1.3"]);

    store.calls.length = 0;
    const again = await importSheet(store, publishedPlanSheet());
    expect(again.diff.counts).toEqual({ create: 0, update: 0, unchanged: 8, readOnly: 0 });
    expect(store.calls.filter((c) => c.startsWith("add") || c.startsWith("update"))).toEqual([]);
    expect((await store.loadPlan(YEAR)).actions).toHaveLength(6);
  });

  it("updates what changed in the file, through the store's history", async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    await importSheet(store, publishedPlanSheet());
    const sheet = publishedPlanSheet();
    const rows = sheet.rows.map((row) => [...row]);
    (rows[6] as unknown[])[7] = "Red";
    const { outcome } = await importSheet(store, { ...sheet, rows });
    expect(outcome.updated).toEqual({ objectives: 0, actions: 1 });
    const changed = (await store.loadPlan(YEAR)).actions.find((a) => a.number === "1.2");
    expect(changed?.rag).toBe("Red");
    // Its history: the starting RAG the first import wrote, then the change, with the file's progress text as
    // the word on why it is Red.
    expect(store.updates.filter((u) => u.actionId === changed?.id).map((u) => [u.previousRag, u.rag, u.note])).toEqual([
      [null, "Amber", null],
      ["Amber", "Red", "Panel pool trained"],
    ]);
  });

  it("refuses a change to Red for an action the file gives no progress for, naming the rule, and writes the rest", async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    await importSheet(store, publishedPlanSheet());
    const sheet = publishedPlanSheet();
    const rows = sheet.rows.map((row) => [...row]);
    (rows[6] as unknown[])[7] = "Green";
    (rows[13] as unknown[])[7] = "Red"; // 2.5 has no progress text
    const { outcome } = await importSheet(store, { ...sheet, rows });
    expect(outcome.updated).toEqual({ objectives: 0, actions: 1 });
    expect(outcome.failed).toEqual([
      expect.objectContaining({
        item: "action",
        ref: expect.anything(),
        error: expect.objectContaining({ issues: [expect.objectContaining({ code: "redNoteRequired" })] }),
      }),
    ]);
    const plan = await store.loadPlan(YEAR);
    expect(plan.actions.find((a) => a.number === "2.5")?.rag).toBe("Green");
    expect(plan.actions.find((a) => a.number === "1.2")?.rag).toBe("Green");
  });

  it("reports a failed write, skips that objective's actions, and finishes on the next import", async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    store.failNext.set("addObjective", new Error("503 Service Unavailable"));
    const { outcome } = await importSheet(store, publishedPlanSheet());
    expect(outcome.failed).toEqual([
      expect.objectContaining({ item: "objective", title: expect.stringContaining("Improve representation") }),
    ]);
    expect(outcome.skipped).toBe(3);
    expect(outcome.created).toEqual({ objectives: 1, actions: 3 });

    const retry = await importSheet(store, publishedPlanSheet());
    expect(retry.outcome.created).toEqual({ objectives: 1, actions: 3 });
    const plan = await store.loadPlan(YEAR);
    expect([plan.objectives.length, plan.actions.length]).toEqual([2, 6]);
  });
});
