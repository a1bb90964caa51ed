// The plan import's Web Worker (module worker): a plan file's bytes and the editor's corrections
// in, what was understood out. Reading a workbook or document never runs on the tab's main thread.
import { isParseRequest, previewPlanFile, type ParseReply } from "./import-protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: ParseReply | { type: "failed"; message: string }): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  if (!isParseRequest(event.data)) return;
  try {
    scope.postMessage(previewPlanFile(event.data));
  } catch (error) {
    scope.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
};
