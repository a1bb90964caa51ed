// What every PlanStore promises, written once and run against the real store on the local
// SharePoint server (plan-store.local-sharepoint.test.ts) and against the in-memory fake the
// component tests use (plan-store.fake.test.ts), so the fake cannot drift from the real thing.
// The real store on the local server is the reference: where the two differ, the fake is fixed.
import { describe, expect, it } from "vitest";
import type { ObjectiveDraft, PlanStore } from "../../src/plan/store";
import type { Action, Person } from "../../src/plan/types";
import type { IndicatorFigureDraft } from "../../src/plan/targets";
import { AppError, ConflictError, ValidationError } from "../../src/sharepoint/errors";
import { actionDraft, objectiveDraft as blankObjective } from "../support/plan-fixtures";

export interface ContractSubject {
  /** A plan editor's store. */
  editor: PlanStore;
  /** Someone else who may edit the plan, on the same data (another browser, another person). */
  someoneElse: PlanStore;
  /** A site user the editor can name as an objective's owner and an action's lead. */
  lead: Person;
}

/** A plan year of its own for each test, so that no test sees another's items. */
let yearCounter = 0;
function freshYear(): string {
  yearCounter += 1;
  const start = 2040 + yearCounter;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** A blank objective in `planYear`. */
function objectiveDraft(planYear: string, extra: Partial<ObjectiveDraft> = {}): ObjectiveDraft {
  return blankObjective({ planYear, ...extra });
}

async function rejection(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error("expected the store to refuse");
    },
    (error: unknown) => error,
  );
}

/** The fields a person sees of an action (not its version, who saved it or when). */
function seen(action: Action) {
  const { etag: _etag, modified: _modified, modifiedBy: _modifiedBy, carriedFromId: _carried, ...fields } = action;
  return { ...fields, leads: fields.leads.map((p) => p.id) };
}

export function planStoreContract(subject: () => ContractSubject): void {
  describe("reads", () => {
    it("reads back each field it was given, in the plan year's snapshot and one by one", async () => {
      const { editor, lead } = subject();
      const year = freshYear();
      const objective = await editor.addObjective(
        objectiveDraft(year, {
          description: "Band 8a+ to reflect the workforce",
          owner: lead,
          indicators: [4, 1],
          highImpactActions: ["HIA 3", "HIA 5"],
          ragOverride: "Amber",
          ragOverrideReason: "Board asked for caution",
        }),
      );
      expect(objective).toMatchObject({
        planYear: year,
        number: "1",
        title: "Close the gap at band 8a and above",
        description: "Band 8a+ to reflect the workforce",
        owner: { id: lead.id, email: lead.email },
        sponsor: null,
        indicators: [1, 4],
        highImpactActions: ["HIA 3", "HIA 5"],
        ragOverride: "Amber",
        ragOverrideReason: "Board asked for caution",
      });
      const action = await editor.addAction(
        actionDraft(objective.id, {
          leads: [lead],
          leadText: "Head of EDI",
          dueDate: "2041-03-31",
          milestones: "Q1 scoping",
          progress: "Panels agreed",
          kpis: "All 8a+ panels",
          outcomes: "Fairer shortlisting",
          indicators: [2],
          rag: "Amber",
        }),
      );
      expect(seen(action)).toEqual({
        id: action.id,
        objectiveId: objective.id,
        number: "1.1",
        title: "Diverse interview panels",
        leads: [lead.id],
        leadText: "Head of EDI",
        dueDate: "2041-03-31",
        milestones: "Q1 scoping",
        progress: "Panels agreed",
        kpis: "All 8a+ panels",
        outcomes: "Fairer shortlisting",
        indicators: [2],
        rag: "Amber",
      });

      const snapshot = await editor.loadPlan(year);
      expect(snapshot.year).toBe(year);
      expect(snapshot.objectives).toEqual([objective]);
      expect(snapshot.actions.map(seen)).toEqual([seen(action)]);
      expect(snapshot.actions[0]?.etag).toBe(action.etag);
      // The starting RAG opens the action's history.
      expect(snapshot.lastUpdates[action.id]).toMatchObject({
        actionId: action.id,
        rag: "Amber",
        previousRag: null,
        kind: "update",
      });
      expect(snapshot.lastModified).not.toBeNull();
      expect(seen(await editor.getAction(action.id))).toEqual(seen(action));
      expect(await editor.planYears()).toContain(year);
    });

    it("lists the plan years present, newest first, and reads an empty year as empty", async () => {
      const { editor } = subject();
      const older = freshYear();
      const newer = freshYear();
      await editor.addObjective(objectiveDraft(newer));
      await editor.addObjective(objectiveDraft(older));
      const years = await editor.planYears();
      expect(years.indexOf(newer)).toBeGreaterThanOrEqual(0);
      expect(years.indexOf(newer)).toBeLessThan(years.indexOf(older));
      expect(years).toEqual([...years].sort().reverse());
      const empty = await editor.loadPlan(freshYear());
      expect(empty).toMatchObject({ objectives: [], actions: [], lastUpdates: {}, lastModified: null });
    });
  });

  describe("updates", () => {
    it("saves a change with the current version, moves the version on, and reads the change back", async () => {
      const { editor, someoneElse } = subject();
      const year = freshYear();
      const objective = await editor.addObjective(objectiveDraft(year));
      const renamed = await editor.updateObjective(objective.id, objective.etag, {
        title: "Close the gap at every band",
        indicators: [9],
      });
      expect(renamed).toMatchObject({
        id: objective.id,
        title: "Close the gap at every band",
        indicators: [9],
        number: "1",
      });
      expect(renamed.etag).not.toBe(objective.etag);
      expect((await someoneElse.loadPlan(year)).objectives[0]).toMatchObject({
        title: "Close the gap at every band",
        etag: renamed.etag,
      });

      const action = await editor.addAction(actionDraft(objective.id));
      const edited = await editor.updateAction(action.id, action.etag, {
        title: "Diverse panels for every 8a+ post",
        dueDate: "2041-06-30",
      });
      expect(edited).toMatchObject({ title: "Diverse panels for every 8a+ post", dueDate: "2041-06-30", rag: "Green" });
      expect(edited.etag).not.toBe(action.etag);
      expect(await someoneElse.getAction(action.id)).toMatchObject({
        title: "Diverse panels for every 8a+ post",
        dueDate: "2041-06-30",
        etag: edited.etag,
      });
    });

    it("records a RAG or progress change in the history with its note and author; a change of nothing else records nothing", async () => {
      const { editor } = subject();
      const me = await editor.me();
      const objective = await editor.addObjective(objectiveDraft(freshYear()));
      const action = await editor.addAction(actionDraft(objective.id));
      const before = await editor.history(action.id);
      expect(before).toHaveLength(1);
      const amber = await editor.updateProgress(action.id, action.etag, {
        rag: "Amber",
        progress: "Two of five panels",
        note: "Training slipped",
      });
      expect(amber).toMatchObject({ rag: "Amber", progress: "Two of five panels" });
      const renamed = await editor.updateAction(amber.id, amber.etag, { title: "Panels, renamed" });
      const history = await editor.history(action.id);
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({
        actionId: action.id,
        rag: "Amber",
        previousRag: "Green",
        note: "Training slipped",
        progress: "Two of five panels",
        kind: "update",
        author: { id: me.id },
      });
      expect(renamed.rag).toBe("Amber");
    });

    it("refuses a Red or complete (Blue) update without a note, and saves nothing", async () => {
      const { editor } = subject();
      const objective = await editor.addObjective(objectiveDraft(freshYear()));
      const action = await editor.addAction(actionDraft(objective.id));
      const red = await rejection(editor.updateProgress(action.id, action.etag, { rag: "Red", note: "  " }));
      expect(red).toBeInstanceOf(ValidationError);
      expect((red as ValidationError).issues).toEqual([{ code: "redNoteRequired", field: "note" }]);
      const blue = await rejection(editor.updateProgress(action.id, action.etag, { rag: "Blue" }));
      expect((blue as ValidationError).issues).toEqual([{ code: "completionNoteRequired", field: "note" }]);
      expect(await editor.getAction(action.id)).toMatchObject({ rag: "Green", etag: action.etag });
      expect(await editor.history(action.id)).toHaveLength(1);
    });
  });

  describe("conflicts", () => {
    it("refuses an objective change based on an older version, names the newer one, and keeps it", async () => {
      const { editor, someoneElse } = subject();
      const year = freshYear();
      const opened = await editor.addObjective(objectiveDraft(year));
      const theirs = await someoneElse.updateObjective(opened.id, opened.etag, { title: "Their title" });
      const error = await rejection(editor.updateObjective(opened.id, opened.etag, { title: "My title" }));
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).mine).toMatchObject({ title: "My title" });
      expect((error as ConflictError).theirs).toMatchObject({ id: opened.id, title: "Their title", etag: theirs.etag });
      expect((await editor.loadPlan(year)).objectives[0]).toMatchObject({ title: "Their title", etag: theirs.etag });
    });

    it("refuses an action edit or progress update based on an older version, and keeps the newer one", async () => {
      const { editor, someoneElse } = subject();
      const objective = await editor.addObjective(objectiveDraft(freshYear()));
      const opened = await editor.addAction(actionDraft(objective.id));
      const theirs = await someoneElse.updateAction(
        opened.id,
        opened.etag,
        { title: "Their action", rag: "Amber" },
        "Their reason",
      );
      const edit = await rejection(editor.updateAction(opened.id, opened.etag, { title: "My action" }));
      expect(edit).toBeInstanceOf(ConflictError);
      expect((edit as ConflictError<Action>).theirs).toMatchObject({
        id: opened.id,
        title: "Their action",
        rag: "Amber",
      });
      const progress = await rejection(editor.updateProgress(opened.id, opened.etag, { progress: "My progress" }));
      expect(progress).toBeInstanceOf(ConflictError);
      expect(await editor.getAction(opened.id)).toMatchObject({
        title: "Their action",
        rag: "Amber",
        progress: null,
        etag: theirs.etag,
      });
      expect((await editor.history(opened.id)).map((u) => u.rag)).toEqual(["Amber", "Green"]);
    });

    it("refuses to delete an item changed since it was read, and keeps it", async () => {
      const { editor, someoneElse } = subject();
      const year = freshYear();
      const objective = await editor.addObjective(objectiveDraft(year));
      const opened = await editor.addAction(actionDraft(objective.id));
      await someoneElse.updateAction(opened.id, opened.etag, { title: "Still wanted" });
      expect(await rejection(editor.deleteAction(opened.id, opened.etag))).toBeInstanceOf(ConflictError);
      const empty = await editor.addObjective(objectiveDraft(year, { number: "2" }));
      await someoneElse.updateObjective(empty.id, empty.etag, { title: "Kept" });
      expect(await rejection(editor.deleteObjective(empty.id, empty.etag))).toBeInstanceOf(ConflictError);
      const plan = await editor.loadPlan(year);
      expect(plan.actions.map((a) => a.title)).toEqual(["Still wanted"]);
      expect(plan.objectives.map((o) => o.title).sort()).toEqual(["Close the gap at band 8a and above", "Kept"]);
    });
  });

  describe("history", () => {
    it("lists an action's history newest first, each entry with the RAG it moved from", async () => {
      const { editor } = subject();
      const objective = await editor.addObjective(objectiveDraft(freshYear()));
      let action = await editor.addAction(actionDraft(objective.id));
      action = await editor.updateProgress(action.id, action.etag, { rag: "Amber", note: "Slipped" });
      action = await editor.updateProgress(action.id, action.etag, { rag: "Red", note: "Stalled" });
      action = await editor.updateProgress(action.id, action.etag, { rag: "Blue", note: "Done" });
      const history = await editor.history(action.id);
      expect(history.map((u) => [u.rag, u.previousRag, u.note])).toEqual([
        ["Blue", "Red", "Done"],
        ["Red", "Amber", "Stalled"],
        ["Amber", "Green", "Slipped"],
        ["Green", null, null],
      ]);
      expect(history.map((u) => u.date)).toEqual(
        history
          .map((u) => u.date)
          .sort()
          .reverse(),
      );
      expect((await editor.loadPlan(objective.planYear)).lastUpdates[action.id]).toMatchObject({
        rag: "Blue",
        note: "Done",
      });
    });
  });

  describe("deletes", () => {
    it("deletes an action and then its objective with their current versions; they are gone for everyone", async () => {
      const { editor, someoneElse } = subject();
      const year = freshYear();
      const objective = await editor.addObjective(objectiveDraft(year));
      const kept = await editor.addAction(actionDraft(objective.id, { number: "1.1" }));
      const gone = await editor.addAction(actionDraft(objective.id, { number: "1.2" }));
      await editor.deleteAction(gone.id, gone.etag);
      expect((await someoneElse.loadPlan(year)).actions.map((a) => a.id)).toEqual([kept.id]);
      const missing = await rejection(someoneElse.getAction(gone.id));
      expect(missing).toBeInstanceOf(AppError);
      expect((missing as AppError).code).toBe("notFound");
      await editor.deleteAction(kept.id, (await editor.getAction(kept.id)).etag);
      await editor.deleteObjective(objective.id, objective.etag);
      expect(await someoneElse.loadPlan(year)).toMatchObject({ objectives: [], actions: [] });
    });
  });

  describe("targets and comparison figures", () => {
    let standardCounter = 0;
    /** A standard of its own for each test, so that no test sees another's figures. */
    const freshStandard = () => `contract-${Date.now()}-${++standardCounter}`;

    it("reads back a target and a comparison figure with each field, oldest year first, for everyone", async () => {
      const { editor, someoneElse } = subject();
      const standard = freshStandard();
      const comparison = await editor.addIndicatorFigure(
        figureDraft({
          standard,
          kind: "comparison",
          indicator: 2,
          value: 1.14,
          year: "2024/25",
          comparator: "national",
          name: "England",
          source: "NHS England WRES data report 2024",
        }),
      );
      const target = await editor.addIndicatorFigure(
        figureDraft({
          standard,
          kind: "target",
          indicator: 2,
          value: 1.25,
          year: "2026/27",
          baselineYear: "2022/23",
          direction: "towards-one",
        }),
      );
      expect(target).toMatchObject({
        kind: "target",
        standard,
        indicator: 2,
        value: 1.25,
        year: "2026/27",
        baselineYear: "2022/23",
        direction: "towards-one",
        comparator: null,
        name: null,
        source: null,
      });
      expect(typeof target.etag).toBe("string");
      const read = await someoneElse.indicatorFigures(standard);
      expect(read.map((f) => f.id)).toEqual([comparison.id, target.id]);
      expect(read[0]).toEqual(comparison);
      expect(await someoneElse.indicatorFigures("another standard")).not.toContainEqual(
        expect.objectContaining({ id: target.id }),
      );
    });

    it("changes a figure with its current version and moves the version on; a change from an older version is a conflict and keeps the newer", async () => {
      const { editor, someoneElse } = subject();
      const standard = freshStandard();
      const opened = await editor.addIndicatorFigure(
        figureDraft({ standard, kind: "comparison", comparator: "ics", name: "Oxfordshire ICS", value: 2.35 }),
      );
      const theirs = await someoneElse.updateIndicatorFigure(opened.id, opened.etag, { value: 2.4 });
      expect(theirs.value).toBe(2.4);
      expect(theirs.etag).not.toBe(opened.etag);
      const stale = await rejection(editor.updateIndicatorFigure(opened.id, opened.etag, { value: 9 }));
      expect(stale).toBeInstanceOf(ConflictError);
      expect((stale as ConflictError).mine).toMatchObject({ value: 9 });
      expect((stale as ConflictError).theirs).toMatchObject({ id: opened.id, value: 2.4, etag: theirs.etag });
      expect(await rejection(editor.deleteIndicatorFigure(opened.id, opened.etag))).toBeInstanceOf(ConflictError);
      expect((await editor.indicatorFigures(standard)).map((f) => f.value)).toEqual([2.4]);
      await editor.deleteIndicatorFigure(theirs.id, theirs.etag);
      expect(await someoneElse.indicatorFigures(standard)).toEqual([]);
      // A change to a figure someone removed is a conflict with nothing on their side; a second removal is "not found".
      const gone = await rejection(someoneElse.updateIndicatorFigure(theirs.id, theirs.etag, { value: 3 }));
      expect(gone).toBeInstanceOf(ConflictError);
      expect((gone as ConflictError).theirs).toBeNull();
      const again = await rejection(someoneElse.deleteIndicatorFigure(theirs.id, theirs.etag));
      expect((again as AppError).code).toBe("notFound");
    });
  });
}

function figureDraft(extra: Partial<IndicatorFigureDraft>): IndicatorFigureDraft {
  return {
    kind: "comparison",
    standard: "nhs-england-wres",
    indicator: 2,
    value: 1,
    year: "2024/25",
    baselineYear: null,
    direction: null,
    comparator: null,
    name: null,
    source: null,
    ...extra,
  };
}
