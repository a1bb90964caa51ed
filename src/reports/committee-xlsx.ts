// The plan's status as an Excel workbook for a committee paper: a Summary sheet (actions by RAG,
// overdue, each objective's rolled-up RAG and owner, and what changed since the chosen date) and
// one sheet per objective. RAG is written as text AND as the cell's colour, so the paper reads the
// same printed in black and white. Every text cell goes through safeCell (no formula injection).
// exceljs is heavy: the tab should load this module with a dynamic import() when the user exports.
// One file: one short writer per sheet (summary, since approval, one per objective) sharing SheetWriter and the labels.
import ExcelJS from "exceljs";
import {
  isOverdue,
  sortByNumber,
  rollUp,
  summarisePlan,
  type PlanChanges,
  type Action,
  type Objective,
  type Person,
  type ProgressUpdate,
  type Rag,
} from "../plan";
import { changedSinceApproval, type ScopeField, type SinceApproval } from "../plan/cycle";
import { safeCell, type ExportValue } from "./escape";

/** Every word the workbook shows; the tab passes its i18n strings. `{name}` marks are filled in. */
export interface CommitteeLabels {
  summarySheet: string;
  /** {year} */
  title: string;
  /** {since} {today} */
  period: string;
  rag: Record<Rag, string>;
  notStarted: string;
  actionsByRag: string;
  total: string;
  overdue: string;
  objectives: string;
  number: string;
  objective: string;
  owner: string;
  actions: string;
  complete: string;
  action: string;
  leads: string;
  dueDate: string;
  ragHeader: string;
  progress: string;
  lastUpdate: string;
  lastUpdateNote: string;
  /** {since} */
  changesSince: string;
  ragMoves: string;
  from: string;
  to: string;
  date: string;
  by: string;
  completed: string;
  newlyOverdue: string;
  notes: string;
  note: string;
  noChanges: string;
  ragOverride: string;
  imports: string;
  /** {file} */
  importedFrom: string;
  sinceApprovalSheet: string;
  /** {date} */
  sinceApprovalTitle: string;
  change: string;
  added: string;
  removed: string;
  kept: string;
  dueThen: string;
  dueNow: string;
  scopeChanged: string;
  leadsThen: string;
  leadsNow: string;
  ragThen: string;
  ragNow: string;
  noChangesSinceApproval: string;
  scopeFields: Record<ScopeField, string>;
}

export const DEFAULT_COMMITTEE_LABELS: CommitteeLabels = {
  summarySheet: "Summary",
  title: "WRES action plan {year}: committee report",
  period: "Changes since {since}. Produced {today}.",
  rag: { Red: "Red", Amber: "Amber", Green: "Green", Blue: "Blue (complete)" },
  notStarted: "Not started",
  actionsByRag: "Actions by RAG",
  total: "Total",
  overdue: "Overdue",
  objectives: "Objectives",
  number: "No.",
  objective: "Objective",
  owner: "Owner",
  actions: "Actions",
  complete: "Complete",
  action: "Action",
  leads: "Leads",
  dueDate: "Due date",
  ragHeader: "RAG",
  progress: "Progress",
  lastUpdate: "Last update",
  lastUpdateNote: "Last update note",
  changesSince: "Changes since {since}",
  ragMoves: "RAG changes",
  from: "From",
  to: "To",
  date: "Date",
  by: "By",
  completed: "Completed",
  newlyOverdue: "Newly overdue",
  notes: "Progress notes and comments",
  note: "Note",
  noChanges: "None",
  ragOverride: "RAG set by the plan editor: {reason}",
  imports: "Plans imported",
  importedFrom: "Imported from {file}",
  sinceApprovalSheet: "Since approval",
  sinceApprovalTitle: "Changes since the plan was approved on {date}",
  change: "Change",
  added: "Added since approval",
  removed: "Removed since approval",
  kept: "In the approved plan",
  dueThen: "Due date at approval",
  dueNow: "Due date now",
  scopeChanged: "Scope changed",
  leadsThen: "Leads at approval",
  leadsNow: "Leads now",
  ragThen: "RAG at approval",
  ragNow: "RAG now",
  noChangesSinceApproval: "Nothing has changed since approval.",
  scopeFields: { title: "Title", kpis: "KPIs", milestones: "Milestones", outcomes: "Outcomes" },
};

/** Cell fill and a text colour that reads on it (contrast 4.5:1 or better). */
export const RAG_COLOURS: Record<Rag, { fill: string; text: string }> = {
  Red: { fill: "FFC00000", text: "FFFFFFFF" },
  Amber: { fill: "FFFFC000", text: "FF000000" },
  Green: { fill: "FF00B050", text: "FF000000" },
  Blue: { fill: "FF0070C0", text: "FFFFFFFF" },
};

export interface CommitteeWorkbookInput {
  year: string;
  objectives: readonly Objective[];
  actions: readonly Action[];
  /** Latest progress update per action id (PlanSnapshot.lastUpdates). */
  lastUpdates: Readonly<Record<number, ProgressUpdate>>;
  /** changesSince(updates, actions, since, today) of src/plan. */
  changes: PlanChanges;
  /** The chosen date (ISO). */
  since: string;
  /** Today (ISO date), for overdue; defaults to the current date. */
  today?: string;
  labels?: Partial<CommitteeLabels>;
  /** Today's plan against the copy the committee approved, when the year has one: its own sheet. */
  sinceApproval?: SinceApproval | null;
}

const DATE_FORMAT = "d mmm yyyy";
const HEADER_FILL = "FFD9E1F2";

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** An ISO date or timestamp as a UTC date cell (Excel dates carry no zone). */
function dateCell(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const match = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

function displayDate(iso: string): string {
  const date = dateCell(iso);
  return date ? date.toISOString().slice(0, 10) : iso;
}

function people(persons: readonly Person[], text: string | null): string {
  return [...persons.map((p) => p.title), ...(text ? [text] : [])].join("; ");
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

class SheetWriter {
  constructor(readonly ws: ExcelJS.Worksheet) {}

  row(values: ExportValue[], options: { bold?: boolean; size?: number } = {}): ExcelJS.Row {
    const row = this.ws.addRow(values.map((v) => safeCell(v)));
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
      cell.alignment = { vertical: "top", wrapText: true };
    });
    if (options.bold || options.size) row.font = { bold: options.bold ?? false, size: options.size ?? 11 };
    return row;
  }

  header(values: string[]): ExcelJS.Row {
    const row = this.row(values, { bold: true });
    row.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
      cell.border = { bottom: { style: "thin" } };
    });
    return row;
  }

  section(text: string): void {
    this.ws.addRow([]);
    this.row([text], { bold: true, size: 12 });
  }

  /** Writes the RAG's word into a cell and colours it. */
  rag(row: ExcelJS.Row, column: number, rag: Rag | null, labels: CommitteeLabels): void {
    const cell = row.getCell(column);
    cell.value = safeCell(rag ? labels.rag[rag] : labels.notStarted);
    if (!rag) return;
    const colours = RAG_COLOURS[rag];
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: colours.fill } };
    cell.font = { ...(row.font ?? {}), color: { argb: colours.text }, bold: true };
  }

  widths(widths: number[]): void {
    widths.forEach((width, i) => (this.ws.getColumn(i + 1).width = width));
  }
}

function newSheet(wb: ExcelJS.Workbook, name: string): SheetWriter {
  const ws = wb.addWorksheet(name, {
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  return new SheetWriter(ws);
}

function summarySheet(
  wb: ExcelJS.Workbook,
  input: CommitteeWorkbookInput,
  labels: CommitteeLabels,
  today: string,
): void {
  const s = newSheet(wb, sheetName(labels.summarySheet, new Set()));
  const actionsById = new Map(input.actions.map((a) => [a.id, a]));
  s.row([fill(labels.title, { year: input.year })], { bold: true, size: 16 });
  s.row([fill(labels.period, { since: displayDate(input.since), today: displayDate(today) })]);

  const plan = summarisePlan({ objectives: input.objectives, actions: input.actions }, today);
  s.section(labels.actionsByRag);
  s.header([labels.ragHeader, labels.actions]);
  for (const rag of ["Red", "Amber", "Green", "Blue"] as const) {
    const row = s.row([null, plan.actionsByRag[rag]]);
    s.rag(row, 1, rag, labels);
  }
  s.row([labels.total, plan.totalActions], { bold: true });
  s.row([labels.overdue, plan.overdue], { bold: true });

  s.section(labels.objectives);
  s.header([
    labels.number,
    labels.objective,
    labels.owner,
    labels.ragHeader,
    labels.actions,
    labels.complete,
    labels.overdue,
  ]);
  for (const { objective, rollUp: summary, progress, overdue } of plan.objectives) {
    const row = s.row([
      objective.number,
      objective.title,
      objective.owner?.title ?? null,
      null,
      progress.total,
      progress.complete,
      overdue.length,
    ]);
    s.rag(row, 4, summary.rag, labels);
  }

  s.section(fill(labels.changesSince, { since: displayDate(input.since) }));
  const actionCells = (id: number): ExportValue[] => {
    const action = actionsById.get(id);
    return [action?.number ?? null, action?.title ?? null];
  };

  if (input.changes.imports.length > 0) {
    s.section(labels.imports);
    s.header([labels.note, labels.date, labels.by, labels.actions]);
    for (const record of input.changes.imports)
      s.row([
        fill(labels.importedFrom, { file: record.fileName }),
        dateCell(record.date),
        record.author?.title ?? null,
        record.actions,
      ]);
  }

  s.section(labels.ragMoves);
  s.header([labels.number, labels.action, labels.from, labels.to, labels.date, labels.by]);
  if (input.changes.ragMoves.length === 0) s.row([labels.noChanges]);
  for (const move of input.changes.ragMoves) {
    const row = s.row([...actionCells(move.actionId), null, null, dateCell(move.date), move.author?.title ?? null]);
    if (move.from) s.rag(row, 3, move.from, labels);
    s.rag(row, 4, move.to, labels);
  }

  s.section(labels.completed);
  s.header([labels.number, labels.action, labels.date, labels.by]);
  if (input.changes.completed.length === 0) s.row([labels.noChanges]);
  for (const done of input.changes.completed)
    s.row([...actionCells(done.actionId), dateCell(done.date), done.author?.title ?? null]);

  s.section(labels.newlyOverdue);
  s.header([labels.number, labels.action, labels.dueDate, labels.leads]);
  if (input.changes.newlyOverdue.length === 0) s.row([labels.noChanges]);
  for (const action of input.changes.newlyOverdue)
    s.row([action.number, action.title, dateCell(action.dueDate), people(action.leads, action.leadText)]);

  s.section(labels.notes);
  s.header([labels.number, labels.action, labels.date, labels.by, labels.note]);
  if (input.changes.notes.length === 0) s.row([labels.noChanges]);
  for (const note of input.changes.notes)
    s.row([...actionCells(note.actionId), dateCell(note.date), note.author?.title ?? null, note.note]);

  s.widths([14, 60, 24, 18, 12, 12, 60]);
}

/** Progress against the approved plan: every action added, removed, re-dated, re-scoped, with new leads or a new RAG. */
function sinceApprovalSheet(s: SheetWriter, since: SinceApproval, labels: CommitteeLabels): void {
  s.row([fill(labels.sinceApprovalTitle, { date: displayDate(since.approvedAt) })], { bold: true, size: 14 });
  s.ws.addRow([]);
  const header = s.header([
    labels.number,
    labels.action,
    labels.change,
    labels.dueThen,
    labels.dueNow,
    labels.scopeChanged,
    labels.leadsThen,
    labels.leadsNow,
    labels.ragThen,
    labels.ragNow,
  ]);
  s.ws.views = [{ state: "frozen", ySplit: header.number }];
  const changed = sortByNumber(
    since.actions.filter(changedSinceApproval).map((row) => ({ ...row, number: row.action.number })),
  );
  if (changed.length === 0) s.row([labels.noChangesSinceApproval]);
  for (const row of changed) {
    const status = row.status === "added" ? labels.added : row.status === "removed" ? labels.removed : labels.kept;
    const dueThen = row.approved?.dueDate ?? null;
    const dueNow = row.status === "removed" ? null : row.action.dueDate;
    const written = s.row([
      row.action.number,
      row.action.title,
      status,
      dateCell(dueThen),
      dateCell(dueNow),
      row.rescoped.map((field) => labels.scopeFields[field]).join("; ") || null,
      row.leads ? row.leads.from.join("; ") : null,
      row.leads ? row.leads.to.join("; ") : null,
      null,
      null,
    ]);
    if (row.ragThen) s.rag(written, 9, row.ragThen, labels);
    if (row.ragNow) s.rag(written, 10, row.ragNow, labels);
  }
  s.widths([10, 50, 24, 14, 14, 22, 26, 26, 16, 16]);
}

function objectiveSheet(
  s: SheetWriter,
  objective: Objective,
  input: CommitteeWorkbookInput,
  labels: CommitteeLabels,
  today: string,
): void {
  const own = sortByNumber(input.actions.filter((a) => a.objectiveId === objective.id));
  const summary = rollUp(objective, own);
  s.row([`${objective.number} ${objective.title}`.trim()], { bold: true, size: 14 });
  if (objective.description) s.row([objective.description]);
  s.row([labels.owner, objective.owner?.title ?? null]);
  const ragRow = s.row([labels.ragHeader, null]);
  s.rag(ragRow, 2, summary.rag, labels);
  if (summary.source === "override" && summary.reason)
    s.row([null, fill(labels.ragOverride, { reason: summary.reason })]);
  s.ws.addRow([]);

  const header = s.header([
    labels.number,
    labels.action,
    labels.leads,
    labels.dueDate,
    labels.ragHeader,
    labels.progress,
    labels.lastUpdate,
    labels.lastUpdateNote,
  ]);
  s.ws.views = [{ state: "frozen", ySplit: header.number }];
  for (const action of own) {
    const last = input.lastUpdates[action.id];
    const row = s.row([
      action.number,
      action.title,
      people(action.leads, action.leadText),
      dateCell(action.dueDate),
      null,
      action.progress,
      dateCell(last?.date),
      last?.note ?? null,
    ]);
    s.rag(row, 5, action.rag, labels);
    if (isOverdue(action, today)) row.getCell(4).font = { bold: true, color: { argb: RAG_COLOURS.Red.fill } };
  }
  s.widths([10, 50, 26, 14, 16, 50, 14, 40]);
}

/** The committee workbook as .xlsx bytes. */
export async function committeeWorkbook(input: CommitteeWorkbookInput): Promise<Uint8Array> {
  const labels: CommitteeLabels = {
    ...DEFAULT_COMMITTEE_LABELS,
    ...input.labels,
    rag: { ...DEFAULT_COMMITTEE_LABELS.rag, ...input.labels?.rag },
    scopeFields: { ...DEFAULT_COMMITTEE_LABELS.scopeFields, ...input.labels?.scopeFields },
  };
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const wb = new ExcelJS.Workbook();
  wb.creator = "WRES Action Plans";
  wb.created = new Date(0);
  wb.modified = new Date(0);

  const taken = new Set([labels.summarySheet.toLowerCase()]);
  const objectives = sortByNumber(input.objectives);
  const names = new Map(objectives.map((o) => [o.id, sheetName(`${o.number} ${o.title}`, taken)]));
  summarySheet(wb, input, labels, today);
  if (input.sinceApproval)
    sinceApprovalSheet(newSheet(wb, sheetName(labels.sinceApprovalSheet, taken)), input.sinceApproval, labels);
  for (const objective of objectives)
    objectiveSheet(newSheet(wb, names.get(objective.id) as string), objective, input, labels, today);

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
