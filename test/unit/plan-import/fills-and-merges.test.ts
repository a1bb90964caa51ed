// Two small readers under the plan import: the RAG a status cell's fill colour reads as, and merged cells
// (a lead or date merged down several actions, a heading merged across the table).
import { describe, expect, it } from "vitest";
import { ragOfColour, sameColour } from "../../../src/plan/import/fills";
import { fillMergedColumns, rowSpans } from "../../../src/plan/import/merges";

describe("the RAG of a fill colour", () => {
  it.each([
    ["FF0000", "Red"],
    ["#C00000", "Red"],
    ["FFFF0000", "Red"],
    ["FFC000", "Amber"],
    ["FFFF00", "Amber"],
    ["00B050", "Green"],
    ["92D050", "Green"],
    ["0070C0", "Blue"],
    ["00B0F0", "Blue"],
  ] as const)("reads %s, an Office colour, as %s", (hex, rag) => {
    expect(ragOfColour(hex)).toBe(rag);
  });

  it.each(["FFFFFF", "808080", "000000", "7030A0", "FF0080", "zzzzzz", "12345", ""])(
    "reads %j as no RAG (white, grey, black, purple, pink or not a colour)",
    (hex) => {
      expect(ragOfColour(hex)).toBeNull();
    },
  );

  it("takes a pale colour as a colour only from a chroma of 0.2, and a dark one only from a brightness of 0.25", () => {
    expect(ragOfColour("FFCBCB")).toBe("Red");
    expect(ragOfColour("FFCDCD")).toBeNull();
    expect(ragOfColour("400000")).toBe("Red");
    expect(ragOfColour("3F0000")).toBeNull();
  });

  it("draws the lines between colours at hues 15, 65, 170, 260 and 330", () => {
    expect([ragOfColour("FF3F00"), ragOfColour("FF4000")]).toEqual(["Red", "Amber"]);
    expect([ragOfColour("EEFF00"), ragOfColour("E6FF00")]).toEqual(["Amber", "Green"]);
    expect([ragOfColour("00FFD4"), ragOfColour("00FFD6")]).toEqual(["Green", "Blue"]);
    expect([ragOfColour("5400FF"), ragOfColour("5500FF")]).toEqual(["Blue", null]);
    expect([ragOfColour("FF0080"), ragOfColour("FF007F")]).toEqual([null, "Red"]);
    expect(ragOfColour("FF0040")).toBe("Red");
  });

  it("compares colours whatever their case, '#' or alpha byte", () => {
    expect(sameColour("#00b050", "FF00B050")).toBe(true);
    expect(sameColour("00B050", "00B051")).toBe(false);
  });
});

describe("merged ranges", () => {
  it("repeats a value merged down one column into the empty cells it covers, leaving the rows given alone", () => {
    const rows = [
      ["1.1", "Panels", "Head of HR"],
      ["1.2", "Mentoring"],
      ["1.3", "Data", ""],
      ["1.4", "Audit", "Head of EDI"],
    ];
    const filled = fillMergedColumns(rows, [{ top: 0, left: 2, bottom: 3, right: 2 }]);
    expect(filled.map((r) => r[2])).toEqual(["Head of HR", "Head of HR", "Head of HR", "Head of EDI"]);
    expect(rows[1]).toEqual(["1.2", "Mentoring"]);
    expect(rows[2]?.[2]).toBe("");
  });

  it("leaves ranges across columns, single cells and empty merged cells alone, and rows past the end", () => {
    const rows = [
      ["Objective 1", null, null],
      [null, "a", null],
      ["", "b", null],
      [null, "c", null],
    ];
    const filled = fillMergedColumns(rows, [
      { top: 0, left: 0, bottom: 1, right: 2 },
      { top: 1, left: 1, bottom: 1, right: 1 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 3, left: 1, bottom: 9, right: 1 },
    ]);
    expect(filled).toEqual(rows);
  });

  it("finds the widest range across columns starting in each row, ignoring ranges down one column", () => {
    const spans = rowSpans([
      { top: 1, left: 0, bottom: 1, right: 3 },
      { top: 1, left: 0, bottom: 1, right: 7 },
      { top: 1, left: 2, bottom: 1, right: 4 },
      { top: 4, left: 0, bottom: 9, right: 0 },
      { top: 6, left: 1, bottom: 6, right: 2 },
    ]);
    expect([...spans]).toEqual([
      [1, { top: 1, left: 0, bottom: 1, right: 7 }],
      [6, { top: 6, left: 1, bottom: 6, right: 2 }],
    ]);
  });
});

describe("fill colours and merges: exact edges", () => {
  it("reads hues of colours that are not fully saturated", () => {
    expect(ragOfColour("CC6633")).toBe("Amber");
    expect(ragOfColour("33CCBB")).toBe("Blue");
  });

  it("puts a hue exactly on a line into the colour above it", () => {
    expect(ragOfColour("451809")).toBe("Amber"); // hue 15
    expect(ragOfColour("404509")).toBe("Green"); // hue 65
    expect(ragOfColour("00483C")).toBe("Blue"); // hue 170
    expect(ragOfColour("420021")).toBe("Red"); // hue 330
    expect(ragOfColour("0F0F42")).toBe("Blue"); // chroma exactly 0.2
  });

  it("refuses five hex digits rather than reading a colour from them", () => {
    expect(ragOfColour("FF00F")).toBeNull();
  });

  it("compares an ARGB colour with an RGB one either way round", () => {
    expect(sameColour("FF00B050", "#00b050")).toBe(true);
  });

  it("leaves rows alone under an empty cell merged down", () => {
    expect(fillMergedColumns([["x"], ["a"]], [{ top: 0, left: 1, bottom: 1, right: 1 }])).toEqual([["x"], ["a"]]);
  });

  it("keeps the first of two ranges as wide, and a wider one over a narrower one further right", () => {
    const spans = rowSpans([
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 1, left: 3, bottom: 1, right: 5 },
      { top: 2, left: 0, bottom: 2, right: 3 },
      { top: 2, left: 4, bottom: 2, right: 5 },
      { top: 3, left: 2, bottom: 3, right: 4 },
      { top: 3, left: 0, bottom: 3, right: 4 },
    ]);
    expect([spans.get(1)?.left, spans.get(2)?.left, spans.get(3)?.left]).toEqual([0, 0, 0]);
  });
});
