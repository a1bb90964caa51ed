// Issue 19: date fields are typed and shown day first (dd/mm/yyyy), never the browser's mm/dd/yyyy.
import { describe, expect, it } from "vitest";
import { formatDayInput, isoOfLocalDate, localDateOfIso, parseDayInput } from "../../../src/ui/components/date-input";

describe("day-first date input", () => {
  it("shows an ISO day as dd/mm/yyyy", () => {
    expect(formatDayInput("2025-03-14")).toBe("14/03/2025");
    expect(formatDayInput("")).toBe("");
    expect(formatDayInput("14/03/2025")).toBe("");
  });

  it("reads what people type, day first", () => {
    expect(parseDayInput("14/03/2025")).toBe("2025-03-14");
    expect(parseDayInput(" 4/3/2025 ")).toBe("2025-03-04");
    expect(parseDayInput("04.03.25")).toBe("2025-03-04");
    expect(parseDayInput("4-3-2025")).toBe("2025-03-04");
    expect(parseDayInput("2025-03-14")).toBe("2025-03-14");
    // 03/04 is the 3rd of April, not 4 March.
    expect(parseDayInput("03/04/2025")).toBe("2025-04-03");
  });

  it("refuses what is not a real day", () => {
    for (const text of ["31/02/2025", "13/13/2025", "00/01/2025", "12/31/2025", "tomorrow", "", "1/2", "29/02/2023"])
      expect(parseDayInput(text), text).toBeNull();
    expect(parseDayInput("29/02/2024")).toBe("2024-02-29");
  });

  it("turns the picker's local dates into ISO days and back without a time-zone shift", () => {
    const date = localDateOfIso("2025-10-26")!;
    expect(date.getDate()).toBe(26);
    expect(isoOfLocalDate(date)).toBe("2025-10-26");
    expect(localDateOfIso("")).toBeNull();
  });
});
