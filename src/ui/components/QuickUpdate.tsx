// An action owner's update in a few clicks: RAG, progress, an optional note. Plain-words validation
// (a Blue action needs a completion note; a Red action needs a note on what is being done).
import { useState } from "react";
import { Button, Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { type Action, type Rag, RAGS, validateProgress } from "../../plan";
import { useActionSave } from "../state/useActionSave";
import { ErrorMessage } from "./ErrorMessage";
import { LIMITS, limitProps } from "../state/limits";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM },
  rag: { flexWrap: "wrap" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export function QuickUpdate(props: { action: Action; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { action } = props;
  const [rag, setRag] = useState<Rag>(action.rag);
  const [progress, setProgress] = useState(action.progress ?? "");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const { save, saving, error, conflictView } = useActionSave(() => props.onDone());
  const ragChanged = rag !== action.rag;
  const progressChanged = progress !== (action.progress ?? "");
  // Checked as sent: Blue needs a completion note when the action is being marked complete;
  // a Red action needs a note on what is being done every time it is updated.
  const problems = validateProgress({ ...(ragChanged || rag === "Red" ? { rag } : {}), note, progress });
  // The progress box shows its own length problem; the note box the note's.
  const noteProblems = problems.filter((p) => p.field === "note" && p.code !== "tooLong");
  const noteRequired = (ragChanged && rag === "Blue") || rag === "Red";
  const unchanged = !ragChanged && !progressChanged && note.trim() === "";
  const id = `quick-${action.id}`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problems.length > 0 || unchanged) return;
    void save(action, {
      kind: "progress",
      change: {
        ...(ragChanged ? { rag } : {}),
        ...(progressChanged ? { progress: progress || null } : {}),
        note: note.trim() || null,
      },
    });
  }

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label={t("update.formLabel", { number: action.number })}
      noValidate
    >
      <Field label={t("update.rag")}>
        <RadioGroup
          layout="horizontal"
          className={styles.rag}
          value={rag}
          onChange={(_, data) => setRag(data.value as Rag)}
          name={`${id}-rag`}
        >
          {RAGS.map((r) => (
            <Radio key={r} value={r} label={t(`rag.${r}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t("update.progress")}
        {...limitProps(t, t("update.progress"), progress, LIMITS.note, { hint: t("update.progressHint") })}
      >
        <Textarea value={progress} onChange={(_, data) => setProgress(data.value)} resize="vertical" />
      </Field>
      <Field
        label={noteRequired ? (rag === "Blue" ? t("update.noteBlue") : t("update.noteRed")) : t("update.note")}
        required={noteRequired}
        {...limitProps(t, t("update.note"), note, LIMITS.note, {
          message: tried && noteProblems.length ? t(`validation.${noteProblems[0]!.code}`) : undefined,
        })}
      >
        <Textarea value={note} onChange={(_, data) => setNote(data.value)} resize="vertical" />
      </Field>
      {tried && unchanged ? <span role="alert">{t("update.nothingChanged")}</span> : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t("common.saving") : t("update.save")}
        </Button>
        {props.onCancel ? (
          <Button onClick={props.onCancel} disabled={saving}>
            {t("common.cancel")}
          </Button>
        ) : null}
      </div>
      {conflictView}
    </form>
  );
}
