// The answer side of the REST API: request and response shapes, status texts, JSON bodies and
// the few answers every handler gives (empty, error, file content refused inside a $batch).
import { badRequest, type SpError, unsupported } from "../errors";
import { contentTypeOf, errorDocument, type Format, formatOf } from "../format";

export interface ApiRequest {
  method: string;
  /** Absolute URL (origin taken from the Host header). */
  url: URL;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface ApiResponse {
  status: number;
  statusText?: string;
  headers: Record<string, string>;
  body: Buffer | string | null;
}

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  503: "Service Unavailable",
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? "Unknown";
}

export function json(status: number, body: unknown, format: Format, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { "Content-Type": contentTypeOf(format), ...headers }, body: JSON.stringify(body) };
}

/** SharePoint's error answer for an error raised outside dispatch (body limits, an unavailable site). */
export function errorAnswer(error: SpError, accept: string | undefined): ApiResponse {
  const format = formatOf(accept);
  return json(error.status, errorDocument(error, format), format, error.headers);
}

/**
 * File bytes inside a $batch part: the batch body is parsed as text, which would corrupt binary
 * content, and @pnp/sp never batches file methods (SharePoint does not support it either).
 */
export function fileContentInBatch(): SpError {
  return unsupported("file content (upload or $value) inside a $batch part; send it as its own request");
}

export function empty(status: number, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers, body: null };
}

export function parseJsonBody(req: ApiRequest): Record<string, unknown> {
  const text = req.body.toString("utf8").trim();
  if (text === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
    return value as Record<string, unknown>;
  } catch {
    throw badRequest("Invalid JSON. A token was not recognized in the JSON content.");
  }
}
