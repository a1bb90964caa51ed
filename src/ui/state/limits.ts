// Text limits in forms: a single line of text takes its field's MaxLength (Title 255, numbers 20,
// lead 255; src/sharepoint/schema.ts), a multi-line field 63,999 characters. Near the limit the
// field shows a counter; over it, a message naming the field, and the form does not save.
import type { TFunction } from "i18next";
import { MAX_NOTE_LENGTH } from "../../plan";
import { F, textLimitOf } from "../../sharepoint";

export const LIMITS = {
  objectiveTitle: textLimitOf("objectives", "Title") ?? 255,
  objectiveNumber: textLimitOf("objectives", F.objectiveNumber) ?? 20,
  actionTitle: textLimitOf("actions", "Title") ?? 255,
  actionNumber: textLimitOf("actions", F.actionNumber) ?? 20,
  leadText: textLimitOf("actions", F.leadText) ?? 255,
  note: MAX_NOTE_LENGTH,
} as const;

/** Whether a value is over its limit. */
export function overLimit(value: string, max: number): boolean {
  return value.trim().length > max;
}

/** The counter appears from 90% of the limit (18 of 20, 230 of 255). */
function nearLimit(length: number, max: number): boolean {
  return length >= Math.floor(max * 0.9);
}

/**
 * Props for a Fluent Field holding limited text: an error naming the field when over the limit,
 * else a counter near it (kept with the field's own hint). Other messages (required) come first.
 */
export function limitProps(
  t: TFunction,
  label: string,
  value: string,
  max: number,
  other: { message?: string | undefined; hint?: string | undefined } = {},
): { validationMessage?: string; validationState?: "error" | "none"; hint?: string } {
  const length = value.trim().length;
  const count = length.toLocaleString();
  const limit = max.toLocaleString();
  if (other.message)
    return { validationMessage: other.message, validationState: "error", ...(other.hint ? { hint: other.hint } : {}) };
  if (length > max)
    return {
      validationMessage: t("limits.over", { field: label, max: limit, count }),
      validationState: "error",
      ...(other.hint ? { hint: other.hint } : {}),
    };
  if (nearLimit(length, max)) {
    const counter = t("limits.counter", { count, max: limit });
    return { hint: other.hint ? `${other.hint} ${counter}` : counter };
  }
  return other.hint ? { hint: other.hint } : {};
}
