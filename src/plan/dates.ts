// Dates as the plan stores them: ISO calendar dates (yyyy-mm-dd), compared as strings.

/** The calendar date of an ISO date or timestamp ("2025-03-31T10:00:00Z" -> "2025-03-31"). */
export function isoDay(value: string): string {
  return value.slice(0, 10);
}

/** Today's calendar date in the user's time zone, as yyyy-mm-dd. */
export function localIsoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
