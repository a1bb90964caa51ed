// The plan year's state in one line, wherever the plan is shown (the tab's header, the meeting side
// panel and stage, the report): "Approved by Trust Board on 6 February 2025 (partially assured)".
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { approvingDecision, type PlanYearStatus, type PlanYearState } from "../../plan/cycle";
import { formatDay } from "../meeting/format";

const useStyles = makeStyles({
  line: {
    display: "inline-flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    overflowWrap: "anywhere",
  },
  detail: { color: tokens.colorNeutralForeground2 },
});

const COLOUR: Record<PlanYearState, "informative" | "warning" | "brand" | "success" | "danger" | "important"> = {
  draft: "informative",
  consultation: "warning",
  submitted: "brand",
  approved: "success",
  returned: "danger",
  published: "success",
};

export function CycleStateLine(props: { status: PlanYearStatus | null; className?: string }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  if (!props.status) return null;
  const { state } = props.status;
  const approval = approvingDecision(props.status);
  const last = props.status.decisions[props.status.decisions.length - 1] ?? null;
  let detail: string | null = null;
  if ((state === "approved" || state === "published") && approval) {
    detail = t("cycle.line.approved", {
      meeting: approval.meeting,
      date: formatDay(approval.date, i18n.language),
      assurance: approval.assurance ? t(`cycle.assurance.${approval.assurance}`) : t("cycle.assurance.none"),
    });
  } else if (state === "returned" && last) {
    detail = t("cycle.line.returned", { meeting: last.meeting, date: formatDay(last.date, i18n.language) });
  }
  return (
    <span className={`${styles.line} ${props.className ?? ""}`} data-testid="cycle-state">
      <span>{t("cycle.line.label")}</span>
      <Badge appearance="tint" color={COLOUR[state]} shape="rounded">
        {t(`cycle.state.${state}`)}
      </Badge>
      {detail ? <span className={styles.detail}>{detail}</span> : null}
    </span>
  );
}
