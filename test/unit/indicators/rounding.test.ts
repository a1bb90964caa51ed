// How a protected copy's figures are published: each kind of figure rounded to the places a WRES report gives
// it, half away from zero, and the hidden marks of copies saved before schema 2 read as the one mark.
import { describe, expect, it } from "vitest";
import { roundPublished, roundTo } from "../../../src/indicators/rounding";

describe("roundTo", () => {
  it("rounds half away from zero, on both sides of zero", () => {
    expect(roundTo(1.25, 1)).toBe(1.3);
    expect(roundTo(-1.25, 1)).toBe(-1.3);
    expect(roundTo(1.24, 1)).toBe(1.2);
    expect(roundTo(-1.24, 1)).toBe(-1.2);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(1234.5678, 2)).toBe(1234.57);
  });

  it("rounds a half that binary floating point stores just below it up, as the printed figure reads", () => {
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(roundTo(1.005, 2)).toBe(1.01);
  });

  it("never publishes a negative zero", () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 1), 0)).toBe(true);
  });
});

describe("roundPublished", () => {
  it("rounds ratios and intervals to 2 places, percentages, gaps and differences to 1, rates to 3", () => {
    const copy = {
      value: 1.23456,
      ci95: [0.98765, 1.55555],
      white: { count: 7, of: 9, rate: 0.777777 },
      bmePct: 12.3456,
      gap: -3.14159,
      difference: 2.71828,
      neededPerYear: 4.44444,
    };
    const out = roundPublished(copy, null);
    expect(out).toBe(copy); // in place
    expect(copy).toEqual({
      value: 1.23,
      ci95: [0.99, 1.56],
      white: { count: 7, of: 9, rate: 0.778 },
      bmePct: 12.3,
      gap: -3.1,
      difference: 2.7,
      neededPerYear: 4.4,
    });
  });

  it("leaves figures without published places as they are: counts, years, thresholds", () => {
    const copy = { count: 3.5, threshold: 10.25, years: [2023.5, 2024.25], percentile: 0.12345 };
    roundPublished(copy, null);
    expect(copy).toEqual({ count: 3.5, threshold: 10.25, years: [2023.5, 2024.25], percentile: 0.12345 });
  });

  it("rounds figures inside lists of records", () => {
    const copy = { items: [{ value: 0.55555, label: "x" }, { gapPct: 9.99 }], nested: { deeper: { rate: 0.12345 } } };
    roundPublished(copy, null);
    expect(copy).toEqual({ items: [{ value: 0.56, label: "x" }, { gapPct: 10 }], nested: { deeper: { rate: 0.123 } } });
  });

  it("leaves comparisons, the adverse band, thresholds and the suppression block alone", () => {
    const copy = {
      comparison: { value: 1.23456 },
      adverseBand: { value: 0.81234 },
      thresholds: { value: 1.26666 },
      suppression: { value: 2.22222 },
      value: 1.23456,
    };
    roundPublished(copy, null);
    expect(copy).toEqual({
      comparison: { value: 1.23456 },
      adverseBand: { value: 0.81234 },
      thresholds: { value: 1.26666 },
      suppression: { value: 2.22222 },
      value: 1.23,
    });
  });

  it("reads the old primary and secondary marks as the one hidden mark", () => {
    const copy = { bme: { count: 3, suppressed: { count: "primary", rate: "secondary" } }, suppressed: null };
    roundPublished(copy, null);
    expect(copy).toEqual({ bme: { count: 3, suppressed: { count: "hidden", rate: "hidden" } }, suppressed: null });
    // Only a block of marks is a block of marks: a field of that name holding a word is left as it is.
    expect(roundPublished({ suppressed: "primary" }, null)).toEqual({ suppressed: "primary" });
  });

  it("passes plain values and nothing through", () => {
    expect(roundPublished(1.23456, null)).toBe(1.23456);
    expect(roundPublished(null, null)).toBeNull();
    expect(roundPublished("text", "value")).toBe("text");
    expect(roundPublished([1.23456, { value: 1.23456 }], null)).toEqual([1.23456, { value: 1.23 }]);
    expect(roundPublished([1.23456, 2.34567], "ci95")).toEqual([1.23, 2.35]);
    expect(roundPublished([null, 2.34567], "ci95")).toEqual([null, 2.35]);
    expect(roundPublished([1.23456], "count")).toEqual([1.23456]);
  });
});
