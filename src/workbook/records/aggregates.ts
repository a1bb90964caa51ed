// Counts already made by ethnic group (organisations without row-level data, earlier years): one record
// per measure, band or cohort and year.
import type { AggregateMeasure, AggregateRecord, Cohort, SheetSummary } from "../../indicators/input";
import type { SheetPlan } from "../recognise";
import { cellText, parseNumber } from "../values";
import type { ReadContext } from "./context";
import { cellAt, columnOf, readRows, rowError, startReading } from "./reading";

function measureOf(text: string): AggregateMeasure | null {
  const words = text.toLowerCase();
  if (/board/.test(words) && /exec/.test(words)) return "board-executive";
  if (/board|voting/.test(words)) return "board-voting";
  if (/appoint/.test(words)) return "appointed";
  if (/shortlist/.test(words)) return "shortlisted";
  if (/disciplin/.test(words)) return "disciplinary";
  if (/training|cpd/.test(words)) return "training";
  if (/staff|headcount|workforce|in post/.test(words)) return "staff";
  return null;
}

export function readAggregates(
  context: ReadContext,
  plan: SheetPlan,
): { aggregates: AggregateRecord[]; summary: SheetSummary } {
  const sheet = startReading(context, plan);
  const { source } = sheet;
  const cell = (row: number, field: string) => cellAt(plan, row, columnOf(plan, field));
  const aggregates = readRows(sheet, (row, rowNumber): AggregateRecord | null => {
    const measureText = cellText(cell(row, "measure"));
    const measure = measureOf(measureText);
    if (!measure) {
      rowError(
        sheet,
        "unknown-measure",
        rowNumber,
        "measure",
        `"${measureText}" is not a measure the indicators use; the row was excluded.`,
        { value: measureText },
      );
      return null;
    }
    const white = parseNumber(cell(row, "white"));
    const bme = parseNumber(cell(row, "bme"));
    if (white === null || bme === null) {
      rowError(
        sheet,
        "invalid-number",
        rowNumber,
        white === null ? "white" : "bme",
        "the count is missing or not a number; the row was excluded.",
      );
      return null;
    }
    const bandCell = cell(row, "band");
    const grade = context.grade(bandCell);
    const cohortText = cellText(cell(row, "cohort")).toLowerCase();
    const cohort: Cohort | null = /non/.test(cohortText)
      ? "non-clinical"
      : /medic|dental/.test(cohortText)
        ? "medical"
        : /clinical/.test(cohortText)
          ? "clinical"
          : grade.medical
            ? "medical"
            : null;
    return {
      measure,
      band: grade.band ?? grade.medical ?? (cellText(bandCell) || null),
      cohort,
      year: cellText(cell(row, "year")) || null,
      white,
      bme,
      unknown: parseNumber(cell(row, "unknown")) ?? 0,
      source,
      row: rowNumber,
    };
  });
  return { aggregates, summary: sheet.tally.summary(false) };
}
