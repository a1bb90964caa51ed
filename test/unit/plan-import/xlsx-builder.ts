// A minimal .xlsx writer for tests: inline strings, numbers, merged ranges, fills on cells and
// several sheets, zipped with fflate in memory. Enough to build plans and hostile workbooks
// without exceljs' own opinions about what a sheet may hold.
import { strToU8, zipSync } from "fflate";

export type TestCell = string | number | null | { value: string | number | null; fill?: string };

export interface TestSheet {
  name: string;
  /** rows[r][c]; a row may be sparse (holes are blank cells). */
  rows: TestCell[][];
  merges?: string[];
  /** Cells placed by A1 reference, besides `rows` (for far-away columns without a huge array). */
  cells?: { ref: string; value: string | number }[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellXml(ref: string, cell: TestCell, fills: Map<string, number>): string {
  const value = cell !== null && typeof cell === "object" ? cell.value : cell;
  const fill = cell !== null && typeof cell === "object" && cell.fill ? cell.fill : null;
  let style = "";
  if (fill) {
    if (!fills.has(fill)) fills.set(fill, fills.size + 1);
    style = ` s="${fills.get(fill)}"`;
  }
  if (value === null || value === undefined) return fill ? `<c r="${ref}"${style}/>` : "";
  if (typeof value === "number") return `<c r="${ref}"${style}><v>${value}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function sheetXml(sheet: TestSheet, fills: Map<string, number>): string {
  const byRow = new Map<number, string[]>();
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      const xml = cellXml(`${columnLetters(c + 1)}${r + 1}`, cell, fills);
      if (xml) cells.push(xml);
    });
    if (cells.length > 0) byRow.set(r + 1, cells);
  });
  for (const extra of sheet.cells ?? []) {
    const row = Number(extra.ref.replace(/^[A-Z]+/, ""));
    const cells = byRow.get(row) ?? [];
    cells.push(cellXml(extra.ref, extra.value, fills));
    byRow.set(row, cells);
  }
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cells]) => `<row r="${r}">${cells.join("")}</row>`)
    .join("");
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

function stylesXml(fills: Map<string, number>): string {
  const fillXml = [...fills.keys()]
    .map(
      (rgb) =>
        `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb.replace(/^#/, "").toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`,
    )
    .join("");
  const xfs = [...fills.values()]
    .map((i) => `<xf numFmtId="0" fontId="0" fillId="${i + 1}" borderId="0" applyFill="1"/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="${fills.size + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fillXml}</fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${fills.size + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</cellXfs></styleSheet>`;
}

/** The bytes of an .xlsx holding the given sheets. */
export function buildXlsx(sheets: TestSheet[]): Uint8Array {
  const fills = new Map<string, number>();
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, fills))));
  files["xl/styles.xml"] = strToU8(stylesXml(fills));
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  return zipSync(files, { level: 6 });
}
