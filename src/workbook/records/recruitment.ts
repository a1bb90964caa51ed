// Recruitment: one record per application, shortlisted and appointed told from yes/no columns or from an
// outcome in words ("Appointed", "Not shortlisted").
import type { ApplicationRecord, SheetSummary } from "../../indicators/input";
import { describe } from "../issues";
import type { SheetPlan } from "../recognise";
import { cellText } from "../values";
import type { ReadContext } from "./context";
import {
  cellAt,
  columnOf,
  placeOf,
  readDate,
  readEthnicity,
  readRows,
  reportEthnicityProblems,
  rowError,
  startReading,
} from "./reading";

function outcomeFlags(outcome: string): { shortlisted: boolean; appointed: boolean } {
  const text = outcome.toLowerCase();
  const negative = /\b(not|un|non)[\s-]?(appointed|successful|offered)|declined|rejected at offer|offer withdrawn/.test(
    text,
  );
  const appointed = !negative && /appoint|offer|hired|successful|start(ed|er)?\b|conditional/.test(text);
  const notShortlisted =
    /not shortlisted|not short listed|rejected at shortlist|unsuccessful at shortlist|not invited|longlist|sift(ed)? out/.test(
      text,
    );
  const shortlisted =
    appointed || (!notShortlisted && /shortlist|short list|interview|assessment|offer|appoint/.test(text));
  return { shortlisted, appointed };
}

export function readRecruitment(
  context: ReadContext,
  plan: SheetPlan,
): { applications: ApplicationRecord[]; summary: SheetSummary } {
  const sheet = startReading(context, plan);
  const { source } = sheet;
  const shortlistedCol = columnOf(plan, "shortlisted");
  const appointedCol = columnOf(plan, "appointed");
  const outcomeCol = columnOf(plan, "outcome");
  const [bandCol, postCol, dateCol] = ["band", "post", "date"].map((field) => columnOf(plan, field)) as [
    number,
    number,
    number,
  ];
  if (shortlistedCol < 0 && outcomeCol < 0) {
    const place = placeOf(sheet, null, null);
    context.log.add(
      "warning",
      "shortlisted-column-missing",
      `${describe(place)}: there is no shortlisted column; every application was taken as shortlisted.`,
      place,
    );
  }
  const applications = readRows(sheet, (row, rowNumber): ApplicationRecord | null => {
    const fromOutcome = outcomeCol >= 0 ? outcomeFlags(cellText(plan.cells.get(row, outcomeCol))) : null;
    let shortlisted =
      shortlistedCol >= 0 ? context.yesNo(plan.cells.get(row, shortlistedCol)) : (fromOutcome?.shortlisted ?? true);
    let appointed =
      appointedCol >= 0 ? context.yesNo(plan.cells.get(row, appointedCol)) : (fromOutcome?.appointed ?? false);
    if (shortlisted === null && fromOutcome) shortlisted = fromOutcome.shortlisted;
    if (appointed === null && fromOutcome) appointed = fromOutcome.appointed;
    if (shortlisted === null || appointed === null) {
      const field = shortlisted === null ? "shortlisted" : "appointed";
      const value = cellText(cellAt(plan, row, columnOf(plan, field)));
      rowError(sheet, "invalid-yes-no", rowNumber, field, `"${value}" is not a yes/no value; the row was excluded.`, {
        value,
      });
      return null;
    }
    if (appointed && !shortlisted) {
      rowError(
        sheet,
        "appointed-not-shortlisted",
        rowNumber,
        appointedCol >= 0 ? "appointed" : "outcome",
        "the applicant is recorded as appointed but not shortlisted; the row was excluded. Check the shortlisting record.",
      );
      return null;
    }
    const ethnicity = readEthnicity(sheet, row, rowNumber);
    const grade = context.grade(cellAt(plan, row, bandCol));
    return {
      ethnicity,
      shortlisted,
      appointed,
      band: grade.band,
      post: cellText(cellAt(plan, row, postCol)) || null,
      date: readDate(sheet, row, rowNumber, "date", dateCol, "the application was kept without a date"),
      source,
      row: rowNumber,
    };
  });
  reportEthnicityProblems(sheet);
  return { applications, summary: sheet.tally.summary(true) };
}
