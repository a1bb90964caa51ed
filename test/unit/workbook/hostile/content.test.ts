// Hostile content inside a well-formed container: absurd dimensions, deep nesting, entity declarations,
// damaged references, formula errors, long CSV lines, names chosen to pollute prototypes. Each is read
// or refused with a clear message, within a stated CPU time (steadier than wall time on a shared machine)
// and memory, and never changes a value silently. Figures measured on a loaded 2-core machine: all under
// 0.3 s and 20 MB. The full-size cases (a million nested elements, CSV lines of 100 MB and of 40 million
// fields) are in content-scale.test.ts.
import { describe, expect, it } from "vitest";
import { readWorkbooks, WorkbookError } from "../../../../src/workbook";
import { entry, workbookWithSheet } from "../../../support/hostile-workbooks";
import { measure } from "../../../support/measure";
import { dataset, HEADER, NS, person, read } from "./content-fixtures";

describe("hostile sheet content", () => {
  it("reads a sheet that claims A1:XFD1048576 and has a cell at XFD1048576, without building the grid", () => {
    const cost = read(
      "wide.xlsx",
      `<worksheet ${NS}><dimension ref="A1:XFD1048576"/><sheetData>${HEADER}${person(2, 1, "A")}<row r="1048576"><c r="XFD1048576"><v>9</v></c></row></sheetData></worksheet>`,
    );
    const ds = dataset(cost);
    expect(ds.staff.map((s) => s.personId)).toEqual(["1"]);
    expect(cost.cpuMs).toBeLessThan(2_000);
    expect(cost.peakGrowthMb).toBeLessThan(100);
  });

  it("reads past thousands of nested elements it does not know (a million in content-scale.test.ts)", () => {
    const deep = "<x>".repeat(5_000) + "</x>".repeat(5_000);
    const cost = read(
      "deep.xlsx",
      `<worksheet ${NS}><sheetData>${HEADER}${deep}${person(2, 1, "A")}</sheetData></worksheet>`,
    );
    expect(dataset(cost).staff.map((s) => [s.personId, s.ethnicity.group])).toEqual([["1", "white"]]);
  });

  it("never expands entity declarations (billion laughs) nor reads external entities", () => {
    const sst = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst ${NS}><si><t>Employee Number</t></si><si><t>Ethnic Origin</t></si><si><t>Pay Band</t></si><si><t>&lol9;&xxe;</t></si><si><t>Band 5</t></si></sst>`;
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c></row></sheetData></worksheet>`;
    const cost = read("laughs.xlsx", sheet, sst);
    const ds = dataset(cost);
    const raw = ds.staff[0]!.ethnicity.raw;
    expect(raw.length).toBeLessThan(100);
    expect(raw).not.toContain("lollol");
    expect(raw).not.toContain("root:");
    expect(ds.staff[0]!.ethnicity.group).toBe("unknown");
    expect(cost.cpuMs).toBeLessThan(1_000);
    expect(cost.peakGrowthMb).toBeLessThan(100);
  });

  it("excludes, with a message naming the cell, a row whose shared-string index is past the table (it read as blank ethnicity before)", () => {
    const sst = `<sst ${NS}><si><t>Employee Number</t></si><si><t>Ethnic Origin</t></si><si><t>Pay Band</t></si><si><t>A White - British</t></si><si><t>Band 5</t></si></sst>`;
    const s = (r: number, c: string, i: number) => `<c r="${c}${r}" t="s"><v>${i}</v></c>`;
    const sheet = `<worksheet ${NS}><sheetData><row r="1">${s(1, "A", 0)}${s(1, "B", 1)}${s(1, "C", 2)}</row><row r="2"><c r="A2"><v>1</v></c>${s(2, "B", 3)}${s(2, "C", 4)}</row><row r="3"><c r="A3"><v>2</v></c>${s(3, "B", 99)}${s(3, "C", 4)}</row></sheetData></worksheet>`;
    const ds = dataset(read("sst.xlsx", sheet, sst));
    expect(ds.staff.map((p) => p.personId)).toEqual(["1"]);
    const issue = ds.issues.find((i) => i.code === "shared-string-missing");
    expect(issue).toMatchObject({
      severity: "error",
      file: "sst.xlsx",
      sheet: "Staff",
      row: 3,
      column: "B",
      header: "Ethnic Origin",
    });
    expect(issue!.message).toMatch(
      /^sst\.xlsx, sheet "Staff", row 3, column B \(Ethnic Origin\): the cell refers to text the workbook does not have/,
    );
    expect(ds.sheets[0]!.exclusions).toEqual({ "shared-string-missing": 1 });
  });

  it("excludes rows whose cells hold formula errors, naming each, and keeps the rest", () => {
    const err = (r: number, v: string) =>
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="e"><f>VLOOKUP(A${r},X!A:B,2,0)</f><v>${v}</v></c><c r="C${r}" t="inlineStr"><is><t>Band 5</t></is></c></row>`;
    const ds = dataset(
      read(
        "errors.xlsx",
        `<worksheet ${NS}><sheetData>${HEADER}${person(2, 1, "A")}${err(3, "#N/A")}${err(4, "#REF!")}</sheetData></worksheet>`,
      ),
    );
    expect(ds.staff.map((p) => p.personId)).toEqual(["1"]);
    const issues = ds.issues.filter((i) => i.code === "formula-error");
    expect(issues.map((i) => [i.row, i.column, i.params?.value])).toEqual([
      [3, "B", "#N/A"],
      [4, "B", "#REF!"],
    ]);
  });

  it("pollutes no prototype, whatever the sheet, header and cell names", () => {
    const names = ["__proto__", "constructor", "prototype", "hasOwnProperty", "toString"];
    const header = `<row r="1">${["Employee Number", "Ethnic Origin", "Pay Band", ...names].map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("")}</row>`;
    const row = `<row r="2"><c r="A2" t="inlineStr"><is><t>__proto__</t></is></c><c r="B2" t="inlineStr"><is><t>{"__proto__":{"polluted":1}}</t></is></c><c r="C2" t="inlineStr"><is><t>constructor</t></is></c>${names.map((_n, i) => `<c r="${String.fromCharCode(68 + i)}2" t="inlineStr"><is><t>{"polluted":true}</t></is></c>`).join("")}</row>`;
    const bytes = workbookWithSheet(
      entry("xl/worksheets/sheet1.xml", `<worksheet ${NS}><sheetData>${header}${row}</sheetData></worksheet>`),
    );
    const csv = new TextEncoder().encode(`__proto__,constructor,prototype\n{"polluted":1},x,y\n`);
    readWorkbooks([
      { name: "__proto__.xlsx", bytes },
      { name: "constructor.csv", bytes: csv },
    ]);
    expect("polluted" in {}).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });
});

describe("hostile CSV", () => {
  it("skips a CSV of one long line without delimiters as no table, with a message (100 MB in content-scale.test.ts)", () => {
    const bytes = new Uint8Array(200_000).fill(97);
    const ds = readWorkbooks([{ name: "line.csv", bytes }]);
    expect(ds.sheets.map((s) => [s.file, s.kind])).toEqual([["line.csv", null]]);
    expect(ds.issues.map((i) => [i.code, i.file])).toEqual([["sheet-not-recognised", "line.csv"]]);
  });

  it("refuses a long CSV line of more than 16,384 fields before parsing it, naming the line", () => {
    const line = "1," + "abcd,".repeat(16_383);
    const bytes = new TextEncoder().encode(`Employee Number,Ethnic Origin\n${line}\n`);
    const cost = measure(() => readWorkbooks([{ name: "fields.csv", bytes }]));
    expect(cost.error).toBeInstanceOf(WorkbookError);
    const issue = (cost.error as WorkbookError).issue;
    expect(issue).toMatchObject({ code: "csv-too-wide", file: "fields.csv", params: { line: 2 } });
    expect(issue.message).toBe(
      "fields.csv is not a table that can be read: line 2 has more than 16,384 columns, more than Excel allows. Check that it is the right file.",
    );
  });

  it("reads a long CSV line of exactly 16,384 fields, and counts only the delimiters it splits on", () => {
    const header = "Employee Number,Ethnic Origin,Pay Band\n";
    // 16,384 fields by commas; in the second, 20,000 semicolons and tabs inside quotes, which are not columns.
    const lines = [
      "1,A,Band 5," + "abcd,".repeat(16_380) + "abcd",
      "1,A,Band 5," + `"${";\t".repeat(20_000)}",` + "abcd,".repeat(16_379) + "abcd",
    ];
    for (const line of lines) {
      const ds = readWorkbooks([{ name: "wide.csv", bytes: new TextEncoder().encode(header + line + "\n") }]);
      expect(ds.staff.map((s) => [s.personId, s.ethnicity.group, s.band])).toEqual([["1", "white", "5"]]);
    }
  });

  it("still reads a CSV with long lines that are not too wide (four 30,000-character notes, 20,000 quoted commas)", () => {
    const note = `"${"word, ".repeat(5_000)}"`;
    const bytes = new TextEncoder().encode(
      `Employee Number,Ethnic Origin,Pay Band,N1,N2,N3,N4\n1,A,Band 5,${note},${note},${note},${note}\n`,
    );
    const ds = readWorkbooks([{ name: "notes.csv", bytes }]);
    expect(ds.staff).toHaveLength(1);
  });
});
