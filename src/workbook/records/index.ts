// Turns recognised sheets into typed records, counting every row read, used and excluded (with the reason),
// and reporting each problem with file, sheet, row and column. One reader per kind of sheet, over the
// shared machinery of reading.ts.
export { ReadContext } from "./context";
export { readStaff } from "./staff";
export { readRecruitment } from "./recruitment";
export { readCases } from "./cases";
export { readTraining } from "./training";
export { readBoard } from "./board";
export { readSurvey } from "./survey";
export { readAggregates } from "./aggregates";
