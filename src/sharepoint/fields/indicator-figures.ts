// WRES Targets and Comparisons (schema version 7): each field once (see objectives.ts). One item is a
// target for an indicator's headline measure or a comparison figure typed in from a published report
// (docs/targets-and-comparisons.md). The item's Title is made from the figure
// (src/sharepoint/mapping.ts, indicatorFigureFields) and read by no one.
import type { Direction } from "../../indicators";
import { COMPARATORS, DIRECTIONS, type Comparator, type FigureKind, type IndicatorFigure } from "../../plan";
import { INDICATOR_NUMBERS, type IndicatorNumber } from "../../plan";
import { optionalText, plainText, type Codec } from "./codecs";
import type { Column } from "./column";
import { F } from "./spec";

/** The version that brought the list. */
export const FIGURES_SINCE = 7;

/** The choices as SharePoint shows them; each read back to the plan's own value. */
const KIND_CHOICES = ["Target", "Comparison"] as const;
const COMPARATOR_CHOICES = ["National", "Regional", "ICS", "Peer trust"] as const;
const DIRECTION_CHOICES = ["Lower is better", "Higher is better", "Towards 1", "Towards 0"] as const;

/** A choice column whose stored words differ from the plan's values: read by position, anything else null. */
function choiceOf<T extends string>(values: readonly T[], words: readonly string[]): Codec<T | null> {
  return {
    read: (raw) => {
      const i = words.indexOf(String(raw ?? ""));
      return i >= 0 ? (values[i] ?? null) : null;
    },
    write: (v) => (v === null ? null : (words[values.indexOf(v)] ?? null)),
  };
}

const kind = choiceOf<FigureKind>(["target", "comparison"], KIND_CHOICES) as Codec<FigureKind>;
const indicatorNumber: Codec<IndicatorNumber> = {
  read: (raw) => (INDICATOR_NUMBERS.includes(Number(raw) as IndicatorNumber) ? (Number(raw) as IndicatorNumber) : 1),
  write: (v) => v,
};
const value: Codec<number> = { read: (raw) => (typeof raw === "number" ? raw : Number.NaN), write: (v) => v };

export const FIGURE_COLUMNS: readonly Column<IndicatorFigure>[] = [
  {
    key: "kind",
    field: { name: F.figureKind, type: "choice", choices: KIND_CHOICES, since: FIGURES_SINCE },
    display: "Kind",
    codec: kind,
  },
  {
    key: "standard",
    field: { name: F.standard, type: "text", indexed: true, maxLength: 100, since: FIGURES_SINCE },
    display: "Standard",
    codec: plainText,
  },
  {
    key: "indicator",
    field: { name: F.indicator, type: "number", since: FIGURES_SINCE },
    display: "Indicator",
    codec: indicatorNumber,
  },
  { key: "value", field: { name: F.value, type: "number", since: FIGURES_SINCE }, display: "Value", codec: value },
  {
    key: "year",
    field: { name: F.figureYear, type: "text", maxLength: 20, since: FIGURES_SINCE },
    display: "Year",
    codec: plainText,
  },
  {
    key: "baselineYear",
    field: { name: F.baselineYear, type: "text", maxLength: 20, since: FIGURES_SINCE },
    display: "Baseline year",
    codec: optionalText,
  },
  {
    key: "direction",
    field: { name: F.direction, type: "choice", choices: DIRECTION_CHOICES, since: FIGURES_SINCE },
    display: "Better when",
    codec: choiceOf<Direction>(DIRECTIONS, DIRECTION_CHOICES),
  },
  {
    key: "comparator",
    field: { name: F.comparator, type: "choice", choices: COMPARATOR_CHOICES, since: FIGURES_SINCE },
    display: "Compared with",
    codec: choiceOf<Comparator>(COMPARATORS, COMPARATOR_CHOICES),
  },
  {
    key: "name",
    field: { name: F.comparatorName, type: "text", maxLength: 255, since: FIGURES_SINCE },
    display: "Name",
    codec: optionalText,
  },
  {
    key: "source",
    field: { name: F.source, type: "text", maxLength: 255, since: FIGURES_SINCE },
    display: "Source",
    codec: optionalText,
  },
];
