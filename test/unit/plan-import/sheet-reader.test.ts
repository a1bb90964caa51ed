// One sheet's reading, case by case: the row limit, title rows for the plan year, sheets without a table,
// the header row and its columns as the preview shows them, the editor's header row and column mapping,
// and a colour key on the sheet.
import { describe, expect, it } from "vitest";
import { rowKey, type GridCell, type GridSheet } from "../../../src/plan/import";
import { actions, parseSheets, sheet } from "./fixtures";
import { MAX_PLAN_ROWS } from "../../../src/plan/import/limits";

const parse = parseSheets;

describe("the row limit", () => {
  const actionRows = (n: number): GridCell[][] => Array.from({ length: n }, (_, i) => [`${i + 1}`, `Do ${i + 1}`]);

  it("refuses a sheet with more filled rows than a plan has, and imports nothing from it", () => {
    const result = parse([sheet([["No", "Action", "Lead"], ...actionRows(MAX_PLAN_ROWS)])]);
    expect(result.objectives).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "tooManyRows",
        sheet: "Plan",
        value: String(MAX_PLAN_ROWS + 1),
      }),
    ]);
  });

  it("counts filled rows only, and takes a sheet of exactly the limit", () => {
    const spaced = parse([sheet([["No", "Action", "Lead"], [], ...actionRows(MAX_PLAN_ROWS - 1)])]);
    expect(spaced.issues.map((i) => i.code)).not.toContain("tooManyRows");
    expect(actions(spaced)).toHaveLength(MAX_PLAN_ROWS - 1);
    const full = parse([sheet([["No", "Action", "Lead"], ...actionRows(MAX_PLAN_ROWS - 1)])]);
    expect(full.issues.map((i) => i.code)).not.toContain("tooManyRows");
  });
});

describe("title rows and the plan year", () => {
  const table: GridCell[][] = [
    ["No", "Action", "Lead"],
    ["Objective 1: Data"],
    ["1.1", "Publish the 2022/23 data", "Head of EDI"],
  ];

  it("reads the year in the rows above the header, not in the plan below it", () => {
    const titled = parse([sheet([["Race equality plan 2023/24"], ...table])], { planYear: undefined });
    expect([titled.year, titled.yearSource]).toEqual(["2023/24", "title"]);
    const untitled = parse([sheet([["Race equality plan"], ...table])], { planYear: undefined });
    expect([untitled.year, untitled.yearSource]).toEqual([null, null]);
  });

  it("reads a cover sheet's year in its first ten rows only", () => {
    const cover = (at: number) =>
      sheet(
        Array.from({ length: at }, (_, r) => [r === at - 1 ? "Race equality report 2023/24" : `Line ${r + 1}`]),
        { name: "Cover" },
      );
    const tenth = parse([cover(10), sheet(table)], { planYear: undefined });
    expect([tenth.year, tenth.yearSource]).toEqual(["2023/24", "cover"]);
    const eleventh = parse([cover(11), sheet(table)], { planYear: undefined });
    expect(eleventh.year).toBeNull();
  });
});

describe("sheets without a plan table", () => {
  it("skips a sheet with text, with a warning and its rows marked ignored, and says nothing of an empty sheet", () => {
    const result = parse([
      sheet([["No", "Action", "Lead"], ["Objective 1: Data"], ["1.1", "Publish data", "Head of EDI"]]),
      sheet([["Some notes"], [], [null, "More notes"]], { name: "Notes" }),
      sheet([[null, "  "], []], { name: "Empty" }),
    ]);
    expect(result.issues.map((i) => [i.code, i.sheet, i.row])).toEqual([["sheetSkipped", "Notes", null]]);
    expect(result.rows.filter((r) => r.sheet !== "Plan").map((r) => [r.sheet, r.row, r.role])).toEqual([
      ["Notes", 1, "ignored"],
      ["Notes", 3, "ignored"],
    ]);
    expect(result.tables.map((t) => t.sheet)).toEqual(["Plan"]);
  });
});

describe("the header row", () => {
  it("shows each header cell with its sheet column and the field it was read as, spare progress columns too", () => {
    const result = parse([
      sheet([
        ["Race equality plan"],
        ["No", null, "Action\nto take", "Lead", "Progress Q1", "Budget", "Progress Q2"],
        ["1.1", null, "Publish data", "Head of EDI", "Started", null, "Done"],
      ]),
    ]);
    expect(result.tables).toEqual([
      {
        sheet: "Plan",
        headerRow: 2,
        columns: [
          { column: 1, text: "No", field: "number" },
          { column: 3, text: "Action to take", field: "title" },
          { column: 4, text: "Lead", field: "lead" },
          { column: 5, text: "Progress Q1", field: "progress" },
          { column: 6, text: "Budget", field: null },
          { column: 7, text: "Progress Q2", field: "progress" },
        ],
      },
    ]);
    expect(actions(result)[0]?.fields.progress).toBe("Done");
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "columnIgnored", row: 2, column: 6, cell: "F2", value: "Budget" }),
    );
    expect(result.rows.filter((r) => r.row <= 2).map((r) => [r.row, r.role])).toEqual([
      [1, "ignored"],
      [2, "header"],
    ]);
  });

  it("warns of a second column for a field, naming its cell, and reads the first", () => {
    const result = parse([
      sheet([
        ["No", "Action", "Lead", "Owner"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI", "Chief People Officer"],
      ]),
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: "warning", code: "columnDuplicate", row: 1, cell: "D1", value: "Owner" }),
    ]);
    expect(actions(result)[0]?.fields.leadText).toBe("Head of EDI");
  });

  it("passes over a header-like row the editor marked as something else", () => {
    const rows: GridCell[][] = [
      ["No", "Action", "Lead"],
      ["Ref", "Action to be taken", "Owner", "RAG"],
      ["Objective 1: Data"],
      ["1.1", "Publish data", "Head of EDI", "Amber"],
    ];
    const asIs = parse([sheet(rows)]);
    expect(asIs.tables[0]?.headerRow).toBe(1);
    const corrected = parse([sheet(rows)], { corrections: { roles: { [rowKey("Plan", 1)]: "ignored" } } });
    expect(corrected.tables[0]?.headerRow).toBe(2);
    expect(actions(corrected).map((a) => a.fields.rag)).toEqual(["Amber"]);
    const confirmed = parse([sheet(rows)], { corrections: { roles: { [rowKey("Plan", 1)]: "header" } } });
    expect(confirmed.tables[0]?.headerRow).toBe(1);
  });

  it("keeps the editor's roles for the rows above a header followed by its first heading", () => {
    const rows: GridCell[][] = [
      ["Race equality plan"],
      ["Approved by the board"],
      ["No", "Action", "Lead"],
      ["Objective 1: Data"],
      ["1.1", "Publish data", "Head of EDI"],
    ];
    const result = parse([sheet(rows)], { corrections: { roles: { [rowKey("Plan", 2)]: "note" } } });
    expect(result.rows.filter((r) => r.row <= 3).map((r) => [r.row, r.role])).toEqual([
      [1, "ignored"],
      [2, "note"],
      [3, "header"],
    ]);
  });
});

describe("the editor's column mapping", () => {
  const rows: GridCell[][] = [
    ["No", "Action", "Lead", "Details", "Progress Q1", "Progress Q2"],
    ["Objective 1: Data"],
    ["1.1", "Publish data", "Head of EDI", "On the intranet", "Started", "Published"],
  ];
  const mapped = (columns: Record<string, number | null>) =>
    parse([sheet(rows)], { corrections: { columns: { Plan: columns } } });

  it("reads a field from the column chosen, taking it from a field that had it", () => {
    const result = mapped({ title: 4 });
    expect(actions(result).map((a) => [a.fields.title, a.fields.leadText])).toEqual([
      ["On the intranet", "Head of EDI"],
    ]);
    expect(result.tables[0]?.columns.map((c) => c.field)).toEqual([
      "number",
      null,
      "lead",
      "title",
      "progress",
      "progress",
    ]);
    const swapped = mapped({ lead: 2, title: 3 });
    expect(actions(swapped).map((a) => [a.fields.title, a.fields.leadText])).toEqual([["Head of EDI", "Publish data"]]);
  });

  it("drops a field mapped to no column, or to a column the sheet does not have", () => {
    expect(actions(mapped({ number: 1 })).map((a) => a.fields.number)).toEqual(["1.1"]);
    expect(actions(mapped({ lead: null })).map((a) => a.fields.leadText)).toEqual([null]);
    expect(actions(mapped({ lead: 12 })).map((a) => a.fields.leadText)).toEqual([null]);
    const noTitle = mapped({ title: null });
    expect(noTitle.objectives).toEqual([]);
    expect(noTitle.issues.map((i) => i.code)).toContain("noPlanTable");
  });

  it("reads progress from the one column chosen, or from none", () => {
    expect(actions(mapped({})).map((a) => a.fields.progress)).toEqual(["Published"]);
    expect(actions(mapped({ progress: 5 })).map((a) => a.fields.progress)).toEqual(["Started"]);
    expect(actions(mapped({ progress: null })).map((a) => a.fields.progress)).toEqual([null]);
    const kpis = mapped({ kpis: 6 });
    expect(actions(kpis).map((a) => [a.fields.progress, a.fields.kpis])).toEqual([["Started", "Published"]]);
  });

  it("stops calling a column ignored once it is mapped", () => {
    expect(mapped({}).issues.map((i) => [i.code, i.cell])).toEqual([["columnIgnored", "D1"]]);
    expect(mapped({ outcomes: 4 }).issues).toEqual([]);
    expect(actions(mapped({ outcomes: 4 })).map((a) => a.fields.outcomes)).toEqual(["On the intranet"]);
  });

  it("maps sheet columns when empty columns are squeezed out", () => {
    const spaced: GridCell[][] = [
      ["No", null, "Action", "Lead", "Details"],
      ["Objective 1: Data"],
      ["1.1", null, "Publish data", "Head of EDI", "Chief People Officer"],
    ];
    const result = parse([sheet(spaced)], { corrections: { columns: { Plan: { lead: 5 } } } });
    expect(actions(result).map((a) => [a.fields.title, a.fields.leadText])).toEqual([
      ["Publish data", "Chief People Officer"],
    ]);
  });

  it("reads the header row the editor chose, counting from 1", () => {
    const odd: GridCell[][] = [
      ["Our plan"],
      ["Item", "Thing to do", "Person"],
      ["Objective 1: Data"],
      ["1.1", "Publish data", "Head of EDI"],
    ];
    const result = parse([sheet(odd)], {
      corrections: { headerRows: { Plan: 2 }, columns: { Plan: { title: 2, lead: 3 } } },
    });
    expect(result.tables[0]?.headerRow).toBe(2);
    expect(actions(result).map((a) => [a.fields.number, a.fields.title, a.fields.leadText])).toEqual([
      ["1.1", "Publish data", "Head of EDI"],
    ]);
  });
});

describe("a colour key on the sheet", () => {
  const AMBER_HUE = "FFFFC000";
  const GREEN_HUE = "FF00B050";

  it("reads a colour by the key's word for it, before its hue, and skips the key's own row", () => {
    const result = parse([
      sheet(
        [
          ["No", null, "Action", "RAG"],
          ["Objective 1: Data"],
          ["1.1", null, "Publish data", null],
          ["1.2", null, "Audit data", "see notes"],
          ["1.3", null, "Train staff", null],
          ["1.4", null, "Review policy", "Red"],
          ["Green", null, "Amber", "Red"],
        ],
        { fills: { D3: AMBER_HUE, D4: AMBER_HUE, D5: GREEN_HUE, A7: AMBER_HUE, C7: GREEN_HUE, D7: "FF0000" } },
      ),
    ]);
    expect(actions(result).map((a) => [a.fields.number, a.fields.rag, a.ragRead])).toEqual([
      ["1.1", "Green", "Green"],
      ["1.2", "Green", "Green"],
      ["1.3", "Amber", "Amber"],
      ["1.4", "Red", "Red"],
    ]);
    expect(result.rows.find((r) => r.row === 7)?.role).toBe("ignored");
    expect(result.issues).toEqual([]);
  });

  it("keeps the first word for a colour, and reads no fill on a sheet without fills", () => {
    const rows: GridCell[][] = [
      ["No", "Action", "RAG", null],
      ["Objective 1: Data"],
      ["1.1", "Publish data", null],
      ["Key", "Red", "Note", "Green"],
    ];
    const keyed = parse([sheet(rows, { fills: { C3: GREEN_HUE, B4: GREEN_HUE, C4: AMBER_HUE, D4: GREEN_HUE } })]);
    expect(actions(keyed).map((a) => a.fields.rag)).toEqual(["Red"]);
    const unkeyed = parse([sheet(rows.slice(0, 3), { fills: { C3: GREEN_HUE, A3: "FFFF0000" } })]);
    expect(actions(unkeyed).map((a) => a.fields.rag)).toEqual(["Green"]);
    const bare = parse([sheet(rows.slice(0, 3))]);
    expect(actions(bare).map((a) => a.fields.rag)).toEqual(["Green"]);
    expect(bare.issues.map((i) => [i.code, i.cell])).toEqual([["ragMissing", "C3"]]);
  });
});

describe("rows above the header", () => {
  const plan: GridCell[][] = [
    ["No", "Action", "Lead"],
    ["1.1", "Publish data", "Head of EDI"],
  ];
  const outline = (result: ReturnType<typeof parse>) =>
    result.objectives.map((o) => [o.fields.number, o.fields.title, o.fields.description, o.actions.length]);
  const roles = (result: ReturnType<typeof parse>, upTo: number) =>
    result.rows.filter((r) => r.row <= upTo).map((r) => [r.row, r.role]);

  it("takes the lone row just above the header as the first objective, with its notes and owner line", () => {
    const result = parse([
      sheet([
        ["Race equality plan 2024/25"],
        ["Fair recruitment"],
        ["Links to WRES indicator 2"],
        ["Executive sponsor: Chief People Officer"],
        ...plan,
      ]),
    ]);
    expect(outline(result)).toEqual([
      ["1", "Fair recruitment", "Links to WRES indicator 2\n\nExecutive sponsor: Chief People Officer", 1],
    ]);
    expect(result.objectives[0]?.ownerText).toBe("Chief People Officer");
    expect(roles(result, 5)).toEqual([
      [1, "ignored"],
      [2, "objective"],
      [3, "note"],
      [4, "note"],
      [5, "header"],
    ]);
  });

  it("takes a heading in the first row only when it reads as one, and never the plan's title", () => {
    expect(outline(parse([sheet([["Objective 1: Data"], ...plan])]))).toEqual([["1", "Data", null, 1]]);
    expect(outline(parse([sheet([["2. Culture"], ...plan])]))).toEqual([["2", "Culture", null, 1]]);
    expect(outline(parse([sheet([["Data"], ...plan])]))).toEqual([["1", "Plan", null, 1]]);
    expect(outline(parse([sheet([["Title"], ["Race equality action plan"], ...plan])]))).toEqual([
      ["1", "Plan", null, 1],
    ]);
    expect(outline(parse([sheet([["Title"], ["Our work in 2024/25"], ...plan])]))).toEqual([["1", "Plan", null, 1]]);
  });

  it("takes a long lone row for a heading only when it is merged across the table", () => {
    const long = `Improve ${"the experience of staff ".repeat(6)}`.trim();
    expect(long.length).toBeGreaterThan(120);
    expect(outline(parse([sheet([["Title"], [long], ...plan])]))).toEqual([["1", "Plan", null, 1]]);
    expect(outline(parse([sheet([["Title"], [long], ...plan], { merges: ["A2:C2"] })]))).toEqual([
      ["1", long, null, 1],
    ]);
    const edge = "x".repeat(120);
    expect(outline(parse([sheet([["Title"], [edge], ...plan])]))).toEqual([["1", edge, null, 1]]);
  });

  it("ends the search at a row that is neither heading nor note: above it is the title block", () => {
    const result = parse([
      sheet([["Fair recruitment"], ["Approved", "July 2024"], ["Links to WRES indicator 2"], ...plan]),
    ]);
    expect(outline(result)).toEqual([["1", "Plan", null, 1]]);
    expect(roles(result, 4)).toEqual([
      [1, "ignored"],
      [2, "ignored"],
      [3, "ignored"],
      [4, "header"],
    ]);
  });

  it("keeps the editor's heading, notes and actions above the header", () => {
    const rows: GridCell[][] = [
      ["Race equality plan"],
      ["Our people"],
      ["Approved", "July 2024"],
      ["1.0", "Agree the plan", "Board"],
      ...plan,
    ];
    const result = parse([sheet(rows)], {
      corrections: {
        roles: {
          [rowKey("Plan", 2)]: "objective",
          [rowKey("Plan", 3)]: "note",
          [rowKey("Plan", 4)]: "action",
        },
      },
    });
    expect(outline(result)).toEqual([["1", "Our people", "Approved\nJuly 2024", 2]]);
    expect(actions(result).map((a) => a.fields.title)).toEqual(["Agree the plan", "Publish data"]);
    expect(roles(result, 5)).toEqual([
      [1, "ignored"],
      [2, "objective"],
      [3, "note"],
      [4, "action"],
      [5, "header"],
    ]);
  });

  it("takes a note above the heading for part of the title block", () => {
    const result = parse([sheet([["Links to the people plan"], ["Fair recruitment"], ...plan])]);
    expect(outline(result)).toEqual([["1", "Fair recruitment", null, 1]]);
    expect(roles(result, 2)).toEqual([
      [1, "ignored"],
      [2, "objective"],
    ]);
  });
});

describe("rows under the header", () => {
  const header: GridCell[] = ["No", "Action", "Lead", "RAG"];
  const read = (rows: GridCell[][], more: Partial<GridSheet> = {}) => parse([sheet([header, ...rows], more)]);
  const roleOf = (result: ReturnType<typeof parse>, row: number) => result.rows.find((r) => r.row === row)?.role;

  it("ignores ruled lines, page furniture and a row of RAG words, and knows the header repeated", () => {
    const result = read([
      ["Objective 1: Data"],
      ["1.1", "Publish data", "Head of EDI", "Green"],
      ["___", "==="],
      ["Page 2"],
      ["Ref", "Actions", "Owner", "Status"],
      ["Red", "Amber", "Green"],
      ["1.2", "Audit data", "Head of EDI", "Amber"],
    ]);
    expect([4, 5, 6, 7].map((r) => roleOf(result, r))).toEqual(["ignored", "ignored", "header", "ignored"]);
    expect(actions(result).map((a) => a.fields.number)).toEqual(["1.1", "1.2"]);
  });

  it("reads a header-like row with other columns as an action, and a row of repeated RAG words too", () => {
    const result = read([
      ["Objective 1: Data"],
      ["1.1", "Publish data", "Head of EDI", "Green"],
      ["Ref", "Action", "Owner"],
      ["Red", "Amber", "Red", "Amber"],
      ["Green", "Red", "Amber", "Red"],
    ]);
    expect(roleOf(result, 4)).toBe("action");
    const moved = read([["Objective 1: Data"], ["Action", "Ref", "Owner", "RAG"], ["1.1", "Publish data"]]);
    expect(roleOf(moved, 3)).toBe("action");
    expect(roleOf(result, 5)).toBe("action");
    expect(roleOf(result, 6)).toBe("action");
  });

  it("reads a lone note or owner line under an objective as its description, and its owner once", () => {
    const result = read([
      ["Objective 1: Data"],
      ["Lead director: Chief People Officer"],
      ["Executive sponsor: Chief Executive"],
      ["Note: data from ESR"],
      ["1.1", "Publish data", "Head of EDI", "Green"],
    ]);
    expect(result.objectives.map((o) => [o.ownerText, o.fields.description, o.actions.length])).toEqual([
      [
        "Chief People Officer",
        "Lead director: Chief People Officer\n\nExecutive sponsor: Chief Executive\n\nNote: data from ESR",
        1,
      ],
    ]);
  });

  it("reads an 'Objective' label row as the objective itself when none has been named", () => {
    const result = read([
      ["Objectives", "Fair recruitment at every band"],
      ["Why", "Shortlisting gaps"],
      ["1.1", "Diverse panels", "Head of Resourcing", "Green"],
    ]);
    expect(result.objectives.map((o) => [o.fields.title, o.fields.description, o.actions.length])).toEqual([
      ["Fair recruitment at every band", "Fair recruitment at every band\n\nShortlisting gaps", 1],
    ]);
    expect(result.issues.map((i) => i.code)).not.toContain("noObjectiveHeading");
  });

  it("reads a lone cell past the first column as an action, and a bare number as a broken action", () => {
    const result = read([["Objective 1: Data"], [null, "Run listening events"], ["1.2"]]);
    expect(result.objectives.map((o) => o.fields.title)).toEqual(["Data"]);
    expect(roleOf(result, 3)).toBe("action");
    expect(roleOf(result, 4)).toBe("action");
    expect(result.issues.map((i) => [i.code, i.row])).toContainEqual(["missingActionText", 4]);
  });

  it("reads a lone cell merged across the table as a heading in whichever column it starts", () => {
    const result = read(
      [
        [null, "Fair recruitment"],
        ["1.1", "Diverse panels", "Head of Resourcing", "Green"],
      ],
      {
        merges: ["B2:D2"],
      },
    );
    expect(result.objectives.map((o) => [o.fields.title, o.actions.length])).toEqual([["Fair recruitment", 1]]);
  });

  it("takes a lone line in the action column for an action unless it reads as a heading", () => {
    const sheetRows: GridCell[][] = [
      ["Action", "Lead", "RAG"],
      ["Objective 1: Data"],
      ["Publish data", "Head of EDI", "Green"],
      ["Run listening events"],
      ["2. Culture"],
      ["Review the policy", "Head of HR", "Amber"],
    ];
    const result = parse([sheet(sheetRows)]);
    expect(result.objectives.map((o) => [o.fields.title, o.actions.map((a) => a.fields.title)])).toEqual([
      ["Data", ["Publish data", "Run listening events"]],
      ["Culture", ["Review the policy"]],
    ]);
  });

  it("under headings that name themselves, reads a lone plain line after actions as a sub-heading note", () => {
    const result = read([
      ["Objective 1: Data"],
      ["1.1", "Publish data", "Head of EDI", "Green"],
      ["Recording"],
      ["1.2", "Audit data", "Head of EDI", "Amber"],
    ]);
    expect(result.objectives.map((o) => [o.fields.title, o.fields.description, o.actions.length])).toEqual([
      ["Data", "Recording", 2],
    ]);
    expect(roleOf(result, 4)).toBe("note");
    const plain = read([
      ["Data"],
      ["1.1", "Publish data", "Head of EDI", "Green"],
      ["Recording"],
      ["1.2", "Audit data", "Head of EDI", "Amber"],
    ]);
    expect(plain.objectives.map((o) => o.fields.title)).toEqual(["Data", "Recording"]);
    const first = read([["Objective 1: Data"], ["Recording"], ["1.1", "Publish data", "Head of EDI", "Green"]]);
    expect(first.objectives.map((o) => o.fields.title)).toEqual(["Data", "Recording"]);
  });
});

describe("a Word table row broken across a page", () => {
  const HEADER: GridCell[] = ["No", "Action", "Lead", "Due", "Milestones", "Progress", "KPIs", "Outcomes", "RAG"];
  const first: GridCell[] = [
    "1.1",
    "Publish data for",
    "Head of EDI",
    null,
    "Draft by May",
    "Started",
    "Report published",
    "Better data",
    "Green",
  ];
  const rest: GridCell[] = [
    null,
    "every team",
    "Deputy\nAnalyst",
    "March 2025",
    "Final by March",
    "Board review",
    "Indicator 2 measured",
    "Fewer gaps",
    null,
  ];
  const word = (rows: GridCell[][]) =>
    parse([sheet([HEADER, ["Objective 1: Data"], ...rows], { origin: "word", merges: ["A2:I2"] })]);

  it("carries every field of the second half on the action above, across the header repeated on the new page", () => {
    const result = word([first, HEADER, rest]);
    expect(actions(result)).toHaveLength(1);
    const action = actions(result)[0]!;
    expect(action.fields).toMatchObject({
      number: "1.1",
      title: "Publish data for every team",
      leadText: "Head of EDI Deputy; Analyst",
      dueDate: "2025-03-31",
      milestones: "Draft by May\nFinal by March",
      progress: "Started\nBoard review",
      kpis: "Report published\nIndicator 2 measured",
      outcomes: "Better data\nFewer gaps",
      rag: "Green",
    });
    expect(action.fields.indicators).toEqual([2]);
    expect(action.dueDateText).toBe("March 2025");
    expect(result.rows.filter((r) => r.row >= 3).map((r) => [r.row, r.role])).toEqual([
      [3, "action"],
      [4, "header"],
      [5, "continuation"],
    ]);
  });

  it("keeps the first half's date and fills only the fields the first half left empty", () => {
    const dated = [...first];
    dated[3] = "June 2025";
    dated[2] = null;
    dated[4] = null;
    const result = word([dated, rest]);
    expect(actions(result)[0]?.fields).toMatchObject({
      leadText: "Deputy; Analyst",
      dueDate: "2025-06-30",
      milestones: "Final by March",
    });
    expect(actions(result)[0]?.dueDateText).toBe("June 2025");
  });

  it("takes a row with a number or a RAG, a row after a note, or any row of an Excel sheet, as its own action", () => {
    const numbered = [...rest];
    numbered[0] = "1.2";
    expect(actions(word([first, numbered])).map((a) => a.fields.number)).toEqual(["1.1", "1.2"]);
    const rated = [...rest];
    rated[8] = "Amber";
    expect(actions(word([first, rated])).map((a) => a.fields.title)).toEqual(["Publish data for", "every team"]);
    expect(actions(word([first, ["Note: see the board paper"], rest]))).toHaveLength(2);
    const excel = parse([sheet([HEADER, ["Objective 1: Data"], first, rest], { merges: ["A2:I2"] })]);
    expect(actions(excel).map((a) => a.fields.title)).toEqual(["Publish data for", "every team"]);
  });

  it("without a number column, carries on a row that starts mid-sentence or has no action text", () => {
    const noNumber = (rows: GridCell[][]) =>
      parse([
        sheet(
          [["Action", "Lead", "RAG"], ["Objective 1: Data"], ["1.1 Publish data for", "Head of EDI", "Green"], ...rows],
          {
            origin: "word",
            merges: ["A2:C2"],
          },
        ),
      ]);
    const titles = (rows: GridCell[][]) => actions(noNumber(rows)).map((a) => a.fields.title);
    expect(titles([["every team", "Deputy"]])).toEqual(["Publish data for every team"]);
    expect(titles([["(and partners)"]])).toEqual(["Publish data for (and partners)"]);
    expect(titles([[null, "Deputy"]])).toEqual(["Publish data for"]);
    expect(actions(noNumber([[null, "Deputy"]]))[0]?.fields.leadText).toBe("Head of EDI Deputy");
    expect(titles([["1.2 Audit data", "Deputy"]])).toEqual(["Publish data for", "Audit data"]);
    expect(titles([["Audit data", "Deputy"]])).toEqual(["Publish data for", "Audit data"]);
  });
});

describe("sub-actions a, b, c in one cell", () => {
  const HEADER: GridCell[] = ["No", "Action", "Lead", "Due", "Milestones", "RAG"];
  const outline = (result: ReturnType<typeof parse>) =>
    result.objectives.map((o) => [
      o.fields.number,
      o.fields.title,
      o.actions.map((a) => [a.fields.number, a.fields.title, a.fields.dueDate, a.fields.milestones, a.fields.rag]),
    ]);

  it("with no objective yet, takes the lead-in as the objective and each lettered line as an action", () => {
    const result = parse([
      sheet([
        HEADER,
        [
          "1",
          "Supporting staff\na. Risk assessments\nb. Wellbeing checks\nfor night staff\nc. Training",
          "Head of OD",
          "April 2024\nJune 2024\nMarch 2025",
          "M1\nM2\nM3",
          "Amber",
        ],
        ["2", "Listening events", "Head of EDI", "May 2025", null, "Green"],
      ]),
    ]);
    expect(outline(result)).toEqual([
      [
        "1",
        "Supporting staff",
        [
          ["1a", "Risk assessments", "2024-04-30", "M1", "Amber"],
          ["1b", "Wellbeing checks for night staff", "2024-06-30", "M2", "Amber"],
          ["1c", "Training", "2025-03-31", "M3", "Amber"],
        ],
      ],
      ["2", "Listening events", [["2", "Listening events", "2025-05-31", null, "Green"]]],
    ]);
  });

  it("under an objective, numbers them after the row's number and shares a single date and milestone", () => {
    const result = parse([
      sheet([
        HEADER,
        ["Objective 3: Data"],
        ["3.1", "Data work\na) Audit\n(b) Publish", "Head of EDI", "March 2025 (review)", "Board paper", "Green"],
      ]),
    ]);
    expect(outline(result)).toEqual([
      [
        "3",
        "Data",
        [
          ["3.1a", "Audit", "2025-03-31", "March 2025 (review)\nBoard paper", "Green"],
          ["3.1b", "Publish", "2025-03-31", "March 2025 (review)\nBoard paper", "Green"],
        ],
      ],
    ]);
  });

  it("needs the letters in order and at least two of them", () => {
    const one = parse([
      sheet([HEADER, ["Objective 1: Data"], ["1.1", "Intro\na. Audit", "Head of EDI", null, null, "Green"]]),
    ]);
    expect(outline(one)[0]?.[2]).toEqual([["1.1", "Intro a. Audit", null, null, "Green"]]);
    const skipped = parse([
      sheet([HEADER, ["Objective 1: Data"], ["1.1", "a. Audit\nc. Publish", "Head of EDI", null, null, "Green"]]),
    ]);
    expect(outline(skipped)[0]?.[2]).toEqual([["1.1", "a. Audit c. Publish", null, null, "Green"]]);
  });
});

describe("an action row's cells", () => {
  it("reads the number opening the action's text when there is no number column", () => {
    const result = parse([
      sheet([
        ["Action", "Lead", "Due"],
        ["Objective 1: Data"],
        ["1.2 Publish data", "Head of EDI"],
        ["Action 3: Audit data", "Head of EDI"],
        ["2b) Train staff", "Head of EDI"],
        ["Review the policy", "Head of HR"],
      ]),
    ]);
    expect(actions(result).map((a) => [a.fields.number, a.fields.title])).toEqual([
      ["1.2", "Publish data"],
      ["3", "Audit data"],
      ["2b", "Train staff"],
      ["", "Review the policy"],
    ]);
    expect(result.issues.map((i) => i.code)).not.toContain("missingNumber");
  });

  it("warns of a number used twice under one objective, and of a date it cannot choose", () => {
    const result = parse([
      sheet([
        ["No", "Action", "Due"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", 45747],
        ["1.1.", "Audit data", "November 2024 (launch) May 2025 (review)"],
        ["Objective 2: Culture"],
        ["1.1", "Listening events", null],
      ]),
    ]);
    // The same number under another objective is no duplicate (the numbers running on is another warning).
    expect(result.issues.map((i) => [i.code, i.cell, i.value])).toEqual([
      ["dateAmbiguous", "C4", "November 2024 (launch) May 2025 (review)"],
      ["duplicateNumber", "A4", "1.1"],
      ["headingAmongActions", null, "Objective 2: Culture"],
    ]);
    const [serial, ambiguous] = actions(result);
    expect([serial?.fields.dueDate, serial?.dueDateText, serial?.fields.milestones]).toEqual([
      "2025-03-31",
      null,
      null,
    ]);
    expect([ambiguous?.fields.dueDate, ambiguous?.dueDateText, ambiguous?.fields.milestones]).toEqual([
      null,
      "November 2024 (launch) May 2025 (review)",
      "November 2024 (launch) May 2025 (review)",
    ]);
  });

  it("links the indicators named in the indicator column and in the action's words", () => {
    const result = parse([
      sheet([
        ["No", "Action", "KPIs", "Outcomes", "Milestones", "WRES indicator"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Indicator 2 measured", "Fewer gaps in indicator 5", "Report on WRES 7", "1, 9"],
      ]),
    ]);
    expect(actions(result)[0]?.fields.indicators).toEqual([1, 2, 5, 7, 9]);
  });

  it("reads an unknown RAG word by its cell's colour, and warns of an empty RAG cell without one", () => {
    const result = parse([
      sheet(
        [
          ["No", "Action", "RAG"],
          ["Objective 1: Data"],
          ["1.1", "Publish data", "see notes"],
          ["1.2", "Audit data", null],
          ["1.3", "Train staff", "Not started"],
        ],
        { fills: { C3: "FFFF0000" } },
      ),
    ]);
    expect(actions(result).map((a) => [a.fields.number, a.fields.rag, a.ragRead ?? null])).toEqual([
      ["1.1", "Red", "Red"],
      ["1.2", "Green", null],
      ["1.3", "Green", null],
    ]);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([["ragMissing", "C4"]]);
  });
});

describe("what the preview shows of each row and header", () => {
  it("gives each row's text, and leaves out a header cell left blank over a column of data", () => {
    const result = parse([
      sheet([
        ["Race equality plan", null, "2024/25"],
        ["No", "Action", "Lead", null],
        ["Objective 1: Data"],
        ["1.1", "Publish\ndata", "Head of EDI", "extra"],
      ]),
    ]);
    expect(result.rows.map((r) => [r.row, r.role, r.text])).toEqual([
      [1, "ignored", "Race equality plan | 2024/25"],
      [2, "header", "No | Action | Lead"],
      [3, "objective", "Objective 1: Data"],
      [4, "action", "1.1 | Publish data | Head of EDI | extra"],
    ]);
    expect(result.tables[0]?.columns.map((c) => c.column)).toEqual([1, 2, 3]);
  });
});

describe("edges of the header and the editor's choices", () => {
  const rows: GridCell[][] = [
    ["No", "Action", "Lead", "Progress"],
    ["Objective 1: Data"],
    ["1.1", "Publish data", "Head of EDI", "Published"],
  ];
  const withColumns = (columns: Record<string, number | null>) =>
    parse([sheet(rows)], { corrections: { columns: { Plan: columns } } });

  it("reads a year written across title cells as one line", () => {
    const result = parse([sheet([["Race equality plan", "2023/24"], ...rows])], { planYear: undefined });
    expect(result.year).toBe("2023/24");
  });

  it("takes a field's column away from the field that had it, and keeps progress when another field is dropped", () => {
    expect(actions(withColumns({ number: 3 })).map((a) => [a.fields.number, a.fields.leadText])).toEqual([
      ["Head of EDI", null],
    ]);
    expect(actions(withColumns({ lead: null })).map((a) => [a.fields.leadText, a.fields.progress])).toEqual([
      [null, "Published"],
    ]);
  });

  it("imports nothing from a chosen header row without an action column until one is mapped", () => {
    const chosen = parse([sheet(rows)], { corrections: { headerRows: { Plan: 3 } } });
    expect(chosen.objectives).toEqual([]);
    expect(chosen.issues.map((i) => i.code)).toEqual(["noPlanTable", "sheetSkipped"]);
    expect(chosen.tables).toEqual([
      {
        sheet: "Plan",
        headerRow: 3,
        columns: [
          { column: 1, text: "1.1", field: null },
          { column: 2, text: "Publish data", field: null },
          { column: 3, text: "Head of EDI", field: null },
          { column: 4, text: "Published", field: null },
        ],
      },
    ]);
    const past = parse([sheet(rows)], { corrections: { headerRows: { Plan: 9 } } });
    expect(past.tables).toEqual([{ sheet: "Plan", headerRow: 9, columns: [] }]);
  });

  it("passes over rows missing from a sparse sheet", () => {
    const sparse: GridCell[][] = [];
    sparse[1] = ["No", "Action", "Lead"];
    sparse[2] = ["Objective 1: Data"];
    sparse[3] = ["1.1", "Publish data", "Head of EDI"];
    const result = parse([sheet(sparse)]);
    expect(result.rows.map((r) => [r.row, r.role])).toEqual([
      [2, "header"],
      [3, "objective"],
      [4, "action"],
    ]);
  });
});
