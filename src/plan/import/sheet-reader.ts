// One sheet's reading, row by row. One file because it is one stateful pass: the current objective,
// the last action (for continuations), the header row and the colour key are shared by every step.
import { type CellRange, columnLetter, rangeRef } from "../../workbook";
import type { Rag } from "../types";
import { compactSheet } from "./compact";
import { readDueDate } from "./due-dates";
import { FileReader, type ObjectiveBuilder } from "./file-reader";
import { ragOfColour, sameColour } from "./fills";
import { headerField, type HeaderRow, type PlanField, readHeaderRow, sameHeader } from "./headers";
import { actionKey, normaliseNumber, objectiveKey } from "./keys";
import { MAX_LEAD_LENGTH, MAX_NUMBER_LENGTH, MAX_PLAN_ROWS, MAX_TITLE_LENGTH, shortenAtWord } from "./limits";
import { fillMergedColumns, rowSpans } from "./merges";
import { readRag } from "./rag-words";
import { indicatorsInCell, indicatorsInText, unionIndicators } from "./references";
import {
  BARE_NUMBER,
  DESCRIPTION_LABELS,
  HEADING_WORD,
  isBlank,
  LEADING_NUMBER,
  NAMED_HEADING,
  NOISE_LINE,
  NOTE_LINE,
  NUMBERED_HEADING,
  OWNER_LINE,
  rowText,
  splitHeading,
  SUB_ITEM,
  tidyNumber,
  TITLE_LINE,
} from "./row-patterns";
import { cellText, comparable, oneLine, orNull, tidyLines } from "./text";
import {
  type GridCell,
  type GridSheet,
  type ImportedAction,
  type ImportIssue,
  type ImportIssueCode,
  type ImportOptions,
  type ImportRow,
  type PlanTable,
  rowKey,
  type RowRole,
} from "./types";
import { yearInText } from "./year";

export class SheetReader {
  private readonly rows: GridCell[][];
  private readonly spans: Map<number, CellRange>;
  /** The sheet's own column for each column of `rows` (which holds only the used ones). */
  private readonly columnOf: number[];
  private current: ObjectiveBuilder | null = null;
  private warnedNoHeading = false;
  /** The last action read, and the row after which a continuation may follow. */
  private lastAction: { action: ImportedAction; row: number } | null = null;
  /** The header row the editor chose, as read before their column mapping. */
  private chosenHeader: HeaderRow | null = null;
  /** Colour -> RAG from a key on the sheet. */
  private readonly colourKey: { colour: string; rag: Rag }[] = [];

  constructor(
    private readonly sheet: GridSheet,
    private readonly options: ImportOptions & { planYear: string },
    private readonly file: FileReader,
  ) {
    const compact = compactSheet(
      sheet.rows,
      sheet.merges.map(rangeRef).filter((m): m is CellRange => m !== null),
    );
    this.columnOf = compact.columnOf;
    this.rows = fillMergedColumns(compact.rows, compact.merges);
    this.spans = rowSpans(compact.merges);
  }

  /** Rows with anything in them. */
  filledRows(): number {
    return this.rows.filter((row) => row.some((cell) => !isBlank(cell))).length;
  }

  /** The text of the rows above the first header row (title lines), for the plan year. */
  titleText(): string[] {
    const header = this.findHeader();
    const end = header ? header.index : Math.min(this.rows.length, 10);
    return this.rows.slice(0, end).map((row) => row.map(cellText).join(" "));
  }

  hasTable(): boolean {
    return this.findHeader() !== null;
  }

  read(): void {
    if (this.rows.length > MAX_PLAN_ROWS && this.filledRows() > MAX_PLAN_ROWS) {
      this.issue("error", "tooManyRows", null, null, String(this.filledRows()));
      this.file.tooLarge = true;
      return;
    }
    const header = this.findHeader();
    if (!header) {
      // The editor chose a header row without an action column yet: show its columns so they can map one.
      if (this.chosenHeader) this.file.headers.push(this.tableOf(this.chosenHeader));
      if (this.rows.some((row) => row.some((cell) => !isBlank(cell)))) {
        this.issue("warning", "sheetSkipped", null, null, null);
        this.rows.forEach((row, r) => this.role(r, "ignored"));
      }
      return;
    }
    this.file.tables++;
    this.file.headers.push(this.tableOf(header));
    this.readColourKey();
    for (const ignored of header.ignored) {
      this.issue(
        "warning",
        ignored.duplicate ? "columnDuplicate" : "columnIgnored",
        header.index,
        ignored.column,
        ignored.text,
      );
    }
    if (this.headingFollowsHeader(header)) {
      for (let r = 0; r < header.index; r++) this.role(r, this.corrected(r) ?? "ignored");
    } else {
      this.above(header);
    }
    this.role(header.index, "header");
    for (let r = header.index + 1; r < this.rows.length; r++) this.readRow(r, header);
  }

  /** A header row's columns and the field each was read as, for the preview's column mapping. */
  private tableOf(header: HeaderRow): PlanTable {
    return {
      sheet: this.sheet.name,
      headerRow: header.index + 1,
      columns: (this.rows[header.index] ?? []).flatMap((cell, c) => {
        if (isBlank(cell)) return [];
        const field =
          (Object.entries(header.columns) as [PlanField, number][]).find(([, column]) => column === c)?.[0] ??
          (header.progressColumns.includes(c) ? "progress" : null);
        return [{ column: (this.columnOf[c] ?? c) + 1, text: oneLine(cellText(cell)), field }];
      }),
    };
  }

  private corrected(r: number): RowRole | undefined {
    return this.options.corrections?.roles?.[rowKey(this.sheet.name, r + 1)];
  }

  private role(r: number, role: RowRole): void {
    const row = this.rows[r] ?? [];
    if (!row.some((cell) => !isBlank(cell))) return;
    this.file.rows.push({ sheet: this.sheet.name, row: r + 1, role, text: rowText(row) });
  }

  private findHeader(): HeaderRow | null {
    const chosen = this.options.corrections?.headerRows?.[this.sheet.name];
    let header: HeaderRow | null = null;
    if (chosen !== undefined) {
      header = readHeaderRow(this.rows[chosen - 1] ?? [], chosen - 1, { lenient: true });
      this.chosenHeader = header;
    } else {
      for (let r = 0; r < this.rows.length && !header; r++) {
        if (this.corrected(r) !== undefined && this.corrected(r) !== "header") continue;
        header = readHeaderRow(this.rows[r] ?? [], r);
      }
    }
    return header ? this.mapped(header) : null;
  }

  /** The header with the editor's column mapping applied (sheet columns -> compact columns). */
  private mapped(header: HeaderRow): HeaderRow | null {
    const mapping = this.options.corrections?.columns?.[this.sheet.name];
    if (!mapping) return header.columns.title === undefined ? null : header;
    const columns = { ...header.columns };
    let progressColumns = header.progressColumns;
    for (const [field, column] of Object.entries(mapping) as [PlanField, number | null][]) {
      const compact = column === null ? -1 : this.columnOf.indexOf(column - 1);
      for (const [other, c] of Object.entries(columns) as [PlanField, number][])
        if (c === compact && other !== field) delete columns[other];
      progressColumns = progressColumns.filter((c) => c !== compact);
      if (compact < 0) {
        delete columns[field];
        if (field === "progress") progressColumns = [];
      } else {
        columns[field] = compact;
        if (field === "progress") progressColumns = [compact];
      }
    }
    if (columns.title === undefined) return null;
    const ignored = header.ignored.filter((i) => !Object.values(columns).includes(i.column));
    return { ...header, columns, progressColumns, ignored };
  }

  /** A colour key anywhere on the sheet: a cell that names a RAG and has a fill. */
  private readColourKey(): void {
    const fills = this.sheet.fills;
    if (!fills) return;
    this.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const fill = this.fillAt(r, c);
        if (!fill || isBlank(cell)) return;
        const reading = readRag(cellText(cell));
        if (reading.kind === "rag" && !this.colourKey.some((k) => sameColour(k.colour, fill)))
          this.colourKey.push({ colour: fill, rag: reading.rag });
      }),
    );
  }

  private fillAt(r: number, c: number): string | undefined {
    const column = this.columnOf[c];
    return column === undefined ? undefined : this.sheet.fills?.[`${columnLetter(column)}${r + 1}`];
  }

  private ragOfFill(r: number, c: number): Rag | null {
    const fill = this.fillAt(r, c);
    if (!fill) return null;
    return this.colourKey.find((k) => sameColour(k.colour, fill))?.rag ?? ragOfColour(fill);
  }

  /**
   * The rows above the (first) header row: title lines, a sponsor line, then perhaps the first
   * objective's heading with its notes ("Links to ...") and description rows.
   */
  private above(header: HeaderRow): void {
    const roles = new Map<number, RowRole>();
    let heading: number | null = null;
    for (let r = header.index - 1; r >= 0; r--) {
      const row = this.rows[r] ?? [];
      const filled = row.filter((cell) => !isBlank(cell));
      if (filled.length === 0) continue;
      const corrected = this.corrected(r);
      const text = cellText(filled[0]).trim();
      if (corrected !== undefined) {
        roles.set(r, corrected);
        if (corrected === "objective" && heading === null) heading = r;
        continue;
      }
      if (heading !== null) {
        roles.set(r, "ignored");
        continue;
      }
      if (filled.length >= 2 && DESCRIPTION_LABELS.has(comparable(text))) {
        roles.set(r, "note");
        continue;
      }
      // In the first row too: there a note belongs to nothing, but "Objective lead: ..." is still no heading.
      if (filled.length === 1 && (NOTE_LINE.test(text) || OWNER_LINE.test(text))) {
        roles.set(r, "note");
        continue;
      }
      if (
        filled.length === 1 &&
        (r > 0 || HEADING_WORD.test(text) || NUMBERED_HEADING.test(text)) &&
        this.headingAboveHeader(r, text)
      ) {
        heading = r;
        roles.set(r, "objective");
        continue;
      }
      roles.set(r, "ignored");
      heading = -1; // anything else ends the search: the rest is the title block
    }
    const found = heading !== null && heading >= 0 ? heading : null;
    if (found !== null)
      this.startObjective(cellText((this.rows[found] ?? []).find((cell) => !isBlank(cell))).trim(), found);
    for (let r = 0; r < header.index; r++) {
      const role = roles.get(r);
      if (role === undefined) continue;
      if (role === "note") {
        // A note belongs to the objective above it; in the title block it belongs to nothing.
        if (found !== null && r > found) this.readAs(r, "note", header, []);
        else this.role(r, "ignored");
      } else if (role === "action" || role === "continuation") {
        this.readAs(r, role, header, []);
      } else {
        this.role(r, role);
      }
    }
  }

  /** Whether the first row under the header is an objective heading (then none sits above it). */
  private headingFollowsHeader(header: HeaderRow): boolean {
    if (header.columns.objective !== undefined) return true;
    for (let r = header.index + 1; r < this.rows.length; r++) {
      const row = this.rows[r] ?? [];
      const filled: number[] = [];
      row.forEach((cell, c) => {
        if (!isBlank(cell)) filled.push(c);
      });
      if (filled.length === 0) continue;
      const text = cellText(row[filled[0] as number]).trim();
      return filled.length === 1 && this.isHeading(r, filled[0] as number, text, header);
    }
    return false;
  }

  /** A lone row just above the header is the first objective's heading unless it is the plan's title. */
  private headingAboveHeader(r: number, text: string): boolean {
    if (HEADING_WORD.test(text) || NUMBERED_HEADING.test(text)) return true;
    if (TITLE_LINE.test(text) || yearInText(text) !== null) return false;
    const span = this.spans.get(r);
    return (span !== undefined && span.right > span.left) || text.length <= 120;
  }

  /** A note row under an objective: label + text ("Objectives | ..."), "Links to ...", an owner line. */
  private noteRow(r: number): void {
    const row = this.rows[r] ?? [];
    const cells = row.filter((cell) => !isBlank(cell));
    const first = tidyLines(cellText(cells[0]));
    const label = comparable(first);
    if (cells.length >= 2 && DESCRIPTION_LABELS.has(label)) {
      const text = cells
        .slice(1)
        .map((cell) => tidyLines(cellText(cell)))
        .join("\n");
      // Before any heading, an "Objective | ..." row names the objective; other notes describe nothing yet.
      if (this.current || label.startsWith("objective")) this.describe(text, r, label.startsWith("objective"));
      return;
    }
    if (!this.current) return;
    const text = cells.map((cell) => tidyLines(cellText(cell))).join("\n");
    if (OWNER_LINE.test(first) && this.current.objective.ownerText === null) {
      this.current.objective.ownerText = oneLine(first.replace(OWNER_LINE, "")) || null;
    }
    this.describe(text, r, false);
  }

  private readRow(r: number, header: HeaderRow): void {
    const row = this.rows[r] ?? [];
    const filled: number[] = [];
    row.forEach((cell, c) => {
      if (!isBlank(cell)) filled.push(c);
    });
    if (filled.length === 0) return;
    const corrected = this.corrected(r);
    if (corrected !== undefined) {
      this.readAs(r, corrected, header, filled);
      return;
    }
    if (filled.every((c) => /^[\s\-–—_=*.]+$/.test(cellText(row[c])))) return this.role(r, "ignored"); // a ruled line
    // The header again, as on every printed page or under each objective.
    const titleCell = header.columns.title === undefined ? null : row[header.columns.title];
    if (headerField(titleCell) === "title") {
      const repeated = readHeaderRow(row, r);
      if (repeated && sameHeader(repeated, header)) return this.role(r, "header");
    }

    const first = filled[0] as number;
    const firstText = cellText(row[first]).trim();
    if (NOISE_LINE.test(firstText) || this.isColourKeyRow(row, filled)) return this.role(r, "ignored");
    if (filled.length === 1 && this.current && (OWNER_LINE.test(firstText) || NOTE_LINE.test(firstText)))
      return this.readAs(r, "note", header, filled);
    if (
      filled.length >= 2 &&
      first <= header.firstColumn &&
      DESCRIPTION_LABELS.has(comparable(firstText)) &&
      this.current
    )
      return this.readAs(r, "note", header, filled);
    if (this.isContinuation(r, row, header)) return this.readAs(r, "continuation", header, filled);
    if (filled.length === 1 && this.isHeading(r, first, firstText, header)) {
      if (this.isSubHeading(firstText)) return this.readAs(r, "note", header, filled);
      return this.readAs(r, "objective", header, filled);
    }
    if (filled.length >= 2 && first <= header.firstColumn && DESCRIPTION_LABELS.has(comparable(firstText)))
      return this.readAs(r, "note", header, filled);
    this.readAs(r, "action", header, filled);
  }

  private readAs(r: number, role: RowRole, header: HeaderRow, filled: number[]): void {
    const row = this.rows[r] ?? [];
    this.role(r, role);
    switch (role) {
      case "objective": {
        const first = filled[0] ?? row.findIndex((cell) => !isBlank(cell));
        const heading =
          header.columns.title !== undefined && !isBlank(row[header.columns.title]) && filled.length > 1
            ? row[header.columns.title]
            : row[first];
        this.startObjective(cellText(heading).trim(), r);
        this.lastAction = null;
        return;
      }
      case "note":
        this.noteRow(r);
        return;
      case "continuation":
        if (this.lastAction) this.continueAction(this.lastAction.action, r, header);
        else this.readAction(r, row, header);
        return;
      case "action":
        this.readAction(r, row, header);
        return;
      default:
        return;
    }
  }

  /** A row of RAG words on coloured cells, or "Key" and them: the sheet's colour key. */
  private isColourKeyRow(row: readonly GridCell[], filled: number[]): boolean {
    if (filled.length < 2) return false;
    const rags = new Set<Rag>();
    for (const c of filled) {
      const reading = readRag(cellText(row[c]));
      if (reading.kind !== "rag") return false;
      rags.add(reading.rag);
    }
    return rags.size === filled.length && rags.size >= 3;
  }

  /**
   * In a Word table, a row broken across a page arrives as a second row with the rest of its
   * cells: no number, no RAG, straight after the action (or after the header repeated on the page).
   */
  private isContinuation(r: number, row: readonly GridCell[], header: HeaderRow): boolean {
    if (this.sheet.origin !== "word" || !this.lastAction) return false;
    if (header.columns.number === undefined) {
      // Without a number column: a row with no action text, or one whose action text carries on mid-sentence.
      const text = cellText(row[header.columns.title ?? -1]).trim();
      if (text !== "" && (LEADING_NUMBER.test(text) || !/^[a-z(,;]/.test(text))) return false;
    } else if (header.columns.number !== undefined && !isBlank(row[header.columns.number])) return false;
    if (header.columns.rag !== undefined && !isBlank(row[header.columns.rag])) return false;
    // Only the header repeated on the new page (or nothing) may come between the two halves.
    for (let k = this.file.rows.length - 1; k >= 0; k--) {
      const seen = this.file.rows[k] as ImportRow;
      if (seen.sheet !== this.sheet.name) return false;
      if (seen.role === "header" || seen.role === "ignored") continue;
      return (seen.role === "action" || seen.role === "continuation") && seen.row - 1 === this.lastAction.row;
    }
    return false;
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

  /** Under headings that name themselves ("Objective 2: ...", "3. ..."), a lone plain line is a sub-heading. */
  private isSubHeading(text: string): boolean {
    if (HEADING_WORD.test(text) || NUMBERED_HEADING.test(text)) return false;
    return this.file.namedHeadings && this.current !== null && this.current.objective.actions.length > 0;
  }

  private startObjective(text: string, r: number): void {
    const { number: written, title: heading } = splitHeading(text);
    // A heading longer than a list title holds keeps its whole text in the objective's description
    // (a multi-line field) and a title cut at a word within the limit.
    const title = heading.length > MAX_TITLE_LENGTH ? shortenAtWord(heading, MAX_TITLE_LENGTH) : heading;
    if (title !== heading) {
      // The heading was read with the cell's lines joined: look for it the same way.
      const column = (this.rows[r] ?? []).findIndex((cell) => oneLine(cellText(cell)).includes(heading.slice(0, 40)));
      this.issue("warning", "headingTooLong", r, column < 0 ? null : column, heading.slice(0, 80));
    }
    if (written || HEADING_WORD.test(text)) this.file.namedHeadings = true;
    // An unnumbered heading repeated on a later page is the same objective, not the next number.
    const repeated = written ? undefined : this.file.objectiveByHeading(text);
    const number = written || repeated?.objective.fields.number || this.file.nextObjectiveNumber();
    const key = objectiveKey({ number, title });
    const known = repeated ?? this.file.objectiveByKey(key);
    if (known) {
      this.current = known; // the same heading repeated on a later page or sheet
      return;
    }
    const clash = this.file.objectiveByNumber(number);
    if (clash) this.issue("warning", "duplicateObjectiveNumber", r, null, number);
    this.current = this.file.addObjective({
      headingText: text,
      descriptions: title !== heading ? [heading] : [],
      numbers: new Set(),
      objective: {
        key,
        source: { sheet: this.sheet.name, row: r + 1 },
        actions: [],
        ownerText: null,
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

  /** The second half of a row Word broke across a page: its cells carry on the action above. */
  private continueAction(action: ImportedAction, r: number, header: HeaderRow): void {
    const row = this.rows[r] ?? [];
    const more = (field: PlanField) => this.text(row, header, field);
    const join = (before: string | null, after: string) => (after ? (before ? `${before}\n${after}` : after) : before);
    const fields = action.fields;
    const title = oneLine(more("title"));
    if (title) fields.title = `${fields.title} ${title}`.trim();
    const lead = oneLine(more("lead"), "; ");
    if (lead) fields.leadText = fields.leadText ? `${fields.leadText} ${lead}` : lead;
    fields.milestones = join(fields.milestones, more("milestones"));
    const progress = header.progressColumns
      .map((c) => tidyLines(cellText(row[c])))
      .filter((t) => t.length > 0)
      .at(-1);
    if (progress) fields.progress = join(fields.progress, progress);
    fields.kpis = join(fields.kpis, more("kpis"));
    fields.outcomes = join(fields.outcomes, more("outcomes"));
    const due = more("dueDate");
    if (due && fields.dueDate === null && !action.dueDateText) {
      const reading = readDueDate(due, this.options.planYear);
      if (reading.kind === "date") fields.dueDate = reading.iso;
      action.dueDateText = oneLine(due);
    }
    fields.indicators = unionIndicators(
      fields.indicators,
      indicatorsInText([title, more("kpis"), more("outcomes")].join("\n")),
    );
    this.lastAction = { action, row: r };
  }

  private readAction(r: number, row: readonly GridCell[], header: HeaderRow): void {
    const { columns } = header;
    let titleText = this.text(row, header, "title");
    let number = tidyNumber(this.text(row, header, "number"));
    if (columns.number === undefined) {
      const leading = oneLine(titleText).match(LEADING_NUMBER);
      if (leading && !/^\d{3,}/.test(leading[1] ?? "")) {
        number = (leading[1] ?? "").replace(/\.$/, "");
        titleText = tidyLines(titleText).replace(/^(?:action\s+)?\S+?\s*[.):\-–]?\s+/i, "");
      }
    }
    const title = oneLine(titleText);
    if (title.length === 0) {
      this.issue(
        "error",
        "missingActionText",
        r,
        columns.title ?? null,
        oneLine(
          row
            .map(cellText)
            .filter((t) => t.trim())
            .join(" | "),
        ),
      );
      return;
    }

    const ragColumn = columns.rag;
    let rag: Rag = "Green";
    let ragRead: Rag | null = null;
    if (ragColumn !== undefined) {
      const ragText = cellText(row[ragColumn]);
      const reading = readRag(ragText);
      if (reading.kind === "unknown") {
        const byFill = this.ragOfFill(r, ragColumn);
        if (byFill === null) {
          this.issue("error", "ragUnknown", r, ragColumn, ragText.trim());
          return;
        }
        ragRead = byFill;
      } else if (reading.kind === "empty") {
        ragRead = this.ragOfFill(r, ragColumn);
        if (ragRead === null) this.issue("warning", "ragMissing", r, ragColumn, null);
      } else if (reading.kind === "rag") ragRead = reading.rag;
      if (ragRead) rag = ragRead;
    }

    const objectiveText = this.text(row, header, "objective");
    if (objectiveText && (!this.current || this.current.headingText !== objectiveText))
      this.startObjective(objectiveText, r);

    const subItems = this.subItems(titleText);
    if (subItems) {
      this.readSubActions(r, row, header, subItems, number, rag, ragRead);
      return;
    }
    // In a plan of numbered themes with sub-actions, a theme without sub-actions is an objective with one action.
    if (
      this.file.subActionObjectives &&
      /^\d+$/.test(number) &&
      normaliseNumber(this.current?.objective.fields.number ?? "") !== number
    ) {
      this.startObjective(`${number}. ${title}`, r);
    }
    const objective = this.current ?? this.implicitObjective(r);
    if (number === "" && columns.number !== undefined) this.issue("warning", "missingNumber", r, columns.number, title);
    this.addAction(objective, r, row, header, {
      number,
      title,
      rag,
      ragRead,
      dueCell: this.dueCell(row, header),
      milestones: this.text(row, header, "milestones"),
    });
  }

  /** Sub-actions a, b, c written inside one cell, with the lines before them (a lead-in), or null. */
  private subItems(text: string): { leadIn: string; items: { letter: string; text: string }[] } | null {
    const lines = tidyLines(text).split("\n");
    const items: { letter: string; text: string }[] = [];
    const leadIn: string[] = [];
    for (const line of lines) {
      const match = line.match(SUB_ITEM);
      const expected = String.fromCharCode(97 + items.length);
      if (match && match[1]?.toLowerCase() === expected) items.push({ letter: expected, text: match[2] ?? "" });
      else if (items.length === 0) leadIn.push(line);
      else {
        const last = items[items.length - 1] as { text: string };
        last.text = `${last.text} ${line}`;
      }
    }
    return items.length >= 2 ? { leadIn: leadIn.join(" "), items } : null;
  }

  /**
   * "1. Supporting staff / a. ... / b. ..." in one cell, timescales stacked in the next: with no
   * objective yet in a plan laid out this way, the lead-in is the objective and a, b, c its actions;
   * under an objective, they are its actions numbered 2.1a, 2.1b, ...
   */
  private readSubActions(
    r: number,
    row: readonly GridCell[],
    header: HeaderRow,
    sub: { leadIn: string; items: { letter: string; text: string }[] },
    number: string,
    rag: Rag,
    ragRead: Rag | null,
  ): void {
    const leadIn = sub.leadIn.trim();
    let prefix = number;
    if ((this.current === null || this.file.subActionObjectives) && leadIn.length > 0) {
      const { number: written, title } = splitHeading(number ? `${number}. ${leadIn}` : leadIn);
      this.file.subActionObjectives = true;
      this.startObjective(written ? `${written}. ${title}` : title, r);
      prefix = (this.current as ObjectiveBuilder).objective.fields.number;
    }
    const objective = this.current ?? this.implicitObjective(r);
    const dueColumn = header.columns.dueDate;
    const dueCell = dueColumn === undefined ? null : (row[dueColumn] ?? null);
    const dueLines = typeof dueCell === "string" ? tidyLines(dueCell).split("\n") : [];
    const milestoneLines = tidyLines(this.text(row, header, "milestones")).split("\n");
    sub.items.forEach((item, i) => {
      const stacked = dueLines.length === sub.items.length;
      this.addAction(objective, r, row, header, {
        number: `${prefix}${item.letter}`,
        title: oneLine(item.text),
        rag,
        ragRead,
        dueCell: stacked ? (dueLines[i] ?? null) : dueCell,
        milestones:
          milestoneLines.length === sub.items.length ? (milestoneLines[i] ?? "") : this.text(row, header, "milestones"),
      });
    });
  }

  private dueCell(row: readonly GridCell[], header: HeaderRow): GridCell {
    const dueColumn = header.columns.dueDate;
    return dueColumn === undefined ? null : (row[dueColumn] ?? null);
  }

  private addAction(
    objective: ObjectiveBuilder,
    r: number,
    row: readonly GridCell[],
    header: HeaderRow,
    parts: { number: string; title: string; rag: Rag; ragRead: Rag | null; dueCell: GridCell; milestones: string },
  ): void {
    const { columns } = header;
    const { number, title, rag, ragRead, dueCell } = parts;
    const dueColumn = columns.dueDate;
    const due = readDueDate(typeof dueCell === "string" ? tidyLines(dueCell) : dueCell, this.options.planYear);
    const dueText = typeof dueCell === "string" ? oneLine(dueCell) : "";
    if (due.kind === "unknown" || due.kind === "ambiguous") {
      this.issue(
        "warning",
        due.kind === "unknown" ? "dateUnknown" : "dateAmbiguous",
        r,
        dueColumn ?? null,
        dueText || cellText(dueCell),
      );
    }
    // The timescale's words ("April 2021 (commencing)", "Ongoing") are kept at the top of the milestones.
    const keepDueText = dueText.length > 0 && !(due.kind === "date" && due.plain);
    const milestones = [keepDueText ? dueText : "", parts.milestones].filter((t) => t.length > 0).join("\n");

    const progress =
      header.progressColumns
        .map((c) => tidyLines(cellText(row[c])))
        .filter((t) => t.length > 0)
        .at(-1) ?? "";
    const kpis = this.text(row, header, "kpis");
    const outcomes = this.text(row, header, "outcomes");
    const indicators = unionIndicators(
      indicatorsInCell(this.text(row, header, "indicators")),
      indicatorsInText([title, kpis, outcomes, milestones].join("\n")),
    );

    // SharePoint refuses a single line of text longer than its field (Title 255, lead 255, number
    // 20): such a row is not imported, and the preview names its cell, rather than being cut short.
    if (title.length > MAX_TITLE_LENGTH) {
      this.issue("error", "titleTooLong", r, columns.title ?? null, title.slice(0, 80));
      return;
    }
    const leadText = oneLine(this.text(row, header, "lead"), "; ");
    if (leadText.length > MAX_LEAD_LENGTH) {
      this.issue("error", "tooLong", r, columns.lead ?? null, leadText.slice(0, 80));
      return;
    }
    if (number.length > MAX_NUMBER_LENGTH) {
      this.issue("error", "tooLong", r, columns.number ?? null, number.slice(0, 80));
      return;
    }
    const key = actionKey({ number, title });
    const normalised = normaliseNumber(number);
    if (normalised !== "" && objective.numbers.has(normalised))
      this.issue("warning", "duplicateNumber", r, columns.number ?? null, number);
    objective.numbers.add(normalised);

    const action: ImportedAction = {
      key,
      source: { sheet: this.sheet.name, row: r + 1 },
      dueDateText: dueText || null,
      ragRead,
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
    this.lastAction = { action, row: r };
  }

  private issue(
    severity: ImportIssue["severity"],
    code: ImportIssueCode,
    r: number | null,
    compactColumn: number | null,
    value: string | null,
  ): void {
    const c = compactColumn === null ? null : (this.columnOf[compactColumn] ?? compactColumn);
    this.file.issues.push({
      severity,
      code,
      file: this.options.fileName,
      sheet: this.sheet.name,
      row: r === null ? null : r + 1,
      column: c === null ? null : c + 1,
      cell: r === null || c === null ? null : `${columnLetter(c)}${r + 1}`,
      value,
    });
  }
}
