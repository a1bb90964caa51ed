// The figures' words and the public view's address: small pure pieces the documents and the card share.
import { describe, expect, it } from "vitest";
import { figureText, planFigures, yearBefore } from "../../../src/reports/plan-figures";
import { publicOptionsOf, publicViewUrl } from "../../../src/ui/year/public-route";
import type { IndicatorResultRow } from "../../../src/plan/types";

const entered = (
  year: string,
  indicator: IndicatorResultRow["indicator"],
  value: number | null,
): IndicatorResultRow => ({
  id: 1,
  etag: '"1"',
  year,
  standard: "nhs-england-wres",
  indicator,
  value,
  detail: "{}",
  origin: "entered",
  modified: "2024-07-01T00:00:00Z",
});

describe("figureText", () => {
  it("writes each kind of headline as published: ratios to 2 places, percentages and signed points to 1", () => {
    expect(figureText(2, { kind: "shown", value: 1.905, origin: "entered" })).toBe("1.91");
    expect(figureText(1, { kind: "shown", value: 33.349, origin: "computed" })).toBe("33.3%");
    expect(figureText(9, { kind: "shown", value: 8.06, origin: "entered" })).toBe("+8.1 pp");
    expect(figureText(9, { kind: "shown", value: -8.06, origin: "entered" })).toBe("-8.1 pp");
    expect(figureText(9, { kind: "shown", value: -0.04, origin: "entered" })).toBe("0.0 pp");
    expect(figureText(3, { kind: "hidden" })).toBe("*");
    expect(figureText(3, { kind: "none" })).toBe("–");
    expect(figureText(3, { kind: "missing" })).toBe("–");
  });
});

describe("planFigures", () => {
  it("takes the newest year saved and the financial year before it, and rounds typed-in figures", () => {
    const figures = planFigures([entered("2023/24", 2, 2.6), entered("2024/25", 2, 1.3049), entered("2022/23", 2, 3)])!;
    expect([figures.year, figures.previousYear]).toEqual(["2024/25", "2023/24"]);
    expect(figures.rows).toEqual([
      {
        indicator: 2,
        direction: "towards-one",
        current: { kind: "shown", value: 1.3, origin: "entered" },
        previous: { kind: "shown", value: 2.6, origin: "entered" },
        trend: "improved",
        newSeries: null,
        target: null,
      },
    ]);
    expect(planFigures([])).toBeNull();
    expect(yearBefore("2024/25")).toBe("2023/24");
    expect(yearBefore("1999/00")).toBe("1998/99");
  });
});

describe("planFigures with targets", () => {
  const target = (value: number, year: string, baselineYear: string | null = null) => ({
    id: 1,
    etag: '"1"',
    modified: "2024-06-01T09:00:00Z",
    kind: "target" as const,
    standard: "nhs-england-wres",
    indicator: 2 as const,
    value,
    year,
    baselineYear,
    direction: null,
    comparator: null,
    name: null,
    source: null,
  });
  const rows = [entered("2022/23", 2, 3), entered("2023/24", 2, 2.6), entered("2024/25", 2, 1.3049)];

  it("gives the target for the year and judges the year on the line from the earliest saved year", () => {
    // From 3.00 in 2022/23 to 1.25 by 2026/27: the line is at 2.13 in 2024/25, and 1.30 is better than that.
    expect(planFigures(rows, undefined, [target(1.25, "2026/27")])!.rows[0]!.target).toEqual({
      value: 1.25,
      year: "2026/27",
      status: "on-track",
    });
    // 1.00 by 2024/25: the year's figure, 1.30, is worse than the target itself.
    expect(planFigures(rows, undefined, [target(1, "2024/25")])!.rows[0]!.target!.status).toBe("off-track");
    // A baseline year with no saved figure gives no line to judge against.
    expect(planFigures(rows, undefined, [target(1.25, "2026/27", "2019/20")])!.rows[0]!.target!.status).toBeNull();
  });
});

describe("the public view's address", () => {
  it("carries the choices there and back, keeping identity and site, dropping the theme and other views' parameters", () => {
    const url = new URL(
      publicViewUrl("https://tab.example/?as=edi&site=x&theme=dark&since=2024-04-01&view=year", "2024/25", {
        withFigures: false,
        leads: "names",
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      as: "edi",
      site: "x",
      view: "public",
      year: "2024/25",
      figures: "none",
      leads: "names",
    });
    expect(publicOptionsOf(url.search)).toEqual({ withFigures: false, leads: "names" });
    expect(publicOptionsOf("?view=public")).toEqual({ withFigures: true, leads: "roles" });
    expect(publicOptionsOf("?figures=nonsense&leads=everyone")).toEqual({ withFigures: true, leads: "roles" });
  });
});
