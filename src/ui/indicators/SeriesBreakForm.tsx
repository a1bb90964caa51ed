// "Mark a break in the series" for plan editors: choose an indicator and the first year of the new series
// among the saved years, give the reason, and the break is written into that saved row with its ETag
// (useIndicatorData.recordBreak). Someone else's change first is a conflict: nothing is overwritten, the rows
// are read again and the editor is told to look again. A recorded break can be removed the same way.
import { useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { IndicatorNumber, IndicatorResultRow } from "../../plan";
import { STANDARD_ID } from "./headline";
import { breakReasonError, MAX_BREAK_REASON, recordedBreak, type BreakReasonError, type RecordedBreak } from "./series";
import type { BreakOutcome } from "./useIndicatorData";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS },
  form: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
  reason: { flexGrow: 1, minWidth: "min(100%, 16em)" },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

export function SeriesBreakForm(props: {
  saved: readonly IndicatorResultRow[];
  recordedBy: string | null;
  onRecord(row: IndicatorResultRow, recorded: RecordedBreak | null): Promise<BreakOutcome>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const mine = props.saved.filter((r) => r.standard === STANDARD_ID);
  const indicators = [...new Set(mine.map((r) => r.indicator))].sort((a, b) => a - b);
  const [chosenIndicator, setIndicator] = useState<IndicatorNumber | null>(null);
  const indicator = chosenIndicator !== null && indicators.includes(chosenIndicator) ? chosenIndicator : indicators[0];
  const years = mine
    .filter((r) => r.indicator === indicator)
    .map((r) => r.year)
    .sort();
  const [chosenYear, setYear] = useState<string | null>(null);
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : years.at(-1);
  const row = mine.find((r) => r.indicator === indicator && r.year === year) ?? null;
  const existing = row ? recordedBreak(row.detail) : null;
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<BreakReasonError | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: BreakOutcome; removed: boolean } | null>(null);

  if (indicators.length === 0) return null;

  async function record(recorded: RecordedBreak | null) {
    if (!row) return;
    setBusy(true);
    setOutcome(null);
    try {
      const kind = await props.onRecord(row, recorded);
      setOutcome({ kind, removed: recorded === null });
      if (kind === "saved") setReason("");
    } finally {
      setBusy(false);
    }
  }

  function submit() {
    const error = breakReasonError(reason);
    setReasonError(error);
    if (!error) void record({ reason: reason.trim(), by: props.recordedBy });
  }

  return (
    <section className={styles.section} aria-labelledby="wres-series-break-heading">
      <h3 id="wres-series-break-heading">{t("seriesBreak.title")}</h3>
      <Text size={200}>{t("seriesBreak.intro")}</Text>
      <form
        className={styles.form}
        aria-labelledby="wres-series-break-heading"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label={t("seriesBreak.indicator")}>
          <Select
            value={String(indicator)}
            onChange={(_, d) => {
              setIndicator(Number(d.value) as IndicatorNumber);
              setOutcome(null);
            }}
          >
            {indicators.map((n) => (
              <option key={n} value={String(n)}>
                {t(`indicators.short.i${n}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("seriesBreak.year")}>
          <Select
            value={year ?? ""}
            onChange={(_, d) => {
              setYear(d.value);
              setOutcome(null);
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          className={styles.reason}
          label={t("seriesBreak.reason")}
          hint={t("seriesBreak.reasonHint")}
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
        <Button type="submit" appearance="primary" disabled={busy || !row}>
          {t("seriesBreak.mark")}
        </Button>
      </form>
      {existing && year ? (
        <div className={styles.bar}>
          <Text>{t("seriesBreak.recorded", { year, reason: existing.reason })}</Text>
          <Button size="small" disabled={busy} onClick={() => void record(null)}>
            {t("seriesBreak.remove")}
          </Button>
        </div>
      ) : null}
      {outcome?.kind === "saved" ? (
        <Text role="status">{t(outcome.removed ? "seriesBreak.removed" : "seriesBreak.saved")}</Text>
      ) : null}
      {outcome?.kind === "conflict" || outcome?.kind === "unreadable" || outcome?.kind === "tooLong" ? (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>{t(`seriesBreak.${outcome.kind}`)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
