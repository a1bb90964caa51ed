// A plan table's header row: the words each column is known by (English and the Welsh of NHS Wales plans),
// the looser matches for headers with extra words, and when a row is a header row at all.
import { describe, expect, it } from "vitest";
import { headerField, readHeaderRow, sameHeader } from "../../../src/plan/import/headers";
import type { GridCell } from "../../../src/plan/import/types";

describe("header words known only by their exact text", () => {
  it.each([
    ["Amcan", "objective"],
    ["Amcanion", "objective"],
    ["Priority", "objective"],
    ["Aim", "objective"],
    ["Theme", "objective"],
    ["Goal", "objective"],
    ["Workstream", "objective"],
    ["Rhif", "number"],
    ["Cyf.", "number"],
    ["Item", "number"],
    ["ID", "number"],
    ["Cam gweithredu", "title"],
    ["Camau gweithredu", "title"],
    ["Gweithred", "title"],
    ["What we will do", "title"],
    ["What will we do?", "title"],
    ["Description", "title"],
    ["Activity", "title"],
    ["Arweinydd", "lead"],
    ["Arweinwyr", "lead"],
    ["Who", "lead"],
    ["Accountable", "lead"],
    ["By whom?", "lead"],
    ["Dyddiad", "dueDate"],
    ["Dyddiad cwblhau", "dueDate"],
    ["Erbyn pryd", "dueDate"],
    ["Due", "dueDate"],
    ["Timescales", "dueDate"],
    ["When", "dueDate"],
    ["Timeframe", "dueDate"],
    ["Cerrig milltir", "milestones"],
    ["Cynnydd", "progress"],
    ["Diweddariad", "progress"],
    ["Current position", "progress"],
    ["Position", "progress"],
    ["Evidence", "kpis"],
    ["Canlyniadau", "outcomes"],
    ["Canlyniad", "outcomes"],
    ["Impact", "outcomes"],
    ["Statws", "rag"],
    ["Status", "rag"],
    ["Rating", "rag"],
    ["R/A/G", "rag"],
  ])("reads %j as the %s column", (text, field) => {
    expect(headerField(text)).toBe(field);
  });

  it("does not read those words inside a longer header", () => {
    expect(headerField("Priority area")).toBeNull();
    expect(headerField("Who else")).toBeNull();
    expect(headerField("Impact assessment")).toBeNull();
    expect(headerField("Item cost")).toBeNull();
  });
});

describe("the header words published plans use", () => {
  // Words the looser patterns read as the same field, so they need no exact entry: each was once an exact word,
  // and each must still be read as the column it names.
  it.each([
    ["Objective", "objective"],
    ["Objectives", "objective"],
    ["Strategic objective", "objective"],
    ["No.", "number"],
    ["Ref", "number"],
    ["Ref no.", "number"],
    ["Reference", "number"],
    ["Action number", "number"],
    ["Action no.", "number"],
    ["Action ref", "number"],
    ["Number", "number"],
    ["Action", "title"],
    ["Actions", "title"],
    ["Action to be taken", "title"],
    ["Actions to be taken", "title"],
    ["Action required", "title"],
    ["Actions required", "title"],
    ["Lead", "lead"],
    ["Leads", "lead"],
    ["Responsible lead", "lead"],
    ["Owner", "lead"],
    ["Owners", "lead"],
    ["Owner(s)", "lead"],
    ["Action owner", "lead"],
    ["Responsible owner", "lead"],
    ["Responsible owner(s)", "lead"],
    ["Responsible owners", "lead"],
    ["Responsible person", "lead"],
    ["Responsible person / team", "lead"],
    ["Responsibility", "lead"],
    ["Lead officer", "lead"],
    ["Exec lead", "lead"],
    ["Executive lead", "lead"],
    ["Date", "dueDate"],
    ["Due date", "dueDate"],
    ["Timescale", "dueDate"],
    ["By when", "dueDate"],
    ["Completion date", "dueDate"],
    ["Target date", "dueDate"],
    ["Deadline", "dueDate"],
    ["Milestones", "milestones"],
    ["Milestone", "milestones"],
    ["Key milestones", "milestones"],
    ["Progress", "progress"],
    ["Update", "progress"],
    ["Updates", "progress"],
    ["Progress update", "progress"],
    ["Latest update", "progress"],
    ["Progress to date", "progress"],
    ["KPIs", "kpis"],
    ["KPI", "kpis"],
    ["Measures of success", "kpis"],
    ["Measure of success", "kpis"],
    ["Measures", "kpis"],
    ["Success measures", "kpis"],
    ["How will we measure success", "kpis"],
    ["How we will measure success", "kpis"],
    ["KPIs and outcomes", "kpis"],
    ["Outcomes", "outcomes"],
    ["Outcome", "outcomes"],
    ["Expected outcome", "outcomes"],
    ["Expected outcomes", "outcomes"],
    ["Intended outcome", "outcomes"],
    ["Intended outcomes", "outcomes"],
    ["RAG", "rag"],
    ["RAG rating", "rag"],
    ["RAG status", "rag"],
    ["RAG rated", "rag"],
    ["WRES indicator", "indicators"],
    ["WRES indicators", "indicators"],
    ["Indicator", "indicators"],
    ["Indicators", "indicators"],
    ["WRES metric", "indicators"],
    ["WRES metrics", "indicators"],
    ["Metric", "indicators"],
    ["Metrics", "indicators"],
    ["Linked indicators", "indicators"],
  ])("reads %j as the %s column", (text, field) => {
    expect(headerField(text)).toBe(field);
  });

  it.each([
    // An acute trust's plan grouped by WRES metrics.
    [
      ["Reference", "Action to be taken", "Responsible owner(s)", "Completion date", "Outcomes"],
      ["number", "title", "lead", "dueDate", "outcomes"],
    ],
    // A clinical commissioning group's plan.
    [
      ["Action", "Timescale", "Responsible person / team", "Outcome", "Progress"],
      ["title", "dueDate", "lead", "outcomes", "progress"],
    ],
    // Trust plans as the importer's corpus has them.
    [
      ["No.", "Action", "Lead", "Due", "Progress", "Measure of success", "RAG"],
      ["number", "title", "lead", "dueDate", "progress", "kpis", "rag"],
    ],
    [
      ["Objective", "Ref", "Action", "Owner", "Target date", "Status"],
      ["objective", "number", "title", "lead", "dueDate", "rag"],
    ],
    [
      ["Action no", "Action", "Lead", "Deadline", "Update", "RAG"],
      ["number", "title", "lead", "dueDate", "progress", "rag"],
    ],
    [
      ["Ref", "What we will do", "Who", "When", "RAG"],
      ["number", "title", "lead", "dueDate", "rag"],
    ],
    [
      ["Aim", "Action (change idea)", "Lead", "By when", "RAG"],
      ["objective", "title", "lead", "dueDate", "rag"],
    ],
    [
      ["Rhif", "Cam gweithredu", "Arweinydd", "Dyddiad cwblhau", "Cynnydd", "Statws"],
      ["number", "title", "lead", "dueDate", "progress", "rag"],
    ],
  ])("reads every column of the header %j", (row, fields) => {
    expect(row.map((cell) => headerField(cell))).toEqual(fields);
    const header = readHeaderRow(row, 0);
    expect(header?.ignored).toEqual([]);
    expect(Object.entries(header?.columns ?? {}).map(([field, column]) => [column, field])).toEqual(
      fields.map((field, column) => [column, field]),
    );
  });
});

describe("headers with extra words", () => {
  it.each([
    ["RAG (Q2)", "rag"],
    ["Ref (internal)", "number"],
    ["Number of the action", "number"],
    ["Action no. and title", "number"],
    ["Our reference", "number"],
    ["Lead director", "lead"],
    ["Responsibility of", "lead"],
    ["Owner (exec)", "lead"],
    ["Key milestone dates", "milestones"],
    ["Update March", "progress"],
    ["Action progress", "progress"],
    ["KPI target", "kpis"],
    ["Measure used", "kpis"],
    ["Outcome sought", "outcomes"],
    ["Completion date (target)", "dueDate"],
    ["Timescale for delivery", "dueDate"],
    ["Deadline agreed", "dueDate"],
    ["By when (month)", "dueDate"],
    ["WRES indicators linked", "indicators"],
    ["Metric addressed", "indicators"],
    ["Objective title", "objective"],
    ["Actions agreed", "title"],
    ["Lead for outcome", "lead"],
    ["RAG progress", "rag"],
    ["Progress against KPI", "progress"],
    ["Outcome date", "outcomes"],
    ["Date of indicator", "dueDate"],
    ["Indicator objective", "indicators"],
    ["Objective action", "objective"],
  ])("reads %j as the %s column, the first pattern in order winning", (text, field) => {
    expect(headerField(text)).toBe(field);
  });

  it("matches whole words where the pattern asks for them", () => {
    expect(headerField("Dates")).toBeNull();
    expect(headerField("Fragrance")).toBeNull();
    expect(headerField("Notes no")).toBeNull();
    expect(headerField("Transaction")).toBeNull();
    expect(headerField("Geometrics")).toBeNull();
  });

  it("takes nothing but text of at most 60 letters as a header", () => {
    expect(headerField(`Action ${"x".repeat(53)}`)).toBe("title");
    expect(headerField(`Action ${"x".repeat(54)}`)).toBeNull();
    expect(headerField("")).toBeNull();
    expect(headerField("  --  ")).toBeNull();
    expect(headerField(2024)).toBeNull();
    expect(headerField(null)).toBeNull();
    expect(headerField(undefined)).toBeNull();
  });
});

describe("readHeaderRow", () => {
  it("reads a row with three known headers, one of them the action, and records where it starts and ends", () => {
    expect(readHeaderRow([null, "  ", "No.", "Action", "Lead", null], 4)).toEqual({
      index: 4,
      columns: { number: 2, title: 3, lead: 4 },
      progressColumns: [],
      ignored: [],
      firstColumn: 2,
      lastColumn: 4,
    });
  });

  it("reads the holes of a sparse row, as the grid reader leaves blank cells, as empty", () => {
    const sparse: GridCell[] = [];
    sparse[2] = "No.";
    sparse[3] = "Action";
    sparse[4] = "Lead";
    sparse.length = 6;
    expect(readHeaderRow(sparse, 4)).toEqual(readHeaderRow([null, null, "No.", "Action", "Lead", null], 4));
    expect(readHeaderRow(sparse, 4)).toMatchObject({ ignored: [], firstColumn: 2, lastColumn: 4 });
  });

  it("refuses a row with fewer than three known headers, or without the action", () => {
    expect(readHeaderRow(["No.", "Action"], 0)).toBeNull();
    expect(readHeaderRow(["No.", "Lead", "Due date"], 0)).toBeNull();
    expect(readHeaderRow(["No.", "Action", "Due date"], 0)).not.toBeNull();
  });

  it("refuses a row with a cell longer than 80 characters, as row labels with a paragraph are", () => {
    const long = `Action ${"x".repeat(74)}`;
    expect(readHeaderRow(["No.", "Action", "Lead", long], 0)).toBeNull();
    expect(readHeaderRow(["No.", "Action", "Lead", long.slice(0, 80)], 0)?.ignored).toEqual([
      { column: 3, text: long.slice(0, 80), duplicate: false },
    ]);
  });

  it("refuses a row with more unknown headers than known ones", () => {
    expect(readHeaderRow(["No.", "Action", "Lead", "Budget", "Cost", "Notes"], 0)?.columns).toEqual({
      number: 0,
      title: 1,
      lead: 2,
    });
    expect(readHeaderRow(["No.", "Action", "Lead", "Budget", "Cost", "Notes", "Other"], 0)).toBeNull();
  });

  it("keeps the first column of a field and lists later ones as duplicates, which do not count as unknown", () => {
    const header = readHeaderRow(["Action", "Actions", "Lead", "Due", "Owner", "Budget", "Cost"], 0);
    expect(header?.columns).toEqual({ title: 0, lead: 2, dueDate: 3 });
    expect(header?.ignored).toEqual([
      { column: 1, text: "Actions", duplicate: true },
      { column: 4, text: "Owner", duplicate: true },
      { column: 5, text: "Budget", duplicate: false },
      { column: 6, text: "Cost", duplicate: false },
    ]);
    // Four unknown headers against five known ones: the duplicates count as known, not unknown.
    expect(
      readHeaderRow(["Action", "Actions", "Lead", "Due", "Owner", "Budget", "Cost", "Notes", "Other"], 0),
    ).toMatchObject({
      columns: { title: 0, lead: 2, dueDate: 3 },
    });
  });

  it("keeps every progress column, left to right, without calling them duplicates", () => {
    const header = readHeaderRow(["Action", "Lead", "Progress Q1", 7, "Progress Q2"], 0);
    expect(header?.columns).toEqual({ title: 0, lead: 1, progress: 2 });
    expect(header?.progressColumns).toEqual([2, 4]);
    expect(header?.ignored).toEqual([{ column: 3, text: "7", duplicate: false }]);
  });

  it("takes the editor's chosen row as it is, long cells and all", () => {
    const long = "x".repeat(81);
    expect(readHeaderRow(["Item", long], 2, { lenient: true })).toEqual({
      index: 2,
      columns: { number: 0 },
      progressColumns: [],
      ignored: [{ column: 1, text: long, duplicate: false }],
      firstColumn: 0,
      lastColumn: 1,
    });
    expect(readHeaderRow([null, null, "Item"], 2, { lenient: true })).toMatchObject({ firstColumn: 2, lastColumn: 2 });
    expect(readHeaderRow([], 2, { lenient: true })).toMatchObject({ firstColumn: 0, lastColumn: -1 });
  });
});

describe("sameHeader", () => {
  it("is true only when both rows map every field to the same column", () => {
    const a = readHeaderRow(["No.", "Action", "Lead"], 0)!;
    expect(sameHeader(a, readHeaderRow(["Ref", "Actions", "Owner"], 9)!)).toBe(true);
    expect(sameHeader(a, readHeaderRow(["Action", "No.", "Lead"], 9)!)).toBe(false);
    expect(sameHeader(a, readHeaderRow(["No.", "Action", "Lead", "RAG"], 9)!)).toBe(false);
    expect(sameHeader(readHeaderRow(["No.", "Action", "Lead", "RAG"], 9)!, a)).toBe(false);
  });
});
