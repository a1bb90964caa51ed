// The bank-only workforce as a population of its own (docs/bank-workforce.md). Staff in post rows of people
// whose only assignments are bank are left out of the substantive headcount ("bank-only", as before); here
// the same rows become the bank population's records, and the cases and training of those people (left out
// of the substantive figures) become the bank population's. Nothing here changes what the substantive
// population counts.
import type { BankRecords, Ethnicity, StaffRecord } from "../../indicators/input";
import { IdIndex } from "../../shared/id-index";
import { describe } from "../issues";
import type { People } from "../people";
import { cellText, medicalSubgroupOf } from "../values";
import { cellAt, columnOf, DATE_FORMS, dateAt, placeOf, usOrderHint, type SheetReading } from "./reading";
import { PersonInPost } from "./staff-record";
import type { Seen } from "./tally";

/** What the reader gathers of the bank-only workforce while it reads, sheet by sheet. */
export class BankWorkers {
  /**
   * A person's bank row read from a staff sheet (the person and the record, at the same index): kept if, after
   * every staff sheet, they are bank-only. Two arrays, not an object a candidate: V8 types an object's field by
   * the first record's shape, and the first record of another shape (a field of the records generalised) threw
   * away the optimised staff loop that adds them, in the middle of the sheet.
   */
  private readonly candidatePersons: number[] = [];
  private readonly candidateRecords: StaffRecord[] = [];
  /** Person number -> their record in the bank population (set by settle()). */
  private readonly byPerson = new Map<number, StaffRecord>();
  readonly records: BankRecords = { staff: [], cases: [], training: [], applications: [] };
  /** Bank workers already counted for training (one record per person, as for substantive staff). */
  readonly trainingSeen = new IdIndex();

  addCandidate(person: number, record: StaffRecord): void {
    this.candidatePersons.push(person);
    this.candidateRecords.push(record);
  }

  /**
   * After every staff sheet: the bank population is the people with bank rows and no substantive row in any
   * staff sheet (a person with both kinds stays in the substantive population only). A person with bank rows
   * in two staff sheets counts once, at the first sheet's row.
   */
  settle(people: People): void {
    const persons = this.candidatePersons;
    const records = this.candidateRecords;
    for (let k = 0; k < persons.length; k++) {
      const person = persons[k]!;
      const record = records[k]!;
      if (!people.isBankOnly(person) || this.byPerson.has(person)) continue;
      this.byPerson.set(person, record);
      this.records.staff.push(record);
    }
    persons.length = 0;
    records.length = 0;
  }

  /** The bank worker's record, for cases and training joined to them (null when not in the bank population). */
  recordOf(person: number): StaffRecord | null {
    return this.byPerson.get(person) ?? null;
  }
}

/** A bank row's ethnicity for a case or training row: the row's own when known, else the bank worker's. */
export function bankEthnicity(sheet: SheetReading, row: number, person: number): Ethnicity {
  const own = sheet.context.ethnicity(cellAt(sheet.plan, row, sheet.ethnicityCol)).ethnicity;
  if (own.group !== "unknown") return own;
  return sheet.context.people.ethnicity[person]!;
}

/**
 * Reads the chosen bank row of a person in one staff sheet into a staff record (cohort, band or medical
 * subgroup as for substantive staff), or null when the person had left by the snapshot date or their leaving
 * date cannot be read (reported once per sheet, with the first row, by report()).
 */
export class BankStaffReader {
  private readonly unreadable: Seen = { count: 0, row: -1 };
  private readonly cols: Record<string, number>;

  constructor(
    private readonly sheet: SheetReading,
    private readonly snapshotDate: string | null,
  ) {
    const plan = sheet.plan;
    this.cols = Object.fromEntries(
      ["staffGroup", "band", "jobRole", "leavingDate", "gender", "disability", "directorate", "division", "team"].map(
        (f) => [f, columnOf(plan, f)],
      ),
    );
  }

  read(row: number, rowNumber: number, id: string, ethnicity: Ethnicity): StaffRecord | null {
    const { context, plan, source } = this.sheet;
    const c = this.cols;
    if (this.snapshotDate) {
      const left = dateAt(this.sheet, row, c.leavingDate!);
      if (left === undefined) {
        this.unreadable.count++;
        if (this.unreadable.row < 0) this.unreadable.row = rowNumber;
        return null;
      }
      if (left && left < this.snapshotDate) return null;
    }
    const text = (col: number) => cellText(cellAt(plan, row, col));
    const staffGroup = text(c.staffGroup!);
    const grade = context.grade(cellAt(plan, row, c.band!));
    const cohort = context.cohort(staffGroup) ?? (grade.medical && !grade.band ? "medical" : "non-clinical");
    const medical = cohort === "medical" ? (grade.medical ?? medicalSubgroupOf(text(c.jobRole!)) ?? "other") : null;
    const record: StaffRecord = new PersonInPost(
      id,
      ethnicity,
      cohort,
      cohort === "medical" ? null : grade.band,
      medical,
      // Medical leadership posts are substantive; a bank consultant is not counted as a senior medical manager.
      false,
      staffGroup || null,
      text(c.gender!) || null,
      text(c.disability!) || null,
      text(c.directorate!) || null,
      null,
      source,
      rowNumber,
    );
    if (c.division! >= 0) record.division = text(c.division!) || null;
    if (c.team! >= 0) record.team = text(c.team!) || null;
    return record;
  }

  /** One warning for the sheet's bank rows whose leaving date cannot be read (left out of the bank population). */
  report(): void {
    const { unreadable, sheet } = this;
    if (unreadable.count === 0) return;
    const place = placeOf(sheet, unreadable.row, "leavingDate");
    const value = cellText(cellAt(sheet.plan, unreadable.row - 1, columnOf(sheet.plan, "leavingDate")));
    sheet.context.log.add(
      "warning",
      "bank-leaving-date-unreadable",
      `${describe(place)}: ${unreadable.count} bank worker row(s) have a leaving date that cannot be read (first at row ${unreadable.row}, "${value}"${usOrderHint(value)}), so whether they had left by the snapshot date is not known; they were left out of the bank workforce figures. Write the date ${DATE_FORMS}.`,
      place,
      { count: unreadable.count, value },
    );
  }
}
