import { describe, expect, it } from "vitest";
import { parsePlanGrid, planImportDiff, type ImportedObjective } from "../../../src/plan/import";
import type { Action, Objective } from "../../../src/plan/types";
import { publishedPlanSheet } from "./fixtures";

const options = { planYear: "2024/25", fileName: "wres-plan.xlsx" };

/** What the store holds after writing an import: ids, ETags, and people added by the tab later. */
function stored(objectives: ImportedObjective[]): { objectives: Objective[]; actions: Action[] } {
  let id = 100;
  const result = { objectives: [] as Objective[], actions: [] as Action[] };
  for (const imported of objectives) {
    const objective: Objective = { ...imported.fields, id: ++id, etag: '"1"', modified: "2024-07-01T09:00:00Z" };
    result.objectives.push(objective);
    for (const action of imported.actions) {
      result.actions.push({
        ...action.fields,
        id: ++id,
        etag: '"1"',
        modified: "2024-07-01T09:00:00Z",
        objectiveId: objective.id,
      });
    }
  }
  return result;
}

describe("planImportDiff", () => {
  // Parsed inside each test, not once for the describe: code run outside a test makes every mutant it reaches
  // "static" for Stryker, re-run against all tests (docs/mutation-testing.md).
  const firstImport = () => {
    const first = parsePlanGrid([publishedPlanSheet()], options).objectives;
    return { first, store: stored(first) };
  };

  it("creates nothing when the same file is imported again", () => {
    const { store } = firstImport();
    const again = parsePlanGrid([publishedPlanSheet()], options).objectives;
    const diff = planImportDiff(again, store);
    expect(diff.counts).toEqual({ create: 0, update: 0, unchanged: 8, readOnly: 0 });
    expect(diff.notInFile).toEqual({ objectives: [], actions: [] });
    expect(diff.actions.every((a) => a.objectiveId !== null && a.existing !== null)).toBe(true);
  });

  it("ignores what the tab added since (leads as people, stored dates as timestamps)", () => {
    const { first, store } = firstImport();
    const edited = {
      objectives: store.objectives,
      actions: store.actions.map((a) => ({
        ...a,
        leads: [{ id: 7, title: "Amara Okafor", email: "amara.okafor@wres.test" }],
        dueDate: a.dueDate ? `${a.dueDate}T00:00:00Z` : null,
      })),
    };
    expect(planImportDiff(first, edited).counts.unchanged).toBe(8);
  });

  it("updates changed fields only, matches an edited title by its number, and creates new rows", () => {
    const { store } = firstImport();
    const sheet = publishedPlanSheet();
    const rows = sheet.rows.map((row) => [...row]);
    (rows[6] as unknown[])[7] = "Green"; // 1.2: Amber -> Green
    (rows[6] as unknown[])[1] = "Diverse interview panels for every post at band 8a and above"; // reworded
    rows.push(["2.6", "Publish the case review", "Head of EDI", "March 2025", null, null, null, "Amber"]);
    const next = parsePlanGrid([{ ...sheet, rows }], options).objectives;
    const diff = planImportDiff(next, store);

    const reworded = diff.actions.find((a) => a.imported.fields.number === "1.2");
    expect(reworded?.kind).toBe("update");
    expect(reworded?.patch).toEqual({
      title: "Diverse interview panels for every post at band 8a and above",
      rag: "Green",
    });
    expect(reworded?.existing?.id).toBe(store.actions.find((a) => a.number === "1.2")?.id);

    const added = diff.actions.find((a) => a.imported.fields.number === "2.6");
    expect(added).toMatchObject({
      kind: "create",
      objectiveId: store.objectives.find((o) => o.number === "2")?.id,
      existing: null,
    });
    expect(diff.counts).toEqual({ create: 1, update: 1, unchanged: 7, readOnly: 0 });
  });

  it("never clears a stored value because the file's cell is empty", () => {
    const { first, store } = firstImport();
    const withProgress = {
      ...store,
      actions: store.actions.map((a) => (a.number === "2.1" ? { ...a, progress: "Checklist drafted" } : a)),
    };
    const diff = planImportDiff(first, withProgress);
    expect(diff.actions.find((a) => a.imported.fields.number === "2.1")?.kind).toBe("unchanged");
  });

  it("lists stored items the file does not mention, and leaves them alone", () => {
    const { first, store } = firstImport();
    const extra: Action = { ...(store.actions[0] as Action), id: 999, number: "1.9", title: "Added in the tab" };
    const diff = planImportDiff(first, { ...store, actions: [...store.actions, extra] });
    expect(diff.notInFile.actions.map((a) => a.id)).toEqual([999]);
  });

  it("does not write into a plan year that was rolled over and closed", () => {
    const { store } = firstImport();
    const closed = { ...store, objectives: store.objectives.map((o) => ({ ...o, readOnly: true })) };
    const sheet = publishedPlanSheet();
    const rows = sheet.rows.map((row) => [...row]);
    (rows[6] as unknown[])[7] = "Red";
    const diff = planImportDiff(parsePlanGrid([{ ...sheet, rows }], options).objectives, closed);
    expect(diff.counts).toEqual({ create: 0, update: 0, unchanged: 0, readOnly: 8 });
    expect(diff.actions.every((a) => Object.keys(a.patch).length === 0)).toBe(true);
  });

  it("ignores objectives of other plan years", () => {
    const { first, store } = firstImport();
    const otherYear = { ...store, objectives: store.objectives.map((o) => ({ ...o, planYear: "2023/24" })) };
    expect(planImportDiff(first, otherYear).counts.create).toBe(8);
  });
});
