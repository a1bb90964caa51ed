// CSV files as HR systems and Excel save them: any of the usual encodings and delimiters, quoted fields, formula
// errors saved as text, trailing blank lines, and lines too wide to be a table.
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeText, MAX_CSV_COLUMNS, readCsvCells } from "../../../src/workbook/csv";
import type { WorkbookError } from "../../../src/workbook";

const read = (text: string | Uint8Array, name = "staff.csv", maxRows = 1000) =>
  readCsvCells(name, typeof text === "string" ? strToU8(text) : text, maxRows);

describe("encodings", () => {
  it("reads UTF-8 with or without a byte order mark", () => {
    expect(decodeText(strToU8("Ethnic Origin,Café"))).toBe("Ethnic Origin,Café");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8("Café")]))).toBe("Café");
  });

  it("reads UTF-16 in either byte order when it starts with its byte order mark", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9]);
    expect([decodeText(le), decodeText(be)]).toEqual(["Aé", "Aé"]);
  });

  it("reads bytes that are not UTF-8 as Windows-1252, as older Excel saves CSV, curly quotes and dashes included", () => {
    // "O’Brien,White – Irish,€5" as Windows-1252: 0x92 is the apostrophe, 0x96 the en dash, 0x80 the euro sign.
    const bytes = [...strToU8("O"), 0x92, ...strToU8("Brien,White "), 0x96, ...strToU8(" Irish,"), 0x80, 0x35];
    expect(decodeText(new Uint8Array(bytes))).toBe("O’Brien,White – Irish,€5");
    expect(decodeText(new Uint8Array([0xe9, 0x9f, 0x81, 0x8d]))).toBe("éŸ\x81\x8d");
  });

  it("takes a file for UTF-16 only when both bytes of its byte order mark are there", () => {
    // þ is 0xFE and ÿ is 0xFF in Windows-1252: half a byte order mark, first or second.
    const texts = [
      [0xfe, ...strToU8("orn")],
      [0xff, ...strToU8("es")],
      [...strToU8("A"), 0xfe, ...strToU8("b")],
      [...strToU8("A"), 0xff, ...strToU8("b")],
    ];
    expect(texts.map((t) => decodeText(new Uint8Array(t)))).toEqual(["þorn", "ÿes", "Aþb", "Aÿb"]);
  });
});

describe("cells", () => {
  it("reads commas, semicolons or tabs, quoted fields with commas and line breaks, and leaves blanks empty", () => {
    for (const d of [",", ";", "\t"]) {
      const sheet = read(
        `Employee Number${d}Notes${d}Band\n1${d}"Leeds${d} then York\nfrom May"${d}Band 5\n2${d}${d}Band 6\n`,
      );
      expect(sheet.cells.toRows()).toEqual([
        ["Employee Number", "Notes", "Band"],
        ["1", `Leeds${d} then York\nfrom May`, "Band 5"],
        ["2", null, "Band 6"],
      ]);
    }
  });

  it("keeps a blank line between rows, and drops blank lines and line breaks at the end", () => {
    const sheet = read("a,b\r\n1,2\r\n\r\n3,4\r\n,\r\n\r\n");
    expect(sheet.cells.toRows()).toEqual([["a", "b"], ["1", "2"], [], ["3", "4"]]);
    expect(sheet.truncated).toBeUndefined();
    expect(sheet.merges).toEqual([]);
  });

  it("reads a file of nothing but delimiters and blank lines as an empty sheet", () => {
    const sheet = read(",,\n\n,\n,,,\n");
    expect([sheet.cells.rowCount, sheet.problems]).toEqual([0, undefined]);
  });

  it("takes formula errors Excel saved as text for problems, not values, naming their cell", () => {
    const sheet = read("Ethnic Origin,Band\n#N/A,Band 5\nA,#REF! \n#hashtag,#DIV/0!\n");
    expect(sheet.cells.toRows()).toEqual([["Ethnic Origin", "Band"], [null, "Band 5"], ["A"], ["#hashtag"]]);
    expect(sheet.problems).toEqual([
      { row: 1, col: 0, problem: "#N/A" },
      { row: 2, col: 1, problem: "#REF!" },
      { row: 3, col: 1, problem: "#DIV/0!" },
    ]);
    expect(read("a\n1\n").problems).toBeUndefined();
  });

  it("takes an error with blanks either side for the error, as a CSV written with spaces after its commas has it", () => {
    const sheet = read("Ethnic Origin, Band\n #N/A, Band 5\n");
    expect(sheet.problems).toEqual([{ row: 1, col: 0, problem: "#N/A" }]);
    expect(sheet.cells.toRows()).toEqual([
      ["Ethnic Origin", " Band"],
      [null, " Band 5"],
    ]);
  });

  it("keeps as a value a text that only quotes an error's words", () => {
    const sheet = read("Notes\n#N/A: not asked\n#4 on the list: #REF!\n");
    expect(sheet.cells.toRows()).toEqual([["Notes"], ["#N/A: not asked"], ["#4 on the list: #REF!"]]);
    expect(sheet.problems).toBeUndefined();
  });

  it("names the sheet after the file, without its folder or extension", () => {
    expect(read("a\n1", "C:\\Exports\\Staff in post.v2.csv").name).toBe("Staff in post.v2");
    expect(read("a\n1", "exports/cpd.csv").name).toBe("cpd");
    expect(read("a\n1", "exports/old\nruns/cpd.csv").name).toBe("cpd");
  });

  it("reads at most the rows asked for, and says when there were more", () => {
    const text = "a\n1\n2\n3\n";
    expect([read(text, "x.csv", 4).cells.rowCount, read(text, "x.csv", 4).truncated]).toEqual([4, undefined]);
    expect([read(text, "x.csv", 3).cells.rowCount, read(text, "x.csv", 3).truncated]).toEqual([3, true]);
  });
});

describe("a line too wide to be a table", () => {
  const fields = (n: number, d = ",") => Array.from({ length: n }, (_, i) => `f${i}`).join(d);

  it("is refused, naming its line, whichever delimiter it uses", () => {
    for (const d of [",", ";", "\t"]) {
      let error: WorkbookError | undefined;
      try {
        read(`a${d}b\n1${d}2\n${fields(MAX_CSV_COLUMNS + 1, d)}\n`, "wide.csv");
      } catch (e) {
        error = e as WorkbookError;
      }
      expect(error?.issue).toMatchObject({
        code: "csv-too-wide",
        file: "wide.csv",
        params: { line: 3, maxColumns: 16384 },
      });
    }
  });

  it("is named by its line when the file begins with a blank line, or the line with a blank field", () => {
    const lineOf = (text: string) => {
      try {
        read(text, "wide.csv");
      } catch (e) {
        return (e as WorkbookError).issue.params?.line;
      }
      return null;
    };
    expect(lineOf(`\n${fields(MAX_CSV_COLUMNS + 1)}\n`)).toBe(2);
    expect(lineOf(`,${fields(MAX_CSV_COLUMNS)}\n1,2\n`)).toBe(1);
  });

  it("is not a line as wide as Excel allows with a delimiter in a quoted field", () => {
    const sheet = read(`${fields(MAX_CSV_COLUMNS - 1)},"Leeds, then York"\n`);
    expect([sheet.cells.width(0), sheet.cells.toRows()[0]?.at(-1)]).toEqual([MAX_CSV_COLUMNS, "Leeds, then York"]);
  });

  it("is not looked for on a line of at most 64 KiB (it costs no more than its characters), wherever it is", () => {
    // 16,385 fields in exactly 64 KiB, after a first line of 40,000 characters.
    const line = Array.from({ length: MAX_CSV_COLUMNS + 1 }, () => "1").join(",");
    const padded = "x".repeat(65_536 - line.length) + line;
    expect(padded.length).toBe(65_536);
    const sheet = read(`Notes,${"n".repeat(40_000)}\n${padded}\n`);
    expect([sheet.cells.rowCount, sheet.cells.width(1)]).toEqual([2, MAX_CSV_COLUMNS + 1]);
  });

  it("is not a line with as many columns as Excel allows, nor one whose delimiters are inside quotes", () => {
    expect(read(`${fields(MAX_CSV_COLUMNS)}\n`).cells.width(0)).toBe(MAX_CSV_COLUMNS);
    const note = `"${fields(MAX_CSV_COLUMNS + 10)}"`;
    expect(read(`Employee Number,Notes\n1,${note}\n`).cells.rowCount).toBe(2);
  });
});
