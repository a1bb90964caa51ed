// The Indicators view: choose or upload workbooks in the "WRES Data" library, run the indicator module
// in a Web Worker (progress by stage, cancel), read the validation report and the results (always the
// suppressed copy, at the plan editor's small-number threshold), save them for the year-on-year trend and
// export them for the committee paper. Readers, and editors before a run, see the newest saved results.
// The state lives in hooks (useIndicatorData, useIndicatorRun, useThreshold); this file renders.
import { useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DismissRegular, PlayRegular, PrintRegular, SaveRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { headlineValue, suppressResults } from "../../indicators";
import { INDICATOR_NUMBERS, type IndicatorNumber } from "../../plan";
import { ErrorMessage } from "../components/ErrorMessage";
import { BreakdownsLeftOut } from "./BreakdownChooser";
import { usePlan } from "../state/PlanContext";
import { useIndicatorsScreenStyles as useStyles } from "./IndicatorsScreen.styles";
import { BankFigures } from "./BankFigures";
import { IndicatorView } from "./IndicatorView";
import { LinkedActions } from "./LinkedActions";
import { MappingDialog } from "./MappingDialog";
import { rememberMapping } from "./mapping";
import { PastYearForm } from "./PastYearForm";
import { PrintableResults } from "./PrintableResults";
import type { UnrecognisedSheet } from "./protocol";
import { RunProgress } from "./RunProgress";
import { SavedResults } from "./SavedResults";
import { SeriesBreakForm } from "./SeriesBreakForm";
import { browserStorage, MAX_THRESHOLD, MIN_THRESHOLD } from "./settings";
import { TrendView } from "./TrendView";
import { useIndicatorData } from "./useIndicatorData";
import { useIndicatorRun } from "./useIndicatorRun";
import { useBoardSetting, useThreshold } from "./useThreshold";
import { FiguresBeside } from "./FiguresBeside";
import { FiguresEditor } from "./FiguresEditor";
import { TrajectoryView } from "./TrajectoryView";
import { useIndicatorFigures } from "./useIndicatorFigures";
import { ValidationReport } from "./ValidationReport";
import { indicatorKeys, periodFor } from "./view";
import { WorkbookPicker } from "./WorkbookPicker";

export default function IndicatorsScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store, capabilities, locale, year, snapshot, today, me } = usePlan();
  const canRun = capabilities.editPlan;
  const data = useIndicatorData(store, canRun, year, me.title || null);
  const { files, saved, savedInfo, failure, saving } = data;
  const figures = useIndicatorFigures(store);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [view, setView] = useState<string>("report");
  const [mapping, setMapping] = useState<UnrecognisedSheet | null>(null);
  const threshold = useThreshold(savedInfo, data.unsaved);
  const board = useBoardSetting(savedInfo, data.unsaved);
  const { run, busy, outcome, ...runner } = useIndicatorRun(store, year, locale, {
    onStart: () => {
      data.setFailure(null);
      data.unsaved();
    },
    onDownloadError: data.setFailure,
    onDone: (done) => setView(indicatorKeys(done.results)[0] ?? "report"),
  });

  function start() {
    if (files) void runner.start(files.filter((f) => selected.has(f.serverRelativeUrl)));
  }

  const done = useMemo(
    () =>
      outcome
        ? {
            outcome,
            publishable: suppressResults(outcome.results, threshold.threshold, {
              publishBoardComposition: board.publishBoard,
            }),
          }
        : null,
    [outcome, threshold.threshold, board.publishBoard],
  );
  const keys = useMemo(() => (done ? indicatorKeys(done.publishable) : []), [done]);

  return (
    <div className={styles.screen}>
      {failure ? <ErrorMessage error={failure} /> : null}
      {canRun ? (
        <div className={styles.card}>
          {files === null ? (
            <Spinner label={t("indicators.workbooks.loading")} />
          ) : (
            <WorkbookPicker
              files={files}
              selected={selected}
              onSelect={setSelected}
              canUpload={capabilities.editPlan}
              onUpload={(file, onProgress) =>
                data.upload(file, onProgress, (uploaded) =>
                  setSelected((s) => new Set(s).add(uploaded.serverRelativeUrl)),
                )
              }
              locale={locale}
              disabled={busy}
            />
          )}
          <div className={styles.bar}>
            <Button appearance="primary" icon={<PlayRegular />} disabled={busy || selected.size === 0} onClick={start}>
              {t("indicators.run.start", { count: selected.size })}
            </Button>
            {busy ? (
              <Button icon={<DismissRegular />} onClick={runner.cancel}>
                {t("indicators.run.cancel")}
              </Button>
            ) : null}
          </div>
          <Field
            className={styles.threshold}
            label={t("indicators.threshold.label")}
            hint={t("indicators.threshold.hint", {
              threshold: threshold.threshold,
              below: threshold.threshold - 1,
              min: MIN_THRESHOLD,
              max: MAX_THRESHOLD,
            })}
            validationState={threshold.invalid ? "error" : "none"}
            validationMessage={
              threshold.invalid
                ? t("indicators.threshold.invalid", { min: MIN_THRESHOLD, max: MAX_THRESHOLD })
                : undefined
            }
          >
            <Input
              className={styles.thresholdInput}
              type="number"
              inputMode="numeric"
              min={MIN_THRESHOLD}
              max={MAX_THRESHOLD}
              step={1}
              value={threshold.text}
              disabled={busy}
              onChange={(_, d) => threshold.type(d.value)}
              onBlur={threshold.leave}
            />
          </Field>
          <Field className={styles.threshold} hint={t("disclosure.boardSettingHint")}>
            <Checkbox
              label={t("disclosure.boardSetting")}
              checked={board.publishBoard}
              disabled={busy}
              onChange={(_, d) => board.choose(d.checked === true)}
            />
          </Field>
          {busy ? <RunProgress run={run} /> : null}
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
          <h2 id="wres-results-heading">
            {done.publishable.period
              ? t("indicators.results.titleYear", { year: done.publishable.period })
              : t("indicators.results.title")}
          </h2>
          {keys.length === 0 ? (
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>{t("indicators.results.none")}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.bar}>
            {keys.length > 0 && canRun ? (
              <Button
                appearance="primary"
                icon={<SaveRegular />}
                disabled={saving === "saving" || !periodFor(done.publishable, year)}
                onClick={() => void data.save(done.publishable)}
              >
                {saving === "saving"
                  ? t("indicators.results.saving")
                  : t("indicators.results.save", { year: periodFor(done.publishable, year) ?? "" })}
              </Button>
            ) : null}
            {keys.length > 0 ? (
              <Button icon={<ArrowDownloadRegular />} onClick={() => void data.exportWorkbook(done.publishable)}>
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
          {saving === "saved" ? <BreakdownsLeftOut leftOut={data.leftOut} /> : null}
          <nav aria-label={t("indicators.results.nav")}>
            <TabList
              selectedValue={view}
              onTabSelect={(_, d) => setView(String(d.value))}
              size="small"
              className={styles.tabs}
            >
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
                start();
              }}
            />
          ) : null}
          {keys.length > 0 ? (
            <PrintableResults doc={done.publishable} actions={snapshot.actions} today={today} />
          ) : null}
          {view === "report" ? (
            <ValidationReport
              sheets={done.outcome.sheets}
              issues={done.outcome.issues}
              results={done.publishable}
              locale={locale}
            />
          ) : done.publishable.indicators[view] ? (
            <>
              <IndicatorView id={view} result={done.publishable.indicators[view]!} doc={done.publishable} />
              <BankFigures id={view} bank={done.publishable.bank} />
              {isIndicatorNumber(Number(view)) ? (
                <FiguresBeside
                  indicator={Number(view) as IndicatorNumber}
                  year={periodFor(done.publishable, year)}
                  ours={headlineValue(done.publishable.indicators[view]!, done.publishable.groups)}
                  figures={figures.figures}
                />
              ) : null}
              {isIndicatorNumber(Number(view)) ? (
                <LinkedActions indicator={Number(view) as IndicatorNumber} actions={snapshot.actions} today={today} />
              ) : null}
            </>
          ) : null}
        </section>
      ) : savedInfo ? (
        <SavedResults
          saved={savedInfo}
          actions={snapshot.actions}
          today={today}
          locale={locale}
          canRun={canRun}
          figures={figures.figures}
        />
      ) : null}

      <div className={styles.card}>
        <TrendView saved={saved} />
        <TrendView saved={data.savedBank} bank />
        <TrajectoryView saved={saved} figures={figures.figures} />
        {figures.available ? <FiguresEditor state={figures} canEdit={canRun} saved={saved} /> : null}
        {canRun ? (
          <>
            <h3>{t("indicators.entered.title")}</h3>
            <Text size={200}>{t("indicators.entered.note")}</Text>
            <PastYearForm onSave={data.saveEntered} recordedBy={me.title || null} />
            <SeriesBreakForm saved={saved} recordedBy={me.title || null} onRecord={data.recordBreak} />
          </>
        ) : null}
      </div>
    </div>
  );
}

function isIndicatorNumber(n: number): n is IndicatorNumber {
  return (INDICATOR_NUMBERS as readonly number[]).includes(n);
}
