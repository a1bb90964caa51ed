// How planImportDiff pairs imported rows with stored items (key, then number, then title, one to one), which
// fields it would change, and what it leaves alone. Built from small hand-made plans, so each rule shows alone.
import { describe, expect, it } from "vitest";
import { planImportDiff, type ImportedAction, type ImportedObjective } from "../../../src/plan/import";
import { actionKey, objectiveKey } from "../../../src/plan/import/keys";
import type { Action, Objective } from "../../../src/plan/types";

const YEAR = "2024/25";

function importedAction(number: string, title: string, fields: Partial<ImportedAction["fields"]> = {}): ImportedAction {
  return {
    key: actionKey({ number, title }),
    fields: {
      number,
      title,
      leads: [],
      leadText: null,
      dueDate: null,
      milestones: null,
      progress: null,
      kpis: null,
      outcomes: null,
      indicators: [],
      rag: "Green",
      ...fields,
    },
    source: { sheet: "Plan", row: 5 },
    dueDateText: null,
    ragRead: null,
  };
}

function importedObjective(
  number: string,
  title: string,
  actions: ImportedAction[] = [],
  fields: Partial<ImportedObjective["fields"]> = {},
): ImportedObjective {
  return {
    key: objectiveKey({ number, title }),
    fields: {
      title,
      planYear: YEAR,
      number,
      description: null,
      owner: null,
      sponsor: null,
      indicators: [],
      highImpactActions: [],
      ragOverride: null,
      ragOverrideReason: null,
      ...fields,
    },
    actions,
    source: { sheet: "Plan", row: 4 },
    ownerText: null,
  };
}

function storedObjective(id: number, number: string, title: string, extra: Partial<Objective> = {}): Objective {
  return { ...importedObjective(number, title).fields, id, etag: '"1"', modified: "2024-07-01T09:00:00Z", ...extra };
}

function storedAction(
  id: number,
  objectiveId: number,
  number: string,
  title: string,
  extra: Partial<Action> = {},
): Action {
  return {
    ...importedAction(number, title).fields,
    id,
    objectiveId,
    etag: '"1"',
    modified: "2024-07-01T09:00:00Z",
    ...extra,
  };
}

describe("planImportDiff: matching one to one", () => {
  it("matches by title when the number changed, ignoring case and spacing", () => {
    const stored = storedObjective(1, "1", "Fair recruitment");
    const diff = planImportDiff([importedObjective("3", "  FAIR   recruitment ")], {
      objectives: [stored],
      actions: [],
    });
    expect(diff.objectives[0]).toMatchObject({ kind: "update", existing: { id: 1 }, patch: { number: "3" } });
    expect(diff.notInFile.objectives).toEqual([]);
  });

  it("creates rather than guesses when two stored items share the number and neither title matches", () => {
    const objectives = [storedObjective(1, "1", "Fair recruitment"), storedObjective(2, "1", "Fair promotion")];
    const diff = planImportDiff([importedObjective("1", "Fair appraisal")], { objectives, actions: [] });
    expect(diff.objectives[0]).toMatchObject({ kind: "create", existing: null, patch: {} });
    expect(diff.counts).toEqual({ create: 1, update: 0, unchanged: 0, readOnly: 0 });
    expect(diff.notInFile.objectives.map((o) => o.id)).toEqual([1, 2]);
  });

  it("gives each stored item to one imported row only", () => {
    const stored = storedObjective(1, "1", "Fair recruitment");
    const diff = planImportDiff(
      [importedObjective("1", "Fair recruitment"), importedObjective("1", "Fair recruitment")],
      {
        objectives: [stored],
        actions: [],
      },
    );
    expect(diff.objectives.map((o) => [o.kind, o.existing?.id ?? null])).toEqual([
      ["unchanged", 1],
      ["create", null],
    ]);
  });

  it("does not match rows without a number by their empty number", () => {
    const objectives = [storedObjective(1, "", "Fair recruitment")];
    const diff = planImportDiff([importedObjective("", "Fair promotion")], { objectives, actions: [] });
    expect(diff.objectives[0]?.kind).toBe("create");
  });

  it("matches actions within their own objective only, and gives a new objective's actions no objective id", () => {
    const objectives = [storedObjective(1, "1", "Fair recruitment")];
    const actions = [storedAction(10, 1, "1.1", "Diverse panels")];
    const imported = [
      importedObjective("1", "Fair recruitment", [importedAction("1.1", "Diverse panels")]),
      importedObjective("2", "Fair discipline", [importedAction("1.1", "Diverse panels")]),
    ];
    const diff = planImportDiff(imported, { objectives, actions });
    expect(diff.actions.map((a) => [a.kind, a.objectiveId, a.existing?.id ?? null, a.objectiveKey])).toEqual([
      ["unchanged", 1, 10, imported[0]?.key],
      ["create", null, null, imported[1]?.key],
    ]);
    expect(diff.counts).toEqual({ create: 2, update: 0, unchanged: 2, readOnly: 0 });
  });
});

describe("planImportDiff: what changes", () => {
  it("patches only fields the file fills in and that differ; empty text and empty lists keep what is stored", () => {
    const objectives = [
      storedObjective(1, "1", "Fair recruitment", {
        description: "Stored words",
        indicators: [1, 2],
        highImpactActions: ["HIA 3"],
      }),
    ];
    const actions = [
      storedAction(10, 1, "1.1", "Diverse panels", { progress: "Started", kpis: "80%", indicators: [1], rag: "Amber" }),
    ];
    const imported = [
      importedObjective(
        "1",
        "Fair recruitment",
        [importedAction("1.1", "Diverse panels", { progress: "", kpis: "90%", indicators: [], rag: "Amber" })],
        {
          description: "",
          indicators: [],
          highImpactActions: ["HIA 3", "HIA 6"],
        },
      ),
    ];
    const diff = planImportDiff(imported, { objectives, actions });
    expect(diff.objectives[0]).toMatchObject({ kind: "update", patch: { highImpactActions: ["HIA 3", "HIA 6"] } });
    expect(Object.keys(diff.objectives[0]?.patch ?? {})).toEqual(["highImpactActions"]);
    expect(diff.actions[0]?.kind).toBe("update");
    expect(diff.actions[0]?.patch).toEqual({ kpis: "90%" });
  });

  it("compares due dates by calendar day, and updates a date that moved", () => {
    const objectives = [storedObjective(1, "1", "Fair recruitment")];
    const actions = [
      storedAction(10, 1, "1.1", "Diverse panels", { dueDate: "2025-03-31T00:00:00Z" }),
      storedAction(11, 1, "1.2", "Mentoring", { dueDate: "2025-03-31T00:00:00Z" }),
    ];
    const imported = [
      importedObjective("1", "Fair recruitment", [
        importedAction("1.1", "Diverse panels", { dueDate: "2025-03-31" }),
        importedAction("1.2", "Mentoring", { dueDate: "2025-06-30" }),
      ]),
    ];
    const diff = planImportDiff(imported, { objectives, actions });
    expect(diff.actions.map((a) => [a.kind, a.patch])).toEqual([
      ["unchanged", {}],
      ["update", { dueDate: "2025-06-30" }],
    ]);
  });

  it("counts each kind of change across objectives and actions", () => {
    const objectives = [storedObjective(1, "1", "Fair recruitment"), storedObjective(2, "2", "Fair discipline")];
    const actions = [storedAction(10, 1, "1.1", "Diverse panels"), storedAction(11, 2, "2.1", "Checklist")];
    const imported = [
      importedObjective("1", "Fair recruitment", [
        importedAction("1.1", "Diverse panels", { rag: "Red" }),
        importedAction("1.2", "Mentoring"),
      ]),
      importedObjective("2", "Fair discipline", [importedAction("2.1", "Checklist")], { description: "New words" }),
    ];
    const diff = planImportDiff(imported, { objectives, actions });
    expect(diff.counts).toEqual({ create: 1, update: 2, unchanged: 2, readOnly: 0 });
  });
});

describe("planImportDiff: what it leaves alone", () => {
  it("marks a closed year's objective and its actions read-only, with nothing to write", () => {
    const objectives = [storedObjective(1, "1", "Fair recruitment", { readOnly: true })];
    const actions = [storedAction(10, 1, "1.1", "Diverse panels")];
    const imported = [
      importedObjective(
        "1",
        "Fair recruitment",
        [importedAction("1.1", "Diverse panels", { rag: "Red" }), importedAction("1.2", "New")],
        {
          description: "Changed",
        },
      ),
    ];
    const diff = planImportDiff(imported, { objectives, actions });
    expect(diff.objectives.map((o) => [o.kind, o.patch])).toEqual([["readOnly", {}]]);
    expect(diff.actions.map((a) => [a.kind, a.patch])).toEqual([
      ["readOnly", {}],
      ["readOnly", {}],
    ]);
    expect(diff.counts).toEqual({ create: 0, update: 0, unchanged: 0, readOnly: 3 });
  });

  it("lists as not in the file only this year's items the file does not mention", () => {
    const objectives = [
      storedObjective(1, "1", "Fair recruitment"),
      storedObjective(2, "2", "Not in the file"),
      storedObjective(3, "1", "Fair recruitment", { planYear: "2023/24" }),
    ];
    const actions = [
      storedAction(10, 1, "1.1", "Diverse panels"),
      storedAction(11, 1, "1.9", "Added in the tab"),
      storedAction(12, 2, "2.1", "Under an objective not in the file"),
      storedAction(13, 3, "1.1", "Last year's action"),
    ];
    const imported = [importedObjective("1", "Fair recruitment", [importedAction("1.1", "Diverse panels")])];
    const diff = planImportDiff(imported, { objectives, actions });
    expect(diff.objectives[0]?.existing?.id).toBe(1);
    expect(diff.notInFile.objectives.map((o) => o.id)).toEqual([2]);
    expect(diff.notInFile.actions.map((a) => a.id)).toEqual([11, 12]);
  });

  it("with nothing imported, lists every stored item as not in the file", () => {
    const objectives = [
      storedObjective(1, "1", "Fair recruitment"),
      storedObjective(3, "1", "Old", { planYear: "2023/24" }),
    ];
    const actions = [storedAction(10, 1, "1.1", "Diverse panels"), storedAction(13, 3, "1.1", "Old action")];
    const diff = planImportDiff([], { objectives, actions });
    expect(diff.counts).toEqual({ create: 0, update: 0, unchanged: 0, readOnly: 0 });
    expect(diff.notInFile.objectives.map((o) => o.id)).toEqual([1, 3]);
    expect(diff.notInFile.actions.map((a) => a.id)).toEqual([10, 13]);
  });
});

describe("planImportDiff: a match once made stands", () => {
  it("keeps the item matched by its key, though a later pass would find it another by number", () => {
    const objectives = [storedObjective(1, "1", "Fair recruitment"), storedObjective(2, "1", "Fair promotion")];
    const diff = planImportDiff([importedObjective("1", "Fair recruitment")], { objectives, actions: [] });
    expect(diff.objectives[0]).toMatchObject({ kind: "unchanged", existing: { id: 1 } });
    expect(diff.notInFile.objectives.map((o) => o.id)).toEqual([2]);
  });

  it("keeps what is stored for a field the import leaves out altogether", () => {
    const objectives = [storedObjective(1, "1", "Fair recruitment", { description: "Stored words" })];
    const imported = importedObjective("1", "Fair recruitment");
    // A field missing from the import (undefined, not null) is as empty as an empty cell.
    const partial = {
      ...imported,
      fields: { ...imported.fields, description: undefined },
    } as unknown as ImportedObjective;
    const diff = planImportDiff([partial], { objectives, actions: [] });
    expect(diff.objectives[0]).toMatchObject({ kind: "unchanged", patch: {} });
  });
});
