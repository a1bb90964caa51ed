// The records the indicators count, one per person, application, case, course or board member, or a
// count already made by group. Plain data only: a workbook, a CSV, a database or an API may supply them.
import type { Ethnicity } from "./ethnicity";

/** Agenda for Change bands as WRES reports them. */
export type AfcBand = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8a" | "8b" | "8c" | "8d" | "9" | "VSM";
export const AFC_BANDS: readonly AfcBand[] = ["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9", "VSM"];

/** Medical and dental subgroups (docs/wres-method.md#pay-bands-and-cohorts). */
export type MedicalSubgroup = "consultant" | "non-consultant-career-grade" | "trainee" | "other";
export const MEDICAL_SUBGROUPS: readonly MedicalSubgroup[] = [
  "consultant",
  "non-consultant-career-grade",
  "trainee",
  "other",
];

export type Cohort = "non-clinical" | "clinical" | "medical";

/**
 * The sheet a record came from, so every problem and exclusion can name file, sheet, row and column.
 * One object is shared by all of a sheet's records (each record carries its own row).
 */
export interface SheetRef {
  file: string;
  sheet: string | null;
}

/** Where a record was read: its sheet and its row. */
export interface FromSheet {
  source: SheetRef;
  /** 1-based row number as a spreadsheet shows it. */
  row: number;
}

/** One person in the staff-in-post table, counted once at their primary assignment. */
export interface StaffRecord extends FromSheet {
  personId: string;
  ethnicity: Ethnicity;
  cohort: Cohort;
  /** AfC band for non-clinical and clinical staff; null for medical staff or when absent. */
  band: AfcBand | null;
  /** Medical subgroup for medical and dental staff; null otherwise. */
  medical: MedicalSubgroup | null;
  /** Consultant who is also a senior medical manager (medical director, clinical director). */
  seniorMedicalManager: boolean;
  staffGroup: string | null;
  gender: string | null;
  disability: string | null;
  directorate: string | null;
  /** Division (a level above directorate) and team, when the staff table carries them (absent: not read). */
  division?: string | null;
  team?: string | null;
  /** Board membership when the staff table carries it. */
  board: { voting: boolean; executive: boolean } | null;
}

/** A record that names a person, and may be joined to their staff-in-post record. */
export interface JoinedToStaff {
  personId: string | null;
  /**
   * The person's record in staff in post, when the reader joined the row to it (null: they are not in
   * its headcount). Left out when not joined: the indicators then look the person up by personId.
   */
  staff?: StaffRecord | null;
}

/** One application in a recruitment extract. */
export interface ApplicationRecord extends FromSheet {
  ethnicity: Ethnicity;
  shortlisted: boolean;
  appointed: boolean;
  band: AfcBand | null;
  post: string | null;
  /** ISO date (yyyy-mm-dd) or null. */
  date: string | null;
}

export type CaseType = "disciplinary" | "capability" | "grievance" | "other";

/** One employee relations case. Ethnicity is resolved from staff in post when the extract has none. */
export interface CaseRecord extends FromSheet, JoinedToStaff {
  ethnicity: Ethnicity;
  caseType: CaseType;
  stage: string | null;
  /** ISO date (yyyy-mm-dd) or null. */
  startDate: string | null;
  outcome: string | null;
}

/** One person who accessed non-mandatory training or CPD (deduplicated by person). */
export interface TrainingRecord extends FromSheet, JoinedToStaff {
  ethnicity: Ethnicity;
  /** ISO date (yyyy-mm-dd) or null. */
  date: string | null;
}

export interface BoardRecord extends FromSheet {
  ethnicity: Ethnicity;
  voting: boolean;
  executive: boolean;
}

/** Published staff survey results for indicators 5-8 (aggregated by the survey provider). */
export interface SurveyRecord extends FromSheet {
  indicator: 5 | 6 | 7 | 8;
  year: number | null;
  whitePct: number;
  bmePct: number;
  whiteRespondents: number | null;
  bmeRespondents: number | null;
}

/** Measures already counted by ethnic group (organisations without row-level data, earlier years). */
export type AggregateMeasure =
  "staff" | "shortlisted" | "appointed" | "disciplinary" | "training" | "board-voting" | "board-executive";

export interface AggregateRecord extends FromSheet {
  measure: AggregateMeasure;
  /** Band or cohort key when the count is for one band ("5", "8a", "consultant"), else null. */
  band: string | null;
  cohort: Cohort | null;
  year: string | null;
  white: number;
  bme: number;
  unknown: number;
}
