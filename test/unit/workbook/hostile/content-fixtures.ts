// The staff sheet both hostile-content test files build on: its namespace, a header row, a person's row, and
// reading a workbook made of one sheet with what it cost.
import { expect } from "vitest";
import type { Dataset } from "../../../../src/indicators";
import { readWorkbooks } from "../../../../src/workbook";
import { entry, workbookWithSheet } from "../../../support/hostile-workbooks";
import { measure } from "../../../support/measure";

export const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
export const HEADER = `<row r="1"><c r="A1" t="inlineStr"><is><t>Employee Number</t></is></c><c r="B1" t="inlineStr"><is><t>Ethnic Origin</t></is></c><c r="C1" t="inlineStr"><is><t>Pay Band</t></is></c></row>`;
export const person = (r: number, id: number, eth: string) =>
  `<row r="${r}"><c r="A${r}"><v>${id}</v></c><c r="B${r}" t="inlineStr"><is><t>${eth}</t></is></c><c r="C${r}" t="inlineStr"><is><t>Band 5</t></is></c></row>`;

export function read(name: string, sheet: string, sharedStrings?: string) {
  const bytes = workbookWithSheet(entry("xl/worksheets/sheet1.xml", sheet), sharedStrings);
  return measure(() => readWorkbooks([{ name, bytes }]));
}

export function dataset(cost: { error: unknown; result: Dataset | undefined }): Dataset {
  expect(cost.error).toBeUndefined();
  return cost.result!;
}
