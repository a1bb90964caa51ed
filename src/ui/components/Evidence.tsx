// An action's evidence files (a paper, minutes, a photo of a poster): listed for everyone who can
// read the plan and opened (downloaded) from here; attached by whoever may update the action (its
// leads and plan editors), removed by whoever attached them. The files are SharePoint list item
// attachments (docs/comments-and-evidence.md); the limits are checked here before anything is sent.
import { useEffect, useId, useRef, useState } from "react";
import {
  Button,
  Field,
  Input,
  Label,
  Skeleton,
  SkeletonItem,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AttachRegular, DeleteRegular, DocumentRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { evidenceProblem, type EvidenceFile, type EvidenceProblem } from "../../plan";
import { formatDateTime } from "../../i18n";
import { usePlanContext } from "../state/PlanContext";
import { useBusy } from "../state/useBusy";
import { saveBytes } from "../state/download";
import { ConfirmDialog } from "./ConfirmDialog";
import { ErrorMessage } from "./ErrorMessage";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  file: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    overflowWrap: "anywhere",
  },
  details: { display: "grid", flexGrow: 1, flexBasis: "12rem", minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  form: { display: "grid", gap: tokens.spacingVerticalS },
  warning: {
    color: tokens.colorNeutralForeground1,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorPaletteMarigoldBorderActive,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  field: { display: "grid", gap: tokens.spacingVerticalXXS },
  input: { maxWidth: "100%", color: tokens.colorNeutralForeground1 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** A size as people read it: bytes, KB or MB (1 KB = 1,024 bytes, as Windows and SharePoint show). */
export function formatSize(bytes: number, t: TFunction, locale: string): string {
  const number = (n: number, digits: number) => n.toLocaleString(locale, { maximumFractionDigits: digits });
  if (bytes < 1024) return t("evidence.size.bytes", { n: number(bytes, 0) });
  if (bytes < 1024 * 1024) return t("evidence.size.kb", { n: number(bytes / 1024, 0) });
  return t("evidence.size.mb", { n: number(bytes / (1024 * 1024), 1) });
}

export function evidenceMessage(problem: EvidenceProblem, name: string, t: TFunction): string {
  return t(`evidence.problem.${problem.kind}`, { name, extension: "extension" in problem ? problem.extension : "" });
}

export function Evidence(props: { actionId: number; version: string; mayAttach: boolean; meId: number | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store, locale } = usePlanContext();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<
    { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; files: EvidenceFile[] }
  >({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [chosen, setChosen] = useState<File | null>(null);
  const [description, setDescription] = useState("");
  const work = useBusy();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const [removing, setRemoving] = useState<EvidenceFile | null>(null);
  const opening = useBusy();

  useEffect(() => {
    let live = true;
    store.evidence(props.actionId).then(
      (files) => live && setState({ status: "ready", files }),
      (error: unknown) => live && setState({ status: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [store, props.actionId, props.version, attempt]);

  const files = state.status === "ready" ? state.files : [];

  function choose(file: File | null) {
    setChosen(file);
    setDone("");
    const found = file
      ? evidenceProblem(
          { name: file.name, size: file.size },
          files.map((f) => f.name),
        )
      : null;
    setProblem(file && found ? evidenceMessage(found, file.name, t) : null);
    work.clearError();
  }

  async function attach(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen || problem) return;
    await work.run(async () => {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const added = await store.attachEvidence(
        props.actionId,
        { name: chosen.name, bytes },
        description.trim() || null,
      );
      setChosen(null);
      setDescription("");
      if (fileInput.current) fileInput.current.value = "";
      setDone(t("evidence.attached", { name: added.name }));
      setAttempt((n) => n + 1);
    });
  }

  async function open(file: EvidenceFile) {
    await opening.run(async () => saveBytes(await store.openEvidence(file), file.name));
  }

  async function remove(file: EvidenceFile) {
    setProblem(null);
    await work.run(async () => {
      await store.removeEvidence(file);
      setRemoving(null);
      setAttempt((n) => n + 1);
    });
  }

  return (
    <>
      {state.status === "loading" ? (
        <Skeleton aria-label={t("evidence.loading")}>
          <SkeletonItem size={16} />
        </Skeleton>
      ) : state.status === "error" ? (
        <ErrorMessage error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : files.length === 0 ? (
        <Text>{t("evidence.empty")}</Text>
      ) : (
        <ul className={styles.list} aria-label={t("evidence.list")}>
          {files.map((file) => (
            <li key={`${file.rowId}/${file.name}`} className={styles.file}>
              <DocumentRegular aria-hidden fontSize={20} />
              <span className={styles.details}>
                <Button
                  appearance="transparent"
                  onClick={() => void open(file)}
                  aria-label={t("evidence.open", { name: file.name })}
                  style={{ justifyContent: "flex-start", padding: 0, minWidth: 0, textAlign: "start" }}
                >
                  {file.name}
                </Button>
                {file.description ? <Text size={200}>{file.description}</Text> : null}
                <Text size={200} className={styles.meta}>
                  {t("evidence.by", {
                    size: file.size === null ? "" : formatSize(file.size, t, locale),
                    who: file.author?.title ?? t("history.someone"),
                    when: formatDateTime(file.date, locale),
                  })}
                </Text>
              </span>
              {props.meId !== null && file.author?.id === props.meId ? (
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={t("evidence.remove", { name: file.name })}
                  onClick={() => setRemoving(file)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {opening.error ? <ErrorMessage error={opening.error} /> : null}
      {props.mayAttach ? (
        <form className={styles.form} onSubmit={(e) => void attach(e)} noValidate aria-label={t("evidence.attach")}>
          <Text className={styles.warning} id={`${inputId}-warning`}>
            {t("evidence.notStaffData")}
          </Text>
          <div className={styles.field}>
            <Label htmlFor={inputId}>{t("evidence.choose")}</Label>
            <input
              id={inputId}
              ref={fileInput}
              type="file"
              className={styles.input}
              accept=".pdf,.doc,.docx,.odt,.rtf,.txt,.ppt,.pptx,.odp,.png,.jpg,.jpeg,.gif,.webp,.heic,.msg,.eml"
              aria-describedby={problem ? `${inputId}-warning ${inputId}-problem` : `${inputId}-warning`}
              aria-invalid={problem !== null}
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
            {problem ? (
              <Text id={`${inputId}-problem`} role="alert" className={styles.problem}>
                {problem}
              </Text>
            ) : null}
          </div>
          <Field label={t("evidence.description")}>
            <Input value={description} onChange={(_, d) => setDescription(d.value)} maxLength={500} />
          </Field>
          {work.error ? <ErrorMessage error={work.error} /> : null}
          <div className={styles.buttons}>
            <Button type="submit" icon={<AttachRegular />} disabled={!chosen || work.busy || problem !== null}>
              {work.busy ? t("evidence.uploading") : t("evidence.upload")}
            </Button>
          </div>
          <span role="status" aria-live="polite">
            {done ? <Text size={200}>{done}</Text> : null}
          </span>
        </form>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t("evidence.removeTitle", { name: removing.name })}
          body={t("evidence.removeBody")}
          confirm={t("discussion.delete")}
          busy={work.busy}
          error={work.error}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </>
  );
}
