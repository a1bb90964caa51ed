// Add or edit an objective (plan editors): owner and sponsor from the people picker, linked
// indicators, and a RAG override that needs a reason.
import { useState } from "react";
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
  validateOverride,
  type IndicatorNumber,
  type Objective,
  type Person,
  type Rag,
} from "../../plan";
import type { ObjectiveDraft } from "../../sharepoint";
import { usePlan } from "../state/PlanContext";
import { useObjectiveSave } from "../state/useObjectiveSave";
import { ErrorMessage } from "./ErrorMessage";
import { LIMITS, limitProps, overLimit } from "../state/limits";
import { PeoplePicker } from "./PeoplePicker";
import { RagDropdown } from "./RagDropdown";
import { useFormStyles } from "./form-styles";

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function ObjectiveForm(props: { objective: Objective | null; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useFormStyles();
  const { snapshot, year } = usePlan();
  const o = props.objective;
  const [number, setNumber] = useState(
    o?.number ??
      nextNumber(
        snapshot.objectives.map((x) => x.number),
        "",
      ),
  );
  const [title, setTitle] = useState(o?.title ?? "");
  const [description, setDescription] = useState(o?.description ?? "");
  const [owner, setOwner] = useState<Person[]>(o?.owner ? [o.owner] : []);
  const [sponsor, setSponsor] = useState<Person[]>(o?.sponsor ? [o.sponsor] : []);
  const [indicators, setIndicators] = useState<IndicatorNumber[]>(o?.indicators ?? []);
  const [override, setOverride] = useState<Rag | null>(o?.ragOverride ?? null);
  const [reason, setReason] = useState(o?.ragOverrideReason ?? "");
  const [tried, setTried] = useState(false);
  const { save, saving: busy, error, conflictView } = useObjectiveSave(o, props.onClose);
  const overrideIssues = validateOverride(override, reason);
  const titleMissing = title.trim() === "";
  const numberMissing = number.trim() === "";
  const tooLong =
    overLimit(number, LIMITS.objectiveNumber) ||
    overLimit(title, LIMITS.objectiveTitle) ||
    overLimit(description, LIMITS.note) ||
    overLimit(reason, LIMITS.note);

  const draft = (): ObjectiveDraft => ({
    title: title.trim(),
    planYear: o?.planYear ?? year ?? snapshot.year,
    number: number.trim(),
    description: orNull(description),
    owner: owner[0] ?? null,
    sponsor: sponsor[0] ?? null,
    indicators,
    highImpactActions: o?.highImpactActions ?? [],
    ragOverride: override,
    ragOverrideReason: override ? orNull(reason) : null,
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setTried(true);
    if (titleMissing || numberMissing || overrideIssues.length || tooLong) return;
    void save(draft());
  }

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : props.onClose())}>
      <DialogSurface className={styles.surface}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{o ? t("objective.editTitle", { number: o.number }) : t("objective.addTitle")}</DialogTitle>
            <DialogContent className={styles.form}>
              <div className={styles.row}>
                <Field
                  label={t("field.number")}
                  required
                  {...limitProps(t, t("field.number"), number, LIMITS.objectiveNumber, {
                    message: tried && numberMissing ? t("validation.objectiveNumberRequired") : undefined,
                  })}
                >
                  <Input value={number} onChange={(_, d) => setNumber(d.value)} />
                </Field>
              </div>
              <Field
                label={t("field.title")}
                required
                {...limitProps(t, t("field.title"), title, LIMITS.objectiveTitle, {
                  message: tried && titleMissing ? t("validation.titleRequired") : undefined,
                })}
              >
                <Input value={title} onChange={(_, d) => setTitle(d.value)} />
              </Field>
              <Field
                label={t("field.description")}
                {...limitProps(t, t("field.description"), description, LIMITS.note)}
              >
                <Textarea value={description} onChange={(_, d) => setDescription(d.value)} resize="vertical" />
              </Field>
              <div className={styles.row}>
                <PeoplePicker single label={t("field.owner")} value={owner} onChange={setOwner} />
                <PeoplePicker single label={t("field.sponsor")} value={sponsor} onChange={setSponsor} />
              </div>
              <fieldset className={styles.indicators}>
                <legend className={styles.legend}>{t("field.indicators")}</legend>
                {INDICATOR_NUMBERS.map((n) => (
                  <Checkbox
                    key={n}
                    label={t("indicator.short", { n })}
                    checked={indicators.includes(n)}
                    onChange={(_, d) =>
                      setIndicators(d.checked ? [...indicators, n].sort() : indicators.filter((x) => x !== n))
                    }
                  />
                ))}
              </fieldset>
              <div className={styles.row}>
                <Field label={t("field.ragOverride")} hint={t("field.ragOverrideHint")}>
                  <RagDropdown value={override} onChange={setOverride} none={t("objective.noOverride")} />
                </Field>
                <Field
                  label={t("field.ragOverrideReason")}
                  required={override !== null}
                  validationMessage={
                    tried && overrideIssues.length ? t("validation.overrideReasonRequired") : undefined
                  }
                >
                  <Textarea
                    value={reason}
                    onChange={(_, d) => setReason(d.value)}
                    disabled={override === null}
                    resize="vertical"
                  />
                </Field>
              </div>
              {error ? <ErrorMessage error={error} /> : null}
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
