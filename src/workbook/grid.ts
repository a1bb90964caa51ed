// readCells / readGrid: any supported file's bytes -> sheets of cells. Tells the format from the bytes, not
// the name, so a CSV saved as .xlsx still reads and an encrypted workbook gets a clear message.
import { fileError } from "./errors";
import { readCsvCells } from "./csv";
import type { ReadIssue } from "../indicators/input";
import type { Grid, GridOptions, InputFile } from "./types";
import type { CellSheet } from "./cells";
import { readXlsxCells } from "./xlsx";

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;
/** Excel's own sheet limit is 1,048,576 rows; CSV files may be longer, so allow a little more. */
export const DEFAULT_MAX_ROWS = 2_000_000;

export type FileFormat = "xlsx" | "cfb" | "text" | "unknown";

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffFormat(bytes: Uint8Array): FileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return "xlsx";
  if (CFB_SIGNATURE.every((b, i) => bytes[i] === b)) return "cfb";
  if (looksLikeText(bytes)) return "text";
  return "unknown";
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i] ?? 0;
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return control / n < 0.01;
}

/** Whether a CFB (OLE) file is an encrypted OOXML package rather than a legacy .xls. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  // Directory entries hold UTF-16LE stream names; an encrypted package has "EncryptionInfo".
  const name = "EncryptionInfo";
  const first = name.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    let ok = true;
    for (let k = 1; k < name.length && ok; k++)
      ok = bytes[i + 2 * k] === name.charCodeAt(k) && bytes[i + 2 * k + 1] === 0;
    if (ok && bytes[i + 1] === 0) return true;
  }
  return false;
}

const SPREADSHEET_NAME = /\.(xlsx|xlsm|xltx|xltm|xls)$/i;

/** Every sheet of a file as arrays of rows (for small sheets: previews, tests). Blank cells are null. */
export function readGrid(file: InputFile, options: GridOptions = {}): Grid {
  const { sheets, issues } = readCells(file, options);
  return { sheets: sheets.map(({ cells, ...sheet }) => ({ ...sheet, rows: cells.toRows() })), issues };
}

/**
 * Every sheet as sparse rows (what the plan import reads): only cells that hold something are
 * set, so a row with one cell in column XFD is one element, not 16,384 nulls. Iterate rows with
 * forEach or Object.keys, never by index up to `length`.
 */
export function readSparseGrid(file: InputFile, options: GridOptions = {}): Grid {
  const { sheets, issues } = readCells(file, options);
  return { sheets: sheets.map(({ cells, ...sheet }) => ({ ...sheet, rows: cells.toSparseRows() })), issues };
}

/** Every sheet of a file in compact cell stores (what the indicator reader uses). */
export function readCells(file: InputFile, options: GridOptions = {}): { sheets: CellSheet[]; issues: ReadIssue[] } {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxUncompressedBytes = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const { name, bytes } = file;
  if (bytes.length === 0) throw fileError(name, "file-empty", `${name} is empty.`);
  const format = sniffFormat(bytes);
  switch (format) {
    case "xlsx":
      return {
        sheets: readXlsxCells(name, bytes, {
          maxRows,
          maxUncompressedBytes,
          includeHidden: options.includeHidden ?? true,
          ...(options.columnsToRead ? { columnsToRead: options.columnsToRead } : {}),
        }),
        issues: [],
      };
    case "cfb":
      if (isEncryptedPackage(bytes)) {
        throw fileError(
          name,
          "file-encrypted",
          `${name} is password-protected. Remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password) and try again.`,
        );
      }
      throw fileError(
        name,
        "file-legacy-xls",
        `${name} is an old-format Excel 97-2003 workbook. Open it in Excel and save it as .xlsx, then try again.`,
      );
    case "text": {
      if (bytes.length > maxUncompressedBytes) {
        throw fileError(
          name,
          "file-too-large",
          `${name} is larger than ${Math.round(maxUncompressedBytes / 1e6)} MB, which is over the limit.`,
          { limitBytes: maxUncompressedBytes },
        );
      }
      const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart();
      if (head.startsWith("<")) {
        throw fileError(
          name,
          "file-unsupported",
          `${name} is a web page or XML file, not a workbook or CSV. Open it in Excel and save it as .xlsx.`,
        );
      }
      const issues: ReadIssue[] = [];
      if (SPREADSHEET_NAME.test(name)) {
        issues.push({
          severity: "warning",
          code: "csv-in-disguise",
          message: `${name} is named like an Excel workbook but contains CSV text; it was read as CSV.`,
          file: name,
          sheet: null,
          row: null,
          column: null,
          header: null,
        });
      }
      return { sheets: [readCsvCells(name, bytes, maxRows)], issues };
    }
    default:
      throw fileError(
        name,
        "file-corrupt",
        `${name} is not a readable workbook or CSV file (it may be damaged or in an unsupported format).`,
      );
  }
}
