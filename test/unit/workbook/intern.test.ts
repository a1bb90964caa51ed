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
  });
});
