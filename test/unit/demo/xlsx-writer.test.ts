import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { unzipSync, strFromU8 } from "fflate";
import { excelSerial, writeXlsx } from "../../../src/demo/xlsx-writer";

describe("writeXlsx", () => {
  it("writes text with XML specials, numbers, booleans, dates and merges that read back", () => {
    const bytes = writeXlsx([
      {
        name: "R&D <sheet>",
        rows: [["Title spanning", null, null], [], ["A & B", 3.5, true, { date: "2025-03-31" }, " padded "]],
        merges: ["A1:C1"],
        boldRows: [1],
      },
      { name: "Second", rows: [["x"]] },
    ]);
    const wb = XLSX.read(bytes, { type: "array", cellDates: true });
    expect(wb.SheetNames).toEqual(["R&D <sheet>", "Second"]);
    const ws = wb.Sheets["R&D <sheet>"]!;
    expect(ws["A3"].v).toBe("A & B");
    expect(ws["B3"].v).toBe(3.5);
    expect(ws["C3"].v).toBe(true);
    expect((ws["D3"].v as Date).toISOString().slice(0, 10)).toBe("2025-03-31");
    expect(ws["E3"].v).toBe(" padded ");
    expect(ws["!merges"]?.map((m) => XLSX.utils.encode_range(m))).toEqual(["A1:C1"]);
    const parts = unzipSync(bytes);
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
      ]),
    );
    expect(strFromU8(parts["xl/worksheets/sheet1.xml"]!)).toContain('<c r="A3" t="s">');
  });

  it("writes dates as Excel's serial numbers", () => {
    expect(excelSerial("2025-03-31")).toBe(45747);
    expect(excelSerial("1900-03-01")).toBe(61);
  });
});
