import { describe, expect, it } from "vitest";
import { changesSince } from "../../../src/plan/changes";
import { action, update } from "../../support/plan-fixtures";

describe("changesSince", () => {
  const actions = [
    action({ id: 1, number: "1.10", rag: "Red", dueDate: "2025-03-15" }),
    action({ id: 2, number: "1.2", rag: "Blue", dueDate: "2025-03-10" }),
    action({ id: 3, number: "1.3", rag: "Amber", dueDate: "2025-02-01" }),
    action({ id: 4, number: "1.4", rag: "Green", dueDate: "2025-03-20" }),
  ];
  const updates = [
    update(1, "2025-02-20T10:00:00Z", "Green", "Amber"), // before the meeting
    update(1, "2025-03-02T10:00:00Z", "Amber", "Red", { note: "Recruitment paused; escalated to the board" }),
    update(2, "2025-03-05T10:00:00Z", "Green", "Amber"),
    update(2, "2025-03-08T10:00:00Z", "Amber", "Blue", { note: "All panels now diverse" }),
    update(3, "2025-03-03T10:00:00Z", "Amber", "Green"),
    update(3, "2025-03-04T10:00:00Z", "Green", "Amber"), // back where it started: no move
    update(4, "2025-03-06T10:00:00Z", null, null, { kind: "comment", note: "The network welcomes this" }),
  ];

  const changes = changesSince(updates, actions, "2025-03-01T00:00:00Z", "2025-03-18");

  it("reports the net RAG move per action in number order", () => {
    expect(changes.ragMoves.map((m) => [m.action?.number, m.from, m.to])).toEqual([
      ["1.2", "Green", "Blue"],
      ["1.10", "Amber", "Red"],
    ]);
    expect(changes.ragMoves[0]!.date).toBe("2025-03-08T10:00:00Z");
  });

  it("lists completions", () => {
    expect(changes.completed.map((m) => m.actionId)).toEqual([2]);
  });

  it("lists notes and comments in the period, newest first", () => {
    expect(changes.notes.map((n) => n.note)).toEqual([
      "All panels now diverse",
      "The network welcomes this",
      "Recruitment paused; escalated to the board",
    ]);
  });

  it("lists open actions that fell overdue in the period", () => {
    expect(changes.newlyOverdue.map((a) => a.number)).toEqual(["1.10"]);
  });
});

describe("changesSince after a plan import", () => {
  const actions = [
    action({ id: 1, number: "1.1", rag: "Amber" }),
    action({ id: 2, number: "1.2", rag: "Green" }),
    action({ id: 3, number: "1.3", rag: "Red" }),
  ];
  const imported = [1, 2, 3].map((id) =>
    update(id, "2025-03-02T10:00:00Z", null, actions[id - 1]!.rag, { kind: "import", note: "Plan 2024-25.xlsx" }),
  );

  it("lists the import once, with how many actions it created, and not as RAG changes or notes", () => {
    const changes = changesSince(imported, actions, "2025-03-01", "2025-03-10");
    expect(changes.ragMoves).toEqual([]);
    expect(changes.completed).toEqual([]);
    expect(changes.notes).toEqual([]);
    expect(changes.imports).toEqual([
      {
        fileName: "Plan 2024-25.xlsx",
        date: "2025-03-02T10:00:00Z",
        author: expect.objectContaining({ title: "Amara Okafor" }),
        actions: 3,
      },
    ]);
  });

  it("still shows a RAG change made after the import", () => {
    const changes = changesSince(
      [...imported, update(3, "2025-03-05T10:00:00Z", "Red", "Amber")],
      actions,
      "2025-03-01",
      "2025-03-10",
    );
    expect(changes.ragMoves.map((m) => [m.actionId, m.from, m.to])).toEqual([[3, "Red", "Amber"]]);
  });
});
