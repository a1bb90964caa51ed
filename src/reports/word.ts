// Small helpers over the docx library for the plan's Word documents (the committee paper and the
// public version): headings that are real Word headings (the navigation pane and screen readers list
// them), tables with a repeating header row, RAG as words and as the cell's colour, the document's
// language, and the bytes. Pure: runs in the tab and in Node.
import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { Rag, IndicatorNumber } from "../plan";
import { figureText, type PlanFigures } from "./plan-figures";
import type { Direction, Trend } from "../indicators";
import { fill, type DocumentLocale } from "./text";

export { fill, longDate, type DocumentLocale } from "./text";

/** RAG cell colours and a text colour that reads on each (contrast 4.5:1 or better), as the Excel paper uses. */
export const RAG_FILL: Record<Rag, { fill: string; text: string }> = {
  Red: { fill: "C00000", text: "FFFFFF" },
  Amber: { fill: "FFC000", text: "000000" },
  Green: { fill: "00B050", text: "000000" },
  Blue: { fill: "0070C0", text: "FFFFFF" },
};

const HEADER_FILL = "D9E1F2";
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

export function heading(text: string, level: 1 | 2 | 3 = 1): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ heading: levels[level], children: [new TextRun(text)], keepNext: true });
}

export function title(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text)] });
}

/** A paragraph; line breaks in the text stay line breaks. */
export function para(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): Paragraph {
  const lines = text.split(/\r?\n/);
  return new Paragraph({
    spacing: { after: 120 },
    children: lines.map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: options.bold,
          italics: options.italics,
          size: options.size,
        }),
    ),
  });
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });
}

export interface Cell {
  text: string;
  bold?: boolean;
  fill?: string;
  color?: string;
}

function cell(content: string | Cell, width: number, header: boolean): TableCell {
  const c = typeof content === "string" ? { text: content } : content;
  const lines = c.text.split(/\r?\n/);
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: header
      ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: "auto" }
      : c.fill
        ? { type: ShadingType.CLEAR, fill: c.fill, color: "auto" }
        : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        children: lines.map(
          (line, i) =>
            new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: header || c.bold, color: c.color, size: 19 }),
        ),
      }),
    ],
  });
}

/** A table with a header row that repeats on every page; widths are percentages of the text width. */
export function table(headers: string[], rows: (string | Cell)[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, widths[i] ?? 10, true)),
      }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, widths[i] ?? 10, false)) }),
      ),
    ],
  });
}

/** A two-column table of labels and values (the paper's title block). */
export function fieldTable(fields: [string, string][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: fields.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [cell({ text: label, bold: true, fill: HEADER_FILL }, 30, false), cell(value, 70, false)],
        }),
    ),
  });
}

/** The RAG's word in a cell coloured as the RAG (readable printed in black and white too). */
export function ragCell(rag: Rag | null, words: Record<Rag, string>, none: string): Cell {
  if (!rag) return { text: none };
  return { text: words[rag], bold: true, fill: RAG_FILL[rag].fill, color: RAG_FILL[rag].text };
}

/** The words of the indicator figures table, shared by the committee paper and the public version. */
export interface FigureLabels {
  /** Indicator titles, "Indicator 1: workforce by pay band"... keyed "1".."9". */
  indicators: Record<string, string>;
  direction: Record<Direction, string>;
  trend: Record<Trend, string>;
  indicator: string;
  /** {year} */
  yearColumn: string;
  change: string;
  /** A figure typed in from a published report. */
  entered: string;
  /** {threshold} */
  hiddenNote: string;
  boardPublished: string;
  boardProtected: string;
  target: string;
  /** {value} {year} */
  targetText: string;
  onTrack: string;
  offTrack: string;
}

/** The nine indicators' headline figures, this year and last, with the change in words. */
export function figuresTable(figures: PlanFigures, labels: FigureLabels): Table {
  const entered = (indicator: IndicatorNumber, f: PlanFigures["rows"][number]["current"]) =>
    `${figureText(indicator, f)}${f.kind === "shown" && f.origin === "entered" ? ` (${labels.entered})` : ""}`;
  // A column for targets only when one is set: a plan without targets keeps the table it always had.
  const withTargets = figures.rows.some((r) => r.target !== null);
  const targetText = (row: PlanFigures["rows"][number]) => {
    if (!row.target) return "–";
    const value = figureText(row.indicator, { kind: "shown", value: row.target.value, origin: "entered" });
    const text = fill(labels.targetText, { value, year: row.target.year });
    const status = row.target.status;
    return status === null ? text : `${text}\n${status === "on-track" ? labels.onTrack : labels.offTrack}`;
  };
  return table(
    [
      labels.indicator,
      fill(labels.yearColumn, { year: figures.year }),
      fill(labels.yearColumn, { year: figures.previousYear }),
      labels.change,
      ...(withTargets ? [labels.target] : []),
    ],
    figures.rows.map((row) => [
      `${labels.indicators[String(row.indicator)] ?? String(row.indicator)}\n${labels.direction[row.direction]}`,
      entered(row.indicator, row.current),
      entered(row.indicator, row.previous),
      labels.trend[row.trend],
      ...(withTargets ? [targetText(row)] : []),
    ]),
    withTargets ? [40, 14, 14, 14, 18] : [52, 16, 16, 16],
  );
}

/** The notes under the figures table: what "*" means, and how board composition was published. */
export function figureNotes(figures: PlanFigures, labels: FigureLabels, hidden: boolean): Paragraph[] {
  const notes: Paragraph[] = [];
  if (hidden && figures.threshold !== null)
    notes.push(para(fill(labels.hiddenNote, { threshold: figures.threshold }), { size: 18 }));
  if (figures.publishBoardComposition !== null && figures.rows.some((r) => r.indicator === 9))
    notes.push(para(figures.publishBoardComposition ? labels.boardPublished : labels.boardProtected, { size: 18 }));
  return notes;
}

/** The document, A4 portrait, in the given language, as bytes. */
export async function documentBytes(options: {
  title: string;
  locale: DocumentLocale;
  creator: string;
  children: ISectionOptions["children"];
}): Promise<Uint8Array> {
  const doc = new Document({
    title: options.title,
    creator: options.creator,
    styles: {
      default: {
        document: { run: { font: "Arial", size: 22, language: { value: options.locale } } },
        title: {
          run: { font: "Arial", size: 40, bold: true, color: "000000" },
          paragraph: { spacing: { after: 240 } },
        },
        heading1: {
          run: { font: "Arial", size: 30, bold: true, color: "000000" },
          paragraph: { spacing: { before: 320, after: 120 } },
        },
        heading2: {
          run: { font: "Arial", size: 25, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 100 } },
        },
        heading3: {
          run: { font: "Arial", size: 22, bold: true, color: "000000" },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children: options.children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
