// A typed client for the indicator worker: start a run, follow its progress, cancel it (terminate).
import type { ReadIssue } from "../../indicators";
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

/**
 * Why a run could not finish, for the screen to put in the user's words: a file could not be read at
 * all ("file", with the issue), the module threw inside the worker ("error": the message is technical
 * detail, English), or the worker itself stopped, most often because the browser ran out of memory ("stopped").
 */
export type RunFailure = "file" | "error" | "stopped";

export class RunFailedError extends Error {
  readonly issue: ReadIssue | null;
  readonly reason: RunFailure;
  constructor(message: string, issue: ReadIssue | null, reason: RunFailure = issue ? "file" : "error") {
    super(message);
    this.name = "RunFailedError";
    this.issue = issue;
    this.reason = reason;
  }
}

export function createIndicatorWorker(): WorkerLike {
  return new Worker(new URL("./worker.ts", import.meta.url), {
    type: "module",
    name: "wres-indicators",
  }) as unknown as WorkerLike;
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
      if (message.type === "progress")
        callbacks.onProgress?.({ stage: message.stage, file: message.file, fraction: message.fraction });
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
      // An error event without a message is the worker dying (out of memory, killed), not a thrown error.
      reject(
        text
          ? new RunFailedError(text, null, "error")
          : new RunFailedError("The indicator worker stopped unexpectedly.", null, "stopped"),
      );
    };
  });
  const buffers = files.map((f) => ({ name: f.name, bytes: ownBuffer(f.bytes) }));
  const request: RunRequest = { type: "run", files: buffers, options };
  worker.postMessage(
    request,
    buffers.map((b) => b.bytes),
  );
  return {
    done,
    cancel() {
      if (settled) return;
      finish();
      rejectRun(new RunCancelledError());
    },
  };
}
