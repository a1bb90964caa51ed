// The workbook reader: bytes of .xlsx / .csv files in, typed records out (the indicators' input model,
// src/indicators/input). Pure: no DOM, no I/O.
export { WorkbookError } from "./errors";
export { readGrid, DEFAULT_MAX_ROWS, DEFAULT_MAX_UNCOMPRESSED_BYTES } from "./grid";
export type * from "./types";
export { readWorkbooks } from "./read";
export { parseEthnicity } from "./ethnicity";
export { parseGrade, parseYesNo, parseDate, cohortOfStaffGroup, medicalSubgroupOf, DEFAULT_STAFF_GROUP_COHORTS } from "./values";
export { headerSignature, normaliseHeader } from "./schema";
