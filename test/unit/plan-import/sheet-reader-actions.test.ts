// One sheet's reading from the continuation of a row Word broke across a page to the end of an action row: the
// cases no other test pinned (sheet-reader.ts from isContinuation on). Each test parses inside its `it`.
import { describe, expect, it } from "vitest";
import { parsePlanGrid, rowKey, type GridCell, type GridSheet, type ImportOptions } from "../../../src/plan/import";

const options = { planYear: "2024/25", fileName: "plan.docx" };

function parse(sheets: GridSheet[], extra: Partial<ImportOptions> = {}) {
  return parsePlanGrid(sheets, { ...options, ...extra });
}

function sheet(rows: GridCell[][], more: Partial<GridSheet> = {}): GridSheet {
  return { name: "Plan", merges: [], rows, ...more };
}

function actions(result: ReturnType<typeof parse>) {
  return result.objectives.flatMap((o) => o.actions);
}

describe("a Word row broken across a page", () => {
  it("without a number column, looks for the action text in its own column, wherever it sits", () => {
    const result = parse([
      sheet(
        [
          ["Who", "What we will do", "When"],
          ["Objective 1: Data"],
          ["Head of EDI", "1.1 Publish data", "March 2025"],
          ["Deputy", "Audit data", "June 2025"],
        ],
        { origin: "word", merges: ["A2:C2"] },
      ),
    ]);
    expect(actions(result).map((a) => [a.fields.title, a.fields.leadText])).toEqual([
      ["Publish data", "Head of EDI"],
      ["Audit data", "Deputy"],
    ]);
  });

  it("never carries the first row of the next table on the last action of the one before", () => {
    const header: GridCell[] = ["No", "Action", "Lead", "RAG"];
    const result = parse([
      sheet([header, ["Objective 1: Data"], ["1.1", "Publish data for", "Head of EDI", "Green"]], {
        name: "Table 1",
        origin: "word",
      }),
      sheet([header, [null, "every team", "Deputy"]], { name: "Table 2", origin: "word" }),
    ]);
    expect(actions(result).map((a) => [a.fields.title, a.source.sheet])).toEqual([
      ["Publish data for", "Table 1"],
      ["every team", "Table 2"],
    ]);
  });

  it("carries a row on past page furniture and the header repeated on the new page", () => {
    const header: GridCell[] = ["No", "Action", "Lead", "RAG"];
    const result = parse([
      sheet(
        [
          header,
          ["Objective 1: Data"],
          ["1.1", "Publish data for", "Head of EDI", "Green"],
          ["Page 2"],
          header,
          [null, "every team", "Deputy"],
        ],
        {
          origin: "word",
          merges: ["A2:D2"],
        },
      ),
    ]);
    expect(actions(result).map((a) => [a.fields.title, a.fields.leadText])).toEqual([
      ["Publish data for every team", "Head of EDI Deputy"],
    ]);
  });

  it("does not carry a row on an action whose row was refused: it is read as its own action", () => {
    const result = parse([
      sheet(
        [
          ["No", "Action", "Lead", "RAG"],
          ["Objective 1: Data"],
          ["1.1", "Publish data", "Head of EDI", "Green"],
          ["1.2", "Audit data for", "Head of EDI", "see notes"],
          [null, "every team", "Deputy"],
        ],
        { origin: "word", merges: ["A2:D2"] },
      ),
    ]);
    expect(actions(result).map((a) => a.fields.title)).toEqual(["Publish data", "every team"]);
    expect(result.issues.map((i) => [i.code, i.row])).toEqual([
      ["ragUnknown", 4],
      ["ragMissing", 5],
      ["missingNumber", 5],
    ]);
  });

  it("carries the first row under the header on an action the editor marked in the first row of the sheet", () => {
    const result = parse(
      [
        sheet(
          [
            ["1.0", "Agree the plan", "Board"],
            ["No", "Action", "Lead"],
            [null, "with staff networks"],
          ],
          { origin: "word" },
        ),
      ],
      {
        corrections: { roles: { [rowKey("Plan", 1)]: "action" } },
      },
    );
    expect(actions(result).map((a) => a.fields.title)).toEqual(["Agree the plan with staff networks"]);
  });
});
