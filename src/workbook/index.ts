// The workbook reader: bytes of .xlsx / .csv files in, typed records out (the indicators' input model,
// src/indicators/input). Pure: no DOM, no I/O.
export { WorkbookError, fileError } from "./errors";
export { readGrid, readSparseGrid, sniffFormat, DEFAULT_MAX_ROWS, DEFAULT_MAX_UNCOMPRESSED_BYTES } from "./grid";
export type * from "./types";
export { readWorkbooks } from "./read";
export { parseEthnicity } from "./ethnicity";
export {
  parseGrade,
  parseYesNo,
  parseDate,
  cohortOfStaffGroup,
  medicalSubgroupOf,
  DEFAULT_STAFF_GROUP_COHORTS,
} from "./values";
export { headerSignature, normaliseHeader, headerScore, matchColumns, KINDS, KIND_BY_NAME } from "./schema";
export { readDocx } from "./docx";
export { readCellFills } from "./fills";
export { listEntries } from "./zip";
export { columnLetter, rangeRef, type CellRange } from "./cell-refs";
