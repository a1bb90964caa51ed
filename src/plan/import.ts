// Importing last year's Excel action plan: the pure part. The tab reads the file with the
// workbook reader's readGrid, calls parsePlanGrid for a preview with issues, planImportDiff
// against the stored plan year to show what would be created or updated, then writes the
// changes through the PlanStore (objectives first, then their actions).
export { parsePlanGrid, splitHeading, MAX_TITLE_LENGTH, MAX_PLAN_ROWS } from "./import/parse";
export { planJson, planOutline, issueMessage, type PlanJson } from "./import/json";
export { DOUBTFUL_CODES, ROW_ROLES, rowKey } from "./import/types";
export { planImportDiff } from "./import/diff";
export { applyImport, type ImportOutcome } from "./import/apply";
export type { PlanWriter, WriteFailure, WriteProgress } from "./writer";
export type { ActionChange, ChangeKind, ImportDiff, ObjectiveChange } from "./import/diff";
export { actionKey, objectiveKey, normaliseNumber } from "./import/keys";
export { readRag, type RagReading } from "./import/rag-words";
export { readDueDate, type DueDateReading } from "./import/due-dates";
export { indicatorsInText, highImpactActionsInText } from "./import/references";
export { headerField, type PlanField } from "./import/headers";
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
} from "./import/types";
