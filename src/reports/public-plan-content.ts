// What the public version of an approved plan says, as plain data: the print view and the Word
// document both draw it, so they cannot differ. From the approved copy only (the plan as the committee
// approved it, never the live plan). It carries the plan (objectives, actions, leads, due dates, KPIs),
// the approval line, and the indicator figures only as the protected audience sees them
// (docs/disclosure-control.md), or no figures at all when the organisation publishes the plan alone.
// Left out on purpose (docs/plan-documents.md): RAG and progress (the plan as approved is not a
// progress report), objective owners, the assurance level and minute reference, who recorded the
// decision or saved the results, and people's names as leads unless the organisation chooses them.
import { sortByNumber, type Person } from "../plan";
import type { ApprovedCopy, DecisionOutcome } from "../plan/cycle";
import { planFigures, type PlanFigures } from "./plan-figures";
import type { DocumentLabels } from "./plan-document-labels";
import { fill } from "./text";

/** Leads as role titles only ("Head of EDI"), or people's names with the role titles. */
export type LeadsChoice = "roles" | "names";

export interface PublicPlanOptions {
  /** The protected indicator figures (true), or the plan alone (false). */
  withFigures: boolean;
  leads: LeadsChoice;
}

export const DEFAULT_PUBLIC_OPTIONS: PublicPlanOptions = { withFigures: true, leads: "roles" };

export interface PublicAction {
  number: string;
  title: string;
  lead: string;
  dueDate: string | null;
  kpis: string;
}

export interface PublicObjective {
  number: string;
  title: string;
  description: string | null;
  actions: PublicAction[];
}

export interface PublicPlanContent {
  year: string;
  /** The organisation named in the saved results, if any. */
  organisation: string | null;
  approval: { meeting: string; date: string; outcome: DecisionOutcome };
  /** Null for the plan alone, or when no figures were saved with the plan. */
  figures: PlanFigures | null;
  objectives: PublicObjective[];
}

/** People's names and role titles together, as the plan lists them: "Amara Okafor; Director of People". */
export function leadsText(leads: readonly Person[], leadText: string | null): string {
  return [...leads.map((p) => p.title), ...(leadText ? [leadText] : [])].join("; ");
}

export function publicPlanContent(copy: ApprovedCopy, options: PublicPlanOptions): PublicPlanContent {
  const all = planFigures(copy.results);
  const objectives = sortByNumber(copy.objectives).map((objective): PublicObjective => ({
    number: objective.number,
    title: objective.title,
    description: objective.description,
    actions: sortByNumber(copy.actions.filter((a) => a.objectiveId === objective.id)).map((a) => ({
      number: a.number,
      title: a.title,
      lead: options.leads === "names" ? leadsText(a.leads, a.leadText) : (a.leadText ?? "").trim(),
      dueDate: a.dueDate,
      kpis: a.kpis ?? "",
    })),
  }));
  return {
    year: copy.year,
    organisation: all?.organisation ?? null,
    approval: { meeting: copy.decision.meeting, date: copy.decision.date, outcome: copy.decision.outcome },
    figures: options.withFigures && all && all.rows.length > 0 ? all : null,
    objectives,
  };
}

/** The document's title: with the organisation's name when the results name it. */
export function publicTitle(content: PublicPlanContent, labels: DocumentLabels["public"]): string {
  return content.organisation
    ? fill(labels.titleOrganisation, { organisation: content.organisation, year: content.year })
    : fill(labels.title, { year: content.year });
}

/** "Approved by the People Committee on 12 September 2024." */
export function approvalLine(
  content: PublicPlanContent,
  labels: DocumentLabels["public"],
  date: (iso: string) => string,
): string {
  const template = content.approval.outcome === "approved-with-changes" ? labels.approvedWithChanges : labels.approved;
  return fill(template, { meeting: content.approval.meeting, date: date(content.approval.date) });
}
