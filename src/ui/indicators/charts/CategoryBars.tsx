// One value per category as vertical bars (Fluent's VerticalBarChart), with an optional reference line
// across them: indicator 1's BME share per band against the whole workforce, and the Model Employer gap.
import { VerticalBarChart, type VerticalBarChartDataPoint } from "@fluentui/react-charts";
import { useTranslation } from "react-i18next";
import { CHART_COLORS, ChartFigure, tickFormat, useGapMarkText, useLegendProps } from "./ChartFigure";
import type { ChartPoint } from "./points";

export function CategoryBars(props: {
  title: string;
  /** What a bar is, for the legend (e.g. "BME %"). */
  series: string;
  points: readonly ChartPoint[];
  format: (v: number) => string;
  /** Unit after the axis ticks ("%", " pp"). */
  unit: string;
  /** A value drawn as a line across every category. */
  line?: { label: string; value: number | null };
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const legendProps = useLegendProps();
  const marks = useGapMarkText();
  const { points, format } = props;
  const ticks = tickFormat(props.unit);

  const lineValue = props.line?.value ?? null;
  const data: VerticalBarChartDataPoint[] = points.map((p) => {
    const text =
      p.state === "hidden" ? marks.hidden.words : p.state === "not-calculable" ? marks.na.words : format(p.value!);
    // A category without a bar carries its mark in its axis label, as the table does: "*" hidden, "n/a" not
    // calculable, "0%" for a real 0 (Fluent draws no bar for 0). Annotations would drift when the chart scrolls.
    const mark =
      p.state === "hidden"
        ? marks.hidden.mark
        : p.state === "not-calculable"
          ? marks.na.mark
          : p.value === 0
            ? ticks(0)
            : null;
    return {
      x: mark === null ? p.label : `${p.label} (${mark})`,
      y: p.value ?? 0,
      legend: props.series,
      color: CHART_COLORS.focus,
      barLabel: text,
      xAxisCalloutData: p.label,
      yAxisCalloutData: text,
      callOutAccessibilityData: { ariaLabel: `${p.label}, ${props.series}: ${text}` },
      ...(lineValue !== null ? { lineData: { y: lineValue, yAxisCalloutData: format(lineValue) } } : {}),
    };
  });
  return (
    <ChartFigure title={props.title} height={points.length > 6 ? 300 : 260} points={points} testId={props.testId}>
      <VerticalBarChart
        data={data}
        chartTitle={props.title}
        svgProps={{ "aria-label": props.title }}
        lineLegendText={props.line && lineValue !== null ? `${props.line.label} ${format(lineValue)}` : undefined}
        lineLegendColor={CHART_COLORS.line}
        // A border in the page colour keeps the line visible where it crosses a bar (high contrast: white on cyan).
        lineOptions={{ lineBorderWidth: 2 }}
        yAxisTickFormat={ticks}
        // Round ticks from 0 past the largest bar (0, 0.5, 1, 1.5 for a likelihood of 1.24): without it Fluent
        // splits 0 to the largest value in four (0.31, 0.62, …), and a tick labelled "1.2" stands at 1.24.
        roundedTicks
        margins={{ top: 24, bottom: 40, left: 52, right: 16 }}
        xAxis={{ tickLayout: "auto" }}
        // On a narrow tab (a meeting side panel) the chart keeps the width its band labels need and scrolls.
        reflowProps={{ mode: "min-width" }}
        legendProps={legendProps}
        maxBarWidth={48}
        barWidth="auto"
        roundCorners
        culture={i18n.language}
      />
    </ChartFigure>
  );
}
