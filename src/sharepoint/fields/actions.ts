// WRES Actions: each field once (see objectives.ts). An action's version (its audit trail) is read
// with the same codecs, except for the objective and the leads, which versions give as lookup values.
import { type Action, RAGS } from "../../plan";
import {
  indicatorChoices,
  lookupId,
  manyPeople,
  optionalNumber,
  optionalText,
  plainText,
  rag,
  siteDay,
  type Codec,
} from "./codecs";
import type { Column } from "./column";
import { F, INDICATOR_CHOICES } from "./spec";

/** An action always has a RAG: one missing or unknown reads as Green. */
const actionRag: Codec<Action["rag"]> = { read: (raw) => rag(raw) ?? "Green", write: (v) => v };

export const ACTION_COLUMNS: readonly Column<Action>[] = [
  { key: "title", field: { name: F.title, type: "text" }, display: "Title", builtIn: true, codec: plainText },
  {
    key: "objectiveId",
    field: { name: F.objective, type: "lookup", list: "objectives", indexed: true },
    display: "Objective",
    codec: lookupId,
  },
  // The plan year: no property of Action holds it; the repository writes it beside the action's fields, so
  // that a year's actions are one indexed query.
  { field: { name: F.planYear, type: "text", indexed: true, maxLength: 20 }, display: "Plan year" },
  {
    key: "number",
    field: { name: F.actionNumber, type: "text", maxLength: 20 },
    display: "Action number",
    codec: plainText,
  },
  // People or SharePoint groups (a network's co-chairs share an action) since version 4.
  { key: "leads", field: { name: F.leads, type: "multiPerson", groupsSince: 4 }, display: "Leads", codec: manyPeople },
  {
    key: "leadText",
    field: { name: F.leadText, type: "text", maxLength: 255 },
    display: "Lead (role)",
    codec: optionalText,
  },
  { key: "dueDate", field: { name: F.dueDate, type: "date", indexed: true }, display: "Due date", codec: siteDay },
  { key: "milestones", field: { name: F.milestones, type: "note" }, display: "Milestones", codec: optionalText },
  { key: "progress", field: { name: F.progress, type: "note" }, display: "Progress", codec: optionalText },
  { key: "kpis", field: { name: F.kpis, type: "note" }, display: "KPIs", codec: optionalText },
  { key: "outcomes", field: { name: F.outcomes, type: "note" }, display: "Outcomes", codec: optionalText },
  {
    key: "indicators",
    field: { name: F.indicators, type: "multiChoice", choices: INDICATOR_CHOICES },
    display: "WRES indicators",
    codec: indicatorChoices,
  },
  { key: "rag", field: { name: F.rag, type: "choice", choices: RAGS }, display: "RAG", codec: actionRag },
  {
    key: "carriedFromId",
    field: { name: F.carriedFrom, type: "number" },
    display: "Carried over from",
    afterModified: true,
    codec: optionalNumber,
  },
];
