// RAG words as plans write them. Several colours in one cell ("Amber/Green", "AG") take the worse
// one: a committee should see the risk, not the hope. Anything else is reported, never guessed.
import { worstRag } from "../rag";
import type { Rag } from "../types";

const WORDS: Record<string, Rag> = {
  r: "Red",
  red: "Red",
  a: "Amber",
  amber: "Amber",
  orange: "Amber",
  yellow: "Amber",
  g: "Green",
  green: "Green",
  b: "Blue",
  blue: "Blue",
  complete: "Blue",
  completed: "Blue",
  done: "Blue",
  achieved: "Blue",
  closed: "Blue",
  // Welsh, as NHS Wales plans write them.
  coch: "Red",
  ambr: "Amber",
  gwyrdd: "Green",
  glas: "Blue",
  "wedi cwblhau": "Blue",
  cwblhawyd: "Blue",
};

/** Two-letter and three-letter codes written without a separator ("AG", "RA"). */
const LETTERS: Record<string, Rag> = { r: "Red", a: "Amber", g: "Green", b: "Blue" };

/** `notStarted`: "Not started", a status with no colour (imported as a new action's Green, without a warning). */
export type RagReading = { kind: "empty" } | { kind: "notStarted" } | { kind: "rag"; rag: Rag } | { kind: "unknown" };

/** Reads a RAG cell: "green", "GREEN", "G", "Complete", "Blue", "Amber/Green" (-> Amber). */
export function readRag(text: string): RagReading {
  const words = text
    .toLowerCase()
    .replace(/\brag\b|\brating\b|\bstatus\b|[:()]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\bon track\b/g, "green")
    .replace(/\bat risk\b/g, "amber")
    .replace(/\boff track\b/g, "red")
    .trim();
  if (words.length === 0) return { kind: "empty" };
  if (/^(not (yet )?started|heb ddechrau)$/.test(words)) return { kind: "notStarted" };
  const whole = WORDS[words];
  if (whole) return { kind: "rag", rag: whole };

  const parts = words.split(/\s*(?:\/|\\|-|–|,|&|\+|\bto\b|\band\b|\bor\b|\s)\s*/).filter((p) => p.length > 0);
  const rags: Rag[] = [];
  for (const part of parts) {
    const rag = WORDS[part];
    if (rag) {
      rags.push(rag);
    } else if (/^[ragb]{2,3}$/.test(part)) {
      for (const letter of part) rags.push(LETTERS[letter] as Rag);
    } else {
      return { kind: "unknown" };
    }
  }
  const worst = worstRag(rags);
  return worst === null ? { kind: "unknown" } : { kind: "rag", rag: worst };
}
