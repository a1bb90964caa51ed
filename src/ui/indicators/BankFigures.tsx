// The bank-only workforce's figures for one indicator, shown beside the substantive ones and labelled "Bank
// workers" (docs/bank-workforce.md): their own population, never added to the figures above them. From the
// protected copy (`doc.bank`), so every hidden figure shows as "*". Their own trend is TrendView's `bank` table.
import {
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
  AFC_BANDS,
  MEDICAL_SUBGROUPS,
  formatCount,
  formatPercent,
  formatRatio,
  reasonNote,
  type Counts,
  type RelativeLikelihoodResult,
  type RepresentationResult,
  type ResultsDocument,
} from "../../indicators";
import { WideTable } from "../components/WideTable";
import { noteText } from "./method-note";

const useStyles = makeStyles({
  section: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorBrandStroke1,
    paddingLeft: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalM,
  },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2, maxWidth: "80ch" },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  number: { ...numberColumn, whiteSpace: "nowrap" },
});

type T = (key: string, options?: Record<string, unknown>) => string;

const count = (c: Counts, key: "white" | "bme" | "unknown" | "total") => formatCount(c[key], c.suppressed?.[key]);
const pct = (c: Counts) => formatPercent(c.bmePct, Boolean(c.suppressed?.bmePct));

/** Bank workers by band (AfC bands, clinical and non-clinical together) and medical grade, with the BME share. */
function BankRepresentation(props: { rep: RepresentationResult; t: T }) {
  const { rep, t } = props;
  const styles = useStyles();
  const rows: [string, Counts][] = [[t("bankWorkers.all"), rep.overall]];
  for (const band of AFC_BANDS) {
    const c = rep.bands[band];
    if (c && c.total !== 0)
      rows.push([band === "VSM" ? t("indicators.view.vsm") : t("indicators.view.band", { band }), c]);
  }
  for (const sub of MEDICAL_SUBGROUPS) {
    const c = rep.cohorts.medical[sub];
    if (c && c.total !== 0) rows.push([t(`indicators.medical.${sub}`), c]);
  }
  return (
    <WideTable size="small" aria-label={t("bankWorkers.byBand")} data-testid="wres-bank-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("bankWorkers.byBand")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.group.white")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.group.bme")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.group.unknown")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.view.total")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.view.bmePct")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([label, c]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell className={styles.number}>{count(c, "white")}</TableCell>
            <TableCell className={styles.number}>{count(c, "bme")}</TableCell>
            <TableCell className={styles.number}>{count(c, "unknown")}</TableCell>
            <TableCell className={styles.number}>{count(c, "total")}</TableCell>
            <TableCell className={styles.number}>{pct(c)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

/** A bank relative likelihood: the figure (or why it is not given) and its four counts. */
function BankLikelihood(props: { id: string; rl: RelativeLikelihoodResult; t: T }) {
  const { id, rl, t } = props;
  const styles = useStyles();
  return (
    <>
      <Text className={styles.figure} data-testid="wres-bank-rl">
        {t("bankWorkers.rl", { value: formatRatio(rl.value) })}
        {rl.ci95 ? ` ${t("indicators.view.ci", { low: rl.ci95[0].toFixed(2), high: rl.ci95[1].toFixed(2) })}` : ""}
      </Text>
      {rl.reason ? <Text>{noteText(t, reasonNote(rl.reason, rl.reasonGroup), true)}</Text> : null}
      <WideTable size="small" aria-label={t("bankWorkers.counts")} data-testid="wres-bank-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("indicators.view.groupCol")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t(`indicators.view.count${id}`)}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t(`indicators.view.of${id}`)}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.view.rate")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(["white", "bme"] as const).map((g) => {
            const f = rl[g];
            return (
              <TableRow key={g}>
                <TableCell>{t(`indicators.group.${g}`)}</TableCell>
                <TableCell className={styles.number}>{formatCount(f.count, f.suppressed?.count)}</TableCell>
                <TableCell className={styles.number}>{formatCount(f.of, f.suppressed?.of)}</TableCell>
                <TableCell className={styles.number}>
                  {formatPercent(f.rate === null ? null : f.rate * 100, Boolean(f.suppressed?.rate))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </WideTable>
    </>
  );
}

/** The bank workers' figures for indicator `id`, or nothing when the data have none for it. */
export function BankFigures(props: { id: string; bank: ResultsDocument | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const result = props.bank?.indicators[props.id];
  if (!result || (result.kind !== "representation" && result.kind !== "relative-likelihood")) return null;
  const heading = `wres-bank-heading-${props.id}`;
  return (
    <section className={styles.section} aria-labelledby={heading} data-testid="wres-bank-figures">
      <h3 id={heading} className={styles.heading}>
        {t("bankWorkers.title")}
      </h3>
      <Text className={styles.note}>{t("bankWorkers.note")}</Text>
      {result.kind === "representation" ? (
        <BankRepresentation rep={result} t={t} />
      ) : (
        <BankLikelihood id={props.id} rl={result} t={t} />
      )}
    </section>
  );
}

/** The bank figures' trend: each year's saved headline under the bank standard, oldest year first. */
