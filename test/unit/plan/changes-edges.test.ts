// "What changed since the last meeting" at its edges: an update at the very moment of the last meeting, updates
// that arrive out of order, repeated RAGs, blank notes, imports by different people and days, actions due on
// the meeting day.
import { describe, expect, it } from "vitest";
import { changesSince } from "../../../src/plan/changes";
import type { Person } from "../../../src/plan/types";
import { action, update } from "../../support/plan-fixtures";

const since = "2025-03-01T00:00:00Z";
const amara: Person = { id: 7, title: "Amara Okafor", email: null };
const tom: Person = { id: 8, title: "Tom Hughes", email: null };

describe("changes since the last meeting", () => {
  it("include an update made at the very moment of the meeting, and not one a second before", () => {
    const changes = changesSince(
      [update(1, since, "Green", "Amber", { id: 1 }), update(2, "2025-02-28T23:59:59Z", "Green", "Red", { id: 2 })],
      [action({ id: 1, number: "1.1" }), action({ id: 2, number: "1.2" })],
      since,
      "2025-03-02",
    );
    expect(changes.ragMoves.map((m) => [m.actionId, m.from, m.to])).toEqual([[1, "Green", "Amber"]]);
    expect(changes.imports).toEqual([]);
  });

  it("take the moves in time order (and by id at the same moment) however the updates arrive", () => {
    const at = "2025-03-05T10:00:00Z";
    const changes = changesSince(
      [
        update(1, "2025-03-09T10:00:00Z", "Amber", "Red", { id: 5 }),
        update(1, at, "Red", "Green", { id: 4 }),
        update(1, at, "Green", "Amber", { id: 3, author: tom }),
        update(1, "2025-03-02T10:00:00Z", "Amber", "Red", { id: 9 }),
      ],
      [action({ id: 1, number: "1.1" })],
      since,
      "2025-03-10",
    );
    // In time order: 2 Mar Amber -> Red, 5 Mar (by id) Green -> Amber then Red -> Green, 9 Mar Amber -> Red.
    expect(changes.ragMoves.map((m) => [m.from, m.to, m.date])).toEqual([["Amber", "Red", "2025-03-09T10:00:00Z"]]);
    const sameMoment = changesSince(
      [update(1, at, "Green", "Amber", { id: 11 }), update(1, at, "Amber", "Red", { id: 10 })],
      [action({ id: 1 })],
      since,
      "2025-03-10",
    );
    // id 10 first (Amber -> Red), then id 11 (Green -> Amber): from Amber, to Amber, so no net move.
    expect(sameMoment.ragMoves).toEqual([]);
  });

  it("keep the date and author of the last real change when a later update repeats the same RAG", () => {
    const changes = changesSince(
      [
        update(1, "2025-03-02T10:00:00Z", "Green", "Red", { id: 1, author: amara }),
        update(1, "2025-03-04T10:00:00Z", "Red", "Red", { id: 2, author: tom, note: "Still red" }),
      ],
      [action({ id: 1 })],
      since,
      "2025-03-05",
    );
    expect(changes.ragMoves).toEqual([
      expect.objectContaining({ from: "Green", to: "Red", date: "2025-03-02T10:00:00Z", author: amara }),
    ]);
  });

  it("leave out blank notes, and list notes newest first with the later id first at the same moment", () => {
    const at = "2025-03-05T10:00:00Z";
    const changes = changesSince(
      [
        update(1, at, null, null, { id: 1, kind: "comment", note: "   " }),
        update(1, at, null, null, { id: 2, kind: "comment", note: "First" }),
        update(1, at, null, null, { id: 3, kind: "comment", note: "Second" }),
        update(1, "2025-03-06T10:00:00Z", null, null, { id: 4, kind: "comment", note: "" }),
      ],
      [action({ id: 1 })],
      since,
      "2025-03-07",
    );
    expect(changes.notes.map((n) => n.note)).toEqual(["Second", "First"]);
  });

  it("list moves of actions no longer in the plan after those still in it, by id", () => {
    const changes = changesSince(
      [
        update(9, "2025-03-02T10:00:00Z", "Green", "Red", { id: 1 }),
        update(8, "2025-03-02T10:00:00Z", "Green", "Red", { id: 2 }),
        update(1, "2025-03-02T10:00:00Z", "Green", "Red", { id: 3 }),
      ],
      [action({ id: 1, number: "1.1" })],
      since,
      "2025-03-05",
    );
    expect(changes.ragMoves.map((m) => [m.actionId, m.action?.number ?? null])).toEqual([
      [8, null],
      [9, null],
      [1, "1.1"],
    ]);
  });

  it("count each imported file once per person and day", () => {
    const imported = (id: number, date: string, author: Person | null, note: string | null = "Plan.xlsx") =>
      update(id, date, null, "Green", { id, kind: "import", author, note });
    const changes = changesSince(
      [
        imported(1, "2025-03-02T10:00:00Z", amara),
        imported(2, "2025-03-02T11:00:00Z", amara),
        imported(3, "2025-03-02T10:00:00Z", tom),
        imported(4, "2025-03-03T10:00:00Z", amara),
        imported(5, "2025-03-02T10:00:00Z", null),
        imported(6, "2025-03-02T10:00:00Z", null, null),
      ],
      [action({ id: 1 })],
      since,
      "2025-03-05",
    );
    expect(changes.imports.map((i) => [i.fileName, i.author?.id ?? null, i.date, i.actions])).toEqual([
      ["Plan.xlsx", 7, "2025-03-02T10:00:00Z", 2],
      ["Plan.xlsx", 8, "2025-03-02T10:00:00Z", 1],
      ["Plan.xlsx", null, "2025-03-02T10:00:00Z", 1],
      ["", null, "2025-03-02T10:00:00Z", 1],
      ["Plan.xlsx", 7, "2025-03-03T10:00:00Z", 1],
    ]);
  });

  it("count an action due on the meeting day among the newly overdue, in number order", () => {
    const changes = changesSince(
      [],
      [
        action({ id: 1, number: "1.10", dueDate: "2025-03-01", rag: "Amber" }),
        action({ id: 2, number: "1.9", dueDate: "2025-03-03", rag: "Red" }),
        action({ id: 3, number: "1.1", dueDate: "2025-02-28", rag: "Amber" }),
        action({ id: 4, number: "1.2", dueDate: "2025-03-02", rag: "Blue" }),
      ],
      since,
      "2025-03-05",
    );
    expect(changes.newlyOverdue.map((a) => a.number)).toEqual(["1.9", "1.10"]);
  });
});
