// A small reader for the zip container of an .xlsx. We read the central directory ourselves, so
// every entry's declared size is checked against the budget before anything is inflated, and no
// entry is ever given more memory than it declared: a zip bomb ends with a WorkbookError, never
// an out-of-memory, and every entry is inflated as a stream that stops at the first slice past its
// budget, so a bomb costs well under a second of CPU, never minutes.
import { Inflate } from "fflate";
import {
  DEFLATE_SAMPLE_BASE64,
  SAMPLE_DYNAMIC_CODES_END,
  SAMPLE_FIXED_END,
  SAMPLE_STORED_START,
} from "./deflate-sample";
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
 * Compressed bytes pushed to the inflater at a time. Deflate expands at most 1,032 times, so a push yields at
 * most 1,032 times its slice. Slices aim at about TARGET_OUTPUT of output at the expansion seen so far and
 * fit the room left below the declared size, between 4 KiB (at most 4.1 MB out) and 32 KiB (33 MB). About
 * 256 KiB of output a push stays in the processor's cache while fflate copies it and the scanner reads it:
 * measured on a 40 MB worksheet, 1 MiB a push cost 1.7 times fflate's single call, 256 KiB about 1.1 times.
 */
const MIN_SLICE = 4 * 1024;
const MAX_SLICE = 32 * 1024;
const TARGET_OUTPUT = 256 * 1024;
const MAX_EXPANSION = 1032;
/** Room fflate wants past its write position before each block (it grows its buffer otherwise). */
const INFLATE_SLACK = 131_072;
/** Deflate's back-references reach 32 KiB; the inflater keeps that much of the output behind it. */
const WINDOW = 32_768;
/**
 * Past this much output, a part that has expanded more than MAX_RATIO times its compressed bytes is refused
 * as a bomb. Workbook XML written by Excel and HR systems expands 5 to 20 times; only long runs of one
 * repeated byte expand hundreds of times, and no sheet of real data is made of them.
 */
const RATIO_GRACE = 16 * 1024 * 1024;
const MAX_RATIO = 200;

/** fflate 0.8's Inflate keeps its output buffer in `o` and its state (`b`: bytes in `o`) in `s`. */
interface InflateInternals {
  o: Uint8Array;
  s: { b: number };
}

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

/**
 * Streaming makes fflate read past the end of its input at the end of every push (it reads a few bytes ahead,
 * then sees it has run out), each time wherever in its decoding loop the slice happens to end. V8 compiles the
 * inflater's loop for in-bounds reads and throws that code away at the first read past the end at each such
 * place, then compiles the whole (large) function again: five compilations in a cold run instead of one, about
 * a fifth of our CPU on a 10-column sheet, spent on the optimising compiler's thread. So before the first
 * inflate, the inflater is run, still in the interpreter, on a sample stream fed mostly a byte at a time (every
 * read site past the end, every kind of block: `primeOnSample`) and then on short prefixes of the part's own
 * deflate data (cut after each of its first bytes and then every few bytes): V8 notes each of those places,
 * and the loop is compiled once, ready for them. This changes no output (the runs' output is thrown away);
 * it costs a few milliseconds, once per process.
 */
let primed = false;
const PRIME_BYTES = 512;

function primeInflater(data: Uint8Array): void {
  if (primed || data.length < 32) return;
  primed = true;
  // One output buffer for all the runs, with the room fflate asks for (it grows its own past that).
  const out = new Uint8Array(INFLATE_SLACK + 16 * 1024);
  // First, before the inflater is hot enough for V8 to start compiling it: every read site past the end.
  primeOnSample(out);
  const sample = withEmptyBlockFirst(data.subarray(0, Math.min(data.length, PRIME_BYTES)));
  for (let cut = 6; cut < sample.length; cut += cut < 24 ? 1 : 40) {
    // A stream like the real ones (the same state object, so V8 sees one shape), cut short.
    const inflater = new Inflate(() => {});
    const internals = inflater as unknown as Partial<InflateInternals>;
    if (internals.o instanceof Uint8Array && typeof internals.s?.b === "number") internals.o = out;
    try {
      // In two pushes, as a stream goes on: V8 takes a field written only once for a constant.
      const half = cut >> 1;
      inflater.push(sample.subarray(0, half), false);
      inflater.push(sample.subarray(half, cut), false);
    } catch {
      // Not deflate data after all: nothing to learn from it, and nothing is lost.
    }
  }
}

/**
 * A stream fed a byte at a time runs out of input wherever each byte ends: also where a code ends exactly at a
 * byte boundary, so that the next read starts past the end (rare for any one cut of real data, and each of
 * the inflater's read sites must have met it, or the compiled loop is thrown away when a slice first ends
 * there). The sample takes every kind of block and code-length header, which the first bytes of one part
 * (one block's header) do not. Its dynamic block's header and its stored block go in one push each: cut
 * short, a header's code tables would be built again at every byte (tens of milliseconds), and a stored
 * block is copied, not decoded. About 5 ms, once per process.
 */
function primeOnSample(out: Uint8Array): void {
  const inflater = new Inflate(() => {});
  const internals = inflater as unknown as Partial<InflateInternals>;
  if (!(internals.o instanceof Uint8Array) || typeof internals.s?.b !== "number") return;
  const sample = deflateSample();
  const push = (from: number, to: number) => {
    // The window fflate kept (all the output so far, under 32 KiB) moved into the roomy buffer, so that
    // fflate does not allocate a bigger one at every push.
    out.set(internals.o!);
    internals.o = out;
    inflater.push(sample.subarray(from, to), to === sample.length);
  };
  try {
    for (let k = 0; k < SAMPLE_FIXED_END; k++) push(k, k + 1);
    push(SAMPLE_FIXED_END, SAMPLE_DYNAMIC_CODES_END);
    for (let k = SAMPLE_DYNAMIC_CODES_END; k < SAMPLE_STORED_START; k++) push(k, k + 1);
    push(SAMPLE_STORED_START, sample.length);
  } catch {
    // Some other fflate than the one this was written for: nothing to learn from it, and nothing is lost.
  }
}

function deflateSample(): Uint8Array {
  const text = atob(DEFLATE_SAMPLE_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
  return bytes;
}

/**
 * The deflate stream with an empty block in front (not final, fixed codes, at once its end: 10 bits), so that
 * each prefix also ends a block and starts another, as a real stream does between pushes; without it, V8 would
 * compile for the state that a block never ends and throw that code away at the first real block's end.
 */
function withEmptyBlockFirst(deflated: Uint8Array): Uint8Array {
  const out = new Uint8Array(deflated.length + 2);
  out[0] = 0b010; // BFINAL 0, BTYPE 01 (fixed codes), then code 256 (end of block): seven zero bits
  for (let k = 0; k < deflated.length; k++) {
    const shifted = (deflated[k] ?? 0) << 2; // the stream goes on at bit 10: byte 1, bit 2
    out[k + 1] = (out[k + 1] ?? 0) | (shifted & 0xff);
    out[k + 2] = shifted >> 8;
  }
  return out;
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
 * slice, `consume(buffer, start, end, final)` is given the bytes not yet consumed (buffer[start..end)) and
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
  primeInflater(data);
  const { file } = budget;
  const declared = entry.uncompressedSize;
  let buffer = new Uint8Array(Math.min(declared, STREAM_BUFFER) + INFLATE_SLACK + 1);
  /** Output bytes in buffer (buffer[0..length)), of which the consumer has consumed those before `consumed`. */
  let length = 0;
  let consumed = 0;
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > declared) {
      if (budget.used + written + chunk.length > budget.limit) throw tooBig(budget, entry.name);
      throw corrupt(file, `${entry.name} inflates past its declared size`);
    }
    if (length + chunk.length > buffer.length) {
      const bigger = new Uint8Array(Math.max(buffer.length * 2, length + chunk.length + INFLATE_SLACK));
      bigger.set(buffer.subarray(0, length));
      buffer = bigger;
    }
    buffer.set(chunk, length);
    length += chunk.length;
    written += chunk.length;
  });
  const internals = inflater as unknown as Partial<InflateInternals>;
  const direct = internals.o instanceof Uint8Array && typeof internals.s?.b === "number";
  if (data.length === 0) push(inflater, data, true, entry, budget);
  for (let p = 0; p < data.length;) {
    const ratio = p > 0 ? written / p : MAX_EXPANSION;
    const fit = Math.min(TARGET_OUTPUT / Math.max(ratio, 1), (declared - written) / MAX_EXPANSION);
    const slice = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.floor(fit)));
    const q = Math.min(p + slice, data.length);
    const expected = p > 0 ? Math.ceil((written / p) * (q - p)) : (q - p) * 16;
    // Keep what the consumer has not consumed and the inflater's window; move it to the front when the room
    // after it is short (a copy of a partial row and 32 KiB, not of the sheet).
    if (length + 2 * expected + INFLATE_SLACK > buffer.length) {
      const keep = Math.min(consumed, Math.max(0, length - WINDOW));
      buffer.copyWithin(0, keep, length);
      length -= keep;
      consumed -= keep;
      if (length + 2 * expected + INFLATE_SLACK > buffer.length) {
        const bigger = new Uint8Array(length + 2 * expected + INFLATE_SLACK + 1);
        bigger.set(buffer.subarray(0, length));
        buffer = bigger;
      }
    }
    if (direct) {
      // As in inflateBounded: fflate decodes straight into our buffer after the window it needs.
      const window = Math.min(length, WINDOW);
      internals.o = buffer.subarray(
        length - window,
        Math.min(buffer.length, length + 2 * expected + INFLATE_SLACK + 1),
      );
      internals.s!.b = window;
    }
    push(inflater, data.subarray(p, q), q === data.length, entry, budget);
    if (written > RATIO_GRACE && written > MAX_RATIO * q) throw bomb(budget, entry.name);
    p = q;
    if (p < data.length) consumed = consume(buffer, consumed, length, false);
  }
  if (written !== declared) throw corrupt(file, `${entry.name} is shorter than declared`);
  budget.used += written;
  consume(buffer, consumed, length, true);
}

function push(inflater: Inflate, slice: Uint8Array, final: boolean, entry: ZipEntry, budget: InflateBudget): void {
  try {
    inflater.push(slice, final);
  } catch (err) {
    if (err instanceof Error && err.name === "WorkbookError") throw err;
    throw corrupt(budget.file, `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Output a streamed entry's buffer starts with room for (it grows only for a consumer that consumes nothing). */
const STREAM_BUFFER = 4 * 1024 * 1024;

/**
 * Inflates as a stream, a slice of compressed bytes at a time, and stops at the first slice that takes the output
 * past the declared size (a lie: damage or a bomb), past the workbook's budget, or, beyond RATIO_GRACE, past
 * MAX_RATIO times the compressed bytes read (a bomb declaring a size it would take seconds to reach). A
 * one-shot inflate cannot stop: given a full buffer, fflate decodes the rest of the stream into nothing,
 * minutes of CPU for a 25 MB file that inflates to 16 GB.
 *
 * Speed: fflate's stream copies its output several times over (a buffer grown by doubling, then a slice
 * for each callback), about a quarter slower than one call on workbook XML. So each push is handed, as
 * fflate's own output buffer, a view of ours with the last 32 KiB of output in front of it (exactly the
 * state fflate keeps between pushes, in a bigger buffer): honest data is decoded straight into place and
 * only the callback's slice is extra. Each chunk is still copied into place from the callback, so the
 * bytes returned are right whatever fflate does with its buffer; only speed depends on that detail.
 */
function inflateBounded(data: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  primeInflater(data);
  const { file } = budget;
  const declared = entry.uncompressedSize;
  // Zero pages cost nothing until written: memory follows the output, not the declared size.
  const buffer = new Uint8Array(declared + INFLATE_SLACK + 1);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > declared) {
      if (budget.used + written + chunk.length > budget.limit) throw tooBig(budget, entry.name);
      throw corrupt(file, `${entry.name} inflates past its declared size`);
    }
    buffer.set(chunk, written);
    written += chunk.length;
  });
  const internals = inflater as unknown as Partial<InflateInternals>;
  const direct = internals.o instanceof Uint8Array && typeof internals.s?.b === "number";
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let p = 0; p < data.length;) {
      // Small while the expansion is unknown or high (a bomb's first slice yields at most 4.1 MB), 32 KiB
      // for ordinary XML, and never more than could still fit below the declared size.
      const ratio = p > 0 ? written / p : MAX_EXPANSION;
      const fit = Math.min(TARGET_OUTPUT / Math.max(ratio, 1), (declared - written) / MAX_EXPANSION);
      const slice = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.floor(fit)));
      const q = Math.min(p + slice, data.length);
      if (direct) {
        const window = Math.min(written, WINDOW);
        // After each push fflate copies its buffer from 32 KiB before the output's end to the buffer's end, so
        // the view ends not far past the output expected: twice what this much compressed data gave so far.
        // Output past the view is grown by fflate in a buffer of its own and copied into place as a chunk.
        const expected = p > 0 ? Math.ceil((written / p) * (q - p)) : (q - p) * 16;
        const end = Math.min(buffer.length, written + 2 * expected + INFLATE_SLACK + 1);
        internals.o = buffer.subarray(written - window, end);
        internals.s!.b = window;
      }
      inflater.push(data.subarray(p, q), q === data.length);
      if (written > RATIO_GRACE && written > MAX_RATIO * q) throw bomb(budget, entry.name);
      p = q;
    }
  } catch (err) {
    if (err instanceof Error && err.name === "WorkbookError") throw err;
    throw corrupt(file, `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (written !== declared) throw corrupt(file, `${entry.name} is shorter than declared`);
  return buffer.subarray(0, declared);
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
