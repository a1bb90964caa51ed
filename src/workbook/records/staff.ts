// Staff in post: one record per person, at their chosen row (substantive primary first), with cohort,
// band or medical subgroup, and board membership. Also fills the join table cases and training use.
import type { SheetSummary, StaffRecord } from "../../indicators/input";
import { describe } from "../issues";
import type { SheetPlan } from "../recognise";
import { cellText, medicalSubgroupOf, normalisePersonId, personOfAssignment } from "../values";
import { differ, reportRepeatConflicts, reportSheetConflict, type Repeats, type StaffRows } from "./conflicts";
import type { ReadContext } from "./context";
import {
  cellAt,
  columnOf,
  DATE_FORMS,
  dateAt,
  excludeProblemRow,
  placeOf,
  reportEthnicityProblems,
  reportUnrecognised,
  rowError,
  startReading,
  usOrderHint,
  type SheetReading,
} from "./reading";
import { dataRows, problemOnRow } from "./rows";
import { BankStaffReader } from "./bank";
import { PersonInPost } from "./staff-record";

const SENIOR_MEDICAL_MANAGER =
  /medical director|clinical director|chief medical|clinical lead|associate medical director/i;

export function readStaff(
  context: ReadContext,
  plan: SheetPlan,
  snapshotDate: string | null,
): { staff: StaffRecord[]; summary: SheetSummary } {
  const sheet = startReading(context, plan);
  // Two passes, each a function with one loop: V8 optimises each on its own, and the end of one does not
  // throw away the optimised code of the other.
  const choice = chooseStaffRows(sheet);
  const bank = new BankStaffReader(sheet, snapshotDate);
  const staff = staffRecords(sheet, choice, snapshotDate, bank);
  bank.report();
  reportRepeatConflicts(sheet, choice);
  reportEthnicityProblems(sheet);
  reportUnrecognised(
    sheet,
    "band",
    "band",
    "band-unrecognised",
    "pay band",
    "these staff count in the totals but in no band",
  );
  reportUnrecognised(
    sheet,
    "staffGroup",
    "staffGroup",
    "staff-group-unrecognised",
    "staff group",
    "counted as non-clinical",
  );
  return { staff, summary: sheet.tally.summary(true) };
}

/** What pass 1 found for each data row of a staff sheet (arrays by data-row index). */
interface StaffChoice extends StaffRows {
  isChosen: Uint8Array;
  /** Rows with a formula error where a value is read: never chosen for the person; pass 2 reports them. */
  hasProblem: Uint8Array;
}

/** A person's second or later row in one staff sheet (kept apart from pass 1's loop: most people have one). */
function noteRepeat(repeats: Repeats, person: number, firstRow: number, row: number): void {
  if (!repeats.first.has(person)) repeats.first.set(person, firstRow);
  repeats.rows.push(row);
}

/**
 * Pass 1: choose one row per person. Rank: substantive primary > substantive unflagged >
 * substantive secondary > bank. Ties keep the first row.
 */
function chooseStaffRows(sheet: SheetReading): StaffChoice {
  const { context, plan, tally } = sheet;
  const idCol = columnOf(plan, "personId");
  const assignmentCol = columnOf(plan, "assignmentId");
  const categoryCol = columnOf(plan, "assignmentCategory");
  const primaryCol = columnOf(plan, "primary");
  const indexes = dataRows(plan);
  const ids: (string | null)[] = [];
  const persons = new Int32Array(indexes.length);
  const isChosen = new Uint8Array(indexes.length);
  const hasProblem = new Uint8Array(indexes.length);
  const unknown = context.ethnicity(null).ethnicity;
  const { people } = context;
  people.reserve(people.size + indexes.length);
  const sheetNumber = context.staffSheets++;
  const bankCache = new Map<string, boolean>();
  // A yes/no column headed as bank ("Bank", "Bank Staff", or mapped by hand from "On the bank?") says who is.
  const bankHeader = /\bbank\b/i.test(plan.headers[categoryCol] ?? "");
  const repeats: Repeats = { first: new Map(), rows: [] };
  for (let index = 0; index < indexes.length; index++) {
    const row = indexes[index]!;
    tally.rowsRead++;
    if (problemOnRow(plan, row) !== null) {
      hasProblem[index] = 1;
      ids.push(null);
      continue;
    }
    const id = normalisePersonId(cellAt(plan, row, idCol)) ?? personOfAssignment(cellAt(plan, row, assignmentCol));
    const category = cellText(plan.cells.get(row, categoryCol));
    let bank = bankCache.get(category);
    if (bank === undefined) {
      bank = /\bbank\b/i.test(category) || (bankHeader && context.yesNo(category) === true);
      bankCache.set(category, bank);
    }
    // Blank is no; so is every row of a sheet without the column, which ranks them all alike.
    const primary = context.yesNo(plan.cells.get(row, primaryCol));
    const rank = bank ? 0 : primary === true ? 3 : primary === null ? 2 : 1;
    ids.push(id);
    if (id === null) continue;
    const person = people.add(id, unknown);
    if (people.sheet[person] !== sheetNumber) {
      // New, or named in an earlier staff sheet: this sheet chooses its own row for them.
      people.sheet[person] = sheetNumber;
      people.row[person] = index;
      people.rank[person] = rank;
      isChosen[index] = 1;
    } else {
      noteRepeat(repeats, person, people.row[person]!, index);
      if (people.rank[person]! < rank) {
        isChosen[people.row[person]!] = 0;
        people.row[person] = index;
        people.rank[person] = rank;
        isChosen[index] = 1;
      }
    }
    persons[index] = person;
  }
  return { indexes, ids, persons, isChosen, hasProblem, repeats };
}

/** Pass 2: records for chosen rows, reasons for the rest. */
function staffRecords(
  sheet: SheetReading,
  choice: StaffChoice,
  snapshotDate: string | null,
  bank: BankStaffReader,
): StaffRecord[] {
  const { context, plan, tally, source } = sheet;
  const { people } = context;
  const { indexes, ids, persons, isChosen, hasProblem } = choice;
  const idCol = columnOf(plan, "personId");
  const staffGroupCol = columnOf(plan, "staffGroup");
  const bandCol = columnOf(plan, "band");
  const jobRoleCol = columnOf(plan, "jobRole");
  const leavingDateCol = columnOf(plan, "leavingDate");
  const votingCol = columnOf(plan, "boardVoting");
  const executiveCol = columnOf(plan, "boardExecutive");
  const ethnicityCol = sheet.ethnicityCol;
  const staff: StaffRecord[] = [];
  const genderCol = columnOf(plan, "gender");
  const disabilityCol = columnOf(plan, "disability");
  const directorateCol = columnOf(plan, "directorate");
  const divisionCol = columnOf(plan, "division");
  const teamCol = columnOf(plan, "team");
  let staffGroupMissingWarned = staffGroupCol >= 0;
  for (let index = 0; index < indexes.length; index++) {
    const row = indexes[index]!;
    const rowNumber = row + 1;
    const id = ids[index] ?? null;
    if (hasProblem[index] && excludeProblemRow(sheet, row)) continue;
    if (id === null) {
      rowError(
        sheet,
        "missing-person-id",
        rowNumber,
        idCol >= 0 ? "personId" : "assignmentId",
        "the row has no employee number, so the person cannot be counted once; the row was excluded.",
      );
      continue;
    }
    const person = persons[index]!;
    // The person's rank is their chosen row's: this row's, once it is the chosen one.
    const rank = people.rank[person];
    if (!isChosen[index]) {
      tally.exclude(rank === 0 ? "bank-only" : "secondary-assignment");
      continue;
    }
    // The join table for cases and training: everyone in the extract, bank workers included.
    const parsed = context.ethnicity(cellAt(plan, row, ethnicityCol));
    const ethnicity = parsed.ethnicity;
    // Counted already from an earlier staff sheet: that row is the person's, for the headcount and for
    // the cases and training joined to them; a different ethnicity here is reported, not used.
    const counted = people.record[person];
    if (counted == null) people.ethnicity[person] = ethnicity;
    else if (differ(counted.ethnicity, ethnicity)) reportSheetConflict(sheet, id, counted, rowNumber, ethnicity);
    if (rank === 0) people.markBank(person);
    else people.markSubstantive(person);
    if (rank === 0) {
      // Out of the substantive headcount; a record of the bank population if no staff sheet has them substantive.
      tally.exclude("bank-only");
      const record = bank.read(row, rowNumber, id, ethnicity);
      if (record) context.bank.addCandidate(person, record);
      continue;
    }
    if (!parsed.recognised) tally.noteUnrecognised("ethnicity", ethnicity.raw, rowNumber);
    if (parsed.contradiction !== null) tally.noteContradiction(parsed, rowNumber);
    if (snapshotDate) {
      const left = dateAt(sheet, row, leavingDateCol);
      if (left === undefined) {
        // A leaving date we cannot read may be before the snapshot (a leaver) or after it (still in post).
        // Neither guess is safe: counting could keep a leaver in the headcount, dropping could lose a member
        // of staff without a word. So the row is excluded as a row problem, counted, and named for fixing.
        const text = cellText(cellAt(plan, row, leavingDateCol));
        rowError(
          sheet,
          "leaving-date-unreadable",
          rowNumber,
          "leavingDate",
          `the leaving date "${text}" cannot be read${usOrderHint(text)}, so whether this person had left by the snapshot date (${snapshotDate}) is not known; the row was excluded. Write the date ${DATE_FORMS}.`,
          { value: text },
        );
        continue;
      }
      if (left && left < snapshotDate) {
        tally.exclude("left-before-snapshot");
        continue;
      }
    }
    const staffGroup = cellText(cellAt(plan, row, staffGroupCol));
    const grade = context.grade(cellAt(plan, row, bandCol));
    const jobRole = cellText(cellAt(plan, row, jobRoleCol));
    let cohort = context.cohort(staffGroup);
    if (cohort === null) {
      if (staffGroup !== "") tally.noteUnrecognised("staffGroup", staffGroup, rowNumber);
      else if (!staffGroupMissingWarned) {
        staffGroupMissingWarned = true;
        const place = placeOf(sheet, null, null);
        context.log.add(
          "warning",
          "staff-group-missing",
          `${describe(place)}: there is no staff group column; cohorts were told from grades (medical grades as medical and dental, everyone else non-clinical).`,
          place,
        );
      }
      cohort = grade.medical && !grade.band ? "medical" : "non-clinical";
    }
    let band = grade.band;
    let medical = null as StaffRecord["medical"];
    if (cohort === "medical") {
      medical = grade.medical ?? medicalSubgroupOf(jobRole) ?? "other";
      band = null;
    } else if (!grade.recognised) {
      tally.noteUnrecognised("band", cellText(cellAt(plan, row, bandCol)), rowNumber);
    }
    const voting = context.yesNo(cellAt(plan, row, votingCol)) === true;
    const executive = context.yesNo(cellAt(plan, row, executiveCol)) === true;
    const record: StaffRecord = new PersonInPost(
      id,
      ethnicity,
      cohort,
      band,
      medical,
      medical === "consultant" && SENIOR_MEDICAL_MANAGER.test(jobRole),
      staffGroup || null,
      cellText(cellAt(plan, row, genderCol)) || null,
      cellText(cellAt(plan, row, disabilityCol)) || null,
      cellText(cellAt(plan, row, directorateCol)) || null,
      voting || executive ? { voting, executive } : null,
      source,
      rowNumber,
    );
    // Read only when the sheet has the column (the record stays as small as before otherwise).
    if (divisionCol >= 0) record.division = cellText(cellAt(plan, row, divisionCol)) || null;
    if (teamCol >= 0) record.team = cellText(cellAt(plan, row, teamCol)) || null;
    staff.push(record);
    people.record[person] ??= record;
    tally.rowsUsed++;
    if (ethnicity.group === "unknown") tally.unknownEthnicity++;
  }
  return staff;
}
