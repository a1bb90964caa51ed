// A small reader for the zip container of an .xlsx. We read the central directory ourselves, so
// every entry's declared size is checked against the budget before anything is inflated, and no
// entry is ever given more memory than it declared: a zip bomb ends with a WorkbookError, never
// an out-of-memory. Entries whose declared sizes look honest are inflated in one call (fastest);
// the rest are streamed in small slices so a lie is caught early.
import { Inflate, inflateSync } from "fflate";
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
/** Deflate can expand ~1032:1, so a 64 KiB slice inflates to at most ~66 MB before we check. */
const SLICE = 128 * 1024;

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
  return fileError(file, "file-corrupt", `${file} is not a readable workbook: the zip container is damaged (${detail}).`, { detail });
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
  return entries;
}

/** Inflates one entry, refusing to go past its declared size or the workbook's budget. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const { file } = budget;
  if (entry.flags & 1) {
    throw fileError(file, "file-encrypted", `${file} is password-protected. Remove the password in Excel (File > Info > Protect Workbook) and try again.`);
  }
  if (budget.used + entry.uncompressedSize > budget.limit) throw tooBig(budget);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== SIG_LOCAL) throw corrupt(file, `bad local header for ${entry.name}`);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(file, `${entry.name} is truncated`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(file, `${entry.name} has inconsistent sizes`);
    budget.used += data.length;
    return data;
  }
  if (entry.method !== 8) throw corrupt(file, `${entry.name} uses unsupported compression method ${entry.method}`);

  if (entry.uncompressedSize === 0 && data.length <= 2) return new Uint8Array(0);
  if (entry.uncompressedSize * 2 >= data.length) {
    // Honest-looking sizes (deflate never shrinks data to less than half): inflate in one call into
    // a buffer one byte larger than declared. fflate never grows a buffer it is given, so memory
    // stays at the declared size; a longer stream fills the spare byte and is refused below.
    const spare = new Uint8Array(entry.uncompressedSize + 1);
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: spare });
    } catch (err) {
      throw corrupt(file, `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (out.length > entry.uncompressedSize) {
      if (budget.used + out.length > budget.limit) throw tooBig(budget);
      throw corrupt(file, `${entry.name} inflates past its declared size`);
    }
    if (out.length !== entry.uncompressedSize) throw corrupt(file, `${entry.name} is shorter than declared`);
    budget.used += out.length;
    return out;
  }
  // Sizes that cannot be honest: stream in small slices so the lie is caught within one slice.
  const out = new Uint8Array(entry.uncompressedSize);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      // More data than declared: either damage or a bomb that lies about its size.
      if (budget.used + written + chunk.length > budget.limit) throw tooBig(budget);
      throw corrupt(file, `${entry.name} inflates past its declared size`);
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let p = 0; p < data.length; p += SLICE) {
      const q = Math.min(p + SLICE, data.length);
      inflater.push(data.subarray(p, q), q === data.length);
    }
  } catch (err) {
    if (err instanceof Error && err.name === "WorkbookError") throw err;
    throw corrupt(file, `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (written !== out.length) throw corrupt(file, `${entry.name} is shorter than declared`);
  budget.used += written;
  return out;
}

function tooBig(budget: InflateBudget) {
  const mb = Math.round(budget.limit / 1e6);
  return fileError(
    budget.file,
    "file-too-large",
    `${budget.file} would expand to more than ${mb} MB when opened, which is over the limit. Split the workbook or remove unused sheets.`,
    { limitBytes: budget.limit },
  );
}
