// Breaks in a series over hand-made saved rows: which years begin a new series (a method change the saved
// results record, or a break a plan editor recorded with a reason), and the trend table giving no move across one.
import { describe, expect, it } from "vitest";
import type { IndicatorNumber, IndicatorResultRow } from "../../../src/plan";
import {
  breakReasonError,
  keepRecordedBreaks,
  MAX_BREAK_REASON,
  recordedBreak,
  seriesStarts,
  UnreadableDetailError,
  withRecordedBreak,
} from "../../../src/ui/indicators/series";
import { parseSavedDetail } from "../../../src/ui/indicators/saved-results";
import { trendTable } from "../../../src/ui/indicators/trend";

const STANDARD = "nhs-england-wres";
let nextId = 1;

/** Indicator 3's saved detail as a run saves it, with the facts of its method. */
function rlDetail(basis: "single-year" | "two-year-pooled", extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    kind: "relative-likelihood",
    value: 1.5,
    white: { count: 20, of: 2000, rate: 0.01 },
    bme: { count: 6, of: 400, rate: 0.015 },
    adverseBand: { low: 0.8, high: 1.25 },
    cautions: [],
    years: basis === "two-year-pooled" ? ["2023/24", "2024/25"] : ["2024/25"],
    basis,
    measure: "cases",
    denominator: "staff",
    publication: { threshold: 10, publishBoardComposition: true, savedBy: "EDI Lead" },
    ...extra,
  });
}

function row(
  indicator: IndicatorNumber,
  year: string,
  value: number | null,
  detail: string,
  origin: "computed" | "entered" = "computed",
): IndicatorResultRow {
  return { id: nextId++, etag: '"1"', year, standard: STANDARD, indicator, value, detail, origin, modified: "" };
}

const entered = (indicator: IndicatorNumber, year: string, value: number, extra: Record<string, unknown> = {}) =>
  row(indicator, year, value, JSON.stringify({ kind: "entered", value, ...extra }), "entered");

describe("which saved years begin a new series", () => {
  it("detects indicator 3 pooled over two years after a single year, and nothing between like years", () => {
    const at = seriesStarts([
      row(3, "2022/23", 1.9, rlDetail("single-year")),
      row(3, "2023/24", 1.7, rlDetail("single-year")),
      row(3, "2024/25", 1.5, rlDetail("two-year-pooled")),
      row(3, "2025/26", 1.4, rlDetail("two-year-pooled")),
    ]);
    expect(at(3, "2022/23")).toBeNull();
    expect(at(3, "2023/24")).toBeNull();
    expect(at(3, "2024/25")).toEqual({ recorded: null, changes: ["pooling"] });
    expect(at(3, "2025/26")).toBeNull();
    // Another indicator, another standard: nothing.
    expect(at(2, "2024/25")).toBeNull();
  });

  it("reads a break a plan editor recorded, on an entered figure and on a computed one, even on the first year", () => {
    const at = seriesStarts([
      entered(7, "2016/17", 44.1, { seriesBreak: { reason: "The calculation changed in 2017", by: "EDI Lead" } }),
      entered(7, "2017/18", 51.7, { seriesBreak: { reason: "The calculation changed in 2017", by: "EDI Lead" } }),
      entered(7, "2018/19", 47.4),
      row(3, "2023/24", 1.7, rlDetail("single-year")),
      row(3, "2024/25", 1.6, rlDetail("single-year", { seriesBreak: { reason: "New case system" } })),
    ]);
    expect(at(7, "2017/18")).toEqual({
      recorded: { reason: "The calculation changed in 2017", by: "EDI Lead" },
      changes: [],
    });
    expect(at(7, "2016/17")?.recorded?.reason).toBe("The calculation changed in 2017");
    expect(at(7, "2018/19")).toBeNull();
    expect(at(3, "2024/25")).toEqual({ recorded: { reason: "New case system", by: null }, changes: [] });
  });

  it("compares a year with the saved year before it, whatever the order rows come in; entered figures record no method", () => {
    const at = seriesStarts([
      row(3, "2024/25", 1.5, rlDetail("two-year-pooled")),
      entered(3, "2023/24", 1.6),
      row(3, "2022/23", 1.9, rlDetail("single-year")),
    ]);
    // 2023/24 was typed in: no facts to compare, so neither it nor 2024/25 is a detected break.
    expect(at(3, "2023/24")).toBeNull();
    expect(at(3, "2024/25")).toBeNull();
  });

  it("ignores a break without a reason and a damaged detail", () => {
    const at = seriesStarts([
      entered(7, "2017/18", 51.7, { seriesBreak: { reason: "  " } }),
      entered(7, "2018/19", 47.4, { seriesBreak: "yes" }),
      row(3, "2023/24", 1.7, "{not json"),
      row(3, "2024/25", 1.5, rlDetail("two-year-pooled")),
    ]);
    expect(at(7, "2017/18")).toBeNull();
    expect(at(7, "2018/19")).toBeNull();
    expect(at(3, "2024/25")).toBeNull();
  });
});

describe("recording a break in a saved detail", () => {
  it("adds and removes the break, keeping the result and what was saved with it", () => {
    const detail = rlDetail("two-year-pooled");
    const marked = withRecordedBreak(detail, { reason: "  Two-year pooling from 2024/25 ", by: "EDI Lead" });
    expect(recordedBreak(marked)).toEqual({ reason: "Two-year pooling from 2024/25", by: "EDI Lead" });
    // The result reads back as before: the break is not part of it.
    expect(parseSavedDetail(marked)).toEqual(parseSavedDetail(detail));
    expect(parseSavedDetail(marked)!.result).not.toHaveProperty("seriesBreak");
    const cleared = withRecordedBreak(marked, null);
    expect(recordedBreak(cleared)).toBeNull();
    expect(JSON.parse(cleared)).toEqual(JSON.parse(detail));
  });

  it("refuses a damaged detail and a reason that is empty or too long", () => {
    expect(() => withRecordedBreak("{oops", { reason: "x", by: null })).toThrow(UnreadableDetailError);
    expect(() => withRecordedBreak("[1]", { reason: "x", by: null })).toThrow(UnreadableDetailError);
    expect(() => withRecordedBreak("{}", { reason: " ", by: null })).toThrow(/missing/);
    expect(breakReasonError("")).toBe("empty");
    expect(breakReasonError("x".repeat(MAX_BREAK_REASON))).toBeNull();
    expect(breakReasonError("x".repeat(MAX_BREAK_REASON + 1))).toBe("long");
  });

  it("keeps a recorded break when the year is computed and saved again", () => {
    const existing = [row(3, "2024/25", 1.5, rlDetail("single-year", { seriesBreak: { reason: "New case system" } }))];
    const fresh = { ...existing[0]!, detail: rlDetail("single-year") };
    const [kept] = keepRecordedBreaks([fresh], existing);
    expect(recordedBreak(kept!.detail)?.reason).toBe("New case system");
    const other = { ...fresh, year: "2025/26" };
    expect(keepRecordedBreaks([other], existing)[0]).toBe(other);
  });
});

describe("the trend table across a break", () => {
  it("gives no move into the year that begins a new series, says why, and compares again after it", () => {
    const table = trendTable([
      entered(7, "2016/17", 44.1),
      entered(7, "2017/18", 51.7, { seriesBreak: { reason: "The calculation changed in 2017" } }),
      entered(7, "2018/19", 47.4),
      row(3, "2016/17", 1.9, rlDetail("single-year")),
      row(3, "2017/18", 1.5, rlDetail("two-year-pooled")),
      row(3, "2018/19", 1.4, rlDetail("two-year-pooled")),
    ]);
    expect(table.years).toEqual(["2016/17", "2017/18", "2018/19"]);
    const i7 = table.rows.find((r) => r.indicator === 7)!.cells;
    expect(i7[1]).toMatchObject({
      trend: "not-comparable",
      previous: null,
      newSeries: { recorded: { reason: "The calculation changed in 2017" }, changes: [] },
    });
    // 47.4 after 51.7 is a fall in the BME % believing in equal opportunities: worse (higher is good).
    expect(i7[2]).toMatchObject({ trend: "worsened", previous: 51.7, newSeries: null });
    const i3 = table.rows.find((r) => r.indicator === 3)!.cells;
    expect(i3[0]).toMatchObject({ trend: "not-comparable", newSeries: null });
    expect(i3[1]).toMatchObject({ trend: "not-comparable", previous: null, newSeries: { changes: ["pooling"] } });
    expect(i3[2]).toMatchObject({ trend: "improved", previous: 1.5 });
  });
});
