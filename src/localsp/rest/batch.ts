// OData $batch: each part answered as its own request, in order (../batch.ts parses and formats).
import { type BatchPartResponse, formatBatchResponse, parseBatch } from "../batch";
import { badRequest, SpError, unsupported } from "../errors";
import { contentTypeOf, errorDocument, formatOf } from "../format";
import { MAX_BATCH_OPERATIONS, tooManyBatchOperations } from "../limits";
import type { Ctx } from "./context";
import { type ApiResponse, statusText } from "./http";

export async function batch(ctx: Ctx): Promise<ApiResponse> {
  if (ctx.method !== "POST") throw unsupported(`${ctx.method} on $batch`);
  const parts = parseBatch(ctx.req.headers["content-type"] ?? "", ctx.req.body.toString("utf8"));
  if (parts.length > MAX_BATCH_OPERATIONS) throw tooManyBatchOperations(parts.length);
  const responses: BatchPartResponse[] = [];
  let failed = false;
  for (const part of parts) {
    if (failed && ctx.faults.batchAfterFailure === "indexOutOfRange") {
      const error = new SpError(
        500,
        "-1, System.IndexOutOfRangeException",
        "Index was outside the bounds of the array.",
      );
      const format = formatOf(part.headers.accept);
      responses.push({
        status: 500,
        statusText: statusText(500),
        headers: { "Content-Type": contentTypeOf(format) },
        body: JSON.stringify(errorDocument(error, format)),
      });
      continue;
    }
    let url: URL;
    try {
      url = new URL(part.url, ctx.req.url);
    } catch {
      throw badRequest(`localsp: $batch part URL '${part.url}' is not valid.`);
    }
    const headers: Record<string, string> = { ...part.headers };
    if (ctx.req.headers.authorization) headers.authorization = ctx.req.headers.authorization;
    const answer = await ctx.dispatch(
      { method: part.method, url, headers, body: Buffer.from(part.body, "utf8") },
      { inBatch: true },
    );
    const body =
      answer.body === null ? "" : typeof answer.body === "string" ? answer.body : answer.body.toString("utf8");
    responses.push({
      status: answer.status,
      statusText: answer.statusText ?? statusText(answer.status),
      headers: answer.headers,
      body,
    });
    if (answer.status >= 400) failed = true;
  }
  const { boundary, body } = formatBatchResponse(responses);
  return { status: 200, headers: { "Content-Type": `multipart/mixed; boundary=${boundary}` }, body };
}
