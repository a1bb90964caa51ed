// Due dates as plans write them, case by case: every month name the reader knows (English and Welsh), the
// bounds of a real date, Excel serials, NHS financial quarters and years, and when a cell's words are kept.
import { describe, expect, it } from "vitest";
import { readDueDate } from "../../../src/plan/import/due-dates";

const date = (iso: string, plain = true) => ({ kind: "date", iso, plain });

describe("month names", () => {
  it.each([
    ["jan", "2025-01-31"],
    ["January", "2025-01-31"],
    ["Ionawr", "2025-01-31"],
    ["Feb", "2025-02-28"],
    ["February", "2025-02-28"],
    ["Chwefror", "2025-02-28"],
    ["Mar", "2025-03-31"],
    ["March", "2025-03-31"],
    ["Mawrth", "2025-03-31"],
    ["Apr", "2025-04-30"],
    ["April", "2025-04-30"],
    ["Ebrill", "2025-04-30"],
    ["May", "2025-05-31"],
    ["Mai", "2025-05-31"],
    ["Jun", "2025-06-30"],
    ["June", "2025-06-30"],
    ["Mehefin", "2025-06-30"],
    ["Jul", "2025-07-31"],
    ["July", "2025-07-31"],
    ["Gorffennaf", "2025-07-31"],
    ["Aug", "2025-08-31"],
    ["August", "2025-08-31"],
    ["Awst", "2025-08-31"],
    ["Sep", "2025-09-30"],
    ["Sept", "2025-09-30"],
    ["September", "2025-09-30"],
    ["Medi", "2025-09-30"],
    ["Oct", "2025-10-31"],
    ["October", "2025-10-31"],
    ["Hydref", "2025-10-31"],
    ["Nov", "2025-11-30"],
    ["November", "2025-11-30"],
    ["Tachwedd", "2025-11-30"],
    ["Dec", "2025-12-31"],
    ["December", "2025-12-31"],
    ["Rhagfyr", "2025-12-31"],
  ])("reads %j 2025 as the end of that month", (month, iso) => {
    expect(readDueDate(`${month} 2025`)).toEqual(date(iso));
  });

  it("reads a day before a month name, with or without 'of', an ordinal, a full stop or a comma", () => {
    expect(readDueDate("1st of April 2025")).toEqual(date("2025-04-01"));
    expect(readDueDate("2nd Mai 2025")).toEqual(date("2025-05-02"));
    expect(readDueDate("30 Sept. 2025")).toEqual(date("2025-09-30"));
    expect(readDueDate("3 Rhagfyr, 2025")).toEqual(date("2025-12-03"));
    expect(readDueDate("31 September 2025")).toEqual({ kind: "unknown" });
  });

  it("reads a month with a two-digit or apostrophe year", () => {
    expect(readDueDate("Mar '25")).toEqual(date("2025-03-31"));
    expect(readDueDate("Dec-25")).toEqual(date("2025-12-31"));
    expect(readDueDate("Feb 2028")).toEqual(date("2028-02-29"));
  });
});

describe("day/month/year dates", () => {
  it("reads slashes, dots and dashes, and two-digit years as this century", () => {
    expect(readDueDate("1/4/2025")).toEqual(date("2025-04-01"));
    expect(readDueDate("31.03.2025")).toEqual(date("2025-03-31"));
    expect(readDueDate("31-03-25")).toEqual(date("2025-03-31"));
    expect(readDueDate("2025-03-31")).toEqual(date("2025-03-31"));
  });

  it("reads a date with a time of day, as a sheet saved as text writes it, without keeping the time", () => {
    expect(readDueDate("2025-03-31T00:00:00")).toEqual(date("2025-03-31"));
    expect(readDueDate("2025-03-31T09:30:00.000Z")).toEqual(date("2025-03-31"));
  });

  it("refuses a day or month that does not exist, and knows leap years", () => {
    expect(readDueDate("29/02/2024")).toEqual(date("2024-02-29"));
    expect(readDueDate("29/02/2025")).toEqual({ kind: "unknown" });
    expect(readDueDate("00/03/2025")).toEqual({ kind: "unknown" });
    expect(readDueDate("01/00/2025")).toEqual({ kind: "unknown" });
    expect(readDueDate("01/13/2025")).toEqual({ kind: "unknown" });
    expect(readDueDate("32/12/2025")).toEqual({ kind: "unknown" });
    expect(readDueDate("31/12/2025")).toEqual(date("2025-12-31"));
    expect(readDueDate("01/01/2025")).toEqual(date("2025-01-01"));
    expect(readDueDate("2025-02-30")).toEqual({ kind: "unknown" });
  });
});

describe("Excel serial dates", () => {
  it("reads a serial in the years a plan could name, ignoring the time of day", () => {
    expect(readDueDate(45747.75)).toEqual(date("2025-03-31"));
    expect(readDueDate(25_000)).toEqual(date("1968-06-11"));
    expect(readDueDate(100_000)).toEqual(date("2173-10-14"));
  });

  it("takes a number outside those years for a count, not a date", () => {
    expect(readDueDate(24_999)).toEqual({ kind: "unknown" });
    expect(readDueDate(100_001)).toEqual({ kind: "unknown" });
    expect(readDueDate(Number.NaN)).toEqual({ kind: "unknown" });
    expect(readDueDate(Number.POSITIVE_INFINITY)).toEqual({ kind: "unknown" });
  });
});

describe("quarters and financial years", () => {
  it("ends each quarter of an NHS financial year (April to March)", () => {
    expect(readDueDate("Q1 2024/25")).toEqual(date("2024-06-30"));
    expect(readDueDate("Q2 2024/25")).toEqual(date("2024-09-30"));
    expect(readDueDate("Q3 of FY 2024-2025")).toEqual(date("2024-12-31"));
    expect(readDueDate("Q4 2024–25")).toEqual(date("2025-03-31"));
  });

  it("reads a bare quarter in the plan year being imported, and not without one", () => {
    expect(readDueDate("Q2", "2025/26")).toEqual(date("2025-09-30"));
    expect(readDueDate("Q4", "2025 - 2026")).toEqual(date("2026-03-31"));
    expect(readDueDate("Q2", "2025–26")).toEqual(date("2025-09-30"));
    expect(readDueDate("Q2")).toEqual({ kind: "unknown" });
    expect(readDueDate("Q2", "the current year")).toEqual({ kind: "unknown" });
  });

  it("takes a bare quarter's year only from a plan year written as two years, as the importer reads one", () => {
    expect(readDueDate("Q2", "2025/6")).toEqual({ kind: "unknown" });
    expect(readDueDate("Q2", "2025-onwards")).toEqual({ kind: "unknown" });
  });

  it("does not guess whether 'Q3 2024' is a calendar or a financial quarter, even in a plan year", () => {
    expect(readDueDate("Q3 2024", "2024/25")).toEqual({ kind: "unknown" });
    expect(readDueDate("Q3 2024")).toEqual({ kind: "unknown" });
  });

  it("reads a quarter's financial year with spaces around its dash, or with FY written against it", () => {
    expect(readDueDate("Q3 2024 – 25")).toEqual(date("2024-12-31"));
    expect(readDueDate("Q3 2024 / 2025")).toEqual(date("2024-12-31"));
    expect(readDueDate("Q3 FY2024/25")).toEqual(date("2024-12-31"));
  });

  it("ends a financial year named on its own on 31 March, and refuses one that is not a year long", () => {
    expect(readDueDate("2024/25")).toEqual(date("2025-03-31"));
    expect(readDueDate("by FY2024-2025")).toEqual(date("2025-03-31"));
    expect(readDueDate("end of 2024/25")).toEqual(date("2025-03-31"));
    expect(readDueDate("2024/26")).toEqual({ kind: "unknown" });
  });

  it("reads a financial year with spaces around its dash, or after 'FY ', as that year", () => {
    expect(readDueDate("2024 – 25")).toEqual(date("2025-03-31"));
    expect(readDueDate("end of 2024 - 25")).toEqual(date("2025-03-31"));
    expect(readDueDate("FY 2024/25")).toEqual(date("2025-03-31"));
  });

  it("ends a calendar year named with 'end of' on 31 December", () => {
    expect(readDueDate("End of 2025")).toEqual(date("2025-12-31"));
    expect(readDueDate("by end 2025")).toEqual(date("2025-12-31"));
    expect(readDueDate("by the end of December 2025")).toEqual(date("2025-12-31"));
  });
});

describe("cells with no single date", () => {
  it.each([
    ["Ongoing"],
    ["on-going"],
    ["Continuous"],
    ["continuously"],
    ["TBC"],
    ["TBA"],
    ["tbd"],
    ["N/A"],
    ["na"],
    ["None"],
    ["Various"],
    ["Annual"],
    ["Annually"],
    ["Quarterly"],
    ["Monthly"],
    ["As required"],
    ["Throughout the year"],
    ["-"],
    ["---"],
  ])("reads %j as no date", (text) => {
    expect(readDueDate(text)).toEqual({ kind: "none" });
  });

  it("reads a date even when a word that means 'no date' is only part of the cell", () => {
    expect(readDueDate("Ongoing review by March 2025")).toEqual(date("2025-03-31", false));
    expect(readDueDate("Annual report, 31/03/2025")).toEqual(date("2025-03-31", false));
  });

  it("tells an empty cell from a yes/no cell, and collapses spaces before reading", () => {
    expect(readDueDate("")).toEqual({ kind: "empty" });
    expect(readDueDate("   ")).toEqual({ kind: "empty" });
    expect(readDueDate(true)).toEqual({ kind: "unknown" });
    expect(readDueDate(false)).toEqual({ kind: "unknown" });
    expect(readDueDate("  As \n required ")).toEqual({ kind: "none" });
  });

  it("gives no date for two different dates, or one date beside one it cannot read", () => {
    expect(readDueDate("31/03/2025 or 30/06/2025")).toEqual({ kind: "ambiguous" });
    expect(readDueDate("March 2025, then 31/02/2025")).toEqual({ kind: "unknown" });
    expect(readDueDate("31/02/2025")).toEqual({ kind: "unknown" });
  });

  it("reads the same date written twice as that date", () => {
    expect(readDueDate("31/03/2025 (31 March 2025)")).toEqual(date("2025-03-31"));
    expect(readDueDate("1 April 2025 (1 Ebrill 2025)")).toEqual(date("2025-04-01"));
  });
});

describe("the words around a date", () => {
  it("calls a date plain when only 'by', 'due', 'end of', 'before' or punctuation surround it", () => {
    expect(readDueDate("by March 2025")).toEqual(date("2025-03-31"));
    expect(readDueDate("Due: 31/03/2025.")).toEqual(date("2025-03-31"));
    expect(readDueDate("End of March 2025")).toEqual(date("2025-03-31"));
    expect(readDueDate("before the end of March 2025")).toEqual(date("2025-03-31"));
    expect(readDueDate("(March 2025)")).toEqual(date("2025-03-31"));
    expect(readDueDate("March 2025 & ")).toEqual(date("2025-03-31"));
  });

  it("keeps other words, so the timescale's text is not lost", () => {
    expect(readDueDate("March 2025 (review)")).toEqual(date("2025-03-31", false));
    expect(readDueDate("by March 2025 then yearly")).toEqual(date("2025-03-31", false));
    expect(readDueDate("end of March 2025 by")).toEqual(date("2025-03-31"));
    expect(readDueDate("ends March 2025")).toEqual(date("2025-03-31", false));
  });
});
