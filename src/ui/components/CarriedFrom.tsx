// "Carried over from 2024/25 action 1.2": the link back from a carried-over action to the action
// it continues, which opens that earlier (usually closed) plan year at it.
import { useEffect, useState } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowHookUpLeftRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { Action } from "../../plan/types";
import { earlierAction, type EarlierAction } from "../state/carriedFrom";
import { usePlan } from "../state/PlanContext";
import { YearLink } from "./YearLink";

const useStyles = makeStyles({
  // Inline, so a long line wraps beside the icon rather than dropping below it at side-panel width.
  root: { margin: 0, overflowWrap: "anywhere" },
  icon: { verticalAlign: "middle", marginInlineEnd: tokens.spacingHorizontalXS },
});

export function CarriedFrom(props: { action: Action }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store, snapshot } = usePlan();
  const fromId = props.action.carriedFromId ?? null;
  const [found, setFound] = useState<{ fromId: number; earlier: EarlierAction | null } | null>(null);
  useEffect(() => {
    if (fromId === null) return;
    let live = true;
    earlierAction(store, fromId, snapshot.year).then(
      (earlier) => live && setFound({ fromId, earlier }),
      () => undefined, // unreadable now: the line still says it was carried over, without the link
    );
    return () => {
      live = false;
    };
  }, [store, fromId, snapshot.year]);

  if (fromId === null) return null;
  const current = found?.fromId === fromId ? found : null;
  return (
    <Text as="p" block className={styles.root} data-testid="carried-from">
      <ArrowHookUpLeftRegular aria-hidden className={styles.icon} />
      {current?.earlier ? (
        <YearLink year={current.earlier.year} actionId={current.earlier.action.id}>
          {t("carried.from", { year: current.earlier.year, number: current.earlier.action.number })}
        </YearLink>
      ) : current ? (
        t("carried.fromMissing")
      ) : (
        t("carried.fromEarlier")
      )}
    </Text>
  );
}
