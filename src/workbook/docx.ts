// Reads the tables of a Word document (.docx): word/document.xml inside the zip. Each top-level
// table becomes a grid: cells spanning grid columns (w:gridSpan) sit in their first column with a
// merged range across, vertically merged cells (w:vMerge) become a merged range down, paragraphs
// and line breaks inside a cell become lines, and a cell's shading (w:shd fill) is kept as its fill.
// Tables inside a cell are read as that cell's text, and a text box's paragraphs as lines before those
// of the paragraph holding it. Paragraphs outside tables are kept as text (the document's title names
// the plan year).
import { fileError } from "./errors";
import type { CellValue } from "./types";
import { listEntries, readEntry, type InflateBudget } from "./zip";

export interface DocxTable {
  name: string;
  rows: CellValue[][];
  merges: string[];
  fills: Record<string, string>;
}

export interface DocxContent {
  tables: DocxTable[];
  paragraphs: string[];
}

const DEFAULT_BUDGET = 64 * 1024 * 1024;

function letters(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function ref(r: number, c: number): string {
  return `${letters(c + 1)}${r + 1}`;
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower === "amp") return "&";
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attr(tag: string, name: string): string | null {
  const match = tag.match(new RegExp(`\\b${name}="([^"]*)"`));
  return match ? (match[1] ?? null) : null;
}

interface CellBuild {
  lines: string[];
  span: number;
  vMerge: "restart" | "continue" | null;
  fill: string | null;
}

interface TableBuild {
  rows: { cells: CellBuild[]; gridBefore: number }[];
}

/** The tables and loose paragraphs of document.xml. */
export function parseDocumentXml(xml: string): DocxContent {
  const tables: DocxTable[] = [];
  const paragraphs: string[] = [];
  let depth = 0;
  let table: TableBuild | null = null;
  let cell: CellBuild | null = null;
  let paragraph: string[] | null = null;
  /** Paragraphs holding a text box, set aside while the box's own paragraphs are read. */
  const holding: string[][] = [];
  let inText = false;
  let inCellProps = false;
  /** Inside a paragraph's tab stops (w:tabs), whose w:tab elements are stops, not tab characters. */
  let inTabStops = false;
  let fallback = 0;

  const endParagraph = () => {
    if (paragraph === null) return;
    const text = paragraph.join("");
    if (cell && depth >= 1) cell.lines.push(text);
    else if (depth === 0 && text.trim()) paragraphs.push(text.trim());
    paragraph = null;
  };

  for (const token of xml.matchAll(/<[^>]+>|[^<]+/g)) {
    const t = token[0];
    if (t[0] !== "<") {
      if (inText && paragraph && fallback === 0) paragraph.push(decode(t));
      continue;
    }
    const closing = t[1] === "/";
    const name = t.slice(closing ? 2 : 1).match(/^[\w:.-]+/)?.[0] ?? "";
    const selfClosing = t.endsWith("/>");
    if (name === "mc:Fallback") {
      if (!selfClosing) fallback += closing ? -1 : 1;
      continue;
    }
    if (fallback > 0) continue;
    switch (name) {
      case "w:tbl":
        if (closing) {
          depth--;
          if (depth === 0 && table) {
            tables.push(layOut(table, `Table ${tables.length + 1}`));
            table = null;
          }
        } else {
          depth++;
          if (depth === 1) table = { rows: [] };
        }
        break;
      case "w:tr":
        if (depth === 1 && table && !closing) table.rows.push({ cells: [], gridBefore: 0 });
        break;
      case "w:gridBefore":
        if (depth === 1 && table) {
          const row = table.rows.at(-1);
          if (row) row.gridBefore = Number(attr(t, "w:val") ?? 0) || 0;
        }
        break;
      case "w:tc":
        if (depth === 1 && table) {
          if (closing) {
            endParagraph();
            cell = null;
          } else {
            cell = { lines: [], span: 1, vMerge: null, fill: null };
            table.rows.at(-1)?.cells.push(cell);
          }
        }
        break;
      case "w:tcPr":
        if (depth === 1) inCellProps = !closing && !selfClosing;
        break;
      case "w:gridSpan":
        if (depth === 1 && cell && inCellProps)
          cell.span = Math.max(1, Math.min(64, Number(attr(t, "w:val") ?? 1) || 1));
        break;
      case "w:vMerge":
        if (depth === 1 && cell && inCellProps) cell.vMerge = attr(t, "w:val") === "restart" ? "restart" : "continue";
        break;
      case "w:shd":
        if (depth === 1 && cell && inCellProps) {
          const fill = attr(t, "w:fill");
          if (fill && /^[0-9a-f]{6}$/i.test(fill) && fill.toUpperCase() !== "FFFFFF") cell.fill = fill.toUpperCase();
        }
        break;
      case "w:p":
        if (closing) {
          endParagraph();
          paragraph = holding.pop() ?? null;
        } else if (selfClosing) {
          const outer: string[] | null = paragraph;
          paragraph = [];
          endParagraph();
          paragraph = outer;
        } else {
          // A text box's paragraphs sit inside the paragraph that holds the box: theirs come first, as lines
          // (or paragraphs) of their own, and the holding paragraph's text before and after the box is kept.
          if (paragraph !== null) holding.push(paragraph);
          paragraph = [];
        }
        break;
      case "w:t":
        inText = !closing && !selfClosing;
        break;
      case "w:br":
      case "w:cr":
        if (paragraph) paragraph.push("\n");
        break;
      case "w:tabs":
        inTabStops = !closing && !selfClosing;
        break;
      case "w:tab":
        if (paragraph && !inTabStops) paragraph.push(" ");
        break;
      default:
        break;
    }
  }
  return { tables, paragraphs };
}

/** Places a table's cells on its grid, with merged ranges for spans across and down. */
function layOut(table: TableBuild, name: string): DocxTable {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const fills: Record<string, string> = {};
  /** Vertical merges still open, by first grid column. */
  const open = new Map<number, { top: number; bottom: number; left: number; right: number }>();
  const close = (c: number) => {
    const m = open.get(c);
    if (!m) return;
    if (m.bottom > m.top || m.right > m.left) merges.push(`${ref(m.top, m.left)}:${ref(m.bottom, m.right)}`);
    open.delete(c);
  };
  table.rows.forEach((row, r) => {
    const out: CellValue[] = [];
    let c = row.gridBefore;
    for (const cell of row.cells) {
      const right = c + cell.span - 1;
      if (cell.vMerge === "continue" && open.has(c)) {
        (open.get(c) as { bottom: number }).bottom = r;
      } else {
        close(c);
        const text = cell.lines.join("\n").replace(/\n+$/, "");
        if (text.trim() !== "") out[c] = text;
        if (cell.fill) fills[ref(r, c)] = cell.fill;
        if (cell.vMerge === "restart") open.set(c, { top: r, bottom: r, left: c, right });
        else if (right > c) merges.push(`${ref(r, c)}:${ref(r, right)}`);
      }
      c = right + 1;
    }
    // A column with no continuing cell in this row ends its vertical merge.
    for (const [start, m] of [...open]) if (m.bottom < r) close(start);
    rows.push(out);
  });
  for (const start of [...open.keys()]) close(start);
  return { name, rows, merges, fills };
}

/** Reads a .docx file's tables and paragraphs; damaged or password-protected files get a clear message. */
export function readDocx(file: string, bytes: Uint8Array, maxUncompressedBytes = DEFAULT_BUDGET): DocxContent {
  const entries = listEntries(file, bytes);
  const entry = entries.get("word/document.xml");
  if (!entry) {
    throw fileError(
      file,
      "file-not-document",
      `${file} is a zip file but not a Word document (no word/document.xml found).`,
    );
  }
  if (entry.uncompressedSize > maxUncompressedBytes) {
    throw fileError(
      file,
      "file-too-large",
      `${file} would expand to more than ${Math.round(maxUncompressedBytes / 1e6)} MB when opened, which is over the limit.`,
      {
        limitBytes: maxUncompressedBytes,
      },
    );
  }
  const budget: InflateBudget = { file, limit: maxUncompressedBytes, used: 0 };
  return parseDocumentXml(new TextDecoder().decode(readEntry(bytes, entry, budget)));
}
