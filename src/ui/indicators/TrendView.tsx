// Saved results year on year: one row per indicator, each year's figure with its move since the year
// before judged by the indicator's direction of good, and whether the figure was computed or typed in. A year
// that begins a new series has a divider before it and says why, with no move (NewSeriesNote).
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
import { WideTable } from "../components/WideTable";
import { TrendMark } from "./TrendMark";
import { NewSeriesNote } from "./NewSeriesNote";
import { useTranslation } from "react-i18next";
import type { IndicatorResultRow } from "../../plan";
import { formatHeadline, headlinePlaces } from "./headline";
import { trendTable, type TrendCell } from "./trend";

const useStyles = makeStyles({
  number: { textAlign: "end", whiteSpace: "nowrap", "& .fui-TableHeaderCell__button": { justifyContent: "flex-end" } },
  cell: {
    display: "inline-grid",
    justifyItems: "end",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  move: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  origin: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  // The divider before a year that begins a new series: a thick line, not colour alone, so it shows in every theme.
  newSeries: {
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorNeutralStroke1,
  },
});

/** The move since the year before: the figure's arrow with "Improved", "Worsened" or "No change" (see TrendMark). */
function Move(props: { cell: TrendCell; places: number }) {
  const styles = useStyles();
  const { trend, year } = props.cell;
  if (trend === "not-comparable") return null;
  return (
    <span className={styles.move} data-year={year}>
      <TrendMark value={props.cell.value} previous={props.cell.previous} places={props.places} trend={trend} />
    </span>
  );
}

export function TrendView(props: { saved: IndicatorResultRow[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const table = trendTable(props.saved);
  return (
    <section aria-labelledby="wres-trend-heading">
      <h2 id="wres-trend-heading">{t("indicators.trend.title")}</h2>
      {table.years.length === 0 ? (
        <Text>{t("indicators.trend.empty")}</Text>
      ) : (
        <>
          <WideTable size="small" aria-label={t("indicators.trend.title")} data-testid="wres-trend">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("indicators.trend.indicator")}</TableHeaderCell>
                {table.years.map((y) => (
                  <TableHeaderCell key={y} className={styles.number}>
                    {y}
                  </TableHeaderCell>
                ))}
                <TableHeaderCell>{t("indicators.trend.good")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {table.rows.map((row) => (
                <TableRow key={row.indicator} data-indicator={row.indicator}>
                  <TableCell>{t(`indicators.short.i${row.indicator}`)}</TableCell>
                  {row.cells.map((cell, i) => (
                    <TableCell
                      key={table.years[i]}
                      className={mergeClasses(styles.number, cell?.newSeries ? styles.newSeries : undefined)}
                      data-year={table.years[i]}
                      data-origin={cell?.origin}
                      data-new-series={cell?.newSeries ? "" : undefined}
                    >
                      {cell ? (
                        <span className={styles.cell}>
                          <span>{formatHeadline(row.indicator, cell.value)}</span>
                          <Move cell={cell} places={headlinePlaces(row.indicator)} />
                          {cell.newSeries ? <NewSeriesNote start={cell.newSeries} /> : null}
                          {cell.origin === "entered" ? (
                            <span className={styles.origin} title={t("indicators.trend.enteredLong")}>
                              {t("indicators.trend.entered")}
                            </span>
                          ) : null}
                        </span>
                      ) : (
                        "–"
                      )}
                    </TableCell>
                  ))}
                  <TableCell>
                    {t(`indicators.direction.${row.direction.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WideTable>
          <Text size={200}>{t("indicators.trend.note")}</Text>
          {table.rows.some((r) => r.cells.some((c) => c?.newSeries)) ? (
            <Text size={200} block>
              {t("seriesBreak.trendNote")}
            </Text>
          ) : null}
        </>
      )}
    </section>
  );
}
