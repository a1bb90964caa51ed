// One objective on the overview: rolled-up RAG, owner, sponsor, indicators, progress, overdue actions.
import { Card, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../i18n";
import type { ObjectiveSummary, IndicatorNumber } from "../../plan";
import { formatHeadline } from "../indicators/headline";
import { usePlanContext } from "../state/PlanContext";
import { RagBadge } from "./RagBadge";

const useStyles = makeStyles({
  card: { height: "100%", boxSizing: "border-box" },
  head: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Labels take their width up to 40% of the card and wrap beyond it: a long Welsh label ("Y ffigurau
  // diweddaraf a gadwyd") must not squeeze the values into a column one syllable wide at 320 px.
  facts: {
    display: "grid",
    gridTemplateColumns: "fit-content(40%) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, overflowWrap: "anywhere" },
  overdueList: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalXS },
  overdueItem: { display: "grid" },
  overdueLink: { textAlign: "start" },
  overdueHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** The newest saved value of one indicator (from the indicator results list). */
export interface LatestIndicatorValue {
  year: string;
  value: number | null;
}

export function ObjectiveCard(props: {
  model: ObjectiveSummary;
  onOpen: () => void;
  onOpenAction: (id: number) => void;
  latest?: ReadonlyMap<IndicatorNumber, LatestIndicatorValue>;
}) {
  const { t } = useTranslation();
  const { locale } = usePlanContext();
  const styles = useStyles();
  const { objective, rollUp, progress, overdue } = props.model;
  const headingId = `objective-${objective.id}-title`;
  const latest = objective.indicators.flatMap((n) => {
    const saved = props.latest?.get(n);
    return saved ? [{ n, ...saved }] : [];
  });
  return (
    <Card className={styles.card} aria-labelledby={headingId} role="article">
      <div className={styles.head}>
        <h3 className={styles.title} id={headingId}>
          <Link as="button" onClick={props.onOpen}>
            {t("objective.numbered", { number: objective.number, title: objective.title })}
          </Link>
        </h3>
        <RagBadge rag={rollUp.rag} />
      </div>
      {rollUp.source === "override" ? (
        <Text size={200}>
          {t("objective.overridden", {
            reason: rollUp.reason ?? "",
            computed: rollUp.computed ? t(`rag.${rollUp.computed}`) : t("rag.none"),
          })}
        </Text>
      ) : null}
      <dl className={styles.facts}>
        <dt className={styles.term}>{t("objective.owner")}</dt>
        <dd className={styles.detail}>{objective.owner?.title ?? t("common.notSet")}</dd>
        <dt className={styles.term}>{t("objective.sponsor")}</dt>
        <dd className={styles.detail}>{objective.sponsor?.title ?? t("common.notSet")}</dd>
        <dt className={styles.term}>{t("objective.indicators")}</dt>
        <dd className={styles.detail}>
          {objective.indicators.length
            ? objective.indicators.map((n) => t("indicator.short", { n })).join(", ")
            : t("common.none")}
        </dd>
        {latest.length > 0 ? (
          <>
            <dt className={styles.term}>{t("indicators.latest.title")}</dt>
            <dd className={styles.detail} data-testid={`objective-${objective.id}-latest`}>
              {latest
                .map((l) => t("indicators.latest.value", { n: l.n, value: formatHeadline(l.n, l.value), year: l.year }))
                .join("; ")}
            </dd>
          </>
        ) : null}
        <dt className={styles.term}>{t("objective.progress")}</dt>
        <dd className={styles.detail}>
          {progress.total === 0
            ? t("objective.noActions")
            : t("objective.progressCounts", {
                blue: progress.complete,
                green: progress.onTrack,
                amber: progress.atRisk,
                red: progress.offTrack,
                total: progress.total,
              })}
        </dd>
      </dl>
      {overdue.length > 0 ? (
        <div>
          <h4 className={styles.overdueHeading}>{t("objective.overdueHeading", { n: overdue.length })}</h4>
          <ul className={styles.overdueList}>
            {overdue.map((action) => (
              <li key={action.id} className={styles.overdueItem}>
                <Link as="button" className={styles.overdueLink} onClick={() => props.onOpenAction(action.id)}>
                  {t("action.numbered", { number: action.number, title: action.title })}
                </Link>
                <Text size={200}>{t("action.dueOn", { date: formatDate(action.dueDate, locale) })}</Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
