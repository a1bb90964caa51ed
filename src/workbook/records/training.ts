// Non-mandatory training and CPD: one record per person who accessed it (WRES indicator 4 counts people,
// not courses), joined to staff in post.
import type { SheetSummary, TrainingRecord } from "../../indicators/input";
import type { IdIndex } from "../../shared/id-index";
import type { SheetPlan } from "../recognise";
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
import { columnOf, readDate, readRows, reportEthnicityProblems, startReading } from "./reading";

/** `seen`: the people already counted, from this sheet or an earlier training sheet. */
export function readTraining(
  context: ReadContext,
  plan: SheetPlan,
  seen: IdIndex,
): { training: TrainingRecord[]; summary: SheetSummary } {
  const sheet = startReading(context, plan);
  const { tally, source } = sheet;
  const unmatched = noneSeen();
  const bankOnly = noneSeen();
  const personIdOf = personIdReader(plan);
  const hasOwnEthnicity = sheet.ethnicityCol >= 0;
  const dateCol = columnOf(plan, "date");
  const training = readRows(sheet, (row, rowNumber): TrainingRecord | null => {
    const id = personIdOf(row);
    const person = id === null ? -1 : context.people.find(id);
    if (excludeBankOnly(sheet, person)) {
      // The bank population's training (docs/bank-workforce.md): one record per bank worker, as for substantive staff.
      const staff = context.bank.recordOf(person);
      if (!staff) noteBankOnlyUnused(bankOnly, rowNumber);
      else if (context.bank.trainingSeen.addIfNew(id!)) {
        const date = readDate(sheet, row, rowNumber, "date", dateCol, "the training was kept without a date");
        context.bank.records.training.push({
          personId: id,
          ethnicity: bankEthnicity(sheet, row, person),
          staff,
          date,
          source,
          row: rowNumber,
        });
      }
      return null;
    }
    // One record per person: WRES indicator 4 counts people who accessed training, not courses.
    if (id !== null && !seen.addIfNew(id)) {
      tally.exclude("duplicate-person");
      return null;
    }
    const ethnicity = joinedEthnicity(sheet, row, rowNumber, id, person, unmatched, hasOwnEthnicity);
    return {
      personId: id,
      ethnicity,
      staff: person >= 0 ? context.people.record[person]! : null,
      date: readDate(sheet, row, rowNumber, "date", dateCol, "the training was kept without a date"),
      source,
      row: rowNumber,
    };
  });
  reportEthnicityProblems(sheet);
  reportUnmatched(sheet, unmatched);
  reportBankOnly(sheet, bankOnly, "training");
  return { training, summary: tally.summary(true) };
}
