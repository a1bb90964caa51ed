// Add or edit an action (plan editors). Edits carry the ETag; a stale one opens the conflict view.
import { useCallback, useState } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import {
  INDICATOR_NUMBERS,
  nextNumber,
  validateProgress,
  type Action,
  type IndicatorNumber,
  type Objective,
  type Person,
  type Rag,
} from "../../plan";
import type { ActionDraft } from "../../sharepoint";
import { usePlan } from "../state/PlanContext";
import { useActionSave } from "../state/useActionSave";
import { useBusy } from "../state/useBusy";
import { DateField } from "./DateInput";
import { ErrorMessage } from "./ErrorMessage";
import { LIMITS, limitProps, overLimit } from "../state/limits";
import { PeoplePicker } from "./PeoplePicker";
import { RagDropdown } from "./RagDropdown";
import { useFormStyles } from "./form-styles";
import { useSavedToast } from "./SavedToast";

interface FormValues {
  number: string;
  title: string;
  leads: Person[];
  leadText: string;
  dueDate: string;
  milestones: string;
  progress: string;
  kpis: string;
  outcomes: string;
  indicators: IndicatorNumber[];
  rag: Rag;
}

function valuesOf(action: Action | null, objective: Objective, siblings: Action[]): FormValues {
  return {
    number:
      action?.number ??
      nextNumber(
        siblings.map((a) => a.number),
        objective.number,
      ),
    title: action?.title ?? "",
    leads: action?.leads ?? [],
    leadText: action?.leadText ?? "",
    dueDate: action?.dueDate ?? "",
    milestones: action?.milestones ?? "",
    progress: action?.progress ?? "",
    kpis: action?.kpis ?? "",
    outcomes: action?.outcomes ?? "",
    indicators: action?.indicators ?? [...objective.indicators],
    rag: action?.rag ?? "Green",
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function draftOf(values: FormValues, objectiveId: number): ActionDraft {
  return {
    objectiveId,
    number: values.number.trim(),
    title: values.title.trim(),
    leads: values.leads,
    leadText: orNull(values.leadText),
    dueDate: values.dueDate || null,
    milestones: orNull(values.milestones),
    progress: orNull(values.progress),
    kpis: orNull(values.kpis),
    outcomes: orNull(values.outcomes),
    indicators: values.indicators,
    rag: values.rag,
  };
}

export function ActionForm(props: {
  objective: Objective;
  action: Action | null;
  siblings: Action[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useFormStyles();
  const { store, reload } = usePlan();
  const [values, setValues] = useState<FormValues>(() => valuesOf(props.action, props.objective, props.siblings));
  const [tried, setTried] = useState(false);
  const { busy: adding, error: addError, run: runAdd } = useBusy();
  const { save, saving, error, conflictView } = useActionSave(() => props.onClose());
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setDueDate = useCallback((dueDate: string) => setValues((v) => ({ ...v, dueDate })), []);
  const [note, setNote] = useState("");
  const toastSaved = useSavedToast();
  const titleMissing = values.title.trim() === "";
  const numberMissing = values.number.trim() === "";
  const tooLong =
    overLimit(values.number, LIMITS.actionNumber) ||
    overLimit(values.title, LIMITS.actionTitle) ||
    overLimit(values.leadText, LIMITS.leadText) ||
    [values.milestones, values.progress, values.kpis, values.outcomes].some((v) => overLimit(v, LIMITS.note));
  // An edit that changes the RAG is recorded in the history like an owner's update, with the same
  // rule the store enforces: Blue needs a completion note, Red a note on what is being done.
  const ragChanged = props.action !== null && values.rag !== props.action.rag;
  const noteRequired = ragChanged && (values.rag === "Blue" || values.rag === "Red");
  const noteProblems = ragChanged ? validateProgress({ rag: values.rag, note }).filter((p) => p.field === "note") : [];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setTried(true);
    if (titleMissing || numberMissing || noteProblems.length > 0 || tooLong) return;
    const draft = draftOf(values, props.objective.id);
    if (props.action) {
      await save(props.action, { kind: "edit", patch: draft, note: ragChanged ? note.trim() || null : null });
      return;
    }
    await runAdd(async () => {
      const added = await store.addAction(draft);
      toastSaved(t("saved.action", { number: added.number }));
      await reload().catch(() => undefined);
      props.onClose();
    });
  }

  const busy = saving || adding;
  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : props.onClose())}>
      <DialogSurface className={styles.surface}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>
              {props.action
                ? t("action.editTitle", { number: props.action.number })
                : t("action.addTitle", { number: props.objective.number })}
            </DialogTitle>
            <DialogContent className={styles.form}>
              <div className={styles.row}>
                <Field
                  label={t("field.number")}
                  required
                  {...limitProps(t, t("field.number"), values.number, LIMITS.actionNumber, {
                    message: tried && numberMissing ? t("validation.numberRequired") : undefined,
                  })}
                >
                  <Input value={values.number} onChange={(_, d) => set("number", d.value)} />
                </Field>
                <DateField label={t("field.dueDate")} value={values.dueDate} onChange={setDueDate} />
                <Field label={t("field.rag")}>
                  <RagDropdown value={values.rag} onChange={(rag) => rag && set("rag", rag)} />
                </Field>
              </div>
              {ragChanged ? (
                <Field
                  label={
                    noteRequired
                      ? values.rag === "Blue"
                        ? t("update.noteBlue")
                        : t("update.noteRed")
                      : t("update.note")
                  }
                  required={noteRequired}
                  validationState={tried && noteProblems.length ? "error" : "none"}
                  validationMessage={
                    tried && noteProblems.length ? t(`validation.${noteProblems[0]!.code}`) : undefined
                  }
                >
                  <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
                </Field>
              ) : null}
              <Field
                label={t("field.title")}
                required
                {...limitProps(t, t("field.title"), values.title, LIMITS.actionTitle, {
                  message: tried && titleMissing ? t("validation.titleRequired") : undefined,
                })}
              >
                <Textarea value={values.title} onChange={(_, d) => set("title", d.value)} resize="vertical" />
              </Field>
              <PeoplePicker
                label={t("field.leads")}
                value={values.leads}
                onChange={(people) => set("leads", people)}
                warnIfReadOnly
                groups
              />
              <Field
                label={t("field.leadText")}
                {...limitProps(t, t("field.leadText"), values.leadText, LIMITS.leadText, {
                  hint: t("field.leadTextHint"),
                })}
              >
                <Input value={values.leadText} onChange={(_, d) => set("leadText", d.value)} />
              </Field>
              <fieldset className={styles.indicators}>
                <legend className={styles.legend}>{t("field.indicators")}</legend>
                {INDICATOR_NUMBERS.map((n) => (
                  <Checkbox
                    key={n}
                    label={t("indicator.short", { n })}
                    checked={values.indicators.includes(n)}
                    onChange={(_, d) =>
                      set(
                        "indicators",
                        d.checked ? [...values.indicators, n].sort() : values.indicators.filter((x) => x !== n),
                      )
                    }
                  />
                ))}
              </fieldset>
              <Field
                label={t("field.milestones")}
                {...limitProps(t, t("field.milestones"), values.milestones, LIMITS.note)}
              >
                <Textarea value={values.milestones} onChange={(_, d) => set("milestones", d.value)} resize="vertical" />
              </Field>
              <Field label={t("field.progress")} {...limitProps(t, t("field.progress"), values.progress, LIMITS.note)}>
                <Textarea value={values.progress} onChange={(_, d) => set("progress", d.value)} resize="vertical" />
              </Field>
              <Field label={t("field.kpis")} {...limitProps(t, t("field.kpis"), values.kpis, LIMITS.note)}>
                <Textarea value={values.kpis} onChange={(_, d) => set("kpis", d.value)} resize="vertical" />
              </Field>
              <Field label={t("field.outcomes")} {...limitProps(t, t("field.outcomes"), values.outcomes, LIMITS.note)}>
                <Textarea value={values.outcomes} onChange={(_, d) => set("outcomes", d.value)} resize="vertical" />
              </Field>
              {error || addError ? <ErrorMessage error={error ?? addError} /> : null}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy}>
                {busy ? t("common.saving") : t("common.save")}
              </Button>
              <Button onClick={props.onClose} disabled={busy}>
                {t("common.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
        {conflictView}
      </DialogSurface>
    </Dialog>
  );
}
