// Earlier years' figures typed in from published reports, so the trend starts before the first run; a figure
// may be marked as the first of a new series, with a reason (series.ts), when the calculation changed that year.
import { useState } from "react";
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { enteredFigure, type EnteredFigureError, type SavedRow } from "./saved-results";
import { breakReasonError, MAX_BREAK_REASON, withRecordedBreak, type BreakReasonError } from "./series";

const useStyles = makeStyles({
  form: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
  reason: { flexGrow: 1, minWidth: "min(100%, 16em)" },
});

export function PastYearForm(props: { onSave(row: SavedRow): Promise<void>; recordedBy?: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [year, setYear] = useState("");
  const [indicator, setIndicator] = useState("2");
  const [value, setValue] = useState("");
  const [error, setError] = useState<EnteredFigureError | null>(null);
  const [newSeries, setNewSeries] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<BreakReasonError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = enteredFigure({ year, indicator, value });
    const badReason = newSeries ? breakReasonError(reason) : null;
    setReasonError(badReason);
    if ("error" in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (badReason) return;
    const row = newSeries
      ? {
          ...parsed.row,
          detail: withRecordedBreak(parsed.row.detail, { reason, by: props.recordedBy ?? null }),
        }
      : parsed.row;
    setBusy(true);
    try {
      await props.onSave(row);
      setValue("");
      setNewSeries(false);
      setReason("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      aria-label={t("indicators.entered.title")}
      // The form's own messages say what is wrong (the browser's would be in its language, not the tab's).
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field
        label={t("indicators.entered.year")}
        validationMessage={error === "year" ? t("indicators.entered.yearInvalid") : undefined}
        validationState={error === "year" ? "error" : "none"}
      >
        <Input value={year} placeholder="2022/23" onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Field label={t("indicators.entered.indicator")}>
        <Select value={indicator} onChange={(_, d) => setIndicator(d.value)}>
          {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
            <option key={n} value={String(n)}>
              {t(`indicators.short.i${n}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t("indicators.entered.value")}
        validationMessage={error === "value" ? t("indicators.entered.valueInvalid") : undefined}
        validationState={error === "value" ? "error" : "none"}
      >
        <Input value={value} inputMode="decimal" onChange={(_, d) => setValue(d.value)} />
      </Field>
      <Checkbox
        label={t("seriesBreak.enteredStarts")}
        checked={newSeries}
        onChange={(_, d) => setNewSeries(d.checked === true)}
      />
      {newSeries ? (
        <Field
          className={styles.reason}
          label={t("seriesBreak.enteredReason")}
          hint={t("seriesBreak.reasonHint")}
          required
          validationMessage={
            reasonError === "empty"
              ? t("seriesBreak.reasonEmpty")
              : reasonError === "long"
                ? t("seriesBreak.reasonLong", { max: MAX_BREAK_REASON })
                : undefined
          }
          validationState={reasonError ? "error" : "none"}
        >
          <Input value={reason} onChange={(_, d) => setReason(d.value)} />
        </Field>
      ) : null}
      <Button type="submit" icon={<AddRegular />} disabled={busy}>
        {t("indicators.entered.add")}
      </Button>
    </form>
  );
}
