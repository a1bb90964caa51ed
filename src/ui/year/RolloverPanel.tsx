// Roll over to next year: preview what is carried (open actions, with a link back) and what stays
// (completed work), then write next year's plan and close this year's read-only.
import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { CalendarArrowRightRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyRollover, nextPlanYear, rollOverPlan, type Rollover, type RolloverOutcome } from "../../plan";
import type { PlanStore } from "../../sharepoint";
import { ErrorMessage } from "../components/ErrorMessage";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM, justifyItems: "start" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  wide: { width: "100%" },
});

type Ready = Extract<Rollover, { ok: true }>;
type Step =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "problem"; problem: string }
  | { kind: "preview"; rollover: Ready }
  | { kind: "writing"; done: number; total: number }
  | { kind: "done"; outcome: RolloverOutcome; toYear: string }
  | { kind: "failed"; error: unknown };

export function RolloverPanel(props: { store: PlanStore; year: string; onDone?: (toYear: string) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const toYear = nextPlanYear(props.year);

  async function preview() {
    if (!toYear) return;
    setStep({ kind: "loading" });
    try {
      const [from, to] = await Promise.all([props.store.loadPlan(props.year), props.store.loadPlan(toYear)]);
      const rollover = rollOverPlan(from, props.year, toYear, to);
      setStep(rollover.ok ? { kind: "preview", rollover } : { kind: "problem", problem: rollover.problem });
    } catch (error) {
      setStep({ kind: "failed", error });
    }
  }

  async function write(rollover: Ready) {
    setStep({ kind: "writing", done: 0, total: 1 });
    try {
      const outcome = await applyRollover(rollover, props.store, (p) =>
        setStep({ kind: "writing", done: p.done, total: p.total }),
      );
      setStep({ kind: "done", outcome, toYear: rollover.toYear });
      props.onDone?.(rollover.toYear);
    } catch (error) {
      setStep({ kind: "failed", error });
    }
  }

  if (!toYear) return <p>{t("planYear.rollover.unknownYear", { year: props.year })}</p>;
  return (
    <div className={styles.root}>
      <p>{t("planYear.rollover.explain", { from: props.year, to: toYear })}</p>
      {step.kind === "idle" || step.kind === "problem" || step.kind === "failed" ? (
        <Button icon={<CalendarArrowRightRegular />} onClick={() => void preview()}>
          {t("planYear.rollover.preview", { to: toYear })}
        </Button>
      ) : null}
      {step.kind === "loading" ? (
        <ProgressBar className={styles.wide} aria-label={t("planYear.rollover.loading")} />
      ) : null}
      {step.kind === "problem" ? (
        <p role="alert">{t(`planYear.rollover.problem.${step.problem}`, { year: props.year })}</p>
      ) : null}
      {step.kind === "failed" ? <ErrorMessage error={step.error} /> : null}
      {step.kind === "preview" ? (
        <section aria-label={t("planYear.rollover.previewTitle")} data-testid="rollover-preview">
          <ul className={styles.list}>
            <li>{t("planYear.rollover.objectives", { n: step.rollover.objectives.length, to: toYear })}</li>
            <li>
              {t("planYear.rollover.carried", {
                n: step.rollover.objectives.reduce((n, o) => n + o.actions.length, 0),
              })}
            </li>
            <li>{t("planYear.rollover.completed", { n: step.rollover.completed.length, from: props.year })}</li>
            <li>{t("planYear.rollover.close", { n: step.rollover.markReadOnly.length, from: props.year })}</li>
          </ul>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void write(step.rollover)}>
              {t("planYear.rollover.confirm", { to: toYear })}
            </Button>
            <Button onClick={() => setStep({ kind: "idle" })}>{t("common.cancel")}</Button>
          </div>
        </section>
      ) : null}
      {step.kind === "writing" ? (
        <Field className={styles.wide} label={t("planYear.rollover.writing", { done: step.done, total: step.total })}>
          <ProgressBar value={step.total ? step.done / step.total : 0} />
        </Field>
      ) : null}
      {step.kind === "done" ? (
        <p role="status">
          {step.outcome.failed.length === 0
            ? t("planYear.rollover.done", {
                objectives: step.outcome.created.objectives,
                actions: step.outcome.created.actions,
                closed: step.outcome.closed,
                to: step.toYear,
              })
            : t("planYear.rollover.partial", { n: step.outcome.failed.length })}
        </p>
      ) : null}
    </div>
  );
}
