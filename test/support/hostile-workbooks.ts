// Builds hostile workbooks in memory at test time (nothing multi-megabyte is committed): zip bombs,
// damaged containers and malicious SpreadsheetML. A small zip writer of our own, so every field a hostile
// file can lie in (declared sizes, offsets, CRCs, entry counts) can be set to the lie, and every field another
// writer may fill differently (extra fields, comments, flags, Zip64) can be written.
import { crc32, deflateRawSync } from "node:zlib";

export interface RawEntry {
  name: string;
  /** The bytes stored in the zip (already compressed when method is 8). */
  stored: Uint8Array;
  /** 0 stored, 8 deflated; any other number is a method the reader does not support. */
  method: number;
  /** The uncompressed size the central directory declares. */
  declaredSize: number;
  crc: number;
  /** General purpose flags (bit 0: encrypted by the zip itself). */
  flags?: number;
  /** Extra fields of the central record (a timestamp, say), before any Zip64 one. */
  extra?: Uint8Array;
  /** Extra fields of the local header, between the name and the data (Info-ZIP writes timestamps there). */
  localExtra?: Uint8Array;
  comment?: string;
  /** Point this entry's central record at another entry's local header (overlapping entries). */
  sameDataAs?: string;
  /** Move the local header's offset the central record gives by this many bytes (into the entry before it). */
  offsetShift?: number;
}

/** An honest entry: deflated bytes, true size and CRC. */
export function entry(name: string, content: string | Uint8Array): RawEntry {
  const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return {
    name,
    stored: new Uint8Array(deflateRawSync(data)),
    method: 8,
    declaredSize: data.length,
    crc: crc32(data) >>> 0,
  };
}

/** An honest entry stored without compression. */
export function storedEntry(name: string, content: string | Uint8Array): RawEntry {
  const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, stored: data, method: 0, declaredSize: data.length, crc: crc32(data) >>> 0 };
}

/** An extra field of the given id (a timestamp, say) that a reader must step over. */
export function extraField(id: number, length: number): Uint8Array {
  const out = new Uint8Array(4 + length).fill(0xab);
  new DataView(out.buffer).setUint16(0, id, true);
  new DataView(out.buffer).setUint16(2, length, true);
  return out;
}

export type Zip64Field = "size" | "packed" | "offset";

export interface ZipOptions {
  /**
   * Write Zip64: each central record gives the `zip64Fields` (all three unless said) as 0xffffffff and the real
   * values in a Zip64 extra field, in the order the format lists them; the end record gives the directory's offset
   * as 0xffffffff (and its count too with "count"), the real ones in a Zip64 end record found through its locator;
   * "count only" gives the count as 0xffff and the offset as it is (65,535 entries or more in under 4 GB).
   */
  zip64?: "offset" | "count" | "count only";
  zip64Fields?: Zip64Field[];
  /** The archive's comment, after the end record. */
  comment?: string;
  /** The central directory lists the entries in the reverse of their data's order. */
  reverseDirectory?: boolean;
}

/** Writes a zip: local headers and data, then the central directory and its end record(s). */
export function writeZip(entries: RawEntry[], options: ZipOptions = {}): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  let at = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    at += b.length;
  };
  const record = (size: number, fill: (v: DataView) => void) => {
    const v = new DataView(new ArrayBuffer(size));
    fill(v);
    push(new Uint8Array(v.buffer));
  };
  const version = options.zip64 ? 45 : 20;
  for (const e of entries) {
    if (e.sameDataAs) continue;
    const name = enc.encode(e.name);
    offsets.set(e.name, at);
    record(30, (h) => {
      h.setUint32(0, 0x04034b50, true);
      h.setUint16(4, 20, true);
      h.setUint16(6, e.flags ?? 0, true);
      h.setUint16(8, e.method, true);
      h.setUint32(14, e.crc, true);
      h.setUint32(18, e.stored.length, true);
      h.setUint32(22, Math.min(e.declaredSize, 0xffffffff), true);
      h.setUint16(26, name.length, true);
      h.setUint16(28, e.localExtra?.length ?? 0, true);
    });
    push(name);
    push(e.localExtra ?? new Uint8Array(0));
    push(e.stored);
  }
  const cdStart = at;
  const big = (field: Zip64Field) =>
    options.zip64 !== undefined && (options.zip64Fields ?? ["size", "packed", "offset"]).includes(field);
  for (const e of options.reverseDirectory ? [...entries].reverse() : entries) {
    const name = enc.encode(e.name);
    const comment = enc.encode(e.comment ?? "");
    const source = e.sameDataAs ? entries.find((x) => x.name === e.sameDataAs)! : e;
    const offset = offsets.get(source.name)! + (e.offsetShift ?? 0);
    const full = [
      ...(big("size") ? [e.declaredSize] : []),
      ...(big("packed") ? [source.stored.length] : []),
      ...(big("offset") ? [offset] : []),
    ];
    const zip64 = new Uint8Array(options.zip64 ? 4 + 8 * full.length : 0);
    if (options.zip64) {
      const z = new DataView(zip64.buffer);
      z.setUint16(0, 1, true);
      z.setUint16(2, 8 * full.length, true);
      full.forEach((value, i) => z.setBigUint64(4 + 8 * i, BigInt(value), true));
    }
    const extra = new Uint8Array([...(e.extra ?? []), ...zip64]);
    record(46, (c) => {
      c.setUint32(0, 0x02014b50, true);
      c.setUint16(4, version, true);
      c.setUint16(6, version, true);
      c.setUint16(8, e.flags ?? 0, true);
      c.setUint16(10, source.method, true);
      c.setUint32(16, source.crc, true);
      c.setUint32(20, big("packed") ? 0xffffffff : source.stored.length, true);
      c.setUint32(24, big("size") ? 0xffffffff : Math.min(e.declaredSize, 0xffffffff), true);
      c.setUint16(28, name.length, true);
      c.setUint16(30, extra.length, true);
      c.setUint16(32, comment.length, true);
      c.setUint32(42, big("offset") ? 0xffffffff : offset, true);
    });
    push(name);
    push(extra);
    push(comment);
  }
  const cdEnd = at;
  if (options.zip64) {
    const zip64End = at;
    record(56, (z) => {
      z.setUint32(0, 0x06064b50, true);
      z.setBigUint64(4, 44n, true);
      z.setUint16(12, 45, true);
      z.setUint16(14, 45, true);
      z.setBigUint64(24, BigInt(entries.length), true);
      z.setBigUint64(32, BigInt(entries.length), true);
      z.setBigUint64(40, BigInt(cdEnd - cdStart), true);
      z.setBigUint64(48, BigInt(cdStart), true);
    });
    record(20, (l) => {
      l.setUint32(0, 0x07064b50, true);
      l.setBigUint64(8, BigInt(zip64End), true);
      l.setUint32(16, 1, true);
    });
  }
  const comment = enc.encode(options.comment ?? "");
  const count = options.zip64 === "count" || options.zip64 === "count only" ? 0xffff : entries.length;
  record(22, (end) => {
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, count, true);
    end.setUint16(10, count, true);
    end.setUint32(12, cdEnd - cdStart, true);
    end.setUint32(16, options.zip64 && options.zip64 !== "count only" ? 0xffffffff : cdStart, true);
    end.setUint16(20, comment.length, true);
  });
  push(comment);
  const out = new Uint8Array(at);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

/** The parts of a workbook whose sheets are at the given paths (sheet i named by names[i]). */
export function workbookParts(sheets: { name: string; path: string }[], sharedStrings?: string): RawEntry[] {
  const rels = sheets
    .map(
      (s, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.path.replace(/^xl\//, "")}"/>`,
    )
    .join("");
  const sst =
    sharedStrings === undefined
      ? ""
      : `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`;
  const out = [
    entry("[Content_Types].xml", CONTENT_TYPES),
    entry("_rels/.rels", ROOT_RELS),
    entry(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    ),
    entry(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${sst}</Relationships>`,
    ),
  ];
  if (sharedStrings !== undefined) out.push(entry("xl/sharedStrings.xml", sharedStrings));
  return out;
}

/** A one-sheet workbook whose sheet part is the given entry. */
export function workbookWithSheet(sheet: RawEntry, sharedStrings?: string): Uint8Array {
  return writeZip([...workbookParts([{ name: "Staff", path: sheet.name }], sharedStrings), sheet]);
}

/** Worksheet XML from rows of inline cells: numbers as numbers, text as inline strings. */
export function sheetXml(rows: (string | number)[][], extra = ""): string {
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => cellXml(r, c, v)).join("")}</row>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${extra}<sheetData>${body}</sheetData></worksheet>`;
}

function cellXml(r: number, c: number, v: string | number): string {
  const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  const text = v.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/**
 * A raw deflate stream of about `total` zero bytes in one block, built bit by bit rather than by deflating
 * them (which would take minutes): a dynamic Huffman block whose only codes are literal 0, end of block
 * and "copy 258 bytes from distance 1", each copy 2 bits. It expands 1,032 times, deflate's maximum, and
 * has no stored blocks (fflate's one-shot inflate stops at a stored block past a full buffer, which would
 * hide the minutes it spends on a bomb without them).
 */
export function zeroBomb(total: number): Uint8Array {
  const copies = Math.max(1, Math.ceil((total - 1) / 258));
  const bits = new BitWriter();
  bits.write(1, 1); // BFINAL
  bits.write(2, 2); // BTYPE: dynamic Huffman
  bits.write(286 - 257, 5); // HLIT: literal/length codes 0..285
  bits.write(1 - 1, 5); // HDIST: one distance code
  bits.write(18 - 4, 4); // HCLEN: code length codes up to symbol 1 in the order below
  // Code length code lengths, in deflate's order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1: symbol 18 gets 1 bit, 1 and 2 get 2.
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  for (const sym of order) bits.write(sym === 18 ? 1 : sym === 1 || sym === 2 ? 2 : 0, 3);
  // Codes for the code length alphabet (canonical): 18 -> 0, 1 -> 10, 2 -> 11.
  const cl = { 18: [0, 1], 1: [0b10, 2], 2: [0b11, 2] } as const;
  const zeros = (n: number) => {
    for (let left = n; left > 0;) {
      const run = Math.min(138, left);
      bits.code(...cl[18]);
      bits.write(run - 11, 7);
      left -= run;
    }
  };
  bits.code(...cl[2]); // literal 0: length 2
  zeros(255); // literals 1..255 unused
  bits.code(...cl[2]); // 256 (end of block): length 2
  zeros(28); // lengths 257..284 unused
  bits.code(...cl[1]); // 285 (length 258): length 1
  bits.code(...cl[1]); // distance code 0 (distance 1): length 1
  // Literal/length codes: 285 -> 0, literal 0 -> 10, 256 -> 11. Distance 0 -> 0.
  bits.code(0b10, 2); // one literal zero
  const headerBits = bits.length;
  // Each copy is length code 0 then distance code 0: two zero bits, already zero in the buffer.
  const eob = headerBits + copies * 2;
  const out = new Uint8Array(Math.ceil((eob + 2) / 8));
  out.set(bits.bytes());
  // End of block: code 11 (written most significant bit first, as Huffman codes are).
  for (const [k, bit] of [1, 1].entries()) out[(eob + k) >> 3]! |= bit << ((eob + k) & 7);
  return out;
}

class BitWriter {
  private readonly out: number[] = [];
  length = 0;

  /** A value of n bits, least significant first (header fields, extra bits). */
  write(value: number, n: number): void {
    for (let i = 0; i < n; i++) this.bit((value >> i) & 1);
  }

  /** A Huffman code of n bits, most significant first. */
  code(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.bit((value >> i) & 1);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  private bit(b: number): void {
    if ((this.length & 7) === 0) this.out.push(0);
    this.out[this.out.length - 1]! |= b << (this.length & 7);
    this.length++;
  }
}

/** A sheet entry whose data is a bomb of `actual` zero bytes that declares `declared` bytes. */
export function bombEntry(name: string, actual: number, declared: number): RawEntry {
  return { name, stored: zeroBomb(actual), method: 8, declaredSize: declared, crc: 0 };
}

export const MB = 1024 * 1024;
