// A worksheet is scanned as it is inflated, a slice at a time, so its XML is never held whole. Rows,
// cells and text cut anywhere by the slices must come out exactly as a scan of the whole part gives them.
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseSharedStrings } from "../../../src/workbook/parts";
import { scanSheet } from "../../../src/workbook/sheet";
import { readXlsxCells } from "../../../src/workbook/xlsx";
import { writeStaffWorkbook } from "../../support/writer-corpus";

const OPTIONS = { maxUncompressedBytes: 512e6, maxRows: 2_000_000, includeHidden: false };

describe("a worksheet scanned as it is inflated", () => {
  it.each(["ours", "inline", "libreoffice", "excel"] as const)(
    "reads %s's 12,000-row sheet exactly as a scan of the whole part",
    async (writer) => {
      const bytes = await writeStaffWorkbook(writer, 22, 12_000, 3);
      const parts = unzipSync(bytes);
      const xml = parts["xl/worksheets/sheet1.xml"]!;
      // Many slices: the part is several times the 1 MB a slice inflates to.
      expect(xml.length).toBeGreaterThan(8e6);
      const sst = parts["xl/sharedStrings.xml"];
      const sharedStrings = sst ? parseSharedStrings(new TextDecoder().decode(sst)) : [];
      const whole = scanSheet(xml, {
        sharedStrings,
        dateStyles: [false, true, false, false],
        date1904: false,
        maxRows: 2_000_000,
      });
      const [streamed] = readXlsxCells("staff.xlsx", bytes, OPTIONS);
      expect(streamed!.cells.rowCount).toBe(whole.cells.rowCount);
      expect(streamed!.cells.toRows()).toEqual(whole.cells.toRows());
      expect(streamed!.merges).toEqual(whole.merges);
      expect(whole.cells.get(4, 0)).not.toBeNull();
    },
    60_000,
  );

  it("stops at maxRows in the middle of a slice and says the sheet was truncated", async () => {
    const bytes = await writeStaffWorkbook("ours", 10, 12_000, 3);
    const [sheet] = readXlsxCells("staff.xlsx", bytes, { ...OPTIONS, maxRows: 7_001 });
    expect(sheet!.truncated).toBe(true);
    expect(sheet!.cells.rowCount).toBe(7_001);
  }, 60_000);
});
