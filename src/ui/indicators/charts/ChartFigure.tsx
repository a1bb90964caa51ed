// The frame every indicator chart sits in: a visible caption that is also the chart's accessible name,
// a fixed-height box the Fluent chart fills (ResponsiveContainer re-measures it when the tab is resized),
// and, in words under it, what the chart does not draw and why. The figures themselves are in the table
// next to each chart, which is the chart's text alternative.
import type { ReactElement, ReactNode } from "react";
import { useId } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { ResponsiveContainer, type LegendsProps, type ResponsiveChildProps } from "@fluentui/react-charts";
import { useTranslation } from "react-i18next";
import type { ChartPoint } from "./points";
import { notDrawn } from "./points";

const useStyles = makeStyles({
  figure: { margin: 0, display: "grid", gap: tokens.spacingVerticalXS, maxWidth: "960px", minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
  // British sentence case: Fluent's legend capitalises every word ("Whole Workforce").
  legend: { textTransform: "none" },
});

/** Legends that wrap onto more lines instead of hiding entries behind "+1 more", in sentence case. */
export function useLegendProps(): Partial<LegendsProps> {
  const styles = useStyles();
  return { enabledWrapLines: true, styles: { legend: styles.legend } };
}

/** Axis ticks: whole numbers without decimals ("25%"), others to one place. */
export function tickFormat(unit: string): (v: number) => string {
  // Two decimals at most, trailing zeros dropped: a round tick such as 0.05 or 0.25 reads as itself.
  return (v: number) => `${Number(v.toFixed(2))}${unit}`;
}

/** Colours from the theme's tokens, so bars and lines follow the Teams theme (high contrast: cyan and white on black). */
export const CHART_COLORS = {
  /** BME staff, and the single series of a chart. */
  focus: tokens.colorCompoundBrandForeground1,
  /** White staff: neutral, so the BME bar stands out. */
  reference: tokens.colorNeutralStrokeAccessible,
  /** Reference lines (whole workforce, parity). */
  line: tokens.colorNeutralForeground1,
  band: tokens.colorStatusSuccessBorder1,
};

/** Without a chart (nothing to plot), `after` says why in its place. */
export function ChartFigure(props: {
  title: string;
  height: number;
  points?: readonly ChartPoint[];
  children?: ReactElement<ResponsiveChildProps>;
  after?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const captionId = useId();
  const gaps = notDrawn(props.points ?? []);
  return (
    <figure className={styles.figure} aria-labelledby={captionId} data-testid={props.testId}>
      <Text as="p" id={captionId} className={styles.caption}>
        {props.title}
      </Text>
      {props.children ? (
        <div style={{ height: props.height }}>
          <ResponsiveContainer>{props.children}</ResponsiveContainer>
        </div>
      ) : null}
      {gaps.hidden.length > 0 ? (
        <Text className={styles.note}>{t("indicators.view.notDrawnHidden", { items: gaps.hidden.join(", ") })}</Text>
      ) : null}
      {gaps.notCalculable.length > 0 ? (
        <Text className={styles.note}>{t("indicators.view.notDrawnNa", { items: gaps.notCalculable.join(", ") })}</Text>
      ) : null}
      {props.after}
    </figure>
  );
}

/** How a category without a bar is marked: the tables' own symbols on the chart, words for screen readers and notes. */
export interface GapMarkText {
  hidden: { mark: string; words: string };
  na: { mark: string; words: string };
}

/** The marks' text in the reader's language. */
export function useGapMarkText(): GapMarkText {
  const { t } = useTranslation();
  return {
    hidden: { mark: "*", words: t("indicators.view.markHidden") },
    na: { mark: "n/a", words: t("indicators.view.markNa") },
  };
}
