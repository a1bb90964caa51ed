// When a sheet is not recognised, say which table it most resembles and which columns it lacks,
// so "the columns were not recognised" becomes "sheet X looks like staff in post but has no
// ethnicity column". Only runs on that failure path: it re-reads the file's cells.
import { readGrid } from "../workbook/index";
import { headerScore, KINDS, matchColumns, normaliseHeader, type InputFile } from "../workbook";
import type { SheetKind } from "../indicators";

const KIND_NAMES: Record<SheetKind, string> = {
  staff: "staff in post",
  recruitment: "recruitment",
  cases: "employee relations cases",
  training: "training and CPD",
  board: "board",
  survey: "staff survey results",
  aggregate: "aggregated counts",
};

const FIELD_NAMES: Record<string, string> = {
  personId: "Employee Number",
  assignmentId: "Assignment Number",
  ethnicity: "Ethnic Origin",
  band: "Pay Band",
  staffGroup: "Staff Group",
  assignmentCategory: "Assignment Category",
  primary: "Primary Assignment",
  shortlisted: "Shortlisted",
  appointed: "Appointed",
  outcome: "Outcome",
  caseType: "Case Type",
  course: "Course Title",
  category: "Course Category",
  voting: "Voting Member",
  executive: "Executive Director",
  indicator: "Indicator",
  question: "Question",
  whitePct: "White %",
  bmePct: "BME %",
  measure: "Measure",
  white: "White",
  bme: "BME",
};

/** One line per unrecognised sheet that resembles a known table, naming the missing columns. */
export function explainUnrecognised(file: InputFile, sheets: Set<string>): string[] {
  const lines: string[] = [];
  let grid;
  try {
    grid = readGrid(file);
  } catch {
    return lines;
  }
  for (const sheet of grid.sheets) {
    if (!sheets.has(sheet.name)) continue;
    let best: { kind: SheetKind; missing: string[][]; matched: number; row: number } | null = null;
    sheet.rows.slice(0, 30).forEach((row, r) => {
      if (headerScore(row) < 2) return;
      const headers = row.map((v) => normaliseHeader(v));
      for (const spec of KINDS) {
        const match = matchColumns(spec, headers);
        const missing = spec.required.filter((group) => !group.some((f) => match.columns.has(f)));
        const satisfied = spec.required.length - missing.length;
        if (satisfied === 0 || missing.length === 0) continue;
        if (
          !best ||
          satisfied > spec.required.length - best.missing.length ||
          (missing.length === best.missing.length && match.columns.size > best.matched)
        ) {
          best = { kind: spec.kind, missing, matched: match.columns.size, row: r + 1 };
        }
      }
    });
    if (!best) continue;
    const { kind, missing, row } = best as { kind: SheetKind; missing: string[][]; row: number };
    const names = missing.map((group) => group.map((f) => `"${FIELD_NAMES[f] ?? f}"`).join(" or "));
    lines.push(
      `error: ${file.name}, sheet "${sheet.name}", row ${row}: looks like ${KIND_NAMES[kind]} but has no ${names.join(", no ")} column` +
        " (rename the column or map it by hand)",
    );
  }
  return lines;
}
