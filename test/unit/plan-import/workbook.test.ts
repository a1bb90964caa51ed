// Integration-style: a workbook written by exceljs the way trusts lay out their published plans,
// read by the workbook reader's readGrid and imported.
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlanGrid, planImportDiff, type PlanImport } from "../../../src/plan/import";
import type { Action, Objective } from "../../../src/plan/types";
import { readGrid } from "../../../src/workbook";
import { publishedStylePlan } from "./published-plan";

const options = { planYear: "2024/25", fileName: "wres-plan-2024-25.xlsx" };

function asStored(result: PlanImport): { objectives: Objective[]; actions: Action[] } {
  let id = 0;
  const objectives: Objective[] = [];
  const actions: Action[] = [];
  for (const o of result.objectives) {
    const objective: Objective = { ...o.fields, id: ++id, etag: '"1"', modified: "2024-08-01T00:00:00Z" };
    objectives.push(objective);
    for (const a of o.actions)
      actions.push({ ...a.fields, id: ++id, etag: '"1"', modified: "2024-08-01T00:00:00Z", objectiveId: objective.id });
  }
  return { objectives, actions };
}

describe("importing a workbook shaped like a published plan", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await publishedStylePlan();
  });
  // Parsed inside each test, not in beforeAll: code run outside a test makes every mutant it reaches "static"
  // for Stryker, re-run against all tests (docs/mutation-testing.md).
  const parse = (): PlanImport => parsePlanGrid(readGrid({ name: options.fileName, bytes }).sheets, options);

  it("produces the right objectives and actions", () => {
    const result = parse();
    expect(
      result.objectives.map((o) => ({
        number: o.fields.number,
        title: o.fields.title,
        indicators: o.fields.indicators,
        actions: o.actions.map((a) => a.fields.number),
      })),
    ).toEqual([
      {
        number: "1",
        title: "Improve representation at senior levels (WRES indicators 1 and 9)",
        indicators: [1, 9],
        actions: ["1.1", "1.2", "1.3"],
      },
      {
        number: "2",
        title: "Fair employee relations processes (Indicator 3)",
        indicators: [2, 3],
        actions: ["2.1", "2.3"],
      },
    ]);
  });

  it("reads multi-line cells, dates, merged leads and RAG words in any case", () => {
    const result = parse();
    const [first, second] = result.objectives;
    expect(first?.actions.map((a) => [a.fields.title, a.fields.leadText, a.fields.dueDate, a.fields.rag])).toEqual([
      [
        "Reverse mentoring for the Board with the race equality network",
        "Chief People Officer; Head of EDI",
        "2025-03-31",
        "Green",
      ],
      ["Diverse shortlisting panels for band 8a and above", "Head of Resourcing", "2024-12-31", "Amber"],
      ["Publish workforce data by ethnicity twice a year", "Head of Resourcing", "2025-03-31", "Blue"],
    ]);
    expect(first?.actions[0]?.fields.milestones).toBe("Pairs matched by July\nReview in October");
    expect(second?.actions.map((a) => [a.fields.title, a.fields.dueDate, a.fields.rag, a.fields.indicators])).toEqual([
      ["Cultural ambassadors on every disciplinary case", null, "Red", []],
      ["Train investigating officers (Ind 2 & 3)", "2024-12-31", "Blue", [2, 3]],
    ]);
  });

  it("reports the malformed row instead of guessing", () => {
    const result = parse();
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ code: "missingActionText", sheet: "WRES Action Plan 2024-25", row: 11, cell: "B11" }),
    ]);
  });

  it("is idempotent: importing the same file again creates and changes nothing", () => {
    const result = parse();
    const store = asStored(result);
    const again = parsePlanGrid(readGrid({ name: options.fileName, bytes }).sheets, options);
    const diff = planImportDiff(again.objectives, store);
    expect(diff.counts).toEqual({ create: 0, update: 0, unchanged: 7, readOnly: 0 });
  });
});
