// The small workbook parts: shared strings, styles (to tell date cells), workbook and relationships.
import { attributes, section, startTags, stringItemText, xmlText } from "./xml";

/** Shared strings in index order. Rich-text runs are joined; phonetic runs are dropped. */
export function parseSharedStrings(xml: string): string[] {
  // Excel writes plain `<si>...</si>` items: find them with indexOf. Prefixed or attributed items
  // (other writers) take the pattern.
  if (/<[\w.-]+:si[\s/>]|<si[\s/]/.test(xml)) return parseSharedStringsByPattern(xml);
  const out: string[] = [];
  for (let at = xml.indexOf("<si>"); at >= 0;) {
    const end = xml.indexOf("</si>", at + 4);
    if (end < 0) break;
    const start = at + 4;
    // `<t>text</t>` alone, the usual item: one slice, no pattern.
    if (xml.startsWith("<t>", start) && xml.indexOf("<", start + 3) === end - 4)
      out.push(xmlText(xml.slice(start + 3, end - 4)));
    else out.push(stringItemText(xml.slice(start, end)));
    at = xml.indexOf("<si>", end + 5);
  }
  return out;
}

function parseSharedStringsByPattern(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? stringItemText(m[1]) : "");
  return out;
}

// Built-in number formats that display dates or times (ECMA-376 Part 1, 18.8.30).
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Whether a custom number format code displays a date or time. */
export function isDateFormatCode(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, "") // quoted literals
    .replace(/\\./g, "") // escaped characters
    .replace(/\[(?!h+\]|m+\]|s+\])[^\]]*\]/gi, "") // [Red], [$-809], conditions; keep [h] [mm] [ss]
    .replace(/General/gi, "");
  // Only the first section (positive numbers) decides.
  const first = stripped.split(";")[0] ?? "";
  return /[dmyhs]/i.test(first);
}

/** For each cell style index (the `s` attribute of a cell), whether it formats a date. */
export function parseDateStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  const numFmts = section(xml, "numFmts");
  if (numFmts !== null) {
    for (const a of startTags(numFmts, "numFmt"))
      custom.set(Number(a.get("numFmtId")), isDateFormatCode(a.get("formatCode") ?? ""));
  }
  const cellXfs = section(xml, "cellXfs");
  if (cellXfs === null) return [];
  return startTags(cellXfs, "xf").map((a) => {
    const id = Number(a.get("numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id);
  });
}

export interface SheetRef {
  name: string;
  /** Path of the sheet's part inside the zip, e.g. "xl/worksheets/sheet1.xml". */
  path: string | null;
  state: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
export function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (baseDir ? baseDir.split("/") : []).concat(target.split("/"));
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function parseRelationships(xml: string, baseDir: string): Relationship[] {
  return startTags(xml, "Relationship")
    .filter((a) => a.get("TargetMode") !== "External")
    .map((a) => ({
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: resolveTarget(baseDir, a.get("Target") ?? ""),
    }));
}

export function parseWorkbook(xml: string, rels: Relationship[]): WorkbookInfo {
  const byId = new Map(rels.map((r) => [r.id, r]));
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(xml);
  const date1904Attr = pr ? attributes(pr[1] ?? "").get("date1904") : undefined;
  const date1904 = date1904Attr === "1" || date1904Attr === "true";
  const sheets: SheetRef[] = startTags(section(xml, "sheets") ?? "", "sheet").map((a) => {
    const rel = byId.get(a.get("r:id") ?? a.get("id") ?? "");
    const state = a.get("state");
    return {
      name: a.get("name") ?? "",
      path: rel && /\/worksheet$/.test(rel.type) ? rel.target : null,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
    };
  });
  const find = (suffix: string) => rels.find((r) => r.type.endsWith(suffix))?.target ?? null;
  return { sheets, date1904, sharedStringsPath: find("/sharedStrings"), stylesPath: find("/styles") };
}

const MS_PER_DAY = 86_400_000;

/**
 * Converts an Excel serial date to an ISO date (yyyy-mm-dd) or date-time (yyyy-mm-ddThh:mm:ss); null past
 * 9999-12-31, Excel's last day in both date systems.
 */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= (date1904 ? 2_957_004 : 2_958_466)) return null;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds >= 86_400) {
    days += 1;
    seconds -= 86_400;
  }
  let base: number;
  if (date1904) base = Date.UTC(1904, 0, 1);
  else {
    // Serial 1 is 1900-01-01; Excel keeps Lotus's fictitious 1900-02-29 as serial 60.
    base = Date.UTC(1899, 11, 30);
    if (days < 60) days += 1;
  }
  // A time of day alone.
  if (serial < 1) return seconds ? hms(seconds) : null;
  const iso = isoDate(base / MS_PER_DAY + days);
  return seconds ? `${iso}T${hms(seconds)}` : iso;
}

/**
 * Days since 1970-01-01 to yyyy-mm-dd, by integer arithmetic (H. Hinnant's civil_from_days):
 * date columns hold tens of thousands of distinct days, and Date#toISOString was a hot spot.
 */
function isoDate(epochDays: number): string {
  const z = epochDays + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

function hms(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}
