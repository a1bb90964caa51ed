// Indicators 5-8: White and BME staff side by side, as one group of bars (Fluent's GroupedVerticalBarChart).
// A percentage hidden for small numbers, or not available, has no bar; the mark and the note under the
// chart say which and why.
import { GroupedVerticalBarChart, type GVBarChartSeriesPoint } from "@fluentui/react-charts";
import { useTranslation } from "react-i18next";
import { CHART_COLORS, ChartFigure, tickFormat, useLegendProps } from "./ChartFigure";
import type { ChartPoint } from "./points";

export function GroupBars(props: {
  title: string;
  group: string;
  points: readonly [reference: ChartPoint, focus: ChartPoint];
  format: (v: number) => string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const legendProps = useLegendProps();
  const { points, format } = props;
  const colors = [CHART_COLORS.reference, CHART_COLORS.focus];
  const series: GVBarChartSeriesPoint[] = points.flatMap((p, i) =>
    p.state === "value"
      ? [
          {
            key: p.label,
            legend: p.label,
            data: p.value!,
            color: colors[i],
            xAxisCalloutData: props.group,
            yAxisCalloutData: format(p.value!),
            callOutAccessibilityData: { ariaLabel: `${p.label}: ${format(p.value!)}` },
          },
        ]
      : [],
  );
  const missing = points.filter((p) => p.state !== "value");
  return (
    <ChartFigure title={props.title} height={280} points={points} testId={props.testId}>
      <GroupedVerticalBarChart
        data={[{ name: props.group, series }]}
        chartTitle={props.title}
        svgProps={{ "aria-label": props.title }}
        yAxisTickFormat={tickFormat("%")}
        margins={{ top: 24, bottom: 40, left: 52, right: 16 }}
        legendProps={legendProps}
        yMinValue={0}
        yMaxValue={100}
        maxBarWidth={64}
        barWidth="auto"
        roundCorners
        culture={i18n.language}
        annotations={missing.map((p, i) => ({
          id: `mark-${p.label}`,
          text: `${p.label}: ${p.state === "hidden" ? t("indicators.view.markHidden") : t("indicators.view.markNa")}`,
          coordinates: {
            type: "mixed",
            xCoordinateType: "data",
            yCoordinateType: "relative",
            x: props.group,
            y: 0.06 + 0.12 * i,
          },
          layout: { maxWidth: 200 },
          style: { backgroundColor: "transparent", borderColor: "transparent", boxShadow: "none" },
        }))}
      />
    </ChartFigure>
  );
}
