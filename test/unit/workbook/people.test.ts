// The staff-in-post join table: a person added once, bank-only workers told from substantive staff.
import { describe, expect, it } from "vitest";
import { People } from "../../../src/workbook/people";
import type { Ethnicity } from "../../../src/indicators";

describe("People", () => {
  const unknown = { group: "unknown", code: null, raw: "" } as unknown as Ethnicity;

  it("adds a person once and tells bank-only workers from substantive staff", () => {
    const people = new People();
    const a = people.add("100", unknown);
    const b = people.add("200", unknown);
    expect(people.add("100", unknown)).toBe(a);
    expect(people.size).toBe(2);
    people.markBank(a);
    people.markBank(b);
    people.markSubstantive(b);
    expect([people.isBankOnly(a), people.isBankOnly(b), people.isBankOnly(-1)]).toEqual([true, false, false]);
    expect(people.ethnicity[a]).toBe(unknown);
    expect(people.record[b]).toBeNull();
  });

  it("tells a person substantive in one sheet and bank in a later one from a bank-only worker", () => {
    const people = new People();
    const p = people.add("100", unknown);
    people.markSubstantive(p);
    people.markBank(p);
    expect(people.isBankOnly(p)).toBe(false);
  });

  it("keeps the first person past its first arrays as it keeps the others", () => {
    const people = new People();
    for (let i = 0; i <= 1024; i++) people.add(String(i), unknown);
    const p = people.find("1024");
    people.markBank(p);
    expect([p, people.sheet[p], people.isBankOnly(p)]).toEqual([1024, -1, true]);
  });

  it("keeps what it knows of everyone as it grows past its first arrays", () => {
    const people = new People();
    for (let i = 0; i < 5000; i++) {
      const p = people.add(String(1000 + i), unknown);
      people.rank[p] = i % 4;
      if (i % 3 === 0) people.markBank(p);
    }
    expect(people.size).toBe(5000);
    const p = people.find("5998");
    expect([p, people.rank[p], people.sheet[p], people.isBankOnly(p)]).toEqual([4998, 2, -1, true]);
    expect(people.isBankOnly(people.find("1001"))).toBe(false);
  });
});
