// My actions: the signed-in person's actions across objectives, overdue first, each with a quick update.
import { useState } from "react";
import { Button, Card, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { isOverdue } from "../../plan";
import { formatDate } from "../../i18n";
import { QuickUpdate } from "../components/QuickUpdate";
import { RagBadge } from "../components/RagBadge";
import { canUpdate, myActions } from "../state/planView";
import { usePlan } from "../state/PlanContext";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  head: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "flex-start",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function MyActions(props: { onOpenAction: (id: number) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { snapshot, me, today, locale, capabilities } = usePlan();
  const [open, setOpen] = useState<number | null>(null);
  const mine = myActions(snapshot, me, today);
  return (
    <section className={styles.root} aria-labelledby="my-actions-heading">
      <h2 id="my-actions-heading" className={styles.heading}>
        {t("mine.heading", { name: me.title })}
      </h2>
      {mine.length === 0 ? (
        <Text>{t("mine.empty")}</Text>
      ) : (
        <ul className={styles.list}>
          {mine.map((action) => {
            const objective = snapshot.objectives.find((o) => o.id === action.objectiveId);
            const overdue = isOverdue(action, today);
            return (
              <li key={action.id}>
                <Card aria-labelledby={`mine-${action.id}`} role="article">
                  <div className={styles.head}>
                    <h3 className={styles.title} id={`mine-${action.id}`}>
                      <Link as="button" onClick={() => props.onOpenAction(action.id)}>
                        {t("action.numbered", { number: action.number, title: action.title })}
                      </Link>
                    </h3>
                    <RagBadge rag={action.rag} />
                  </div>
                  <Text size={200} className={styles.meta}>
                    {objective ? t("objective.numbered", { number: objective.number, title: objective.title }) : null}
                  </Text>
                  <Text size={200}>
                    {action.dueDate
                      ? t("action.dueOn", { date: formatDate(action.dueDate, locale) })
                      : t("action.noDueDate")}
                    {overdue ? <span className={styles.overdue}> · {t("action.overdue")}</span> : null}
                  </Text>
                  {canUpdate(action, me, capabilities, objective) ? (
                    open === action.id ? (
                      <QuickUpdate
                        key={action.etag}
                        action={action}
                        onDone={() => setOpen(null)}
                        onCancel={() => setOpen(null)}
                      />
                    ) : (
                      <div>
                        <Button
                          appearance={action.rag === "Blue" ? "secondary" : "primary"}
                          onClick={() => setOpen(action.id)}
                          aria-label={
                            action.rag === "Blue"
                              ? t("completeAction.updateFor", { number: action.number })
                              : t("update.openFor", { number: action.number })
                          }
                        >
                          {action.rag === "Blue" ? t("completeAction.update") : t("update.open")}
                        </Button>
                      </div>
                    )
                  ) : null}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
