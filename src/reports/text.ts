// Words and dates of the plan's documents, without the Word library (the print view uses them too).

export type DocumentLocale = "en-GB" | "cy-GB";

/** `{name}` marks in a label filled in (the catalogue keeps them single-braced for the report modules). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const WELSH_MONTHS = [
  "Ionawr",
  "Chwefror",
  "Mawrth",
  "Ebrill",
  "Mai",
  "Mehefin",
  "Gorffennaf",
  "Awst",
  "Medi",
  "Hydref",
  "Tachwedd",
  "Rhagfyr",
] as const;

/** "12 September 2024" / "12 Medi 2024" from an ISO date or timestamp (its calendar day, UTC); the text itself when it is not one. */
export function longDate(iso: string, locale: DocumentLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (locale === "cy-GB") return `${day} ${WELSH_MONTHS[month - 1] ?? ""} ${year}`;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day, 12)),
  );
}
