// The one way a staff record is made, for substantive and bank rows alike.
import type { AfcBand, Cohort, Ethnicity, MedicalSubgroup, SheetRef, StaffRecord } from "../../indicators/input";

/**
 * A staff record, made by a class rather than an object literal. V8 makes a literal's objects from a template
 * it builds only after the literal has run, and building it widened the types V8 had noted for the record's
 * object fields (ethnicity, source): the optimised staff loop, and the bank rows' reader, were thrown away in
 * the middle of the sheet and compiled again. A class's objects take their shape from its constructor, with no
 * template. The fields are those of StaffRecord, in its order; division and team are added when read.
 */
export class PersonInPost implements StaffRecord {
  declare division?: string | null;
  declare team?: string | null;

  constructor(
    public personId: string,
    public ethnicity: Ethnicity,
    public cohort: Cohort,
    public band: AfcBand | null,
    public medical: MedicalSubgroup | null,
    public seniorMedicalManager: boolean,
    public staffGroup: string | null,
    public gender: string | null,
    public disability: string | null,
    public directorate: string | null,
    public board: { voting: boolean; executive: boolean } | null,
    public source: SheetRef,
    public row: number,
  ) {}
}
