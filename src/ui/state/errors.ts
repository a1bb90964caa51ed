// Turns the data layer's typed errors (src/sharepoint/errors) into what the tab says and does.
// Matched on their `code` (class names do not survive minification).
import type { AppErrorCode } from "../../sharepoint/errors";

export type ErrorKind = AppErrorCode;

const KNOWN = new Set<string>(["conflict", "forbidden", "manageRequired", "throttled", "offline", "notProvisioned", "listThreshold", "notFound", "invalid", "unexpected"]);

export interface ConflictLike<T = unknown> {
  mine: Partial<T>;
  theirs: T | null;
}

export function errorKind(error: unknown): ErrorKind {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && KNOWN.has(code)) return code as ErrorKind;
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return "offline";
  return "unexpected";
}

export function isConflict<T>(error: unknown): error is Error & ConflictLike<T> {
  return errorKind(error) === "conflict";
}

/** The i18n key of the plain-words message for an error. */
export function errorMessageKey(error: unknown): string {
  return `errors.${errorKind(error)}`;
}
