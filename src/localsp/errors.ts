// SharePoint's error vocabulary: each thrown SpError becomes an `odata.error` (or verbose `error`)
// body with the status, code and message SharePoint Online uses (docs/sharepoint.md §3).

export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SpError";
  }
}

/** A part of the REST API this server does not implement: a clear 501, never a silent wrong answer. */
export function unsupported(what: string): SpError {
  return new SpError(501, "-1, Microsoft.SharePoint.Client.NotSupportedException", `localsp: ${what} is not supported`);
}

export function listNotFound(title: string, siteUrl: string): SpError {
  return new SpError(
    404,
    "-1, System.ArgumentException",
    `List '${title}' does not exist at site with URL '${siteUrl}'.`,
  );
}

export function itemNotFound(): SpError {
  return new SpError(
    404,
    "-2130575338, System.ArgumentException",
    "Item does not exist. It may have been deleted by another user.",
  );
}

export function fileNotFound(): SpError {
  return new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
}

export function accessDenied(): SpError {
  return new SpError(
    403,
    "-2147024891, System.UnauthorizedAccessException",
    "Access denied. You do not have permission to perform this action or access this resource.",
  );
}

export function etagMismatch(sent: string, current: string): SpError {
  return new SpError(
    412,
    "-1, Microsoft.SharePoint.Client.ClientServiceException",
    `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`,
  );
}

export function thresholdExceeded(): SpError {
  return new SpError(
    500,
    "-2147024860, Microsoft.SharePoint.SPQueryThrottledException",
    "The attempted operation is prohibited because it exceeds the list view threshold.",
  );
}

export function noSuchProperty(name: string, type: string): SpError {
  return new SpError(
    400,
    "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
    `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`,
  );
}

export function badRequest(message: string): SpError {
  return new SpError(400, "-1, Microsoft.SharePoint.Client.InvalidClientQueryException", message);
}

export function fieldNotFound(name: string): SpError {
  return new SpError(
    404,
    "-2147024809, System.ArgumentException",
    `Column '${name}' does not exist. It may have been deleted by another user.`,
  );
}

/** A view the list does not have (SharePoint Online's exact answer is not confirmed; only default views exist here). */
export function viewNotFound(): SpError {
  return new SpError(404, "-2147024809, System.ArgumentException", "The specified view is invalid.");
}
