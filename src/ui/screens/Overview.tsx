// Plan overview: the summary band and a card per objective.
import { useEffect, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, NumberSymbolRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { ObjectiveCard, type LatestIndicatorValue } from "../components/ObjectiveCard";
import { SummaryBand } from "../components/SummaryBand";
import { capabilitiesForYear, summarisePlan, type IndicatorNumber } from "../../plan";
import { usePlan } from "../state/PlanContext";
import { latestByIndicator, STANDARD_ID } from "../indicators/headline";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalL },
  head: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  tools: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  intro: { margin: 0, maxWidth: "80ch" },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 320px), 1fr))",
    gap: tokens.spacingHorizontalM,
    listStyleType: "none",
    padding: 0,
    margin: 0,
  },
});

export function Overview(props: {
  onOpenObjective: (id: number) => void;
  onOpenAction: (id: number) => void;
  onAddObjective: () => void;
  onRenumberObjectives: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { snapshot, today, capabilities: siteCapabilities, store } = usePlan();
  // A closed year takes no new objectives and no renumbering.
  const capabilities = capabilitiesForYear(snapshot.objectives, siteCapabilities);
  const [latest, setLatest] = useState<ReadonlyMap<IndicatorNumber, LatestIndicatorValue>>(new Map());
  useEffect(() => {
    let live = true;
    // The latest saved figures are a nicety on the cards: if they cannot be read, the cards simply omit them.
    store
      .indicatorResults(STANDARD_ID)
      .then((rows) => {
        if (live) setLatest(latestByIndicator(rows));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [store]);
  const summary = summarisePlan(snapshot, today);
  const cards = summary.objectives;
  return (
    <div className={styles.root}>
      {/* A newcomer's first screen says what this is. */}
      <Text as="p" className={styles.intro} data-testid="overview-intro">
        {t("welcome.line", { year: snapshot.year })}
      </Text>
      <SummaryBand summary={summary} />
      <section aria-labelledby="objectives-heading" className={styles.root}>
        <div className={styles.head}>
          <h2 id="objectives-heading" className={styles.heading}>
            {t("overview.objectivesHeading")}
          </h2>
          {capabilities.editPlan ? (
            <div className={styles.tools}>
              <Button appearance="primary" icon={<AddRegular />} onClick={props.onAddObjective}>
                {t("objective.add")}
              </Button>
              {cards.length > 0 ? (
                <Button icon={<NumberSymbolRegular />} onClick={props.onRenumberObjectives}>
                  {t("renumberObjectives.open")}
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
        {cards.length === 0 ? (
          <Text>{t("overview.noObjectives")}</Text>
        ) : (
          <ul className={styles.grid}>
            {cards.map((model) => (
              <li key={model.objective.id}>
                <ObjectiveCard
                  model={model}
                  onOpen={() => props.onOpenObjective(model.objective.id)}
                  onOpenAction={props.onOpenAction}
                  latest={latest}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
