// Small factories for indicator tests: records built directly, without the workbook reader.
import type {
  AfcBand,
  AggregateRecord,
  ApplicationRecord,
  BoardRecord,
  BroadEthnicity,
  CaseRecord,
  Cohort,
  Dataset,
  EthnicGroup,
  Ethnicity,
  MedicalSubgroup,
  StaffRecord,
  SurveyRecord,
  TrainingRecord,
} from "../../../src/indicators";
import { emptyDataset } from "../../../src/indicators";

const SHEET = { file: "test.xlsx", sheet: "Sheet1" };

const CODE_OF_BROAD: Record<BroadEthnicity, string | null> = {
  white: "A",
  mixed: "D",
  asian: "H",
  black: "M",
  other: "S",
  unknown: null,
};

/** An ethnicity of a group; BME staff are Black unless another broad group is given. */
export function ethnicity(group: EthnicGroup, broad?: BroadEthnicity): Ethnicity {
  const b: BroadEthnicity = broad ?? (group === "white" ? "white" : group === "bme" ? "black" : "unknown");
  const code = CODE_OF_BROAD[b];
  return { group, broad: b, code, localCode: code, raw: code ?? "" };
}

let nextId = 1;

export function staff(group: EthnicGroup, extra: Partial<StaffRecord> = {}): StaffRecord {
  const cohort: Cohort = extra.cohort ?? "non-clinical";
  return {
    personId: `P${nextId++}`,
    ethnicity: ethnicity(group),
    cohort,
    band: cohort === "medical" ? null : "5",
    medical: null,
    seniorMedicalManager: false,
    staffGroup: null,
    gender: null,
    disability: null,
    directorate: null,
    board: null,
    source: SHEET,
    row: 2,
    ...extra,
  };
}

/** n staff of one group in one band (or medical subgroup). */
export function staffMany(
  n: number,
  group: EthnicGroup,
  where: { cohort?: Cohort; band?: AfcBand | null; medical?: MedicalSubgroup | null } = {},
  extra: Partial<StaffRecord> = {},
): StaffRecord[] {
  return Array.from({ length: n }, () => staff(group, { ...where, ...extra }));
}

export function application(group: EthnicGroup, shortlisted: boolean, appointed: boolean): ApplicationRecord {
  return {
    ethnicity: ethnicity(group),
    shortlisted,
    appointed,
    band: null,
    post: null,
    date: null,
    source: SHEET,
    row: 2,
  };
}

/** Applications: `shortlisted` of a group, the first `appointed` of them appointed. */
export function applications(group: EthnicGroup, shortlisted: number, appointed: number): ApplicationRecord[] {
  return Array.from({ length: shortlisted }, (_, i) => application(group, true, i < appointed));
}

export function disciplinary(group: EthnicGroup, extra: Partial<CaseRecord> = {}): CaseRecord {
  return {
    personId: null,
    ethnicity: ethnicity(group),
    caseType: "disciplinary",
    stage: null,
    startDate: null,
    outcome: null,
    source: SHEET,
    row: 2,
    ...extra,
  };
}

export function cases(n: number, group: EthnicGroup, extra: Partial<CaseRecord> = {}): CaseRecord[] {
  return Array.from({ length: n }, () => disciplinary(group, extra));
}

export function training(group: EthnicGroup, extra: Partial<TrainingRecord> = {}): TrainingRecord {
  return { personId: null, ethnicity: ethnicity(group), date: null, source: SHEET, row: 2, ...extra };
}

export function trainingMany(n: number, group: EthnicGroup): TrainingRecord[] {
  return Array.from({ length: n }, () => training(group));
}

export function boardMember(group: EthnicGroup, voting: boolean, executive: boolean): BoardRecord {
  return { ethnicity: ethnicity(group), voting, executive, source: SHEET, row: 2 };
}

export function survey(
  indicator: 5 | 6 | 7 | 8,
  whitePct: number,
  bmePct: number,
  extra: Partial<SurveyRecord> = {},
): SurveyRecord {
  return {
    indicator,
    year: 2024,
    whitePct,
    bmePct,
    whiteRespondents: 1200,
    bmeRespondents: 300,
    source: SHEET,
    row: 2,
    ...extra,
  };
}

export function aggregate(
  measure: AggregateRecord["measure"],
  white: number,
  bme: number,
  unknown: number,
  extra: Partial<AggregateRecord> = {},
): AggregateRecord {
  return { measure, band: null, cohort: null, year: null, white, bme, unknown, source: SHEET, row: 2, ...extra };
}

export function dataset(parts: Partial<Dataset> = {}): Dataset {
  return { ...emptyDataset(), ...parts };
}
