// Renumbering a plan year: objectives closed up 1..n with their actions moved along, and the action numbers'
// edge cases an editor meets (spaces, labels, inserted "2a" items, numbers that are not numbers).
import { describe, expect, it } from "vitest";
import {
  compareNumbers,
  nextNumber,
  numberPrefix,
  renumber,
  renumberObjectives,
  sortByNumber,
} from "../../../src/plan/numbering";

const objective = (id: number, number: string) => ({ id, number });
const action = (id: number, objectiveId: number, number: string) => ({ id, objectiveId, number });
const moves = (changes: { item: { id: number; number: string }; number: string }[]) =>
  changes.map((c) => [c.item.id, c.item.number, c.number]);

describe("renumbering objectives", () => {
  it("closes gaps in number order and moves each objective's actions with it, keeping the action's own part", () => {
    const result = renumberObjectives(
      [objective(4, "4"), objective(1, "1"), objective(3, "3")],
      [action(31, 3, "3.1"), action(32, 3, "3.4"), action(41, 4, "4.2"), action(11, 1, "1.1"), action(33, 3, "3.10")],
    );
    expect(moves(result.objectives)).toEqual([
      [3, "3", "2"],
      [4, "4", "3"],
    ]);
    expect(moves(result.actions)).toEqual([
      [31, "3.1", "2.1"],
      [32, "3.4", "2.4"],
      [33, "3.10", "2.10"],
      [41, "4.2", "3.2"],
    ]);
  });

  it("leaves alone actions numbered some other way, and actions of other objectives", () => {
    const result = renumberObjectives(
      [objective(1, "2")],
      [
        action(10, 1, "Board item"),
        action(11, 1, "2"),
        action(12, 1, "12.1"),
        action(13, 1, "2.1"),
        action(14, 9, "2.2"),
      ],
    );
    expect(moves(result.objectives)).toEqual([[1, "2", "1"]]);
    expect(moves(result.actions)).toEqual([[13, "2.1", "1.1"]]);
  });

  it("matches an objective's number in actions whatever the case, and keeps the action's spelling", () => {
    const result = renumberObjectives(
      [objective(1, "1"), objective(2, "B")],
      [action(20, 2, "b.3"), action(21, 2, "Bx.1")],
    );
    expect(moves(result.objectives)).toEqual([[2, "B", "2"]]);
    expect(moves(result.actions)).toEqual([[20, "b.3", "2.3"]]);
  });

  it("moves an action only when its number starts with every part of its objective's number", () => {
    const result = renumberObjectives(
      [objective(1, "1.1"), objective(2, "1.2")],
      [action(21, 2, "1.2.1"), action(22, 2, "1.1.4"), action(23, 2, "3.2.1")],
    );
    expect(moves(result.objectives)).toEqual([
      [1, "1.1", "1"],
      [2, "1.2", "2"],
    ]);
    expect(moves(result.actions)).toEqual([[21, "1.2.1", "2.1"]]);
  });

  it("returns nothing to write when the numbers are already 1..n", () => {
    expect(
      renumberObjectives([objective(1, "1"), objective(2, "2")], [action(11, 1, "1.1"), action(21, 2, "2.5")]),
    ).toEqual({ objectives: [], actions: [] });
  });
});

describe("action numbers an editor writes", () => {
  it("read dots and spaces alike as separators, ignoring stray ones", () => {
    expect(compareNumbers(" 2 . 3 ", "2.3")).toBe(0);
    expect(compareNumbers("2 3", "2.3")).toBe(0);
    expect(compareNumbers("2..3", "2.3")).toBe(0);
    expect(numberPrefix(" 2.3 ")).toBe("2");
    expect(numberPrefix("2 3")).toBe("2");
    expect(numberPrefix("1.2.3")).toBe("1.2");
    expect(numberPrefix("7")).toBe("");
    // A full stop typed at the end, or the start.
    expect(compareNumbers("2.3.", "2.3")).toBe(0);
    expect(compareNumbers(".2.3", "2.3")).toBe(0);
    expect(numberPrefix("2.3.")).toBe("2");
    expect(nextNumber(["2.1", "2.9."], "2")).toBe("2.10");
  });

  it("order an inserted 2a between 2 and 3, and numbers before labels", () => {
    expect(
      sortByNumber(["3", "2a", "2", "Board item", "10"].map((number) => ({ number }))).map((n) => n.number),
    ).toEqual(["2", "2a", "3", "10", "Board item"]);
    expect(compareNumbers("2a", "2")).toBeGreaterThan(0);
    expect(compareNumbers("2a", "2b")).toBeLessThan(0);
    expect(compareNumbers("a", "A")).toBe(0);
    expect(compareNumbers("2.x", "2.y")).toBeLessThan(0);
    expect(compareNumbers("2.y", "2.x")).toBeGreaterThan(0);
    expect(compareNumbers("2.a", "2.1")).toBeGreaterThan(0);
    expect(compareNumbers("2.1", "2.a")).toBeLessThan(0);
    expect(compareNumbers("a.2", "A.3")).toBeLessThan(0);
  });

  it("compare whole numbers numerically segment by segment, and digits within labels numerically", () => {
    expect(compareNumbers("12", "9")).toBeGreaterThan(0);
    expect(compareNumbers("9", "12")).toBeLessThan(0);
    expect(compareNumbers("1.12", "1.9")).toBeGreaterThan(0);
    expect(compareNumbers("a12", "a9")).toBeGreaterThan(0);
    expect(compareNumbers("x1", "1x")).toBeGreaterThan(0);
    expect(compareNumbers("2.1", "2")).toBeGreaterThan(0);
  });

  it("take a segment as a number only when it is all digits: 1e2 and 0x10 are labels after 1 and 0, not 100 and 16", () => {
    expect(compareNumbers("1e2", "99")).toBeLessThan(0);
    expect(compareNumbers("99", "1e2")).toBeGreaterThan(0);
    expect(compareNumbers("0x10", "9")).toBeLessThan(0);
    expect(compareNumbers("9", "0x10")).toBeGreaterThan(0);
    expect(sortByNumber(["2", "1e2", "1"].map((number) => ({ number }))).map((n) => n.number)).toEqual([
      "1",
      "1e2",
      "2",
    ]);
  });

  it("give the next number after the highest whole number under the prefix, ignoring labels and other prefixes", () => {
    expect(nextNumber(["2.1", "2.3", "2.2", "2.a", "2.3b", "3.9", "2.1.5"], "2")).toBe("2.4");
    expect(nextNumber(["1", "4", "2", "Board item", "10.1"], "")).toBe("5");
    expect(nextNumber(["2.0"], "2")).toBe("2.1");
  });

  it("renumber top-level items with their first item's prefix by default", () => {
    expect(renumber([{ number: "5" }, { number: "7" }]).map((c) => c.number)).toEqual(["1", "2"]);
    expect(renumber([])).toEqual([]);
  });
});
