// The Indicators view: choose or upload workbooks in the "WRES Data" library, run the indicator module
// in a Web Worker (progress by stage, cancel), read the validation report and the results (always the
// suppressed copy, at the plan editor's small-number threshold), save them for the year-on-year trend and
// export them for the committee paper. Readers, and editors before a run, see the newest saved results.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, ProgressBar, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DismissRegular, PlayRegular, PrintRegular, SaveRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { suppressResults, type ResultsDocument } from "../../indicators";
import { INDICATOR_NUMBERS, type DataFile, type IndicatorNumber, type IndicatorResultRow } from "../../plan/types";
import type { PlanStore } from "../../sharepoint/types";
import { ErrorMessage } from "../components/ErrorMessage";
import { usePlan } from "../state/PlanContext";
import { IndicatorView } from "./IndicatorView";
import { LinkedActions } from "./LinkedActions";
import { PrintableResults } from "./PrintableResults";
import type { RunOutcome, RunStage, UnrecognisedSheet } from "./protocol";
import { RUN_STAGES } from "./protocol";
import { RunCancelledError, RunFailedError, startRun, type RunHandle, type RunProgress } from "./runner";
import { MappingDialog } from "./MappingDialog";
import { loadMappings, rememberMapping } from "./mapping";
import { PastYearForm } from "./PastYearForm";
import { TrendView } from "./TrendView";
import { SavedResults } from "./SavedResults";
import { ValidationReport, issueLine } from "./ValidationReport";
import { indicatorKeys, periodFor } from "./view";
import { initialBoardSetting, rememberBoardSetting, initialThreshold, MAX_THRESHOLD, MIN_THRESHOLD, parseThreshold, rememberThreshold, browserStorage } from "./settings";
import { rowsToSave, savedResults } from "./saved-results";
import { STANDARD_ID } from "./headline";
import { WorkbookPicker } from "./WorkbookPicker";
import { saveBytes, XLSX_TYPE } from "../state/download";

const useStyles = makeStyles({
  screen: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalXL },
  bar: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  stages: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: "grid", gap: tokens.spacingVerticalXS },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalM,
    "@media (max-width: 600px)": { padding: tokens.spacingHorizontalS },
  },
  threshold: { maxWidth: "60ch" },
  thresholdInput: { width: "8ch" },
  // Nine indicators and the report do not fit one line in a narrow tab (320 px): wrap, never scroll the page sideways.
  tabs: { flexWrap: "wrap" },
});

type PlanStoreRows = PlanStore["saveIndicatorResults"];

type RunState =
  | { status: "idle" }
  | { status: "downloading"; done: number; of: number }
  | { status: "running"; progress: RunProgress | null }
  | { status: "done"; outcome: RunOutcome }
  | { status: "failed"; message: string }
  | { status: "cancelled" };

export default function IndicatorsScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store, capabilities, locale, year, snapshot, today, me } = usePlan();
  const [files, setFiles] = useState<DataFile[] | null>(null);
  const [saved, setSaved] = useState<IndicatorResultRow[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [run, setRun] = useState<RunState>({ status: "idle" });
  const [view, setView] = useState<string>("report");
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState<"idle" | "saving" | "saved">("idle");
  const [mapping, setMapping] = useState<UnrecognisedSheet | null>(null);
  const handle = useRef<RunHandle | null>(null);
  // Each run's number: a cancelled run's download loop or worker sees it has been overtaken and stops,
  // so cancelling during the download and starting again never leaves two runs going.
  const runToken = useRef(0);
  const canRun = capabilities.editPlan;
  const savedInfo = useMemo(() => savedResults(saved), [saved]);
  // The small-number threshold (a plan editor's setting): what is shown, saved and exported uses it.
  const [thresholdChoice, setThresholdChoice] = useState<number | null>(null);
  const [thresholdText, setThresholdText] = useState<string | null>(null);
  const threshold = thresholdChoice ?? initialThreshold(browserStorage(), savedInfo);
  // Board composition (indicator 9): published in full unless the organisation turns it off.
  const [boardChoice, setBoardChoice] = useState<boolean | null>(null);
  const publishBoard = boardChoice ?? initialBoardSetting(browserStorage(), savedInfo);

  const refresh = useCallback(async () => {
    try {
      const [list, results] = await Promise.all([canRun ? store.dataFiles() : Promise.resolve([]), store.indicatorResults(STANDARD_ID)]);
      setFiles(list);
      setSaved(results);
    } catch (error) {
      setFailure(error);
      setFiles([]);
    }
  }, [store, canRun]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () => () => {
      runToken.current += 1;
      handle.current?.cancel();
    },
    [],
  );

  async function upload(file: File, onProgress: (fraction: number) => void) {
    setFailure(null);
    try {
      const uploaded = await store.uploadDataFile(file.name, new Uint8Array(await file.arrayBuffer()), onProgress);
      setSelected((s) => new Set(s).add(uploaded.serverRelativeUrl));
      await refresh();
    } catch (error) {
      setFailure(error);
    }
  }

  function failureText(error: unknown): string {
    if (error instanceof RunFailedError) {
      if (error.issue) return issueLine(t, error.issue, locale);
      if (error.reason === "stopped") return t("indicators.run.failedStopped");
      return t("indicators.run.failedError", { detail: error.message });
    }
    return t("indicators.run.failedUnexpected");
  }

  async function start() {
    if (!files) return;
    const chosen = files.filter((f) => selected.has(f.serverRelativeUrl));
    if (chosen.length === 0) return;
    handle.current?.cancel();
    const token = ++runToken.current;
    const live = () => runToken.current === token;
    setFailure(null);
    setSaving("idle");
    setRun({ status: "downloading", done: 0, of: chosen.length });
    const inputs: { name: string; bytes: Uint8Array }[] = [];
    try {
      for (const [i, file] of chosen.entries()) {
        const bytes = await store.downloadDataFile(file.serverRelativeUrl);
        if (!live()) return;
        inputs.push({ name: file.name, bytes });
        setRun({ status: "downloading", done: i + 1, of: chosen.length });
      }
    } catch (error) {
      if (!live()) return;
      setFailure(error);
      setRun({ status: "idle" });
      return;
    }
    let current: RunHandle;
    try {
      // The bytes are transferred to the worker: this page keeps no copy of the staff rows.
      // Remembered column mappings are header names only (no cell values), kept in this browser.
      const mappings = loadMappings(browserStorage());
      current = startRun(inputs, { ...(year ? { period: year } : {}), mappings }, {
        onProgress: (progress) => {
          if (live()) setRun({ status: "running", progress });
        },
      });
    } catch (error) {
      setRun({ status: "failed", message: failureText(error) });
      return;
    } finally {
      inputs.length = 0;
    }
    handle.current = current;
    setRun({ status: "running", progress: null });
    try {
      const outcome = await current.done;
      if (!live()) return;
      setRun({ status: "done", outcome });
      setView(indicatorKeys(outcome.results)[0] ?? "report");
    } catch (error) {
      if (!live()) return;
      if (error instanceof RunCancelledError) setRun({ status: "cancelled" });
      else setRun({ status: "failed", message: failureText(error) });
    } finally {
      if (handle.current === current) handle.current = null;
    }
  }

  function cancel() {
    runToken.current += 1;
    handle.current?.cancel();
    handle.current = null;
    setRun({ status: "cancelled" });
  }

  function chooseThreshold(text: string) {
    setThresholdText(text);
    const parsed = parseThreshold(text);
    if (parsed === null || parsed === threshold) return;
    setThresholdChoice(parsed);
    rememberThreshold(browserStorage(), parsed);
    // What was saved was suppressed at the old threshold; the button offers to save this copy.
    setSaving("idle");
  }

  async function save(doc: ResultsDocument) {
    const period = periodFor(doc, year);
    if (!period) return;
    setSaving("saving");
    setFailure(null);
    try {
      await store.saveIndicatorResults(rowsToSave(doc, period, me.title || null));
      setSaved(await store.indicatorResults(STANDARD_ID));
      setSaving("saved");
    } catch (error) {
      setFailure(error);
      setSaving("idle");
    }
  }

  async function saveEntered(row: Parameters<PlanStoreRows>[0][number]) {
    setFailure(null);
    try {
      await store.saveIndicatorResults([row]);
      setSaved(await store.indicatorResults(STANDARD_ID));
    } catch (error) {
      setFailure(error);
    }
  }

  async function exportWorkbook(doc: ResultsDocument) {
    try {
      const { resultsWorkbook } = await import("../../reports/results-xlsx");
      const bytes = await resultsWorkbook(doc);
      saveBytes(bytes, `wres-results-${(doc.period ?? "results").replace("/", "-")}.xlsx`, XLSX_TYPE);
    } catch (error) {
      setFailure(error);
    }
  }

  const busy = run.status === "downloading" || run.status === "running";
  const outcome = run.status === "done" ? run.outcome : null;
  const done = useMemo(
    () => (outcome ? { outcome, publishable: suppressResults(outcome.results, threshold, { publishBoardComposition: publishBoard }) } : null),
    [outcome, threshold, publishBoard],
  );
  const keys = useMemo(() => (done ? indicatorKeys(done.publishable) : []), [done]);
  const thresholdInvalid = thresholdText !== null && parseThreshold(thresholdText) === null;

  return (
    <div className={styles.screen}>
      {failure ? <ErrorMessage error={failure} /> : null}
      {canRun ? (
        <div className={styles.card}>
          {files === null ? (
            <Spinner label={t("indicators.workbooks.loading")} />
          ) : (
            <WorkbookPicker files={files} selected={selected} onSelect={setSelected} canUpload={capabilities.editPlan} onUpload={upload} locale={locale} disabled={busy} />
          )}
          <div className={styles.bar}>
            <Button appearance="primary" icon={<PlayRegular />} disabled={busy || selected.size === 0} onClick={() => void start()}>
              {t("indicators.run.start", { count: selected.size })}
            </Button>
            {busy ? (
              <Button icon={<DismissRegular />} onClick={cancel}>
                {t("indicators.run.cancel")}
              </Button>
            ) : null}
          </div>
          <Field
            className={styles.threshold}
            label={t("indicators.threshold.label")}
            hint={t("indicators.threshold.hint", { threshold, below: threshold - 1, min: MIN_THRESHOLD, max: MAX_THRESHOLD })}
            validationState={thresholdInvalid ? "error" : "none"}
            validationMessage={thresholdInvalid ? t("indicators.threshold.invalid", { min: MIN_THRESHOLD, max: MAX_THRESHOLD }) : undefined}
          >
            <Input
              className={styles.thresholdInput}
              type="number"
              inputMode="numeric"
              min={MIN_THRESHOLD}
              max={MAX_THRESHOLD}
              step={1}
              value={thresholdText ?? String(threshold)}
              disabled={busy}
              onChange={(_, d) => chooseThreshold(d.value)}
              onBlur={() => thresholdInvalid || setThresholdText(null)}
            />
          </Field>
          <Field className={styles.threshold} hint={t("disclosure.boardSettingHint")}>
            <Checkbox
              label={t("disclosure.boardSetting")}
              checked={publishBoard}
              disabled={busy}
              onChange={(_, d) => {
                setBoardChoice(d.checked === true);
                rememberBoardSetting(browserStorage(), d.checked === true);
                setSaving("idle");
              }}
            />
          </Field>
          {busy ? <RunProgressView run={run} /> : null}
          {run.status === "cancelled" ? <Text role="status">{t("indicators.run.cancelled")}</Text> : null}
          {run.status === "failed" ? (
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>
                {t("indicators.run.failed")} {run.message}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <Text size={200}>{t("indicators.run.privacy")}</Text>
        </div>
      ) : (
        <Text>{t("indicators.readerNote")}</Text>
      )}

      {done ? (
        <section className={styles.card} aria-labelledby="wres-results-heading">
          <h2 id="wres-results-heading">{done.publishable.period ? t("indicators.results.titleYear", { year: done.publishable.period }) : t("indicators.results.title")}</h2>
          {keys.length === 0 ? (
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>{t("indicators.results.none")}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.bar}>
            {keys.length > 0 && canRun ? (
              <Button appearance="primary" icon={<SaveRegular />} disabled={saving === "saving" || !periodFor(done.publishable, year)} onClick={() => void save(done.publishable)}>
                {saving === "saving" ? t("indicators.results.saving") : t("indicators.results.save", { year: periodFor(done.publishable, year) ?? "" })}
              </Button>
            ) : null}
            {keys.length > 0 ? (
              <Button icon={<ArrowDownloadRegular />} onClick={() => void exportWorkbook(done.publishable)}>
                {t("indicators.results.export")}
              </Button>
            ) : null}
            {keys.length > 0 ? (
              <Button icon={<PrintRegular />} onClick={() => window.print()}>
                {t("indicators.print.button")}
              </Button>
            ) : null}
            {saving === "saved" ? <Text role="status">{t("indicators.results.saved")}</Text> : null}
          </div>
          <nav aria-label={t("indicators.results.nav")}>
            <TabList selectedValue={view} onTabSelect={(_, d) => setView(String(d.value))} size="small" className={styles.tabs}>
              {keys.map((k) => (
                <Tab key={k} value={k}>
                  {t(`indicators.short.i${k}`)}
                </Tab>
              ))}
              <Tab value="report">{t("indicators.report.tab")}</Tab>
            </TabList>
          </nav>
          {done.outcome.unrecognised.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t("indicators.mapping.notRecognised", { count: done.outcome.unrecognised.length })}
                <div className={styles.bar}>
                  {done.outcome.unrecognised.map((sheet) => (
                    <Button key={`${sheet.file}|${sheet.sheet ?? ""}`} size="small" onClick={() => setMapping(sheet)}>
                      {t("indicators.mapping.open", { name: `${sheet.file}${sheet.sheet ? ` / ${sheet.sheet}` : ""}` })}
                    </Button>
                  ))}
                </div>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {mapping ? (
            <MappingDialog
              sheet={mapping}
              onClose={() => setMapping(null)}
              onSave={(chosen) => {
                rememberMapping(browserStorage(), mapping.signature, chosen);
                setMapping(null);
                void start();
              }}
            />
          ) : null}
          {keys.length > 0 ? <PrintableResults doc={done.publishable} actions={snapshot.actions} today={today} /> : null}
          {view === "report" ? (
            <ValidationReport sheets={done.outcome.sheets} issues={done.outcome.issues} results={done.publishable} locale={locale} />
          ) : done.publishable.indicators[view] ? (
            <>
              <IndicatorView id={view} result={done.publishable.indicators[view]!} doc={done.publishable} />
              {isIndicatorNumber(Number(view)) ? <LinkedActions indicator={Number(view) as IndicatorNumber} actions={snapshot.actions} today={today} /> : null}
            </>
          ) : null}
        </section>
      ) : savedInfo ? (
        <SavedResults saved={savedInfo} actions={snapshot.actions} today={today} locale={locale} canRun={canRun} />
      ) : null}

      <div className={styles.card}>
        <TrendView saved={saved} />
        {canRun ? (
          <>
            <h3>{t("indicators.entered.title")}</h3>
            <Text size={200}>{t("indicators.entered.note")}</Text>
            <PastYearForm onSave={saveEntered} />
          </>
        ) : null}
      </div>
    </div>
  );
}

function isIndicatorNumber(n: number): n is IndicatorNumber {
  return (INDICATOR_NUMBERS as readonly number[]).includes(n);
}

function RunProgressView(props: { run: RunState }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const run = props.run;
  const stage: RunStage | "downloading" = run.status === "downloading" ? "downloading" : run.status === "running" ? (run.progress?.stage ?? "reading") : "reading";
  const index = stage === "downloading" ? -1 : RUN_STAGES.indexOf(stage);
  const fraction = run.status === "downloading" ? run.done / Math.max(1, run.of) : run.status === "running" ? (run.progress?.fraction ?? 0) : 0;
  return (
    <div role="status" aria-live="polite">
      <Field label={t(`indicators.stage.${stage}`)} validationState="none">
        <ProgressBar value={fraction} max={1} />
      </Field>
      <ol className={styles.stages}>
        {RUN_STAGES.map((s, i) => (
          <li key={s}>
            {t(`indicators.stage.${s}`)} {i < index ? `— ${t("indicators.stage.done")}` : i === index ? `— ${t("indicators.stage.now")}` : ""}
          </li>
        ))}
      </ol>
    </div>
  );
}
