// Turns the data layer's typed errors (src/sharepoint/errors) into what the tab says and does.
// Matched on their `code` (class names do not survive minification).
import type { AppErrorCode } from "../../sharepoint";
import { authProblem } from "../../auth";

export type ErrorKind = AppErrorCode;

// Every code, so adding one to AppErrorCode without a message here fails to compile.
const KNOWN: Record<AppErrorCode, true> = {
  conflict: true,
  forbidden: true,
  manageRequired: true,
  fullControlRequired: true,
  throttled: true,
  offline: true,
  notProvisioned: true,
  schemaOutdated: true,
  listThreshold: true,
  notFound: true,
  invalid: true,
  closed: true,
  foreignSite: true,
  unexpected: true,
};

export interface ConflictLike<T = unknown> {
  mine: Partial<T>;
  theirs: T | null;
}

export function errorKind(error: unknown): ErrorKind {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && Object.hasOwn(KNOWN, code)) return code as ErrorKind;
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return "offline";
  return "unexpected";
}

export function isConflict<T>(error: unknown): error is Error & ConflictLike<T> {
  return errorKind(error) === "conflict";
}

/** The i18n key of the plain-words message for an error (sign-in problems first). */
export function errorMessageKey(error: unknown): string {
  const problem = authProblem(error);
  if (problem) return `auth.${problem.kind}`;
  return `errors.${errorKind(error)}`;
}

/** True when the user must sign in (a click on "Sign in" fixes it). */
export function needsSignIn(error: unknown): boolean {
  return authProblem(error)?.kind === "signInRequired";
}
