// Import a plan from an Excel workbook or a Word document: read it in a Web Worker, show every
// source row with what it was understood as, let the editor correct a row's role, the header row
// and the columns (the result updates), ask for an explicit confirmation when the structure is
// doubtful, and write only when the editor confirms. Re-importing the same file changes nothing.
// One file because the panel's steps and its Preview (every source row with its role, the corrections) share the
// styles, the issue wording and the corrections helpers, and the Preview is used only here.
import { Button, Checkbox, Field, makeStyles, ProgressBar, Select, tokens } from "@fluentui/react-components";
import { ArrowImportRegular, ArrowUndoRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  applyImport,
  planImportDiff,
  rowKey,
  type ImportCorrections,
  type ImportDiff,
  type ImportIssue,
  type ImportOutcome,
  type PlanFieldName,
  type PlanImport,
  type RowRole,
} from "../../plan/import";
import type { PlanSnapshot, PlanStore } from "../../sharepoint";
import { columnLetter } from "../../workbook";
import { ErrorMessage } from "../components/ErrorMessage";
import { RagBadge } from "../components/RagBadge";
import { ParseFailedError, parsePlanInWorker, type ParsePlan } from "./import-runner";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  objective: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    padding: "4px 8px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  td: {
    padding: "4px 8px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
    overflowWrap: "anywhere",
  },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  doubt: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground2,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  kind: { whiteSpace: "nowrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  rows: {
    maxHeight: "28rem",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  columns: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

const EDITABLE_ROLES: RowRole[] = ["objective", "action", "continuation", "note", "ignored", "header"];
const FIELDS: PlanFieldName[] = [
  "objective",
  "number",
  "title",
  "lead",
  "dueDate",
  "milestones",
  "progress",
  "kpis",
  "outcomes",
  "rag",
  "indicators",
];

interface Loaded {
  name: string;
  bytes: Uint8Array;
  snapshot: PlanSnapshot;
}

type Step =
  | { kind: "idle" }
  | { kind: "reading"; fileName: string }
  | { kind: "unreadable"; fileName: string; code: string }
  | { kind: "failed"; error: unknown }
  | {
      kind: "preview";
      file: Loaded;
      corrections: ImportCorrections;
      result: PlanImport;
      diff: ImportDiff;
      parsing: boolean;
    }
  | { kind: "writing"; fileName: string; done: number; total: number }
  | { kind: "done"; fileName: string; outcome: ImportOutcome };

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

export function ImportPanel(props: { store: PlanStore; year: string; onImported?: () => void; parse?: ParsePlan }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const parse = props.parse ?? parsePlanInWorker;

  async function understand(file: Loaded, corrections: ImportCorrections): Promise<Step> {
    const reply = await parse({
      type: "parse",
      name: file.name,
      bytes: file.bytes.slice().buffer as ArrayBuffer,
      planYear: props.year,
      corrections,
    });
    if (reply.type === "unreadable") return { kind: "unreadable", fileName: file.name, code: reply.code };
    return {
      kind: "preview",
      file,
      corrections,
      result: reply.result,
      diff: planImportDiff(reply.result.objectives, file.snapshot),
      parsing: false,
    };
  }

  async function read(file: File) {
    setStep({ kind: "reading", fileName: file.name });
    try {
      const [bytes, snapshot] = await Promise.all([
        file.arrayBuffer().then((b) => new Uint8Array(b)),
        props.store.loadPlan(props.year),
      ]);
      setStep(await understand({ name: file.name, bytes, snapshot }, {}));
    } catch (error) {
      setStep(
        error instanceof ParseFailedError
          ? { kind: "unreadable", fileName: file.name, code: "worker-failed" }
          : { kind: "failed", error },
      );
    }
  }

  async function correct(file: Loaded, corrections: ImportCorrections) {
    setStep((s) => (s.kind === "preview" ? { ...s, parsing: true } : s));
    try {
      setStep(await understand(file, corrections));
    } catch (error) {
      setStep(
        error instanceof ParseFailedError
          ? { kind: "unreadable", fileName: file.name, code: "worker-failed" }
          : { kind: "failed", error },
      );
    }
  }

  async function write(fileName: string, diff: ImportDiff) {
    setStep({ kind: "writing", fileName, done: 0, total: diff.counts.create + diff.counts.update });
    try {
      const outcome = await applyImport(
        diff,
        props.store,
        (p) => setStep({ kind: "writing", fileName, done: p.done, total: p.total }),
        fileName,
      );
      setStep({ kind: "done", fileName, outcome });
      props.onImported?.();
    } catch (error) {
      setStep({ kind: "failed", error });
    }
  }

  const busy = step.kind === "reading" || step.kind === "writing";
  return (
    <div className={styles.root}>
      <Field label={t("planYear.import.file")} hint={t("planYear.import.fileHint", { year: props.year })}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".xlsx,.xlsm,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void read(file);
            }}
          />
        )}
      </Field>
      {step.kind === "reading" ? <ProgressBar aria-label={t("planYear.import.reading")} /> : null}
      {step.kind === "unreadable" ? (
        <p role="alert" className={styles.error} data-testid="import-unreadable">
          {step.code === "worker-failed"
            ? t("planYear.import.workerFailed")
            : t(`planYear.import.unreadableBecause.${step.code}`, {
                file: step.fileName,
                defaultValue: t("planYear.import.unreadable", { file: step.fileName }),
              })}
        </p>
      ) : null}
      {step.kind === "failed" ? <ErrorMessage error={step.error} /> : null}
      {step.kind === "preview" ? (
        <Preview
          diff={step.diff}
          result={step.result}
          fileName={step.file.name}
          corrections={step.corrections}
          parsing={step.parsing}
          onCorrect={(corrections) => void correct(step.file, corrections)}
          onConfirm={() => void write(step.file.name, step.diff)}
          onCancel={() => setStep({ kind: "idle" })}
        />
      ) : null}
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

/** The editor's corrections with one row's role changed ("header" chooses that row as the sheet's header). */
function withRole(corrections: ImportCorrections, sheet: string, row: number, role: RowRole): ImportCorrections {
  if (role === "header") return { ...corrections, headerRows: { ...corrections.headerRows, [sheet]: row } };
  return { ...corrections, roles: { ...corrections.roles, [rowKey(sheet, row)]: role } };
}

/** The corrections with a column read as a field (or as nothing). */
function withColumn(
  corrections: ImportCorrections,
  sheet: string,
  column: number,
  field: PlanFieldName | null,
  previous: PlanFieldName | null,
): ImportCorrections {
  const mapping = { ...corrections.columns?.[sheet] };
  if (previous) mapping[previous] = null;
  if (field) mapping[field] = column;
  return { ...corrections, columns: { ...corrections.columns, [sheet]: mapping } };
}

export function Preview(props: {
  diff: ImportDiff;
  result: PlanImport;
  fileName: string;
  corrections: ImportCorrections;
  parsing: boolean;
  onCorrect(corrections: ImportCorrections): void;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { diff, result, corrections } = props;
  const [checked, setChecked] = useState(false);
  const writes = diff.counts.create + diff.counts.update;
  const errors = result.issues.filter((i) => i.severity === "error");
  const warnings = result.issues.filter((i) => i.severity === "warning");
  const corrected =
    Object.keys(corrections.roles ?? {}).length +
      Object.keys(corrections.headerRows ?? {}).length +
      Object.keys(corrections.columns ?? {}).length >
    0;
  return (
    <section
      aria-labelledby="import-preview"
      className={styles.root}
      data-testid="import-preview"
      aria-busy={props.parsing}
    >
      <h3 id="import-preview" className={styles.objective}>
        {t("planYear.import.previewTitle", { file: props.fileName })}
      </h3>
      <p data-testid="import-year">
        {result.year
          ? t("planYear.import.yearFound", {
              year: result.year,
              source: t(`planYear.import.yearSource.${result.yearSource ?? "title"}`),
            })
          : t("planYear.import.yearNone")}
      </p>
      <ul className={styles.counts}>
        {(["create", "update", "unchanged", "readOnly"] as const).map((kind) => (
          <li key={kind} data-testid={`import-count-${kind}`}>
            {t(`planYear.import.count.${kind}`, { n: diff.counts[kind] })}
          </li>
        ))}
      </ul>
      {writes === 0 ? (
        <p role="status" data-testid="nothing-to-change">
          {result.objectives.length === 0
            ? t("planYear.import.nothingFound", { file: props.fileName })
            : t("planYear.import.nothingToChange")}
        </p>
      ) : null}
      {diff.objectives.map((change) => {
        const actions = diff.actions.filter((a) => a.objectiveKey === change.imported.key);
        return (
          <div key={change.imported.key} data-testid="import-objective">
            <h4 className={styles.objective}>
              {change.imported.fields.number}. {change.imported.fields.title}{" "}
              <span className={styles.kind}>({t(`planYear.import.kind.${change.kind}`)})</span>
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

      {result.tables.map((table) => (
        <fieldset key={table.sheet} className={styles.root} data-testid="import-columns">
          <legend className={styles.objective}>
            {t("planYear.import.columnsOf", { sheet: table.sheet, row: table.headerRow })}
          </legend>
          <div className={styles.columns}>
            {table.columns.map((column) => (
              <Field
                key={column.column}
                label={t("planYear.import.columnLabel", { letter: columnLetter(column.column - 1), text: column.text })}
              >
                <Select
                  value={column.field ?? ""}
                  disabled={props.parsing}
                  onChange={(_, data) =>
                    props.onCorrect(
                      withColumn(
                        corrections,
                        table.sheet,
                        column.column,
                        (data.value || null) as PlanFieldName | null,
                        column.field,
                      ),
                    )
                  }
                >
                  <option value="">{t("planYear.import.field.none")}</option>
                  {FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t(`planYear.import.field.${field}`)}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
        </fieldset>
      ))}

      <div>
        <h4 className={styles.objective}>{t("planYear.import.rowsTitle", { n: result.rows.length })}</h4>
        <p className={styles.muted}>{t("planYear.import.rowsHint")}</p>
        <div
          className={styles.rows}
          tabIndex={0}
          role="region"
          aria-label={t("planYear.import.rowsTitle", { n: result.rows.length })}
        >
          <table className={styles.table} data-testid="import-rows">
            <thead>
              <tr>
                <th className={styles.th} scope="col">
                  {t("planYear.import.col.sheet")}
                </th>
                <th className={styles.th} scope="col">
                  {t("planYear.import.col.row")}
                </th>
                <th className={styles.th} scope="col">
                  {t("planYear.import.col.text")}
                </th>
                <th className={styles.th} scope="col">
                  {t("planYear.import.col.role")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={`${row.sheet}-${row.row}`} data-testid="import-row" data-role={row.role}>
                  <td className={styles.td}>{row.sheet}</td>
                  <td className={styles.td}>{row.row}</td>
                  <td className={styles.td}>{row.text}</td>
                  <td className={styles.td}>
                    <Select
                      aria-label={t("planYear.import.roleOf", { sheet: row.sheet, row: row.row })}
                      value={row.role}
                      disabled={props.parsing}
                      onChange={(_, data) =>
                        props.onCorrect(withRole(corrections, row.sheet, row.row, data.value as RowRole))
                      }
                    >
                      {EDITABLE_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`planYear.import.role.${role}`)}
                        </option>
                      ))}
                    </Select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      {result.doubtful && writes > 0 ? (
        <div className={styles.doubt} data-testid="import-doubtful">
          <p role="status">{t("planYear.import.doubtful")}</p>
          <Checkbox
            checked={checked}
            onChange={(_, data) => setChecked(data.checked === true)}
            label={t("planYear.import.confirmDoubtful")}
          />
        </div>
      ) : null}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<ArrowImportRegular />}
          disabled={writes === 0 || props.parsing || (result.doubtful && !checked)}
          onClick={props.onConfirm}
        >
          {t("planYear.import.confirm", { n: writes })}
        </Button>
        {corrected ? (
          <Button icon={<ArrowUndoRegular />} disabled={props.parsing} onClick={() => props.onCorrect({})}>
            {t("planYear.import.undoCorrections")}
          </Button>
        ) : null}
        <Button onClick={props.onCancel}>{t("common.cancel")}</Button>
      </div>
    </section>
  );
}
