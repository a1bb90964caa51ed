// Reads an .xlsx (or .xlsm) into cell stores: zip directory, workbook and relationships, shared strings,
// styles, then each worksheet through the byte scanner.
import { fileError } from "./errors";
import { rangeRef } from "./cell-refs";
import { fillMerges } from "./recognise";
import { parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook, type WorkbookInfo } from "./parts";
import { scanSheetStream, type ScannedSheet, type SheetScanOptions } from "./sheet";
import type { CellSheet, CellStore } from "./cells";
import { listEntries, readEntry, readEntryStream, type InflateBudget, type ZipEntry } from "./zip";

export interface XlsxReadOptions {
  maxUncompressedBytes: number;
  maxRows: number;
  includeHidden: boolean;
  /** See SheetScanOptions.columnsToRead: given the sheet's name, which columns' text the caller reads. */
  columnsToRead?: (sheet: string, top: CellStore) => Uint8Array | null;
}

const utf8 = new TextDecoder();

export function readXlsxCells(file: string, bytes: Uint8Array, options: XlsxReadOptions): CellSheet[] {
  const entries = listEntries(file, bytes);
  const budget: InflateBudget = { file, limit: options.maxUncompressedBytes, used: 0 };
  // Check the declared total before inflating anything: most bombs are caught here.
  let declared = 0;
  for (const e of entries.values()) if (/\.xml$|\.rels$/i.test(e.name)) declared += e.uncompressedSize;
  if (declared > budget.limit) {
    throw fileError(
      file,
      "file-too-large",
      `${file} would expand to more than ${Math.round(budget.limit / 1e6)} MB when opened, which is over the limit. Split the workbook or remove unused sheets.`,
      { limitBytes: budget.limit },
    );
  }

  const entry = (path: string): ZipEntry | undefined => entries.get(path) ?? findCaseInsensitive(entries, path);
  const text = (path: string | null): string | null => {
    if (!path) return null;
    const e = entry(path);
    return e ? utf8.decode(readEntry(bytes, e, budget)) : null;
  };

  const rootRels = text("_rels/.rels");
  const officeDoc = rootRels
    ? parseRelationships(rootRels, "").find((r) => r.type.endsWith("/officeDocument"))?.target
    : undefined;
  const workbookPath = officeDoc && entry(officeDoc) ? officeDoc : "xl/workbook.xml";
  const workbookXml = text(workbookPath);
  if (workbookXml === null) {
    if (entries.has("EncryptedPackage") || entries.has("EncryptionInfo")) {
      throw fileError(
        file,
        "file-encrypted",
        `${file} is password-protected. Remove the password in Excel and try again.`,
      );
    }
    if (entries.has("xl/workbook.bin")) {
      throw fileError(
        file,
        "file-xlsb",
        `${file} is an Excel binary workbook (.xlsb). Open it in Excel and save it as .xlsx, then try again.`,
      );
    }
    throw fileError(
      file,
      "file-not-workbook",
      `${file} is a zip file but not an Excel workbook (no workbook part found).`,
    );
  }
  const baseDir = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/")) : "";
  const relsPath = `${baseDir ? baseDir + "/" : ""}_rels/${workbookPath.slice(baseDir ? baseDir.length + 1 : 0)}.rels`;
  const rels = parseRelationships(text(relsPath) ?? "", baseDir);
  const info: WorkbookInfo = parseWorkbook(workbookXml, rels);
  const sstXml = text(
    info.sharedStringsPath ?? (entry(`${baseDir}/sharedStrings.xml`) ? `${baseDir}/sharedStrings.xml` : null),
  );
  const sharedStrings = sstXml ? parseSharedStrings(sstXml) : [];
  const stylesXml = text(info.stylesPath);
  const dateStyles = stylesXml ? parseDateStyles(stylesXml) : [];

  refuseSharedParts(file, info);
  const sheets: CellSheet[] = [];
  for (const ref of info.sheets) {
    if (!ref.path) continue; // chart sheets, dialog sheets
    if (!options.includeHidden && ref.state !== "visible") continue;
    const e = entry(ref.path);
    if (!e)
      throw fileError(file, "file-corrupt", `${file} is damaged: sheet "${ref.name}" is missing from the workbook.`, {
        sheet: ref.name,
      });
    // The part is scanned as it is inflated: its XML is never held whole, only the cells read from it.
    const scanOptions: SheetScanOptions = {
      sharedStrings,
      dateStyles,
      date1904: info.date1904,
      maxRows: options.maxRows,
    };
    const { columnsToRead } = options;
    const scan = (opts: SheetScanOptions) =>
      scanSheetStream((consume) => readEntryStream(bytes, e, budget, consume), e.uncompressedSize, opts);
    let scanned = scan(
      columnsToRead ? { ...scanOptions, columnsToRead: (top) => columnsToRead(ref.name, top) } : scanOptions,
    );
    // Merged cells can change what the top rows say, or copy a cell that was not read into one that is: then
    // the columns chosen may be wrong, and the sheet is read again in full (rare: merges in data rows).
    if (scanned.skipped && columnsToRead && !skipStillRight(scanned, columnsToRead, ref.name)) {
      scanned.cells.release();
      budget.used -= e.uncompressedSize;
      scanned = scan(scanOptions);
    }
    sheets.push({
      name: ref.name,
      cells: scanned.cells,
      merges: scanned.merges,
      ...(scanned.truncated ? { truncated: true } : {}),
      ...(scanned.problems.length > 0 ? { problems: scanned.problems } : {}),
    });
  }
  return sheets;
}

/** Whether the columns a scan skipped are still all unread once the sheet's merged cells are known. */
function skipStillRight(
  scanned: ScannedSheet,
  columnsToRead: (sheet: string, top: CellStore) => Uint8Array | null,
  sheet: string,
): boolean {
  const { skipped, merges, cells } = scanned;
  if (!skipped || merges.length === 0) return true;
  const { columns, fromRow } = skipped;
  for (const ref of merges) {
    const range = rangeRef(ref);
    // A merge whose value sits in a cell that was not read.
    if (range && range.top >= fromRow && columns[range.left] !== 1) return false;
  }
  // Merges in the top rows can change the header the columns were chosen by: choose again with them filled.
  fillMerges(cells, merges);
  const again = columnsToRead(sheet, cells);
  if (again === null) return false;
  for (let c = 0; c < again.length; c++) if (again[c] === 1 && columns[c] !== 1) return false;
  return true;
}

/** Two sheets naming one part: never written by Excel, and a way to make one part cost a thousand reads. */
function refuseSharedParts(file: string, info: WorkbookInfo): void {
  const seen = new Map<string, string>();
  for (const ref of info.sheets) {
    if (!ref.path) continue;
    const key = ref.path.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw fileError(
        file,
        "file-corrupt",
        `${file} is damaged: sheets "${first}" and "${ref.name}" are the same part (${ref.path}).`,
        { sheet: ref.name, part: ref.path },
      );
    }
    seen.set(key, ref.name);
  }
}

function findCaseInsensitive(entries: Map<string, ZipEntry>, path: string): ZipEntry | undefined {
  const lower = path.toLowerCase();
  for (const [name, e] of entries) if (name.toLowerCase() === lower) return e;
  return undefined;
}
