// Renumbering a plan year's objectives 1..n, with a preview of every number that changes (the
// objectives and the actions whose numbers follow them) before anything is written.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Action, Objective, ObjectiveRenumbering } from "../../plan";
import { ConfirmDialog } from "./ConfirmDialog";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: "grid",
    gap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
  actions: { color: tokens.colorNeutralForeground2 },
});

export function RenumberObjectivesDialog(props: {
  plan: ObjectiveRenumbering<Objective, Action>;
  count: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { objectives, actions } = props.plan;
  const nothing = objectives.length === 0;
  return (
    <ConfirmDialog
      title={t("renumberObjectives.title")}
      body={nothing ? t("renumberObjectives.nothing", { n: props.count }) : t("renumberObjectives.body")}
      confirm={t("renumberObjectives.confirm")}
      confirmDisabled={nothing}
      busy={props.busy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      {nothing ? null : (
        <ul className={styles.list} aria-label={t("renumberObjectives.previewLabel")} data-testid="renumber-preview">
          {objectives.map(({ item, number }) => {
            const moved = actions.filter((a) => a.item.objectiveId === item.id);
            return (
              <li key={item.id}>
                {t("renumberObjectives.objective", { from: item.number, to: number, title: item.title })}
                {moved.length ? (
                  <div className={styles.actions}>
                    {t("renumberObjectives.actions", {
                      changes: moved
                        .map((a) => t("renumberObjectives.change", { from: a.item.number, to: a.number }))
                        .join(", "),
                    })}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </ConfirmDialog>
  );
}
