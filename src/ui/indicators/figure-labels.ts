// How a target or a comparison figure reads wherever it is shown: "Target: 1.25 by 2026/27",
// "National (England) 1.14 (2024/25, NHS England WRES data report 2024)".
import type { TFunction } from "i18next";
import type { IndicatorFigure } from "../../plan";
import { formatHeadline } from "./headline";

/** "National (England)", "ICS (Oxfordshire ICS)", "Peer trust (Anytown NHS FT)". */
export function comparatorLabel(t: TFunction, figure: IndicatorFigure): string {
  const kind = t(`targets.comparator.${figure.comparator ?? "national"}`);
  return figure.name ? t("targets.comparisonLabel", { comparator: kind, name: figure.name }) : kind;
}

export function comparisonText(t: TFunction, figure: IndicatorFigure): string {
  return t("targets.comparisonText", {
    label: comparatorLabel(t, figure),
    value: formatHeadline(figure.indicator, figure.value),
    year: figure.year,
    source: figure.source ?? "",
  });
}

export function targetText(t: TFunction, figure: IndicatorFigure): string {
  return t("targets.targetText", { value: formatHeadline(figure.indicator, figure.value), year: figure.year });
}

/** A short name for the figure, for the names of its Edit and Remove buttons. */
export function figureName(t: TFunction, figure: IndicatorFigure): string {
  const indicator = t(`indicators.short.i${figure.indicator}`);
  return figure.kind === "target"
    ? `${indicator}: ${targetText(t, figure)}`
    : `${indicator}: ${comparatorLabel(t, figure)} ${figure.year}`;
}
