// The links between an action and its other selves across a roll-over. Back, on a carried-over
// action: "Carried over from 2024/25 action 1.2", opening that earlier (usually closed) year at it.
// Forward, on an action of a closed year that was carried on: "Carried into 2025/26 as action 1.1".
import { useEffect, useState } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowHookUpLeftRegular, ArrowHookDownRightRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { isClosed, type Action } from "../../plan";
import type { PlanStore } from "../../sharepoint";
import { earlierAction, laterAction, type ActionInYear } from "../state/carriedFrom";
import { usePlan } from "../state/PlanContext";
import { YearLink } from "./YearLink";

const useStyles = makeStyles({
  // Inline, so a long line wraps beside the icon rather than dropping below it at side-panel width.
  root: { margin: 0, overflowWrap: "anywhere" },
  icon: { verticalAlign: "middle", marginInlineEnd: tokens.spacingHorizontalXS },
});

/** The other action `lookup` finds for `id`: undefined while looking (or when `id` is null), null when there is none. */
function useActionInYear(
  lookup: (store: PlanStore, id: number, year: string) => Promise<ActionInYear | null>,
  id: number | null,
): ActionInYear | null | undefined {
  const { store, snapshot } = usePlan();
  const [found, setFound] = useState<{ id: number; year: string; other: ActionInYear | null } | null>(null);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    lookup(store, id, snapshot.year).then(
      (other) => live && setFound({ id, year: snapshot.year, other }),
      () => undefined, // unreadable now: the back line still says it was carried over, without the link
    );
    return () => {
      live = false;
    };
  }, [lookup, store, id, snapshot.year]);
  return found && found.id === id && found.year === snapshot.year ? found.other : undefined;
}

export function CarriedFrom(props: { action: Action }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const fromId = props.action.carriedFromId ?? null;
  const earlier = useActionInYear(earlierAction, fromId);
  if (fromId === null) return null;
  return (
    <Text as="p" block className={styles.root} data-testid="carried-from">
      <ArrowHookUpLeftRegular aria-hidden className={styles.icon} />
      {earlier ? (
        <YearLink year={earlier.year} actionId={earlier.action.id}>
          {t("carried.from", { year: earlier.year, number: earlier.action.number })}
        </YearLink>
      ) : earlier === null ? (
        t("carried.fromMissing")
      ) : (
        t("carried.fromEarlier")
      )}
    </Text>
  );
}

/** Shown on an action of a closed year once its continuation in the next year is found; nothing otherwise. */
export function CarriedInto(props: { action: Action }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { snapshot } = usePlan();
  const closed = isClosed(snapshot.objectives.find((o) => o.id === props.action.objectiveId));
  const later = useActionInYear(laterAction, closed ? props.action.id : null);
  if (!closed || !later) return null;
  return (
    <Text as="p" block className={styles.root} data-testid="carried-into">
      <ArrowHookDownRightRegular aria-hidden className={styles.icon} />
      <YearLink year={later.year} actionId={later.action.id}>
        {t("carried.into", { year: later.year, number: later.action.number })}
      </YearLink>
    </Text>
  );
}
