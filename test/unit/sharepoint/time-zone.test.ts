import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromSharePoint, dayToSharePoint, siteTimeZoneFrom, UTC_ZONE } from "../../../src/sharepoint/time-zone";

/** What SharePoint Online answers for a UK site (GMT Standard Time). */
const LONDON = siteTimeZoneFrom({
  Id: 2,
  Description: "(UTC+00:00) Dublin, Edinburgh, Lisbon, London",
  Information: { Bias: 0, DaylightBias: -60, StandardBias: 0 },
});
const PACIFIC = siteTimeZoneFrom({
  Id: 13,
  Description: "(UTC-08:00) Pacific Time (US and Canada)",
  Information: { Bias: 480, DaylightBias: -60, StandardBias: 0 },
});
/** A zone id the tab has no rules for: only the biases are known. */
const UNKNOWN_UK_LIKE = siteTimeZoneFrom({
  Id: 9999,
  Description: "Somewhere",
  Information: { Bias: 0, DaylightBias: -60, StandardBias: 0 },
});

describe("date-only values in the site's time zone", () => {
  it("reads a date typed into a UK list during British Summer Time as that date, not the day before", () => {
    // SharePoint stores 1 July 2026 typed in a UK site as local midnight in UTC.
    expect(dayFromSharePoint("2026-06-30T23:00:00Z", LONDON)).toBe("2026-07-01");
  });

  it("reads a winter date (GMT, no shift) as itself", () => {
    expect(dayFromSharePoint("2026-01-15T00:00:00Z", LONDON)).toBe("2026-01-15");
  });

  it("reads each side of the 2026 clock changes (29 March, 25 October)", () => {
    expect(dayFromSharePoint("2026-03-28T00:00:00Z", LONDON)).toBe("2026-03-28"); // GMT
    expect(dayFromSharePoint("2026-03-29T00:00:00Z", LONDON)).toBe("2026-03-29"); // midnight, still GMT
    expect(dayFromSharePoint("2026-03-29T23:00:00Z", LONDON)).toBe("2026-03-30"); // BST
    expect(dayFromSharePoint("2026-10-24T23:00:00Z", LONDON)).toBe("2026-10-25"); // midnight, still BST
    expect(dayFromSharePoint("2026-10-26T00:00:00Z", LONDON)).toBe("2026-10-26"); // GMT again
  });

  it("writes local midnight converted to UTC, as SharePoint stores a date typed into the list", () => {
    expect(dayToSharePoint("2026-07-01", LONDON)).toBe("2026-06-30T23:00:00Z");
    expect(dayToSharePoint("2026-01-15", LONDON)).toBe("2026-01-15T00:00:00Z");
    expect(dayToSharePoint("2026-03-29", LONDON)).toBe("2026-03-29T00:00:00Z");
    expect(dayToSharePoint("2026-03-30", LONDON)).toBe("2026-03-29T23:00:00Z");
    expect(dayToSharePoint("2026-10-25", LONDON)).toBe("2026-10-24T23:00:00Z");
    expect(dayToSharePoint("2026-10-26", LONDON)).toBe("2026-10-26T00:00:00Z");
    expect(dayToSharePoint("2026-07-01", PACIFIC)).toBe("2026-07-01T07:00:00Z");
    expect(dayToSharePoint("2026-01-15", PACIFIC)).toBe("2026-01-15T08:00:00Z");
  });

  it("still reads values the tab wrote before (UTC midnight) as the date SharePoint's own view shows", () => {
    // 2026-07-01T00:00Z is 01:00 on 1 July in London: the list view shows 1 July.
    expect(dayFromSharePoint("2026-07-01T00:00:00Z", LONDON)).toBe("2026-07-01");
    // In Pacific time the same instant is 30 June, 17:00: SharePoint's view shows 30 June too.
    expect(dayFromSharePoint("2026-07-01T00:00:00Z", PACIFIC)).toBe("2026-06-30");
  });

  it("round-trips every day from 2000 to 2040 in London, Pacific and a zone known only by its biases", () => {
    const day = fc
      .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2040, 11, 31) / 86_400_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        fc.constantFrom(LONDON, PACIFIC, UNKNOWN_UK_LIKE, UTC_ZONE),
        (d, zone) => dayFromSharePoint(dayToSharePoint(d, zone), zone) === d,
      ),
      { numRuns: 2000 },
    );
  });

  it("with only the biases known, reads a summer date SharePoint stored (local midnight in daylight time) as that date", () => {
    expect(UNKNOWN_UK_LIKE.iana).toBeNull();
    expect(dayFromSharePoint("2026-06-30T23:00:00Z", UNKNOWN_UK_LIKE)).toBe("2026-07-01");
    expect(dayFromSharePoint("2026-01-15T00:00:00Z", UNKNOWN_UK_LIKE)).toBe("2026-01-15");
  });

  it("leaves empty values empty and refuses what is not a date", () => {
    expect(dayFromSharePoint(null, LONDON)).toBeNull();
    expect(dayFromSharePoint("", LONDON)).toBeNull();
    expect(dayFromSharePoint("not a date", LONDON)).toBeNull();
    expect(dayFromSharePoint("2026-07-01", LONDON)).toBe("2026-07-01");
    expect(() => dayToSharePoint("1/7/2026", LONDON)).toThrow(/calendar date/);
  });
});
