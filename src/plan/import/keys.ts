// Stable import keys, so importing the same file twice finds what the first import wrote.
// A key is the normalised number plus a fingerprint of the normalised title: it survives changes
// of case, spacing and punctuation, and is computed the same way for list items already stored.
import { comparable, fingerprint } from "./text";

/** A plan number as written ("1.", "Objective 1", " 2.3 ", 1.1) reduced to its digits and dots ("1", "2.3"). */
export function normaliseNumber(number: string): string {
  return number
    .trim()
    .toLowerCase()
    .replace(/^(objective|priority|aim|goal|theme|workstream|amcan|action|ref|no)\.?\s*/, "")
    .replace(/[\s)]+/g, "")
    .replace(/\.+$/, "");
}

export function titleFingerprint(title: string): string {
  return fingerprint(comparable(title));
}

export function objectiveKey(item: { number: string; title: string }): string {
  return `objective:${normaliseNumber(item.number)}:${titleFingerprint(item.title)}`;
}

export function actionKey(item: { number: string; title: string }): string {
  return `action:${normaliseNumber(item.number)}:${titleFingerprint(item.title)}`;
}
