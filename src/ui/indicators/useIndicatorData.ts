// What the Indicators screen reads and writes in SharePoint, as a hook: the workbooks in the "WRES Data"
// library (plan editors only), the saved results, uploading a workbook, saving a run's protected copy or
// a figure typed in from an earlier report, and the Excel export. One failure at a time is shown.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ResultsDocument } from "../../indicators";
import type { DataFile, IndicatorResultRow } from "../../plan";
import type { PlanStore } from "../../sharepoint";
import { saveBytes, XLSX_TYPE } from "../state/download";
import { useBusy } from "../state/useBusy";
import { STANDARD_ID } from "./headline";
import { breakdownsLeftOut, rowsToSave, savedResults, type LeftOut, type SavedRow } from "./saved-results";
import { periodFor } from "./view";

export type SaveState = "idle" | "saving" | "saved";

export function useIndicatorData(store: PlanStore, canRun: boolean, year: string | null, savedBy: string | null) {
  const [files, setFiles] = useState<DataFile[] | null>(null);
  const [saved, setSaved] = useState<IndicatorResultRow[]>([]);
  // Busy is not shown from here (each control shows its own progress); the hook keeps the one failure.
  const { error: failure, setError: setFailure, run } = useBusy();
  const [saving, setSaving] = useState<SaveState>("idle");
  // The breakdowns the last save had to leave out (too long for SharePoint's note column), shown beside "Saved".
  const [leftOut, setLeftOut] = useState<LeftOut>({});
  const savedInfo = useMemo(() => savedResults(saved), [saved]);

  const refresh = useCallback(async () => {
    try {
      const [list, results] = await Promise.all([
        canRun ? store.dataFiles() : Promise.resolve([]),
        store.indicatorResults(STANDARD_ID),
      ]);
      setFiles(list);
      setSaved(results);
    } catch (error) {
      setFailure(error);
      setFiles([]);
    }
  }, [store, canRun, setFailure]);

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
        const rows = rowsToSave(doc, period, savedBy);
        await store.saveIndicatorResults(rows);
        setLeftOut(breakdownsLeftOut(rows));
        setSaved(await store.indicatorResults(STANDARD_ID));
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
    exportWorkbook,
  };
}
