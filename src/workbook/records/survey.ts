// Published staff survey results for WRES indicators 5-8: one record per question, White and BME
// percentages (and respondents when given).
import type { SheetSummary, SurveyRecord } from "../../indicators/input";
import type { SheetPlan } from "../recognise";
import type { CellValue } from "../types";
import { cellText, parseNumber } from "../values";
import type { ReadContext } from "./context";
import { cellAt, columnOf, readRows, rowError, startReading } from "./reading";

/** The WRES indicator a row reports: its indicator cell (5, "Indicator 6"), else told from the question's words. */
function surveyIndicator(indicator: CellValue | undefined, question: string): 5 | 6 | 7 | 8 | null {
  const number = parseNumber(indicator);
  const fromText = /\b([5-8])\b/.exec(cellText(indicator));
  const found = number ?? (fromText ? Number(fromText[1]) : null);
  if (found === 5 || found === 6 || found === 7 || found === 8) return found;
  const words = question.toLowerCase();
  if (/patients|relatives|public/.test(words)) return 5;
  if (/discriminat/.test(words)) return 8;
  if (/career progression|promotion|equal opportunit/.test(words)) return 7;
  if (/harassment|bullying|abuse/.test(words) && /staff|colleague|manager/.test(words)) return 6;
  return null;
}

export function readSurvey(context: ReadContext, plan: SheetPlan): { survey: SurveyRecord[]; summary: SheetSummary } {
  const sheet = startReading(context, plan);
  const { source } = sheet;
  const number = (row: number, field: string) => parseNumber(cellAt(plan, row, columnOf(plan, field)));
  const survey = readRows(sheet, (row, rowNumber): SurveyRecord | null => {
    const question = cellText(cellAt(plan, row, columnOf(plan, "question")));
    const indicator = surveyIndicator(cellAt(plan, row, columnOf(plan, "indicator")), question);
    if (indicator === null) {
      rowError(
        sheet,
        "survey-indicator-unknown",
        rowNumber,
        columnOf(plan, "indicator") >= 0 ? "indicator" : "question",
        "the row is not one of WRES indicators 5-8; the row was excluded.",
      );
      return null;
    }
    const whitePct = number(row, "whitePct");
    const bmePct = number(row, "bmePct");
    if (whitePct === null || bmePct === null) {
      const field = whitePct === null ? "whitePct" : "bmePct";
      rowError(
        sheet,
        "invalid-number",
        rowNumber,
        field,
        "the percentage is missing or not a number; the row was excluded.",
      );
      return null;
    }
    const year = /\b(19|20)\d\d\b/.exec(cellText(cellAt(plan, row, columnOf(plan, "year"))));
    return {
      indicator,
      year: year ? Number(year[0]) : null,
      whitePct,
      bmePct,
      whiteRespondents: number(row, "whiteRespondents"),
      bmeRespondents: number(row, "bmeRespondents"),
      source,
      row: rowNumber,
    };
  });
  // Percent-formatted cells hold fractions (0.254 shown as 25.4%).
  if (survey.every((record) => Math.abs(record.whitePct) <= 1 && Math.abs(record.bmePct) <= 1)) {
    for (const record of survey) {
      record.whitePct *= 100;
      record.bmePct *= 100;
    }
  }
  return { survey, summary: sheet.tally.summary(false) };
}
