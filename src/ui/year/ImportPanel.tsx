// Import a plan from an Excel workbook laid out like published trust plans: read it in the
// browser, show what was understood and what was not (by sheet, row and column, in plain words),
// and write it only when the editor confirms. Re-importing the same file changes nothing.
import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { ArrowImportRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyImport, parsePlanGrid, planImportDiff, type ImportDiff, type ImportIssue, type ImportOutcome } from "../../plan/import";
import type { PlanStore } from "../../sharepoint/types";
import { readSparseGrid } from "../../workbook/grid";
import { ErrorMessage } from "../components/ErrorMessage";
import { RagBadge } from "../components/RagBadge";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyle: "none" },
  objective: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", padding: "4px 8px", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground2 },
  td: { padding: "4px 8px", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: "top", overflowWrap: "anywhere" },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  kind: { whiteSpace: "nowrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Step =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "unreadable"; fileName: string }
  | { kind: "failed"; error: unknown }
  | { kind: "preview"; fileName: string; diff: ImportDiff; issues: ImportIssue[] }
  | { kind: "writing"; fileName: string; done: number; total: number }
  | { kind: "done"; outcome: ImportOutcome };

function IssueText(props: { issue: ImportIssue }) {
  const { t } = useTranslation();
  const { issue } = props;
  const where = issue.sheet
    ? issue.row !== null
      ? issue.cell
        ? t("planYear.import.whereCell", { sheet: issue.sheet, row: issue.row, cell: issue.cell })
        : t("planYear.import.whereRow", { sheet: issue.sheet, row: issue.row })
      : t("planYear.import.whereSheet", { sheet: issue.sheet })
    : t("planYear.import.whereFile");
  return (
    <>
      <strong>{where}</strong>
      {": "}
      {t(`planYear.issue.${issue.code}`, { value: issue.value ?? "" })}
    </>
  );
}

export function ImportPanel(props: { store: PlanStore; year: string; onImported?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [step, setStep] = useState<Step>({ kind: "idle" });

  async function read(file: File) {
    setStep({ kind: "reading" });
    let parsed;
    try {
      const grid = readSparseGrid({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      parsed = parsePlanGrid(grid.sheets, { planYear: props.year, fileName: file.name });
    } catch {
      setStep({ kind: "unreadable", fileName: file.name });
      return;
    }
    try {
      const diff = planImportDiff(parsed.objectives, await props.store.loadPlan(props.year));
      setStep({ kind: "preview", fileName: file.name, diff, issues: parsed.issues });
    } catch (error) {
      setStep({ kind: "failed", error });
    }
  }

  async function write(fileName: string, diff: ImportDiff) {
    setStep({ kind: "writing", fileName, done: 0, total: diff.counts.create + diff.counts.update });
    try {
      const outcome = await applyImport(diff, props.store, (p) => setStep({ kind: "writing", fileName, done: p.done, total: p.total }));
      setStep({ kind: "done", outcome });
      props.onImported?.();
    } catch (error) {
      setStep({ kind: "failed", error });
    }
  }

  return (
    <div className={styles.root}>
      <Field label={t("planYear.import.file")} hint={t("planYear.import.fileHint", { year: props.year })}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={step.kind === "reading" || step.kind === "writing"}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void read(file);
            }}
          />
        )}
      </Field>
      {step.kind === "reading" ? <ProgressBar aria-label={t("planYear.import.reading")} /> : null}
      {step.kind === "unreadable" ? (
        <p role="alert" className={styles.error}>
          {t("planYear.import.unreadable", { file: step.fileName })}
        </p>
      ) : null}
      {step.kind === "failed" ? <ErrorMessage error={step.error} /> : null}
      {step.kind === "preview" ? <Preview diff={step.diff} issues={step.issues} fileName={step.fileName} onConfirm={() => void write(step.fileName, step.diff)} onCancel={() => setStep({ kind: "idle" })} /> : null}
      {step.kind === "writing" ? (
        <Field label={t("planYear.import.writing", { done: step.done, total: step.total })}>
          <ProgressBar value={step.total ? step.done / step.total : 0} />
        </Field>
      ) : null}
      {step.kind === "done" ? (
        <div role="status">
          <p>
            {t("planYear.import.done", {
              objectives: step.outcome.created.objectives,
              actions: step.outcome.created.actions,
              updated: step.outcome.updated.objectives + step.outcome.updated.actions,
            })}
          </p>
          {step.outcome.failed.length > 0 ? (
            <>
              <p className={styles.error}>{t("planYear.import.someFailed", { n: step.outcome.failed.length })}</p>
              <ul className={styles.issues}>
                {step.outcome.failed.map((f) => (
                  <li key={`${f.item}-${f.ref}`}>{f.title}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function Preview(props: { diff: ImportDiff; issues: ImportIssue[]; fileName: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { diff, issues } = props;
  const writes = diff.counts.create + diff.counts.update;
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  return (
    <section aria-labelledby="import-preview" className={styles.root} data-testid="import-preview">
      <h3 id="import-preview" className={styles.objective}>
        {t("planYear.import.previewTitle", { file: props.fileName })}
      </h3>
      <ul className={styles.counts}>
        {(["create", "update", "unchanged", "readOnly"] as const).map((kind) => (
          <li key={kind} data-testid={`import-count-${kind}`}>
            {t(`planYear.import.count.${kind}`, { n: diff.counts[kind] })}
          </li>
        ))}
      </ul>
      {writes === 0 ? (
        <p role="status" data-testid="nothing-to-change">
          {t("planYear.import.nothingToChange")}
        </p>
      ) : null}
      {diff.objectives.map((change) => {
        const actions = diff.actions.filter((a) => a.objectiveKey === change.imported.key);
        return (
          <div key={change.imported.key}>
            <h4 className={styles.objective}>
              {change.imported.fields.number}. {change.imported.fields.title} <span className={styles.kind}>({t(`planYear.import.kind.${change.kind}`)})</span>
            </h4>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th className={styles.th} scope="col">
                    {t("planYear.import.col.number")}
                  </th>
                  <th className={styles.th} scope="col">
                    {t("planYear.import.col.action")}
                  </th>
                  <th className={styles.th} scope="col">
                    {t("planYear.import.col.lead")}
                  </th>
                  <th className={styles.th} scope="col">
                    {t("planYear.import.col.due")}
                  </th>
                  <th className={styles.th} scope="col">
                    {t("planYear.import.col.rag")}
                  </th>
                  <th className={styles.th} scope="col">
                    {t("planYear.import.col.change")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a.imported.key}>
                    <td className={styles.td}>{a.imported.fields.number}</td>
                    <td className={styles.td}>{a.imported.fields.title}</td>
                    <td className={styles.td}>{a.imported.fields.leadText ?? ""}</td>
                    <td className={styles.td}>{a.imported.fields.dueDate ?? a.imported.dueDateText ?? ""}</td>
                    <td className={styles.td}>
                      <RagBadge rag={a.imported.fields.rag} />
                    </td>
                    <td className={`${styles.td} ${styles.kind}`}>{t(`planYear.import.kind.${a.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      {errors.length > 0 ? (
        <div>
          <h4 className={styles.objective}>{t("planYear.import.notImported", { n: errors.length })}</h4>
          <ul className={styles.issues} data-testid="import-errors">
            {errors.map((issue, i) => (
              <li key={i}>
                <IssueText issue={issue} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div>
          <h4 className={styles.objective}>{t("planYear.import.checkThese", { n: warnings.length })}</h4>
          <ul className={styles.issues} data-testid="import-warnings">
            {warnings.map((issue, i) => (
              <li key={i}>
                <IssueText issue={issue} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowImportRegular />} disabled={writes === 0} onClick={props.onConfirm}>
          {t("planYear.import.confirm", { n: writes })}
        </Button>
        <Button onClick={props.onCancel}>{t("common.cancel")}</Button>
      </div>
    </section>
  );
}
