// The deflate sample that primes fflate's inflater (src/workbook/zip.ts) must be what its comment says: a valid
// stream of worksheet-like XML with a fixed-code block first and sync flushes (empty stored blocks) after the
// blocks, or the priming would teach V8 nothing about the paths real parts take.
import { Inflate, inflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  DEFLATE_SAMPLE_BASE64,
  SAMPLE_DYNAMIC_CODES_END,
  SAMPLE_FIXED_END,
  SAMPLE_STORED_START,
} from "../../../src/workbook/deflate-sample";

const sample = Uint8Array.from(atob(DEFLATE_SAMPLE_BASE64), (c) => c.charCodeAt(0));

/** Where the 4 bytes of an empty stored block's length and its complement (00 00 ff ff) occur. */
function syncFlushes(bytes: Uint8Array): number {
  let n = 0;
  for (let k = 0; k + 3 < bytes.length; k++)
    if (bytes[k] === 0 && bytes[k + 1] === 0 && bytes[k + 2] === 0xff && bytes[k + 3] === 0xff) n++;
  return n;
}

describe("the deflate sample that primes the inflater", () => {
  it("inflates to 1,490 bytes of worksheet rows", () => {
    expect(sample.length).toBe(467);
    const text = new TextDecoder().decode(inflateSync(sample));
    expect(text).toHaveLength(1490);
    expect(text.startsWith('<row r="1"><c r="A1" t="str"><v>')).toBe(true);
    expect(text).toContain("White &amp; Black African");
  });

  it("starts with a fixed-code block and has an empty stored block after each compressed part", () => {
    expect(sample[0]! & 0b111).toBe(0b010); // not final, fixed codes
    expect(syncFlushes(sample)).toBe(2);
  });

  it("has its blocks where the priming cuts it: the fixed block, the dynamic block's codes, the stored block", () => {
    const text = new TextDecoder().decode(inflateSync(sample));
    const upTo = (end: number) => {
      const chunks: Uint8Array[] = [];
      new Inflate((chunk) => chunks.push(chunk)).push(sample.subarray(0, end), false);
      return new TextDecoder().decode(Buffer.concat(chunks));
    };
    // The fixed block and its sync flush give the first 100 bytes of text, and nothing more.
    expect(upTo(SAMPLE_FIXED_END)).toBe(text.slice(0, 100));
    // One byte short of the end of the dynamic block's codes, its header is not complete: no more text.
    expect(upTo(SAMPLE_DYNAMIC_CODES_END - 1)).toBe(text.slice(0, 100));
    // The final stored block: BFINAL 1, type 0, then its length (40) and the length's complement.
    expect(sample[SAMPLE_STORED_START]! & 0b111).toBe(0b001);
    expect([...sample.subarray(SAMPLE_STORED_START + 1, SAMPLE_STORED_START + 5)]).toEqual([40, 0, 0xd7, 0xff]);
    expect(sample.length - SAMPLE_STORED_START).toBe(5 + 40);
  });
});
