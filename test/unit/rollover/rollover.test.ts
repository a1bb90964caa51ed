import { describe, expect, it } from "vitest";
import { nextPlanYear, rollOverPlan } from "../../../src/plan/rollover";
import type { Action, Objective, Rag } from "../../../src/plan/types";
import { action as anAction, objective as anObjective } from "../../support/plan-fixtures";

const amara = { id: 7, title: "Amara Okafor", email: "amara.okafor@wres.test" };

function objective(id: number, number: string, title: string, extra: Partial<Objective> = {}): Objective {
  return anObjective({ id, etag: `"${id}"`, title, number, owner: amara, modified: "2025-03-01T10:00:00Z", ...extra });
}

function action(id: number, objectiveId: number, number: string, rag: Rag, extra: Partial<Action> = {}): Action {
  return anAction({
    id,
    etag: `"${id}"`,
    objectiveId,
    number,
    title: `Action ${number}`,
    leads: [amara],
    progress: `Progress on ${number}`,
    indicators: [1],
    rag,
    modified: "2025-03-01T10:00:00Z",
    ...extra,
  });
}

const plan = {
  objectives: [
    objective(2, "2", "Fair disciplinary process", { ragOverride: "Red", ragOverrideReason: "Board concern" }),
    objective(1, "1", "Representation at senior levels"),
    objective(3, "3", "Data published"),
    objective(4, "4", "New objective, no actions yet"),
    objective(9, "1", "Last year's objective", { planYear: "2023/24", readOnly: true }),
  ],
  actions: [
    action(11, 1, "1.1", "Green"),
    action(12, 1, "1.2", "Blue"),
    action(13, 1, "1.10", "Red"),
    action(21, 2, "2.1", "Amber"),
    action(31, 3, "3.1", "Blue"),
    action(91, 9, "1.1", "Amber"),
  ],
};

// Rolled inside each test, so that mutation testing's per-test coverage sees the roll-over.
function rolled() {
  const result = rollOverPlan(plan, "2024/25", "2025/26");
  if (!result.ok) throw new Error(result.problem);
  return result;
}

describe("rollOverPlan", () => {
  it("drafts next year's objectives, in number order, for work still open", () => {
    const result = rolled();
    expect(result.objectives.map((o) => [o.fromId, o.fields.number, o.fields.planYear])).toEqual([
      [1, "1", "2025/26"],
      [2, "2", "2025/26"],
      [4, "4", "2025/26"],
    ]);
    expect(result.objectives[0]?.fields).toMatchObject({
      title: "Representation at senior levels",
      owner: amara,
      indicators: [1],
      readOnly: false,
    });
  });

  it("carries open actions only, with a link back and their owners, progress and RAG", () => {
    const result = rolled();
    expect(result.objectives[0]?.actions.map((a) => [a.fields.number, a.fields.carriedFromId, a.fields.rag])).toEqual([
      ["1.1", 11, "Green"],
      ["1.10", 13, "Red"],
    ]);
    expect(result.objectives[0]?.actions[0]?.fields).toMatchObject({
      leads: [amara],
      leadText: "Head of EDI",
      progress: "Progress on 1.1",
    });
    expect(result.completed.map((a) => a.id)).toEqual([12, 31]);
  });

  it("leaves a fully completed objective in its year", () => {
    const result = rolled();
    expect(result.completedObjectives.map((o) => o.id)).toEqual([3]);
  });

  it("starts the new year without last year's RAG override", () => {
    const result = rolled();
    expect(result.objectives[1]?.fields).toMatchObject({ ragOverride: null, ragOverrideReason: null });
  });

  it("lists every objective of this year, with its ETag, to close read-only", () => {
    const result = rolled();
    expect(result.markReadOnly.map((o) => [o.id, o.etag])).toEqual([
      [1, '"1"'],
      [2, '"2"'],
      [3, '"3"'],
      [4, '"4"'],
    ]);
  });

  it("does not draft twice what an interrupted roll-over already wrote", () => {
    const target = {
      objectives: [{ ...objective(101, "1", "Representation at senior levels"), planYear: "2025/26" }],
      actions: [action(111, 101, "1.1", "Green", { carriedFromId: 11 })],
    };
    const again = rollOverPlan(plan, "2024/25", "2025/26", target);
    if (!again.ok) throw new Error(again.problem);
    expect(again.objectives[0]).toMatchObject({ fromId: 1, existingId: 101 });
    expect(again.objectives[0]?.actions.map((a) => a.fromId)).toEqual([13]);
    expect(again.objectives[1]?.existingId).toBeNull();
  });

  it("refuses a year that is not after this one, an empty year and a closed year", () => {
    expect(rollOverPlan(plan, "2024/25", "2024/25")).toEqual({ ok: false, problem: "yearOrder" });
    expect(rollOverPlan(plan, "2024/25", "2023/24")).toEqual({ ok: false, problem: "yearOrder" });
    // The same year written another way is not a later year.
    expect(rollOverPlan(plan, "2024/25", "2024-25")).toEqual({ ok: false, problem: "yearOrder" });
    expect(rollOverPlan(plan, "2022/23", "2023/24")).toEqual({ ok: false, problem: "emptyPlan" });
    expect(rollOverPlan(plan, "2023/24", "2024/25")).toEqual({ ok: false, problem: "alreadyClosed" });
  });
});

describe("rollOverPlan, case by case", () => {
  it("carries each objective's high-impact actions and each action's indicators into the new year", () => {
    const withLinks = {
      objectives: [
        objective(1, "1", "Representation at senior levels", {
          highImpactActions: ["HIA 2", "HIA 6"],
          indicators: [1, 9],
        }),
      ],
      actions: [action(11, 1, "1.1", "Green", { indicators: [1, 4] })],
    };
    const result = rollOverPlan(withLinks, "2024/25", "2025/26");
    if (!result.ok) throw new Error(result.problem);
    expect(result.objectives[0]?.fields).toMatchObject({ highImpactActions: ["HIA 2", "HIA 6"], indicators: [1, 9] });
    expect(result.objectives[0]?.actions[0]?.fields.indicators).toEqual([1, 4]);
  });

  it("marks read-only only the objectives of this year still open", () => {
    const partly = {
      objectives: [
        objective(1, "1", "Representation at senior levels", { readOnly: true }),
        objective(2, "2", "Fair disciplinary process"),
      ],
      actions: [action(11, 1, "1.1", "Green"), action(21, 2, "2.1", "Amber")],
    };
    const result = rollOverPlan(partly, "2024/25", "2025/26");
    if (!result.ok) throw new Error(result.problem);
    expect(result.markReadOnly.map((o) => o.id)).toEqual([2]);
  });

  it("reuses only next year's objectives from the target, not another year's with the same number and title", () => {
    const target = {
      objectives: [{ ...objective(101, "1", "Representation at senior levels"), planYear: "2026/27" }],
      actions: [],
    };
    const result = rollOverPlan(plan, "2024/25", "2025/26", target);
    if (!result.ok) throw new Error(result.problem);
    expect(result.objectives[0]).toMatchObject({ fromId: 1, existingId: null });
  });

  it("refuses to roll a year into itself whatever it is called, and reads a year with spaces before it", () => {
    const pilot = {
      objectives: [objective(1, "1", "Pilot objective", { planYear: "Pilot" })],
      actions: [action(11, 1, "1.1", "Green")],
    };
    expect(rollOverPlan(pilot, "Pilot", "Pilot ")).toEqual({ ok: false, problem: "yearOrder" });
    expect(rollOverPlan(pilot, "Pilot", " Pilot")).toEqual({ ok: false, problem: "yearOrder" });
    const padded = { ...pilot, objectives: pilot.objectives.map((o) => ({ ...o, planYear: " Pilot" })) };
    expect(rollOverPlan(padded, " Pilot", "Pilot")).toEqual({ ok: false, problem: "yearOrder" });
    expect(rollOverPlan(plan, "2024/25", " 2023/24")).toEqual({ ok: false, problem: "yearOrder" });
    expect(rollOverPlan(pilot, "Pilot", "Pilot 2")).toMatchObject({ ok: true, toYear: "Pilot 2" });
  });
});

describe("nextPlanYear", () => {
  it.each([
    ["2024/25", "2025/26"],
    ["2099/00", "2100/01"],
    ["2024-25", "2025-26"],
    ["2024/2025", "2025/2026"],
    ["2024", "2025"],
  ])("follows %s with %s", (year, next) => {
    expect(nextPlanYear(year)).toBe(next);
  });

  it("gives null for a year it cannot read", () => {
    expect(nextPlanYear("next year")).toBeNull();
  });
});
