// @pnp/sp behaviours of our own: a bearer token from the app's token provider (fetched afresh once
// when SharePoint refuses it), and retries that honour Retry-After and tell the UI that a request is
// still working.
import type { Queryable, QueryableSendObserver } from "@pnp/queryable";
import { InteractionRequired, type SignInPurpose } from "../auth";
import { OfflineError, ThrottledError } from "./errors";
import { ForeignSiteError, isOnOrigin } from "./site-address";

export type TokenProvider = () => Promise<string>;

export interface BearerAuthOptions {
  /** Makes the provider's next token skip its cache (the auth session's `invalidate`). */
  invalidate?: () => void;
  /** The permission these tokens carry: what a Sign in button must ask for when SharePoint keeps refusing them. Default "write". */
  purpose?: SignInPurpose;
  /**
   * The origin the tokens were issued for. A request to any other origin (a next-page link, a file
   * URL, a redirect a server suggested) is refused before it is sent, so the token never leaves it.
   */
  origin: string;
}

/**
 * Adds `Authorization: Bearer <token>` at the auth moment of every request on the token's origin (a
 * $batch is authorised once); a request anywhere else fails with ForeignSiteError unsent. A 401 means SharePoint no longer accepts a token the cache still thought valid (expired
 * early, revoked, password changed): the cache is skipped once and the request sent again with a
 * fresh silent token. A second 401 is `InteractionRequired`, so the tab offers Sign in rather than
 * "no permission" (403 stays forbidden). Must come after the behaviour that sends (RetryingFetch):
 * pnp's send moment runs only its first observer, so this wraps it.
 */
export function BearerAuth(getToken: TokenProvider, options: BearerAuthOptions) {
  const purpose = options.purpose ?? "write";
  const withToken = (init: RequestInit, token: string): RequestInit => ({
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` },
  });
  return (instance: Queryable) => {
    instance.on.auth(async (url, init) => {
      if (!isOnOrigin(String(url), options.origin)) throw new ForeignSiteError(String(url), options.origin);
      return [url, withToken(init, await getToken())];
    });
    const [send] = instance.on.send.toArray();
    if (!send) throw new Error("BearerAuth must be added after the behaviour that sends requests (RetryingFetch)");
    const reauthorising: QueryableSendObserver = async function (url, init) {
      const first = await send.call(this, url, init);
      if (first.status !== 401) return first;
      await first.arrayBuffer().catch(() => undefined);
      options.invalidate?.();
      // May itself throw InteractionRequired (the silent refresh needs the user): that is the answer then.
      const again = await send.call(this, url, withToken(init, await getToken()));
      if (again.status !== 401) return again;
      await again.arrayBuffer().catch(() => undefined);
      throw new InteractionRequired(purpose, "sharepoint_401");
    };
    instance.on.send.replace(reauthorising);
    return instance;
  };
}

export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  waitMs: number;
  /** The status that caused the retry (0 for a network failure). */
  status: number;
}

export interface RetryOptions {
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** Wait when no Retry-After is given; doubles each retry (default 500 ms). */
  baseDelayMs?: number;
  /** Upper bound on any single wait (default 120 s; SharePoint asks for tens of seconds at most). */
  maxDelayMs?: number;
  onRetry?: (info: RetryInfo) => void;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  fetchImpl?: typeof fetch;
}

const RETRYABLE = new Set([429, 503, 504]);

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends with fetch and retries throttled (429, 503) and gateway (504) answers, waiting as long as
 * Retry-After says, and network failures with a doubling back-off. When retries run out it throws
 * ThrottledError or OfflineError. Aborted requests are never retried.
 */
export function RetryingFetch(options: RetryOptions = {}) {
  const retries = options.retries ?? 4;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 120_000;
  const sleep = options.sleep ?? defaultSleep;
  return (instance: Queryable) => {
    instance.on.send.replace(async (url, init) => {
      const doFetch = options.fetchImpl ?? fetch;
      for (let attempt = 0; ; attempt++) {
        let response: Response | null = null;
        let failure: unknown = null;
        try {
          response = await doFetch(url.toString(), init);
        } catch (error) {
          if ((error as { name?: string })?.name === "AbortError") throw error;
          failure = error;
        }
        if (response && !RETRYABLE.has(response.status)) return response;
        const retryAfter = response ? parseRetryAfter(response.headers.get("Retry-After")) : null;
        if (attempt >= retries) {
          if (response) throw new ThrottledError(response.status, retryAfter);
          throw new OfflineError({ cause: failure });
        }
        const waitMs = Math.min(max, retryAfter ?? base * 2 ** attempt);
        options.onRetry?.({ attempt: attempt + 1, waitMs, status: response?.status ?? 0 });
        // Drain the throttled body so the connection can be reused.
        await response?.arrayBuffer().catch(() => undefined);
        await sleep(waitMs);
      }
    });
    return instance;
  };
}
