// A target or comparison figure written as a WRES Targets and Comparisons item and read back: the
// choices in the words people see in SharePoint, the plan's own values in the tab.
import { describe, expect, it } from "vitest";
import type { IndicatorFigureDraft } from "../../../src/plan/targets";
import { FIGURE_SELECT, indicatorFigureFields, toIndicatorFigure } from "../../../src/sharepoint/mapping";
import { F } from "../../../src/sharepoint/schema";

const target: IndicatorFigureDraft = {
  kind: "target",
  standard: "nhs-england-wres",
  indicator: 2,
  value: 1.25,
  year: "2026/27",
  baselineYear: "2022/23",
  direction: "towards-one",
  comparator: null,
  name: null,
  source: null,
};

describe("a figure's item", () => {
  it("is written with SharePoint's choice words and a readable title, and read back as it was", () => {
    const fields = indicatorFigureFields(target);
    expect(fields).toMatchObject({
      Title: "Target: indicator 2 1.25 by 2026/27",
      [F.figureKind]: "Target",
      [F.direction]: "Towards 1",
      [F.comparator]: null,
      [F.figureYear]: "2026/27",
    });
    expect(toIndicatorFigure({ Id: 3, "odata.etag": '"1"', Modified: "2025-01-01T00:00:00Z", ...fields })).toEqual({
      ...target,
      id: 3,
      etag: '"1"',
      modified: "2025-01-01T00:00:00Z",
    });
    const ics = indicatorFigureFields({
      ...target,
      kind: "comparison",
      value: 2.35,
      year: "2024/25",
      baselineYear: null,
      direction: null,
      comparator: "ics",
      name: "Oxfordshire ICS",
      source: "ICS WRES summary 2024",
    });
    expect(ics).toMatchObject({ Title: "Oxfordshire ICS: indicator 2 2.35 (2024/25)", [F.comparator]: "ICS" });
    expect(toIndicatorFigure({ Id: 4, ...ics }).comparator).toBe("ics");
  });

  it("reads a choice someone typed by hand in SharePoint as none, not as a wrong value", () => {
    const read = toIndicatorFigure({ Id: 5, [F.figureKind]: "Comparison", [F.comparator]: "Nearby", [F.value]: 1 });
    expect(read.comparator).toBeNull();
    expect(FIGURE_SELECT).toEqual(expect.arrayContaining(["Id", "Modified", F.figureKind, F.source]));
  });
});
