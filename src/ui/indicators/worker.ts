// The indicator run's Web Worker (module worker): workbook bytes in, aggregates out. The tab cancels
// a run by terminating the worker, so nothing here needs to check for cancellation.
import { executeRun, isRunRequest, type WorkerMessage } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: WorkerMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  if (!isRunRequest(event.data)) return;
  executeRun(event.data, (message) => scope.postMessage(message));
};
