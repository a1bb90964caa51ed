// The action's fields as the conflict view shows them.
import type { TFunction } from "i18next";
import type { Action, Person } from "../../plan";
import type { ConflictField } from "./conflict";

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export function actionConflictFields(t: TFunction, formatDay: (iso: string | null) => string): ConflictField<Action>[] {
  return [
    { key: "number", label: "field.number", show: text },
    { key: "title", label: "field.title", show: text },
    { key: "leads", label: "field.leads", show: (v) => (v as Person[]).map((p) => p.title).join(", ") },
    { key: "leadText", label: "field.leadText", show: text },
    { key: "dueDate", label: "field.dueDate", show: (v) => formatDay(v as string | null) },
    { key: "rag", label: "field.rag", show: (v) => (v ? t(`rag.${String(v)}`) : "") },
    { key: "progress", label: "field.progress", show: text },
    { key: "milestones", label: "field.milestones", show: text },
    { key: "kpis", label: "field.kpis", show: text },
    { key: "outcomes", label: "field.outcomes", show: text },
    { key: "indicators", label: "field.indicators", show: (v) => (v as number[]).join(", ") },
  ];
}
