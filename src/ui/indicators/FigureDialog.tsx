// The plan editor's form for one target or comparison figure, in a dialog: the indicator, the value and
// its year; for a target the baseline year (the earliest saved year unless chosen), the direction of
// good shown from the indicator; for a comparison who it describes, their name and the source. Each
// problem is said under its field; nothing is sent until the form is right.
import { useEffect, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { COMPARATORS, INDICATOR_NUMBERS, type IndicatorFigureDraft, type IndicatorNumber } from "../../plan";
import { ErrorMessage } from "../components/ErrorMessage";
import { HEADLINE_DIRECTION } from "./headline";
import { figureFromInput, FIGURE_TEXT_LIMIT, type FigureInput, type FigureProblem } from "./figure-form";

const useStyles = makeStyles({
  content: { display: "grid", gap: tokens.spacingVerticalM },
});

/** The i18n key of a direction ("towards-one" -> indicators.direction.towardsOne). */
export function directionKey(direction: string): string {
  return `indicators.direction.${direction.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`;
}

export function FigureDialog(props: {
  open: boolean;
  /** The input the form starts from (a blank one, or the figure being changed). */
  initial: FigureInput;
  editing: boolean;
  busy: boolean;
  /** Why the last save failed (the form keeps what was typed). */
  error?: unknown;
  /** Each indicator's saved years with a figure, oldest first (the baseline year's choices). */
  savedYears: ReadonlyMap<IndicatorNumber, string[]>;
  onSave(draft: IndicatorFigureDraft): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [input, setInput] = useState<FigureInput>(props.initial);
  const [problems, setProblems] = useState<FigureProblem[]>([]);
  useEffect(() => {
    if (props.open) {
      setInput(props.initial);
      setProblems([]);
    }
  }, [props.open, props.initial]);

  const set = (patch: Partial<FigureInput>) => setInput((current) => ({ ...current, ...patch }));
  const problem = (...which: FigureProblem[]) => {
    const found = which.find((p) => problems.includes(p));
    return found
      ? { validationState: "error" as const, validationMessage: t(`targets.problem.${found}`) }
      : { validationState: "none" as const };
  };
  const isTarget = input.kind === "target";
  const indicator = (Number(input.indicator) || 1) as IndicatorNumber;
  const years = props.savedYears.get(indicator) ?? [];

  function submit() {
    const parsed = figureFromInput(input);
    if ("problems" in parsed) setProblems(parsed.problems);
    else props.onSave(parsed.draft);
  }

  const title = t(
    isTarget
      ? props.editing
        ? "targets.editTarget"
        : "targets.addTarget"
      : props.editing
        ? "targets.editComparison"
        : "targets.addComparison",
  );
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => (d.open ? undefined : props.onCancel())}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          noValidate
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              <Field label={t("targets.field.indicator")} {...problem("indicator")}>
                <Select value={input.indicator} onChange={(_, d) => set({ indicator: d.value, baselineYear: "" })}>
                  {INDICATOR_NUMBERS.map((n) => (
                    <option key={n} value={String(n)}>
                      {t(`indicators.short.i${n}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              {isTarget ? (
                <Text size={200}>
                  {t("targets.field.direction", { direction: t(directionKey(HEADLINE_DIRECTION[indicator])) })}
                </Text>
              ) : (
                <>
                  <Field label={t("targets.field.comparator")} {...problem("comparator")}>
                    <Select value={input.comparator} onChange={(_, d) => set({ comparator: d.value })}>
                      {COMPARATORS.map((c) => (
                        <option key={c} value={c}>
                          {t(`targets.comparator.${c}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field
                    label={t("targets.field.name")}
                    hint={t("targets.field.nameHint")}
                    required={input.comparator !== "national"}
                    {...problem("name", "nameTooLong")}
                  >
                    <Input
                      value={input.name}
                      maxLength={FIGURE_TEXT_LIMIT + 1}
                      onChange={(_, d) => set({ name: d.value })}
                    />
                  </Field>
                </>
              )}
              <Field
                label={t(isTarget ? "targets.field.targetValue" : "targets.field.value")}
                hint={t("targets.field.valueHint")}
                required
                {...problem("value")}
              >
                <Input inputMode="decimal" value={input.value} onChange={(_, d) => set({ value: d.value })} />
              </Field>
              <Field
                label={t(isTarget ? "targets.field.targetYear" : "targets.field.year")}
                hint={t(isTarget ? "targets.field.targetYearHint" : "targets.field.yearHint")}
                required
                {...problem("year")}
              >
                <Input value={input.year} placeholder="2026/27" onChange={(_, d) => set({ year: d.value })} />
              </Field>
              {isTarget ? (
                <Field label={t("targets.field.baselineYear")} {...problem("baselineYear", "baselineNotBefore")}>
                  <Select value={input.baselineYear} onChange={(_, d) => set({ baselineYear: d.value })}>
                    <option value="">
                      {years[0]
                        ? t("targets.field.baselineEarliest", { year: years[0] })
                        : t("targets.field.baselineNone")}
                    </option>
                    {[...new Set([...years, ...(input.baselineYear ? [input.baselineYear] : [])])].map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : (
                <Field
                  label={t("targets.field.source")}
                  hint={t("targets.field.sourceHint")}
                  required
                  {...problem("source", "sourceTooLong")}
                >
                  <Input
                    value={input.source}
                    maxLength={FIGURE_TEXT_LIMIT + 1}
                    onChange={(_, d) => set({ source: d.value })}
                  />
                </Field>
              )}
              {props.error ? <ErrorMessage error={props.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={props.busy}>
                {t("targets.save")}
              </Button>
              <Button onClick={props.onCancel} disabled={props.busy}>
                {t("common.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
