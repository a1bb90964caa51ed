// "New series: <why>" beside a figure that begins a new series (series.ts), wherever a trend is shown: the
// trend table's cell and the meeting stage. Visible text, so screen readers read it with the figure.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { SeriesStart } from "./series";

const useStyles = makeStyles({
  note: {
    display: "block",
    minWidth: "10em",
    maxWidth: "16em",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    // Under a figure in a number column: aligned with it.
    textAlign: "end",
    whiteSpace: "normal",
  },
});

/** Why a year begins a new series, in words: the reason recorded, then the method change the results show. */
export function newSeriesText(t: TFunction, start: SeriesStart): string {
  const why = [
    start.recorded?.reason,
    start.changes.length > 0
      ? t("seriesBreak.methodChanged", {
          changes: start.changes.map((c) => t(`seriesBreak.change.${c}`)).join(", "),
        })
      : undefined,
  ].filter((part): part is string => Boolean(part));
  return why.length > 0 ? t("seriesBreak.newSeriesReason", { reason: why.join("; ") }) : t("seriesBreak.newSeries");
}

export function NewSeriesNote(props: { start: SeriesStart; className?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.note, props.className)} data-new-series="">
      {newSeriesText(t, props.start)}
    </span>
  );
}
