// The action's audit trail: SharePoint keeps every version of the action item (who saved it, when,
// and every field as it was), and nobody but a plan editor can change the item, so its version
// history says who changed the due date, the leads or the objective, and when. Pure: the data
// layer supplies the versions.
import type { Action, Person } from "./types";

/** The fields of an action that a version records and the trail compares. */
export const AUDIT_FIELDS = [
  "title",
  "objectiveId",
  "number",
  "leads",
  "leadText",
  "dueDate",
  "milestones",
  "progress",
  "kpis",
  "outcomes",
  "indicators",
  "rag",
] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

export type VersionFields = Pick<Action, AuditField>;

/** One version of the action item, as SharePoint's `items(id)/versions` gives it. */
export interface ActionVersion {
  /** SharePoint's label, e.g. "3.0". */
  label: string;
  /** ISO timestamp: when this version was saved (SharePoint's, not the browser's). */
  saved: string;
  /** Who saved it (SharePoint's Editor). */
  editor: Person | null;
  fields: VersionFields;
}

/** A field's value as the trail shows it: text, a number (the objective's id), or a list (names, indicators). */
export type AuditValue = string | number | readonly string[] | null;

export interface AuditChange {
  field: AuditField;
  before: AuditValue;
  after: AuditValue;
}

export interface AuditEntry {
  label: string;
  saved: string;
  editor: Person | null;
  /** The first version: the action was created (no changes listed). */
  created: boolean;
  changes: AuditChange[];
}

function value(fields: VersionFields, field: AuditField): AuditValue {
  switch (field) {
    case "leads":
      return fields.leads.map((p) => p.title || `#${p.id}`);
    case "indicators":
      return fields.indicators.map(String);
    default:
      return fields[field] ?? null;
  }
}

function same(a: AuditValue, b: AuditValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The versions, newest first, each with what it changed from the one before it. */
export function auditTrail(versions: readonly ActionVersion[]): AuditEntry[] {
  const oldestFirst = [...versions].sort(
    (a, b) => versionNumber(a.label) - versionNumber(b.label) || Date.parse(a.saved) - Date.parse(b.saved),
  );
  const entries: AuditEntry[] = oldestFirst.map((version, i) => {
    const before = i > 0 ? (oldestFirst[i - 1] as ActionVersion) : null;
    const changes: AuditChange[] = [];
    if (before) {
      for (const field of AUDIT_FIELDS) {
        const was = value(before.fields, field);
        const now = value(version.fields, field);
        if (!same(was, now)) changes.push({ field, before: was, after: now });
      }
    }
    return { label: version.label, saved: version.saved, editor: version.editor, created: before === null, changes };
  });
  return entries.reverse();
}

function versionNumber(label: string): number {
  const n = Number.parseFloat(label);
  return Number.isFinite(n) ? n : 0;
}
