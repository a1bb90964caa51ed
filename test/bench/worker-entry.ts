// The bench's Web Worker: the tab's own worker code (executeRun, what src/ui/indicators/worker.ts runs), with the
// clock around it. It says "ready" once loaded, so module loading is not timed; the compute is timed in the
// worker itself, from the request's bytes to the outcome, as the command line's is timed from bytes to results.
import { executeRun, isRunRequest, type WorkerMessage } from "../../src/ui/indicators/protocol";

interface BenchScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as BenchScope;

scope.onmessage = (event) => {
  if (!isRunRequest(event.data)) return;
  const start = performance.now();
  let last: WorkerMessage | null = null;
  executeRun(event.data, (message) => {
    if (message.type !== "progress") last = message;
  });
  const ms = performance.now() - start;
  const outcome = last as WorkerMessage | null;
  const check =
    outcome?.type === "done"
      ? `${outcome.outcome.sheets.reduce((n, s) => n + s.rowsUsed, 0)} rows used`
      : `failed: ${outcome?.type === "failed" ? outcome.message : "no answer"}`;
  scope.postMessage({ type: "timed", ms, check });
};
scope.postMessage({ type: "ready" });
