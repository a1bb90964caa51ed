// Collects ReadIssues with file, sheet, row and column, keeping the report readable: row-level
// problems of one kind are listed individually up to a cap, then summarised with a count.
import type { IssueSeverity, ReadIssue } from "../indicators/input";
import { columnLetter } from "./cell-refs";

export const MAX_ISSUES_PER_CODE = 50;

export interface Where {
  file: string;
  sheet: string | null;
  row?: number | null;
  /** 0-based column index. */
  col?: number | null;
  header?: string | null;
}

export class IssueLog {
  readonly issues: ReadIssue[] = [];
  /** How many issues of a code each sheet (or file) has had, with the first of them. */
  private readonly perCode = new Map<string, { count: number; first: ReadIssue }>();

  add(
    severity: IssueSeverity,
    code: string,
    message: string,
    where: Where,
    params?: Record<string, string | number>,
  ): void {
    // Counted first, so a row past the cap costs no issue built only to be dropped.
    const key = JSON.stringify([where.file, where.sheet, code]);
    const seen = this.perCode.get(key);
    if (seen !== undefined && ++seen.count > MAX_ISSUES_PER_CODE && where.row != null) return;
    const issue: ReadIssue = {
      severity,
      code,
      message,
      file: where.file,
      sheet: where.sheet,
      row: where.row ?? null,
      column: where.col != null ? columnLetter(where.col) : null,
      header: where.header ?? null,
      ...(params ? { params } : {}),
    };
    if (seen === undefined) this.perCode.set(key, { count: 1, first: issue });
    this.issues.push(issue);
  }

  push(issue: ReadIssue): void {
    this.issues.push(issue);
  }

  /** Adds "and N more" lines for the codes of rows that went over the cap. */
  summariseOverflow(): void {
    for (const { count, first } of this.perCode.values()) {
      if (count <= MAX_ISSUES_PER_CODE || first.row === null) continue;
      const { file, sheet, code } = first;
      const more = count - MAX_ISSUES_PER_CODE;
      this.issues.push({
        severity: first.severity,
        code,
        message: `${more} more row(s) in ${file}${sheet ? `, sheet "${sheet}"` : ""} have the same problem (${code}); only the first ${MAX_ISSUES_PER_CODE} are listed.`,
        file,
        sheet,
        row: null,
        column: first.column,
        header: first.header,
        params: { more, total: count },
      });
    }
  }
}

/** "file, sheet "S", row 12, column C (Header)" for messages. */
export function describe(where: Where): string {
  const parts = [where.file];
  if (where.sheet) parts.push(`sheet "${where.sheet}"`);
  if (where.row != null) parts.push(`row ${where.row}`);
  if (where.col != null) parts.push(`column ${columnLetter(where.col)}${where.header ? ` (${where.header})` : ""}`);
  return parts.join(", ");
}
