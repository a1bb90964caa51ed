// One line per problem, naming file, sheet, row and column as a spreadsheet shows them.
import type { ReadIssue } from "../indicators";

function location(issue: ReadIssue): string {
  const parts = [issue.file];
  if (issue.sheet) parts.push(`sheet "${issue.sheet}"`);
  if (issue.row !== null) parts.push(`row ${issue.row}`);
  if (issue.column) parts.push(`column ${issue.column}${issue.header ? ` (${issue.header})` : ""}`);
  else if (issue.header) parts.push(`column "${issue.header}"`);
  return parts.join(", ");
}

export function formatIssue(issue: ReadIssue): string {
  // A stray newline in a header must not break the one-line promise.
  const message = issue.message.replace(/\s*[\r\n]+\s*/g, " ");
  // The reader's messages usually start with their own location; add ours only when missing.
  const text = message.startsWith(issue.file) ? message : `${location(issue)}: ${message}`;
  return `${issue.severity}: ${text}`;
}
