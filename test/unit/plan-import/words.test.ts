import { describe, expect, it } from "vitest";
import { headerField, indicatorsInText, highImpactActionsInText, readDueDate, readRag } from "../../../src/plan/import";

describe("RAG words", () => {
  it.each([
    ["green", "Green"],
    ["GREEN", "Green"],
    ["G", "Green"],
    [" Amber ", "Amber"],
    ["red", "Red"],
    ["Complete", "Blue"],
    ["Completed", "Blue"],
    ["BLUE", "Blue"],
    ["Green - on track", "Green"],
    ["At risk", "Amber"],
  ])("reads %j as %s", (text, rag) => {
    expect(readRag(text)).toEqual({ kind: "rag", rag });
  });

  it.each([["Amber/Green"], ["Green/Amber"], ["AG"], ["amber-green"]])(
    "takes the worse colour of %j (Amber)",
    (text) => {
      expect(readRag(text)).toEqual({ kind: "rag", rag: "Amber" });
    },
  );

  it("treats a completed action reported with an open colour as open", () => {
    expect(readRag("Blue/Green")).toEqual({ kind: "rag", rag: "Green" });
  });

  it.each([["purple"], ["see notes"], ["?"]])("reports %j as not understood", (text) => {
    expect(readRag(text)).toEqual({ kind: "unknown" });
  });

  it.each([["Not started"], ["NOT STARTED"], ["not yet started"]])("reads %j as a status without a colour", (text) => {
    expect(readRag(text)).toEqual({ kind: "notStarted" });
  });

  it("knows an empty cell from an unknown word", () => {
    expect(readRag("  ")).toEqual({ kind: "empty" });
  });
});

describe("due dates", () => {
  it("reads a date cell given as an Excel serial or an ISO string", () => {
    expect(readDueDate(45747)).toEqual({ kind: "date", iso: "2025-03-31", plain: true });
    expect(readDueDate("2025-03-31T00:00:00.000Z")).toEqual({ kind: "date", iso: "2025-03-31", plain: true });
    expect(readDueDate("31/03/2025")).toEqual({ kind: "date", iso: "2025-03-31", plain: true });
    expect(readDueDate("31st March 2025")).toEqual({ kind: "date", iso: "2025-03-31", plain: true });
  });

  it("takes a month as the end of that month", () => {
    expect(readDueDate("March 2025")).toEqual({ kind: "date", iso: "2025-03-31", plain: true });
    expect(readDueDate("Sept 2024")).toEqual({ kind: "date", iso: "2024-09-30", plain: true });
    expect(readDueDate("Feb-24")).toEqual({ kind: "date", iso: "2024-02-29", plain: true });
  });

  it("takes a quarter as the end of that NHS financial quarter", () => {
    expect(readDueDate("Q3 2024/25")).toEqual({ kind: "date", iso: "2024-12-31", plain: true });
    expect(readDueDate("Q4 2024/25")).toEqual({ kind: "date", iso: "2025-03-31", plain: true });
    expect(readDueDate("Q1", "2025/26")).toEqual({ kind: "date", iso: "2025-06-30", plain: true });
    expect(readDueDate("end of 2024/25")).toEqual({ kind: "date", iso: "2025-03-31", plain: true });
  });

  it("keeps words around a single date, so the timescale's text can be kept", () => {
    expect(readDueDate("April 2021 (commencing)")).toEqual({ kind: "date", iso: "2021-04-30", plain: false });
  });

  it("gives no date, without guessing, for ongoing work, several dates or unreadable text", () => {
    expect(readDueDate("Ongoing")).toEqual({ kind: "none" });
    expect(readDueDate("TBC")).toEqual({ kind: "none" });
    expect(readDueDate("November 2020 (launch) May 2021 (mid-year review)")).toEqual({ kind: "ambiguous" });
    expect(readDueDate("Q3 2024")).toEqual({ kind: "unknown" });
    expect(readDueDate("when funding allows")).toEqual({ kind: "unknown" });
    expect(readDueDate("31/02/2025")).toEqual({ kind: "unknown" });
    expect(readDueDate(2025)).toEqual({ kind: "unknown" });
    expect(readDueDate(null)).toEqual({ kind: "empty" });
  });
});

describe("indicator references", () => {
  it.each([
    ["Improves WRES 2", [2]],
    ["Indicator 5 and staff survey", [5]],
    ["Ind 1 & 3", [1, 3]],
    ["Workforce Data and Representation – Metrics 1 and Metric 9", [1, 9]],
    ["Staff Survey Indicators – Metrics 5, 6, 7 and 8", [5, 6, 7, 8]],
    ["WRES indicators 2-4", [2, 3, 4]],
    ["reporting against Metric 4.", [4]],
  ])("finds the indicators in %j", (text, expected) => {
    expect(indicatorsInText(text)).toEqual(expected);
  });

  it("does not read years, goals or other numbers as indicators", () => {
    expect(indicatorsInText("WRES 2020 report; Links to EDS goals 1, 3 and 4; 17% of staff")).toEqual([]);
  });

  it("finds High Impact Actions", () => {
    expect(highImpactActionsInText("Supports HIA 3 and High Impact Action 1")).toEqual(["HIA 1", "HIA 3"]);
  });
});

describe("headers", () => {
  it.each([
    ["No.", "number"],
    ["Ref", "number"],
    ["Action number", "number"],
    ["Action to be taken", "title"],
    ["What we will do", "title"],
    ["Responsible owner(s)", "lead"],
    ["Responsible person / team", "lead"],
    ["By when", "dueDate"],
    ["Completion date", "dueDate"],
    ["Timescale", "dueDate"],
    ["Milestones", "milestones"],
    ["Progress Q2", "progress"],
    ["Update", "progress"],
    ["Measures of success", "kpis"],
    ["Outcomes", "outcomes"],
    ["RAG rating", "rag"],
    ["Status", "rag"],
    ["WRES indicator", "indicators"],
  ])("reads %j as the %s column", (text, field) => {
    expect(headerField(text)).toBe(field);
  });
});

describe("headers that are not ours to guess", () => {
  it.each([["Target"], ["Budget"], ["Notes"]])("leaves %j unrecognised", (text) => {
    expect(headerField(text)).toBeNull();
  });
});
