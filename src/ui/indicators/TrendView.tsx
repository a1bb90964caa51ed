// Saved results year on year: one row per indicator, an arrow per year that respects the indicator's direction.
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownRegular, ArrowRightRegular, ArrowUpRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { IndicatorResultRow } from "../../plan/types";
import { formatHeadline, trendTable, type TrendCell } from "./view";

const useStyles = makeStyles({
  number: { textAlign: "end", whiteSpace: "nowrap", "& .fui-TableHeaderCell__button": { justifyContent: "flex-end" } },
  improved: { color: tokens.colorPaletteGreenForeground1 },
  worsened: { color: tokens.colorPaletteRedForeground1 },
  arrow: { verticalAlign: "middle", marginInlineStart: tokens.spacingHorizontalXS },
});

function Move(props: { cell: TrendCell }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { trend, value, year } = props.cell;
  if (trend === "not-comparable") return null;
  // The arrow shows which way the figure moved; its colour and words say whether that is better.
  const label = t(`indicators.trend.${trend}`);
  const Icon = trend === "unchanged" ? ArrowRightRegular : null;
  return (
    <span className={trend === "improved" ? styles.improved : trend === "worsened" ? styles.worsened : undefined} title={label} data-trend={trend} data-year={year}>
      {Icon ? <Icon className={styles.arrow} aria-hidden /> : value !== null ? <Direction up={trend} /> : null}
      <span className="visually-hidden"> ({label})</span>
    </span>
  );
}

function Direction(props: { up: string }) {
  const styles = useStyles();
  return props.up === "improved" ? <ArrowUpRegular className={styles.arrow} aria-hidden /> : <ArrowDownRegular className={styles.arrow} aria-hidden />;
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
          <Table size="small" aria-label={t("indicators.trend.title")} data-testid="wres-trend">
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
                <TableRow key={row.indicator}>
                  <TableCell>{t(`indicators.short.i${row.indicator}`)}</TableCell>
                  {row.cells.map((cell, i) => (
                    <TableCell key={table.years[i]} className={styles.number}>
                      {cell ? (
                        <>
                          {formatHeadline(row.indicator, cell.value)}
                          <Move cell={cell} />
                        </>
                      ) : (
                        "–"
                      )}
                    </TableCell>
                  ))}
                  <TableCell>{t(`indicators.direction.${row.direction.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text size={200}>{t("indicators.trend.note")}</Text>
        </>
      )}
    </section>
  );
}
