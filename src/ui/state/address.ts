// The tab's address bar, in one place: every pushState, replaceState and popstate of the tab goes
// through here. The addresses themselves are built by pure functions (params.ts for the plan year
// and action, actionsAddress.ts for the Actions view); this module only moves the page between them.
import { useCallback, useEffect, useState } from "react";
import { planYearHref, readParams } from "./params";

/** The current address's query (`?year=…&action=…`). */
export function currentSearch(): string {
  return location.search;
}

/** Replaces the current entry (a view's filters, a shared link's view): not a page to go back to. */
export function replaceAddress(href: string): void {
  if (href !== location.href) history.replaceState(history.state, "", href);
}

/** Adds an entry (another plan year opened in place), so Back returns to the one before. */
export function pushAddress(href: string): void {
  history.pushState(null, "", href);
}

/** Calls `listener` when the person goes Back or Forward; returns the unsubscribe. */
export function onAddressBack(listener: () => void): () => void {
  addEventListener("popstate", listener);
  return () => removeEventListener("popstate", listener);
}

/** The plan year shown and the action open in it; `seq` changes whenever another place is shown. */
export interface PlanPlace {
  year: string | null;
  actionId: number | null;
  seq: number;
}

/**
 * The plan year and action in the address. Another year opens in place (a carried-over action's
 * earlier self, a closed year's successor) with its own address, so Back returns to the last one.
 */
export function usePlanPlace(
  year: string | null,
  actionId: number | null,
): [PlanPlace, (year: string, actionId: number | null) => void] {
  const [place, setPlace] = useState<PlanPlace>({ year, actionId, seq: 0 });
  const openYear = useCallback((nextYear: string, nextAction: number | null) => {
    pushAddress(planYearHref(location.href, nextYear, nextAction));
    setPlace((p) => ({ year: nextYear, actionId: nextAction, seq: p.seq + 1 }));
  }, []);
  useEffect(
    () =>
      onAddressBack(() => {
        const params = readParams(currentSearch());
        setPlace((p) => ({ year: params.year, actionId: params.actionId, seq: p.seq + 1 }));
      }),
    [],
  );
  return [place, openYear];
}
