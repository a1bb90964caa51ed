// Dates and figures as the committee reads them, in the tab's language.
import { formatDate } from "../../i18n";
import type { Headline } from "./data";

/** The calendar day of a date or timestamp (its first ten characters), in the tab's language. */
export function formatDay(iso: string, locale: string): string {
  const day = iso.slice(0, 10);
  if (Number.isNaN(new Date(`${day}T00:00:00Z`).getTime())) return iso;
  return formatDate(day, locale);
}

export function formatFigure(
  value: number | null,
  headline: Pick<Headline, "unit" | "places">,
  locale: string,
): string | null {
  if (value === null) return null;
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: headline.places,
    maximumFractionDigits: headline.places,
  }).format(value);
  return headline.unit === "percent" ? `${number}%` : number;
}
