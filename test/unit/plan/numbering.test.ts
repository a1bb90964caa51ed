import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareNumbers, nextNumber, renumber, sortByNumber } from "../../../src/plan/numbering";

describe("action numbers", () => {
  it("puts 2.10 after 2.9 and 10 after 9", () => {
    expect(
      sortByNumber(["2.10", "2.9", "10", "2.1", "9", "1.2"].map((number) => ({ number }))).map((a) => a.number),
    ).toEqual(["1.2", "2.1", "2.9", "2.10", "9", "10"]);
  });

  it("puts a parent before its children and numbers before labels", () => {
    expect(compareNumbers("2", "2.1")).toBeLessThan(0);
    expect(compareNumbers("2.1", "2.a")).toBeLessThan(0);
    expect(compareNumbers("2.a", "2.B")).toBeLessThan(0);
  });

  it("is a consistent order (property)", () => {
    const number = fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 3 }).map((parts) => parts.join("."));
    fc.assert(
      fc.property(number, number, (a, b) => {
        // === so that 0 and -0 count as the same answer.
        expect(Math.sign(compareNumbers(a, b)) === -Math.sign(compareNumbers(b, a))).toBe(true);
        expect(compareNumbers(a, a)).toBe(0);
      }),
    );
  });

  it("renumbers in the given order and reports only changes", () => {
    const items = [{ number: "2.1" }, { number: "2.3" }, { number: "2.4" }, { number: "2.2" }];
    expect(renumber(items).map((c) => [c.item.number, c.number])).toEqual([
      ["2.3", "2.2"],
      ["2.4", "2.3"],
      ["2.2", "2.4"],
    ]);
  });

  it("renumbers under a new prefix, or top level", () => {
    expect(renumber([{ number: "1.1" }, { number: "1.2" }], "3").map((c) => c.number)).toEqual(["3.1", "3.2"]);
    expect(renumber([{ number: "2" }, { number: "5" }], "").map((c) => c.number)).toEqual(["1", "2"]);
  });

  it("gives the next number after the highest", () => {
    expect(nextNumber(["2.1", "2.9", "3.1"], "2")).toBe("2.10");
    expect(nextNumber([], "4")).toBe("4.1");
    expect(nextNumber(["1", "2"], "")).toBe("3");
  });
});
