// The plan's actions that address one indicator: number, title, RAG in words and an overdue flag,
// so the results view says what the trust is doing about each gap.
import { Badge, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { isOverdue, sortByNumber, type Action, type IndicatorNumber } from "../../plan";
import { RagBadge } from "../components/RagBadge";
import { itemHref } from "../meeting/route";
import { useOpenItem } from "../state/openItem";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  title: { overflowWrap: "anywhere" },
});

export function linkedActions(actions: readonly Action[], indicator: IndicatorNumber): Action[] {
  return sortByNumber(actions.filter((a) => a.indicators.includes(indicator)));
}

export function LinkedActions(props: {
  indicator: IndicatorNumber;
  actions: readonly Action[];
  today: string;
  copy?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const open = useOpenItem();
  const linked = linkedActions(props.actions, props.indicator);
  const suffix = props.copy ? `${props.copy}-${props.indicator}` : String(props.indicator);
  const headingId = `wres-linked-${suffix}`;
  return (
    <section aria-labelledby={headingId} data-testid={`linked-actions-${suffix}`}>
      <h4 id={headingId}>{t("indicators.linked.title", { n: props.indicator })}</h4>
      {linked.length === 0 ? (
        <Text>{t("indicators.linked.none")}</Text>
      ) : (
        <ul className={styles.list}>
          {linked.map((action) => (
            <li key={action.id} className={styles.item}>
              {/* Opens the action: in the tab, its panel; from a print view, the tab at that action. */}
              <Link
                className={styles.title}
                href={itemHref(location.href, { action: action.id })}
                onClick={(event) => {
                  if (!open || event.ctrlKey || event.metaKey || event.shiftKey) return;
                  event.preventDefault();
                  open.openAction(action.id);
                }}
              >
                {t("action.numbered", { number: action.number, title: action.title })}
              </Link>
              <RagBadge rag={action.rag} />
              {isOverdue(action, props.today) ? (
                <Badge appearance="tint" color="danger">
                  {t("action.overdue")}
                </Badge>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
