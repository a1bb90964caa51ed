// One convention for an indicator's change everywhere it is shown (the meeting stage, the trend
// table): the arrow is the way the figure moved (up, down, level), and the words say whether that
// is better or worse by the indicator's direction of good. So indicator 2 falling from 1.30 to 1.20
// is a down arrow with "Improved", on the stage and in the table alike.
import { makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownRegular, ArrowRightRegular, ArrowUpRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { movementOf, type Trend } from "../../indicators";

const useStyles = makeStyles({
  mark: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  // The "3" status foregrounds keep 4.5:1 on the card in light, dark and high contrast.
  improved: { color: tokens.colorStatusSuccessForeground3 },
  worsened: { color: tokens.colorStatusDangerForeground3 },
  unchanged: { color: tokens.colorNeutralForeground2 },
});

const ICONS = { up: ArrowUpRegular, down: ArrowDownRegular, level: ArrowRightRegular } as const;

export function TrendMark(props: {
  value: number | null;
  previous: number | null;
  places: number;
  trend: Trend;
  iconSize?: number;
  className?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { trend } = props;
  const movement = movementOf(props.value, props.previous, props.places);
  if (trend === "not-comparable" || movement === null) return null;
  const Icon = ICONS[movement];
  return (
    <span
      className={`${styles.mark} ${styles[trend]} ${props.className ?? ""}`}
      data-trend={trend}
      data-move={movement}
    >
      {/* The arrow's meaning is spoken too: "rose", "fell" or "level", then better or worse. */}
      <Icon role="img" aria-label={t(`change.${movement}`)} fontSize={props.iconSize} />
      {t(`change.${trend}`)}
    </span>
  );
}
