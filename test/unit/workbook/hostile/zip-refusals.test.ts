// What the reader says when it refuses a zip bomb, on bombs that inflate to 17 MB at most. zip-bombs.test.ts
// refuses the real sizes (16 GB, 400 MB, a thousand sheets on one 8 MB part) within a time bound, too slow and
// too time-bound to run for every mutant; these pin the same refusals, each naming the file and the part.
import { describe, expect, it } from "vitest";
import { readWorkbooks, WorkbookError } from "../../../../src/workbook";
import type { ReadOptions } from "../../../../src/workbook/types";
import {
  bombEntry,
  entry,
  MB,
  sheetXml,
  workbookParts,
  workbookWithSheet,
  writeZip,
} from "../../../support/hostile-workbooks";

function refusal(name: string, bytes: Uint8Array, options?: ReadOptions) {
  let error: unknown;
  try {
    readWorkbooks([{ name, bytes }], options);
  } catch (e) {
    error = e;
  }
  expect(error, "the workbook was read instead of refused").toBeInstanceOf(WorkbookError);
  const issue = (error as WorkbookError).issue;
  expect(issue).toMatchObject({ severity: "error", file: name });
  expect(issue.message.startsWith(name)).toBe(true);
  return issue;
}

const staffSheet = (path: string) =>
  entry(
    path,
    sheetXml([
      ["Employee Number", "Ethnic Origin"],
      [1, "A White - British"],
    ]),
  );

describe("zip bombs, small", () => {
  it("refuses a sheet that inflates past the size it declares, naming the part", () => {
    const bytes = workbookWithSheet(bombEntry("xl/worksheets/sheet1.xml", 2 * MB, 64 * 1024));
    const issue = refusal("liar.xlsx", bytes);
    expect(issue.code).toBe("file-corrupt");
    expect(issue.message).toBe(
      "liar.xlsx is not a readable workbook: the zip container is damaged (xl/worksheets/sheet1.xml inflates past its declared size).",
    );
  });

  it("refuses a sheet that expands more than 200 times its packed size once past 16 MB, naming the part", () => {
    // 17 MB of one byte from 17 KB, declaring 40 MB: under every size limit, so only the ratio stops it.
    const bytes = workbookWithSheet(bombEntry("xl/worksheets/sheet1.xml", 17 * MB, 40 * MB));
    const issue = refusal("ratio.xlsx", bytes);
    expect(issue.code).toBe("file-too-large");
    expect(issue.message).toBe(
      "ratio.xlsx is not a real workbook: its part xl/worksheets/sheet1.xml expands more than 200 times its packed size, as only a zip bomb does. It was not opened.",
    );
  });

  it("refuses parts that declare more than the budget, before inflating anything", () => {
    const bytes = workbookWithSheet(bombEntry("xl/worksheets/sheet1.xml", 4096, 3 * MB));
    const issue = refusal("declared.xlsx", bytes, { maxUncompressedBytes: 2e6 });
    expect(issue.code).toBe("file-too-large");
    expect(issue.message).toMatch(
      /^declared\.xlsx would expand to more than 2 MB when opened, which is over the limit/,
    );
  });

  it("refuses a part that inflates past the budget it was given, naming the part", () => {
    // Declares 4 KiB less than the budget and inflates to 3 MB: the lie takes it past the budget.
    const bytes = workbookWithSheet(bombEntry("xl/worksheets/sheet1.xml", 3 * MB, 2_000_000 - 4096));
    const issue = refusal("budget.xlsx", bytes, { maxUncompressedBytes: 2_000_000 });
    expect(issue.code).toBe("file-too-large");
    expect(issue.message).toMatch(
      /^budget\.xlsx would expand to more than 2 MB when opened \(at part xl\/worksheets\/sheet1\.xml\), which is over the limit/,
    );
  });

  it("refuses entries that share one deflate stream, naming two of them", () => {
    const sheets = [1, 2, 3].map((i) => ({ name: `S${i}`, path: `xl/worksheets/sheet${i}.xml` }));
    const data = staffSheet("xl/worksheets/sheet1.xml");
    const copies = sheets.slice(1).map((s) => ({ ...data, name: s.path, sameDataAs: data.name }));
    const issue = refusal("overlap.xlsx", writeZip([...workbookParts(sheets), data, ...copies]));
    expect(issue.code).toBe("file-corrupt");
    expect(issue.message).toMatch(
      /^overlap\.xlsx is not a readable workbook: the zip container is damaged \(xl\/worksheets\/sheet\d\.xml and xl\/worksheets\/sheet\d\.xml overlap\)\.$/,
    );
  });

  it("refuses a workbook whose sheets name the same part, naming the sheets and the part", () => {
    const sheets = [1, 2, 3].map((i) => ({ name: `S${i}`, path: "xl/worksheets/sheet1.xml" }));
    const bytes = writeZip([...workbookParts(sheets), staffSheet("xl/worksheets/sheet1.xml")]);
    const issue = refusal("same-part.xlsx", bytes);
    expect(issue.code).toBe("file-corrupt");
    expect(issue.message).toContain('same-part.xlsx is damaged: sheets "S1" and "S2" are the same part');
    expect(issue.message).toContain("xl/worksheets/sheet1.xml");
  });
});
