// One staff extract written by six writers (ours, exceljs, SheetJS, inline strings, Excel's shape,
// LibreOffice's shape) at three widths: the reader must give the same people and the same results
// document, byte for byte, whichever wrote it. The same corpus is what `npm run bench` times.
import { describe, expect, it } from "vitest";
import { computeResults } from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook";
import { STAFF_FILE, WIDTHS, WRITERS, writeStaffWorkbook } from "../../support/writer-corpus";

/**
 * Past the 40 top rows the reader chooses the columns it reads from (TOP_ROWS), so each writer's cells are read
 * both in full and without the text of unused columns. More rows add only writing time, on every mutant's run.
 */
const STAFF = 120;
/** Six writers, exceljs the slowest, on a machine that may be busy. */
const TIMEOUT = 60_000;

describe.each(WIDTHS)("the staff extract at %i columns, as every writer writes it", (width) => {
  it(
    "gives byte-identical results documents and the same staff records",
    async () => {
      const read = await Promise.all(
        WRITERS.map(async (writer) => {
          const bytes = await writeStaffWorkbook(writer, width, STAFF, 5);
          const dataset = readWorkbooks([{ name: STAFF_FILE, bytes }]);
          return { writer, dataset, results: JSON.stringify(computeResults(dataset)) };
        }),
      );
      const ours = read[0]!;
      expect(ours.writer).toBe("ours");
      // The extract is read as a staff sheet below its three title rows, with nothing in error.
      expect(ours.dataset.sheets.map((s) => [s.kind, s.headerRow])).toEqual([["staff", 4]]);
      expect(ours.dataset.staff.length).toBeGreaterThan(STAFF * 0.7);
      expect(ours.dataset.snapshotDate).toBe("2025-03-31");
      expect(ours.dataset.issues.filter((i) => i.severity === "error")).toEqual([]);
      for (const other of read.slice(1)) {
        expect({ writer: other.writer, results: other.results }).toEqual({
          writer: other.writer,
          results: ours.results,
        });
        expect({ writer: other.writer, staff: other.dataset.staff }).toEqual({
          writer: other.writer,
          staff: ours.dataset.staff,
        });
        expect({ writer: other.writer, issues: other.dataset.issues }).toEqual({
          writer: other.writer,
          issues: ours.dataset.issues,
        });
      }
    },
    TIMEOUT,
  );
});
