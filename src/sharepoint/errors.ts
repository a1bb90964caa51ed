// Typed errors the tab translates into plain words. Every failure from @pnp/sp passes through
// toAppError, so components never branch on HTTP status codes or SharePoint's raw messages.
import { InteractionRequired } from "../auth";

export type AppErrorCode =
  | "conflict"
  | "forbidden"
  | "manageRequired"
  | "fullControlRequired"
  | "throttled"
  | "offline"
  | "notProvisioned"
  | "schemaOutdated"
  | "listThreshold"
  | "notFound"
  | "invalid"
  | "closed"
  | "foreignSite"
  | "unexpected";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number | null;
  constructor(code: AppErrorCode, message: string, status: number | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
  }
}

/**
 * SharePoint refused a save because the item changed since it was read (412, stale ETag).
 * `mine` is what the user tried to save, `theirs` the current version (null when deleted).
 */
export class ConflictError<T = unknown> extends AppError {
  readonly mine: Partial<T>;
  readonly theirs: T | null;
  constructor(mine: Partial<T>, theirs: T | null, options?: { cause?: unknown }) {
    super("conflict", "The item was changed by someone else since it was opened.", 412, options);
    this.mine = mine;
    this.theirs = theirs;
  }
}

/** The user lacks the rights (403), or the Manage Lists right provisioning needs. */
export class PermissionError extends AppError {
  constructor(
    code: "forbidden" | "manageRequired" | "fullControlRequired" = "forbidden",
    message = "You do not have permission to do this.",
    options?: { cause?: unknown },
  ) {
    super(code, message, 403, options);
  }
}

/** SharePoint kept throttling (429/503) after every retry. */
export class ThrottledError extends AppError {
  readonly retryAfterMs: number | null;
  constructor(status: number, retryAfterMs: number | null, options?: { cause?: unknown }) {
    super("throttled", "SharePoint is busy; try again in a moment.", status, options);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The request never reached SharePoint (no network, DNS, refused connection). */
export class OfflineError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super("offline", "SharePoint could not be reached.", null, options);
  }
}

/** A list of the data model is missing: the site has not been set up (provisioned) yet. */
export class NotProvisionedError extends AppError {
  readonly list: string | null;
  constructor(list: string | null, options?: { cause?: unknown }) {
    super(
      "notProvisioned",
      `The list ${list ?? ""} does not exist on this site; it has not been set up yet.`,
      404,
      options,
    );
    this.list = list;
  }
}

/**
 * The site's lists are older than the app: SharePoint refused a column the app reads or writes
 * (400 "The property 'X' does not exist on type 'SP.Data.…ListItem'"). A plan editor upgrades them
 * (src/sharepoint/upgrade.ts).
 */
export class SchemaOutdatedError extends AppError {
  readonly column: string | null;
  constructor(column: string | null, options?: { cause?: unknown }) {
    super(
      "schemaOutdated",
      `This site's plan lists are older than the app (no column ${column ?? ""}); a plan editor needs to upgrade them.`,
      400,
      options,
    );
    this.column = column;
  }
}

/** A query touched more items than the list view threshold allows (unindexed filter or sort). */
export class ListThresholdError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super("listThreshold", "The query exceeds the list view threshold; filter on an indexed column.", 500, options);
  }
}

/** The item does not exist (deleted by someone else). */
export class NotFoundError extends AppError {
  constructor(
    message = "The item does not exist. It may have been deleted by another user.",
    options?: { cause?: unknown },
  ) {
    super("notFound", message, 404, options);
  }
}

/** The change breaks a plan rule (src/plan validation); `issues` carry i18n codes. */
export class ValidationError extends AppError {
  readonly issues: readonly { code: string; field: string }[];
  constructor(issues: readonly { code: string; field: string }[]) {
    super("invalid", `Invalid change: ${issues.map((i) => i.code).join(", ")}`, null);
    this.issues = issues;
  }
}

interface HttpLikeError {
  status?: number;
  message?: string;
  name?: string;
}

function statusOf(error: unknown): number | null {
  const status = (error as HttpLikeError | null)?.status;
  return typeof status === "number" ? status : null;
}

/** Whether a failure is SharePoint's 412 (stale ETag). */
export function isPreconditionFailed(error: unknown): boolean {
  return statusOf(error) === 412;
}

/**
 * A list addressed by URL that is not there: `web/getList('<url>')` answers 404
 * System.IO.FileNotFoundException (SPWeb.GetList throws FileNotFoundException when "the list does
 * not exist in the website", https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ms441870(v=office.14)).
 * Returns the list's URL (null when unknown), or undefined when the 404 is about something else.
 * A part of a $batch has no URL of its own; the plan's batches hold only list requests (files cannot
 * be batched), so a file-not-found there is a missing list too.
 */
function listUrlMissing(error: unknown, message: string): string | null | undefined {
  if (!/System\.IO\.FileNotFoundException/.test(message)) return undefined;
  const url = String((error as { response?: { url?: unknown } } | null)?.response?.url ?? "");
  if (url === "") return null;
  const m = /\/getlist\('([^']*)'\)/i.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1] ?? "");
  } catch {
    return m[1] ?? null;
  }
}

/** Maps an @pnp/sp or fetch failure to the app's typed errors (already typed errors pass through). */
export function toAppError(error: unknown): Error {
  if (error instanceof AppError) return error;
  const status = statusOf(error);
  const message = String((error as HttpLikeError | null)?.message ?? "");
  if (status === null) {
    // fetch rejects with a TypeError ("fetch failed", "Failed to fetch") when the network is down.
    if (/fetch failed|failed to fetch|networkerror|load failed|ECONNREFUSED|ECONNRESET|ENOTFOUND/i.test(message))
      return new OfflineError({ cause: error });
    return error instanceof Error ? error : new AppError("unexpected", message, null, { cause: error });
  }
  // 401 is "who are you?" (no token, or one SharePoint no longer accepts), not "you may not": the
  // user can fix it by signing in. The request pipeline already retried once with a fresh token.
  if (status === 401) return new InteractionRequired("write", "sharepoint_401");
  if (status === 403) return new PermissionError("forbidden", undefined, { cause: error });
  if (status === 429 || status === 503) return new ThrottledError(status, null, { cause: error });
  if (/SPQueryThrottledException|list view threshold/i.test(message)) return new ListThresholdError({ cause: error });
  if (status === 400) {
    const column = /The property '([^']*)' does not exist on type 'SP\.Data\./i.exec(message);
    if (column) return new SchemaOutdatedError(column[1] ?? null, { cause: error });
  }
  if (status === 404) {
    const list = /List '([^']*)' does not exist/i.exec(message);
    if (list) return new NotProvisionedError(list[1] ?? null, { cause: error });
    const missingList = listUrlMissing(error, message);
    if (missingList !== undefined) return new NotProvisionedError(missingList, { cause: error });
    return new NotFoundError(undefined, { cause: error });
  }
  return new AppError("unexpected", message || `SharePoint answered ${status}`, status, { cause: error });
}
