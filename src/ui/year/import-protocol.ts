// The plan import's message protocol between the tab and its Web Worker, and the work itself as a
// pure function (tested without a Worker, and the same one the command line's output is checked
// against): file bytes and the editor's corrections in, what was understood out.
import { parsePlanGrid, type ImportCorrections, type PlanImport, readPlanFile } from "../../plan/import";
import { WorkbookError } from "../../workbook";

export interface ParseRequest {
  type: "parse";
  name: string;
  /** A copy of the file's bytes (the tab keeps its own for the next correction). */
  bytes: ArrayBuffer;
  /** The tab's plan year, or null to take the year the file names. */
  planYear: string | null;
  corrections: ImportCorrections;
}

export type ParseReply =
  | { type: "parsed"; result: PlanImport }
  /** The file could not be read at all: one sentence naming it. */
  | { type: "unreadable"; code: string; message: string };

export function isParseRequest(value: unknown): value is ParseRequest {
  const v = value as Partial<ParseRequest> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    v.type === "parse" &&
    typeof v.name === "string" &&
    v.bytes instanceof ArrayBuffer
  );
}

export function previewPlanFile(request: ParseRequest): ParseReply {
  try {
    const source = readPlanFile({ name: request.name, bytes: new Uint8Array(request.bytes) });
    const result = parsePlanGrid(source.sheets, {
      fileName: request.name,
      documentText: source.documentText,
      corrections: request.corrections,
      ...(request.planYear ? { planYear: request.planYear } : {}),
    });
    return { type: "parsed", result };
  } catch (error) {
    if (error instanceof WorkbookError) return { type: "unreadable", code: error.issue.code, message: error.message };
    throw error;
  }
}
