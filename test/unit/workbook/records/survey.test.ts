import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../../src/indicators";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell } from "../fixtures";

function readSurvey(rows: FixtureCell[][]): Dataset {
  return readWorkbooks([{ name: "survey.xlsx", bytes: buildXlsx([{ name: "Survey", rows }]) }]);
}

const errors = (ds: Dataset) => ds.issues.filter((i) => i.severity === "error");

describe("survey results", () => {
  it("reads indicators 7 and 8 from the indicator cell", () => {
    const ds = readSurvey([
      ["WRES Indicator", "Question", "White %", "BME %"],
      [7, "Q15", 55.1, 44.2],
      ["Indicator 8", "Q16b", 6.3, 8.1],
    ]);
    expect(ds.survey.map((r) => [r.indicator, r.whitePct, r.bmePct, r.row])).toEqual([
      [7, 55.1, 44.2, 2],
      [8, 6.3, 8.1, 3],
    ]);
    expect(errors(ds)).toEqual([]);
  });

  it("tells the indicator from the question's words, whatever their case, when the sheet has no indicator column", () => {
    const ds = readSurvey([
      ["Question", "White %", "BME %"],
      ["Harassment, bullying or abuse from Patients, relatives or the public", 25.1, 28.4],
      ["Harassment, bullying or abuse from a manager or other colleagues", 22.3, 27.9],
      ["Organisation acts fairly with regard to career progression / promotion", 58.2, 44.7],
      ["Experienced Discrimination at work from a manager", 6.1, 15.8],
    ]);
    expect(ds.survey.map((r) => [r.indicator, r.row])).toEqual([
      [5, 2],
      [6, 3],
      [7, 4],
      [8, 5],
    ]);
    expect(errors(ds)).toEqual([]);
  });

  it("excludes a row that is none of indicators 5-8, naming the question column when there is no indicator column", () => {
    const ds = readSurvey([
      ["Question", "White %", "BME %"],
      ["Harassment, bullying or abuse in the last 12 months", 20.1, 24.3],
      ["Staff engagement score", 7.1, 7.0],
      ["Experienced discrimination at work from a manager", 6.1, 15.8],
    ]);
    expect(ds.survey.map((r) => [r.indicator, r.row])).toEqual([[8, 4]]);
    expect(errors(ds).map((e) => [e.code, e.row, e.column])).toEqual([
      ["survey-indicator-unknown", 2, "A"],
      ["survey-indicator-unknown", 3, "A"],
    ]);
    expect(errors(ds)[0]!.message).toMatch(/not one of WRES indicators 5-8; the row was excluded\.$/);
    expect(ds.sheets[0]).toMatchObject({ rowsRead: 3, rowsUsed: 1, exclusions: { "survey-indicator-unknown": 2 } });
  });

  it("names the indicator column of a row whose indicator is not 5-8", () => {
    const ds = readSurvey([
      ["WRES Indicator", "Question", "White %", "BME %"],
      [4, "Q4", 12.1, 13.2],
      [5, "Q14a", 25.4, 29.3],
    ]);
    expect(ds.survey.map((r) => r.row)).toEqual([3]);
    expect(errors(ds).map((e) => [e.code, e.row, e.column])).toEqual([["survey-indicator-unknown", 2, "A"]]);
  });

  it("excludes a row whose White or BME percentage is missing, naming that column", () => {
    const ds = readSurvey([
      ["WRES Indicator", "Question", "White %", "BME %"],
      [5, "Q14a", "", 29.3],
      [6, "Q14b", 21.2, "n/a"],
      [7, "Q15", 58.2, 44.7],
    ]);
    expect(ds.survey.map((r) => r.row)).toEqual([4]);
    expect(errors(ds).map((e) => [e.code, e.row, e.column])).toEqual([
      ["invalid-number", 2, "C"],
      ["invalid-number", 3, "D"],
    ]);
    expect(errors(ds)[0]!.message).toMatch(/percentage is missing or not a number; the row was excluded\.$/);
    expect(ds.sheets[0]!.exclusions).toEqual({ "invalid-number": 2 });
  });

  it("reads the respondents of each group and the year", () => {
    const ds = readSurvey([
      ["WRES Indicator", "Question", "Year", "White %", "BME %", "White Respondents", "BME Respondents"],
      [5, "Q14a", "2024 survey", 25.4, 29.3, 1830, 412],
      [6, "Q14b", "", 21.2, 26.1, null, 398],
    ]);
    expect(ds.survey.map((r) => [r.year, r.whiteRespondents, r.bmeRespondents])).toEqual([
      [2024, 1830, 412],
      [null, null, 398],
    ]);
  });

  it("reads fractions as percentages only when every percentage on the sheet is a fraction, 100% included", () => {
    const fractions = readSurvey([
      ["WRES Indicator", "Question", "White %", "BME %"],
      [5, "Q14a", 1, 0.25],
      [6, "Q14b", 0.5, 1],
    ]);
    expect(fractions.survey.map((r) => [r.whitePct, r.bmePct])).toEqual([
      [100, 25],
      [50, 100],
    ]);
    // Small percentages beside larger ones in the other group's column: already percentages.
    const whiteAbove = readSurvey([
      ["WRES Indicator", "Question", "White %", "BME %"],
      [5, "Q14a", 0.5, 0.8],
      [6, "Q14b", 40, 0.7],
    ]);
    expect(whiteAbove.survey.map((r) => [r.whitePct, r.bmePct])).toEqual([
      [0.5, 0.8],
      [40, 0.7],
    ]);
    const bmeAbove = readSurvey([
      ["WRES Indicator", "Question", "White %", "BME %"],
      [5, "Q14a", 0.5, 30],
      [8, "Q16b", 0.8, 0.9],
    ]);
    expect(bmeAbove.survey.map((r) => [r.whitePct, r.bmePct])).toEqual([
      [0.5, 30],
      [0.8, 0.9],
    ]);
  });

  it("shows no unknown-ethnicity share for a survey sheet, which has no ethnicity column", () => {
    const ds = readSurvey([
      ["WRES Indicator", "Question", "White %", "BME %"],
      [5, "Q14a", 25.4, 29.3],
    ]);
    expect(ds.sheets[0]!.unknownEthnicityPct).toBeNull();
  });
});
