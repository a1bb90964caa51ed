// Indicators 2-4: the relative likelihood as a point with its 95% confidence interval, over the
// non-adverse band (0.80-1.25) and the parity line at 1.00. Fluent's LineChart draws it: the band is a
// colour-fill bar, parity a dashed vertical line, the interval a line through the point; the y axis
// carries nothing (there is one figure).
import { LineChart, type LineChartPoints } from "@fluentui/react-charts";
import { Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatRatio } from "../../../indicators";
import { CHART_COLORS, ChartFigure, useLegendProps } from "./ChartFigure";
import { likelihoodRange, likelihoodTicks, type PointState } from "./points";

export function LikelihoodChart(props: {
  title: string;
  value: number | null;
  state: PointState;
  ci: [number, number] | null;
  band: { low: number; high: number };
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const legendProps = useLegendProps();
  const { value, ci, band } = props;
  if (value === null || props.state !== "value") {
    // Nothing to plot: say so in words, differently for a hidden figure and one that cannot be calculated.
    return (
      <ChartFigure
        title={props.title}
        height={0}
        testId={props.testId}
        after={
          <Text>{props.state === "hidden" ? t("indicators.view.rlHidden") : t("indicators.view.rlNotCalculable")}</Text>
        }
      />
    );
  }
  const range = likelihoodRange([value, ci?.[0] ?? null, ci?.[1] ?? null], band);
  const y = 1;
  const rl = `${t("indicators.view.rl")} ${formatRatio(value)}`;
  const series: LineChartPoints[] = [];
  if (ci) {
    const ciText = t("indicators.view.ciLegend", { low: formatRatio(ci[0]), high: formatRatio(ci[1]) });
    series.push({
      legend: ciText,
      color: CHART_COLORS.focus,
      lineOptions: { strokeWidth: 2 },
      data: ci.map((x) => ({
        x,
        y,
        xAxisCalloutData: formatRatio(x),
        yAxisCalloutData: ciText,
        callOutAccessibilityData: { ariaLabel: ciText },
      })),
    });
  }
  series.push({
    legend: rl,
    legendShape: "circle",
    // In the text colour, so the point stands out from the interval line it sits on.
    color: CHART_COLORS.line,
    data: [
      {
        x: value,
        y,
        xAxisCalloutData: formatRatio(value),
        yAxisCalloutData: rl,
        text: rl,
        callOutAccessibilityData: { ariaLabel: rl },
      },
    ],
  });
  const parity = `${t("indicators.view.parity")} 1.00`;
  series.push({
    legend: parity,
    legendShape: "dottedLine",
    color: CHART_COLORS.line,
    lineOptions: { strokeDasharray: "6 4", strokeWidth: 2 },
    hideNonActiveDots: true,
    data: [
      { x: 1, y: 0, hideCallout: true },
      { x: 1, y: 2, hideCallout: true },
    ],
  });
  return (
    <ChartFigure title={props.title} height={220} testId={props.testId}>
      <LineChart
        data={{ chartTitle: props.title, lineChartData: series }}
        svgProps={{ "aria-label": props.title }}
        colorFillBars={[
          {
            legend: `${t("indicators.view.bandLabel")} ${formatRatio(band.low)}–${formatRatio(band.high)}`,
            color: CHART_COLORS.band,
            data: [{ startX: band.low, endX: band.high }],
          },
        ]}
        xMinValue={range.min}
        xMaxValue={range.max}
        tickValues={likelihoodTicks(range, band)}
        tickFormat=".2f"
        yMinValue={0}
        yMaxValue={2}
        yAxisTickValues={[]}
        yAxisTickFormat={() => ""}
        xAxisTitle={t("indicators.view.rl")}
        margins={{ top: 10, bottom: 60, left: 16, right: 24 }}
        legendProps={legendProps}
        culture={i18n.language}
      />
    </ChartFigure>
  );
}
