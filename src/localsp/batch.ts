// OData $batch as @pnp/sp speaks it (docs/sharepoint.md §2.4): a multipart/mixed request whose runs of
// writes sit in changesets, answered by one flat list of `--batchresponse_` parts in request order.
// Parts are executed one by one and independently, like SharePoint (no rollback).
import { randomUUID } from "node:crypto";
import { badRequest } from "./errors";

export interface BatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface BatchPartResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

function boundaryOf(contentType: string): string | null {
  const m = /boundary="?([^";]+)"?/i.exec(contentType);
  return m ? (m[1] as string) : null;
}

/** Splits a multipart body on a boundary into the raw text of each part. */
function splitParts(text: string, boundary: string): string[] {
  const lines = text.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === `--${boundary}--`) {
      if (current) parts.push(current.join("\n"));
      current = null;
      break;
    }
    if (line === `--${boundary}`) {
      if (current) parts.push(current.join("\n"));
      current = [];
      continue;
    }
    if (current) current.push(line);
  }
  if (current) parts.push(current.join("\n"));
  return parts;
}

function readHeaders(lines: string[], start: number): [Record<string, string>, number] {
  const headers: Record<string, string> = {};
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") return [headers, i + 1];
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return [headers, i];
}

function parseHttpPart(text: string): BatchPart {
  const lines = text.split("\n");
  const [, afterPartHeaders] = readHeaders(lines, 0);
  const requestLine = (lines[afterPartHeaders] ?? "").trim();
  const m = /^([A-Z]+)\s+(\S+)(\s+HTTP\/\d\.\d)?$/i.exec(requestLine);
  if (!m) throw badRequest(`localsp: $batch part has no request line ('${requestLine}').`);
  const [headers, bodyStart] = readHeaders(lines, afterPartHeaders + 1);
  const body = lines.slice(bodyStart).join("\n").trim();
  return { method: (m[1] as string).toUpperCase(), url: m[2] as string, headers, body };
}

export function parseBatch(contentType: string, body: string): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw badRequest("localsp: $batch needs a multipart/mixed Content-Type with a boundary.");
  const requests: BatchPart[] = [];
  for (const part of splitParts(body, boundary)) {
    const lines = part.split("\n");
    const [headers, next] = readHeaders(lines, 0);
    const type = headers["content-type"] ?? "";
    if (/^multipart\/mixed/i.test(type)) {
      const changeset = boundaryOf(type);
      if (!changeset) throw badRequest("localsp: $batch changeset has no boundary.");
      for (const inner of splitParts(lines.slice(next).join("\n"), changeset)) requests.push(parseHttpPart(inner));
    } else {
      requests.push(parseHttpPart(part));
    }
  }
  return requests;
}

/** SharePoint's flat batch answer; header values containing ':' are left out (pnpjs drops them anyway). */
export function formatBatchResponse(responses: BatchPartResponse[]): { boundary: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const out: string[] = [];
  for (const r of responses) {
    out.push(`--${boundary}`, "Content-Type: application/http", "Content-Transfer-Encoding: binary", "");
    out.push(`HTTP/1.1 ${r.status} ${r.statusText}`);
    for (const [name, value] of Object.entries(r.headers)) if (!value.includes(":")) out.push(`${name}: ${value}`);
    out.push("", r.body);
  }
  out.push(`--${boundary}--`, "");
  return { boundary, body: out.join("\r\n") };
}
