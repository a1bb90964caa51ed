// The tab's words: i18next with English (UK) and Welsh catalogues. Teams locale cy / cy-GB -> Welsh.
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import enNotes from "../indicators/notes/en-GB.json";
import enGB from "./locales/en-GB.json";

export type AppLocale = "en-GB" | "cy-GB";
export const LOCALES: readonly AppLocale[] = ["en-GB", "cy-GB"];
// Why a figure is not given, and the cautions beside one, are the indicator module's words (it writes them
// into its own Markdown report too), so their home is src/indicators/notes; the tab reads them from there.
const english = { ...enGB, indicatorNotes: enNotes };
type Catalogue = typeof english;

// English is bundled (every string falls back to it); Welsh is fetched when a Welsh session starts,
// so an English session does not download a second catalogue before its first paint.
const loaded = new Map<AppLocale, Catalogue>([["en-GB", english]]);

/** Fetches a locale's catalogue once; call before `createI18n` for that locale. */
export async function loadCatalogue(locale: AppLocale): Promise<void> {
  if (loaded.has(locale)) return;
  const [welsh, notes] = await Promise.all([import("./locales/cy-GB.json"), import("../indicators/notes/cy-GB.json")]);
  loaded.set(locale, { ...welsh.default, indicatorNotes: notes.default });
}

export function resolveLocale(tag: string | null | undefined): AppLocale {
  return /^cy(\b|[-_])/i.test(tag ?? "") ? "cy-GB" : "en-GB";
}

/** A separate i18next instance per app (and per test), initialised synchronously from loaded catalogues. */
export function createI18n(locale: AppLocale): i18n {
  const catalogue = loaded.get(locale);
  if (!catalogue) throw new Error(`The ${locale} catalogue is not loaded yet: await loadCatalogue("${locale}") first.`);
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { "en-GB": { translation: english }, [locale]: { translation: catalogue } },
    lng: locale,
    fallbackLng: "en-GB",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Welsh month abbreviations (as CLDR writes them), for browsers that carry no Welsh calendar data. */
const WELSH_MONTHS = ["Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"] as const;

const calendarData = new Map<string, boolean>();
/**
 * Whether this browser's Intl can write dates in the locale. Some builds carry no Welsh calendar
 * data and write "2026 M12 4" or English month names for cy; those get our own month names instead.
 */
export function hasCalendarData(locale: string): boolean {
  const language = locale.toLowerCase().split("-")[0] ?? "";
  if (language === "en") return true;
  let known = calendarData.get(language);
  if (known === undefined) {
    const december = new Date(Date.UTC(2026, 11, 4, 12));
    const written = Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 ? new Intl.DateTimeFormat(language, { month: "short", timeZone: "UTC" }).format(december) : "";
    const english = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(december);
    known = written !== "" && !/^M\d/.test(written) && written !== english;
    calendarData.set(language, known);
  }
  return known;
}

function isWelsh(locale: string): boolean {
  return locale.toLowerCase().split("-")[0] === "cy";
}

/** "4 Rhag 2026" from our own month names, in the given time zone's calendar day. */
function welshDay(date: Date, utc: boolean): string {
  const [d, m, y] = utc ? [date.getUTCDate(), date.getUTCMonth(), date.getUTCFullYear()] : [date.getDate(), date.getMonth(), date.getFullYear()];
  return `${d} ${WELSH_MONTHS[m]} ${y}`;
}

/** Dates and numbers per locale (Intl); day-only dates are shown without a time zone shift. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dayOnly ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (isWelsh(locale) && !hasCalendarData(locale)) return welshDay(date, dayOnly);
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: dayOnly ? "UTC" : undefined }).format(date);
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (isWelsh(locale) && !hasCalendarData(locale)) {
    const time = `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
    return `${welshDay(date, false)}, ${time}`;
  }
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
}

export function formatNumber(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale).format(value);
}
