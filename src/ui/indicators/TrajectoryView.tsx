// On the trend: each target's trajectory, a straight line each year from the baseline year's saved
// figure to the target at the target year, with our figures against it. A small chart (the line dashed,
// our figures as dots) whose text alternative sums it up, and a table that says it all in words: each
// year's trajectory value, our figure and whether it is on track, the target year marked.
import {
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { numberColumn } from "./number-column";
import { useTranslation } from "react-i18next";
import type { IndicatorFigure, IndicatorResultRow, TrajectoryPoint } from "../../plan";
import { WideTable } from "../components/WideTable";
import { directionKey } from "./FigureDialog";
import { formatHeadline } from "./headline";
import { targetTrajectories, type TargetTrajectory } from "./trajectory";

const useStyles = makeStyles({
  block: { display: "grid", gap: tokens.spacingVerticalS, marginBlockStart: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  chart: { width: "100%", maxWidth: "480px", height: "auto" },
  number: { ...numberColumn, whiteSpace: "nowrap" },
  on: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  off: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  status: { whiteSpace: "nowrap" },
});

const W = 320;
const H = 120;
const PAD = 12;

function Chart(props: { points: TrajectoryPoint[]; label: string }) {
  const styles = useStyles();
  const values = props.points.flatMap((p) => (p.actual === null ? [p.expected] : [p.expected, p.actual]));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const x = (i: number) => PAD + (props.points.length > 1 ? (i * (W - 2 * PAD)) / (props.points.length - 1) : 0);
  const y = (v: number) => H - PAD - ((v - lo) * (H - 2 * PAD)) / span;
  const line = props.points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.expected).toFixed(1)}`)
    .join(" ");
  return (
    <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.label}>
      <path d={line} fill="none" stroke={tokens.colorNeutralForeground2} strokeWidth={2} strokeDasharray="6 4" />
      {/* On track a filled circle, off track a square: told apart by shape as well as colour (high contrast). */}
      {props.points.map((p, i) =>
        p.actual === null ? null : p.status === "on-track" ? (
          <circle
            key={p.year}
            cx={x(i)}
            cy={y(p.actual)}
            r={5}
            fill={tokens.colorPaletteGreenForeground1}
            stroke={tokens.colorNeutralForeground1}
            strokeWidth={1}
          />
        ) : (
          <rect
            key={p.year}
            x={x(i) - 5}
            y={y(p.actual) - 5}
            width={10}
            height={10}
            fill={tokens.colorPaletteRedForeground1}
            stroke={tokens.colorNeutralForeground1}
            strokeWidth={1}
          />
        ),
      )}
    </svg>
  );
}

function OneTrajectory(props: { item: TargetTrajectory }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { indicator, target, trajectory } = props.item;
  const fmt = (v: number | null) => formatHeadline(indicator, v);
  const headingId = `wres-trajectory-${target.id}`;
  const heading = t("targets.trajectory.heading", {
    indicator: t(`indicators.short.i${indicator}`),
    value: fmt(target.value),
    year: target.year,
  });
  if (!trajectory.ok)
    return (
      <div className={styles.block} data-testid="wres-trajectory" data-indicator={indicator}>
        <h4 id={headingId} className={styles.heading}>
          {heading}
        </h4>
        <Text>{t(`targets.trajectory.reason.${trajectory.reason}`, { year: target.baselineYear ?? "" })}</Text>
      </div>
    );
  const judged = trajectory.points.filter((p) => p.status !== "no-figure");
  const summary = t("targets.trajectory.summary", {
    on: judged.filter((p) => p.status === "on-track").length,
    of: judged.length,
  });
  return (
    <div className={styles.block} data-testid="wres-trajectory" data-indicator={indicator}>
      <h4 id={headingId} className={styles.heading}>
        {heading}
      </h4>
      <Text>
        {t("targets.trajectory.from", {
          baseline: fmt(trajectory.baseline),
          baselineYear: trajectory.baselineYear,
          direction: t(directionKey(trajectory.direction)),
        })}{" "}
        {summary}
      </Text>
      <Chart
        points={trajectory.points}
        label={t("targets.trajectory.chart", { value: fmt(target.value), year: target.year, summary })}
      />
      <WideTable size="small" aria-label={heading}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("targets.trajectory.year")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("targets.trajectory.expected")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("targets.trajectory.ours")}</TableHeaderCell>
            <TableHeaderCell>{t("targets.trajectory.status")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {trajectory.points.map((p) => (
            <TableRow key={p.year} data-year={p.year} data-status={p.status}>
              <TableCell>
                {p.year === trajectory.targetYear ? t("targets.trajectory.targetYear", { year: p.year }) : p.year}
              </TableCell>
              <TableCell className={styles.number}>{fmt(p.expected)}</TableCell>
              <TableCell className={styles.number}>{fmt(p.actual)}</TableCell>
              <TableCell>
                <span
                  className={mergeClasses(
                    styles.status,
                    p.status === "on-track" ? styles.on : p.status === "off-track" ? styles.off : undefined,
                  )}
                >
                  {t(`targets.trajectory.${p.status}`)}
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WideTable>
    </div>
  );
}

export function TrajectoryView(props: { saved: readonly IndicatorResultRow[]; figures: readonly IndicatorFigure[] }) {
  const { t } = useTranslation();
  const items = targetTrajectories(props.saved, props.figures);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="wres-trajectory-heading">
      <h3 id="wres-trajectory-heading">{t("targets.trajectory.title")}</h3>
      {items.map((item) => (
        <OneTrajectory key={item.target.id} item={item} />
      ))}
    </section>
  );
}
