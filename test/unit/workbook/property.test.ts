import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readGrid, readWorkbooks } from "../../../src/workbook";
import { buildXlsx } from "./fixtures";

// Text that survives a spreadsheet round trip: no control characters, no surrounding spaces
// (readers trim), not empty (an empty string cell is no cell).
const text = fc
  .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...Array.from("abcXYZ &<>\"'_x0D;é€😀-/1")) })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const cell = fc.oneof(
  text,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.constant(null),
);

/** The ethnicity spellings the generator uses, classified by hand (docs/wres-method.md#ethnic-groups). */
const GROUP_OF: Record<string, "white" | "bme" | "unknown"> = {
  A: "white",
  "CA White English": "white",
  "N Black or Black British - African": "bme",
  "Z Not Stated": "unknown",
  "": "unknown",
  Q: "unknown",
  "Asian or Asian British - Indian": "bme",
};

describe("properties", () => {
  it("readGrid returns exactly the cells written (shared and inline strings)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (rows, inline) => {
          const bytes = buildXlsx([{ name: "S", rows }], { strings: inline ? "inline" : "shared" });
          const got = readGrid({ name: "p.xlsx", bytes }).sheets[0]!.rows;
          // Expected: trailing nulls are not stored; Object.is keeps -0 apart from 0 in the writer too.
          const expected = rows.map((r) => {
            const out = r.map((v) => (typeof v === "number" && Object.is(v, -0) ? 0 : v));
            while (out.length && out[out.length - 1] === null) out.pop();
            return out;
          });
          while (got.length < expected.length) got.push([]);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("counts read equal rows written, and every row is used or excluded", () => {
    const ethnicity = fc.constantFrom(
      "A",
      "CA White English",
      "N Black or Black British - African",
      "Z Not Stated",
      "",
      "Q",
      "Asian or Asian British - Indian",
    );
    const staffRow = fc.record({
      id: fc.integer({ min: 1, max: 40 }),
      ethnicity,
      bank: fc.boolean(),
      primary: fc.constantFrom("Yes", "No", ""),
      band: fc.constantFrom("Band 5", "Band 8 - Range A", "8C", "VSM", "Consultant", "Band 8"),
    });
    fc.assert(
      fc.property(
        fc.array(staffRow, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 3 }),
        (people, titleRows) => {
          const rows = [
            ...Array.from({ length: titleRows }, (_v, i) => [`Report title line ${i + 1}`]),
            [
              "Employee Number",
              "Ethnic Origin",
              "Pay Band",
              "Staff Group",
              "Assignment Category",
              "Primary Assignment",
            ],
            ...people.map((p) => [
              String(p.id),
              p.ethnicity,
              p.band,
              "Administrative and Clerical",
              p.bank ? "Bank" : "Permanent",
              p.primary,
            ]),
          ];
          const ds = readWorkbooks([{ name: "p.xlsx", bytes: buildXlsx([{ name: "S", rows }]) }]);
          const sheet = ds.sheets[0]!;
          expect(sheet.headerRow).toBe(titleRows + 1);
          expect(sheet.rowsRead).toBe(people.length);
          expect(sheet.rowsUsed + sheet.rowsExcluded).toBe(sheet.rowsRead);
          expect(Object.values(sheet.exclusions).reduce((a, b) => a + b, 0)).toBe(sheet.rowsExcluded);
          // One record per person with at least one substantive row; none for bank-only people.
          const substantive = new Set(people.filter((p) => !p.bank).map((p) => p.id));
          expect(ds.staff.map((s) => Number(s.personId)).sort((a, b) => a - b)).toEqual(
            [...substantive].sort((a, b) => a - b),
          );
          // Each person's group comes from the row a model of the rule picks (primary "Yes" over "No" or blank,
          // the first row on a tie), classified by a table written here, not by the reader.
          const rank = (p: (typeof people)[number]) => (p.primary === "Yes" ? 2 : 1);
          const picked = new Map<number, (typeof people)[number]>();
          for (const p of people) {
            if (p.bank) continue;
            const current = picked.get(p.id);
            if (!current || rank(p) > rank(current)) picked.set(p.id, p);
          }
          const expected = { white: 0, bme: 0, unknown: 0 };
          for (const p of picked.values()) expected[GROUP_OF[p.ethnicity]!]++;
          const groups = { white: 0, bme: 0, unknown: 0 };
          for (const s of ds.staff) groups[s.ethnicity.group]++;
          expect(groups).toEqual(expected);
          const bySheet = {
            rowsExcluded: people.length - picked.size,
            bankOnly: people.filter((p) => p.bank && !substantive.has(p.id)).length,
          };
          expect(sheet.rowsExcluded).toBe(bySheet.rowsExcluded);
          expect(sheet.exclusions["bank-only"] ?? 0).toBe(bySheet.bankOnly);
        },
      ),
      { numRuns: 80 },
    );
  });
});
