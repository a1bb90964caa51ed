// The cell store: what a sheet reads back as, whatever order a writer put its cells in.
import { describe, expect, it } from "vitest";
import { CellStore } from "../../../src/workbook/cells";

describe("CellStore", () => {
  it("reads back shared strings, numbers, booleans, text and dates by row and column", () => {
    const cells = new CellStore(["Band 5", "Nursing"], 4);
    cells.beginRow();
    cells.pushShared(0, 1);
    cells.pushNumber(2, 0.4);
    cells.pushValue(3, true);
    cells.beginRow();
    cells.beginRow();
    cells.pushValue(1, "inline");
    cells.pushDate(4, 45747);
    cells.pushDate(5, 99_999_999); // out of range: stays a number
    expect(cells.toRows()).toEqual([
      ["Nursing", null, 0.4, true],
      [],
      [null, "inline", null, null, "2025-03-31", 99_999_999],
    ]);
    expect([0, 1, 2].map((r) => cells.hasValue(r))).toEqual([true, false, true]);
    expect(cells.get(9, 0)).toBeNull();
    expect(cells.get(0, -1)).toBeNull();
  });

  it("reads a row of empty strings as blank", () => {
    const cells = new CellStore();
    cells.beginRow();
    cells.pushValue(0, "");
    cells.pushValue(2, "");
    expect(cells.hasValue(0)).toBe(false);
  });

  it("keeps the later of two values for one cell, and cells written out of order in order", () => {
    const cells = new CellStore([], 2); // small, so the arrays grow as cells arrive
    cells.beginRow();
    cells.pushNumber(3, 1);
    cells.pushNumber(1, 2);
    cells.pushNumber(3, 3);
    cells.pushNumber(0, 4);
    cells.pushNumber(2, 5);
    expect(cells.row(0)).toEqual([4, 2, 5, 3]);
    expect(cells.width(0)).toBe(4);
  });

  it("fills blank cells (merged ranges) without overwriting, past the last row and column", () => {
    const cells = new CellStore();
    cells.beginRow();
    cells.pushValue(0, "Directorate");
    cells.fill(0, 0, "other");
    cells.fill(0, 2, "Directorate");
    cells.fill(2, 1, "Directorate");
    expect(cells.toRows()).toEqual([["Directorate", null, "Directorate"], [], [null, "Directorate"]]);
  });

  it("finds merged fills far down a sheet, and nothing below the last of them", () => {
    const cells = new CellStore();
    for (let r = 0; r < 3000; r++) {
      cells.beginRow();
      cells.pushNumber(0, r);
    }
    cells.fill(2500, 3, "Surgery"); // 2500 * 2^21 is past a small integer: the lookup must not lose it
    expect(cells.get(2500, 3)).toBe("Surgery");
    expect(cells.get(2999, 3)).toBeNull();
    expect(cells.width(2500)).toBe(4);
  });

  it("keeps the later value when the sheet's very first cell is written twice", () => {
    const cells = new CellStore();
    cells.beginRow();
    cells.pushNumber(0, 1);
    cells.pushValue(0, "again");
    cells.pushNumber(1, 2);
    expect(cells.toRows()).toEqual([["again", 2]]);
  });

  it("starts the first row for a cell that comes before any", () => {
    const cells = new CellStore();
    cells.pushValue(1, "orphan");
    expect(cells.rowCount).toBe(1);
    expect(cells.toRows()).toEqual([[null, "orphan"]]);
  });

  it("counts a row whose only value is a merged fill as filled, and a fill of empty text as blank", () => {
    const cells = new CellStore();
    for (let r = 0; r < 4; r++) cells.beginRow();
    cells.pushValue(0, "");
    cells.fill(1, 2, "Surgery"); // a row with no cells of its own
    cells.fill(2, 1, ""); // the top-left cell of its range was an empty text
    cells.fill(3, 1, "Medicine"); // the last row with a fill
    expect([-1, 0, 1, 2, 3, 4].map((r) => cells.hasValue(r))).toEqual([false, false, true, false, true, false]);
  });

  it("gives sparse rows with merged fills in place, one row per row of the sheet", () => {
    const cells = new CellStore(["Nursing"]);
    cells.beginRow();
    cells.pushShared(0, 0);
    cells.pushNumber(3, 4);
    cells.beginRow();
    cells.pushValue(1, "Band 5");
    cells.fill(0, 1, "merged");
    cells.fill(1, 5, "right of the row");
    cells.fill(2, 2, "below the last row");
    const rows = cells.toSparseRows();
    expect(rows).toEqual([
      ["Nursing", "merged", undefined, 4],
      [undefined, "Band 5", undefined, undefined, undefined, "right of the row"],
      [undefined, undefined, "below the last row"],
    ]);
    expect(rows.map((row) => Object.keys(row).length)).toEqual([3, 2, 1]);
    expect(rows.map((row) => row.length)).toEqual([4, 6, 3]);
  });

  it("is empty once released, and can be written again", () => {
    const cells = new CellStore(["a"]);
    cells.beginRow();
    cells.pushShared(0, 0);
    cells.pushValue(1, "text");
    cells.fill(1, 0, "merged");
    cells.release();
    expect(cells.rowCount).toBe(0);
    expect(cells.get(0, 0)).toBeNull();
    expect(cells.get(1, 0)).toBeNull();
    cells.beginRow();
    cells.pushNumber(0, 7);
    expect(cells.toRows()).toEqual([[7]]);
  });
});
