// Following a carried-over action across plan years. Back: the action it continues (its
// carriedFromId) in an earlier year; roll-over carries from the year just before, so that year is
// read first (one batched read), and only if the action is not there are the site's other years
// tried. Forward: the action in the next year that continues it.
import { nextPlanYear, previousPlanYear, type Action } from "../../plan";
import type { PlanStore } from "../../sharepoint";

export interface ActionInYear {
  year: string;
  action: Action;
}

/** Earlier years newest first, then any later ones (a plan imported into an older year after the fact). */
function searchOrder(years: readonly string[], current: string): string[] {
  const earlier = years
    .filter((y) => y.localeCompare(current, "en", { numeric: true }) < 0)
    .sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  return [...earlier, ...years.filter((y) => !earlier.includes(y))];
}

export async function findEarlierAction(
  store: Pick<PlanStore, "planYears" | "loadPlan">,
  fromId: number,
  currentYear: string,
): Promise<ActionInYear | null> {
  const tried = new Set([currentYear]);
  const look = async (year: string): Promise<ActionInYear | null> => {
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

/** The action in the next plan year that continues `actionId` (roll-over carries one year on), or null. */
export async function findLaterAction(
  store: Pick<PlanStore, "loadPlan">,
  actionId: number,
  currentYear: string,
): Promise<ActionInYear | null> {
  const next = nextPlanYear(currentYear);
  if (!next) return null;
  const action = (await store.loadPlan(next)).actions.find((a) => a.carriedFromId === actionId);
  return action ? { year: next, action } : null;
}

/**
 * A lookup made once per store (per page) and action, not per opening of the panel: closed years do
 * not change, and an action is carried once. A failed read is not remembered: the next opening tries again.
 */
function once<S extends object>(find: (store: S, id: number, year: string) => Promise<ActionInYear | null>) {
  const cache = new WeakMap<S, Map<string, Promise<ActionInYear | null>>>();
  return (store: S, id: number, year: string): Promise<ActionInYear | null> => {
    let byKey = cache.get(store);
    if (!byKey) cache.set(store, (byKey = new Map()));
    const key = `${year}#${id}`;
    let found = byKey.get(key);
    if (!found) {
      found = find(store, id, year);
      byKey.set(key, found);
      found.catch(() => byKey.delete(key));
    }
    return found;
  };
}

export const earlierAction = once(findEarlierAction);
export const laterAction = once(findLaterAction);
