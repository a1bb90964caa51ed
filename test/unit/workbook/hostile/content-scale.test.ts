// The hostile content of content.test.ts at full size, within a stated CPU time and memory: a million nested
// elements, a CSV line of 100 MB, a CSV line of 40 million fields. Figures measured on a loaded 2-core machine:
// the 100 MB line took 0.6 to 1.3 s and about 300 MB (the text itself held twice); 40 million fields 0.1 to
// 0.5 s, refused, where it took 13.8 s and 1.2 GB before. Time bounds on the real code, so left out of mutation
// testing with the other *-scale tests; content.test.ts pins the same rules on small inputs.
import { describe, expect, it } from "vitest";
import { readWorkbooks, WorkbookError } from "../../../../src/workbook";
import { measure } from "../../../support/measure";
import { dataset, HEADER, NS, person, read } from "./content-fixtures";

describe("hostile sheet content at full size", () => {
  it("reads past a million nested elements without recursion", () => {
    const deep = "<x>".repeat(1_000_000) + "</x>".repeat(1_000_000);
    const cost = read(
      "deep.xlsx",
      `<worksheet ${NS}><sheetData>${HEADER}${deep}${person(2, 1, "A")}</sheetData></worksheet>`,
    );
    expect(dataset(cost).staff).toHaveLength(1);
    expect(cost.cpuMs).toBeLessThan(2_000);
    expect(cost.peakGrowthMb).toBeLessThan(100);
  });
});

describe("hostile CSV at full size", () => {
  it("reads a CSV whose one line is 100 MB in bounded time and memory (not a table, so skipped with a message)", () => {
    const bytes = new Uint8Array(100_000_000).fill(97);
    const cost = measure(() => readWorkbooks([{ name: "line.csv", bytes }]));
    const ds = dataset(cost);
    expect(ds.sheets[0]!.kind).toBeNull();
    expect(ds.issues.map((i) => i.code)).toContain("sheet-not-recognised");
    expect(cost.cpuMs).toBeLessThan(5_000);
    expect(cost.peakGrowthMb).toBeLessThan(700);
  });

  it("refuses a CSV line of 40 million fields before parsing it (13.8 s and 1.2 GB before)", () => {
    const bytes = new TextEncoder().encode("Employee Number,Ethnic Origin\n1," + "a,".repeat(20_000_000) + "\n");
    const cost = measure(() => readWorkbooks([{ name: "fields.csv", bytes }]));
    expect(cost.error).toBeInstanceOf(WorkbookError);
    const issue = (cost.error as WorkbookError).issue;
    expect(issue).toMatchObject({ code: "csv-too-wide", file: "fields.csv" });
    expect(issue.message).toBe(
      "fields.csv is not a table that can be read: line 2 has more than 16,384 columns, more than Excel allows. Check that it is the right file.",
    );
    expect(cost.cpuMs).toBeLessThan(2_000);
    expect(cost.peakGrowthMb).toBeLessThan(200);
  });
});
