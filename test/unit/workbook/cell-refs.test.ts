// Cell references as spreadsheets write them: column letters for messages and for the cells we write, and the
// merged ranges every workbook lists.
import { describe, expect, it } from "vitest";
import { columnLetter, rangeRef } from "../../../src/workbook/cell-refs";

describe("column letters", () => {
  it("names 0-based columns as Excel does, up to its last column", () => {
    expect([0, 25, 26, 27, 701, 702, 16383].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"]);
  });
});

describe("ranges", () => {
  it("reads a range as 0-based rows and columns", () => {
    expect(rangeRef("A5:H5")).toEqual({ top: 4, left: 0, bottom: 4, right: 7 });
    expect(rangeRef("AA1:AB2")).toEqual({ top: 0, left: 26, bottom: 1, right: 27 });
    expect(rangeRef("XFD1048576")).toEqual({ top: 1048575, left: 16383, bottom: 1048575, right: 16383 });
  });

  it("reads absolute references, lower case and corners in either order", () => {
    expect(rangeRef("$B$2:$AB$10")).toEqual({ top: 1, left: 1, bottom: 9, right: 27 });
    expect(rangeRef("H10:c2")).toEqual({ top: 1, left: 2, bottom: 9, right: 7 });
    expect(rangeRef("B3:A1")).toEqual({ top: 0, left: 0, bottom: 2, right: 1 });
  });

  it("reads one cell as a range of one", () => {
    expect(rangeRef("c3")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
  });

  it.each(["A1:B", "ABCD1", "1A", " A1", "A1 ", "A1:B2x", "A1B2", "A1:", "$$A1", ""])("refuses %j", (ref) => {
    expect(rangeRef(ref)).toBeNull();
  });

  it("reads back the letters it writes", () => {
    for (const col of [0, 9, 25, 26, 51, 52, 675, 676, 701, 702, 16383])
      expect(rangeRef(`${columnLetter(col)}7`)).toEqual({ top: 6, left: col, bottom: 6, right: col });
  });
});
