// What one file's reading adds up to (FileReader, through parsePlanGrid): objectives numbered and finished
// with their notes, indicators and High Impact Actions; the file-level warnings; a file too large for a plan.
import { describe, expect, it } from "vitest";
import { MAX_PLAN_ROWS, type GridSheet } from "../../../src/plan/import";
import { parseSheets, sheet } from "./fixtures";

function parse(...sheets: GridSheet[]) {
  return parseSheets(sheets);
}

describe("objectives as one file's reading finishes them", () => {
  it("numbers headings that carry no number one after another", () => {
    const result = parse({
      name: "Plan",
      merges: ["A2:D2", "A4:D4"],
      rows: [
        ["No", "Action", "Lead", "RAG"],
        ["Recruitment"],
        ["a", "Panels", "Head of HR", "Green"],
        ["Culture"],
        ["b", "Listening events", "Head of EDI", "Green"],
      ],
    });
    expect(result.objectives.map((o) => [o.fields.number, o.fields.title])).toEqual([
      ["1", "Recruitment"],
      ["2", "Culture"],
    ]);
  });

  it("joins an objective's notes as its description, and gathers indicators and High Impact Actions", () => {
    const result = parse({
      name: "Plan",
      merges: ["A2:C2"],
      rows: [
        ["No", "Action", "Lead"],
        ["Objective 1: Data (WRES 2)"],
        [null, "Note one"],
        [null, "Note two, with HIA 4"],
        ["1.1", "Panels for indicator 5", "Head of HR"],
        ["1.2", "Mentoring (HIA 2), also HIA 4", "Head of HR"],
      ],
    });
    expect(result.objectives[0]?.fields).toMatchObject({
      description: "Note one\n\nNote two, with HIA 4",
      indicators: [2, 5],
      highImpactActions: ["HIA 2", "HIA 4"],
    });
  });

  it("numbers a heading without a number one more than the highest number so far, not the last", () => {
    const result = parse(
      {
        name: "Plan",
        merges: [],
        rows: [
          ["No", "Action", "Lead"],
          ["Objective 3: Culture"],
          ["3.1", "Listening events", "Head of EDI"],
          ["Objective 1: Data"],
          ["1.1", "Publish data", "Head of EDI"],
        ],
      },
      {
        name: "Recruitment",
        merges: ["A2:C2"],
        rows: [["No", "Action", "Lead"], ["Recruitment"], ["a", "Diverse panels", "Head of HR"]],
      },
    );
    expect(result.objectives.map((o) => [o.fields.number, o.fields.title])).toEqual([
      ["3", "Culture"],
      ["1", "Data"],
      ["4", "Recruitment"],
    ]);
    expect(result.issues).toEqual([]);
  });

  it("finds indicators and High Impact Actions that open a note, a KPI or the next action's title", () => {
    const result = parse(
      sheet([
        ["No", "Action", "KPI", "Outcome"],
        ["Objective 1: Data"],
        ["Rationale", "WRES 6 shows the gap"],
        ["1.1", "Panels", "HIA 3 measured", "Better data"],
        ["1.2", "HIA 2 mentoring", null, null],
      ]),
    );
    expect(result.objectives[0]?.fields).toMatchObject({
      description: "WRES 6 shows the gap",
      indicators: [6],
      highImpactActions: ["HIA 2", "HIA 3"],
    });
  });

  it("gives an objective without notes no description", () => {
    const result = parse(
      sheet([["No", "Action", "Lead"], ["Objective 1: Data"], ["1.1", "Publish data", "Head of EDI"]]),
    );
    expect(result.objectives[0]?.fields.description).toBeNull();
  });
});

describe("file-level warnings", () => {
  it("names an objective without actions by its sheet, row and title", () => {
    const result = parse(
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["Objective 2: Culture"],
        ["2.1", "Events", "Head of EDI"],
      ]),
    );
    expect(result.issues).toEqual([
      {
        severity: "warning",
        code: "objectiveWithoutActions",
        file: "plan.xlsx",
        sheet: "Plan",
        row: 2,
        column: null,
        cell: null,
        value: "Data",
      },
    ]);
    expect(result.doubtful).toBe(true);
  });

  it("names a heading that sits among actions whose numbers run on", () => {
    const result = parse(
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI"],
        ["Objective 2: Recruitment"],
        ["1.2", "Diverse panels", "Head of HR"],
      ]),
    );
    expect(result.issues.filter((i) => i.code === "headingAmongActions")).toEqual([
      {
        severity: "warning",
        code: "headingAmongActions",
        file: "plan.xlsx",
        sheet: "Plan",
        row: 4,
        column: null,
        cell: null,
        value: "Objective 2: Recruitment",
      },
    ]);
  });

  it("names a heading among actions numbered past 9", () => {
    const result = parse(
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 10: Data"],
        ["10.1", "Publish data", "Head of EDI"],
        ["Objective 11: Recruitment"],
        ["10.2", "Diverse panels", "Head of HR"],
      ]),
    );
    expect(result.issues.filter((i) => i.code === "headingAmongActions").map((i) => [i.row, i.value])).toEqual([
      [4, "Objective 11: Recruitment"],
    ]);
  });

  it("names a heading among actions whose numbers carry a letter first (A1.1, heading, A1.2)", () => {
    const result = parse(
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["A1.1", "Publish data", "Head of EDI"],
        ["Objective 2: Recruitment"],
        ["A1.2", "Diverse panels", "Head of HR"],
        ["Objective 3: Culture"],
        ["A3.1", "Listening events", "Head of EDI"],
      ]),
    );
    expect(result.issues.filter((i) => i.code === "headingAmongActions").map((i) => [i.row, i.value])).toEqual([
      [4, "Objective 2: Recruitment"],
    ]);
  });

  it("does not call a heading misplaced when its first action carries its own number, past 9 too", () => {
    const result = parse(
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 11: Data"],
        ["11.1", "Publish data", "Head of EDI"],
        ["12.1", "Audit the data", "Head of EDI"],
        ["Objective 12: Recruitment"],
        ["12.2", "Diverse panels", "Head of HR"],
        ["Objective 13: Culture"],
        ["13.1", "Listening events", "Head of EDI"],
      ]),
    );
    expect(result.issues).toEqual([]);
  });

  it("does not call a heading misplaced when the actions start its own number or carry no numbers", () => {
    const numbered = parse(
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI"],
        ["Objective 2: Recruitment"],
        ["2.1", "Diverse panels", "Head of HR"],
      ]),
    );
    expect(numbered.issues).toEqual([]);
    const lettered = parse(
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["a", "Publish data", "Head of EDI"],
        ["Objective 2: Recruitment"],
        ["b", "Diverse panels", "Head of HR"],
      ]),
    );
    expect(lettered.issues).toEqual([]);
    const numberedThenLettered = parse(
      sheet([
        ["No", "Action", "Lead"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI"],
        ["Objective 2: Recruitment"],
        ["a", "Diverse panels", "Head of HR"],
      ]),
    );
    expect(numberedThenLettered.issues).toEqual([]);
  });

  it("puts 'no plan table' first, for the file, when no sheet has one", () => {
    const result = parse({ name: "Notes", merges: [], rows: [["Minutes"], ["Attendees"]] });
    expect(result.issues[0]).toEqual({
      severity: "error",
      code: "noPlanTable",
      file: "plan.xlsx",
      sheet: null,
      row: null,
      column: null,
      cell: null,
      value: null,
    });
    expect(result.objectives).toEqual([]);
  });
});

describe("a sheet too large for a plan", () => {
  it("imports nothing and reports only that the sheet is too large", () => {
    const rows: GridSheet["rows"] = [["No", "Action", "Lead", "RAG"], ["Objective 1: Data"]];
    for (let i = 1; i <= MAX_PLAN_ROWS + 5; i++) rows.push([`1.${i}`, `Action ${i}`, "Head of EDI", "purple"]);
    const result = parse({ name: "Extract", merges: [], rows });
    expect(result.objectives).toEqual([]);
    expect(result.rows).toEqual([]);
    expect(result.tables).toEqual([]);
    expect(result.doubtful).toBe(false);
    expect(result.issues.map((i) => [i.code, i.sheet])).toEqual([["tooManyRows", "Extract"]]);
  });

  it("reports no other sheet's problems when one sheet is too large", () => {
    const plan = sheet([
      ["No", "Action", "Lead", "RAG"],
      ["Objective 1: Data"],
      ["1.1", "Publish data", "Head of EDI", "purple"],
    ]);
    expect(parse(plan).issues.map((i) => i.code)).toContain("ragUnknown");
    const rows: GridSheet["rows"] = [["No", "Action", "Lead", "RAG"], ["Objective 1: Data"]];
    for (let i = 1; i <= MAX_PLAN_ROWS + 5; i++) rows.push([`1.${i}`, `Action ${i}`, "Head of EDI", "Green"]);
    const result = parse(plan, { name: "Extract", merges: [], rows });
    expect(result.objectives).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.sheet])).toEqual([["tooManyRows", "Extract"]]);
  });
});
