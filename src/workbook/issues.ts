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
  private readonly perCode = new Map<string, number>();

  add(
    severity: IssueSeverity,
    code: string,
    message: string,
    where: Where,
    params?: Record<string, string | number>,
  ): void {
    const key = `${where.file}\u0000${where.sheet ?? ""}\u0000${code}`;
    const seen = (this.perCode.get(key) ?? 0) + 1;
    this.perCode.set(key, seen);
    if (where.row != null && seen > MAX_ISSUES_PER_CODE) return;
    this.issues.push({
      severity,
      code,
      message,
      file: where.file,
      sheet: where.sheet,
      row: where.row ?? null,
      column: where.col != null ? columnLetter(where.col) : null,
      header: where.header ?? null,
      ...(params ? { params } : {}),
    });
  }

  push(issue: ReadIssue): void {
    this.issues.push(issue);
  }

  /** Adds "and N more" lines for codes that went over the cap. */
  summariseOverflow(): void {
    for (const [key, count] of this.perCode) {
      if (count <= MAX_ISSUES_PER_CODE) continue;
      const [file = "", sheet = "", code = ""] = key.split("\u0000");
      const first = this.issues.find((i) => i.file === file && (i.sheet ?? "") === sheet && i.code === code);
      if (!first || first.row === null) continue;
      const more = count - MAX_ISSUES_PER_CODE;
      this.issues.push({
        severity: first.severity,
        code,
        message: `${more} more row(s) in ${file}${sheet ? `, sheet "${sheet}"` : ""} have the same problem (${code}); only the first ${MAX_ISSUES_PER_CODE} are listed.`,
        file,
        sheet: sheet || null,
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
