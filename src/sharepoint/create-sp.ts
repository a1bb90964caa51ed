import { spfi, DefaultHeaders, DefaultInit, type SPFI } from "@pnp/sp";
import { DefaultParse } from "@pnp/queryable";
import type { SignInPurpose } from "../auth";
import { BearerAuth, RetryingFetch, type RetryInfo, type TokenProvider } from "./behaviors";

export interface CreateSpOptions {
  /** Absolute site URL, e.g. https://contoso.sharepoint.com/sites/wres or http://127.0.0.1:N/sites/wres. */
  siteUrl: string;
  getToken: TokenProvider;
  /** Makes getToken's next token skip its cache; called once when SharePoint answers 401. */
  invalidateToken?: () => void;
  /** The permission getToken's tokens carry ("provision" for the instance that creates lists). Default "write". */
  purpose?: SignInPurpose;
  /** Retries after the first attempt for throttled or failed requests (default 4). */
  retries?: number;
  /** Called before each retry, so the UI can show "still working". */
  onRetry?: (info: RetryInfo) => void;
}

/**
 * The configured @pnp/sp instance: SharePoint's default headers and init, JSON parsing, our
 * bearer-token behaviour (no request digest is needed with a bearer token) and retries that
 * honour Retry-After. Works in the browser and in Node (tests) alike.
 */
export function createSp(options: CreateSpOptions): SPFI {
  const siteUrl = options.siteUrl.replace(/\/+$/, "");
  const retry: { retries?: number; onRetry?: (info: RetryInfo) => void } = {};
  if (options.retries !== undefined) retry.retries = options.retries;
  if (options.onRetry) retry.onRetry = options.onRetry;
  // BearerAuth after RetryingFetch: it wraps the send that RetryingFetch installs (401 -> fresh token, once).
  return spfi(siteUrl).using(
    DefaultHeaders(),
    DefaultInit(),
    RetryingFetch(retry),
    DefaultParse(),
    BearerAuth(options.getToken, {
      invalidate: options.invalidateToken,
      purpose: options.purpose,
      origin: new URL(siteUrl).origin,
    }),
  );
}
