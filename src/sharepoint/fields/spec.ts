// The vocabulary of the field tables (src/sharepoint/fields/*.ts): what a SharePoint field is, and the
// internal names the repositories filter and sort on. A leaf module, so that the tables and the schema
// built from them (src/sharepoint/schema.ts) import it without a cycle.
import type { ListKey } from "../schema";

/** `since`: the schema version that added the field (1 when absent). */
export type FieldSpec = { since?: number } & (
  | { name: string; type: "text"; indexed?: boolean; maxLength?: number }
  | { name: string; type: "note" }
  | { name: string; type: "number"; indexed?: boolean }
  | { name: string; type: "boolean" }
  | { name: string; type: "date"; indexed?: boolean }
  | {
      name: string;
      type: "choice";
      choices: readonly string[];
      indexed?: boolean;
      choicesSince?: Readonly<Record<string, number>>;
    }
  | { name: string; type: "multiChoice"; choices: readonly string[]; choicesSince?: Readonly<Record<string, number>> }
  | { name: string; type: "person"; indexed?: boolean }
  | { name: string; type: "multiPerson"; groupsSince?: number }
  | { name: string; type: "lookup"; list: ListKey; indexed?: boolean }
);

export const INDICATOR_CHOICES = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;
/** Progress history entries: a progress or RAG change, or a reader's comment. */
export const UPDATE_KINDS = ["Update", "Comment", "Import"] as const;

/** Internal field names, the one place the repositories take them from. */
export const F = {
  title: "Title",
  planYear: "PlanYear",
  objectiveNumber: "ObjectiveNumber",
  objectiveDescription: "ObjectiveDescription",
  objectiveOwner: "ObjectiveOwner",
  executiveSponsor: "ExecutiveSponsor",
  indicators: "WresIndicators",
  highImpactActions: "HighImpactActions",
  ragOverride: "RagOverride",
  ragOverrideReason: "RagOverrideReason",
  objective: "Objective",
  actionNumber: "ActionNumber",
  leads: "Leads",
  leadText: "LeadText",
  dueDate: "DueDate",
  milestones: "Milestones",
  progress: "Progress",
  kpis: "Kpis",
  outcomes: "Outcomes",
  rag: "Rag",
  carriedFrom: "CarriedFrom",
  action: "Action",
  updateDate: "UpdateDate",
  updateAuthor: "UpdateAuthor",
  previousRag: "PreviousRag",
  note: "Note",
  updateKind: "Kind",
  resultYear: "ResultYear",
  standard: "Standard",
  indicator: "Indicator",
  value: "Value",
  detail: "Detail",
  origin: "Origin",
  readOnly: "ReadOnly",
  cycleState: "CycleState",
  meeting: "Meeting",
  meetingDate: "MeetingDate",
  outcome: "Outcome",
  assurance: "Assurance",
  minuteReference: "MinuteReference",
  answerTo: "AnswerTo",
  replyTo: "ReplyTo",
  mentions: "Mentions",
  figureKind: "FigureKind",
  figureYear: "FigureYear",
  baselineYear: "BaselineYear",
  direction: "BetterWhen",
  comparator: "Comparator",
  comparatorName: "ComparatorName",
  source: "FigureSource",
} as const;
