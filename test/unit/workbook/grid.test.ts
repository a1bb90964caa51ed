import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { readGrid, WorkbookError } from "../../../src/workbook";
import { buildLargeXlsx, buildXlsx, errorOf, fileOf, replaceEntry } from "./fixtures";
import { declareEntrySize } from "../../support/zip";

function grid(bytes: Uint8Array, name = "t.xlsx", opts = {}) {
  return readGrid(fileOf(name, bytes), opts);
}

describe("readGrid on .xlsx", () => {
  it("reads shared strings, numbers, booleans and empty cells in place", () => {
    const bytes = buildXlsx([
      { name: "Staff", rows: [["Name", "Age", "Bank"], ["Ann", 34, true], ["Bo", null, false], [], [null, 7]] },
    ]);
    const g = grid(bytes);
    expect(g.sheets).toHaveLength(1);
    expect(g.sheets[0]!.name).toBe("Staff");
    expect(g.sheets[0]!.rows).toEqual([["Name", "Age", "Bank"], ["Ann", 34, true], ["Bo", null, false], [], [null, 7]]);
    expect(g.issues).toEqual([]);
  });

  it("reads inline strings and namespace-prefixed elements", () => {
    const bytes = buildXlsx(
      [
        {
          name: "S",
          rows: [
            ["a & b", "<x>"],
            ["Pay Band", 5.25],
          ],
        },
      ],
      { strings: "inline", prefix: "x" },
    );
    expect(grid(bytes).sheets[0]!.rows).toEqual([
      ["a & b", "<x>"],
      ["Pay Band", 5.25],
    ]);
  });

  it("decodes entities and _xHHHH_ escapes in shared strings", () => {
    const base = buildXlsx([{ name: "S", rows: [["a", "b", "c"]] }]);
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Tom &amp; Jerry&#39;s_x000D_</t></si><si><t>it_x005F_x000D_s</t></si><si><t>&#x1F600; &lt;3</t></si></sst>`;
    const bytes = replaceEntry(base, "xl/sharedStrings.xml", strToU8(sst));
    expect(grid(bytes).sheets[0]!.rows[0]).toEqual(["Tom & Jerry's\r", "it_x000D_s", "😀 <3"]);
  });

  it("takes the cached value of formula cells", () => {
    const bytes = buildXlsx([
      {
        name: "S",
        rows: [
          [
            { formula: "1+1", cached: 2 },
            { formula: 'A1&"x"', cached: "2x" },
            { formula: "TRUE()", cached: true },
          ],
        ],
      },
    ]);
    expect(grid(bytes).sheets[0]!.rows[0]).toEqual([2, "2x", true]);
  });

  it("reports merged ranges", () => {
    const bytes = buildXlsx([{ name: "S", rows: [["Title"], ["A", "B"]], merges: ["A1:B1"] }]);
    expect(grid(bytes).sheets[0]!.merges).toEqual(["A1:B1"]);
  });

  it("turns date-formatted serials into ISO dates (1900 and 1904 systems, custom formats)", () => {
    const rows = [[{ date: 45382 }, { date: 45382.5 }, 45382, { date: 1 }, { date: 61 }]];
    expect(grid(buildXlsx([{ name: "S", rows }])).sheets[0]!.rows[0]).toEqual([
      "2024-03-31",
      "2024-03-31T12:00:00",
      45382,
      "1900-01-01",
      "1900-03-01",
    ]);
    expect(
      grid(buildXlsx([{ name: "S", rows: [[{ date: 0 + 43920 }]] }], { date1904: true })).sheets[0]!.rows[0],
    ).toEqual(["2024-03-31"]);
    expect(
      grid(buildXlsx([{ name: "S", rows: [[{ date: 45382 }]] }], { dateFormat: "[$-809]dd/mm/yyyy;@" })).sheets[0]!
        .rows[0],
    ).toEqual(["2024-03-31"]);
    expect(
      grid(buildXlsx([{ name: "S", rows: [[{ date: 45382 }]] }], { dateFormat: "#,##0.00" })).sheets[0]!.rows[0],
    ).toEqual([45382]);
  });

  it("reads rich-text shared strings and skips phonetic runs", () => {
    const base = buildXlsx([{ name: "S", rows: [["x"]] }]);
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><rPr><b/></rPr><t>Band</t></r><r><t xml:space="preserve"> 5</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si></sst>`;
    const bytes = replaceEntry(base, "xl/sharedStrings.xml", strToU8(sst));
    expect(grid(bytes).sheets[0]!.rows[0]).toEqual(["Band 5"]);
  });

  it("reads workbooks written by exceljs, including dates and merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("ESR");
    ws.addRow(["Staff in post report"]);
    ws.mergeCells("A1:C1");
    ws.addRow(["Employee Number", "Start Date", "FTE"]);
    ws.addRow(["10001", new Date(Date.UTC(2020, 3, 1)), 0.8]);
    ws.getCell("B3").numFmt = "dd/mm/yyyy";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const s = grid(bytes).sheets[0]!;
    expect(s.rows[1]).toEqual(["Employee Number", "Start Date", "FTE"]);
    expect(s.rows[2]).toEqual(["10001", "2020-04-01", 0.8]);
    expect(s.merges).toEqual(["A1:C1"]);
  });

  it("reads workbooks written by SheetJS with several sheets", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["Ethnic Origin", "Band"],
        ["A White - British", "Band 5"],
      ]),
      "One",
    );
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["x"], [1]]), "Two");
    const bytes = XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer;
    const g = grid(new Uint8Array(bytes));
    expect(g.sheets.map((s) => s.name)).toEqual(["One", "Two"]);
    expect(g.sheets[0]!.rows).toEqual([
      ["Ethnic Origin", "Band"],
      ["A White - British", "Band 5"],
    ]);
    expect(g.sheets[1]!.rows).toEqual([["x"], [1]]);
  });

  it("stops at maxRows and says so", () => {
    const bytes = buildLargeXlsx(50, (r) => `<c r="A${r}"><v>${r}</v></c>`);
    const s = grid(bytes, "t.xlsx", { maxRows: 10 }).sheets[0]!;
    expect(s.rows).toHaveLength(10);
    expect(s.truncated).toBe(true);
  });
});

describe("readGrid on bad input", () => {
  it("refuses a corrupt zip with a message naming the file", () => {
    const bytes = buildXlsx([{ name: "S", rows: [["a"]] }]);
    const broken = bytes.slice(0, Math.floor(bytes.length / 2));
    const err = errorOf(() => grid(broken, "staff 2025.xlsx"));
    expect(err.issue.code).toBe("file-corrupt");
    expect(err.issue.file).toBe("staff 2025.xlsx");
    expect(err.message).toContain("staff 2025.xlsx");
  });

  it("refuses a zip whose sheet data is damaged", () => {
    const bytes = buildXlsx([{ name: "S", rows: [["a", "b", "c"]] }]);
    // Flip bytes in the middle of the compressed data of every entry.
    const damaged = bytes.slice();
    for (let i = 200; i < damaged.length - 200; i += 37) damaged[i] = damaged[i]! ^ 0xff;
    expect(() => grid(damaged, "x.xlsx")).toThrow(WorkbookError);
  });

  it("recognises a password-protected workbook from its CFB signature", () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "EncryptionInfo";
    for (let k = 0; k < name.length; k++) cfb[1024 + 2 * k] = name.charCodeAt(k);
    const err = errorOf(() => grid(cfb, "secret.xlsx"));
    expect(err.issue.code).toBe("file-encrypted");
    expect(err.message).toMatch(/password/);
  });

  it("tells a legacy .xls apart from an encrypted workbook", () => {
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(errorOf(() => grid(cfb, "old.xls")).issue.code).toBe("file-legacy-xls");
  });

  it("reads a CSV saved with an .xlsx name, with a warning", () => {
    const g = grid(strToU8('Employee Number,Ethnic Origin\n1,A\n2,"M, Black"\n'), "staff.xlsx");
    expect(g.sheets[0]!.rows).toEqual([
      ["Employee Number", "Ethnic Origin"],
      ["1", "A"],
      ["2", "M, Black"],
    ]);
    expect(g.issues.map((i) => i.code)).toEqual(["csv-in-disguise"]);
  });

  it("reads a real CSV without a warning, stripping the BOM", () => {
    const g = grid(strToU8("\uFEFFa;b\n1;2\n"), "x.csv");
    expect(g.sheets[0]!.rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(g.issues).toEqual([]);
  });

  it("names an empty file, a zip that is not a workbook and a binary .xlsb", () => {
    expect(errorOf(() => grid(new Uint8Array(0), "empty.xlsx")).issue.code).toBe("file-empty");
    expect(errorOf(() => grid(zipSync({ "notes.txt": strToU8("hello") }), "notes.xlsx")).issue.code).toBe(
      "file-not-workbook",
    );
    expect(errorOf(() => grid(zipSync({ "xl/workbook.bin": new Uint8Array(10) }), "book.xlsb")).issue.code).toBe(
      "file-xlsb",
    );
  });

  it("reads an empty sheet part as a sheet without rows", () => {
    const bytes = replaceEntry(
      buildXlsx([{ name: "Empty", rows: [["a"]] }]),
      "xl/worksheets/sheet1.xml",
      new Uint8Array(0),
    );
    expect(grid(bytes).sheets).toEqual([{ name: "Empty", rows: [], merges: [] }]);
  });

  it("refuses random binary", () => {
    const junk = new Uint8Array(1000).map((_v, i) => (i * 7919) % 256);
    expect(errorOf(() => grid(junk, "x.xlsx")).issue.code).toBe("file-corrupt");
  });

  it("stops a zip bomb by declared size", () => {
    const big = new Uint8Array(5_000_000).fill(32);
    const bytes = replaceEntry(buildXlsx([{ name: "S", rows: [["a"]] }]), "xl/worksheets/sheet1.xml", big);
    expect(bytes.length).toBeLessThan(100_000);
    const err = errorOf(() => grid(bytes, "bomb.xlsx", { maxUncompressedBytes: 1_000_000 }));
    expect(err.issue.code).toBe("file-too-large");
  });

  it("stops a zip bomb that lies about its size while inflating", () => {
    const big = new Uint8Array(5_000_000).fill(32);
    const bytes = replaceEntry(buildXlsx([{ name: "S", rows: [["a"]] }]), "xl/worksheets/sheet1.xml", big);
    // Rewrite the declared uncompressed size of the sheet to 1000 bytes in the central directory.
    const forged = declareEntrySize(bytes, "xl/worksheets/sheet1.xml", 1000);
    const err = errorOf(() => grid(forged, "bomb.xlsx", { maxUncompressedBytes: 1_000_000 }));
    expect(["file-too-large", "file-corrupt"]).toContain(err.issue.code);
    // With the default budget the lie is still caught as damage, never read as data.
    expect(() => grid(forged, "bomb.xlsx")).toThrow(WorkbookError);
  });
});

describe("zip bombs that declare a plausible size", () => {
  it("never inflates past the declared size, whichever inflate path is taken", () => {
    const big = new Uint8Array(20_000_000).fill(32);
    const bytes = replaceEntry(buildXlsx([{ name: "S", rows: [["a"]] }]), "xl/worksheets/sheet1.xml", big);
    // Declared sizes both below and above the compressed size (the two inflate paths).
    for (const declared of [1000, 200_000]) {
      const forged = declareEntrySize(bytes, "xl/worksheets/sheet1.xml", declared);
      const err = errorOf(() => grid(forged, "bomb.xlsx"));
      expect(err.issue.file).toBe("bomb.xlsx");
      expect(["file-corrupt", "file-too-large"]).toContain(err.issue.code);
    }
  });
});

/** A compound file (what Excel 97-2003 and encrypted workbooks are) with a directory of the named streams. */
function compoundFile(streams: string[]): Uint8Array {
  const cfb = new Uint8Array(1024 + 128 * (streams.length + 1));
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const view = new DataView(cfb.buffer);
  ["Root Entry", ...streams].forEach((name, e) => {
    const at = 1024 + 128 * e;
    for (let k = 0; k < name.length; k++) view.setUint16(at + 2 * k, name.charCodeAt(k), true);
    view.setUint16(at + 64, 2 * (name.length + 1), true);
    cfb[at + 66] = e === 0 ? 5 : 2; // root storage, then streams
    view.setUint32(at + 68, 0xffffffff, true); // no left sibling
    view.setUint32(at + 72, 0xffffffff, true); // no right sibling
    view.setUint32(at + 76, e === 0 ? 1 : 0xffffffff, true);
    view.setUint32(at + 116, 3 + e, true); // first sector
    view.setUint32(at + 120, 4096 + 64 * e, true); // size
  });
  return cfb;
}

describe("telling the format of a file from its bytes", () => {
  it("tells an Excel 97-2003 workbook from a password-protected one by its streams", () => {
    const legacy = errorOf(() => grid(compoundFile(["Workbook", "\u0005SummaryInformation"]), "staff 2019.xls"));
    expect(legacy.issue.code).toBe("file-legacy-xls");
    expect(legacy.message).toBe(
      "staff 2019.xls is an old-format Excel 97-2003 workbook. Open it in Excel and save it as .xlsx, then try again.",
    );
    const names = ["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"];
    const encrypted = errorOf(() => grid(compoundFile(names), "staff 2025.xlsx"));
    expect(encrypted.issue.code).toBe("file-encrypted");
  });

  it("names an empty file and an unreadable one in its message", () => {
    expect(errorOf(() => grid(new Uint8Array(0), "staff.csv")).message).toBe("staff.csv is empty.");
    const junk = new Uint8Array(1000).map((_v, i) => (i * 7919) % 256);
    expect(errorOf(() => grid(junk, "staff.xlsx")).message).toBe(
      "staff.xlsx is not a readable workbook or CSV file (it may be damaged or in an unsupported format).",
    );
  });

  it("takes an empty or split zip archive for a zip, not for damaged bytes", () => {
    const empty = new Uint8Array(22);
    empty.set([0x50, 0x4b, 5, 6]);
    expect(errorOf(() => grid(empty, "staff.xlsx")).issue.code).toBe("file-not-workbook");
    const workbook = buildXlsx([{ name: "S", rows: [["a"]] }]);
    const split = new Uint8Array(workbook.length + 4);
    split.set([0x50, 0x4b, 7, 8]);
    split.set(workbook, 4);
    expect(errorOf(() => grid(split, "staff.xlsx")).message).toContain("the zip container is damaged");
  });

  it("reads a CSV whose first header begins with PK", () => {
    expect(grid(strToU8("PKID,Name\n1,Ann\n"), "staff.csv").sheets[0]!.rows).toEqual([
      ["PKID", "Name"],
      ["1", "Ann"],
    ]);
  });

  it("reads a UTF-8 CSV that begins with a Cyrillic letter (whose first byte a compound file also begins with)", () => {
    expect(grid(strToU8("Прізвище,Band\nКоваль,5\n"), "staff.csv").sheets[0]!.rows).toEqual([
      ["Прізвище", "Band"],
      ["Коваль", "5"],
    ]);
  });

  it("reads a CSV saved as UTF-16 text, little- or big-endian", () => {
    const text = "Employee Number\tEthnic Origin\r\n1001\tA White - British\r\n";
    const le = new Uint8Array(2 + 2 * text.length);
    const be = new Uint8Array(2 + 2 * text.length);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let k = 0; k < text.length; k++) {
      le[2 + 2 * k] = text.charCodeAt(k);
      be[3 + 2 * k] = text.charCodeAt(k);
    }
    for (const bytes of [le, be]) {
      expect(grid(bytes, "staff.csv").sheets[0]!.rows).toEqual([
        ["Employee Number", "Ethnic Origin"],
        ["1001", "A White - British"],
      ]);
    }
  });

  it("refuses binary files whose first two bytes only half match a UTF-16 byte-order mark", () => {
    const starts = [
      [0xff, 0xd8], // a JPEG photo
      [0xff, 0x00],
      [0x01, 0xfe],
      [0xfe, 0x01],
      [0x01, 0xff],
    ];
    for (const start of starts) {
      const bytes = new Uint8Array(600).map((_v, i) => (i * 7919) % 256);
      bytes.set(start);
      expect(errorOf(() => grid(bytes, "photo.xlsx")).issue.code).toBe("file-corrupt");
    }
  });

  it("refuses binary files without a zero byte, whatever control characters they hold", () => {
    const low = new Uint8Array(600).map((_v, i) => 1 + (i % 8));
    const high = new Uint8Array(600).map((_v, i) => 14 + (i % 18));
    for (const bytes of [low, high]) expect(errorOf(() => grid(bytes, "x.xlsx")).issue.code).toBe("file-corrupt");
  });

  it("refuses text with a zero byte in it, or with one control character in a hundred", () => {
    const text = "Employee Number,Ethnic Origin\n" + "1001,A White - British\n".repeat(6);
    const withZero = strToU8(text);
    withZero[40] = 0;
    expect(errorOf(() => grid(withZero, "staff.csv")).issue.code).toBe("file-corrupt");
    const hundred = strToU8("a,b\n" + "x".repeat(95) + "\n");
    hundred[10] = 0x1b;
    expect(hundred.length).toBe(100);
    expect(errorOf(() => grid(hundred, "staff.csv")).issue.code).toBe("file-corrupt");
    const more = strToU8("a,b\n" + "x".repeat(96) + "\n");
    more[10] = 0x1b;
    expect(grid(more, "staff.csv").sheets[0]!.rows[0]).toEqual(["a", "b"]);
  });

  it("reads a CSV with Windows line ends and short lines", () => {
    const g = grid(strToU8("a,b\r\n1,2\r\n3,4\r\n"), "staff.csv");
    expect(g.sheets[0]!.rows).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("reads a CSV that an old program ended with Ctrl-Z", () => {
    const text = "Employee Number,Ethnic Origin\n" + "1001,A White - British\n".repeat(6);
    const bytes = new Uint8Array([...strToU8(text), 0x1a]);
    expect(grid(bytes, "staff.csv").sheets[0]!.rows.slice(0, 2)).toEqual([
      ["Employee Number", "Ethnic Origin"],
      ["1001", "A White - British"],
    ]);
  });
});

describe("text files past the limit and web pages", () => {
  it("refuses a CSV larger than the limit, naming the limit, and reads one exactly at it", () => {
    const line = "1001,A White - British\n";
    const atLimit = strToU8("Employee Number,Ethnic Origin\n" + line.repeat(30_000));
    const limit = atLimit.length; // 690,030 bytes
    expect(grid(atLimit, "staff.csv", { maxUncompressedBytes: limit }).sheets[0]!.rows).toHaveLength(30_001);
    const over = strToU8("Employee Number,Ethnic Origin\n" + line.repeat(30_000) + "1");
    const err = errorOf(() => grid(over, "staff.csv", { maxUncompressedBytes: limit }));
    expect(err.issue.code).toBe("file-too-large");
    expect(err.message).toBe("staff.csv is larger than 1 MB, which is over the limit.");
    expect(err.issue.params).toEqual({ limitBytes: 690_030 });
  });

  it("refuses a web page saved with an Excel name, blank lines before it or not", () => {
    const page = `<html><head><title>Staff report</title></head><body><table>${"<tr><td>1001</td><td>A</td></tr>".repeat(30)}</table></body></html>`;
    for (const text of [page, `\r\n\r\n  ${page}`]) {
      const err = errorOf(() => grid(strToU8(text), "report.xls"));
      expect(err.issue.code).toBe("file-unsupported");
      expect(err.message).toBe(
        "report.xls is a web page or XML file, not a workbook or CSV. Open it in Excel and save it as .xlsx.",
      );
    }
  });

  it("says a CSV named like a workbook was read as CSV", () => {
    const g = grid(strToU8("a,b\n1,2\n"), "staff.xlsx");
    expect(g.issues).toEqual([
      {
        severity: "warning",
        code: "csv-in-disguise",
        message: "staff.xlsx is named like an Excel workbook but contains CSV text; it was read as CSV.",
        file: "staff.xlsx",
        sheet: null,
        row: null,
        column: null,
        header: null,
      },
    ]);
  });

  it("reads hidden sheets unless told not to", () => {
    const bytes = buildXlsx([
      { name: "Staff", rows: [["a"]] },
      { name: "Lookups", rows: [["b"]], hidden: true },
    ]);
    expect(grid(bytes).sheets.map((s) => s.name)).toEqual(["Staff", "Lookups"]);
    expect(grid(bytes, "t.xlsx", { includeHidden: false }).sheets.map((s) => s.name)).toEqual(["Staff"]);
  });
});
