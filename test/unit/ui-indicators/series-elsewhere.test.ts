// A break in a series respected wherever years are compared besides the trend table: the meeting's headline
// tiles ("since last year") and the plan documents' figures (committee paper, public version).
import { describe, expect, it } from "vitest";
import type { IndicatorNumber, IndicatorResultRow } from "../../../src/plan";
import { headlinesFrom } from "../../../src/ui/meeting/data";
import { planFigures } from "../../../src/reports/plan-figures";

let id = 1;
const entered = (
  indicator: IndicatorNumber,
  year: string,
  value: number,
  seriesBreak?: { reason: string },
): IndicatorResultRow => ({
  id: id++,
  etag: '"1"',
  year,
  standard: "nhs-england-wres",
  indicator,
  value,
  detail: JSON.stringify({ kind: "entered", value, ...(seriesBreak ? { seriesBreak } : {}) }),
  origin: "entered",
  modified: "2025-06-01T00:00:00Z",
});

const rows = [
  entered(7, "2023/24", 45),
  entered(7, "2024/25", 51.7, { reason: "The survey question changed in 2024" }),
  entered(2, "2023/24", 1.6),
  entered(2, "2024/25", 1.4),
];

describe("the meeting's headlines across a break", () => {
  it("does not compare the latest year with the year before when it begins a new series, and says why", () => {
    const headlines = headlinesFrom(rows);
    const i7 = headlines.find((h) => h.indicator === 7)!;
    expect(i7).toMatchObject({
      year: "2024/25",
      previousYear: "2023/24",
      trend: "not-comparable",
      newSeries: { recorded: { reason: "The survey question changed in 2024" }, changes: [] },
    });
    // Without the break the same figures would read as improved (higher is good for 7).
    const unbroken = headlinesFrom(rows.map((r) => ({ ...r, detail: "{}" })));
    expect(unbroken.find((h) => h.indicator === 7)!.trend).toBe("improved");
    expect(headlines.find((h) => h.indicator === 2)).toMatchObject({ trend: "improved", newSeries: null });
  });
});

describe("the plan documents' figures across a break", () => {
  it("gives no trend for an indicator whose year begins a new series, and keeps both figures", () => {
    const figures = planFigures(rows)!;
    const i7 = figures.rows.find((r) => r.indicator === 7)!;
    expect(i7).toMatchObject({
      current: { kind: "shown", value: 51.7 },
      previous: { kind: "shown", value: 45 },
      trend: "not-comparable",
      newSeries: { recorded: { reason: "The survey question changed in 2024" } },
    });
    expect(figures.rows.find((r) => r.indicator === 2)).toMatchObject({ trend: "improved", newSeries: null });
  });
});
