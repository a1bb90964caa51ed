// The plan year's cycle lists (schema version 6): WRES Plan Cycle and WRES Consultation Comments. Each
// field once, for set-up, the upgrade and the column titles. Their entries are nested (a state with a
// committee's decision inside), so these columns hold no plan property: cycle-store.ts reads and writes
// them by name.
import { ASSURANCE_LEVELS, DECISION_OUTCOMES, PLAN_YEAR_STATES } from "../../plan/cycle";
import type { Column } from "./column";
import { F } from "./spec";

/** The version that brought the plan year's cycle lists. */
export const CYCLE_SINCE = 6;

export const PLAN_CYCLE_COLUMNS: readonly Column<never>[] = [
  { field: { name: F.planYear, type: "text", indexed: true, maxLength: 20, since: CYCLE_SINCE }, display: "Plan year" },
  { field: { name: F.cycleState, type: "choice", choices: PLAN_YEAR_STATES, since: CYCLE_SINCE }, display: "State" },
  { field: { name: F.meeting, type: "text", maxLength: 255, since: CYCLE_SINCE }, display: "Meeting" },
  { field: { name: F.meetingDate, type: "date", since: CYCLE_SINCE }, display: "Meeting date" },
  { field: { name: F.outcome, type: "choice", choices: DECISION_OUTCOMES, since: CYCLE_SINCE }, display: "Decision" },
  {
    field: { name: F.assurance, type: "choice", choices: ASSURANCE_LEVELS, since: CYCLE_SINCE },
    display: "Assurance level",
  },
  { field: { name: F.minuteReference, type: "text", maxLength: 100, since: CYCLE_SINCE }, display: "Minute reference" },
  { field: { name: F.note, type: "note", since: CYCLE_SINCE }, display: "Note" },
];

export const CONSULTATION_COLUMNS: readonly Column<never>[] = [
  { field: { name: F.planYear, type: "text", indexed: true, maxLength: 20, since: CYCLE_SINCE }, display: "Plan year" },
  { field: { name: F.objective, type: "lookup", list: "objectives", since: CYCLE_SINCE }, display: "Objective" },
  { field: { name: F.note, type: "note", since: CYCLE_SINCE }, display: "Note" },
  { field: { name: F.answerTo, type: "number", since: CYCLE_SINCE }, display: "Answer to comment" },
];
