// RAG words and plan years as imported plans write them: the spellings each reader accepts, and the
// near misses it must refuse rather than guess.
import { describe, expect, it } from "vitest";
import { readRag } from "../../../src/plan/import";
import { financialYearOf, formatYear, yearInText, yearOfDueDates } from "../../../src/plan/import/year";

describe("RAG words: separators, spacing and near misses", () => {
  it("reads two colours joined by a colon or brackets as two words (the worse one wins)", () => {
    expect(readRag("Green(Amber)")).toEqual({ kind: "rag", rag: "Amber" });
    expect(readRag("Red:Green")).toEqual({ kind: "rag", rag: "Red" });
  });

  it("reads 'on track' and 'not started' written with several spaces", () => {
    expect(readRag("On  track")).toEqual({ kind: "rag", rag: "Green" });
    expect(readRag("Off \t track")).toEqual({ kind: "rag", rag: "Red" });
  });

  it("takes 'not started' only as the whole cell", () => {
    expect(readRag("Not yet started")).toEqual({ kind: "notStarted" });
    expect(readRag("Heb ddechrau")).toEqual({ kind: "notStarted" });
    expect(readRag("Almost not started")).toEqual({ kind: "unknown" });
    expect(readRag("Not started yet")).toEqual({ kind: "unknown" });
  });

  it("ignores a trailing or leading separator around a colour", () => {
    expect(readRag("Green /")).toEqual({ kind: "rag", rag: "Green" });
    expect(readRag("- Amber")).toEqual({ kind: "rag", rag: "Amber" });
  });

  it("reads letter codes of two or three letters only, and only of RAG letters", () => {
    expect(readRag("RAG")).toEqual({ kind: "empty" });
    expect(readRag("GAR")).toEqual({ kind: "rag", rag: "Red" });
    expect(readRag("ragb")).toEqual({ kind: "unknown" });
    expect(readRag("xag")).toEqual({ kind: "unknown" });
    expect(readRag("agx")).toEqual({ kind: "unknown" });
  });

  it("reports a cell with a colour and an unknown word as unknown, not as the colour", () => {
    expect(readRag("Green maybe")).toEqual({ kind: "unknown" });
    expect(readRag("probably / Red")).toEqual({ kind: "unknown" });
  });
});

describe("plan years written in titles and file names", () => {
  it("reads a year at the very start of the text", () => {
    expect(yearInText("2024/25 action plan")).toBe("2024/25");
  });

  it("reads a year written with spaces around the separator", () => {
    expect(yearInText("Action Plan 2024 / 25")).toBe("2024/25");
    expect(yearInText("Action Plan 2024 – 2025")).toBe("2024/25");
    expect(yearInText("Plan 2024 to 2025")).toBe("2024/25");
  });

  it("reads the end year written in full, followed by more text", () => {
    expect(yearInText("WRES 2024-2025 final")).toBe("2024/25");
    expect(yearInText("Action Plan 2024/25 (draft)")).toBe("2024/25");
  });

  it("refuses a pair of years that is not one year apart", () => {
    expect(yearInText("Plan 2024/26")).toBeNull();
    expect(yearInText("Plan 2024-2026")).toBeNull();
    expect(yearInText("Plan 2024/23")).toBeNull();
  });

  it("reads the short financial-year form FY24/25, with or without spaces", () => {
    expect(yearInText("FY24/25 plan")).toBe("2024/25");
    expect(yearInText("fy 24 - 25")).toBe("2024/25");
  });

  it("refuses a short form whose years are not consecutive", () => {
    expect(yearInText("FY24/26")).toBeNull();
    expect(yearInText("FY24/23")).toBeNull();
    expect(yearInText("FY2/25")).toBeNull();
  });

  it("writes a plan year with the end year on two digits", () => {
    expect(formatYear(2008)).toBe("2008/09");
    expect(formatYear(2099)).toBe("2099/00");
    expect(yearInText("2008/09")).toBe("2008/09");
  });
});

describe("the NHS financial year of a due date", () => {
  it("starts the year in April", () => {
    expect(financialYearOf("2025-04-01")).toBe("2025/26");
    expect(financialYearOf("2025-03-31")).toBe("2024/25");
    expect(financialYearOf("2025-05-15")).toBe("2025/26");
  });

  it("reads only an ISO date from its start", () => {
    expect(financialYearOf("x2025-05-01")).toBeNull();
    expect(financialYearOf("31/03/2025")).toBeNull();
  });

  it("takes the year most due dates fall in", () => {
    expect(yearOfDueDates(["2024-05-01", "2024-06-01", "2025-05-01"])).toBe("2024/25");
    expect(yearOfDueDates(["2024-05-01", "2025-05-01", "2025-06-01"])).toBe("2025/26");
  });

  it("takes the earlier year on a tie, whatever the order of the dates", () => {
    expect(yearOfDueDates(["2025-05-01", "2024-05-01"])).toBe("2024/25");
    expect(yearOfDueDates(["2024-05-01", "2025-05-01"])).toBe("2024/25");
  });

  it("gives no year without a readable date", () => {
    expect(yearOfDueDates([])).toBeNull();
    expect(yearOfDueDates(["soon", "ongoing"])).toBeNull();
  });
});
