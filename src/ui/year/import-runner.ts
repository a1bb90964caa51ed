// Runs the plan import's parse in a Web Worker, one worker per parse (a plan is small; a fresh worker
// leaves nothing behind, and a file that exhausts the worker's memory ends only that worker).
// Where there is no Worker (jsdom in component tests) the same pure function runs in place.
import type { ParseReply, ParseRequest } from "./import-protocol";

export type ParsePlan = (request: ParseRequest) => Promise<ParseReply>;

/** The worker stopped or threw: the file may be too large for this browser, or the reader has a bug. */
export class ParseFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParseFailedError";
  }
}

export const parsePlanInWorker: ParsePlan = (request) => {
  // Loaded only there, so the readers stay out of the tab's own bundle (the worker has its own).
  if (typeof Worker === "undefined") return import("./import-protocol").then((m) => m.previewPlanFile(request));
  const worker = new Worker(new URL("./import-worker.ts", import.meta.url), {
    type: "module",
    name: "wres-plan-import",
  });
  return new Promise<ParseReply>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ParseReply | { type: "failed"; message: string }>) => {
      worker.terminate();
      const reply = event.data;
      if (reply.type === "failed") reject(new ParseFailedError(reply.message));
      else resolve(reply);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new ParseFailedError(event.message || "The import worker stopped."));
    };
    worker.postMessage(request);
  });
};
