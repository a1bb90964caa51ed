import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { looksLikeFormula, safeCell } from "../../../src/reports/escape";

describe("safeCell", () => {
  it.each(['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])("keeps %j as text", (text) => {
    const out = safeCell(text);
    expect(out).toBe(`'${text}`);
    expect(looksLikeFormula(out as string)).toBe(false);
  });

  it("leaves ordinary text, numbers, booleans and dates alone", () => {
    expect(safeCell("Band 5")).toBe("Band 5");
    expect(safeCell("<10")).toBe("<10");
    expect(safeCell(-1.5)).toBe(-1.5);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(true)).toBe(true);
    const d = new Date(Date.UTC(2025, 2, 31));
    expect(safeCell(d)).toBe(d);
  });

  it("blanks values a spreadsheet cannot hold", () => {
    expect(safeCell(Number.NaN)).toBeNull();
    expect(safeCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(safeCell(undefined)).toBeNull();
    expect(safeCell(null)).toBeNull();
  });

  it("never returns text that starts a formula", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = safeCell(s);
        return typeof out === "string" && !looksLikeFormula(out) && out.endsWith(s);
      }),
    );
  });
});
