// Why a figure is not given and the cautions beside one are written once (the module's catalogues in src/indicators/notes):
// the tab, the Markdown report and the Excel workbook say the same words, English and Welsh have them all.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import {
  cautionNote,
  computeResults,
  reasonNote,
  renderMarkdown,
  type Caution,
  type NotCalculableReason,
  type RelativeLikelihoodResult,
} from "../../../src/indicators";
import { englishNote } from "../../../src/indicators/messages";
import { createI18n, loadCatalogue } from "../../../src/i18n";
import englishNotes from "../../../src/indicators/notes/en-GB.json";
import { resultsWorkbook } from "../../../src/reports/results-xlsx";
import { noteText } from "../../../src/ui/indicators/method-note";
import { applications, dataset, staffMany } from "./fixtures";

await loadCatalogue("cy-GB");
const en = createI18n("en-GB").t as (key: string, options?: Record<string, unknown>) => string;
const cy = createI18n("cy-GB").t as (key: string, options?: Record<string, unknown>) => string;

const REASONS: NotCalculableReason[] = [
  "missing-input",
  "zero-denominator",
  "zero-numerators",
  "zero-numerator",
  "numerator-exceeds-denominator",
  "below-threshold",
];
const CAUTIONS: Caution[] = [
  "small-numbers",
  "appointed-not-shortlisted",
  "two-year-not-available",
  "cases-without-date",
  "cases-outside-period",
  "survey-respondents-unknown",
];
const english = (code: string) => ({ white: "White", bme: "BME", unknown: "Unknown" })[code] ?? code;

describe("reasons and cautions, written once", () => {
  it("has every reason (with and without a group) and every caution in English and in Welsh", () => {
    const notes = [
      ...REASONS.flatMap((r) => [reasonNote(r, "bme"), reasonNote(r, null)]),
      ...CAUTIONS.map(cautionNote),
    ];
    for (const note of notes) {
      const inEnglish = noteText(en, note, true);
      const inWelsh = noteText(cy, note, true);
      expect(inEnglish, note.key).not.toContain(note.key);
      expect(inEnglish, note.key).not.toMatch(/{{|}}|^ /);
      expect(inWelsh, note.key).not.toBe(inEnglish);
    }
    expect(noteText(cy, reasonNote("zero-numerator", "bme"), true)).toBe(
      "Dim modd cyfrifo: Does gan BME ddim, felly byddai'r gymhareb yn 0 neu'n anfeidraidd.",
    );
  });

  it("names the group when the reason is about one, and never leaves a gap where it is not", () => {
    expect(noteText(en, reasonNote("zero-numerator", "bme"), true)).toBe(
      "Not calculable: BME has none, so the ratio would be 0 or infinite.",
    );
    expect(noteText(en, reasonNote("zero-numerator", null), true)).toBe(
      "Not calculable: One group has none, so the ratio would be 0 or infinite.",
    );
    expect(noteText(en, reasonNote("zero-denominator", null))).toBe("There is no one to count from.");
    // A hidden figure is not "not calculable": it says why it is not published.
    expect(noteText(en, reasonNote("below-threshold", null), true)).toMatch(
      /^Not published: it is computed from a hidden count/,
    );
  });

  it("writes in the module's own English exactly what the tab writes in English", () => {
    for (const reason of REASONS) {
      for (const group of ["white", "bme", null]) {
        for (const framed of [false, true])
          expect(englishNote(reasonNote(reason, group), english, framed)).toBe(
            noteText(en, reasonNote(reason, group), framed),
          );
      }
    }
    for (const caution of CAUTIONS)
      expect(englishNote(cautionNote(caution), english)).toBe(noteText(en, cautionNote(caution)));
    expect(Object.keys(englishNotes.reason).length).toBe(REASONS.length + 3);
    expect(Object.keys(englishNotes.caution).sort()).toEqual([...CAUTIONS].sort());
  });

  it("says the same words in the Markdown report, the Excel workbook and the tab", async () => {
    // No BME appointments: indicator 2 cannot be calculated, and the reason names BME.
    const doc = computeResults(
      dataset({
        staff: [...staffMany(400, "white"), ...staffMany(200, "bme")],
        applications: [...applications("white", 200, 40), ...applications("bme", 150, 0)],
      }),
    );
    const two = doc.indicators["2"] as RelativeLikelihoodResult;
    expect(two).toMatchObject({ value: null, reason: "zero-numerator", reasonGroup: "bme" });
    const tab = noteText(en, reasonNote("zero-numerator", "bme"), true);
    expect(tab).toBe("Not calculable: BME has none, so the ratio would be 0 or infinite.");
    expect(renderMarkdown(doc)).toContain(
      `Relative likelihood: not calculable. ${noteText(en, reasonNote("zero-numerator", "bme"))}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await resultsWorkbook(doc, { threshold: 5 })) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("2 Shortlisting")!;
    const assessment: string[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "Assessment") assessment.push(String(row.getCell(2).value));
    });
    expect(assessment).toEqual([tab]);
  });
});
