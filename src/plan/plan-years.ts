// Plan years as boards name them ("2024/25", "2024-25", "2024/2025", "2024"): where one starts, the one before and
// the one after.
// Apart from the roll-over, so the overview can name the next year without loading the roll-over itself.
const PLAN_YEAR = /^(\d{4})(?:\s*([/-])\s*(\d{2}|\d{4}))?$/;

/** The first calendar year of a plan year ("2024/25" -> 2024), or null when it is not one. */
export function planYearStart(year: string): number | null {
  const match = PLAN_YEAR.exec(year.trim());
  return match ? Number(match[1]) : null;
}

/** The plan year after "2024/25" ("2025/26"); also "2024-25", "2024/2025" and "2024". */
export function nextPlanYear(year: string): string | null {
  const match = PLAN_YEAR.exec(year.trim());
  if (!match) return null;
  const start = Number(match[1]) + 1;
  if (!match[3]) return String(start);
  const end = match[3].length === 2 ? String((start + 1) % 100).padStart(2, "0") : String(start + 1);
  return `${start}${match[2]}${end}`;
}

/** The plan year before "2025/26" ("2024/25"), in the same style; null when not a plan year or before year 1. */
export function previousPlanYear(year: string): string | null {
  const match = PLAN_YEAR.exec(year.trim());
  if (!match) return null;
  const start = Number(match[1]) - 1;
  if (start < 1) return null;
  if (!match[3]) return String(start);
  const end = match[3].length === 2 ? String((start + 1) % 100).padStart(2, "0") : String(start + 1);
  return `${start}${match[2]}${end}`;
}
