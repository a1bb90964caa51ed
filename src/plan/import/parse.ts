// Reads action plans laid out like published trust plans: title rows, a header row, objective
// headings (merged across the table, or alone in the first column), then one row per action.
// Whatever it cannot read is reported with sheet, row and column, never guessed.
import { readDueDate } from "./due-dates";
import { headerField, readHeaderRow, sameHeader, type HeaderRow, type PlanField } from "./headers";
import { actionKey, normaliseNumber, objectiveKey } from "./keys";
import { compactSheet } from "./compact";
import { fillMergedColumns, parseRange, rowSpans, type MergeRange } from "./merges";
import { readRag } from "./rag-words";
import { highImpactActionsInText, indicatorsInCell, indicatorsInText, unionIndicators } from "./references";
import { cellText, columnLetters, comparable, oneLine, orNull, tidyLines } from "./text";
import type { GridCell, GridSheet, ImportIssue, ImportIssueCode, ImportOptions, ImportedAction, ImportedObjective, PlanImport } from "./types";
import type { Rag } from "../types";

/** SharePoint's Title field holds 255 characters; the lists' lead text 255 and numbers 20 (src/sharepoint/schema.ts). */
export const MAX_TITLE_LENGTH = 255;
export const MAX_LEAD_LENGTH = 255;
export const MAX_NUMBER_LENGTH = 20;

/** Words that open an objective heading: "Objective 1: ...", "Priority 2 - ...". */
const HEADING_WORD = /^(?:strategic\s+)?(?:objective|priority|aim|goal|theme|workstream|section|amcan)s?\b/i;
/** "Objective 2: ..." or "Priority 3 - ...": a heading wherever it sits in the row. */
const NAMED_HEADING = /^(?:strategic\s+)?(?:objective|priority|aim|goal|theme|workstream|section|amcan)s?\s*(?:\d+|:)/i;
/** "1. Workforce data and representation": a number, then words. */
const NUMBERED_HEADING = /^\d{1,2}\s*[.):\-–]\s*\p{L}/u;
/** An action number on its own ("1.3", "2", "3a"). */
const BARE_NUMBER = /^\d+(?:\.\d+)*[a-z]?\.?$/i;
/** A lone "Executive lead: ..." or "Sponsor: ..." line under a heading: part of the objective's description. */
const OWNER_LINE = /^(?:executive |exec |senior responsible |board )?(?:lead|sponsor|owner|accountable)[\w ()/]{0,30}:/i;
/** Row labels that describe the objective above them ("Objectives", "What actions do we need to take and why?"). */
const DESCRIPTION_LABELS = new Set([
  "objective",
  "objectives",
  "aim",
  "aims",
  "rationale",
  "why",
  "background",
  "context",
  "purpose",
  "description",
  "what actions do we need to take and why",
  "what are we trying to accomplish",
]);

interface ObjectiveBuilder {
  objective: ImportedObjective;
  headingText: string;
  descriptions: string[];
  /** Normalised action numbers so far, to spot a number used twice. */
  numbers: Set<string>;
}

function isBlank(cell: GridCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** "Objective 1: Improve X" -> number "1", title "Improve X"; "1. Data" -> "1", "Data". */
export function splitHeading(text: string): { number: string; title: string } {
  const line = oneLine(text);
  const match = line.match(/^(?:(?:strategic\s+)?(?:objective|priority|aim|goal|theme|workstream|section|amcan)s?\b\.?)?\s*(\d+(?:\.\d+)*)?\s*[.):\-–]*\s*(.*)$/iu);
  const number = match?.[1] ?? "";
  const title = (match?.[2] ?? "").trim();
  return { number, title: title.length > 0 ? title : line };
}

class SheetReader {
  private readonly rows: GridCell[][];
  private readonly spans: Map<number, MergeRange>;
  /** The sheet's own column for each column of `rows` (which holds only the used ones). */
  private readonly columnOf: number[];
  private current: ObjectiveBuilder | null = null;
  private warnedNoHeading = false;

  constructor(
    private readonly sheet: GridSheet,
    private readonly options: ImportOptions,
    private readonly file: FileReader,
  ) {
    const compact = compactSheet(
      sheet.rows,
      sheet.merges.map(parseRange).filter((m): m is MergeRange => m !== null),
    );
    this.columnOf = compact.columnOf;
    this.rows = fillMergedColumns(compact.rows, compact.merges);
    this.spans = rowSpans(compact.merges);
  }

  read(): void {
    const header = this.findHeader();
    if (!header) {
      if (this.rows.some((row) => row.some((cell) => !isBlank(cell)))) this.issue("warning", "sheetSkipped", null, null, null);
      return;
    }
    this.file.tables++;
    for (const ignored of header.ignored) {
      this.issue("warning", ignored.duplicate ? "columnDuplicate" : "columnIgnored", header.index, ignored.column, ignored.text);
    }
    this.headingAbove(header);
    for (let r = header.index + 1; r < this.rows.length; r++) this.readRow(r, header);
  }

  private findHeader(): HeaderRow | null {
    for (let r = 0; r < this.rows.length; r++) {
      const header = readHeaderRow(this.rows[r] ?? [], r);
      if (header) return header;
    }
    return null;
  }

  /**
   * An objective heading between the title rows and the header row, with the rows that describe
   * it ("Objectives", "What actions do we need to take and why?") between it and the header.
   */
  private headingAbove(header: HeaderRow): void {
    const labels: number[] = [];
    for (let r = header.index - 1; r >= 0; r--) {
      const row = this.rows[r] ?? [];
      const filled = row.filter((cell) => !isBlank(cell));
      if (filled.length === 0) continue;
      const text = cellText(filled[0]).trim();
      if (filled.length >= 2 && DESCRIPTION_LABELS.has(comparable(text))) {
        labels.unshift(r);
        continue;
      }
      if (filled.length === 1 && (HEADING_WORD.test(text) || NUMBERED_HEADING.test(text))) this.startObjective(text, r);
      break;
    }
    for (const r of labels) this.describeRow(r, this.rows[r] ?? []);
  }

  private describeRow(r: number, row: readonly GridCell[]): void {
    const cells = row.filter((cell) => !isBlank(cell));
    const label = comparable(cellText(cells[0]));
    const text = cells
      .slice(1)
      .map((cell) => tidyLines(cellText(cell)))
      .join("\n");
    this.describe(text, r, label.startsWith("objective"));
  }

  private readRow(r: number, header: HeaderRow): void {
    const row = this.rows[r] ?? [];
    const filled: number[] = [];
    row.forEach((cell, c) => {
      if (!isBlank(cell)) filled.push(c);
    });
    if (filled.length === 0) return;
    if (filled.every((c) => /^[\s\-–—_=*.]+$/.test(cellText(row[c])))) return; // a ruled line
    // The header again, as on every printed page (checked only when the action cell reads as its header).
    const titleCell = header.columns.title === undefined ? null : row[header.columns.title];
    if (headerField(titleCell) === "title") {
      const repeated = readHeaderRow(row, r);
      if (repeated && sameHeader(repeated, header)) return;
    }

    const first = filled[0] as number;
    const firstText = cellText(row[first]).trim();
    if (filled.length === 1 && this.current && OWNER_LINE.test(firstText)) {
      this.describe(tidyLines(firstText), r, false);
      return;
    }
    if (filled.length === 1 && this.isHeading(r, first, firstText, header)) {
      this.startObjective(firstText, r);
      return;
    }
    if (filled.length >= 2 && first <= header.firstColumn && DESCRIPTION_LABELS.has(comparable(firstText))) {
      this.describeRow(r, row);
      return;
    }
    this.readAction(r, row, header);
  }

  private isHeading(r: number, column: number, text: string, header: HeaderRow): boolean {
    if (BARE_NUMBER.test(text)) return false; // a number with nothing else: a broken action row
    const span = this.spans.get(r);
    if (span && span.left <= column && span.right > column) return true;
    if (NAMED_HEADING.test(text)) return true;
    if (column > header.firstColumn) return false;
    // When the first column holds the action itself, a lone cell is an action unless it reads as a heading.
    if (column === header.columns.title) return HEADING_WORD.test(text) || NUMBERED_HEADING.test(text);
    return true;
  }

  private startObjective(text: string, r: number): void {
    const { number: written, title } = splitHeading(text);
    // An unnumbered heading repeated on a later page is the same objective, not the next number.
    const repeated = written ? undefined : this.file.objectiveByHeading(text);
    const number = written || repeated?.objective.fields.number || this.file.nextObjectiveNumber();
    const key = objectiveKey({ number, title });
    const known = repeated ?? this.file.objectiveByKey(key);
    if (known) {
      this.current = known; // the same heading repeated on a later page or sheet
      return;
    }
    this.current = this.file.addObjective({
      headingText: text,
      descriptions: [],
      numbers: new Set(),
      objective: {
        key,
        source: { sheet: this.sheet.name, row: r + 1 },
        actions: [],
        fields: {
          title,
          planYear: this.options.planYear,
          number,
          description: null,
          owner: null,
          sponsor: null,
          indicators: [],
          highImpactActions: [],
          ragOverride: null,
          ragOverrideReason: null,
        },
      },
    });
  }

  private describe(text: string, r: number, namesObjective: boolean): void {
    if (!this.current && namesObjective) this.startObjective(oneLine(text.split("\n")[0] ?? text), r);
    const target = this.current ?? this.implicitObjective(r);
    if (text.length > 0 && !target.descriptions.includes(text)) target.descriptions.push(text);
  }

  /**
   * Actions before any heading go under an objective named after the sheet: quietly when the
   * sheet is named like one ("Objective 2 - Fair processes"), with a warning otherwise.
   */
  private implicitObjective(r: number): ObjectiveBuilder {
    const named = HEADING_WORD.test(this.sheet.name) || NUMBERED_HEADING.test(this.sheet.name);
    if (!named && !this.warnedNoHeading) {
      this.issue("warning", "noObjectiveHeading", r, null, null);
      this.warnedNoHeading = true;
    }
    this.startObjective(this.sheet.name, r);
    return this.current as ObjectiveBuilder;
  }

  private text(row: readonly GridCell[], header: HeaderRow, field: PlanField): string {
    const column = header.columns[field];
    return column === undefined ? "" : tidyLines(cellText(row[column]));
  }

  private readAction(r: number, row: readonly GridCell[], header: HeaderRow): void {
    const { columns } = header;
    const title = oneLine(this.text(row, header, "title"));
    if (title.length === 0) {
      this.issue("error", "missingActionText", r, columns.title ?? null, oneLine(row.map(cellText).filter((t) => t.trim()).join(" | ")));
      return;
    }

    const ragColumn = columns.rag;
    let rag: Rag = "Green";
    if (ragColumn !== undefined) {
      const ragText = cellText(row[ragColumn]);
      const reading = readRag(ragText);
      if (reading.kind === "unknown") {
        this.issue("error", "ragUnknown", r, ragColumn, ragText.trim());
        return;
      }
      if (reading.kind === "empty") this.issue("warning", "ragMissing", r, ragColumn, null);
      else rag = reading.rag;
    }

    const objectiveText = this.text(row, header, "objective");
    if (objectiveText && (!this.current || this.current.headingText !== objectiveText)) this.startObjective(objectiveText, r);
    const objective = this.current ?? this.implicitObjective(r);

    let number = oneLine(this.text(row, header, "number")).replace(/\.$/, "");
    if (number === "" && columns.number !== undefined) this.issue("warning", "missingNumber", r, columns.number, title);
    number = number.trim();

    const dueColumn = columns.dueDate;
    const dueCell = dueColumn === undefined ? null : (row[dueColumn] ?? null);
    const due = readDueDate(typeof dueCell === "string" ? tidyLines(dueCell) : dueCell, this.options.planYear);
    const dueText = typeof dueCell === "string" ? oneLine(dueCell) : "";
    if (due.kind === "unknown" || due.kind === "ambiguous") {
      this.issue("warning", due.kind === "unknown" ? "dateUnknown" : "dateAmbiguous", r, dueColumn ?? null, dueText || cellText(dueCell));
    }
    // The timescale's words ("April 2021 (commencing)", "Ongoing") are kept at the top of the milestones.
    const keepDueText = dueText.length > 0 && !(due.kind === "date" && due.plain);
    const milestones = [keepDueText ? dueText : "", this.text(row, header, "milestones")].filter((t) => t.length > 0).join("\n");

    const progress =
      header.progressColumns
        .map((c) => tidyLines(cellText(row[c])))
        .filter((t) => t.length > 0)
        .at(-1) ?? "";
    const kpis = this.text(row, header, "kpis");
    const outcomes = this.text(row, header, "outcomes");
    const indicators = unionIndicators(indicatorsInCell(this.text(row, header, "indicators")), indicatorsInText([title, kpis, outcomes, milestones].join("\n")));

    if (title.length > MAX_TITLE_LENGTH) this.issue("warning", "titleTooLong", r, columns.title ?? null, title.slice(0, 80));
    const leadText = oneLine(this.text(row, header, "lead"), "; ");
    if (leadText.length > MAX_LEAD_LENGTH) this.issue("warning", "tooLong", r, columns.lead ?? null, leadText.slice(0, 80));
    if (number.length > MAX_NUMBER_LENGTH) this.issue("warning", "tooLong", r, columns.number ?? null, number.slice(0, 80));
    const key = actionKey({ number, title });
    const normalised = normaliseNumber(number);
    if (normalised !== "" && objective.numbers.has(normalised)) this.issue("warning", "duplicateNumber", r, columns.number ?? null, number);
    objective.numbers.add(normalised);

    const action: ImportedAction = {
      key,
      source: { sheet: this.sheet.name, row: r + 1 },
      dueDateText: dueText || null,
      fields: {
        number,
        title,
        leads: [],
        leadText: orNull(leadText),
        dueDate: due.kind === "date" ? due.iso : null,
        milestones: orNull(milestones),
        progress: orNull(progress),
        kpis: orNull(kpis),
        outcomes: orNull(outcomes),
        indicators,
        rag,
      },
    };
    objective.objective.actions.push(action);
  }

  private issue(severity: ImportIssue["severity"], code: ImportIssueCode, r: number | null, compactColumn: number | null, value: string | null): void {
    const c = compactColumn === null ? null : (this.columnOf[compactColumn] ?? compactColumn);
    this.file.issues.push({
      severity,
      code,
      file: this.options.fileName,
      sheet: this.sheet.name,
      row: r === null ? null : r + 1,
      column: c === null ? null : c + 1,
      cell: r === null || c === null ? null : `${columnLetters(c + 1)}${r + 1}`,
      value,
    });
  }
}

/** State shared by the sheets of one file: objectives can continue across sheets. */
class FileReader {
  constructor(readonly fileName: string) {}

  readonly issues: ImportIssue[] = [];
  /** Sheets where a plan table (a header row) was found. */
  tables = 0;
  private readonly builders: ObjectiveBuilder[] = [];

  objectiveByKey(key: string): ObjectiveBuilder | undefined {
    return this.builders.find((b) => b.objective.key === key);
  }

  objectiveByHeading(text: string): ObjectiveBuilder | undefined {
    const wanted = comparable(text);
    return this.builders.find((b) => comparable(b.headingText) === wanted);
  }

  addObjective(builder: ObjectiveBuilder): ObjectiveBuilder {
    this.builders.push(builder);
    return builder;
  }

  /** For a heading without a number: one more than the highest whole number so far. */
  nextObjectiveNumber(): string {
    let max = 0;
    for (const b of this.builders) {
      const n = Number(b.objective.fields.number);
      if (Number.isInteger(n) && n > max) max = n;
    }
    return String(max + 1);
  }

  result(): PlanImport {
    const objectives = this.builders
      .filter((b) => b.objective.actions.length > 0 || b.descriptions.length > 0 || HEADING_WORD.test(b.headingText) || NUMBERED_HEADING.test(b.headingText))
      .map((b) => this.finish(b));
    if (this.tables === 0) {
      this.issues.unshift({ severity: "error", code: "noPlanTable", file: this.fileName, sheet: null, row: null, column: null, cell: null, value: null });
    }
    return { objectives, issues: this.issues };
  }

  private finish(builder: ObjectiveBuilder): ImportedObjective {
    const { objective } = builder;
    const description = builder.descriptions.join("\n\n");
    const ownText = [objective.fields.title, description].join("\n");
    const actionText = objective.actions.map((a) => [a.fields.title, a.fields.kpis, a.fields.outcomes].join("\n")).join("\n");
    return {
      ...objective,
      fields: {
        ...objective.fields,
        description: orNull(description),
        indicators: unionIndicators(indicatorsInText(ownText), ...objective.actions.map((a) => a.fields.indicators)),
        highImpactActions: [...new Set([...highImpactActionsInText(ownText), ...highImpactActionsInText(actionText)])].sort(),
      },
    };
  }
}

/**
 * Reads a plan workbook's grid (readGrid of src/workbook) into objectives and actions for the
 * given plan year. Leads stay as text (`leadText`): matching them to people is the tab's job.
 */
export function parsePlanGrid(sheets: readonly GridSheet[], options: ImportOptions): PlanImport {
  const file = new FileReader(options.fileName);
  for (const sheet of sheets) new SheetReader(sheet, options, file).read();
  return file.result();
}
