// Scale: a million-row sheet read within a minute. Kept apart from read.test.ts because its time bound is
// about the real code: the mutation run (test/mutation) leaves it out, as instrumented code is slower.
import { describe, expect, it } from "vitest";
import { strToU8 } from "fflate";
import { readWorkbooks } from "../../../src/workbook";
import { buildXlsx, replaceEntry } from "./fixtures";

describe("a sheet of 1,000,000 rows", () => {
  it("reads every row and counts each person", () => {
    // Shared strings 0-3 are the headers, 4 "A", 5 "Band 5", 6 the staff group, 7 "N".
    const base = buildXlsx([
      {
        name: "Staff",
        rows: [
          ["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group"],
          ["A", "Band 5", "Administrative and Clerical", "N"],
        ],
      },
    ]);
    const rows = 1_000_000;
    const parts: string[] = [
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`,
    ];
    for (let r = 2; r <= rows; r++)
      parts.push(
        `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>${r % 2 ? 4 : 7}</v></c><c r="C${r}" t="s"><v>5</v></c><c r="D${r}" t="s"><v>6</v></c></row>`,
      );
    parts.push("</sheetData></worksheet>");
    const bytes = replaceEntry(base, "xl/worksheets/sheet1.xml", strToU8(parts.join("")));
    const started = performance.now();
    const ds = readWorkbooks([{ name: "million.xlsx", bytes }]);
    const seconds = (performance.now() - started) / 1000;
    expect(ds.staff).toHaveLength(rows - 1);
    expect(ds.sheets[0]).toMatchObject({ rowsRead: rows - 1, rowsUsed: rows - 1, rowsExcluded: 0 });
    expect(ds.staff.filter((s) => s.ethnicity.group === "bme")).toHaveLength(rows / 2);
    expect(ds.staff[rows - 2]!.row).toBe(rows);
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});
