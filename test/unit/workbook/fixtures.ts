// Builds small .xlsx workbooks in memory for tests, straight from SpreadsheetML with fflate,
// so each test controls exactly what the file contains (shared or inline strings, styles,
// formulas, merges, prefixes). Tests also use exceljs and SheetJS for files written by real writers.
import { strToU8, zipSync } from "fflate";
import { replaceEntry } from "../../support/zip";
import { WorkbookError } from "../../../src/workbook";

export type FixtureCell =
  | string
  | number
  | boolean
  | null
  | undefined
  | { date: number } // a serial number with a date style
  | { formula: string; cached: string | number | boolean }
  | { inline: string }
  | { raw: string }; // raw <c> inner XML

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  merges?: string[];
  hidden?: boolean;
}

export interface FixtureOptions {
  /** Put text in the shared string table (default) or write inline strings. */
  strings?: "shared" | "inline";
  date1904?: boolean;
  /** Custom date format code for date cells (default a built-in, numFmtId 14). */
  dateFormat?: string;
  /** Namespace prefix for SpreadsheetML elements, e.g. "x". */
  prefix?: string;
}

export function colLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// XML-escapes text; like Excel, writes a literal "_xHHHH_" as "_x005F_xHHHH_" so it is not read as an escape.
const esc = (s: string) =>
  s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

export function sheetXml(
  rows: FixtureCell[][],
  opts: FixtureOptions,
  sst: { list: string[]; index: Map<string, number> },
  merges: string[] = [],
): string {
  const p = opts.prefix ? `${opts.prefix}:` : "";
  const ns = opts.prefix ? `xmlns:${opts.prefix}` : "xmlns";
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${p}sheetData>`,
  ];
  rows.forEach((row, r) => {
    parts.push(`<${p}row r="${r + 1}">`);
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      const ref = `${colLetter(c)}${r + 1}`;
      if (typeof cell === "number") parts.push(`<${p}c r="${ref}"><${p}v>${cell}</${p}v></${p}c>`);
      else if (typeof cell === "boolean") parts.push(`<${p}c r="${ref}" t="b"><${p}v>${cell ? 1 : 0}</${p}v></${p}c>`);
      else if (typeof cell === "string") {
        if (opts.strings === "inline")
          parts.push(
            `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${esc(cell)}</${p}t></${p}is></${p}c>`,
          );
        else {
          let idx = sst.index.get(cell);
          if (idx === undefined) {
            idx = sst.list.length;
            sst.list.push(cell);
            sst.index.set(cell, idx);
          }
          parts.push(`<${p}c r="${ref}" t="s"><${p}v>${idx}</${p}v></${p}c>`);
        }
      } else if ("date" in cell) parts.push(`<${p}c r="${ref}" s="1"><${p}v>${cell.date}</${p}v></${p}c>`);
      else if ("formula" in cell) {
        const t = typeof cell.cached === "string" ? ` t="str"` : typeof cell.cached === "boolean" ? ` t="b"` : "";
        const v =
          typeof cell.cached === "boolean"
            ? cell.cached
              ? 1
              : 0
            : typeof cell.cached === "string"
              ? esc(cell.cached)
              : cell.cached;
        parts.push(`<${p}c r="${ref}"${t}><${p}f>${esc(cell.formula)}</${p}f><${p}v>${v}</${p}v></${p}c>`);
      } else if ("inline" in cell)
        parts.push(`<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${esc(cell.inline)}</${p}t></${p}is></${p}c>`);
      else parts.push(`<${p}c r="${ref}"${cell.raw}</${p}c>`);
    });
    parts.push(`</${p}row>`);
  });
  parts.push(`</${p}sheetData>`);
  if (merges.length)
    parts.push(
      `<${p}mergeCells count="${merges.length}">${merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join("")}</${p}mergeCells>`,
    );
  parts.push(`</${p}worksheet>`);
  return parts.join("");
}

export function buildXlsx(sheets: FixtureSheet[], opts: FixtureOptions = {}): Uint8Array {
  const sst = { list: [] as string[], index: new Map<string, number>() };
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows, opts, sst, s.merges));
  });
  const p = opts.prefix ? `${opts.prefix}:` : "";
  const ns = opts.prefix ? `xmlns:${opts.prefix}` : "xmlns";
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetEls = sheets
    .map(
      (s, i) =>
        `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${p}workbookPr${opts.date1904 ? ' date1904="1"' : ""}/><${p}sheets>${sheetEls}</${p}sheets></${p}workbook>`,
  );
  const rels = sheets.map(
    (_s, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(
    `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
  );
  rels.push(
    `<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  const dateFmt = opts.dateFormat
    ? `<${p}numFmts count="1"><${p}numFmt numFmtId="164" formatCode="${esc(opts.dateFormat)}"/></${p}numFmts>`
    : "";
  files["xl/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dateFmt}<${p}cellStyleXfs count="2"><${p}xf numFmtId="14"/><${p}xf numFmtId="14"/></${p}cellStyleXfs><${p}cellXfs count="2"><${p}xf numFmtId="0" fontId="0"/><${p}xf numFmtId="${opts.dateFormat ? 164 : 14}" applyNumberFormat="1"/></${p}cellXfs></${p}styleSheet>`,
  );
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.list.length}" uniqueCount="${sst.list.length}">${sst.list.map((s) => `<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`).join("")}</${p}sst>`,
  );
  return zipSync(files, { level: 1 });
}

/** A fast builder for very large single-sheet workbooks (bypasses per-cell objects). */
export function buildLargeXlsx(rowCount: number, makeRow: (r: number) => string): Uint8Array {
  const chunks: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  ];
  for (let r = 1; r <= rowCount; r++) chunks.push(`<row r="${r}">${makeRow(r)}</row>`);
  chunks.push(`</sheetData></worksheet>`);
  const base = buildXlsx([{ name: "Data", rows: [] }]);
  // Reuse the small package's parts, replacing the sheet.
  return replaceEntry(base, "xl/worksheets/sheet1.xml", strToU8(chunks.join("")));
}

export { replaceEntry };

export function fileOf(name: string, bytes: Uint8Array) {
  return { name, bytes };
}

/** The WorkbookError that `fn` throws, to check its message and what it carries. */
export function errorOf(fn: () => unknown): WorkbookError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw e;
  }
  throw new Error("expected a WorkbookError");
}

/** The columns of an ESR staff in post extract that the reader needs, in ESR's words and order. */
export const STAFF_HEADER = [
  "Employee Number",
  "Assignment Number",
  "Ethnic Origin",
  "Staff Group",
  "Pay Band",
  "Assignment Category",
  "Primary Assignment",
];

/** A row under STAFF_HEADER: an administrative and clerical band 5 permanent post. */
export const staffRow = (id: string, assignment: string, ethnicity: string, primary = "Yes"): FixtureCell[] => [
  id,
  assignment,
  ethnicity,
  "Administrative and Clerical",
  "Band 5",
  "Permanent",
  primary,
];
