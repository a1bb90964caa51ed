import { describe, expect, it } from "vitest";
import { summarisePlan } from "../../../src/plan/summary";
import { action, objective } from "../../support/plan-fixtures";

describe("summarisePlan", () => {
  const objectives = [
    objective({ id: 2, number: "2", modified: "2025-02-01T00:00:00Z" }),
    objective({ id: 1, number: "1" }),
    objective({ id: 3, number: "3" }),
  ];
  const actions = [
    action({ id: 11, objectiveId: 1, number: "1.1", rag: "Blue", dueDate: "2025-01-01" }),
    action({ id: 12, objectiveId: 1, number: "1.2", rag: "Amber", dueDate: "2025-01-10" }),
    action({ id: 13, objectiveId: 1, number: "1.10", rag: "Red", dueDate: "2025-01-05" }),
    action({
      id: 21,
      objectiveId: 2,
      number: "2.1",
      rag: "Green",
      dueDate: "2025-06-01",
      modified: "2025-03-01T10:00:00Z",
    }),
    action({ id: 22, objectiveId: 2, number: "2.2", rag: "Blue", dueDate: null }),
  ];

  it("counts actions and objectives by RAG, overdue and not started", () => {
    const summary = summarisePlan({ objectives, actions }, "2025-02-01");
    expect(summary.actionsByRag).toEqual({ Red: 1, Amber: 1, Green: 1, Blue: 2 });
    expect(summary.objectivesByRag).toEqual({ Red: 1, Amber: 0, Green: 1, Blue: 0 });
    expect(summary.notStarted).toBe(1);
    expect(summary.overdue).toBe(2);
    expect(summary.totalActions).toBe(5);
    expect(summary.lastModified).toBe("2025-03-01T10:00:00Z");
  });

  it("gives each objective its progress and overdue actions in number order", () => {
    const summary = summarisePlan({ objectives, actions, lastModified: "2025-04-01T00:00:00Z" }, "2025-02-01");
    expect(summary.lastModified).toBe("2025-04-01T00:00:00Z");
    expect(summary.objectives.map((o) => o.objective.number)).toEqual(["1", "2", "3"]);
    const first = summary.objectives[0]!;
    expect(first.progress).toEqual({ complete: 1, onTrack: 0, atRisk: 1, offTrack: 1, total: 3 });
    expect(first.rollUp.rag).toBe("Red");
    expect(first.overdue.map((a) => a.number)).toEqual(["1.2", "1.10"]);
    expect(summary.objectives[2]!.rollUp.source).toBe("none");
  });
});
