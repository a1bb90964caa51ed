// RAG is never colour alone: every status carries an icon and its words, and uses Fluent's status
// tokens so high contrast maps it to system colours.
import { Badge, makeStyles } from "@fluentui/react-components";
import {
  CheckmarkCircleFilled,
  CheckmarkStarburstFilled,
  CircleRegular,
  DismissCircleFilled,
  WarningFilled,
} from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { Rag } from "../../plan";

const LOOK = {
  Red: { color: "danger", Icon: DismissCircleFilled },
  Amber: { color: "warning", Icon: WarningFilled },
  Green: { color: "success", Icon: CheckmarkCircleFilled },
  Blue: { color: "brand", Icon: CheckmarkStarburstFilled },
} as const;

const useStyles = makeStyles({
  // Keep the words on one line: a wrapped badge overflows its fixed height.
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
});

export function RagBadge(props: { rag: Rag | null; size?: "medium" | "large" }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (!props.rag) {
    return (
      // An empty circle: nothing under way yet (the words say so too).
      <Badge
        appearance="outline"
        color="informative"
        size={props.size ?? "medium"}
        className={styles.badge}
        icon={<CircleRegular aria-hidden />}
        data-rag="none"
      >
        {t("rag.none")}
      </Badge>
    );
  }
  const { color, Icon } = LOOK[props.rag];
  return (
    <Badge
      appearance="tint"
      className={styles.badge}
      color={color}
      size={props.size ?? "medium"}
      icon={<Icon aria-hidden />}
      data-rag={props.rag}
    >
      {t(`rag.${props.rag}`)}
    </Badge>
  );
}
