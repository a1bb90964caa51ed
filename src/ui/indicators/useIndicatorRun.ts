// A run of the indicator module, as a hook: download the chosen workbooks, hand their bytes to the Web
// Worker, follow its stages, cancel it. Each run has a number: a cancelled run's download loop or worker
// sees it has been overtaken and stops, so cancelling during the download and starting again never leaves
// two runs going. Leaving the screen cancels the run.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppLocale } from "../../i18n";
import type { DataFile } from "../../plan";
import type { PlanStore } from "../../sharepoint";
import { loadMappings } from "./mapping";
import type { RunOutcome } from "./protocol";
import { RunCancelledError, RunFailedError, startRun, type RunHandle, type RunProgress } from "./runner";
import { browserStorage } from "./settings";
import { issueLine } from "./ValidationReport";

export type RunState =
  | { status: "idle" }
  | { status: "downloading"; done: number; of: number }
  | { status: "running"; progress: RunProgress | null }
  | { status: "done"; outcome: RunOutcome }
  | { status: "failed"; message: string }
  | { status: "cancelled" };

export interface RunEvents {
  /** A run starts (the screen clears an earlier failure and "saved"). */
  onStart(): void;
  /** A workbook could not be downloaded: the run stops, the screen shows the error. */
  onDownloadError(error: unknown): void;
  /** The results are in. */
  onDone(outcome: RunOutcome): void;
}

export function useIndicatorRun(
  store: Pick<PlanStore, "downloadDataFile">,
  year: string | null,
  locale: AppLocale,
  events: RunEvents,
) {
  const { t } = useTranslation();
  const [run, setRun] = useState<RunState>({ status: "idle" });
  const handle = useRef<RunHandle | null>(null);
  const runToken = useRef(0);

  useEffect(
    () => () => {
      runToken.current += 1;
      handle.current?.cancel();
    },
    [],
  );

  function failureText(error: unknown): string {
    if (error instanceof RunFailedError) {
      if (error.issue) return issueLine(t, error.issue, locale);
      if (error.reason === "stopped") return t("indicators.run.failedStopped");
      return t("indicators.run.failedError", { detail: error.message });
    }
    return t("indicators.run.failedUnexpected");
  }

  async function start(chosen: readonly DataFile[]): Promise<void> {
    if (chosen.length === 0) return;
    handle.current?.cancel();
    const token = ++runToken.current;
    const live = () => runToken.current === token;
    events.onStart();
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
      events.onDownloadError(error);
      setRun({ status: "idle" });
      return;
    }
    let current: RunHandle;
    try {
      // The bytes are transferred to the worker: this page keeps no copy of the staff rows.
      // Remembered column mappings are header names only (no cell values), kept in this browser.
      const mappings = loadMappings(browserStorage());
      current = startRun(
        inputs,
        { ...(year ? { period: year } : {}), mappings },
        {
          onProgress: (progress) => {
            if (live()) setRun({ status: "running", progress });
          },
        },
      );
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
      events.onDone(outcome);
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

  const busy = run.status === "downloading" || run.status === "running";
  return { run, busy, outcome: run.status === "done" ? run.outcome : null, start, cancel };
}
