// Cell text as plans write it: multi-line cells, bullets, stray spaces and smart quotes.
import type { GridCell } from "./types";

/** A cell as text; numbers keep their shortest form (1.1 -> "1.1"). */
export function cellText(cell: GridCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  return String(cell);
}

/** Multi-line text tidied: lines trimmed, runs of spaces collapsed, blank lines dropped. */
export function tidyLines(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

/** Text on one line (titles and leads): the lines of a multi-line cell joined by a space. */
export function oneLine(text: string, separator = " "): string {
  return tidyLines(text).split("\n").join(separator);
}

/** Null for empty text, so "nothing written" stays distinct from a value. */
export function orNull(text: string): string | null {
  return text.length > 0 ? text : null;
}

/** Text reduced for comparison: case, accents, punctuation and spacing do not matter. */
export function comparable(text: string): string {
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no accent folding
  const folded = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** 32-bit FNV-1a, as 8 hex digits: a short, stable fingerprint (not security). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
