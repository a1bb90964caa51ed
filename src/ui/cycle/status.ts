// Reading a plan year's cycle for the screens. A site set up before schema 6 has no cycle lists:
// its year reads as having no recorded state (null), and the screens say nothing about the cycle
// rather than fail.
import { useCallback, useEffect, useState } from "react";
import type { PlanYearStatus, ApprovedCopy } from "../../plan/cycle";
import { type PlanStore, CycleRefusedError } from "../../sharepoint";
import type { TFunction } from "i18next";

export interface CycleView {
  status: PlanYearStatus | null;
  approved: ApprovedCopy | null;
}

export async function loadCycle(store: PlanStore, year: string): Promise<CycleView> {
  const [status, approved] = await Promise.all([
    store.planYearStatus(year).catch(() => null),
    store.approvedCopy(year).catch(() => null),
  ]);
  return { status, approved };
}

export function useCycle(store: PlanStore, year: string | null): { cycle: CycleView | null; reload(): void } {
  const [cycle, setCycle] = useState<CycleView | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    if (!year) return;
    void loadCycle(store, year).then((c) => live && setCycle(c));
    return () => {
      live = false;
    };
  }, [store, year, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { cycle, reload };
}

/** A refusal in words, or null when the error is not one (ErrorMessage shows those). */
export function refusalText(error: unknown, t: TFunction): string | null {
  if (!(error instanceof CycleRefusedError)) return null;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.refusal.values ?? {}))
    values[k] = k === "state" || k === "from" || k === "to" ? t(`cycle.state.${v}`) : v;
  return t(error.refusal.key, values);
}
