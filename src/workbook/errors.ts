import type { ReadIssue } from "../indicators/input";

/**
 * A whole-file failure: the file cannot be read at all (corrupt, encrypted, too big).
 * Row-level problems are never thrown; they become ReadIssues in the Dataset.
 */
export class WorkbookError extends Error {
  readonly issue: ReadIssue;

  constructor(issue: ReadIssue) {
    super(issue.message);
    this.name = "WorkbookError";
    this.issue = issue;
  }
}

export function fileError(
  file: string,
  code: string,
  message: string,
  params?: Record<string, string | number>,
): WorkbookError {
  return new WorkbookError({
    severity: "error",
    code,
    message,
    file,
    sheet: null,
    row: null,
    column: null,
    header: null,
    ...(params ? { params } : {}),
  });
}
