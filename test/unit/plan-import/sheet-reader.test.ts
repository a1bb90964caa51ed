// One sheet's reading, case by case: the row limit, title rows for the plan year, sheets without a table,
// the header row and its columns as the preview shows them, the editor's header row and column mapping,
// and a colour key on the sheet.
import { describe, expect, it } from "vitest";
import { parsePlanGrid, rowKey, type GridCell, type GridSheet, type ImportOptions } from "../../../src/plan/import";
import { MAX_PLAN_ROWS } from "../../../src/plan/import/limits";

const options = { planYear: "2024/25", fileName: "plan.xlsx" };

function parse(sheets: GridSheet[], extra: Partial<ImportOptions> = {}) {
  return parsePlanGrid(sheets, { ...options, ...extra });
}

function sheet(rows: GridCell[][], more: Partial<GridSheet> = {}): GridSheet {
  return { name: "Plan", merges: [], rows, ...more };
}

function actions(result: ReturnType<typeof parse>) {
  return result.objectives.flatMap((o) => o.actions);
}

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
          ["Green", null, "Amber", "Red"],
        ],
        { fills: { D3: AMBER_HUE, D4: AMBER_HUE, D5: GREEN_HUE, A6: AMBER_HUE, C6: GREEN_HUE, D6: "FF0000" } },
      ),
    ]);
    expect(actions(result).map((a) => [a.fields.number, a.fields.rag, a.ragRead])).toEqual([
      ["1.1", "Green", "Green"],
      ["1.2", "Green", "Green"],
      ["1.3", "Amber", "Amber"],
    ]);
    expect(result.rows.find((r) => r.row === 6)?.role).toBe("ignored");
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
