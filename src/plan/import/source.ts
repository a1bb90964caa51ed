// A plan file's bytes -> the sheets (or Word tables) the parser reads, with cell fills and the
// document's loose text. Tells Word from Excel from CSV by the bytes; every failure is a
// WorkbookError with one plain sentence naming the file.
import {
  readDocx,
  fileError,
  WorkbookError,
  readCellFills,
  readSparseGrid,
  sniffFormat,
  listEntries,
} from "../../workbook";
import type { GridSheet } from "./types";

export interface PlanSource {
  format: "xlsx" | "docx" | "csv";
  sheets: GridSheet[];
  /** Paragraphs outside tables (Word). */
  documentText: string[];
}

/** A plan is small: the same cap for the uncompressed parts of a workbook or document. */
export const PLAN_MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
/** Read this many rows at most; a longer sheet is refused by the parser as not a plan. */
const PLAN_MAX_ROWS = 100_000;

const WORD_NAME = /\.(docx|docm|dotx|doc)$/i;

export function readPlanFile(file: { name: string; bytes: Uint8Array }): PlanSource {
  const { name, bytes } = file;
  if (bytes.length === 0) throw fileError(name, "file-empty", `${name} is empty.`);
  const format = sniffFormat(bytes);
  if (format === "cfb" && WORD_NAME.test(name)) {
    if (/\.doc$/i.test(name) && !hasEncryptionInfo(bytes)) {
      throw fileError(
        name,
        "file-legacy-doc",
        `${name} is an old-format Word 97-2003 document. Open it in Word and save it as .docx, then try again.`,
      );
    }
    throw fileError(
      name,
      "file-encrypted",
      `${name} is password-protected. Remove the password in Word (File > Info > Protect Document > Encrypt with Password) and try again.`,
    );
  }
  if (format === "xlsx") {
    let entries;
    try {
      entries = listEntries(name, bytes);
    } catch (error) {
      if (WORD_NAME.test(name) && error instanceof WorkbookError)
        throw fileError(name, "file-corrupt", `${name} is damaged: it could not be opened as a Word document.`);
      throw error;
    }
    if (entries.has("word/document.xml")) {
      try {
        const content = readDocx(name, bytes, PLAN_MAX_UNCOMPRESSED_BYTES);
        return {
          format: "docx",
          documentText: content.paragraphs,
          sheets: content.tables.map((t) => ({
            name: t.name,
            rows: t.rows,
            merges: t.merges,
            fills: t.fills,
            origin: "word" as const,
          })),
        };
      } catch (error) {
        if (error instanceof WorkbookError && error.issue.code === "file-corrupt") {
          throw fileError(name, "file-corrupt", `${name} is damaged: it could not be opened as a Word document.`);
        }
        throw error;
      }
    }
  }
  const grid = readSparseGrid(file, { maxUncompressedBytes: PLAN_MAX_UNCOMPRESSED_BYTES, maxRows: PLAN_MAX_ROWS });
  const fills =
    format === "xlsx"
      ? readCellFills(name, bytes, PLAN_MAX_UNCOMPRESSED_BYTES)
      : new Map<string, Record<string, string>>();
  return {
    format: format === "xlsx" ? "xlsx" : "csv",
    documentText: [],
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      rows: s.rows,
      merges: s.merges,
      origin: "excel" as const,
      ...(fills.get(s.name) ? { fills: fills.get(s.name) } : {}),
    })),
  };
}

function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const name = "EncryptionInfo";
  for (let i = bytes.indexOf(name.charCodeAt(0)); i >= 0; i = bytes.indexOf(name.charCodeAt(0), i + 1)) {
    let ok = bytes[i + 1] === 0;
    for (let k = 1; k < name.length && ok; k++)
      ok = bytes[i + 2 * k] === name.charCodeAt(k) && bytes[i + 2 * k + 1] === 0;
    if (ok) return true;
  }
  return false;
}
