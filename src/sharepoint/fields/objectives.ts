// WRES Objectives: each field once. Set-up, the upgrade, the $select and the item reader and writer
// follow this table; a new column is a row here (with `since: <the next version>`) and a property in
// src/plan/types.ts.
import { type Objective, RAGS } from "../../plan";
import { flag, indicatorChoices, lineList, onePerson, optionalText, plainText, ragChoice } from "./codecs";
import type { Column } from "./column";
import { F, INDICATOR_CHOICES } from "./spec";

export const OBJECTIVE_COLUMNS: readonly Column<Objective>[] = [
  { key: "title", field: { name: F.title, type: "text" }, display: "Title", builtIn: true, codec: plainText },
  {
    key: "planYear",
    field: { name: F.planYear, type: "text", indexed: true, maxLength: 20 },
    display: "Plan year",
    codec: plainText,
  },
  {
    key: "number",
    field: { name: F.objectiveNumber, type: "text", maxLength: 20 },
    display: "Objective number",
    codec: plainText,
  },
  {
    key: "description",
    field: { name: F.objectiveDescription, type: "note" },
    display: "Description",
    codec: optionalText,
  },
  { key: "owner", field: { name: F.objectiveOwner, type: "person" }, display: "Owner", codec: onePerson },
  {
    key: "sponsor",
    field: { name: F.executiveSponsor, type: "person" },
    display: "Executive sponsor",
    codec: onePerson,
  },
  {
    key: "indicators",
    field: { name: F.indicators, type: "multiChoice", choices: INDICATOR_CHOICES },
    display: "WRES indicators",
    codec: indicatorChoices,
  },
  {
    key: "highImpactActions",
    field: { name: F.highImpactActions, type: "note" },
    display: "High Impact Actions",
    codec: lineList,
  },
  {
    key: "ragOverride",
    field: { name: F.ragOverride, type: "choice", choices: RAGS },
    display: "RAG override",
    codec: ragChoice,
  },
  {
    key: "ragOverrideReason",
    field: { name: F.ragOverrideReason, type: "note" },
    display: "RAG override reason",
    codec: optionalText,
  },
  // A plan year closed by roll-over.
  {
    key: "readOnly",
    field: { name: F.readOnly, type: "boolean", since: 2 },
    display: "Closed (read-only)",
    afterModified: true,
    codec: flag,
  },
];
