// A Word document's text as tests read it back: its paragraphs, its tables as rows of strings
// (an empty cell is ""), and all of it as one string for "contains" and "does not contain".
import { readDocx } from "../../src/workbook/docx";

export interface WordText {
  paragraphs: string[];
  tables: string[][][];
  all: string;
}

export function wordText(bytes: Uint8Array): WordText {
  const content = readDocx("document.docx", bytes);
  const tables = content.tables.map((t) => t.rows.map((r) => r.map((c) => (c === null ? "" : String(c)))));
  return { paragraphs: content.paragraphs, tables, all: [...content.paragraphs, ...tables.flat(2)].join("\n") };
}
