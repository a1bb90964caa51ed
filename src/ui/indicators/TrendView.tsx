// Saved results year on year: one row per indicator, each year's figure with its move since the year
// before judged by the indicator's direction of good, and whether the figure was computed or typed in. A year
// that begins a new series has a divider before it and says why, with no move (NewSeriesNote). The bank
// workers' figures have a table of their own (`bank`), from the rows saved under their own standard.
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
import { WideTable } from "../components/WideTable";
import { TrendMark } from "./TrendMark";
import { NewSeriesNote } from "./NewSeriesNote";
import { useTranslation } from "react-i18next";
import type { IndicatorResultRow } from "../../plan";
import { BANK_STANDARD_ID, formatHeadline, headlinePlaces, STANDARD_ID } from "./headline";
import { trendTable, type TrendCell } from "./trend";

const useStyles = makeStyles({
  number: { ...numberColumn, whiteSpace: "nowrap" },
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

export function TrendView(props: { saved: IndicatorResultRow[]; bank?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const table = trendTable(props.saved, props.bank ? BANK_STANDARD_ID : STANDARD_ID);
  // The bank workers' table sits under the substantive one, and only once a bank figure has been saved.
  if (props.bank && table.years.length === 0) return null;
  const id = props.bank ? "wres-bank-trend" : "wres-trend";
  const title = t(props.bank ? "bankWorkers.trend" : "indicators.trend.title");
  const Heading = props.bank ? "h3" : "h2";
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{title}</Heading>
      {table.years.length === 0 ? (
        <Text>{t("indicators.trend.empty")}</Text>
      ) : (
        <>
          <WideTable size="small" aria-label={title} data-testid={id}>
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
