// What the Indicators screen reads and writes in SharePoint, as a hook: the workbooks in the "WRES Data"
// library (plan editors only), the saved results, uploading a workbook, saving a run's protected copy or
// a figure typed in from an earlier report, recording a break in a series on a saved year (with its ETag),
// and the Excel export. One failure at a time is shown.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ResultsDocument } from "../../indicators";
import type { DataFile, IndicatorResultRow } from "../../plan";
import type { PlanStore } from "../../sharepoint";
import { saveBytes, XLSX_TYPE } from "../state/download";
import { useBusy } from "../state/useBusy";
import { isConflict } from "../state/errors";
import { BANK_STANDARD_ID, STANDARD_ID } from "./headline";
import {
  breakdownsLeftOut,
  rowsToSave,
  savedResults,
  withSavedBank,
  type LeftOut,
  type SavedRow,
} from "./saved-results";
import {
  DetailTooLongError,
  keepRecordedBreaks,
  UnreadableDetailError,
  withRecordedBreak,
  type RecordedBreak,
} from "./series";
import { periodFor } from "./view";

export type SaveState = "idle" | "saving" | "saved";

/** How recording a break ended: saved; refused because someone changed the row first; the row cannot take one; failed. */
export type BreakOutcome = "saved" | "conflict" | "unreadable" | "tooLong" | "failed";

export function useIndicatorData(store: PlanStore, canRun: boolean, year: string | null, savedBy: string | null) {
  const [files, setFiles] = useState<DataFile[] | null>(null);
  const [saved, setSaved] = useState<IndicatorResultRow[]>([]);
  // Busy is not shown from here (each control shows its own progress); the hook keeps the one failure.
  const { error: failure, setError: setFailure, run } = useBusy();
  const [saving, setSaving] = useState<SaveState>("idle");
  // The breakdowns the last save had to leave out (too long for SharePoint's note column), shown beside "Saved".
  const [leftOut, setLeftOut] = useState<LeftOut>({});
  // The bank workers' saved figures: their own standard, their own rows (docs/bank-workforce.md).
  const [savedBank, setSavedBank] = useState<IndicatorResultRow[]>([]);
  const savedInfo = useMemo(
    () => withSavedBank(savedResults(saved), savedResults(savedBank, BANK_STANDARD_ID)),
    [saved, savedBank],
  );
  const readSaved = useCallback(async () => {
    const [main, bank] = await Promise.all([
      store.indicatorResults(STANDARD_ID),
      store.indicatorResults(BANK_STANDARD_ID),
    ]);
    setSaved(main);
    setSavedBank(bank);
  }, [store]);

  const refresh = useCallback(async () => {
    try {
      const [list] = await Promise.all([canRun ? store.dataFiles() : Promise.resolve([]), readSaved()]);
      setFiles(list);
    } catch (error) {
      setFailure(error);
      setFiles([]);
    }
  }, [store, canRun, setFailure, readSaved]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Uploads a workbook, tells `onUploaded` (before the list is read again), or shows the failure. */
  async function upload(file: File, onProgress: (fraction: number) => void, onUploaded: (uploaded: DataFile) => void) {
    await run(async () => {
      onUploaded(await store.uploadDataFile(file.name, new Uint8Array(await file.arrayBuffer()), onProgress));
      await refresh();
    });
  }

  /** Saves a protected copy under its reporting period (else the plan year). */
  async function save(doc: ResultsDocument) {
    const period = periodFor(doc, year);
    if (!period) return;
    setSaving("saving");
    await run(
      async () => {
        // A year saved again keeps the break a plan editor recorded on it.
        const rows = keepRecordedBreaks(rowsToSave(doc, period, savedBy), saved);
        await store.saveIndicatorResults(rows);
        setLeftOut(breakdownsLeftOut(rows));
        await readSaved();
        setSaving("saved");
      },
      () => setSaving("idle"),
    );
  }

  async function saveEntered(row: SavedRow) {
    await run(async () => {
      await store.saveIndicatorResults([row]);
      setSaved(await store.indicatorResults(STANDARD_ID));
    });
  }

  /**
   * Records a break in the series on one saved row (or removes it, given null), written with the row's ETag.
   * A conflict is never an overwrite: the rows are read again and the editor decides again.
   */
  async function recordBreak(row: IndicatorResultRow, recorded: RecordedBreak | null): Promise<BreakOutcome> {
    let detail: string;
    try {
      detail = withRecordedBreak(row.detail, recorded);
    } catch (error) {
      if (error instanceof UnreadableDetailError) return "unreadable";
      if (error instanceof DetailTooLongError) return "tooLong";
      throw error;
    }
    let outcome: BreakOutcome = "failed";
    await run(async () => {
      try {
        await store.updateIndicatorResultDetail(row.id, row.etag, detail);
        outcome = "saved";
      } catch (error) {
        if (!isConflict(error)) throw error;
        outcome = "conflict";
      }
      setSaved(await store.indicatorResults(STANDARD_ID));
    });
    return outcome;
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

  return {
    files,
    saved,
    savedBank,
    savedInfo,
    failure,
    setFailure,
    saving,
    leftOut,
    /** What was saved no longer matches what is shown (a setting changed, a new run): offer to save again. */
    unsaved: () => setSaving("idle"),
    upload,
    save,
    saveEntered,
    recordBreak,
    exportWorkbook,
  };
}
