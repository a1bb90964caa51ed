// Small display helpers of the indicator screens, as plain functions (unit-tested without React): the
// validation report's exclusions, a document's indicators in order, file sizes, the year to save under.
// The rest lives by concern: headline.ts, saved-results.ts, settings.ts, trend.ts.
import type { ResultsDocument } from "../../indicators";
import type { SheetSummary } from "../../indicators";

export interface ExclusionLine {
  file: string;
  sheet: string | null;
  reason: string;
  rows: number;
}

export function exclusionLines(sheets: SheetSummary[]): ExclusionLine[] {
  return sheets.flatMap((s) =>
    Object.entries(s.exclusions).map(([reason, rows]) => ({ file: s.file, sheet: s.sheet, reason, rows })),
  );
}

/** Indicator keys of a document in order, "1".."9". */
export function indicatorKeys(doc: ResultsDocument): string[] {
  return Object.keys(doc.indicators)
    .filter((k) => doc.indicators[k])
    .sort((a, b) => Number(a) - Number(b));
}

export function formatBytes(size: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** The year results are saved under: the data's reporting period, else the plan year. */
export function periodFor(doc: ResultsDocument, planYear: string | null): string | null {
  return doc.period ?? planYear;
}
