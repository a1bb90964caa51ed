// What an import would write, as plain JSON (the command line's --json) and as a readable outline.
// The tab's preview shows the same PlanImport; these are its words for people reading a terminal.
import type { Rag } from "../types";
import type { ImportIssue, PlanImport, RowRole } from "./types";

export interface PlanJson {
  year: string | null;
  objectives: {
    number: string;
    title: string;
    owner: string | null;
    rag: Rag | null;
    actions: {
      number: string;
      title: string;
      lead: string | null;
      due: string | null;
      milestones: string | null;
      progress: string | null;
      kpis: string | null;
      rag: Rag | null;
    }[];
  }[];
  rows: { sheet: string; row: number; role: RowRole }[];
  warnings: { sheet: string | null; row: number | null; message: string }[];
}

const MESSAGES: Record<ImportIssue["code"], string> = {
  noPlanTable: "no sheet or table has a header row with an action column, so there is no plan to import",
  sheetSkipped: "no header row was recognised, so this sheet was skipped",
  columnIgnored: 'the column "{value}" is not one the importer knows; it was ignored',
  columnDuplicate: 'a second "{value}" column; the first one was used',
  missingActionText: "the row has no action text, so it was not imported",
  ragUnknown: 'the RAG "{value}" was not understood, so the action was not imported rather than guessed',
  ragMissing: "no RAG was given; imported as Green",
  dateUnknown: 'the due date "{value}" could not be read; imported without a date (the text is kept in the milestones)',
  dateAmbiguous: '"{value}" holds several dates; imported without a date (the text is kept in the milestones)',
  noObjectiveHeading:
    "actions come before any objective heading; they were put under an objective named after the sheet",
  missingNumber: "the action has no number",
  duplicateNumber: 'another action under this objective is also numbered "{value}"',
  titleTooLong:
    "the action text is longer than the 255 characters a list title holds, so the row was not imported: shorten it in the file",
  tooLong:
    '"{value}" is longer than its list field holds (a lead 255 characters, a number 20), so the row was not imported: shorten it in the file',
  headingTooLong:
    "the objective heading is longer than the 255 characters a list title holds: the title was cut at a word and the whole heading kept in the description",
  objectiveWithoutActions: 'the objective "{value}" has no actions under it',
  duplicateObjectiveNumber: 'another objective is also numbered "{value}"',
  headingAmongActions: 'the heading "{value}" sits between actions whose numbers run on: is it really a new objective?',
  tooManyRows: "the sheet has {value} rows, more than any plan; it looks like other data, so nothing was imported",
  otherYear: "the file is the plan for {value}, not the year being imported into",
};

export function issueMessage(issue: ImportIssue): string {
  const where = [
    issue.sheet ? `"${issue.sheet}"` : null,
    issue.cell ? `cell ${issue.cell}` : issue.row !== null ? `row ${issue.row}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const text = MESSAGES[issue.code].replace("{value}", issue.value ?? "");
  return where ? `${where}: ${text}` : text;
}

/** The import as the command line prints it with --json. */
export function planJson(result: PlanImport): PlanJson {
  return {
    year: result.year,
    objectives: result.objectives.map((o) => ({
      number: o.fields.number,
      title: o.fields.title,
      owner: o.ownerText,
      rag: o.fields.ragOverride,
      actions: o.actions.map((a) => ({
        number: a.fields.number,
        title: a.fields.title,
        lead: a.fields.leadText,
        due: a.fields.dueDate ?? a.dueDateText,
        milestones: a.fields.milestones,
        progress: a.fields.progress,
        kpis: a.fields.kpis,
        rag: a.ragRead,
      })),
    })),
    rows: result.rows.map((r) => ({ sheet: r.sheet, row: r.row, role: r.role })),
    warnings: result.issues.map((i) => ({ sheet: i.sheet, row: i.row, message: issueMessage(i) })),
  };
}

/** A readable outline: the year, each objective with its actions, then what to check. */
export function planOutline(result: PlanImport, fileName: string): string {
  const lines: string[] = [
    `${fileName}: plan year ${result.year ?? "not found"}${result.yearSource ? ` (from the ${result.yearSource === "dueDates" ? "due dates" : result.yearSource})` : ""}`,
  ];
  const actions = result.objectives.reduce((n, o) => n + o.actions.length, 0);
  lines.push(
    `${result.objectives.length} objectives, ${actions} actions${result.doubtful ? " (the structure is doubtful: check the warnings)" : ""}`,
    "",
  );
  for (const o of result.objectives) {
    lines.push(`${o.fields.number}. ${o.fields.title}${o.ownerText ? ` (owner: ${o.ownerText})` : ""}`);
    for (const a of o.actions) {
      const details = [a.fields.leadText, a.fields.dueDate ?? a.dueDateText, a.ragRead].filter(Boolean).join("; ");
      lines.push(`  ${a.fields.number ? `${a.fields.number} ` : ""}${a.fields.title}${details ? ` [${details}]` : ""}`);
    }
  }
  if (result.issues.length > 0) {
    lines.push("", "Check:");
    for (const issue of result.issues)
      lines.push(`  ${issue.severity === "error" ? "error" : "warning"}: ${issueMessage(issue)}`);
  }
  return lines.join("\n");
}
