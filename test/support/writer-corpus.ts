// The same staff-in-post extract written the way different writers write .xlsx, for the benchmark's
// writer x width table and for the test that every writer's workbook gives the same results.
//
// Writers:
//   ours         the demo generator's writer (shared strings, plain cells)
//   exceljs      exceljs 4.4's streaming writer (shared strings)
//   sheetjs      SheetJS's writer (@e965/xlsx; strings as t="str" cells unless bookSST)
//   inline       inline strings, t="inlineStr" <is><t>...</t></is>, as streaming writers produce
//   excel        Excel's own shape: shared strings with rich-text runs, a style on every cell, row spans
//                and x14ac attributes, empty styled cells, namespaces and mc:Ignorable
//   libreoffice  LibreOffice's shape as the issue describes it: t="str" text, cells without r
//                attributes (every gap written as an empty cell), rows with many attributes, and runs
//                of repeated empty rows
// Widths: the staff extract's own columns (10 of the 13 at width 10), the rest columns the
// indicators do not use (cost centres, salaries, dates of birth...), interleaved with them.
import { PassThrough } from "node:stream";
import { strToU8, zipSync } from "fflate";
import { staffExtractRows } from "../../src/demo/trust";
import { concat, escapeXml, excelSerial, writeXlsx, type WriterCell } from "../../src/demo/xlsx-writer";
import { columnLetter } from "../../src/workbook/cell-refs";

export const WRITERS = ["ours", "exceljs", "sheetjs", "inline", "excel", "libreoffice"] as const;
export type Writer = (typeof WRITERS)[number];
export const WIDTHS = [10, 22, 40] as const;

export const STAFF_FILE = "staff-in-post-2024-25.xlsx";
const SHEET = "Staff in Post";
/** The staff extract's three title rows (title, source, blank) sit above its header. */
const TITLE_ROWS = 3;
/** Of the generator's 13 columns, those kept at width 10 (gender, disability and WTE dropped). */
const NARROW_COLUMNS = [0, 1, 2, 5, 6, 7, 8, 9, 10, 12];
const SOURCE_COLUMNS = 13;

/**
 * Names that match no field of any sheet kind the reader recognises, in the order of fillerValue's kinds
 * (f % 6: text from a few values, decimal, number, date, code or category, sparse flag).
 */
const FILLER_NAMES = [
  "Cost Centre",
  "Annual Salary",
  "Contracted Hours",
  "Date of Birth",
  "Sexual Orientation",
  "Car User",
  "Site",
  "Pension Contribution",
  "Annual Leave Entitlement",
  "Increment Date",
  "Position Code",
  "Night Worker",
];
const SITES = [
  "Main Hospital",
  "Community Hub North",
  "Community Hub South",
  "Eye Unit",
  "Day Surgery Centre",
  "Rehabilitation Unit",
  "Head Office",
];
const ORIENTATIONS = ["Heterosexual or Straight", "Gay or Lesbian", "Bisexual", "Not stated", "Undecided"];

function fillerName(f: number): string {
  return FILLER_NAMES[f] ?? `Local Field ${f + 1}`;
}

/** The value of filler column f on data row i: text from a few values, decimals, integers, dates, unique codes and sparse flags. */
function fillerValue(f: number, i: number): WriterCell {
  const h = (i * 7919 + f * 104_729) % 1_000_003;
  switch (f % 6) {
    case 0:
      return f % 12 === 0 ? `CC${100 + (h % 400)}` : (SITES[h % SITES.length] ?? "");
    case 1:
      return 18_000 + (h % 5_000_000) / 100;
    case 2:
      return 7.5 + (h % 30);
    case 3: {
      const day = new Date(Date.UTC(1960, 0, 1) + (h % 18_000) * 86_400_000);
      return { date: day.toISOString().slice(0, 10) };
    }
    case 4:
      return f % 12 === 4 ? (ORIENTATIONS[h % ORIENTATIONS.length] ?? "") : `P${String(h % 90_000).padStart(6, "0")}`;
    default:
      return h % 3 === 0 ? null : h % 2 === 0 ? "Yes" : "No";
  }
}

/** For each column of the wide sheet: the generator's column it shows, or -1 - filler index. */
function layout(width: number): number[] {
  const sources =
    width <= NARROW_COLUMNS.length
      ? NARROW_COLUMNS.slice(0, width)
      : Array.from({ length: SOURCE_COLUMNS }, (_, k) => k);
  const s = sources.length;
  const out: number[] = [];
  let filler = 0;
  let next = 0;
  for (let k = 0; k < width; k++) {
    // Source columns spread evenly among the fillers, so the columns the reader needs are not all at the left.
    const isSource = Math.floor(((k + 1) * s) / width) > Math.floor((k * s) / width);
    out.push(isSource ? (sources[next++] ?? 0) : -1 - filler++);
  }
  return out;
}

/** The staff extract at the given width: title rows, header, then one row per assignment. */
export function* staffRowsAt(width: number, staff: number, seed: number): Generator<WriterCell[]> {
  const columns = layout(width);
  let r = 0;
  for (const row of staffExtractRows({ staff, seed, year: "2024/25" })) {
    if (r < TITLE_ROWS) yield row;
    else if (r === TITLE_ROWS) yield columns.map((c) => (c >= 0 ? row[c] : fillerName(-1 - c)));
    else yield columns.map((c) => (c >= 0 ? row[c] : fillerValue(-1 - c, r)));
    r++;
  }
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DATE_FORMAT = "dd/mm/yyyy";
const isDate = (v: WriterCell): v is { date: string } => typeof v === "object" && v !== null;

/** Writes the extract with the named writer. */
export async function writeStaffWorkbook(writer: Writer, width: number, staff: number, seed = 1): Promise<Uint8Array> {
  const rows = staffRowsAt(width, staff, seed);
  switch (writer) {
    case "ours":
      return writeXlsx([{ name: SHEET, rows, boldRows: [1, 4], merges: ["A1:F1", "A2:F2"] }]);
    case "exceljs":
      return writeExceljs(rows, width);
    case "sheetjs":
      return writeSheetjs(rows, width);
    case "inline":
      return handWritten(rows, width, inlineShape());
    case "excel":
      return handWritten(rows, width, excelShape());
    case "libreoffice":
      return handWritten(rows, width, libreOfficeShape());
  }
}

async function writeExceljs(rows: Iterable<WriterCell[]>, width: number): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(SHEET);
  ws.columns = Array.from({ length: width }, () => ({ width: 18 }));
  for (const row of rows) {
    const values = row.map((v) => (isDate(v) ? excelSerial(v.date) : (v ?? null)));
    const added = ws.addRow(values);
    row.forEach((v, c) => {
      if (isDate(v)) added.getCell(c + 1).numFmt = DATE_FORMAT;
    });
    added.commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function writeSheetjs(rows: Iterable<WriterCell[]>, width: number): Promise<Uint8Array> {
  const XLSX = await import("@e965/xlsx");
  const grid: (string | number | boolean | null)[][] = [];
  const dates: [number, number][] = [];
  for (const row of rows) {
    const r = grid.length;
    grid.push(
      row.map((v, c) => {
        if (!isDate(v)) return v ?? null;
        dates.push([r, c]);
        return excelSerial(v.date);
      }),
    );
  }
  const ws = XLSX.utils.aoa_to_sheet(grid);
  for (const [r, c] of dates) {
    const cell = ws[XLSX.utils.encode_cell({ r, c })] as { z?: string } | undefined;
    if (cell) cell.z = DATE_FORMAT;
  }
  ws["!cols"] = Array.from({ length: width }, () => ({ wch: 18 }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, SHEET);
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
}

// ---- hand-written shapes ---------------------------------------------------------------------------

/** Style indexes of the hand-written shapes' cellXfs: 0 plain, 1 date, 2 bold, 3 a bordered text style. */
const STYLE_DATE = 1;
const STYLE_BOLD = 2;
const STYLE_BORDERED = 3;

interface Shape {
  /** The worksheet's root element and what comes before <sheetData>. */
  head: (width: number, rows: number) => string;
  row: (rowNumber: number, width: number, cells: string) => string;
  /** Cell XML for column c of a row (empty string for nothing). */
  cell: (ref: string, value: WriterCell, bold: boolean, strings: Strings) => string;
  /** Rows written after the data, and between the title rows and the header. */
  emptyRows: (from: number, count: number) => string;
  trailingEmptyRows: number;
  addressed: boolean;
  /** Whether text goes in a shared-string table (with rich-text runs). */
  shared: boolean;
}

class Strings {
  private readonly index = new Map<string, number>();
  readonly items: string[] = [];
  count = 0;
  constructor(private readonly rich: (text: string) => string | null) {}

  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.index.set(text, i);
      const runs = this.rich(text);
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      this.items.push(runs ?? `<si><t${space}>${escapeXml(text)}</t></si>`);
    }
    return i;
  }
}

function inlineShape(): Shape {
  return {
    head: () => `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>`,
    row: (r, _w, cells) => `<row r="${r}">${cells}</row>`,
    cell: (ref, v, bold) => {
      const s = bold ? ` s="${STYLE_BOLD}"` : "";
      if (v === null || v === undefined || v === "") return "";
      if (typeof v === "string") return `<c r="${ref}"${s} t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
      if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
      if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      return `<c r="${ref}" s="${STYLE_DATE}"><v>${excelSerial(v.date)}</v></c>`;
    },
    emptyRows: () => "",
    trailingEmptyRows: 0,
    addressed: true,
    shared: false,
  };
}

/** Excel writes rich text where part of a cell was formatted: here the titles, headers and the organisation names. */
function excelRich(text: string): string | null {
  const split = text.lastIndexOf(" ");
  if (split <= 0 || !/Directorate$|Snapshot|Produced|Number|Origin/.test(text)) return null;
  return `<si><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t>${escapeXml(text.slice(0, split))}</t></r><r><rPr><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t xml:space="preserve">${escapeXml(text.slice(split))}</t></r></si>`;
}

function excelShape(): Shape {
  return {
    head: (width, rows) =>
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}"><dimension ref="A1:${columnLetter(width - 1)}${rows}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A5" sqref="A5"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.4" x14ac:dyDescent="0.3"/><cols><col min="1" max="${width}" width="18.77734375" customWidth="1"/></cols><sheetData>`,
    row: (r, w, cells) => `<row r="${r}" spans="1:${w}" x14ac:dyDescent="0.3">${cells}</row>`,
    cell: (ref, v, bold, strings) => {
      if (v === null || v === undefined || v === "") return `<c r="${ref}" s="${bold ? STYLE_BOLD : STYLE_BORDERED}"/>`;
      const s = ` s="${bold ? STYLE_BOLD : STYLE_BORDERED}"`;
      if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
      if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
      if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      return `<c r="${ref}" s="${STYLE_DATE}"><v>${excelSerial(v.date)}</v></c>`;
    },
    emptyRows: () => "",
    trailingEmptyRows: 0,
    addressed: true,
    shared: true,
  };
}

function libreOfficeShape(): Shape {
  const rowAttrs =
    'customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"';
  return {
    head: (width, rows) =>
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:${columnLetter(width - 1)}${rows}"/><sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="true" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="100" workbookViewId="0"><selection pane="topLeft" activeCell="A1" activeCellId="0" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="11.53515625" defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"/><sheetData>`,
    row: (r, _w, cells) => `<row r="${r}" ${rowAttrs}>${cells}</row>`,
    cell: (_ref, v, bold) => {
      const s = ` s="${bold ? STYLE_BOLD : 0}"`;
      if (v === null || v === undefined || v === "") return `<c${s}/>`;
      if (typeof v === "string") return `<c${s} t="str"><v>${escapeXml(v)}</v></c>`;
      if (typeof v === "number") return `<c${s} t="n"><v>${v}</v></c>`;
      if (typeof v === "boolean") return `<c${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      return `<c s="${STYLE_DATE}" t="n"><v>${excelSerial(v.date)}</v></c>`;
    },
    emptyRows: (from, count) => {
      let xml = "";
      for (let k = 0; k < count; k++) xml += `<row r="${from + k}" ${rowAttrs}></row>`;
      return xml;
    },
    trailingEmptyRows: 200,
    addressed: false,
    shared: false,
  };
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${DATE_FORMAT}"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function handWritten(rows: Iterable<WriterCell[]>, width: number, shape: Shape): Uint8Array {
  const strings = new Strings(excelRich);
  const useShared = shape.shared;
  const chunks: Uint8Array[] = [];
  let parts: string[] = [];
  let r = 0;
  for (const row of rows) {
    r++;
    const bold = r === 1 || r === TITLE_ROWS + 1;
    let cells = "";
    for (let c = 0; c < row.length; c++)
      cells += shape.cell(shape.addressed ? columnLetter(c) + r : "", row[c], bold, strings);
    // LibreOffice writes the blank row between the titles and the header with its attributes, no cells.
    parts.push(
      row.length === 0 ? shape.emptyRows(r, 1) || shape.row(r, width, "") : shape.row(r, row.length || 1, cells),
    );
    if (parts.length >= 4096) {
      chunks.push(strToU8(parts.join("")));
      parts = [];
    }
  }
  parts.push(shape.emptyRows(r + 1, shape.trailingEmptyRows));
  chunks.push(
    strToU8(
      parts.join("") +
        '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
    ),
  );
  const sheet = concat([strToU8(XML_HEAD + shape.head(width, r)), ...chunks]);
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${useShared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}</Types>`,
    ),
    "_rels/.rels": strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>${useShared ? `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    ),
    "xl/styles.xml": strToU8(STYLES),
    "xl/worksheets/sheet1.xml": sheet,
  };
  if (useShared) {
    files["xl/sharedStrings.xml"] = strToU8(
      `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${strings.count}" uniqueCount="${strings.items.length}">${strings.items.join("")}</sst>`,
    );
  }
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2025, 3, 1)) });
}
