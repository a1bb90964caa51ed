// The plan's Word documents from the tab: the committee paper (live plan and saved results) and the
// public version (an approved copy). The docx library loads only when someone asks for a document.
import type { TFunction } from "i18next";
import type { ApprovedCopy } from "../../plan/cycle";
import type { Action, IndicatorFigure, IndicatorResultRow, Objective } from "../../plan";
import type { PaperDetails } from "../../reports/paper-details";
import { documentLabels, type DocumentLabels } from "../../reports/plan-document-labels";
import type { PublicPlanOptions } from "../../reports/public-plan-content";
import type { DocumentLocale } from "../../reports/text";
import type { PlanStore } from "../../sharepoint";

/** What the committee paper is made from: the live plan, every saved indicator result and the targets. */
export interface PaperData {
  objectives: readonly Objective[];
  actions: readonly Action[];
  results: readonly IndicatorResultRow[];
  targets: readonly IndicatorFigure[];
}

export async function loadPaperData(store: PlanStore, year: string): Promise<PaperData> {
  const [plan, results, targets] = await Promise.all([
    store.loadPlan(year),
    store.indicatorResults(),
    store.indicatorFigures(),
  ]);
  return { objectives: plan.objectives, actions: plan.actions, results, targets };
}

/** The documents' words in the tab's language. */
export function labelsFrom(t: TFunction): DocumentLabels {
  return documentLabels((key) => t(key, { returnObjects: true }));
}

export function documentLocale(language: string): DocumentLocale {
  return language.toLowerCase().startsWith("cy") ? "cy-GB" : "en-GB";
}

/** A file name without the characters file systems refuse ("2024/25" -> "2024-25"). */
export function fileName(text: string): string {
  return text.replace(/[/\\:*?"<>|]/g, "-");
}

export async function buildCommitteePaper(
  data: PaperData,
  year: string,
  details: PaperDetails,
  t: TFunction,
  language: string,
): Promise<Uint8Array> {
  const { committeePaper } = await import("../../reports/committee-paper");
  return committeePaper({ year, ...data, details, labels: labelsFrom(t), locale: documentLocale(language) });
}

export async function buildPublicPlan(
  copy: ApprovedCopy,
  options: PublicPlanOptions,
  t: TFunction,
  language: string,
): Promise<Uint8Array> {
  const { publicPlanDocument } = await import("../../reports/public-plan");
  return publicPlanDocument({ copy, options, labels: labelsFrom(t), locale: documentLocale(language) });
}
