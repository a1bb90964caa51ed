// Hostile plan files: each must end in a clear answer within bounded time and memory.
import { describe, expect, it } from "vitest";
import { parsePlanGrid } from "../../../src/plan/import";
import { readSparseGrid } from "../../../src/workbook/grid";
import { buildXlsx } from "./xlsx-builder";

const options = { planYear: "2024/25", fileName: "wide.xlsx" };

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
    [
      "damaged.docx",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]),
      /damaged\.docx is damaged: it could not be opened as a Word document/,
    ],
    ["locked.xlsx", cfb("EncryptionInfo"), /password-protected.*Excel/],
    ["locked.docx", cfb("EncryptionInfo"), /password-protected.*Word/],
    ["old.doc", cfb("WordDocument"), /old-format Word 97-2003/],
  ])("%s", async (name, bytes, message) => {
    await expect(read(name, bytes)).rejects.toThrow(message);
  });

  it("a workbook with no recognisable plan", async () => {
    const result = await read(
      "notes.xlsx",
      buildXlsx([{ name: "Notes", rows: [["Minutes of the EDI steering group"], ["Attendees", "Chair, Secretary"]] }]),
    );
    expect(result.objectives).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: "noPlanTable", severity: "error" });
  });

  it("a Word document with no tables", async () => {
    const { buildDocx } = await import("./docx-builder");
    const result = await read(
      "letter.docx",
      buildDocx([{ paragraph: "Dear colleague" }, { paragraph: "Our plan will follow." }]),
    );
    expect(result.objectives).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: "noPlanTable" });
  });
});
