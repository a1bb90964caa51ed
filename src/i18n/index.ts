// The tab's words: i18next with English (UK) and Welsh catalogues. Teams locale cy / cy-GB -> Welsh.
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import enGB from "./locales/en-GB.json";
import cyGB from "./locales/cy-GB.json";

export type AppLocale = "en-GB" | "cy-GB";
export const LOCALES: readonly AppLocale[] = ["en-GB", "cy-GB"];
export const catalogues = { "en-GB": enGB, "cy-GB": cyGB } as const;

export function resolveLocale(tag: string | null | undefined): AppLocale {
  return /^cy(\b|[-_])/i.test(tag ?? "") ? "cy-GB" : "en-GB";
}

/** A separate i18next instance per app (and per test), initialised synchronously from bundled catalogues. */
export function createI18n(locale: AppLocale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { "en-GB": { translation: enGB }, "cy-GB": { translation: cyGB } },
    lng: locale,
    fallbackLng: "en-GB",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Dates and numbers per locale (Intl); day-only dates are shown without a time zone shift. */
export function formatDate(iso: string | null | undefined, locale: AppLocale): string {
  if (!iso) return "";
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dayOnly ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: dayOnly ? "UTC" : undefined }).format(date);
}

export function formatDateTime(iso: string | null | undefined, locale: AppLocale): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
}

export function formatNumber(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale).format(value);
}
