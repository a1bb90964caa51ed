// The target and comparison form's checks: each problem named, the direction taken from the indicator,
// England as the national comparator's name when none is typed.
import { describe, expect, it } from "vitest";
import { blankFigureInput, figureFromInput, parseHeadline } from "../../../src/ui/indicators/figure-form";
import { targetTrajectories } from "../../../src/ui/indicators/trajectory";
import type { IndicatorResultRow } from "../../../src/plan";

describe("the target and comparison form", () => {
  it("reads a headline as published, within the indicator's range", () => {
    expect(parseHeadline(2, "1,25")).toBe(1.25);
    expect(parseHeadline(1, "80 %")).toBe(80);
    expect(parseHeadline(9, "+2.1 pp")).toBe(2.1);
    expect(parseHeadline(2, "0")).toBeNull();
    expect(parseHeadline(5, "101")).toBeNull();
    expect(parseHeadline(9, "-101")).toBeNull();
    expect(parseHeadline(3, "high")).toBeNull();
  });

  it("names every problem of a target, and takes its direction from the indicator", () => {
    expect(figureFromInput({ ...blankFigureInput("target"), value: "x", year: "2026" })).toEqual({
      problems: ["value", "year"],
    });
    expect(
      figureFromInput({ ...blankFigureInput("target", 1), value: "16", year: "2026/27", baselineYear: "2026/27" }),
    ).toEqual({ problems: ["baselineNotBefore"] });
    expect(figureFromInput({ ...blankFigureInput("target", 1), value: "16%", year: " 2026/27 " })).toEqual({
      draft: {
        kind: "target",
        standard: "nhs-england-wres",
        indicator: 1,
        value: 16,
        year: "2026/27",
        baselineYear: null,
        direction: "higher",
        comparator: null,
        name: null,
        source: null,
      },
    });
  });

  it("asks a comparison for a name (but a national one, England) and a source of at most 255 characters", () => {
    const base = { ...blankFigureInput("comparison"), value: "2.35", year: "2024/25" };
    expect(figureFromInput({ ...base, comparator: "ics" })).toEqual({ problems: ["name", "source"] });
    expect(figureFromInput({ ...base, comparator: "peer", name: "n".repeat(256), source: "s".repeat(256) })).toEqual({
      problems: ["nameTooLong", "sourceTooLong"],
    });
    const national = figureFromInput({ ...base, source: "NHS England WRES data report 2024" });
    expect("draft" in national && national.draft).toMatchObject({
      kind: "comparison",
      comparator: "national",
      name: "England",
      direction: null,
      baselineYear: null,
    });
  });
});

describe("each target's trajectory from the saved figures", () => {
  it("uses the indicator's saved figures of the tab's standard only, and its direction and precision", () => {
    const row = (year: string, indicator: 2 | 5, value: number, standard = "nhs-england-wres"): IndicatorResultRow => ({
      id: 1,
      etag: '"1"',
      modified: "",
      year,
      standard,
      indicator,
      value,
      detail: "{}",
      origin: "entered",
    });
    const figure = {
      id: 9,
      etag: '"1"',
      modified: "",
      kind: "target" as const,
      standard: "nhs-england-wres",
      indicator: 5 as const,
      value: 24,
      year: "2026/27",
      baselineYear: null,
      direction: null,
      comparator: null,
      name: null,
      source: null,
    };
    const [only, ...rest] = targetTrajectories(
      [row("2023/24", 5, 30), row("2022/23", 5, 10, "another"), row("2022/23", 2, 1.5), row("2024/25", 5, 28.04)],
      [figure, { ...figure, id: 10, standard: "another" }],
    );
    expect(rest).toEqual([]);
    // Lower is better for indicator 5 (from the standard, the target gave none): 30 -> 24 in three steps of 2.
    expect(only!.trajectory.ok && only!.trajectory.direction).toBe("lower");
    expect(only!.trajectory.ok && only!.trajectory.points.map((p) => [p.year, p.expected, p.status])).toEqual([
      ["2023/24", 30, "on-track"],
      ["2024/25", 28, "on-track"],
      ["2025/26", 26, "no-figure"],
      ["2026/27", 24, "no-figure"],
    ]);
  });
});
