// An indicator's breakdowns (docs/wres-method.md#breakdowns) under its result: a Fluent Select chooses the
// dimension the data carry (ethnic group, specific category, gender, ethnic group and gender, directorate,
// division, staff group), and a chart and a table show it. The table is the chart's text alternative: one line
// per row and ethnic group (counts, share or rate, relative likelihood for 2-4), each row's total for indicator 1.
// Hidden figures show the one mark ("*"), explained by the view's note. The print copy has every breakdown's
// table and no chart. Also "teams with no BME member" (indicator 1), and the breakdowns a save had to leave out.
import { Fragment, useId, useMemo, useState } from "react";
import {
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { numberColumn } from "./number-column";
import { useTranslation } from "react-i18next";
import {
  HIDDEN_MARK,
  breakdownView,
  dimensionsIn,
  formatCount,
  formatPercent,
  formatRatio,
  tableOf,
  type BreakdownDimension,
  type BreakdownTable,
  type BreakdownView,
  type RelativeLikelihoodResult,
  type RepresentationResult,
  type ViewFigure,
} from "../../indicators";
import type { IndicatorNumber } from "../../plan";
import { WideTable } from "../components/WideTable";
import { CategoryBars } from "./charts/CategoryBars";
import { ChartFigure } from "./charts/ChartFigure";
import {
  TOTAL,
  breakdownLines,
  breakdownPlot,
  chartPoints,
  type BreakdownLine,
  type PlotPoint,
} from "./breakdown-display";
import type { LeftOut } from "./saved-results";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalM, minWidth: 0 },
  select: { maxWidth: "320px" },
  note: { color: tokens.colorNeutralForeground2, maxWidth: "80ch" },
  number: numberColumn,
  total: { fontWeight: tokens.fontWeightSemibold },
  caption: { fontWeight: tokens.fontWeightSemibold },
});

type T = (key: string, options?: Record<string, unknown>) => string;
type Result = RepresentationResult | RelativeLikelihoodResult;

const GENDER_ROWS = new Set(["female", "male", "other", "unknown"]);

/** The words for a breakdown's rows and columns, in the reader's language. */
function labels(t: T, dimension: BreakdownDimension) {
  const gendered = dimension === "gender" || dimension === "ethnic-group-gender";
  const row = (r: string) =>
    r === "all"
      ? t("breakdowns.row.all")
      : r === ""
        ? t("breakdowns.row.notRecorded")
        : gendered && GENDER_ROWS.has(r)
          ? t(`breakdowns.row.${r}`)
          : r;
  const column = (c: string) =>
    c === TOTAL
      ? t("breakdowns.column.total")
      : dimension === "ethnic-category"
        ? t(`breakdowns.category.${c}`, { defaultValue: c })
        : t(`breakdowns.column.${c}`, { defaultValue: c });
  const point = (labelBy: "row" | "column" | "both") => (p: PlotPoint) =>
    labelBy === "row" ? row(p.row) : labelBy === "column" ? column(p.column) : `${row(p.row)}: ${column(p.column)}`;
  return { row, column, point };
}

/** What a breakdown's rows are: ethnic group by gender has a row per gender. */
const rowDimension = (d: BreakdownDimension): BreakdownDimension => (d === "ethnic-group-gender" ? "gender" : d);

const count = (f: ViewFigure | null) => (f === null ? "" : formatCount(f.value, f.hidden ? HIDDEN_MARK : undefined));
const ratio = (f: ViewFigure | null) => (f === null ? "" : f.hidden ? HIDDEN_MARK : formatRatio(f.value));
const percentText = (v: number) => `${v.toFixed(1)}%`;

function BreakdownTableView(props: { id: string; table: BreakdownTable; view: BreakdownView; label: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { view } = props;
  const words = labels(t, view.dimension);
  const single = view.rows.length === 1;
  const likelihood = view.kind === "likelihood";
  const lines = breakdownLines(view);
  const byRow = view.rows.map((r) => ({ row: r.row, lines: lines.filter((l) => l.row === r.row) }));
  const share = (l: BreakdownLine) =>
    likelihood
      ? formatPercent(l.share.value === null ? null : l.share.value * 100, l.share.hidden)
      : formatPercent(l.share.value, l.share.hidden);
  return (
    <WideTable size="small" aria-label={props.label} data-testid={`breakdown-table-${props.id}-${view.dimension}`}>
      <TableHeader>
        <TableRow>
          {single ? null : (
            <TableHeaderCell>{t(`breakdowns.dimension.${rowDimension(view.dimension)}`)}</TableHeaderCell>
          )}
          <TableHeaderCell>
            {t(view.dimension === "ethnic-category" ? "breakdowns.categoryCol" : "breakdowns.groupCol")}
          </TableHeaderCell>
          <TableHeaderCell className={styles.number}>
            {likelihood ? t(`indicators.view.count${props.id}`) : t("breakdowns.staff")}
          </TableHeaderCell>
          {likelihood ? (
            <TableHeaderCell className={styles.number}>{t(`indicators.view.of${props.id}`)}</TableHeaderCell>
          ) : null}
          <TableHeaderCell className={styles.number}>
            {likelihood ? t("indicators.view.rate") : t("breakdowns.share")}
          </TableHeaderCell>
          {likelihood && view.dimension !== "ethnic-category" ? (
            <TableHeaderCell className={styles.number}>{t("breakdowns.likelihood")}</TableHeaderCell>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {byRow.map(({ row, lines: rowLines }) => (
          <Fragment key={row}>
            {rowLines.map((l, i) => (
              <TableRow key={`${row}|${l.column}`} className={l.column === TOTAL ? styles.total : undefined}>
                {single || i > 0 ? null : <TableCell rowSpan={rowLines.length}>{words.row(row)}</TableCell>}
                <TableCell>{words.column(l.column)}</TableCell>
                <TableCell className={styles.number}>{count(l.count)}</TableCell>
                {likelihood ? <TableCell className={styles.number}>{count(l.of)}</TableCell> : null}
                <TableCell className={styles.number}>{share(l)}</TableCell>
                {likelihood && view.dimension !== "ethnic-category" ? (
                  <TableCell className={styles.number}>{ratio(l.likelihood)}</TableCell>
                ) : null}
              </TableRow>
            ))}
          </Fragment>
        ))}
      </TableBody>
    </WideTable>
  );
}

function BreakdownChart(props: { id: string; result: Result; table: BreakdownTable; view: BreakdownView }) {
  const { t } = useTranslation();
  const { view } = props;
  const plot = breakdownPlot(props.table, view);
  const words = labels(t, view.dimension);
  // "Each ethnic group as a share of each gender": that chart's categories are the rows.
  const dimension = t(
    `breakdowns.dimensionLower.${plot.kind === "group-share" ? rowDimension(view.dimension) : view.dimension}`,
  );
  const points = chartPoints(plot, words.point(plot.labelBy));
  if (points.length === 0) return null;
  const rep = props.result.kind === "representation" ? props.result : null;
  const line =
    plot.kind === "likelihood"
      ? { label: t("breakdowns.parity"), value: 1 }
      : plot.kind === "focus-share" && rep
        ? { label: t("indicators.view.overallLine"), value: rep.overall.suppressed?.bmePct ? null : rep.overall.bmePct }
        : undefined;
  const title = {
    share: "breakdowns.chartShare",
    "focus-share": "breakdowns.chartFocusShare",
    "group-share": "breakdowns.chartGroupShare",
    likelihood: "breakdowns.chartLikelihood",
    rate: "breakdowns.chartRate",
  }[plot.kind];
  const series = plot.kind === "likelihood" ? "seriesLikelihood" : plot.kind === "rate" ? "seriesRate" : "seriesShare";
  // Nothing to draw (every figure hidden or not calculable): the caption and, in words, why there are no bars.
  if (!points.some((p) => p.state === "value"))
    return (
      <ChartFigure title={t(title, { dimension })} height={0} points={points} testId={`breakdown-chart-${props.id}`} />
    );
  return (
    <CategoryBars
      title={t(title, { dimension })}
      series={t(`breakdowns.${series}`)}
      points={points}
      format={plot.kind === "likelihood" ? (v) => v.toFixed(2) : percentText}
      unit={plot.kind === "likelihood" ? "" : "%"}
      {...(line ? { line } : {})}
      testId={`breakdown-chart-${props.id}`}
    />
  );
}

/**
 * `copy` names the print copy: every breakdown's table, no chooser and no chart. The choice is kept while the
 * view stays on screen, whichever indicator it shows (a dimension the next indicator lacks falls back to its first).
 */
export function BreakdownChooser(props: { id: string; result: Result; copy?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const selectId = useId();
  const headingId = useId();
  const [chosen, setChosen] = useState<BreakdownDimension | null>(null);
  const { result } = props;
  const dimensions = useMemo(() => dimensionsIn(result), [result]);
  const current = chosen !== null && dimensions.includes(chosen) ? chosen : (dimensions[0] ?? null);
  const suffix = props.copy ? `${props.copy}-${props.id}` : props.id;
  const indicator = t(`indicators.short.i${props.id}`);
  const teams = result.kind === "representation" ? result.teamsWithoutFocus : undefined;
  const shown = props.copy ? dimensions : current !== null ? [current] : [];
  const views = shown.flatMap((d) => {
    const table = tableOf(result, d);
    return table ? [{ dimension: d, table, view: breakdownView(table) }] : [];
  });
  const tableLabel = (d: BreakdownDimension) =>
    t("breakdowns.tableLabel", { indicator, dimension: t(`breakdowns.dimensionLower.${d}`) });

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={`breakdowns-${suffix}`}>
      <h4 id={headingId}>{props.copy ? t("breakdowns.printHeading", { indicator }) : t("breakdowns.heading")}</h4>
      {teams ? (
        <Text data-testid={`teams-without-${suffix}`}>
          {t("breakdowns.teams", { without: teams.without, teams: teams.teams })}
        </Text>
      ) : null}
      {dimensions.length === 0 ? <Text className={styles.note}>{t("breakdowns.none")}</Text> : null}
      {!props.copy && current !== null ? (
        <Field label={t("breakdowns.choose")} className={styles.select}>
          <Select
            id={selectId}
            value={current}
            onChange={(_, data) => setChosen(data.value as BreakdownDimension)}
            data-testid={`breakdown-choose-${suffix}`}
          >
            {dimensions.map((d) => (
              <option key={d} value={d}>
                {t(`breakdowns.dimension.${d}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {views.map(({ dimension, table, view }) => (
        <Fragment key={dimension}>
          {props.copy ? (
            <Text as="p" className={styles.caption}>
              {t(`breakdowns.dimension.${dimension}`)}
            </Text>
          ) : (
            <BreakdownChart id={props.id} result={result} table={table} view={view} />
          )}
          <BreakdownTableView id={suffix} table={table} view={view} label={tableLabel(dimension)} />
        </Fragment>
      ))}
      {views.some((v) => v.view.kind === "likelihood" && v.dimension !== "ethnic-category") ? (
        <Text className={styles.note}>{t("breakdowns.likelihoodNote")}</Text>
      ) : null}
    </section>
  );
}

/** The breakdowns a save left out (too long for SharePoint's note column), by indicator; nothing when none. */
export function BreakdownsLeftOut(props: { leftOut: LeftOut }) {
  const { t } = useTranslation();
  const entries = Object.entries(props.leftOut).filter(([, dims]) => dims && dims.length > 0);
  if (entries.length === 0) return null;
  const list = entries
    .map(([n, dims]) =>
      t("breakdowns.leftOutItem", {
        indicator: t(`indicators.short.i${n as `${IndicatorNumber}`}`),
        dimensions: dims!.map((d) => t(`breakdowns.dimensionLower.${d}`)).join(", "),
      }),
    )
    .join("; ");
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="breakdowns-left-out">
      <MessageBarBody>{t("breakdowns.leftOut", { list })}</MessageBarBody>
    </MessageBar>
  );
}
