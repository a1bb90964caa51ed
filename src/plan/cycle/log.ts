// A plan year's state from its record: the entries plan editors added to the cycle's list, each a
// state the year entered (a decision among them), in the order SharePoint numbered them. An entry
// that does not follow from the one before (written around the tab, by REST) is set aside and
// shown as such, never obeyed: SharePoint keeps the record, these rules read it.
import type { Person } from "../types";
import { FIRST_STATE, mayFollow, stateAfterDecision } from "./rules";
import type { Decision, PlanYearState } from "./types";

/** One entry of the cycle's record. `at` and `by` are SharePoint's Created and Created By. */
export interface CycleEntry {
  id: number;
  year: string;
  state: PlanYearState;
  /** Present when the entry records a committee's decision. */
  decision: Decision | null;
  note: string | null;
  by: Person | null;
  at: string;
}

export interface PlanYearStatus {
  year: string;
  state: PlanYearState;
  /** The entries that moved the year, oldest first. */
  history: CycleEntry[];
  /** The decisions among them, oldest first. */
  decisions: Decision[];
  /** Entries that did not follow (set aside). */
  setAside: CycleEntry[];
}

function follows(from: PlanYearState, entry: CycleEntry): boolean {
  if (!mayFollow(from, entry.state)) return false;
  if (from === "submitted")
    return entry.decision !== null && stateAfterDecision(entry.decision.outcome) === entry.state;
  return entry.decision === null;
}

/** Folds a year's entries (any order; read by id) into its status. */
export function statusOf(year: string, entries: readonly CycleEntry[]): PlanYearStatus {
  const status: PlanYearStatus = { year, state: FIRST_STATE, history: [], decisions: [], setAside: [] };
  for (const entry of [...entries].filter((e) => e.year === year).sort((a, b) => a.id - b.id)) {
    if (!follows(status.state, entry)) {
      status.setAside.push(entry);
      continue;
    }
    status.state = entry.state;
    status.history.push(entry);
    if (entry.decision) status.decisions.push(entry.decision);
  }
  return status;
}

/** The decision that approved the year (the last approval in its record), or null. */
export function approvingDecision(status: PlanYearStatus): Decision | null {
  return [...status.decisions].reverse().find((d) => d.outcome !== "returned") ?? null;
}
