// The plan at a glance: actions by RAG, overdue, last updated.
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { CalendarErrorRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "../../i18n";
import { RAGS, type PlanSummary } from "../../plan";
import { usePlanContext } from "../state/PlanContext";
import { RagBadge } from "./RagBadge";

const useStyles = makeStyles({
  band: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: 0,
    margin: 0,
    listStyleType: "none",
  },
  item: {
    display: "grid",
    justifyItems: "start",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: "96px",
  },
  figure: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  overdue: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  caption: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontWeight: tokens.fontWeightSemibold },
  updated: { color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS, display: "block" },
});

export function SummaryBand(props: { summary: PlanSummary }) {
  const { t } = useTranslation();
  const { locale } = usePlanContext();
  const styles = useStyles();
  const { summary } = props;
  const total = RAGS.reduce((sum, rag) => sum + summary.actionsByRag[rag], 0);
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        {t("overview.summaryHeading")}
      </h2>
      {/* The figures are counts of actions, not of objectives: say so above them. */}
      <Text as="p" className={styles.caption} id="summary-counts">
        {t("welcome.counts", { n: formatNumber(total, locale) })}
      </Text>
      <ul className={styles.band} aria-labelledby="summary-counts">
        {RAGS.map((rag) => (
          <li key={rag} className={styles.item}>
            <span className={styles.figure}>{formatNumber(summary.actionsByRag[rag], locale)}</span>
            <RagBadge rag={rag} />
          </li>
        ))}
        <li className={styles.item}>
          <span className={styles.figure}>{formatNumber(summary.overdue, locale)}</span>
          <span className={styles.overdue}>
            <CalendarErrorRegular aria-hidden />
            {t("overview.overdue")}
          </span>
        </li>
      </ul>
      <Text size={200} className={styles.updated}>
        {summary.lastModified
          ? t("overview.lastUpdated", { when: formatDateTime(summary.lastModified, locale) })
          : t("overview.neverUpdated")}
      </Text>
    </section>
  );
}
