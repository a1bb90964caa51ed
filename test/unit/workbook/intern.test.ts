// The text interner under the sheet scanner: each distinct text is decoded and stored once, and every cell of it
// gets the same number, whichever column it is in, however many texts there are.
import { describe, expect, it } from "vitest";
import { TextInterner, type TextStore } from "../../../src/workbook/intern";

/** A store that keeps every text it is given, so a test sees each decode. */
class Texts implements TextStore {
  readonly added: string[] = [];
  addText(text: string): number {
    return this.added.push(text) - 1;
  }
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** Interns `text` as a cell of column `col`, from the middle of a larger buffer as the scanner does. */
function intern(interner: TextInterner, store: Texts, text: string, col = 0, escaped = false): number {
  const b = bytes(`<v>${text}</v>`);
  return interner.intern(b, 3, b.length - 4, escaped, store, col);
}

describe("the text interner", () => {
  it("gives equal texts one number and decodes each distinct text once", () => {
    const interner = new TextInterner();
    const store = new Texts();
    const cells = ["White - British", "Band 5", "White - British", "Band 5", "Band 6", "White - British"];
    const ids = cells.map((text) => intern(interner, store, text));
    expect(store.added).toEqual(["White - British", "Band 5", "Band 6"]);
    expect(ids.map((id) => store.added[id])).toEqual(cells);
  });

  it("tells apart texts of the same length down one column, and the same text in different columns", () => {
    const interner = new TextInterner();
    const store = new Texts();
    const column = ["Band 5", "Band 6", "Band 6", "Band 5", "Band 7"];
    const ids = column.map((text) => intern(interner, store, text, 2));
    expect(ids.map((id) => store.added[id])).toEqual(column);
    expect(intern(interner, store, "Band 6", 0)).toBe(ids[1]);
    expect(intern(interner, store, "Band 7", 5000)).toBe(ids[4]);
    expect(store.added).toEqual(["Band 5", "Band 6", "Band 7"]);
  });

  it("tells apart two texts whose hashes are equal", () => {
    // "t032vu" and "t0auea" have the same 32-bit FNV-1a hash, seeded with their length.
    const interner = new TextInterner();
    const store = new Texts();
    const ids = ["t032vu", "t0auea", "t032vu", "t0auea"].map((text, i) => intern(interner, store, text, i));
    expect(store.added).toEqual(["t032vu", "t0auea"]);
    expect(ids).toEqual([0, 1, 0, 1]);
  });

  it("gives an empty text its own number in any column, not that of a text hashed alike", () => {
    // "aayphcw" has the same 32-bit FNV-1a hash, seeded with its length, as the empty text.
    const interner = new TextInterner();
    const store = new Texts();
    const cells: [string, number][] = [
      ["aayphcw", 0],
      ["", 2000],
      ["aayphcw", 1],
      ["", 1],
    ];
    const ids = cells.map(([text, col]) => intern(interner, store, text, col));
    expect(store.added).toEqual(["aayphcw", ""]);
    expect(ids).toEqual([0, 1, 0, 1]);
  });

  it("reads a text from its own bytes alone, whatever follows it in the buffer", () => {
    const interner = new TextInterner();
    const store = new Texts();
    const inCell = bytes("<v>Band 5</v>");
    const atEnd = bytes("<v>Band 5");
    const ids = [interner.intern(inCell, 3, 9, false, store, 0), interner.intern(atEnd, 3, 9, false, store, 1)];
    expect(store.added).toEqual(["Band 5"]);
    expect(ids).toEqual([0, 0]);
  });

  it("stops remembering texts past a million distinct ones, still giving each cell its text", () => {
    const interner = new TextInterner();
    const store = new Texts();
    const count = (1 << 20) + 1;
    // One buffer of every text, as a sheet part holds its cells: texts 0, 1, 2, ... as 7 digits each.
    const b = bytes(Array.from({ length: count }, (_, i) => String(i).padStart(7, "0")).join(""));
    for (let i = 0; i < count; i++) interner.intern(b, i * 7, i * 7 + 7, false, store, 0);
    // The last remembered text keeps its number; the one past the bound is decoded again each time it comes.
    const again = [count - 2, count - 1].map((i) => interner.intern(b, i * 7, i * 7 + 7, false, store, 1));
    expect(again).toEqual([count - 2, count]);
    expect(store.added[count]).toBe(String(count - 1).padStart(7, "0"));
  }, 30_000); // a million texts decoded: about 2 s alone, more on a busy machine

  it("decodes entities and escapes only in a text marked as having them", () => {
    const interner = new TextInterner();
    const store = new Texts();
    expect(store.added[intern(interner, store, "Tom &amp; Jerry_x000D_", 0, true)]).toBe("Tom & Jerry\r");
    expect(store.added[intern(interner, store, "Black &amp; British", 1, false)]).toBe("Black &amp; British");
  });

  it("keeps every number as its tables grow past many thousands of texts", () => {
    const interner = new TextInterner();
    const store = new Texts();
    const texts = Array.from({ length: 20_000 }, (_, i) => `person ${i} ${"x".repeat(i % 7)}`);
    const first = texts.map((text, i) => intern(interner, store, text, i % 3));
    const again = texts.map((text, i) => intern(interner, store, text, (i + 1) % 3));
    expect(again).toEqual(first);
    expect(store.added).toHaveLength(texts.length);
    expect(new Set(first).size).toBe(texts.length);
  });

  it("stops remembering texts past its memory bound, still giving each cell its text", () => {
    const interner = new TextInterner();
    const store = new Texts();
    // 65 texts of exactly 1 MiB: 64 fill the 64 MiB kept for remembered bytes; the last is decoded each time it comes.
    const big = Array.from({ length: 65 }, (_, i) => "x".repeat((1 << 20) - 2) + String(i).padStart(2, "0"));
    for (const text of big) intern(interner, store, text, 1);
    expect(store.added).toHaveLength(65);
    expect([0, 63, 64].map((i) => intern(interner, store, big[i]!, 2))).toEqual([0, 63, 65]);
    expect(store.added[65]).toBe(big[64]);
  }, 30_000); // 65 MiB of text: under 3 s alone, past 5 s on a busy machine
});
