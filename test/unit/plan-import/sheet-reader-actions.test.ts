// One sheet's reading from the continuation of a row Word broke across a page to the end of an action row: the
// cases no other test pinned (sheet-reader.ts from isContinuation on). Each test parses inside its `it`.
import { describe, expect, it } from "vitest";
import { rowKey, type GridCell, type GridSheet, type ImportOptions } from "../../../src/plan/import";
import { actions, parseSheets, sheet } from "./fixtures";
import { MAX_LEAD_LENGTH, MAX_NUMBER_LENGTH, MAX_TITLE_LENGTH } from "../../../src/plan/import/limits";

// Word plans: a row broken across a page is a Word table's.
const parse = (sheets: GridSheet[], extra: Partial<ImportOptions> = {}) =>
  parseSheets(sheets, { fileName: "plan.docx", ...extra });

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

  it("carries on a row Word broke across two page breaks, in three pieces", () => {
    const header: GridCell[] = ["No", "Action", "Lead", "RAG"];
    const result = parse([
      sheet(
        [
          header,
          ["Objective 1: Data"],
          ["1.1", "Publish data", "Head of EDI", "Green"],
          header,
          [null, "for every team", "Deputy"],
          header,
          [null, "and every site", "Analyst"],
        ],
        { origin: "word", merges: ["A2:D2"] },
      ),
    ]);
    expect(actions(result).map((a) => [a.fields.title, a.fields.leadText])).toEqual([
      ["Publish data for every team and every site", "Head of EDI Deputy Analyst"],
    ]);
  });

  it("leaves the lead as it was when the second half has none, and carries on the last progress column written", () => {
    const header: GridCell[] = ["No", "Action", "Lead", "Progress Q1", "Progress Q2", "RAG"];
    const result = parse([
      sheet(
        [
          header,
          ["Objective 1: Data"],
          ["1.1", "Publish data for", "Head of EDI", "Started", null, "Green"],
          ["1.2", "Audit data for", null, "Planned", null, "Amber"],
          header,
          [null, "every team", null, "Board paper drafted", null],
        ],
        { origin: "word", merges: ["A2:F2"] },
      ),
    ]);
    const first = parse([
      sheet(
        [
          header,
          ["Objective 1: Data"],
          ["1.1", "Publish data for", "Head of EDI", "Started", null, "Green"],
          [null, "every team"],
        ],
        { origin: "word", merges: ["A2:F2"] },
      ),
    ]);
    expect(actions(first).map((a) => [a.fields.title, a.fields.leadText])).toEqual([
      ["Publish data for every team", "Head of EDI"],
    ]);
    expect(actions(result).map((a) => [a.fields.title, a.fields.leadText, a.fields.progress])).toEqual([
      ["Publish data for", "Head of EDI", "Started"],
      ["Audit data for every team", null, "Planned\nBoard paper drafted"],
    ]);
  });

  it("keeps the first half's date, read or not, and records no date text when neither half has one", () => {
    const header: GridCell[] = ["No", "Action", "Lead", "Due", "RAG"];
    const word = (first: GridCell, second: GridCell) =>
      actions(
        parse([
          sheet(
            [
              header,
              ["Objective 1: Data"],
              ["1.1", "Publish data for", "Head of EDI", first, "Green"],
              [null, "every team", null, second],
            ],
            { origin: "word", merges: ["A2:E2"] },
          ),
        ]),
      ).map((a) => [a.fields.title, a.fields.dueDate, a.dueDateText]);
    expect(word(45747, "June 2025")).toEqual([["Publish data for every team", "2025-03-31", null]]);
    expect(word(null, null)).toEqual([["Publish data for every team", null, null]]);
    expect(word(null, "Mid 2025")).toEqual([["Publish data for every team", null, "Mid 2025"]]);
  });

  it("links the indicators the second half's outcomes name", () => {
    const header: GridCell[] = ["No", "Action", "Outcomes", "RAG"];
    const result = parse([
      sheet(
        [
          header,
          ["Objective 1: Data"],
          ["1.1", "Publish data for", "Better data", "Green"],
          [null, "every team", "Fewer gaps in indicator 5"],
        ],
        { origin: "word", merges: ["A2:D2"] },
      ),
    ]);
    expect(actions(result).map((a) => [a.fields.outcomes, a.fields.indicators])).toEqual([
      ["Better data\nFewer gaps in indicator 5", [5]],
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

describe("the lengths the lists hold", () => {
  it("imports a heading, an action, a lead and a number of exactly the length the lists hold, whole", () => {
    const heading = `Objective 1: ${"h".repeat(MAX_TITLE_LENGTH)}`;
    const title = "t".repeat(MAX_TITLE_LENGTH);
    const lead = "l".repeat(MAX_LEAD_LENGTH);
    const number = "1".repeat(MAX_NUMBER_LENGTH);
    const result = parse([sheet([["No", "Action", "Lead"], [heading], [number, title, lead]])]);
    expect(result.issues).toEqual([]);
    expect(result.objectives.map((o) => [o.fields.title, o.fields.description])).toEqual([
      ["h".repeat(MAX_TITLE_LENGTH), null],
    ]);
    expect(actions(result).map((a) => [a.fields.number, a.fields.title, a.fields.leadText])).toEqual([
      [number, title, lead],
    ]);
  });

  it("refuses one character more, naming the cell and quoting the text's first 80 characters", () => {
    const title = `${"a".repeat(80)}${"t".repeat(MAX_TITLE_LENGTH - 79)}`;
    const lead = `${"b".repeat(80)}${"l".repeat(MAX_LEAD_LENGTH - 79)}`;
    const number = "2".repeat(MAX_NUMBER_LENGTH + 1);
    const result = parse([
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["1.1", title, "Head of EDI"],
        ["1.2", "Audit data", lead],
        [number, "Train staff", "Head of EDI"],
      ]),
    ]);
    expect(actions(result)).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.cell, i.value])).toEqual([
      ["titleTooLong", "B3", "a".repeat(80)],
      ["tooLong", "C4", "b".repeat(80)],
      ["tooLong", "A5", "2".repeat(MAX_NUMBER_LENGTH + 1)],
      ["objectiveWithoutActions", null, "Data"],
    ]);
  });

  it("cuts a heading one character too long, keeping it whole in the description, and names its cell", () => {
    const long = `${"Fair recruitment ".repeat(15)}x`.slice(0, MAX_TITLE_LENGTH + 1);
    const result = parse([
      sheet([
        ["No", "Action", "Lead"],
        [null, `Objective 1: ${long}`],
        ["1.1", "Publish data", "Head of EDI"],
      ]),
    ]);
    const objective = result.objectives[0];
    expect(objective?.fields.description).toBe(long);
    expect(objective?.fields.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(result.issues.map((i) => [i.code, i.cell, i.value])).toEqual([["headingTooLong", "B2", long.slice(0, 80)]]);
  });
});

describe("a heading longer than a title holds", () => {
  it("names the cell of a long heading written over several lines", () => {
    const opening = "Objective 1: Create a fair\nand inclusive workplace";
    const rest = " where every member of staff can thrive".repeat(7);
    const result = parse([
      sheet([
        ["No", "Action", "Lead"],
        [null, `${opening}${rest}`],
        ["1.1", "Publish data", "Head of EDI"],
      ]),
    ]);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([["headingTooLong", "B2"]]);
    expect(result.objectives[0]?.fields.description).toBe(`Create a fair and inclusive workplace${rest}`);
  });

  it("names the cell of a long heading broken into lines after its opening words", () => {
    const opening = "Objective 1: Create a fair and inclusive workplace where";
    const rest = "\nevery member of staff can thrive".repeat(8);
    const result = parse([
      sheet([
        ["No", "Action", "Lead"],
        [null, `${opening}${rest}`],
        ["1.1", "Publish data", "Head of EDI"],
      ]),
    ]);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([["headingTooLong", "B2"]]);
  });
});

describe("an 'Objective' label row before any heading", () => {
  it("names the objective with its first line and keeps the rest in the description", () => {
    const result = parse([
      sheet([
        ["No", "Action", "Lead", "RAG"],
        ["Objective", "Fair recruitment\nat every band", "Board approved"],
        ["1.1", "Diverse panels", "Head of Resourcing", "Green"],
      ]),
    ]);
    expect(result.objectives.map((o) => [o.fields.title, o.fields.description, o.actions.length])).toEqual([
      ["Fair recruitment", "Fair recruitment\nat every band\nBoard approved", 1],
    ]);
  });
});

describe("sub-actions and action numbers", () => {
  const HEADER: GridCell[] = ["No", "Action", "Lead", "Due", "RAG"];
  const outline = (result: ReturnType<typeof parse>) =>
    result.objectives.map((o) => [
      o.fields.number,
      o.fields.title,
      o.actions.map((a) => [a.fields.number, a.fields.title]),
    ]);

  it("reads each numbered theme with sub-actions as its own objective", () => {
    const result = parse([
      sheet([
        HEADER,
        ["1", "Supporting staff\na. Risk assessments\nb. Wellbeing checks", "Head of OD", "March 2025", "Amber"],
        ["2", "Fair recruitment\na. Diverse panels\nb. Shortlisting audit", "Head of Resourcing", "June 2025", "Green"],
      ]),
    ]);
    expect(outline(result)).toEqual([
      [
        "1",
        "Supporting staff",
        [
          ["1a", "Risk assessments"],
          ["1b", "Wellbeing checks"],
        ],
      ],
      [
        "2",
        "Fair recruitment",
        [
          ["2a", "Diverse panels"],
          ["2b", "Shortlisting audit"],
        ],
      ],
    ]);
    expect(result.issues).toEqual([]);
  });

  it("puts sub-actions without a lead-in, before any heading, under the sheet's objective, numbered after the row", () => {
    const result = parse([sheet([HEADER, ["3", "a. Audit\nb. Publish", "Head of EDI", "March 2025", "Green"]])]);
    expect(outline(result)).toEqual([
      [
        "1",
        "Plan",
        [
          ["3a", "Audit"],
          ["3b", "Publish"],
        ],
      ],
    ]);
    expect(result.issues.map((i) => [i.code, i.row])).toEqual([["noObjectiveHeading", 2]]);
  });

  it("in a plan of themes with sub-actions, reads a whole-numbered row without them as a theme, a dotted one as an action", () => {
    const result = parse([
      sheet([
        HEADER,
        ["9", "Supporting staff\na. Risk assessments\nb. Wellbeing checks", "Head of OD", "March 2025", "Amber"],
        ["9.3", "Flexible working", "Head of OD", "March 2025", "Amber"],
        ["9", "Stress risk tool", "Head of OD", "March 2025", "Amber"],
        ["10", "Listening events", "Head of EDI", "May 2025", "Green"],
      ]),
      sheet([HEADER, ["11", "Reverse mentoring", "Head of EDI", "June 2025", "Green"]], { name: "Sheet 2" }),
    ]);
    expect(outline(result)).toEqual([
      [
        "9",
        "Supporting staff",
        [
          ["9a", "Risk assessments"],
          ["9b", "Wellbeing checks"],
          ["9.3", "Flexible working"],
          ["9", "Stress risk tool"],
        ],
      ],
      ["10", "Listening events", [["10", "Listening events"]]],
      ["11", "Reverse mentoring", [["11", "Reverse mentoring"]]],
    ]);
    expect(result.issues).toEqual([]);
  });

  it("joins a lead-in written over two lines into one objective title", () => {
    const result = parse([
      sheet([
        HEADER,
        [
          "1",
          "Supporting staff\nwho work at night\na. Risk assessments\nb. Wellbeing checks",
          "Head of OD",
          null,
          "Amber",
        ],
      ]),
    ]);
    expect(result.objectives.map((o) => o.fields.title)).toEqual(["Supporting staff who work at night"]);
  });

  it("gives every sub-action a date written as a spreadsheet number", () => {
    const result = parse([
      sheet([HEADER, ["Objective 1: Data"], ["1.1", "Data work\na. Audit\nb. Publish", "Head of EDI", 45747, "Green"]]),
    ]);
    expect(actions(result).map((a) => [a.fields.number, a.fields.dueDate, a.dueDateText])).toEqual([
      ["1.1a", "2025-03-31", null],
      ["1.1b", "2025-03-31", null],
    ]);
  });

  it("warns of no number used twice among actions left unnumbered", () => {
    const result = parse([
      sheet([
        ["Action", "Lead", "RAG"],
        ["Objective 1: Data"],
        ["Publish data", "Head of EDI", "Green"],
        ["Audit data", "Head of EDI", "Green"],
      ]),
    ]);
    expect(actions(result).map((a) => [a.fields.number, a.fields.title])).toEqual([
      ["", "Publish data"],
      ["", "Audit data"],
    ]);
    expect(result.issues).toEqual([]);
  });
});

describe("lone cells and merged ranges", () => {
  it.each([
    ["right of a merged range in its row", "A4:B4"],
    ["in the last column of a merged range", "A4:C4"],
  ])("reads a lone cell %s as part of the table, not as a heading", (_where, merge) => {
    const result = parse([
      sheet(
        [
          ["No", "Action", "Lead", "RAG"],
          ["Objective 1: Data"],
          ["1.1", "Publish data", "Head of EDI", "Green"],
          [null, null, "Deputy"],
        ],
        { merges: ["A2:D2", merge] },
      ),
    ]);
    expect(result.objectives.map((o) => o.fields.title)).toEqual(["Data"]);
    expect(result.issues.map((i) => [i.code, i.row])).toEqual([["missingActionText", 4]]);
  });

  it("keeps a lone action beside empty merged cells an action: only a merge from its own cell makes a heading", () => {
    const result = parse([
      sheet([["Action", "Lead", "RAG"], ["Objective 1: Data"], ["Run listening events"]], { merges: ["B3:C3"] }),
    ]);
    expect(result.objectives.map((o) => [o.fields.title, o.actions.map((a) => a.fields.title)])).toEqual([
      ["Data", ["Run listening events"]],
    ]);
  });

  it("on a later sheet, reads a plain lone line before any heading as the sheet's first objective", () => {
    const header: GridCell[] = ["No", "Action", "Lead", "RAG"];
    const result = parse([
      sheet([header, ["Objective 1: Data"], ["1.1", "Publish data", "Head of EDI", "Green"]]),
      sheet([header, ["Recording"], ["2.1", "Audit data", "Head of EDI", "Amber"]], { name: "Sheet 2" }),
    ]);
    expect(result.objectives.map((o) => [o.fields.number, o.fields.title, o.actions.length])).toEqual([
      ["1", "Data", 1],
      ["2", "Recording", 1],
    ]);
  });
});

describe("a due date the importer cannot read", () => {
  it("quotes the cell as one line, or a number as written", () => {
    const result = parse([
      sheet([
        ["No", "Action", "Due"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Mid\n2025"],
        ["1.2", "Audit data", 12],
      ]),
    ]);
    expect(result.issues.map((i) => [i.code, i.cell, i.value])).toEqual([
      ["dateUnknown", "C3", "Mid 2025"],
      ["dateUnknown", "C4", "12"],
    ]);
  });
});

describe("an action's number and text", () => {
  it("takes the number from the number column, even when the action's text opens with a figure", () => {
    const result = parse([
      sheet([["No", "Action", "Lead"], ["Objective 1: Data"], ["1.1", "2 new staff networks", "Head of EDI"]]),
    ]);
    expect(actions(result).map((a) => [a.fields.number, a.fields.title])).toEqual([["1.1", "2 new staff networks"]]);
  });

  it("without a number column, takes the number and its separator off the action's text", () => {
    const result = parse([
      sheet([
        ["Action", "Lead", "Due"],
        ["Objective 1: Data"],
        ["3 Audit data", "Head of EDI"],
        ["4 - Publish data", "Head of EDI"],
      ]),
    ]);
    expect(actions(result).map((a) => [a.fields.number, a.fields.title])).toEqual([
      ["3", "Audit data"],
      ["4", "Publish data"],
    ]);
  });

  it("reads progress from the last progress column written in", () => {
    const result = parse([
      sheet([
        ["No", "Action", "Progress Q1", "Progress Q2", "Progress Q3"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Started", "Drafted", null],
      ]),
    ]);
    expect(actions(result).map((a) => a.fields.progress)).toEqual(["Drafted"]);
  });

  it("names the number's own cell when it is too long or used twice, wherever the number column sits", () => {
    const long = "9".repeat(90);
    const result = parse([
      sheet([
        ["Action", "No", "Lead"],
        ["Objective 1: Data"],
        ["Publish data", "1.1", "Head of EDI"],
        ["Audit data", "1.1", "Head of EDI"],
        ["Train staff", long, "Head of EDI"],
      ]),
    ]);
    expect(result.issues.map((i) => [i.code, i.cell, i.value])).toEqual([
      ["duplicateNumber", "B4", "1.1"],
      ["tooLong", "B5", long.slice(0, 80)],
    ]);
  });
});

describe("a row without action text", () => {
  it("quotes the row's written cells, and only those, in its message", () => {
    const result = parse([
      sheet([["No", "Action", "Lead", "RAG"], ["Objective 1: Data"], ["1.2", " ", "Head of EDI", "Green"]]),
    ]);
    expect(result.issues.map((i) => [i.code, i.cell, i.value])).toEqual([
      ["missingActionText", "B3", "1.2 | Head of EDI | Green"],
      ["objectiveWithoutActions", null, "Data"],
    ]);
  });
});

describe("the RAG cell and the messages", () => {
  it("quotes an unknown RAG word without its stray spaces, and reads 'Not started' as no RAG read", () => {
    const result = parse([
      sheet([
        ["No", "Action", "RAG"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "  see notes "],
        ["1.2", "Audit data", "Not started"],
      ]),
    ]);
    expect(result.issues.map((i) => [i.code, i.cell, i.value])).toEqual([["ragUnknown", "C3", "see notes"]]);
    const [notStarted] = actions(result);
    expect(notStarted?.fields.rag).toBe("Green");
    expect(notStarted?.ragRead).toBeNull();
  });

  it("gives a warning about a row, not a cell, no column and no cell", () => {
    const result = parse([
      sheet(
        [
          ["No", "Action", "Lead"],
          ["1.1", "Publish data", "Head of EDI"],
        ],
        { name: "Actions" },
      ),
      sheet([["Notes"]], { name: "Notes" }),
    ]);
    expect(result.issues).toEqual([
      {
        severity: "warning",
        code: "noObjectiveHeading",
        file: "plan.docx",
        sheet: "Actions",
        row: 2,
        column: null,
        cell: null,
        value: null,
      },
      {
        severity: "warning",
        code: "sheetSkipped",
        file: "plan.docx",
        sheet: "Notes",
        row: null,
        column: null,
        cell: null,
        value: null,
      },
    ]);
  });
});

describe("objective numbers used twice", () => {
  it("warns, as a warning, naming the row of the second heading", () => {
    const result = parse([
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI"],
        ["Objective 1: Culture"],
        ["1.2", "Listening events", "Head of EDI"],
      ]),
    ]);
    expect(result.issues.filter((i) => i.code === "duplicateObjectiveNumber")).toEqual([
      expect.objectContaining({ severity: "warning", row: 4, column: null, value: "1" }),
    ]);
  });
});

describe("how serious each finding is", () => {
  it("gives an empty RAG cell, a missing number and a number used twice as warnings: the action is still imported", () => {
    const result = parse([
      sheet([
        ["No", "Action", "RAG"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", null],
        [null, "Audit data", "Green"],
        ["1.1", "Train staff", "Green"],
      ]),
    ]);
    expect(result.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ["warning", "ragMissing", "C3"],
      ["warning", "missingNumber", "A4"],
      ["warning", "duplicateNumber", "A5"],
    ]);
    expect(actions(result)).toHaveLength(3);
  });
});
