import { describe, expect, it } from "vitest";
import { spfi, DefaultHeaders, DefaultInit } from "@pnp/sp";
import { DefaultParse } from "@pnp/queryable";
import "@pnp/sp/webs/index.js";
import { BearerAuth, parseRetryAfter, RetryingFetch, type RetryInfo } from "../../../src/sharepoint/behaviors";
import { OfflineError, ThrottledError } from "../../../src/sharepoint/errors";

interface Seen {
  url: string;
  headers: Headers;
}

/** A fetch that answers from a script and records what was sent. */
function scriptedFetch(script: (() => Response | Promise<Response>)[], seen: Seen[]): typeof fetch {
  let call = 0;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), headers: new Headers(init?.headers) });
    const step = script[Math.min(call++, script.length - 1)]!;
    return step();
  }) as typeof fetch;
}

const ok = () => new Response(JSON.stringify({ Title: "WRES" }), { status: 200, headers: { "Content-Type": "application/json" } });
const throttled = (status: number, retryAfter?: string) =>
  new Response("429 TOO MANY REQUESTS", { status, headers: retryAfter === undefined ? {} : { "Retry-After": retryAfter } });

function build(fetchImpl: typeof fetch, retries: RetryInfo[], sleeps: number[], maxRetries = 3) {
  return spfi("http://sp.test/sites/wres").using(
    DefaultHeaders(),
    DefaultInit(),
    RetryingFetch({ retries: maxRetries, fetchImpl, onRetry: (i) => retries.push(i), sleep: async (ms) => void sleeps.push(ms) }),
    DefaultParse(),
    BearerAuth(async () => "dev:edi.lead@wres.test"),
  );
}

describe("RetryingFetch and BearerAuth", () => {
  it("waits as long as Retry-After says, reports each retry and then succeeds", async () => {
    const seen: Seen[] = [];
    const retries: RetryInfo[] = [];
    const sleeps: number[] = [];
    const sp = build(scriptedFetch([() => throttled(429, "2"), () => throttled(503, "0"), ok], seen), retries, sleeps);
    const web = await sp.web.select("Title")<{ Title: string }>();
    expect(web.Title).toBe("WRES");
    expect(retries).toEqual([
      { attempt: 1, waitMs: 2000, status: 429 },
      { attempt: 2, waitMs: 0, status: 503 },
    ]);
    expect(sleeps).toEqual([2000, 0]);
    expect(seen).toHaveLength(3);
    expect(seen[0]!.headers.get("Authorization")).toBe("Bearer dev:edi.lead@wres.test");
    expect(seen[0]!.url).toContain("/sites/wres/_api/web");
  });

  it("backs off by doubling without Retry-After", async () => {
    const sleeps: number[] = [];
    const sp = build(scriptedFetch([() => throttled(429), () => throttled(429), ok], []), [], sleeps);
    await sp.web();
    expect(sleeps).toEqual([500, 1000]);
  });

  it("throws ThrottledError when retries run out", async () => {
    const sp = build(scriptedFetch([() => throttled(429, "1")], []), [], [], 2);
    await expect(sp.web()).rejects.toBeInstanceOf(ThrottledError);
  });

  it("throws OfflineError when the network keeps failing", async () => {
    const failing = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    const retries: RetryInfo[] = [];
    const sp = build(failing, retries, [], 1);
    await expect(sp.web()).rejects.toBeInstanceOf(OfflineError);
    expect(retries).toEqual([{ attempt: 1, waitMs: 500, status: 0 }]);
  });

  it("does not retry other errors", async () => {
    const seen: Seen[] = [];
    const sp = build(scriptedFetch([() => new Response("{}", { status: 412 })], seen), [], []);
    await expect(sp.web()).rejects.toMatchObject({ status: 412 });
    expect(seen).toHaveLength(1);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("31")).toBe(31_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:10 GMT", Date.parse("Wed, 21 Oct 2026 07:28:00 GMT"))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
