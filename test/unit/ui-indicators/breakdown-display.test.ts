// What the breakdown chooser tabulates and plots for each kind of breakdown table, from hand-made tables.
import { describe, expect, it } from "vitest";
import { breakdownView, type BreakdownTable } from "../../../src/indicators";
import { breakdownLines, breakdownPlot, chartPoints } from "../../../src/ui/indicators/breakdown-display";

const SIDES = { white: "reference", bme: "focus", unknown: "unknown" } as const;
const GROUP_SIDES = {
  white: "reference",
  mixed: "focus",
  asian: "focus",
  black: "focus",
  other: "focus",
  unknown: "unknown",
} as const;

const byGender: BreakdownTable = {
  dimension: "gender",
  rows: ["female", "male"],
  columns: ["white", "bme", "unknown", "total"],
  sides: SIDES,
  cells: {
    female: { white: { count: 60 }, bme: { count: 30 }, unknown: { count: 10 }, total: { count: 100 } },
    male: {
      white: { count: 40 },
      bme: { count: null, suppressed: { count: "hidden" } },
      unknown: { count: null, suppressed: { count: "hidden" } },
      total: { count: 50 },
    },
  },
};

describe("breakdown display", () => {
  it("a headcount table: one line per row and group, then the row's total; the chart plots the BME share of each row", () => {
    const view = breakdownView(byGender);
    const lines = breakdownLines(view);
    expect(lines.map((l) => `${l.row}/${l.column}`)).toEqual([
      "female/white",
      "female/bme",
      "female/unknown",
      "female/total",
      "male/white",
      "male/bme",
      "male/unknown",
      "male/total",
    ]);
    expect(lines[1]!.share).toEqual({ value: 30, hidden: false });
    expect(lines[5]!.count).toEqual({ value: null, hidden: true });
    expect(lines[5]!.share.hidden).toBe(true);
    const plot = breakdownPlot(byGender, view);
    expect(plot.kind).toBe("focus-share");
    expect(plot.labelBy).toBe("row");
    expect(chartPoints(plot, (p) => p.row)).toEqual([
      { label: "female", value: 30, state: "value" },
      { label: "male", value: null, state: "hidden" },
    ]);
  });

  it("an ethnic breakdown of everyone plots every group's share; by gender, each focus group's share of each row", () => {
    const all: BreakdownTable = {
      dimension: "ethnic-group",
      rows: ["all"],
      columns: ["white", "mixed", "asian", "black", "other", "unknown", "total"],
      sides: GROUP_SIDES,
      cells: {
        all: {
          white: { count: 50 },
          mixed: { count: 10 },
          asian: { count: 20 },
          black: { count: 10 },
          other: { count: 5 },
          unknown: { count: 5 },
          total: { count: 100 },
        },
      },
    };
    const plot = breakdownPlot(all, breakdownView(all));
    expect(plot.kind).toBe("share");
    expect(plot.labelBy).toBe("column");
    expect(chartPoints(plot, (p) => p.column).map((p) => [p.label, p.value])).toEqual([
      ["white", 50],
      ["mixed", 10],
      ["asian", 20],
      ["black", 10],
      ["other", 5],
      ["unknown", 5],
    ]);
    const groupGender: BreakdownTable = { ...all, dimension: "ethnic-group-gender", rows: ["female", "male"] };
    groupGender.cells = { female: all.cells.all!, male: all.cells.all! };
    const g = breakdownPlot(groupGender, breakdownView(groupGender));
    expect(g.kind).toBe("group-share");
    expect(g.labelBy).toBe("both");
    expect(g.points.map((p) => `${p.row}/${p.column}`)).toEqual([
      "female/mixed",
      "female/asian",
      "female/black",
      "female/other",
      "male/mixed",
      "male/asian",
      "male/black",
      "male/other",
    ]);
  });

  it("a likelihood table plots each focus group's likelihood, hidden where a figure it comes from is; without likelihoods, the rate in %", () => {
    const rl: BreakdownTable = {
      dimension: "directorate",
      rows: ["Surgery", "Medicine"],
      columns: ["white", "bme", "unknown", "total"],
      sides: SIDES,
      cells: {
        Surgery: {
          white: { count: 40, of: 100, rate: 0.4 },
          bme: { count: 20, of: 100, rate: 0.2 },
          unknown: { count: 0, of: 5, rate: 0 },
          total: { count: 60, of: 205, rate: 0.293 },
        },
        Medicine: {
          white: { count: 30, of: 100, rate: 0.3 },
          bme: { count: null, of: 40, rate: null, suppressed: { count: "hidden", rate: "hidden" } },
          unknown: { count: 0, of: 2, rate: 0 },
          total: { count: 35, of: 142, rate: 0.246 },
        },
      },
      likelihood: { Surgery: { bme: 2 }, Medicine: { bme: null } },
    };
    const view = breakdownView(rl);
    const plot = breakdownPlot(rl, view);
    expect(plot.kind).toBe("likelihood");
    expect(chartPoints(plot, (p) => p.row)).toEqual([
      { label: "Surgery", value: 2, state: "value" },
      { label: "Medicine", value: null, state: "hidden" },
    ]);
    const lines = breakdownLines(view);
    expect(lines.find((l) => l.row === "Surgery" && l.column === "bme")!.of).toEqual({ value: 100, hidden: false });
    expect(lines.find((l) => l.row === "Surgery" && l.column === "white")!.likelihood).toBeNull();

    const categories: BreakdownTable = {
      dimension: "ethnic-category",
      rows: ["all"],
      columns: ["A", "H", "unknown", "total"],
      sides: { A: "reference", H: "focus", unknown: "unknown" },
      parents: { A: "white", H: "asian", unknown: "unknown" },
      cells: {
        all: {
          A: { count: 40, of: 100, rate: 0.4 },
          H: { count: 10, of: 40, rate: 0.25 },
          unknown: { count: 1, of: 4, rate: 0.25 },
          total: { count: 51, of: 144, rate: 0.354 },
        },
      },
    };
    const rate = breakdownPlot(categories, breakdownView(categories));
    expect(rate.kind).toBe("rate");
    expect(chartPoints(rate, (p) => p.column)).toEqual([
      { label: "A", value: 40, state: "value" },
      { label: "H", value: 25, state: "value" },
    ]);
  });
});
