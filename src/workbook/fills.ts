// Solid fill colours of an .xlsx's cells, by sheet and A1 reference: a plan may show RAG only as the
// status cell's colour. Reads styles.xml (fills and cell formats) and each sheet's <c r= s=> tags;
// only explicit RGB colours count (theme and indexed colours are left out rather than guessed).
import { parseRelationships, parseWorkbook } from "./parts";
import { listEntries, readEntry, type InflateBudget } from "./zip";

const utf8 = new TextDecoder();

/** Style index -> "RRGGBB" for the cell formats whose fill is solid with an RGB colour. */
export function solidFillsByStyle(stylesXml: string): Map<number, string> {
  const fills: (string | null)[] = [];
  const fillsSection = stylesXml.match(/<(?:\w+:)?fills\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fills>/)?.[1] ?? "";
  for (const fill of fillsSection.matchAll(/<(?:\w+:)?fill\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?fill>)/g)) {
    const body = fill[1] ?? "";
    const solid = /patternType="solid"/.test(body);
    const rgb = body.match(/<(?:\w+:)?fgColor\b[^>]*\brgb="([0-9A-Fa-f]{6,8})"/)?.[1];
    fills.push(solid && rgb ? rgb.slice(-6).toUpperCase() : null);
  }
  const byStyle = new Map<number, string>();
  const xfs = stylesXml.match(/<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/)?.[1] ?? "";
  let index = 0;
  for (const xf of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)/g)) {
    const fillId = Number((xf[1] ?? "").match(/\bfillId="(\d+)"/)?.[1] ?? 0);
    const colour = fills[fillId];
    if (colour && colour !== "FFFFFF") byStyle.set(index, colour);
    index++;
  }
  return byStyle;
}

/** Fill colours per sheet name; an empty map when the workbook has no coloured cells. */
export function readCellFills(
  file: string,
  bytes: Uint8Array,
  maxUncompressedBytes: number,
): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const entries = listEntries(file, bytes);
  const budget: InflateBudget = { file, limit: maxUncompressedBytes, used: 0 };
  const text = (path: string | null) => {
    const entry = path ? entries.get(path) : undefined;
    return entry ? utf8.decode(readEntry(bytes, entry, budget)) : null;
  };
  const workbookXml = text("xl/workbook.xml");
  if (!workbookXml) return out;
  const info = parseWorkbook(workbookXml, parseRelationships(text("xl/_rels/workbook.xml.rels") ?? "", "xl"));
  const stylesXml = text(info.stylesPath);
  const byStyle = stylesXml ? solidFillsByStyle(stylesXml) : new Map<number, string>();
  if (byStyle.size === 0) return out;
  for (const sheet of info.sheets) {
    const xml = text(sheet.path);
    if (!xml) continue;
    const fills: Record<string, string> = {};
    for (const cell of xml.matchAll(/<(?:\w+:)?c\b([^>]*)/g)) {
      const attrs = cell[1] ?? "";
      const style = attrs.match(/\bs="(\d+)"/)?.[1];
      const at = attrs.match(/\br="([A-Z]+\d+)"/)?.[1];
      const colour = style === undefined ? undefined : byStyle.get(Number(style));
      if (colour && at) fills[at] = colour;
    }
    out.set(sheet.name, fills);
  }
  return out;
}
