// The tab's words: i18next with English (UK) and Welsh catalogues. Teams locale cy / cy-GB -> Welsh.
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type enNotes from "../indicators/notes/en-GB.json";
import type enGB from "./locales/en-GB.json";
import firstPaintEnglish from "./locales/en-GB.json?first-paint";

export type AppLocale = "en-GB" | "cy-GB";
export const LOCALES: readonly AppLocale[] = ["en-GB", "cy-GB"];
// Why a figure is not given, and the cautions beside one, are the indicator module's words (it writes them
// into its own Markdown report too), so their home is src/indicators/notes; the catalogue files them under
// indicatorNotes when it arrives.
type Catalogue = typeof enGB & { indicatorNotes: typeof enNotes };

// The first download carries only English's first-paint words (./first-paint.ts); the whole English
// catalogue is fetched straight after, and Welsh when a Welsh session starts, so neither delays the
// overview of an English session.
const loaded = new Map<AppLocale, Catalogue>();
const loading = new Map<AppLocale, Promise<Catalogue>>();
/** Instances created with English's first-paint words only, given the rest when it arrives. */
const awaitingEnglish = new Set<i18n>();

function fetchCatalogue(locale: AppLocale): Promise<Catalogue> {
  let pending = loading.get(locale);
  if (!pending) {
    const words = locale === "cy-GB" ? import("./locales/cy-GB.json") : import("./locales/en-GB.json");
    const notes =
      locale === "cy-GB" ? import("../indicators/notes/cy-GB.json") : import("../indicators/notes/en-GB.json");
    pending = Promise.all([words, notes]).then(
      ([module, indicatorNotes]) => {
        const catalogue: Catalogue = { ...module.default, indicatorNotes: indicatorNotes.default };
        loaded.set(locale, catalogue);
        if (locale === "en-GB") {
          for (const instance of awaitingEnglish)
            instance.addResourceBundle("en-GB", "translation", catalogue, true, true);
          awaitingEnglish.clear();
        }
        return catalogue;
      },
      (error: unknown) => {
        loading.delete(locale); // a later call asks the network again
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Fetches a locale's whole catalogue, and English's (its fallback), once; Welsh before `createI18n("cy-GB")`. */
export async function loadCatalogue(locale: AppLocale): Promise<void> {
  await Promise.all([fetchCatalogue("en-GB"), fetchCatalogue(locale)]);
}

/** Resolves when every word of the tab can be shown (lazily loaded screens wait for it). */
export function completeCatalogues(): Promise<void> {
  return loadCatalogue("en-GB");
}

export function resolveLocale(tag: string | null | undefined): AppLocale {
  return /^cy(\b|[-_])/i.test(tag ?? "") ? "cy-GB" : "en-GB";
}

/**
 * A separate i18next instance per app (and per test), initialised synchronously from loaded catalogues.
 * Before the whole English catalogue has arrived, English has its first-paint words; the rest are
 * added to the instance as they arrive, before `completeCatalogues()` resolves.
 */
export function createI18n(locale: AppLocale): i18n {
  const catalogue = locale === "en-GB" ? (loaded.get("en-GB") ?? firstPaintEnglish) : loaded.get(locale);
  if (!catalogue) throw new Error(`The ${locale} catalogue is not loaded yet: await loadCatalogue("${locale}") first.`);
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      "en-GB": { translation: loaded.get("en-GB") ?? firstPaintEnglish },
      [locale]: { translation: catalogue },
    },
    lng: locale,
    fallbackLng: "en-GB",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // Words added later (the rest of English) redraw what is on screen.
    react: { bindI18nStore: "added" },
  });
  if (!loaded.has("en-GB")) {
    awaitingEnglish.add(instance);
    // A failed download is reported by the lazily loaded screen that needs the words, when opened.
    fetchCatalogue("en-GB").catch(() => undefined);
  }
  return instance;
}

/** Welsh month abbreviations (as CLDR writes them), for browsers that carry no Welsh calendar data. */
const WELSH_MONTHS = [
  "Ion",
  "Chwef",
  "Maw",
  "Ebr",
  "Mai",
  "Meh",
  "Gorff",
  "Awst",
  "Medi",
  "Hyd",
  "Tach",
  "Rhag",
] as const;

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
    const written =
      Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0
        ? new Intl.DateTimeFormat(language, { month: "short", timeZone: "UTC" }).format(december)
        : "";
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
  const [d, m, y] = utc
    ? [date.getUTCDate(), date.getUTCMonth(), date.getUTCFullYear()]
    : [date.getDate(), date.getMonth(), date.getFullYear()];
  return `${d} ${WELSH_MONTHS[m]} ${y}`;
}

/** Dates and numbers per locale (Intl); day-only dates are shown without a time zone shift. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dayOnly ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (isWelsh(locale) && !hasCalendarData(locale)) return welshDay(date, dayOnly);
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: dayOnly ? "UTC" : undefined,
  }).format(date);
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (isWelsh(locale) && !hasCalendarData(locale)) {
    const time = `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
    return `${welshDay(date, false)}, ${time}`;
  }
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

export function formatNumber(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale).format(value);
}
