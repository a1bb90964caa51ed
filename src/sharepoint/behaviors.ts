// @pnp/sp behaviours of our own: a bearer token from the app's token provider, and retries
// that honour Retry-After and tell the UI that a request is still working.
import type { Queryable } from "@pnp/queryable";
import { OfflineError, ThrottledError } from "./errors";

export type TokenProvider = () => Promise<string>;

/** Adds `Authorization: Bearer <token>` at the auth moment of every request (a $batch is authorised once). */
export function BearerAuth(getToken: TokenProvider) {
  return (instance: Queryable) => {
    instance.on.auth(async (url, init) => {
      const token = await getToken();
      init.headers = { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` };
      return [url, init];
    });
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
