// Reporting years. WRES years are NHS financial years (1 April to 31 March), written "2024/25".

/** The financial year's start (2024 for "2024/25", "2024-25", "2024/2025", "2024"), or null. */
export function periodStartYear(period: string | null | undefined): number | null {
  if (!period) return null;
  const m = /^\s*(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?\s*$/.exec(period);
  return m?.[1] ? Number(m[1]) : null;
}

/** "2024/25" for a start year of 2024. */
export function periodLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** Start year of the financial year that an ISO date (yyyy-mm-dd) falls in, or null. */
export function financialYearOf(isoDate: string | null): number | null {
  if (!isoDate) return null;
  const m = /^(\d{4})-(\d{2})/.exec(isoDate);
  if (!m?.[1] || !m[2]) return null;
  const year = Number(m[1]);
  return Number(m[2]) >= 4 ? year : year - 1;
}
