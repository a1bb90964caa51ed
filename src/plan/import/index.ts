// Importing last year's Excel action plan: the pure part. The tab reads the file with the
// workbook reader's readGrid, calls parsePlanGrid for a preview with issues, planImportDiff
// against the stored plan year to show what would be created or updated, then writes the
// changes through the PlanStore (objectives first, then their actions).
export { parsePlanGrid, splitHeading, MAX_TITLE_LENGTH, MAX_PLAN_ROWS } from "./parse";
export { planJson, planOutline, issueMessage, type PlanJson } from "./json";
export { DOUBTFUL_CODES, rowKey } from "./types";
export { planImportDiff } from "./diff";
export { applyImport, type ImportOutcome } from "./apply";
export { readPlanFile } from "./source";
export type { PlanWriter, WriteFailure, WriteProgress } from "../writer";
export type { ActionChange, ChangeKind, ImportDiff, ObjectiveChange } from "./diff";
export { actionKey, objectiveKey, normaliseNumber } from "./keys";
export { readRag, type RagReading } from "./rag-words";
export { readDueDate, type DueDateReading } from "./due-dates";
export { indicatorsInText, highImpactActionsInText } from "./references";
export { headerField, type PlanField } from "./headers";
export type {
  ActionFields,
  GridCell,
  GridSheet,
  ImportCorrections,
  ImportIssue,
  ImportIssueCode,
  ImportRow,
  PlanFieldName,
  PlanTable,
  RowRole,
  ImportOptions,
  ImportSource,
  ImportedAction,
  ImportedObjective,
  ObjectiveFields,
  PlanImport,
} from "./types";
