// Finding the action a carried-over action continues (its carriedFromId) in an earlier plan year.
// Roll-over carries from the year just before, so that year is read first (one batched read);
// only if the action is not there are the site's other years tried.
import { previousPlanYear } from "../../plan/rollover";
import type { Action } from "../../plan/types";
import type { PlanStore } from "../../sharepoint/types";

export interface EarlierAction {
  year: string;
  action: Action;
}

/** Earlier years newest first, then any later ones (a plan imported into an older year after the fact). */
function searchOrder(years: readonly string[], current: string): string[] {
  const earlier = years.filter((y) => y.localeCompare(current, "en", { numeric: true }) < 0).sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  return [...earlier, ...years.filter((y) => !earlier.includes(y))];
}

export async function findEarlierAction(store: Pick<PlanStore, "planYears" | "loadPlan">, fromId: number, currentYear: string): Promise<EarlierAction | null> {
  const tried = new Set([currentYear]);
  const look = async (year: string): Promise<EarlierAction | null> => {
    tried.add(year);
    const action = (await store.loadPlan(year)).actions.find((a) => a.id === fromId);
    return action ? { year, action } : null;
  };
  const previous = previousPlanYear(currentYear);
  if (previous) {
    const found = await look(previous);
    if (found) return found;
  }
  for (const year of searchOrder(await store.planYears(), currentYear)) {
    if (tried.has(year)) continue;
    const found = await look(year);
    if (found) return found;
  }
  return null;
}

// Closed years do not change, so each lookup is made once per store (per page), not per opening of the panel.
const cache = new WeakMap<object, Map<string, Promise<EarlierAction | null>>>();

export function earlierAction(store: Pick<PlanStore, "planYears" | "loadPlan">, fromId: number, currentYear: string): Promise<EarlierAction | null> {
  let byKey = cache.get(store);
  if (!byKey) cache.set(store, (byKey = new Map()));
  const key = `${currentYear}#${fromId}`;
  let found = byKey.get(key);
  if (!found) {
    found = findEarlierAction(store, fromId, currentYear);
    byKey.set(key, found);
    // A failed read is not remembered: the next opening tries again.
    found.catch(() => byKey.delete(key));
  }
  return found;
}
