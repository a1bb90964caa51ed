// A site's regional settings and time zone, as `/_api/web/RegionalSettings` and
// `/_api/web/RegionalSettings/TimeZone` answer on SharePoint Online. Every local site is a UK site
// (GMT Standard Time, id 2, locale en-GB) unless a test chooses another zone. Dates themselves are
// stored in UTC, as SharePoint stores them; only clients convert to the site's local time.
//   Resource:           https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-visio/jj247008(v=office.15)
//   Time zone ids:      https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms453853(v=office.15)
//   Information fields: https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/jj168761(v=office.15)
import type { Store } from "./store";

export interface LocalTimeZone {
  id: number;
  description: string;
  /** Minutes: UTC = local + Bias (+ StandardBias or DaylightBias). */
  bias: number;
  standardBias: number;
  daylightBias: number;
}

/** The zones a local site may be given (SharePoint's ids and descriptions). */
export const LOCAL_TIME_ZONES: readonly LocalTimeZone[] = [
  { id: 2, description: "(UTC+00:00) Dublin, Edinburgh, Lisbon, London", bias: 0, standardBias: 0, daylightBias: -60 },
  {
    id: 3,
    description: "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris",
    bias: -60,
    standardBias: 0,
    daylightBias: -60,
  },
  {
    id: 4,
    description: "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
    bias: -60,
    standardBias: 0,
    daylightBias: -60,
  },
  { id: 10, description: "(UTC-05:00) Eastern Time (US and Canada)", bias: 300, standardBias: 0, daylightBias: -60 },
  { id: 13, description: "(UTC-08:00) Pacific Time (US and Canada)", bias: 480, standardBias: 0, daylightBias: -60 },
];

export const DEFAULT_TIME_ZONE_ID = 2;

const metaKey = (siteId: number) => `regional:${siteId}:timeZone`;

export function siteTimeZone(store: Store, siteId: number): LocalTimeZone {
  const id = Number(store.getMeta(metaKey(siteId)) ?? DEFAULT_TIME_ZONE_ID);
  return LOCAL_TIME_ZONES.find((z) => z.id === id) ?? (LOCAL_TIME_ZONES[0] as LocalTimeZone);
}

/** A site owner's change in Site settings > Regional settings (for tests: not a REST call here). */
export function setSiteTimeZone(store: Store, siteId: number, id: number): void {
  if (!LOCAL_TIME_ZONES.some((z) => z.id === id))
    throw new Error(`localsp: time zone ${id} is not one of ${LOCAL_TIME_ZONES.map((z) => z.id).join(", ")}`);
  store.setMeta(metaKey(siteId), String(id));
}

/** SP.RegionalSettings' simple properties for an en-GB site. */
export function regionalSettingsProps(): Record<string, unknown> {
  return {
    AdjustHijriDays: 0,
    AlternateCalendarType: 0,
    AM: "AM",
    CalendarType: 1,
    Collation: 25,
    CollationLCID: 2070,
    DateFormat: 1,
    DateSeparator: "/",
    DecimalSeparator: ".",
    DigitGrouping: "3;0",
    FirstDayOfWeek: 1,
    FirstWeekOfYear: 0,
    IsEastAsia: false,
    IsRightToLeft: false,
    IsUIRightToLeft: false,
    ListSeparator: ",",
    LocaleId: 2057,
    NegativeSign: "-",
    NegNumberMode: 1,
    PM: "PM",
    PositiveSign: "",
    ShowWeeks: false,
    ThousandSeparator: ",",
    Time24: true,
    TimeMarkerPosition: 0,
    TimeSeparator: ":",
  };
}

/** SP.TimeZone's properties: `Information` is an SP.TimeZoneInformation complex value. */
export function timeZoneProps(zone: LocalTimeZone): Record<string, unknown> {
  return {
    Description: zone.description,
    Id: zone.id,
    Information: { Bias: zone.bias, DaylightBias: zone.daylightBias, StandardBias: zone.standardBias },
  };
}
