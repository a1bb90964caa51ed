// The board: one record per member, voting and executive as yes/no.
import type { BoardRecord, SheetSummary } from "../../indicators/input";
import type { SheetPlan } from "../recognise";
import { cellText } from "../values";
import type { ReadContext } from "./context";
import { cellAt, columnOf, readEthnicity, readRows, reportEthnicityProblems, rowError, startReading } from "./reading";

export function readBoard(context: ReadContext, plan: SheetPlan): { board: BoardRecord[]; summary: SheetSummary } {
  const sheet = startReading(context, plan);
  const { source } = sheet;
  const board = readRows(sheet, (row, rowNumber): BoardRecord | null => {
    const voting = context.yesNo(cellAt(plan, row, columnOf(plan, "voting")));
    const executive = context.yesNo(cellAt(plan, row, columnOf(plan, "executive")));
    if (voting === null || executive === null) {
      const field = voting === null ? "voting" : "executive";
      const value = cellText(cellAt(plan, row, columnOf(plan, field)));
      rowError(sheet, "invalid-yes-no", rowNumber, field, `"${value}" is not a yes/no value; the row was excluded.`, {
        value,
      });
      return null;
    }
    const ethnicity = readEthnicity(sheet, row, rowNumber);
    return { ethnicity, voting, executive, source, row: rowNumber };
  });
  reportEthnicityProblems(sheet);
  return { board, summary: sheet.tally.summary(true) };
}
