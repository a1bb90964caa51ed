// Dates and figures as the committee reads them, in the tab's language.
import type { Headline } from "./data";

export function formatDay(iso: string, locale: string): string {
  const day = iso.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

export function formatFigure(value: number | null, headline: Pick<Headline, "unit" | "places">, locale: string): string | null {
  if (value === null) return null;
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: headline.places, maximumFractionDigits: headline.places }).format(value);
  return headline.unit === "percent" ? `${number}%` : number;
}
