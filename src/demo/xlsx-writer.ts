// A minimal, fast SpreadsheetML (.xlsx) writer for synthetic demo workbooks.
// exceljs takes tens of seconds and gigabytes for 500,000 rows; the benchmark needs such
// workbooks in seconds, so we write the XML as strings (shared-string table, as Excel
// does) and zip it with fflate. The output opens in Excel and LibreOffice.
import { zipSync, strToU8 } from "fflate";
import { columnLetter } from "../workbook";

/** A calendar date (ISO yyyy-mm-dd), written as a serial number with a dd/mm/yyyy format. */
export interface DateCell {
  date: string;
}

export type WriterCell = string | number | boolean | null | undefined | DateCell;

export interface SheetSpec {
  name: string;
  /** Rows from the top of the sheet; produced lazily so huge sheets never exist as cell arrays. */
  rows: Iterable<WriterCell[]>;
  /** 1-based row numbers to write in bold (header rows). */
  boldRows?: number[];
  /** Merged ranges such as "A1:F1". */
  merges?: string[];
  /** Column widths in characters, from column A. */
  widths?: number[];
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes in styles.xml's cellXfs. */
const STYLE_DATE = 1;
const STYLE_BOLD = 2;

/** Rows encoded per chunk: keeps each intermediate string small (V8 strings cap near 512 MB). */
const ROWS_PER_CHUNK = 4096;

export function escapeXml(text: string): string {
  // Control characters other than tab/newline/CR are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
  return clean.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Excel's serial day number (1900 date system) for an ISO date. */
export function excelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  return Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1) / 86_400_000 + 25_569;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }

  toChunks(): Uint8Array[] {
    const chunks: Uint8Array[] = [
      strToU8(`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">`),
    ];
    let parts: string[] = [];
    for (const s of this.list) {
      const space = /^\s|\s$/.test(s) ? ' xml:space="preserve"' : "";
      parts.push(`<si><t${space}>${escapeXml(s)}</t></si>`);
      if (parts.length >= ROWS_PER_CHUNK * 4) {
        chunks.push(strToU8(parts.join("")));
        parts = [];
      }
    }
    parts.push("</sst>");
    chunks.push(strToU8(parts.join("")));
    return chunks;
  }
}

/** The chunks one after another in one array. */
export function concat(chunks: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function cellXml(ref: string, value: WriterCell, bold: boolean, strings: SharedStrings): string {
  const style = bold ? ` s="${STYLE_BOLD}"` : "";
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string") return `<c r="${ref}"${style} t="s"><v>${strings.id(value)}</v></c>`;
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}" s="${STYLE_DATE}"><v>${excelSerial(value.date)}</v></c>`;
}

function sheetXml(spec: SheetSpec, strings: SharedStrings): Uint8Array[] {
  const bold = new Set(spec.boldRows ?? []);
  const chunks: Uint8Array[] = [];
  let parts: string[] = [];
  let rowNumber = 0;
  let maxColumns = 1;
  for (const row of spec.rows) {
    rowNumber++;
    if (row.length > maxColumns) maxColumns = row.length;
    const isBold = bold.has(rowNumber);
    let xml = `<row r="${rowNumber}">`;
    for (let c = 0; c < row.length; c++) {
      xml += cellXml(columnLetter(c) + rowNumber, row[c], isBold, strings);
    }
    parts.push(xml + "</row>");
    if (parts.length >= ROWS_PER_CHUNK) {
      chunks.push(strToU8(parts.join("")));
      parts = [];
    }
  }
  chunks.push(strToU8(parts.join("")));
  const cols = spec.widths?.length
    ? `<cols>${spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const dimension = `A1:${columnLetter(maxColumns - 1)}${Math.max(rowNumber, 1)}`;
  const head = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
  const merges = spec.merges?.length
    ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const tail = `</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  return [strToU8(head), ...chunks, strToU8(tail)];
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Writes a workbook. `level` is the deflate level (1 is fastest; Excel itself uses 6). */
export function writeXlsx(
  sheets: SheetSpec[],
  options: { level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 } = {},
): Uint8Array {
  if (sheets.length === 0) throw new Error("A workbook needs at least one sheet");
  const strings = new SharedStrings();
  const sheetFiles = sheets.map((s) => concat(sheetXml(s, strings)));
  const sheetEntries = sheets.map(
    (s, i) => `<sheet name="${escapeXml(s.name.slice(0, 31))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  const workbook = `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetEntries.join("")}</sheets></workbook>`;
  const n = sheets.length;
  const workbookRels = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join(
      "",
    )}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join(
      "",
    )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
  const rootRels = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(contentTypes),
    "_rels/.rels": strToU8(rootRels),
    "xl/workbook.xml": strToU8(workbook),
    "xl/_rels/workbook.xml.rels": strToU8(workbookRels),
    "xl/styles.xml": strToU8(STYLES),
    "xl/sharedStrings.xml": concat(strings.toChunks()),
  };
  sheetFiles.forEach((bytes, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = bytes;
  });
  // A fixed timestamp keeps the bytes identical for the same seed.
  return zipSync(files, { level: options.level ?? 6, mtime: new Date(Date.UTC(2025, 3, 1)) });
}
