// The id index: every id given one number, found again however it was spelled in another workbook.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdIndex } from "../../../src/shared/id-index";

describe("IdIndex", () => {
  it("numbers ids densely in the order they are first added, and finds them again", () => {
    const ids = new IdIndex();
    expect(["20062708", "ABC-1", "0", "20062708", "007", "999999999", "1234567890"].map((id) => ids.add(id))).toEqual([
      0, 1, 2, 0, 3, 4, 5,
    ]);
    expect(ids.size).toBe(6);
    expect(ids.find("007")).toBe(3);
    expect(ids.find("7")).toBe(-1); // "007" and "7" are different ids (the reader normalises before it asks)
    expect(ids.find("1234567890")).toBe(5);
    expect(ids.find("20062709")).toBe(-1);
    expect([ids.addIfNew("20062708"), ids.addIfNew("20062709"), ids.addIfNew("20062709")]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it("finds an id read from another workbook (an equal string, not the same one)", () => {
    const ids = new IdIndex();
    ids.add(["2006", "2708"].join(""));
    expect(ids.find(String(20062708))).toBe(0);
  });

  it("agrees with a Map for any mix of ids, through many rounds of growth and room made part way", () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 2_000_000_000 }).map(String),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: 0, max: 3000 }).map(String),
    );
    const room = fc.record({ after: fc.nat({ max: 4000 }), count: fc.nat({ max: 6000 }) });
    fc.assert(
      fc.property(
        fc.array(id, { maxLength: 4000 }),
        fc.array(id, { maxLength: 200 }),
        room,
        (added, asked, reserve) => {
          const ids = new IdIndex();
          const map = new Map<string, number>();
          for (const [k, a] of added.entries()) {
            // Room made for more ids, with some already in the table, keeps every id's number.
            if (k === reserve.after) ids.reserve(reserve.count);
            if (!map.has(a)) map.set(a, map.size);
            expect(ids.add(a)).toBe(map.get(a));
          }
          expect(ids.size).toBe(map.size);
          for (const a of [...added, ...asked]) expect(ids.find(a)).toBe(map.get(a) ?? -1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
