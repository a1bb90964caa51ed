import { describe, expect, it } from "vitest";
import { spfi, DefaultHeaders, DefaultInit } from "@pnp/sp";
import { DefaultParse } from "@pnp/queryable";
import { Web } from "@pnp/sp/webs/index.js";
import {
  BearerAuth,
  parseRetryAfter,
  RetryingFetch,
  type BearerAuthOptions,
  type RetryInfo,
} from "../../../src/sharepoint/behaviors";
import { OfflineError, PermissionError, ThrottledError, toAppError } from "../../../src/sharepoint/errors";
import { ForeignSiteError } from "../../../src/sharepoint/site-address";
import { authProblem, InteractionRequired } from "../../../src/auth";

const SP = "http://sp.test";

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

const ok = () =>
  new Response(JSON.stringify({ Title: "WRES" }), { status: 200, headers: { "Content-Type": "application/json" } });
const throttled = (status: number, retryAfter?: string) =>
  new Response("429 TOO MANY REQUESTS", {
    status,
    headers: retryAfter === undefined ? {} : { "Retry-After": retryAfter },
  });

function build(fetchImpl: typeof fetch, retries: RetryInfo[], sleeps: number[], maxRetries = 3) {
  return spfi("http://sp.test/sites/wres").using(
    DefaultHeaders(),
    DefaultInit(),
    RetryingFetch({
      retries: maxRetries,
      fetchImpl,
      onRetry: (i) => retries.push(i),
      sleep: async (ms) => void sleeps.push(ms),
    }),
    DefaultParse(),
    BearerAuth(async () => "dev:edi.lead@wres.test", { origin: SP }),
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

/** A token cache like MSAL's: hands back the same token until invalidated, then a fresh one. */
class FakeTokenCache {
  serial = 1;
  invalidations = 0;
  requests = 0;
  private stale = false;
  /** When set, the silent refresh after invalidate() needs the user. */
  refreshNeedsUser = false;
  getToken = async (): Promise<string> => {
    this.requests += 1;
    if (this.stale) {
      this.stale = false;
      if (this.refreshNeedsUser) throw new InteractionRequired("write", "interaction_required");
      this.serial += 1;
    }
    return `token-${this.serial}`;
  };
  invalidate = () => {
    this.invalidations += 1;
    this.stale = true;
  };
}

const unauthorized = () =>
  new Response('{"error_description":"Invalid JWT token. The token is expired."}', { status: 401 });

function buildWithCache(fetchImpl: typeof fetch, cache: FakeTokenCache, options: Partial<BearerAuthOptions> = {}) {
  return spfi("http://sp.test/sites/wres").using(
    DefaultHeaders(),
    DefaultInit(),
    RetryingFetch({ retries: 2, fetchImpl, sleep: async () => undefined }),
    DefaultParse(),
    BearerAuth(cache.getToken, { invalidate: cache.invalidate, origin: SP, ...options }),
  );
}

describe("BearerAuth when SharePoint answers 401 (token expired or revoked mid-session)", () => {
  it("skips the token cache once and sends the request again with a fresh token", async () => {
    const seen: Seen[] = [];
    const cache = new FakeTokenCache();
    const sp = buildWithCache(scriptedFetch([unauthorized, ok], seen), cache);
    const web = await sp.web.select("Title")<{ Title: string }>();
    expect(web.Title).toBe("WRES");
    expect(seen.map((s) => s.headers.get("Authorization"))).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(cache.invalidations).toBe(1);
    // The next request uses the fresh token straight away.
    await sp.web();
    expect(seen.at(-1)!.headers.get("Authorization")).toBe("Bearer token-2");
    expect(cache.invalidations).toBe(1);
  });

  it("asks the user to sign in (not 'no permission') when SharePoint refuses the fresh token too", async () => {
    const seen: Seen[] = [];
    const cache = new FakeTokenCache();
    const sp = buildWithCache(scriptedFetch([unauthorized], seen), cache);
    const failure = await sp.web().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InteractionRequired);
    expect(failure).toMatchObject({ purpose: "write", reason: "sharepoint_401" });
    expect(toAppError(failure)).toBe(failure); // stays a sign-in problem through the data layer
    expect(authProblem(toAppError(failure))).toEqual({ kind: "signInRequired", purpose: "write" });
    expect(seen).toHaveLength(2); // once more, no loop
    expect(cache.invalidations).toBe(1);
  });

  it("names the Manage permission when the provisioning instance is refused", async () => {
    const cache = new FakeTokenCache();
    const sp = buildWithCache(scriptedFetch([unauthorized], []), cache, { purpose: "provision" });
    await expect(sp.web()).rejects.toMatchObject({ name: "InteractionRequired", purpose: "provision" });
  });

  it("passes on the seam's own InteractionRequired when the silent refresh needs the user", async () => {
    const seen: Seen[] = [];
    const cache = new FakeTokenCache();
    cache.refreshNeedsUser = true;
    const sp = buildWithCache(scriptedFetch([unauthorized, ok], seen), cache);
    await expect(sp.web()).rejects.toMatchObject({ name: "InteractionRequired", reason: "interaction_required" });
    expect(seen).toHaveLength(1);
  });

  it("does not retry a 403: the user is signed in but lacks the right", async () => {
    const seen: Seen[] = [];
    const cache = new FakeTokenCache();
    const sp = buildWithCache(scriptedFetch([() => new Response("{}", { status: 403 })], seen), cache);
    const failure = await sp.web().catch((error: unknown) => error);
    expect(toAppError(failure)).toBeInstanceOf(PermissionError);
    expect(seen).toHaveLength(1);
    expect(cache.invalidations).toBe(0);
  });

  it("never sends the token, or the request, to another origin", async () => {
    const seen: Seen[] = [];
    const cache = new FakeTokenCache();
    const sp = buildWithCache(scriptedFetch([ok], seen), cache);
    // The same pipeline pointed elsewhere, as by a next-page link or an address naming another host.
    const foreign = await Web([sp.web, "http://evil.test/sites/wres"])
      .select("Title")()
      .catch((error: unknown) => error);
    expect(foreign).toBeInstanceOf(ForeignSiteError);
    expect(toAppError(foreign)).toMatchObject({ code: "foreignSite" });
    expect(seen.filter((s) => !s.url.startsWith(`${SP}/`))).toEqual([]);
    expect(cache.requests).toBe(0); // no token was even asked for
  });

  it("refuses to be set up before the behaviour that sends", () => {
    expect(() => spfi("http://sp.test/sites/wres").using(BearerAuth(async () => "t", { origin: SP }))).toThrow(
      /after the behaviour that sends/,
    );
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
