// Date-only values in the site's time zone, as SharePoint Online keeps and shows them.
//
// SharePoint stores every date in UTC. A date-only column's value is the site's local midnight of
// that day converted to UTC (a UK site in British Summer Time stores 1 July 2026 as
// 2026-06-30T23:00:00Z), REST returns that UTC instant, and SharePoint's own list view shows the
// local date again. So the tab reads the day as the date of the instant in the site's time zone and
// writes local midnight converted to UTC, never "the first ten characters" or UTC midnight.
//   REST resource (web/RegionalSettings): https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-visio/jj247008(v=office.15)
//   Time zone ids:   https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms453853(v=office.15)
//   Bias, StandardBias, DaylightBias (minutes from UTC):
//                    https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/jj168761(v=office.15)
//                    https://learn.microsoft.com/en-us/sharepoint/dev/schema/bias-element-regional-settings
//   REST answers a date-only column in UTC, a day early east of UTC: https://github.com/SharePoint/sp-dev-docs/issues/6083

/** The site's time zone as `/_api/web/RegionalSettings/TimeZone` describes it. */
export interface SiteTimeZone {
  id: number;
  description: string;
  /** Minutes: UTC = local standard time + bias + standardBias. */
  bias: number;
  standardBias: number;
  /** Minutes added to the bias in daylight time (-60 for British Summer Time). */
  daylightBias: number;
  /** The IANA zone with the same rules, when the id is one we know; daylight dates come from it. */
  iana: string | null;
}

/**
 * SharePoint time zone ids (ms453853) to the IANA zone with the same rules. SharePoint's REST API
 * gives the biases but not the dates daylight time starts and ends, so the rules come from here.
 */
const IANA_BY_SHAREPOINT_ID: Readonly<Record<number, string>> = {
  2: "Europe/London", // (UTC+00:00) Dublin, Edinburgh, Lisbon, London
  3: "Europe/Paris", // (UTC+01:00) Brussels, Copenhagen, Madrid, Paris
  4: "Europe/Berlin", // (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna
  10: "America/New_York", // (UTC-05:00) Eastern Time (US and Canada)
  11: "America/Chicago", // (UTC-06:00) Central Time (US and Canada)
  12: "America/Denver", // (UTC-07:00) Mountain Time (US and Canada)
  13: "America/Los_Angeles", // (UTC-08:00) Pacific Time (US and Canada)
  17: "Pacific/Auckland", // (UTC+12:00) Auckland, Wellington
  20: "Asia/Tokyo", // (UTC+09:00) Osaka, Sapporo, Tokyo
  23: "Asia/Kolkata", // (UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi
};

/** UTC with no daylight time: only for a value read before the site's zone is known (tests, fakes). */
export const UTC_ZONE: SiteTimeZone = {
  id: 93,
  description: "(UTC) Coordinated Universal Time",
  bias: 0,
  standardBias: 0,
  daylightBias: 0,
  iana: "UTC",
};

/** The SP.TimeZone entity (`Id`, `Description`, `Information: {Bias, StandardBias, DaylightBias}`) as a zone. */
export function siteTimeZoneFrom(entity: unknown): SiteTimeZone {
  const e = (entity ?? {}) as {
    Id?: unknown;
    Description?: unknown;
    Information?: { Bias?: unknown; StandardBias?: unknown; DaylightBias?: unknown };
  };
  const id = Number(e.Id);
  const info = e.Information ?? {};
  const minutes = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
  if (!Number.isInteger(id)) throw new Error("SharePoint returned a time zone without an id");
  return {
    id,
    description: typeof e.Description === "string" ? e.Description : "",
    bias: minutes(info.Bias),
    standardBias: minutes(info.StandardBias),
    daylightBias: minutes(info.DaylightBias),
    iana: IANA_BY_SHAREPOINT_ID[id] ?? null,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes local time is ahead of UTC at the instant `utcMs` in an IANA zone. */
function offsetMinutes(iana: string, utcMs: number): number {
  let format = formatters.get(iana);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: iana,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(iana, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(utcMs))) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoDayOfUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** yyyy-mm-dd of a date-only value SharePoint returned (a UTC instant), in the site's time zone. */
export function dayFromSharePoint(value: unknown, zone: SiteTimeZone): string | null {
  if (typeof value !== "string" || value.length < 10) return null;
  if (ISO_DAY.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  if (zone.iana) return isoDayOfUtc(ms + offsetMinutes(zone.iana, ms) * MINUTE);
  // A zone whose rules we do not know: standard local time, and a value within the daylight shift
  // before midnight is that next day's midnight in daylight time (date-only values are midnights).
  const standard = ms - (zone.bias + zone.standardBias) * MINUTE;
  const minuteOfDay = ((Math.floor(standard / MINUTE) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const shift = Math.max(0, -zone.daylightBias + zone.standardBias);
  return isoDayOfUtc(shift > 0 && minuteOfDay >= DAY_MINUTES - shift ? standard + shift * MINUTE : standard);
}

/** The UTC instant SharePoint stores for the day `day` (yyyy-mm-dd): the site's local midnight. */
export function dayToSharePoint(day: string, zone: SiteTimeZone): string {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Not a calendar date: ${day}`);
  const midnightAsUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  let utc: number;
  if (zone.iana) {
    const first = offsetMinutes(zone.iana, midnightAsUtc);
    utc = midnightAsUtc - first * MINUTE;
    const second = offsetMinutes(zone.iana, utc);
    if (second !== first) utc = midnightAsUtc - second * MINUTE;
  } else {
    // Standard time's midnight: at most the daylight shift off, still that day in SharePoint's view.
    utc = midnightAsUtc + (zone.bias + zone.standardBias) * MINUTE;
  }
  return new Date(utc).toISOString().replace(/\.\d{3}Z$/, "Z");
}
