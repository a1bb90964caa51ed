// Hostile plan files: each must end in a clear answer within bounded time and memory.
import { describe, expect, it } from "vitest";
import { parsePlanGrid } from "../../../src/plan/import";
import { readSparseGrid } from "../../../src/workbook/grid";
import { buildXlsx } from "./xlsx-builder";

const options = { planYear: "2024/25", fileName: "wide.xlsx" };

describe("a sparse, wide plan workbook", () => {
  // 20,000 rows, each with one cell in column XFD (the last column Excel has): read as dense rows
  // this is 20,000 x 16,384 cells (gigabytes); sparse it is 20,000 cells.
  const cells = Array.from({ length: 20_000 }, (_, r) => ({ ref: `XFD${r + 1}`, value: `note ${r + 1}` }));
  const bytes = buildXlsx([{ name: "Plan", rows: [], cells }]);

  it("is a small file", () => {
    expect(bytes.length).toBeLessThan(400_000);
  });

  it("reads in bounded time and memory and answers that it is too long to be a plan", () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const grid = readSparseGrid({ name: options.fileName, bytes });
    const result = parsePlanGrid(grid.sheets, options);
    const elapsed = performance.now() - started;
    const grown = process.memoryUsage().heapUsed - heapBefore;
    expect(grid.sheets[0]?.rows[19_999]?.[16_383]).toBe("note 20000");
    expect(result.objectives).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ code: "tooManyRows", severity: "error", sheet: "Plan", value: "20000" })]);
    expect(elapsed).toBeLessThan(3_000);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });
});

describe("sparse rows", () => {
  it("a published-style plan reads the same from sparse rows as from full rows", async () => {
    const { publishedStylePlan } = await import("./published-plan");
    const { readGrid } = await import("../../../src/workbook/grid");
    const bytes = await publishedStylePlan();
    const name = "plan.xlsx";
    const dense = parsePlanGrid(readGrid({ name, bytes }).sheets, { ...options, fileName: name });
    const sparse = parsePlanGrid(readSparseGrid({ name, bytes }).sheets, { ...options, fileName: name });
    expect(sparse).toEqual(dense);
    expect(sparse.objectives.length).toBe(2);
  });

  it("names the sheet's own column in messages when far columns are squeezed out", () => {
    const bytes = buildXlsx([
      {
        name: "Plan",
        rows: [["Objective 1: Fair recruitment"], ["No", "Action", "Lead", "RAG"]],
        cells: [
          { ref: "A3", value: "1.1" },
          { ref: "B3", value: "Diverse panels" },
          { ref: "C3", value: "Head of HR" },
          { ref: "D3", value: "purple" },
          { ref: "ZZ3", value: "stray" },
        ],
      },
    ]);
    const result = parsePlanGrid(readSparseGrid({ name: "p.xlsx", bytes }).sheets, options);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "ragUnknown", cell: "D3" }));
  });
});

describe("bad plan files end in one clear sentence", () => {
  const read = async (name: string, bytes: Uint8Array) => {
    const { readPlanFile } = await import("../../../src/plan/import/source");
    const source = readPlanFile({ name, bytes });
    return parsePlanGrid(source.sheets, { fileName: name, documentText: source.documentText });
  };
  const cfb = (stream: string) => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    Array.from(stream).forEach((ch, i) => (bytes[600 + 2 * i] = ch.charCodeAt(0)));
    return bytes;
  };

  it.each([
    ["empty.xlsx", new Uint8Array(0), /empty\.xlsx is empty/],
    ["damaged.xlsx", buildXlsx([{ name: "Plan", rows: [["x"]] }]).slice(0, 300), /damaged/],
    ["damaged.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), /damaged\.docx is damaged: it could not be opened as a Word document/],
    ["locked.xlsx", cfb("EncryptionInfo"), /password-protected.*Excel/],
    ["locked.docx", cfb("EncryptionInfo"), /password-protected.*Word/],
    ["old.doc", cfb("WordDocument"), /old-format Word 97-2003/],
  ])("%s", async (name, bytes, message) => {
    await expect(read(name, bytes)).rejects.toThrow(message);
  });

  it("a workbook with no recognisable plan", async () => {
    const result = await read("notes.xlsx", buildXlsx([{ name: "Notes", rows: [["Minutes of the EDI steering group"], ["Attendees", "Chair, Secretary"]] }]));
    expect(result.objectives).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: "noPlanTable", severity: "error" });
  });

  it("a Word document with no tables", async () => {
    const { buildDocx } = await import("./docx-builder");
    const result = await read("letter.docx", buildDocx([{ paragraph: "Dear colleague" }, { paragraph: "Our plan will follow." }]));
    expect(result.objectives).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: "noPlanTable" });
  });

  it("a 5,000-row sheet is refused as not a plan, quickly", async () => {
    const rows = [["No", "Action", "Lead", "RAG"], ...Array.from({ length: 5_000 }, (_, i) => [String(i + 1), `Action ${i + 1}`, "Someone", "Green"])];
    const started = performance.now();
    const result = await read("extract.xlsx", buildXlsx([{ name: "Extract", rows }]));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.objectives).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ code: "tooManyRows", severity: "error", sheet: "Extract", value: "5001" })]);
  });
});
