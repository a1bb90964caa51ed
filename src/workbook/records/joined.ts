// What case and training rows share: they name a person, who is looked up in staff in post for their
// ethnicity when the row has none, and left out when they are a bank-only worker.
import type { Ethnicity } from "../../indicators/input";
import { describe } from "../issues";
import type { SheetPlan } from "../recognise";
import { normalisePersonId, personOfAssignment } from "../values";
import { reportJoinConflict } from "./conflicts";
import { cellAt, columnOf, placeOf, readEthnicity, type SheetReading } from "./reading";
import type { Seen } from "./tally";

/** Rows of one kind (not in staff in post, bank-only): how many, and the first (-1 before one). */
export const noneSeen = (): Seen => ({ count: 0, row: -1 });

function see(seen: Seen, rowNumber: number): void {
  seen.count++;
  if (seen.row < 0) seen.row = rowNumber;
}

/** Reads a row's person id from the personId column, else from the assignment number. */
export function personIdReader(plan: SheetPlan): (row: number) => string | null {
  const idCol = columnOf(plan, "personId");
  const assignmentCol = columnOf(plan, "assignmentId");
  return (row) => normalisePersonId(cellAt(plan, row, idCol)) ?? personOfAssignment(cellAt(plan, row, assignmentCol));
}

/** The field a row's person was read from, for messages. */
export const personIdField = (plan: SheetPlan) => (columnOf(plan, "personId") >= 0 ? "personId" : "assignmentId");

/** Ethnicity from the row if it has a known one, else from staff in post (the person named by the row). */
export function joinedEthnicity(
  sheet: SheetReading,
  row: number,
  rowNumber: number,
  id: string | null,
  person: number,
  unmatched: Seen,
  hasOwn: boolean,
): Ethnicity {
  const own = hasOwn ? readEthnicity(sheet, row, rowNumber) : null;
  if (own && own.group !== "unknown") {
    if (person >= 0 && id !== null) reportJoinConflict(sheet, rowNumber, id, own, person);
    return own;
  }
  if (id !== null) {
    if (person >= 0) return sheet.context.people.ethnicity[person]!;
    if (!hasOwn) see(unmatched, rowNumber);
  }
  return own ?? sheet.context.ethnicity(null).ethnicity;
}

export function reportUnmatched(sheet: SheetReading, unmatched: Seen) {
  if (unmatched.count === 0) return;
  const place = placeOf(sheet, unmatched.row, personIdField(sheet.plan));
  const message =
    sheet.context.people.size === 0
      ? `${describe({ file: sheet.plan.file, sheet: sheet.plan.sheet })}: this sheet has no ethnicity column and no staff-in-post table was given to look people up in; ${unmatched.count} row(s) count as unknown ethnicity. Add the staff-in-post extract.`
      : `${describe(place)}: ${unmatched.count} row(s) name an employee not found in staff in post (first at row ${unmatched.row}); they count as unknown ethnicity.`;
  sheet.context.log.add("warning", "person-not-in-staff", message, place, { count: unmatched.count });
}

/**
 * Excludes a case or training row of a bank-only worker: their headcount is not in the substantive WRES, so
 * their events must not be in its numerators. Counted as "bank-only". The caller gives the row to the bank
 * workers' figures (docs/bank-workforce.md), or notes it with noteBankOnlyUnused when it can go in neither.
 */
export function excludeBankOnly(sheet: SheetReading, person: number): boolean {
  if (!sheet.context.people.isBankOnly(person)) return false;
  sheet.tally.exclude("bank-only");
  return true;
}

/** A bank-only worker's row that is in neither population (they had left by the snapshot date): reported. */
export function noteBankOnlyUnused(bankOnly: Seen, rowNumber: number): void {
  see(bankOnly, rowNumber);
}

export function reportBankOnly(sheet: SheetReading, bankOnly: Seen, what: string) {
  if (bankOnly.count === 0) return;
  const place = placeOf(sheet, bankOnly.row, personIdField(sheet.plan));
  sheet.context.log.add(
    "warning",
    "bank-only-excluded",
    `${describe(place)}: ${bankOnly.count} ${what} row(s) are of bank-only workers who are not in the bank workforce at the snapshot date (first at row ${bankOnly.row}); they were left out of both the substantive and the bank workers' figures.`,
    place,
    { count: bankOnly.count },
  );
}
