// A typed client for the indicator worker: start a run, follow its progress, cancel it (terminate).
import type { ReadIssue } from "../../workbook";
import type { RunOptions, RunOutcome, RunRequest, RunStage, WorkerMessage } from "./protocol";

/** What the runner needs of a Worker (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface RunProgress {
  stage: RunStage;
  file: string | null;
  fraction: number;
}

export interface RunHandle {
  done: Promise<RunOutcome>;
  cancel(): void;
}

export class RunCancelledError extends Error {
  constructor() {
    super("The run was cancelled.");
    this.name = "RunCancelledError";
  }
}

/** The run could not finish: a file could not be read at all (issue), or the worker broke. */
export class RunFailedError extends Error {
  readonly issue: ReadIssue | null;
  constructor(message: string, issue: ReadIssue | null) {
    super(message);
    this.name = "RunFailedError";
    this.issue = issue;
  }
}

export function createIndicatorWorker(): WorkerLike {
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "wres-indicators" }) as unknown as WorkerLike;
}

/** An ArrayBuffer holding exactly these bytes, safe to transfer (the caller's view is emptied). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

/**
 * Sends the workbooks to a fresh worker (bytes transferred, not copied) and resolves with the aggregated
 * outcome. The worker ends when the run ends; cancel() terminates it at once.
 */
export function startRun(
  files: { name: string; bytes: Uint8Array }[],
  options: RunOptions,
  callbacks: { onProgress?: (progress: RunProgress) => void; createWorker?: () => WorkerLike } = {},
): RunHandle {
  const worker = (callbacks.createWorker ?? createIndicatorWorker)();
  let settled = false;
  let rejectRun: (error: Error) => void = () => undefined;
  const finish = () => {
    settled = true;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
  };
  const done = new Promise<RunOutcome>((resolve, reject) => {
    rejectRun = reject;
    worker.onmessage = (event: MessageEvent) => {
      if (settled) return;
      const message = event.data as WorkerMessage;
      if (message.type === "progress") callbacks.onProgress?.({ stage: message.stage, file: message.file, fraction: message.fraction });
      else if (message.type === "done") {
        finish();
        resolve(message.outcome);
      } else if (message.type === "failed") {
        finish();
        reject(new RunFailedError(message.message, message.issue));
      }
    };
    worker.onerror = (event: Event) => {
      if (settled) return;
      event.preventDefault?.();
      finish();
      const text = (event as ErrorEvent).message;
      reject(new RunFailedError(text || "The indicator worker stopped unexpectedly.", null));
    };
  });
  const buffers = files.map((f) => ({ name: f.name, bytes: ownBuffer(f.bytes) }));
  const request: RunRequest = { type: "run", files: buffers, options };
  worker.postMessage(request, buffers.map((b) => b.bytes));
  return {
    done,
    cancel() {
      if (settled) return;
      finish();
      rejectRun(new RunCancelledError());
    },
  };
}
