// Employee relations cases: one record per case, joined to the person in staff in post.
import type { CaseRecord, Ethnicity, SheetSummary, StaffRecord } from "../../indicators/input";
import type { SheetPlan } from "../recognise";
import { cellText, parseCaseType } from "../values";
import { bankEthnicity } from "./bank";
import type { ReadContext } from "./context";
import {
  excludeBankOnly,
  joinedEthnicity,
  noteBankOnlyUnused,
  noneSeen,
  personIdReader,
  reportBankOnly,
  reportUnmatched,
} from "./joined";
import { cellAt, columnOf, readDate, readRows, reportEthnicityProblems, startReading } from "./reading";

export function readCases(context: ReadContext, plan: SheetPlan): { cases: CaseRecord[]; summary: SheetSummary } {
  const sheet = startReading(context, plan);
  const { source } = sheet;
  const unmatched = noneSeen();
  const bankOnly = noneSeen();
  // Column lookups hoisted out of the row loop (a map lookup each, per row, otherwise).
  const personIdOf = personIdReader(plan);
  const hasOwnEthnicity = sheet.ethnicityCol >= 0;
  const [caseTypeCol, stageCol, startDateCol, outcomeCol] = ["caseType", "stage", "startDate", "outcome"].map((field) =>
    columnOf(plan, field),
  ) as [number, number, number, number];
  const caseRecord = (
    row: number,
    rowNumber: number,
    id: string | null,
    ethnicity: Ethnicity,
    staff: StaffRecord | null,
  ) => ({
    personId: id,
    ethnicity,
    staff,
    caseType: parseCaseType(cellAt(plan, row, caseTypeCol)),
    stage: cellText(cellAt(plan, row, stageCol)) || null,
    startDate: readDate(
      sheet,
      row,
      rowNumber,
      "startDate",
      startDateCol,
      "the case was kept without a start date, so it counts in the current year",
    ),
    outcome: cellText(cellAt(plan, row, outcomeCol)) || null,
    source,
    row: rowNumber,
  });
  const cases = readRows(sheet, (row, rowNumber): CaseRecord | null => {
    const id = personIdOf(row);
    const person = id === null ? -1 : context.people.find(id);
    if (excludeBankOnly(sheet, person)) {
      // The bank population's case (docs/bank-workforce.md), joined to the bank worker.
      const staff = context.bank.recordOf(person);
      if (!staff) noteBankOnlyUnused(bankOnly, rowNumber);
      else context.bank.records.cases.push(caseRecord(row, rowNumber, id, bankEthnicity(sheet, row, person), staff));
      return null;
    }
    const ethnicity = joinedEthnicity(sheet, row, rowNumber, id, person, unmatched, hasOwnEthnicity);
    return caseRecord(row, rowNumber, id, ethnicity, person >= 0 ? context.people.record[person]! : null);
  });
  reportEthnicityProblems(sheet);
  reportUnmatched(sheet, unmatched);
  reportBankOnly(sheet, bankOnly, "case");
  return { cases, summary: sheet.tally.summary(true) };
}
