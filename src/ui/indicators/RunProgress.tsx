// A run's progress: the stage now, a bar, and every stage with which are done.
import { Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { RUN_STAGES, type RunStage } from "./protocol";
import type { RunState } from "./useIndicatorRun";

const useStyles = makeStyles({
  stages: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: "grid", gap: tokens.spacingVerticalXS },
});

export function RunProgress(props: { run: RunState }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const run = props.run;
  const stage: RunStage | "downloading" =
    run.status === "downloading"
      ? "downloading"
      : run.status === "running"
        ? (run.progress?.stage ?? "reading")
        : "reading";
  const index = stage === "downloading" ? -1 : RUN_STAGES.indexOf(stage);
  const fraction =
    run.status === "downloading"
      ? run.done / Math.max(1, run.of)
      : run.status === "running"
        ? (run.progress?.fraction ?? 0)
        : 0;
  return (
    <div role="status" aria-live="polite">
      <Field label={t(`indicators.stage.${stage}`)} validationState="none">
        <ProgressBar value={fraction} max={1} />
      </Field>
      <ol className={styles.stages}>
        {RUN_STAGES.map((s, i) => (
          <li key={s}>
            {t(`indicators.stage.${s}`)}{" "}
            {i < index ? `— ${t("indicators.stage.done")}` : i === index ? `— ${t("indicators.stage.now")}` : ""}
          </li>
        ))}
      </ol>
    </div>
  );
}
