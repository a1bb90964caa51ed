// A small reader for the zip container of an .xlsx. We read the central directory ourselves, so
// every entry's declared size is checked against the budget before anything is inflated, and no
// entry is ever given more memory than it declared: a zip bomb ends with a WorkbookError, never
// an out-of-memory, and every entry is inflated as a stream that stops at the first step past its
// budget, so a bomb costs well under a second of CPU, never minutes.
import { ZStream, Z_NO_FLUSH, Z_OK, Z_STREAM_END, zlibInflate, zlibInflateInit2 } from "pako";
import { fileError } from "./errors";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Tracks uncompressed bytes against the workbook's budget across all entries. */
export interface InflateBudget {
  file: string;
  limit: number;
  used: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/**
 * Output asked of the inflater per call: small enough to stay in the processor's cache while the scanner reads
 * it, and the step at which the declared size, the budget and the expansion ratio are checked.
 */
const STEP = 256 * 1024;
/**
 * Past this much output, a part that has expanded more than MAX_RATIO times its compressed bytes is refused
 * as a bomb. Workbook XML written by Excel and HR systems expands 5 to 20 times; only long runs of one
 * repeated byte expand hundreds of times, and no sheet of real data is made of them.
 */
const RATIO_GRACE = 16 * 1024 * 1024;
const MAX_RATIO = 200;

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function corrupt(file: string, detail: string) {
  return fileError(
    file,
    "file-corrupt",
    `${file} is not a readable workbook: the zip container is damaged (${detail}).`,
    { detail },
  );
}

/** Lists the entries of a zip archive from its central directory. */
export function listEntries(file: string, bytes: Uint8Array): Map<string, ZipEntry> {
  // The end-of-central-directory record sits in the last 22 + up to 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, "no central directory");
  let count = u16(bytes, eocd + 10);
  let cdOffset = u32(bytes, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === SIG_EOCD64_LOCATOR) {
    const eocd64 = u64(bytes, eocd - 20 + 8);
    count = u64(bytes, eocd64 + 32);
    cdOffset = u64(bytes, eocd64 + 48);
  }
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw corrupt(file, "bad central directory entry");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localHeaderOffset = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64: the real sizes live in extra field 0x0001, in this order, only where the 32-bit field is full.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(bytes, e);
      const size = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, q);
      }
      e += 4 + size;
    }
    entries.set(name.replace(/\\/g, "/"), { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLen;
  }
  refuseOverlaps(file, entries);
  return entries;
}

/**
 * Entries whose data overlap are how a "non-recursive" zip bomb multiplies one deflate stream into
 * thousands of parts; no zip writer produces them. Each entry takes at least its 30-byte local header,
 * its name and its compressed data.
 */
function refuseOverlaps(file: string, entries: Map<string, ZipEntry>): void {
  const spans = [...entries.values()].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1]!;
    const after = spans[i]!;
    if (after.localHeaderOffset < before.localHeaderOffset + 30 + before.compressedSize) {
      throw corrupt(file, `${before.name} and ${after.name} overlap`);
    }
  }
}

/** Inflates one entry, refusing to go past its declared size or the workbook's budget. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const data = entryData(bytes, entry, budget);
  if (entry.method === 0) {
    budget.used += data.length;
    return data;
  }
  if (entry.uncompressedSize === 0 && data.length <= 2) return new Uint8Array(0);
  const out = inflateBounded(data, entry, budget);
  budget.used += out.length;
  return out;
}

/** The entry's stored bytes, after the checks every read makes (encryption, budget, header, method). */
function entryData(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const { file } = budget;
  if (entry.flags & 1) {
    throw fileError(
      file,
      "file-encrypted",
      `${file} is password-protected. Remove the password in Excel (File > Info > Protect Workbook) and try again.`,
    );
  }
  if (budget.used + entry.uncompressedSize > budget.limit) throw tooBig(budget, entry.name);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== SIG_LOCAL) throw corrupt(file, `bad local header for ${entry.name}`);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(file, `${entry.name} is truncated`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize)
    throw corrupt(file, `${entry.name} has inconsistent sizes`);
  if (entry.method !== 0 && entry.method !== 8)
    throw corrupt(file, `${entry.name} uses unsupported compression method ${entry.method}`);
  return data;
}

/**
 * Reads an entry's bytes as they are inflated, never holding more than a few megabytes of them: after each
 * step, `consume(buffer, start, end, final)` is given the bytes not yet consumed (buffer[start..end)) and
 * returns how far it consumed (start..end; bytes it leaves are given again, with more after them, next
 * time). A worksheet of a million rows is read in the memory of a few rows. The same checks as readEntry:
 * the declared size, the workbook's budget and the expansion ratio; errors the consumer throws pass through.
 */
export function readEntryStream(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  consume: (buffer: Uint8Array, start: number, end: number, final: boolean) => number,
): void {
  const data = entryData(bytes, entry, budget);
  if (entry.method === 0 || (entry.uncompressedSize === 0 && data.length <= 2)) {
    const whole = entry.method === 0 ? data : new Uint8Array(0);
    budget.used += whole.length;
    consume(whole, 0, whole.length, true);
    return;
  }
  const inflater = new EntryInflater(data, entry, budget);
  let buffer = new Uint8Array(Math.min(entry.uncompressedSize, STREAM_BUFFER) + STEP);
  /** Output bytes in buffer (buffer[0..length)), of which the consumer has consumed those before `consumed`. */
  let length = 0;
  let consumed = 0;
  for (;;) {
    if (buffer.length - length < STEP) {
      // Keep only what the consumer has not consumed: a partial row, not the sheet.
      buffer.copyWithin(0, consumed, length);
      length -= consumed;
      consumed = 0;
      if (buffer.length - length < STEP) {
        const bigger = new Uint8Array(Math.max(buffer.length * 2, length + STEP));
        bigger.set(buffer.subarray(0, length));
        buffer = bigger;
      }
    }
    length = inflater.into(buffer, length);
    if (inflater.ended) break;
    consumed = consume(buffer, consumed, length, false);
  }
  budget.used += inflater.written;
  consume(buffer, consumed, length, true);
}

/** Output a streamed entry's buffer starts with room for (it grows only for a consumer that consumes nothing). */
const STREAM_BUFFER = 4 * 1024 * 1024;

function inflateBounded(data: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const inflater = new EntryInflater(data, entry, budget);
  // Zero pages cost nothing until written: memory follows the output, not the declared size. The step past
  // the declared size is room to see how far a part that lies about its size goes.
  const buffer = new Uint8Array(entry.uncompressedSize + STEP);
  let length = 0;
  while (!inflater.ended) length = inflater.into(buffer, length);
  return buffer.subarray(0, length);
}

/**
 * One entry's raw deflate stream (zip method 8), inflated by pako's port of zlib a step at a time into a
 * buffer of ours. zlib keeps its 32 KiB window itself, so each step writes only new output, where it is
 * asked to, and allocates nothing. fflate's stream, which hands each chunk out as a fresh array, took nearly
 * twice as long on a 45 MB worksheet, much of it the memory system giving out pages never written before.
 *
 * After each step, and so before going on, the output is checked: past the declared size (damage, or a lie),
 * past the workbook's budget, or, beyond RATIO_GRACE, past MAX_RATIO times the compressed bytes read (a bomb
 * that declares a size it would take seconds to reach). A bomb stops within a step of being seen; a one-shot
 * inflate could not stop, and spends minutes of CPU on a 25 MB file that inflates to 16 GB.
 */
class EntryInflater {
  private readonly stream = new ZStream();
  /** Output bytes so far. */
  written = 0;
  /** Whether the deflate stream has ended, and given exactly its declared size. */
  ended = false;

  constructor(
    data: Uint8Array,
    private readonly entry: ZipEntry,
    private readonly budget: InflateBudget,
  ) {
    zlibInflateInit2(this.stream, -15); // negative: raw deflate, no zlib header, 32 KiB window
    this.stream.input = data;
    this.stream.next_in = 0;
    this.stream.avail_in = data.length;
  }

  /** Inflates up to STEP bytes (never past the buffer) into out[at..), and returns the offset after them. */
  into(out: Uint8Array<ArrayBuffer>, at: number): number {
    const { stream, entry, budget } = this;
    stream.output = out;
    stream.next_out = at;
    stream.avail_out = Math.min(STEP, out.length - at);
    const status = zlibInflate(stream, Z_NO_FLUSH);
    this.written += stream.next_out - at;
    if (this.written > entry.uncompressedSize) {
      if (budget.used + this.written > budget.limit) throw tooBig(budget, entry.name);
      throw corrupt(budget.file, `${entry.name} inflates past its declared size`);
    }
    if (this.written > RATIO_GRACE && this.written > MAX_RATIO * stream.next_in) throw bomb(budget, entry.name);
    if (status === Z_STREAM_END) {
      if (this.written !== entry.uncompressedSize) throw corrupt(budget.file, `${entry.name} is shorter than declared`);
      this.ended = true;
    } else if (status !== Z_OK) {
      // zlib's own words for damage ("invalid block type"); none when the data stops before the stream ends.
      throw corrupt(budget.file, `${entry.name}: ${stream.msg || "the data ends before the deflate stream does"}`);
    }
    return stream.next_out;
  }
}

function tooBig(budget: InflateBudget, part: string) {
  const mb = Math.round(budget.limit / 1e6);
  return fileError(
    budget.file,
    "file-too-large",
    `${budget.file} would expand to more than ${mb} MB when opened (at part ${part}), which is over the limit. Split the workbook or remove unused sheets.`,
    { limitBytes: budget.limit, part },
  );
}

function bomb(budget: InflateBudget, part: string) {
  return fileError(
    budget.file,
    "file-too-large",
    `${budget.file} is not a real workbook: its part ${part} expands more than ${MAX_RATIO} times its packed size, as only a zip bomb does. It was not opened.`,
    { limitBytes: budget.limit, part, ratio: MAX_RATIO },
  );
}
