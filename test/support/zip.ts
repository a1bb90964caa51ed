// Editing zip files (.xlsx, .docx) in tests: replacing an entry, renaming a shared string, and forging
// the uncompressed size an entry declares (what a zip bomb says about itself). One home for the
// unit, integration and browser tests that build hostile or edited workbooks.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** The same zip with one entry's bytes replaced (or added). */
export function replaceEntry(zip: Uint8Array, path: string, data: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  files[path] = data as Uint8Array<ArrayBuffer>;
  return zipSync(files, { level: 1 });
}

/** The same workbook with one shared string (a header) replaced: the bytes Excel would save after a rename. */
export function renameSharedString(xlsx: Uint8Array, from: string, to: string): Uint8Array {
  const parts = unzipSync(xlsx);
  const strings = strFromU8(parts["xl/sharedStrings.xml"]!);
  if (!strings.includes(`<t>${from}</t>`)) throw new Error(`no header ${from}`);
  parts["xl/sharedStrings.xml"] = strToU8(strings.replace(`<t>${from}</t>`, `<t>${to}</t>`));
  return zipSync(parts);
}

/**
 * The same zip with one entry's declared uncompressed size rewritten: in the central directory
 * only (what a reader that trusts the directory sees), or in the local header as well.
 */
export function declareEntrySize(
  zip: Uint8Array,
  path: string,
  size: number,
  headers: "central" | "central and local" = "central",
): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(path);
  const namedAt = (at: number, length: number) => length === name.length && name.every((b, i) => out[at + i] === b);
  for (let p = 0; p + 46 < out.length; p++) {
    const signature = view.getUint32(p, true);
    if (signature === 0x02014b50 && namedAt(p + 46, view.getUint16(p + 28, true))) view.setUint32(p + 24, size, true);
    if (headers === "central and local" && signature === 0x04034b50 && namedAt(p + 30, view.getUint16(p + 26, true)))
      view.setUint32(p + 22, size, true);
  }
  return out;
}
