// What the committee views read: the plan year, the progress updates since the chosen date, and
// the saved indicator figures, turned into the summary, the changes and headline trends.
import { useCallback, useEffect, useState } from "react";
import {
  changesSince,
  summarisePlan,
  type PlanChanges,
  type PlanSummary,
  type IndicatorNumber,
  type IndicatorResultRow,
} from "../../plan";
import type { PlanSnapshot, PlanStore } from "../../sharepoint";
import { WRES_STANDARD, trendOf, type Direction, type Trend } from "../../indicators";
import { compareWithApproved, type SinceApproval } from "../../plan/cycle";
import { loadCycle, type CycleView } from "../cycle/status";
import { seriesStarts, type SeriesStart } from "../indicators/series";

export interface Headline {
  indicator: IndicatorNumber;
  year: string;
  value: number | null;
  previousYear: string | null;
  previous: number | null;
  trend: Trend;
  /** Set when the latest year begins a new series (series.ts): then it is not compared with the year before. */
  newSeries: SeriesStart | null;
  /** How the figure reads: a percentage, a relative likelihood, or percentage points. */
  unit: "percent" | "ratio" | "points";
  places: number;
}

export interface MeetingData {
  year: string;
  snapshot: PlanSnapshot;
  summary: PlanSummary;
  changes: PlanChanges;
  headlines: Headline[];
  /** The year's cycle (null parts on a site without the cycle's lists). */
  cycle: CycleView;
  /** Today's plan against the approved copy, when the year has one. */
  sinceApproval: SinceApproval | null;
}

export type MeetingState =
  | { status: "loading" }
  | { status: "empty" }
  | { status: "error"; error: unknown }
  | { status: "ready"; data: MeetingData };

const KIND_UNIT = {
  representation: "percent",
  "relative-likelihood": "ratio",
  survey: "percent",
  "board-difference": "points",
} as const;

/** Latest saved figure per indicator, compared with the year before it (NHS England WRES). */
export function headlinesFrom(rows: readonly IndicatorResultRow[], standard = WRES_STANDARD): Headline[] {
  const out: Headline[] = [];
  const startsAt = seriesStarts(rows, standard.id);
  for (const definition of standard.indicators) {
    const indicator = Number(definition.id) as IndicatorNumber;
    const years = rows
      .filter((r) => r.standard === standard.id && r.indicator === indicator)
      .sort((a, b) => b.year.localeCompare(a.year));
    const [latest, before] = years;
    if (!latest) continue;
    const unit = KIND_UNIT[definition.kind];
    const places = unit === "ratio" ? 2 : 1;
    const direction: Direction = definition.kind === "board-difference" ? "towards-zero" : definition.direction;
    const newSeries = before ? startsAt(indicator, latest.year) : null;
    out.push({
      indicator,
      year: latest.year,
      value: latest.value,
      previousYear: before?.year ?? null,
      previous: before?.value ?? null,
      trend: newSeries ? "not-comparable" : trendOf(latest.value, before?.value ?? null, direction, places),
      newSeries,
      unit,
      places,
    });
  }
  return out;
}

async function loadMeeting(
  store: PlanStore,
  year: string | null,
  since: string,
  today: string,
): Promise<MeetingData | null> {
  const chosen = year ?? (await store.planYears())[0] ?? null;
  if (!chosen) return null;
  const [snapshot, updates, results, cycle] = await Promise.all([
    store.loadPlan(chosen),
    store.updatesSince(chosen, since),
    // Figures are a nice-to-have here: a failure to read them must not hide the plan.
    store.indicatorResults().catch(() => [] as IndicatorResultRow[]),
    loadCycle(store, chosen),
  ]);
  return {
    year: chosen,
    snapshot,
    summary: summarisePlan(snapshot, today),
    changes: changesSince(updates, snapshot.actions, since, today),
    headlines: headlinesFrom(results),
    cycle,
    sinceApproval: cycle.approved ? compareWithApproved(cycle.approved, snapshot) : null,
  };
}

export function useMeetingData(
  store: PlanStore,
  year: string | null,
  since: string,
  today: string,
): { state: MeetingState; reload(): void } {
  const [state, setState] = useState<MeetingState>({ status: "loading" });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    loadMeeting(store, year, since, today).then(
      (data) => live && setState(data ? { status: "ready", data } : { status: "empty" }),
      (error: unknown) =>
        live && setState((previous) => (previous.status === "ready" ? previous : { status: "error", error })),
    );
    return () => {
      live = false;
    };
  }, [store, year, since, today, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { state, reload };
}
