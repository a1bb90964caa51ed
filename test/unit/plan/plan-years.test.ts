// Plan years as boards name them: where one starts, the one after and the one before, in the board's own style.
import { describe, expect, it } from "vitest";
import { nextPlanYear, planYearStart, previousPlanYear } from "../../../src/plan/plan-years";

describe("plan years as boards name them", () => {
  it("start in their first calendar year, however they are written", () => {
    expect(["2024/25", " 2024-25 ", "2024 / 2025", "2024", "2024-2025"].map(planYearStart)).toEqual([
      2024, 2024, 2024, 2024, 2024,
    ]);
  });

  it("are not read from other text", () => {
    expect(
      ["next year", "24/25", "2024/5", "2024/202", "2024.25", "FY2024/25", "2024/25 plan", ""].map(planYearStart),
    ).toEqual([null, null, null, null, null, null, null, null]);
  });

  it("name the year after in the same style", () => {
    expect(nextPlanYear("2024/25")).toBe("2025/26");
    expect(nextPlanYear(" 2024-25 ")).toBe("2025-26");
    expect(nextPlanYear("2024 / 2025")).toBe("2025/2026");
    expect(nextPlanYear("2024")).toBe("2025");
    expect(nextPlanYear("2008/09")).toBe("2009/10");
    expect(nextPlanYear("2098/99")).toBe("2099/00");
    expect(nextPlanYear("2007/08")).toBe("2008/09");
    expect(nextPlanYear("plan")).toBeNull();
  });

  it("name the year before in the same style, down to year 1", () => {
    expect(previousPlanYear("2025/26")).toBe("2024/25");
    expect(previousPlanYear("2025-26")).toBe("2024-25");
    expect(previousPlanYear("2025/2026")).toBe("2024/2025");
    expect(previousPlanYear("2025")).toBe("2024");
    expect(previousPlanYear("2010/11")).toBe("2009/10");
    expect(previousPlanYear("2000/01")).toBe("1999/00");
    expect(previousPlanYear("0002")).toBe("1");
    expect(previousPlanYear("0001")).toBeNull();
    expect(previousPlanYear("plan")).toBeNull();
  });
});

describe("plan years: spacing", () => {
  it("name the year before of a year written with spaces around it", () => {
    expect(previousPlanYear(" 2025/26 ")).toBe("2024/25");
  });
});
