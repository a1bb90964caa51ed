// The plan year a file names: "Action Plan 2024/25", "2024-2025", "2024 – 25", "FY24/25".
// Looked for in the title, a cover sheet, the sheet names, the file name, then the due dates.

/** The first plan year written in a text, as "2024/25", or null. */
export function yearInText(text: string): string | null {
  const match = text.match(/(?:^|[^\d])(20\d{2})\s*(?:[/\-–—]|\bto\b|_)\s*(20\d{2}|\d{2})(?!\d)/i);
  if (match) {
    const start = Number(match[1]);
    const endDigits = match[2] ?? "";
    const end = endDigits.length === 2 ? 2000 + Number(endDigits) : Number(endDigits);
    if (end === start + 1) return formatYear(start);
  }
  const short = text.match(/\bfy\s*(\d{2})\s*[/\-–]\s*(\d{2})\b/i);
  if (short && Number(short[2]) === Number(short[1]) + 1) return formatYear(2000 + Number(short[1]));
  return null;
}

export function formatYear(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The NHS financial year (April to March) a date falls in. */
export function financialYearOf(iso: string): string | null {
  const match = iso.match(/^(\d{4})-(\d{2})/);
  if (!match) return null;
  const year = Number(match[1]);
  return formatYear(Number(match[2]) >= 4 ? year : year - 1);
}

/** The year most due dates fall in (the earlier on a tie), or null. */
export function yearOfDueDates(dates: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const date of dates) {
    const year = financialYearOf(date);
    if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [year, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0])))
    if (best === null || n > (counts.get(best) ?? 0)) best = year;
  return best;
}
