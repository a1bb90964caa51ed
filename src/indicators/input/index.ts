// The indicators' input model: the records they count and the dataset that carries them. Whatever supplies
// the records (the workbook reader today) depends on this; it depends on nothing outside this folder.
export type * from "./ethnicity";
export { broadOfCode, groupOfBroad } from "./ethnicity";
export type * from "./records";
export { AFC_BANDS, MEDICAL_SUBGROUPS } from "./records";
export type * from "./dataset";
export { emptyDataset } from "./dataset";
