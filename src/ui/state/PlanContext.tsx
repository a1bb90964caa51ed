// The loaded plan and what the signed-in person may do with it, shared by every screen.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { Capabilities, Person } from "../../plan";
import type { PlanSnapshot, PlanStore } from "../../sharepoint";
import type { AppLocale } from "../../i18n";

export interface PlanData {
  snapshot: PlanSnapshot;
  capabilities: Capabilities;
  me: Person;
}

export type LoadState =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "empty" }
  | { status: "ready"; data: PlanData };

export interface PlanContextValue {
  store: PlanStore;
  locale: AppLocale;
  /** ISO date of today (passed in so tests are stable). */
  today: string;
  year: string | null;
  state: LoadState;
  /** Re-reads the plan (one batched read); keeps showing the old data while it runs. */
  reload(): Promise<void>;
  copyLink(actionId: number, label: string): Promise<"copied" | "shared" | "failed">;
  /** Opens another plan year in the tab (at one of its actions), as ?year=&action= does on load. */
  openYear(year: string, actionId: number | null): void;
}

const PlanContext = createContext<PlanContextValue | null>(null);

export function usePlanContext(): PlanContextValue {
  const value = useContext(PlanContext);
  if (!value) throw new Error("usePlanContext outside PlanProvider");
  return value;
}

/** The ready plan; only used under screens rendered once the plan has loaded. */
export function usePlan(): PlanData & PlanContextValue {
  const context = usePlanContext();
  if (context.state.status !== "ready") throw new Error("plan not loaded");
  return { ...context, ...context.state.data };
}

async function load(store: PlanStore, year: string | null): Promise<{ year: string | null; data: PlanData | null }> {
  const [capabilities, me, chosenYear] = await Promise.all([
    store.capabilities(),
    // With the groups I belong to: a member of a lead group leads its actions.
    // A failed read of them leaves me without group leads rather than without the plan.
    Promise.all([store.me(), store.myGroupIds?.().catch(() => undefined)]).then(([person, groupIds]) =>
      groupIds ? { ...person, groupIds } : person,
    ),
    year ? Promise.resolve(year) : store.planYears().then((years) => years[0] ?? null),
  ]);
  if (!chosenYear) return { year: null, data: null };
  const snapshot = await store.loadPlan(chosenYear);
  return { year: chosenYear, data: { snapshot, capabilities, me } };
}

export function PlanProvider(props: {
  store: PlanStore;
  locale: AppLocale;
  today: string;
  year: string | null;
  copyLink: PlanContextValue["copyLink"];
  openYear: PlanContextValue["openYear"];
  children: ReactNode;
}) {
  const { store, year: requestedYear } = props;
  const [state, setState] = useState<LoadState>({ status: "loading" });
  const [year, setYear] = useState<string | null>(requestedYear);

  const reload = useCallback(async () => {
    try {
      const result = await load(store, requestedYear);
      setYear(result.year);
      setState(result.data ? { status: "ready", data: result.data } : { status: "empty" });
    } catch (error) {
      // A failed refresh after a good load keeps the plan on screen; the caller shows the message.
      setState((previous) => (previous.status === "ready" ? previous : { status: "error", error }));
      throw error;
    }
  }, [store, requestedYear]);

  useEffect(() => {
    reload().catch(() => undefined);
  }, [reload]);

  const retry = useCallback(async () => {
    setState({ status: "loading" });
    await reload().catch(() => undefined);
  }, [reload]);

  const value: PlanContextValue = {
    store,
    locale: props.locale,
    today: props.today,
    year,
    state,
    reload: state.status === "error" ? retry : reload,
    copyLink: props.copyLink,
    openYear: props.openYear,
  };
  return <PlanContext.Provider value={value}>{props.children}</PlanContext.Provider>;
}
