// Reads action plans laid out as organisations publish them: title and sponsor lines, a header row
// (once, or repeated under each objective or on every page), objective headings (merged across the
// table, alone in the first column, above the header, or a column repeated down the actions), notes
// that belong to an objective ("Links to ..."), then one row per action. Every row that holds
// something gets a role the preview shows and the editor can change. Whatever cannot be read is
// reported with sheet, row and column, never guessed.
//
// The reading is split by concern: row-patterns.ts (what a row's words say), sheet-reader.ts (one
// sheet, row by row), file-reader.ts (what the sheets of one file share) and limits.ts.
import { FileReader } from "./file-reader";
import { SheetReader } from "./sheet-reader";
import type { GridSheet, ImportOptions, PlanImport } from "./types";
import { yearInText, yearOfDueDates } from "./year";

/** The plan year the file names: title rows, then a cover sheet, sheet names, the file name. */
function namedYear(
  sheets: readonly GridSheet[],
  options: ImportOptions,
): { year: string; source: PlanImport["yearSource"] } | null {
  const readers = sheets.map((sheet) => ({
    sheet,
    reader: new SheetReader(sheet, { ...options, planYear: "" }, new FileReader(options.fileName)),
  }));
  const withTable = readers.filter((r) => r.reader.hasTable());
  const titles = [...(options.documentText ?? []), ...withTable.flatMap((r) => r.reader.titleText())];
  for (const line of titles) {
    const year = yearInText(line);
    if (year) return { year, source: "title" };
  }
  for (const { reader } of readers.filter((r) => !r.reader.hasTable())) {
    for (const line of reader.titleText()) {
      const year = yearInText(line);
      if (year) return { year, source: "cover" };
    }
  }
  for (const { sheet } of readers) {
    const year = yearInText(sheet.name);
    if (year) return { year, source: "sheet" };
  }
  const year = yearInText(options.fileName);
  return year ? { year, source: "file" } : null;
}

/**
 * Reads a plan workbook's grid (readSparseGrid of src/workbook, or the tables of a Word document)
 * into objectives and actions. Leads stay as text (`leadText`): matching them to people is the tab's job.
 */
export function parsePlanGrid(sheets: readonly GridSheet[], options: ImportOptions): PlanImport {
  const named = namedYear(sheets, options);
  const planYear = options.planYear ?? named?.year ?? "";
  const file = new FileReader(options.fileName);
  for (const sheet of sheets) new SheetReader(sheet, { ...options, planYear }, file).read();
  const result = file.result();
  let year = named?.year ?? null;
  let yearSource: PlanImport["yearSource"] = named?.source ?? null;
  if (year === null) {
    year = yearOfDueDates(
      result.objectives.flatMap((o) => o.actions.map((a) => a.fields.dueDate).filter((d): d is string => d !== null)),
    );
    yearSource = year ? "dueDates" : null;
  }
  if (options.planYear === undefined && year !== null) {
    for (const o of result.objectives) o.fields.planYear = year;
  }
  if (options.planYear && year && year !== options.planYear && result.objectives.length > 0) {
    result.issues.push({
      severity: "warning",
      code: "otherYear",
      file: options.fileName,
      sheet: null,
      row: null,
      column: null,
      cell: null,
      value: year,
    });
  }
  return { ...result, year, yearSource };
}

export { MAX_LEAD_LENGTH, MAX_NUMBER_LENGTH, MAX_PLAN_ROWS, MAX_TITLE_LENGTH, shortenAtWord } from "./limits";
export { splitHeading } from "./row-patterns";
