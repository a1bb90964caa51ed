// Welsh dates in browsers without Welsh calendar data (issue 19): Intl there writes "2026 M12 4" or
// English month names for cy; the tab then writes Welsh dates from its own month names.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe("Welsh dates", () => {
  it("uses Intl when it knows Welsh", async () => {
    const { formatDate, hasCalendarData } = await import("../../../src/i18n");
    expect(hasCalendarData("cy-GB")).toBe(true);
    expect(formatDate("2026-12-04", "cy-GB")).toBe(
      new Intl.DateTimeFormat("cy-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
        new Date("2026-12-04T12:00:00Z"),
      ),
    );
  });

  it("writes Welsh month names itself when Intl has no Welsh data", async () => {
    vi.spyOn(Intl.DateTimeFormat, "supportedLocalesOf").mockReturnValue([]);
    const { formatDate, formatDateTime, hasCalendarData } = await import("../../../src/i18n");
    expect(hasCalendarData("cy-GB")).toBe(false);
    expect(hasCalendarData("en-GB")).toBe(true);
    expect(formatDate("2026-12-04", "cy-GB")).toBe("4 Rhag 2026");
    expect(formatDate("2024-04-01", "cy")).toBe("1 Ebr 2024");
    expect(formatDateTime(new Date(2026, 6, 9, 8, 5).toISOString(), "cy-GB")).toBe("9 Gorff 2026, 08:05");
    // English is untouched.
    expect(formatDate("2026-12-04", "en-GB")).toBe("4 Dec 2026");
  });
});
