// Doubtful structures are flagged for confirmation; the editor's corrections (a row's role, the
// header row, a column) change the result as they would expect.
import { describe, expect, it } from "vitest";
import { parsePlanGrid, rowKey, type GridSheet } from "../../../src/plan/import";
import { planJson } from "../../../src/plan/import/json";

const options = { planYear: "2024/25", fileName: "plan.xlsx" };

function titles(sheet: GridSheet, extra: Partial<Parameters<typeof parsePlanGrid>[1]> = {}) {
  const result = parsePlanGrid([sheet], { ...options, ...extra });
  return {
    result,
    outline: result.objectives.map((o) => [o.fields.number, o.fields.title, o.actions.map((a) => a.fields.number)]),
  };
}

describe("doubtful structure", () => {
  it("actions before any objective heading", () => {
    const { result } = titles({
      name: "Sheet1",
      merges: [],
      rows: [
        ["No", "Action", "Lead"],
        ["1", "Publish data", "Head of EDI"],
      ],
    });
    expect(result.doubtful).toBe(true);
    expect(result.issues.map((i) => i.code)).toContain("noObjectiveHeading");
  });

  it("an objective with no actions, and two objectives with one number", () => {
    const { result } = titles({
      name: "Plan",
      merges: [],
      rows: [
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["Objective 1: Culture"],
        ["1.1", "Listening events", "Head of EDI"],
      ],
    });
    expect(result.doubtful).toBe(true);
    expect(result.issues.map((i) => [i.code, i.row])).toEqual(
      expect.arrayContaining([
        ["duplicateObjectiveNumber", 3],
        ["objectiveWithoutActions", 2],
      ]),
    );
  });

  it("a heading between actions whose numbers run on", () => {
    const { result } = titles({
      name: "Plan",
      merges: ["A2:C2", "A5:C5"],
      rows: [
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI"],
        ["1.2", "Audit ESR", "Head of EDI"],
        ["Objective 2: Recruitment"],
        ["1.3", "Diverse panels", "Head of HR"],
      ],
    });
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "headingAmongActions", row: 5 }));
    expect(result.doubtful).toBe(true);
  });

  it("a plain plan is not doubtful", () => {
    const { result } = titles({
      name: "Plan",
      merges: [],
      rows: [["No", "Action", "Lead"], ["Objective 1: Data"], ["1.1", "Publish data", "Head of EDI"]],
    });
    expect(result.doubtful).toBe(false);
  });
});

describe("the editor's corrections", () => {
  const sheet: GridSheet = {
    name: "Plan",
    merges: [],
    rows: [
      ["Ref", "Action", "Lead", "RAG"],
      ["Objective 1: Data"],
      ["1.1", "Publish data", "Head of EDI", "Green"],
      [null, "Data owners agreed in May"],
      ["1.2", "Audit ESR recording", "Head of Workforce Information", "Amber"],
    ],
  };

  it("reads an unnumbered line as an action until the editor says it is a note", () => {
    const before = titles(sheet);
    expect(before.result.rows.find((r) => r.row === 4)?.role).toBe("action");
    expect(before.outline[0]?.[2]).toEqual(["1.1", "", "1.2"]);
    const asNote = titles(sheet, { corrections: { roles: { [rowKey("Plan", 4)]: "note" } } });
    expect(asNote.result.rows.find((r) => r.row === 4)?.role).toBe("note");
    expect(asNote.outline[0]?.[2]).toEqual(["1.1", "1.2"]);
    expect(asNote.result.objectives[0]?.fields.description).toBe("Data owners agreed in May");
  });

  it("makes a row an objective, or ignores it, when the editor says so", () => {
    const split = titles(sheet, { corrections: { roles: { [rowKey("Plan", 4)]: "objective" } } });
    expect(split.outline).toEqual([
      ["1", "Data", ["1.1"]],
      ["2", "Data owners agreed in May", ["1.2"]],
    ]);
    const ignored = titles(sheet, { corrections: { roles: { [rowKey("Plan", 3)]: "ignored" } } });
    expect(ignored.outline).toEqual([["1", "Data", ["", "1.2"]]]);
  });

  it("takes the header row and columns the editor chose", () => {
    const odd: GridSheet = {
      name: "Plan",
      merges: [],
      rows: [
        ["Item", "Thing to do", "Person", "Colour"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI", "Green"],
      ],
    };
    expect(parsePlanGrid([odd], options).issues[0]?.code).toBe("noPlanTable");
    // Choosing the header row alone shows its columns, so the editor can say which holds the action.
    const chosen = parsePlanGrid([odd], { ...options, corrections: { headerRows: { Plan: 1 } } });
    expect(chosen.tables).toEqual([
      {
        sheet: "Plan",
        headerRow: 1,
        columns: ["Item", "Thing to do", "Person", "Colour"].map((text, i) => ({
          column: i + 1,
          text,
          field: i === 0 ? "number" : null,
        })),
      },
    ]);
    const mapped = parsePlanGrid([odd], {
      ...options,
      corrections: { headerRows: { Plan: 1 }, columns: { Plan: { number: 1, title: 2, lead: 3, rag: 4 } } },
    });
    expect(planJson(mapped).objectives).toEqual([
      expect.objectContaining({
        title: "Data",
        actions: [expect.objectContaining({ number: "1.1", title: "Publish data", lead: "Head of EDI", rag: "Green" })],
      }),
    ]);
  });
});

describe("the plan year", () => {
  it("warns when the file names another year than the one being imported into", () => {
    const result = parsePlanGrid(
      [
        {
          name: "Plan",
          merges: [],
          rows: [
            ["WRES action plan 2023/24"],
            ["No", "Action", "Lead"],
            ["Objective 1: Data"],
            ["1.1", "Publish data", "Head of EDI"],
          ],
        },
      ],
      options,
    );
    expect(result.year).toBe("2023/24");
    expect(result.yearSource).toBe("title");
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "otherYear", value: "2023/24" }));
    expect(result.objectives[0]?.fields.planYear).toBe("2024/25");
  });
});
