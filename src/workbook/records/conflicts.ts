// One person, two ethnicities: in two staff sheets, on two rows of one staff sheet, or in a case or
// training row and staff in post. Each is reported (which value was used, and where the other is).
import type { Ethnicity, StaffRecord } from "../../indicators/input";
import { describe } from "../issues";
import { cellAt, placeOf, type SheetReading } from "./reading";

/** Two known ethnicities in different categories (blank, not stated and unrecognised never conflict). */
export function differ(a: Ethnicity, b: Ethnicity): boolean {
  return a.group !== "unknown" && b.group !== "unknown" && a.code !== b.code;
}

/** Where a person's staff record was read: its file, sheet and row. */
function placeOfRecord(record: StaffRecord): string {
  return describe({ file: record.source.file, sheet: record.source.sheet, row: record.row });
}

/** The same person in two staff sheets with two ethnicities: the first sheet's row counts. */
export function reportSheetConflict(
  sheet: SheetReading,
  id: string,
  counted: StaffRecord,
  rowNumber: number,
  here: Ethnicity,
) {
  const place = placeOf(sheet, rowNumber, "ethnicity");
  const there = placeOfRecord(counted);
  sheet.context.log.add(
    "warning",
    "person-ethnicity-conflict",
    `${describe(place)}: employee ${id} is "${here.raw}" here but "${counted.ethnicity.raw}" in ${there}, where they were counted first; "${counted.ethnicity.raw}" was used. Correct whichever is wrong.`,
    place,
    { value: here.raw, other: counted.ethnicity.raw, person: id },
  );
}

/** People with more than one row in one staff sheet: their first row, and every later row (data-row indexes). */
export interface Repeats {
  first: Map<number, number>;
  rows: number[];
}

/** What a staff sheet's rows say of its people, by data-row index: the cell row, the id and the person. */
export interface StaffRows {
  indexes: Int32Array;
  ids: (string | null)[];
  persons: Int32Array;
  repeats: Repeats;
}

/** A person listed on several rows of one staff sheet with different ethnicities: one warning per person. */
export function reportRepeatConflicts(sheet: SheetReading, staffRows: StaffRows) {
  const { context, plan } = sheet;
  const { indexes, ids, persons } = staffRows;
  const { first, rows } = staffRows.repeats;
  const reported = new Set<number>();
  const valueAt = (index: number) => context.ethnicity(cellAt(plan, indexes[index]!, sheet.ethnicityCol)).ethnicity;
  for (const index of rows) {
    const person = persons[index]!;
    const firstIndex = first.get(person)!;
    if (reported.has(person) || !differ(valueAt(firstIndex), valueAt(index))) continue;
    reported.add(person);
    const place = placeOf(sheet, indexes[index]! + 1, "ethnicity");
    const firstValue = valueAt(firstIndex).raw;
    const value = valueAt(index).raw;
    // Counted from an earlier staff sheet, the person keeps that row's ethnicity; else this sheet's chosen row's.
    const counted = context.people.record[person];
    const chosen = context.people.row[person]!;
    const used =
      counted && counted.source !== sheet.source
        ? `they were counted first in ${placeOfRecord(counted)}, which gives "${counted.ethnicity.raw}"`
        : `the row counted for them (row ${indexes[chosen]! + 1}) gives "${valueAt(chosen).raw}"`;
    context.log.add(
      "warning",
      "person-ethnicity-conflict",
      `${describe(place)}: employee ${ids[index]} is listed with two ethnicities, "${firstValue}" at row ${indexes[firstIndex]! + 1} and "${value}" at row ${indexes[index]! + 1}; ${used}, which was used. Correct whichever is wrong.`,
      place,
      { value, other: firstValue, person: ids[index] ?? "" },
    );
  }
}

/** A case or training row whose own ethnicity differs from the person's in staff in post. */
export function reportJoinConflict(sheet: SheetReading, rowNumber: number, id: string, own: Ethnicity, person: number) {
  const { people } = sheet.context;
  const staff = people.ethnicity[person]!;
  if (!differ(own, staff)) return;
  const record = people.record[person];
  const there = record ? placeOfRecord(record) : "staff in post";
  const place = placeOf(sheet, rowNumber, "ethnicity");
  sheet.context.log.add(
    "warning",
    "person-ethnicity-conflict",
    `${describe(place)}: employee ${id} is "${own.raw}" here but "${staff.raw}" in ${there}; this row's own value was used. Correct whichever is wrong.`,
    place,
    { value: own.raw, other: staff.raw, person: id },
  );
}
