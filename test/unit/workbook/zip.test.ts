// The zip container on its own: listing entries from the central directory (extra fields, comments, Zip64,
// names written with backslashes), reading an entry whole or as a stream, and each refusal with its words. The
// workbook tests reach this code only through files our writers and others' produce; these build the zips
// field by field, so each field a writer may fill differently is tried.
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { listEntries, readEntry, readEntryStream, type InflateBudget, type ZipEntry } from "../../../src/workbook/zip";
import {
  entry as deflated,
  extraField,
  storedEntry as stored,
  writeZip as zip,
  type RawEntry,
} from "../../support/hostile-workbooks";
import { errorOf } from "./fixtures";

const MiB = 1024 * 1024;

const enc = new TextEncoder();

const budgetOf = (limit = 100 * MiB): InflateBudget => ({ file: "t.xlsx", limit, used: 0 });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Reads each entry as a stream, consuming everything it is given, and returns the text. */
function streamed(bytes: Uint8Array, entry: ZipEntry, budget = budgetOf()): string {
  const chunks: string[] = [];
  readEntryStream(bytes, entry, budget, (buffer, start, end) => {
    chunks.push(text(buffer.subarray(start, end)));
    return end;
  });
  return chunks.join("");
}

/** The issue of the WorkbookError a read is refused with. */
const refusal = (read: () => unknown) => errorOf(read).issue;

const PARTS = [
  deflated("xl/workbook.xml", "<workbook><sheets/></workbook>"),
  stored("[Content_Types].xml", "<Types/>"),
  deflated("xl/worksheets/sheet1.xml", "<worksheet>" + '<row r="1"><c><v>1</v></c></row>'.repeat(50) + "</worksheet>"),
];

/** Every entry's name and content, read whole and read as a stream. */
function contents(bytes: Uint8Array) {
  const entries = listEntries("t.xlsx", bytes);
  return [...entries].map(([key, e]) => ({
    key,
    name: e.name,
    whole: text(readEntry(bytes, e, budgetOf())),
    stream: streamed(bytes, e),
  }));
}

/** The plain zip's contents, read in each test that compares with them (never in a describe body). */
const plainContents = () => contents(zip(PARTS));

describe("listing a zip's entries", () => {
  it("reads each entry's name and content, whole and as a stream", () => {
    const plain = plainContents();
    expect(plain.map((c) => [c.key, c.name])).toEqual(PARTS.map((p) => [p.name, p.name]));
    expect(plain[0]!.whole).toBe("<workbook><sheets/></workbook>");
    expect(plain[1]).toMatchObject({ whole: "<Types/>", stream: "<Types/>" });
    expect(plain[2]!.whole).toMatch(/^<worksheet><row r="1">.*<\/worksheet>$/);
    for (const c of plain) expect(c.stream).toBe(c.whole);
  });

  it("steps over other extra fields and the comments of entries and of the archive", () => {
    const parts = PARTS.map((p, i) => ({ ...p, extra: extraField(0x5455, 5 + i * 4), comment: `note ${i}` }));
    expect(contents(zip(parts, { comment: "archive note" }))).toEqual(plainContents());
  });

  it("reads a Zip64 archive: sizes and offsets in the Zip64 extra field, the directory found through the locator", () => {
    const plain = plainContents();
    expect(contents(zip(PARTS, { zip64: "offset" }))).toEqual(plain);
    expect(contents(zip(PARTS, { zip64: "count" }))).toEqual(plain);
    // Only the count overflows (65,535 entries or more, in under 4 GB): the true count is in the Zip64 end record.
    expect(contents(zip(PARTS, { zip64: "count only", zip64Fields: [] }))).toEqual(plain);
    // Only the fields that did not fit: the offset alone, the sizes alone.
    expect(contents(zip(PARTS, { zip64: "offset", zip64Fields: ["offset"] }))).toEqual(plain);
    expect(contents(zip(PARTS, { zip64: "offset", zip64Fields: ["size", "packed"] }))).toEqual(plain);
    expect(contents(zip(PARTS, { zip64: "offset", zip64Fields: ["packed"] }))).toEqual(plain);
    // Other extra fields before the Zip64 one.
    const parts = PARTS.map((p) => ({ ...p, extra: extraField(0x000a, 32) }));
    expect(contents(zip(parts, { zip64: "offset" }))).toEqual(plain);
  });

  it("reads data after a local header's own extra fields, which may differ from the central record's", () => {
    // Info-ZIP and macOS write timestamps and owner ids in the local header: the data starts after them.
    const parts = PARTS.map((p, i) => ({ ...p, localExtra: extraField(0x5455, 9 + i) }));
    expect(contents(zip(parts))).toEqual(plainContents());
  });

  it("reads a directory that lists the entries in another order than their data", () => {
    const entries = listEntries("t.xlsx", zip(PARTS, { reverseDirectory: true }));
    expect([...entries.keys()]).toEqual(PARTS.map((p) => p.name).reverse());
    expect(contents(zip(PARTS, { reverseDirectory: true }))).toEqual(plainContents().reverse());
  });

  it("refuses an entry whose local header starts one byte inside the data of the entry before it", () => {
    const [first, second] = PARTS;
    // The second header moved back by the first's name and one byte: into the first's last byte of data.
    const shifted = { ...second!, offsetShift: -(enc.encode(first!.name).length + 1) };
    for (const reverseDirectory of [false, true])
      expect(refusal(() => listEntries("t.xlsx", zip([first!, shifted], { reverseDirectory }))).params).toEqual({
        detail: `${first!.name} and ${second!.name} overlap`,
      });
  });

  it("keys a name written with backslashes by its slashes, and keeps the name as written", () => {
    const entries = listEntries("t.xlsx", zip([stored("xl\\worksheets\\sheet1.xml", "<worksheet/>")]));
    expect([...entries.keys()]).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(entries.get("xl/worksheets/sheet1.xml")!.name).toBe("xl\\worksheets\\sheet1.xml");
  });

  it("refuses a file with no central directory, saying so", () => {
    const issue = refusal(() => listEntries("t.xlsx", enc.encode("not a zip at all, only text")));
    expect(issue).toMatchObject({ code: "file-corrupt", params: { detail: "no central directory" } });
    expect(issue.message).toBe(
      "t.xlsx is not a readable workbook: the zip container is damaged (no central directory).",
    );
  });

  it("refuses a central directory whose second entry is not one", () => {
    const bytes = zip(PARTS);
    expect(listEntries("t.xlsx", bytes).size).toBe(3);
    // The second central record starts right after the first: its signature overwritten.
    const view = new DataView(bytes.buffer);
    const cd = view.getUint32(bytes.length - 22 + 16, true);
    const first = 46 + view.getUint16(cd + 28, true);
    view.setUint32(cd + first, 0x12345678, true);
    expect(refusal(() => listEntries("t.xlsx", bytes)).params).toEqual({ detail: "bad central directory entry" });
  });

  it("refuses a central record cut short by the end of the file", () => {
    const whole = zip([stored("xl/workbook.xml", "<workbook/>")]);
    const view = new DataView(whole.buffer);
    const cd = view.getUint32(whole.length - 22 + 16, true);
    // The record's first 20 bytes, then at once the end record, still pointing at it.
    const bytes = new Uint8Array([...whole.subarray(0, cd + 20), ...whole.subarray(whole.length - 22)]);
    new DataView(bytes.buffer).setUint32(bytes.length - 22 + 12, 20, true);
    expect(refusal(() => listEntries("t.xlsx", bytes)).params).toEqual({ detail: "bad central directory entry" });
  });

  it("never reads an entry's comment as its extra fields", () => {
    // A record that says its size is in a Zip64 field but has none, and a comment shaped like one (8 bytes).
    const comment = String.fromCharCode(1, 0, 8, 0, 11, 0, 0, 0, 0, 0, 0, 0);
    const bytes = zip([{ ...stored("xl/workbook.xml", "<workbook/>"), declaredSize: 0xffffffff, comment }]);
    const entry = listEntries("t.xlsx", bytes).get("xl/workbook.xml")!;
    expect(entry.uncompressedSize).toBe(0xffffffff);
    expect(refusal(() => readEntry(bytes, entry, budgetOf())).code).toBe("file-too-large");
  });
});

describe("reading an entry", () => {
  const one = (part: RawEntry) => {
    const bytes = zip([part]);
    return { bytes, entry: [...listEntries("t.xlsx", bytes).values()][0]! };
  };

  it("refuses an entry encrypted by the zip itself, telling how to remove the password", () => {
    const { bytes, entry } = one({ ...stored("xl/workbook.xml", "<workbook/>"), flags: 1 });
    for (const read of [() => readEntry(bytes, entry, budgetOf()), () => streamed(bytes, entry)]) {
      const issue = refusal(read);
      expect(issue.code).toBe("file-encrypted");
      expect(issue.message).toBe(
        "t.xlsx is password-protected. Remove the password in Excel (File > Info > Protect Workbook) and try again.",
      );
    }
  });

  it.each([
    // The file ends inside the entry's data (the directory says it runs further).
    [
      "truncated",
      (p: RawEntry) => p,
      (e: ZipEntry) => ({ ...e, compressedSize: e.compressedSize + 200 }),
      "is truncated",
    ],
    [
      "stored with two sizes",
      (p: RawEntry) => ({ ...p, declaredSize: 99 }),
      (e: ZipEntry) => e,
      "has inconsistent sizes",
    ],
    [
      "packed with another method",
      (p: RawEntry) => ({ ...p, method: 12, declaredSize: 11 }),
      (e: ZipEntry) => e,
      "uses unsupported compression method 12",
    ],
  ])("refuses an entry %s, naming it", (_, part, listed, detail) => {
    const { bytes, entry } = one(part(stored("xl/workbook.xml", "<workbook/>")));
    const damaged = listed(entry);
    for (const read of [() => readEntry(bytes, damaged, budgetOf()), () => streamed(bytes, damaged)])
      expect(refusal(read)).toMatchObject({ code: "file-corrupt", params: { detail: `xl/workbook.xml ${detail}` } });
  });

  it("refuses an entry whose local header is not where the directory says, naming it", () => {
    const { bytes, entry } = one(stored("xl/workbook.xml", "<workbook/>"));
    const moved = { ...entry, localHeaderOffset: 3 };
    for (const read of [() => readEntry(bytes, moved, budgetOf()), () => streamed(bytes, moved)])
      expect(refusal(read).params).toEqual({ detail: "bad local header for xl/workbook.xml" });
  });

  it("reads an empty part, stored or deflated, as nothing", () => {
    const emptyDeflate = new Uint8Array(deflateRawSync(new Uint8Array(0)));
    expect(emptyDeflate.length).toBeLessThanOrEqual(2);
    for (const part of [
      stored("a.xml", ""),
      { name: "b.xml", stored: emptyDeflate, method: 8, declaredSize: 0, crc: 0 },
      { name: "c.xml", stored: new Uint8Array(0), method: 8, declaredSize: 0, crc: 0 },
    ]) {
      const { bytes, entry } = one(part);
      expect(readEntry(bytes, entry, budgetOf())).toHaveLength(0);
      const finals: boolean[] = [];
      readEntryStream(bytes, entry, budgetOf(), (buffer, start, end, final) => {
        expect(end - start).toBe(0);
        finals.push(final);
        return end;
      });
      expect(finals).toEqual([true]);
    }
  });

  it("refuses a part that gives less than it declares, or more, naming it", () => {
    const real = "<sst>" + "<si><t>Band 5</t></si>".repeat(40) + "</sst>";
    const short = deflated("xl/sharedStrings.xml", real);
    for (const [size, detail] of [
      [real.length + 1, "xl/sharedStrings.xml is shorter than declared"],
      [real.length - 1, "xl/sharedStrings.xml inflates past its declared size"],
    ] as const) {
      const { bytes, entry } = one({ ...short, declaredSize: size });
      for (const read of [() => readEntry(bytes, entry, budgetOf()), () => streamed(bytes, entry)])
        expect(refusal(read)).toMatchObject({ code: "file-corrupt", params: { detail } });
    }
    // An empty block that declares 5 bytes gives none.
    const { bytes, entry } = one({
      name: "e.xml",
      stored: new Uint8Array(deflateRawSync(new Uint8Array(0))),
      method: 8,
      declaredSize: 5,
      crc: 0,
    });
    for (const read of [() => readEntry(bytes, entry, budgetOf()), () => streamed(bytes, entry)])
      expect(refusal(read).params).toEqual({ detail: "e.xml is shorter than declared" });
  });

  it("counts what each entry gives against the workbook's budget, and refuses the entry that would pass it", () => {
    const a = stored("a.xml", "x".repeat(600));
    const b = deflated("b.xml", "y".repeat(600));
    const bytes = zip([a, b]);
    const entries = listEntries("t.xlsx", bytes);
    for (const read of [
      (e: ZipEntry, budget: InflateBudget) => readEntry(bytes, e, budget),
      (e: ZipEntry, budget: InflateBudget) => streamed(bytes, e, budget),
    ]) {
      const budget = budgetOf(1000);
      read(entries.get("a.xml")!, budget);
      expect(budget.used).toBe(600);
      const issue = refusal(() => read(entries.get("b.xml")!, budget));
      expect(issue).toMatchObject({ code: "file-too-large", params: { limitBytes: 1000, part: "b.xml" } });
      const roomy = budgetOf(1200);
      read(entries.get("a.xml")!, roomy);
      read(entries.get("b.xml")!, roomy);
      expect(roomy.used).toBe(1200);
    }
  });

  it("refuses a damaged deflate stream as damaged, naming the part and what is wrong", () => {
    const { bytes, entry } = one({
      name: "xl/worksheets/sheet1.xml",
      stored: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 1, 2, 3]),
      method: 8,
      declaredSize: 50,
      crc: 0,
    });
    for (const read of [() => readEntry(bytes, entry, budgetOf()), () => streamed(bytes, entry)])
      expect(refusal(read)).toMatchObject({
        code: "file-corrupt",
        params: { detail: "xl/worksheets/sheet1.xml: invalid block type" },
      });
  });

  it("refuses a deflate stream cut short as damaged, naming the part, whole or as a stream", () => {
    // The compressed data stops half way (the zip's sizes agree with the cut): no byte past it is invented.
    const xml =
      "<sst>" + Array.from({ length: 400 }, (_, i) => `<si><t>Person ${i * 7919}</t></si>`).join("") + "</sst>";
    const whole = deflated("xl/sharedStrings.xml", xml);
    const { bytes, entry } = one({ ...whole, stored: whole.stored.subarray(0, whole.stored.length >> 1) });
    for (const read of [() => readEntry(bytes, entry, budgetOf()), () => streamed(bytes, entry)])
      expect(refusal(read)).toMatchObject({
        code: "file-corrupt",
        params: { detail: "xl/sharedStrings.xml: the data ends before the deflate stream does" },
      });
  });

  it("refuses a part declared empty that holds something, rather than reading it as empty", () => {
    const { bytes, entry } = one({ ...deflated("xl/sharedStrings.xml", "y".repeat(300)), declaredSize: 0 });
    for (const read of [() => readEntry(bytes, entry, budgetOf()), () => streamed(bytes, entry)])
      expect(refusal(read).params).toEqual({ detail: "xl/sharedStrings.xml inflates past its declared size" });
  });

  it("calls a part that outgrows its declared size too large only once it passes the budget, to the byte", () => {
    // One chunk of 600 bytes, declared as 100: damaged within a budget of 600, too large within 599.
    const { bytes, entry } = one({ ...deflated("a.xml", "x".repeat(600)), declaredSize: 100 });
    for (const read of [
      (budget: InflateBudget) => readEntry(bytes, entry, budget),
      (budget: InflateBudget) => streamed(bytes, entry, budget),
    ]) {
      expect(refusal(() => read(budgetOf(600))).code).toBe("file-corrupt");
      expect(refusal(() => read(budgetOf(599))).code).toBe("file-too-large");
    }
  });

  it("counts what a part gave before the chunk that outgrows its declared size against the budget", () => {
    // 230 KB of varied XML declared as 150,000 bytes, with a budget of exactly that: read in many slices, the
    // chunk that passes the declared size also passes the budget only with the bytes written before it.
    const xml =
      "<row>" + Array.from({ length: 20_000 }, (_, i) => `<c>${(i * 7919) % 100_003}</c>`).join("") + "</row>";
    const { bytes, entry } = one({ ...deflated("b.xml", xml), declaredSize: 150_000 });
    for (const read of [
      () => readEntry(bytes, entry, budgetOf(150_000)),
      () => streamed(bytes, entry, budgetOf(150_000)),
    ])
      expect(refusal(read)).toMatchObject({ code: "file-too-large", params: { part: "b.xml" } });
  });

  it("refuses a part that lies about its size when the lie would pass the budget, as too large", () => {
    // Declares 100 bytes (within the budget) and inflates to 5,000: past the budget, so "too large".
    const { bytes, entry } = one({ ...deflated("xl/worksheets/sheet1.xml", "z".repeat(5000)), declaredSize: 100 });
    for (const read of [() => readEntry(bytes, entry, budgetOf(1000)), () => streamed(bytes, entry, budgetOf(1000))])
      expect(refusal(read)).toMatchObject({ code: "file-too-large", params: { limitBytes: 1000 } });
  });
});

/** Worksheet rows that expand like real ones (about 10 times): varied numbers and words. */
function rowsXml(bytes: number): Uint8Array {
  const words = ["White British", "Asian Indian", "Black African", "Band 5", "Nursing", "Estates", "Not stated"];
  const out: string[] = [];
  let length = 0;
  for (let r = 1; length < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 1000003}</v></c><c r="B${r}" t="inlineStr"><is><t>${words[(r * 31) % 7]} ${(r * 13) % 97}</t></is></c></row>`;
    out.push(row);
    length += row.length;
  }
  return enc.encode(out.join(""));
}

describe("reading a large part as a stream", () => {
  it("hands the consumer every byte once, in order, in a buffer that stays a few megabytes for a 12 MB part", () => {
    const data = rowsXml(12 * MiB);
    const { bytes, entry } = (() => {
      const b = zip([deflated("xl/worksheets/sheet1.xml", data)]);
      return { bytes: b, entry: [...listEntries("t.xlsx", b).values()][0]! };
    })();
    let largest = 0;
    let calls = 0;
    let seen = 0;
    let mismatch = -1;
    let finals = 0;
    readEntryStream(bytes, entry, budgetOf(), (buffer, start, end, final) => {
      calls++;
      if (final) finals++;
      largest = Math.max(largest, buffer.length);
      // Consume up to the last row's end: the rest is handed again, with more after it.
      let upTo = end;
      if (!final) {
        upTo = start;
        for (let k = end - 1; k >= start; k--)
          if (buffer[k] === 0x3e && buffer[k - 1] === 0x77 && buffer[k - 2] === 0x6f) {
            upTo = k + 1;
            break;
          }
      }
      for (let k = start; k < upTo && mismatch < 0; k++, seen++) if (buffer[k] !== data[seen]) mismatch = seen;
      return upTo;
    });
    expect(mismatch).toBe(-1);
    expect(seen).toBe(data.length);
    expect(finals).toBe(1);
    // Steps of at most 256 KiB of output: many calls, each with a few hundred kilobytes.
    expect(calls).toBeGreaterThan(data.length / (256 * 1024));
    expect(largest).toBeLessThanOrEqual(4 * MiB + 256 * 1024);
  }, 60_000);

  it("refuses a part that expands past 16 MB at more than 200 times its packed size, as only a zip bomb does", () => {
    // Honest about its size, within the budget: only the ratio gives it away.
    const bytes = zip([deflated("xl/worksheets/sheet1.xml", new Uint8Array(20 * MiB).fill(0x20))]);
    const entry = listEntries("t.xlsx", bytes).get("xl/worksheets/sheet1.xml")!;
    for (const read of [() => readEntry(bytes, entry, budgetOf()), () => streamed(bytes, entry)]) {
      const issue = refusal(read);
      expect(issue).toMatchObject({
        code: "file-too-large",
        params: { limitBytes: 100 * MiB, part: "xl/worksheets/sheet1.xml", ratio: 200 },
      });
      expect(issue.message).toBe(
        "t.xlsx is not a real workbook: its part xl/worksheets/sheet1.xml expands more than 200 times its packed size, as only a zip bomb does. It was not opened.",
      );
    }
  }, 60_000);

  it("makes room when a slice gives far more than the slices before it (a run of one byte after noise)", () => {
    // 1 MB that does not compress (each slice gives about what it takes), then 12 MB of spaces (a few KB packed):
    // the slice where the run starts gives megabytes, more than the room made for it and than twice the buffer.
    const data = new Uint8Array(13 * MiB).fill(0x20);
    let seed = 12345;
    for (let i = 0; i < MiB; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      data[i] = seed >>> 24;
    }
    const bytes = zip([deflated("xl/worksheets/sheet1.xml", data)]);
    const entry = listEntries("t.xlsx", bytes).get("xl/worksheets/sheet1.xml")!;
    const parts: Uint8Array[] = [];
    readEntryStream(bytes, entry, budgetOf(), (buffer, start, end) => {
      parts.push(buffer.slice(start, end));
      return end;
    });
    expect(Buffer.compare(Buffer.concat(parts), data)).toBe(0);
  }, 60_000);

  it("reads a part past 16 MB that expands as workbook XML does, and a small part of one repeated byte", () => {
    const big = rowsXml(17 * MiB);
    const run = new Uint8Array(4 * MiB).fill(0x20);
    const bytes = zip([deflated("xl/worksheets/sheet1.xml", big), deflated("xl/worksheets/sheet2.xml", run)]);
    const entries = listEntries("t.xlsx", bytes);
    for (const [name, data] of [
      ["xl/worksheets/sheet1.xml", big],
      ["xl/worksheets/sheet2.xml", run],
    ] as const) {
      const e = entries.get(name)!;
      expect(e.uncompressedSize / e.compressedSize).toBeGreaterThan(name.endsWith("2.xml") ? 200 : 5);
      // Compared as bytes: a deep equality of 17 million elements is slow.
      expect(Buffer.compare(readEntry(bytes, e, budgetOf()), data)).toBe(0);
      let length = 0;
      readEntryStream(bytes, e, budgetOf(), (_, start, end) => {
        length += end - start;
        return end;
      });
      expect(length).toBe(data.length);
    }
  }, 60_000);
});
