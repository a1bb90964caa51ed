// Earlier years' figures typed in from published reports, so the trend starts before the first run.
import { useState } from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { enteredFigure, type EnteredFigureError, type SavedRow } from "./saved-results";

const useStyles = makeStyles({
  form: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
});

export function PastYearForm(props: { onSave(row: SavedRow): Promise<void> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [year, setYear] = useState("");
  const [indicator, setIndicator] = useState("2");
  const [value, setValue] = useState("");
  const [error, setError] = useState<EnteredFigureError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = enteredFigure({ year, indicator, value });
    if ("error" in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await props.onSave(parsed.row);
      setValue("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      aria-label={t("indicators.entered.title")}
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
      <Button type="submit" icon={<AddRegular />} disabled={busy}>
        {t("indicators.entered.add")}
      </Button>
    </form>
  );
}
