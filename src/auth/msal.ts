import type {
  AccountInfo,
  AuthenticationResult,
  Configuration,
  IPublicClientApplication,
  PopupRequest,
  SilentRequest,
} from "@azure/msal-browser";
import { normaliseSharePointOrigin, sharePointScope, type SetUpScope } from "./config";
import {
  AuthConfigError,
  ConsentDeclinedError,
  InteractionRequired,
  PopupBlockedError,
  SignInCancelledError,
  WrongTenantError,
  type SignInPurpose,
} from "./errors";
import { isFramed } from "./polling";
import type { TokenProvider } from "./types";

/**
 * The few MSAL methods this seam uses. A real `IPublicClientApplication` satisfies it; tests pass
 * a fake that plays silent success, interaction required, consent declined, wrong tenant and expiry.
 */
export type MsalClient = Pick<
  IPublicClientApplication,
  | "acquireTokenSilent"
  | "acquireTokenPopup"
  | "acquireTokenRedirect"
  | "ssoSilent"
  | "handleRedirectPromise"
  | "getActiveAccount"
  | "setActiveAccount"
  | "getAllAccounts"
  | "getAccount"
>;

/** Nested app authentication through the Teams host, or MSAL's own popup (redirect as fallback). */
export type SignInFlow = "nested" | "standard";

export interface MsalTokenProviderOptions {
  clientId: string;
  tenantId: string;
  /** `https://<tenant>.sharepoint.com` (a site URL is reduced to its origin). */
  sharePointOrigin: string;
  /** True once teams-js `app.initialize()` has resolved (the page runs inside Teams or another M365 host). */
  hosted: boolean;
  /** Overrides the everyday scopes (default `[<origin>/AllSites.Write]`). */
  scopes?: string[];
  /** The scope set-up asks for (default AllSites.FullControl; Sites.Selected when the tenant grants full control on the plan's site only). */
  setUpScope?: SetUpScope;
  /** From the Teams context: lets MSAL pick the account the host is signed in with. */
  accountHint?: { loginHint?: string; homeAccountId?: string; tenantId?: string };
  /** The redirect bridge page (default: `auth-redirect.html` beside the tab's page). */
  redirectUri?: string;
  /** Whether the page runs inside a frame (default: `window.parent !== window`). */
  framed?: boolean;
}

export interface MsalDependencies {
  /** Builds the MSAL client; the default loads `@azure/msal-browser` on demand (kept out of the local build's first chunk). */
  createClient?: (configuration: Configuration, flow: SignInFlow) => Promise<MsalClient>;
  /** teams-js `nestedAppAuth.isNAAChannelRecommended()`; the default asks teams-js (already initialised by the caller). */
  isNestedAuthRecommended?: () => boolean | Promise<boolean>;
  /** Clock for expiry checks (tests move it). */
  now?: () => number;
}

/** What a silent attempt found, for a UI that wants to decide before asking for data. */
export type SilentResult =
  | { kind: "signedIn"; account: SignedInAccount }
  | { kind: "interactionRequired"; purpose: SignInPurpose; reason: string };

export interface SignedInAccount {
  name: string | undefined;
  username: string;
  tenantId: string;
}

export interface MsalAuth {
  /** Token for everyday reads and writes (`AllSites.Write`). Throws `InteractionRequired` when the user must sign in. */
  getToken: TokenProvider;
  /** Token for creating the lists on first run (`AllSites.Manage`); only a plan editor's provisioning asks for it. */
  getProvisioningToken: TokenProvider;
  /** Tries silently and reports, never throwing `InteractionRequired`. */
  trySilent(purpose?: SignInPurpose): Promise<SilentResult>;
  /**
   * The interactive step. Call only from a user's click: Teams and browsers block popups that do not
   * start from a gesture. Resolves when the user is signed in (or the page is navigating away for
   * the redirect fallback); throws `ConsentDeclinedError`, `SignInCancelledError` or `WrongTenantError`.
   */
  signIn(purpose?: SignInPurpose): Promise<void>;
  /** Makes the next token request skip MSAL's cache once (SharePoint answered 401 with a token MSAL still thought valid). */
  invalidate(): void;
  readonly flow: SignInFlow;
  account(): SignedInAccount | null;
}

/** Refresh a little before expiry so a request never leaves with a token that dies on the way. */
const EXPIRY_MARGIN_MS = 60_000;

const INTERACTION_CODES = new Set([
  "interaction_required",
  "consent_required",
  "login_required",
  "no_tokens_found",
  "refresh_token_expired",
  "bad_token",
  "interrupted_user",
  "ui_not_allowed",
  "native_account_unavailable",
  "no_account_error",
]);
/** A silent attempt that could not finish (hidden frame timed out or was blocked): a click may still succeed. */
const SILENT_GAVE_UP_CODES = new Set(["timed_out", "iframe_closed_prematurely", "block_iframe_reload"]);
const POPUP_BLOCKED_CODES = new Set(["popup_window_error", "empty_window_error"]);
/** Entra codes meaning only an administrator can grant the permissions (admin consent workflow). */
const ADMIN_CONSENT_CODES = /AADSTS(90094|90008|65001|900941)/;
/** Entra refusing an account that is not in the tenant the (single-tenant) app lives in, e.g. a personal or guest account. */
const WRONG_TENANT_CODES = /AADSTS50020\b/;

/**
 * Creates the MSAL-backed token seam. In a Teams host that recommends nested app authentication the
 * client is `createNestablePublicClientApplication` (call this after teams-js is initialised);
 * everywhere else a standard client that signs in with a popup through `auth-redirect.html`, or a
 * full-page redirect when the popup is blocked.
 */
export async function createMsalTokenProvider(
  options: MsalTokenProviderOptions,
  dependencies: MsalDependencies = {},
): Promise<MsalAuth> {
  if (!options.clientId || !options.tenantId) throw new AuthConfigError(["client id and tenant id are required"]);
  const tenantId = options.tenantId.toLowerCase();
  const origin = normaliseSharePointOrigin(options.sharePointOrigin);
  const now = dependencies.now ?? Date.now;
  const scopesFor = (purpose: SignInPurpose): string[] =>
    purpose === "write" && options.scopes?.length
      ? options.scopes
      : [sharePointScope(origin, purpose, options.setUpScope)];

  const nestedRecommended = options.hosted && (await (dependencies.isNestedAuthRecommended ?? askTeamsForNestedAuth)());
  const flow: SignInFlow = nestedRecommended ? "nested" : "standard";
  const configuration: Configuration = {
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${tenantId}`,
      redirectUri: options.redirectUri ?? defaultRedirectUri(),
    },
    // MSAL's own cache is the only place a token is kept.
    cache: { cacheLocation: "localStorage" },
    system: { loggerOptions: { piiLoggingEnabled: false } },
  };
  const framed = options.framed ?? isFramed(window);
  if (framed) {
    // A framed page (a SharePoint web part, a Teams client without nested auth): the redirect
    // bridge's BroadcastChannel cannot reach a cross-site frame, so MSAL polls the popup's (and
    // hidden iframe's) same-origin address instead, and the bridge page stays passive for a framed
    // tab (./polling.ts, where the MSAL source read is cited). Set for the nested flow too: the
    // nestable factory falls back to a standard client when the host offers no bridge after all,
    // and the nested controller itself never reads this option.
    configuration.system = { ...configuration.system, enableLegacyPolling: true };
  }
  const client = await (dependencies.createClient ?? createRealClient)(configuration, flow);

  // Completes a redirect sign-in that the popup fallback started before the page navigated away
  // (the nestable factory may itself have fallen back to a standard client; the call is harmless then).
  const returned = await client.handleRedirectPromise();
  if (returned) adopt(returned);

  const forceRefreshNext = { write: false, provision: false };

  function adopt(result: AuthenticationResult): AuthenticationResult {
    const actual = tenantOf(result);
    if (actual && actual !== tenantId) throw new WrongTenantError(tenantId, actual);
    client.setActiveAccount(result.account);
    return result;
  }

  function currentAccount(): AccountInfo | undefined {
    const active = client.getActiveAccount();
    if (active) return active;
    const hint = options.accountHint;
    if (hint && (hint.homeAccountId || hint.loginHint)) {
      const found = client.getAccount({
        homeAccountId: hint.homeAccountId,
        loginHint: hint.loginHint,
        tenantId: hint.tenantId,
      });
      if (found) return found;
    }
    return client.getAllAccounts().find((account) => account.tenantId?.toLowerCase() === tenantId);
  }

  function isExpired(result: AuthenticationResult): boolean {
    return result.expiresOn !== null && result.expiresOn.getTime() - EXPIRY_MARGIN_MS <= now();
  }

  async function silent(purpose: SignInPurpose, forceRefresh: boolean): Promise<AuthenticationResult> {
    const scopes = scopesFor(purpose);
    const account = currentAccount();
    try {
      if (!account && options.accountHint?.loginHint) {
        // No cached account yet: the host (or the browser session) may still know the user.
        return adopt(await client.ssoSilent({ scopes, loginHint: options.accountHint.loginHint }));
      }
      const request: SilentRequest = { scopes, account, forceRefresh };
      return adopt(await client.acquireTokenSilent(request));
    } catch (error) {
      throw classify(error, purpose, "silent", tenantId);
    }
  }

  async function token(purpose: SignInPurpose): Promise<string> {
    const force = forceRefreshNext[purpose];
    forceRefreshNext[purpose] = false;
    let result = await silent(purpose, force);
    if (isExpired(result)) {
      // The cache handed back a token that has expired mid-session: ask the server once, silently.
      result = await silent(purpose, true);
      if (isExpired(result)) throw new InteractionRequired(purpose, "token_expired");
    }
    return result.accessToken;
  }

  return {
    flow,
    getToken: () => token("write"),
    getProvisioningToken: () => token("provision"),
    invalidate() {
      forceRefreshNext.write = true;
      forceRefreshNext.provision = true;
    },
    async trySilent(purpose: SignInPurpose = "write") {
      try {
        await token(purpose);
      } catch (error) {
        if (error instanceof InteractionRequired) return { kind: "interactionRequired", purpose, reason: error.reason };
        throw error;
      }
      const account = summarise(client.getActiveAccount());
      if (!account) return { kind: "interactionRequired", purpose, reason: "no_account_error" };
      return { kind: "signedIn", account };
    },
    async signIn(purpose: SignInPurpose = "write") {
      const request: PopupRequest = {
        scopes: scopesFor(purpose),
        loginHint: options.accountHint?.loginHint,
        account: currentAccount(),
      };
      try {
        adopt(await client.acquireTokenPopup(request));
      } catch (error) {
        if (POPUP_BLOCKED_CODES.has(codeOf(error))) {
          // Popup blocked at top level: fall back to a full-page redirect; handleRedirectPromise finishes it on
          // return. Not in a frame: MSAL refuses to redirect there (BrowserUtils.blockRedirectInIframe,
          // "redirect_in_iframe") and Entra's pages refuse to be framed, so the user is told instead.
          if (flow === "standard" && !framed) {
            await client.acquireTokenRedirect(request);
            return;
          }
          throw new PopupBlockedError(codeOf(error));
        }
        throw classify(error, purpose, "interactive", tenantId);
      }
    },
    account: () => summarise(client.getActiveAccount()),
  };
}

function summarise(account: AccountInfo | null): SignedInAccount | null {
  if (!account) return null;
  return { name: account.name, username: account.username, tenantId: account.tenantId };
}

function codeOf(error: unknown): string {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === "string" ? code : "";
}

/** Maps MSAL's errors (branching on `errorCode`, as MSAL v5 advises) to the seam's typed errors. */
function classify(error: unknown, purpose: SignInPurpose, stage: "silent" | "interactive", tenantId: string): unknown {
  if (error instanceof WrongTenantError) return error;
  const code = codeOf(error);
  const text = `${(error as { errorMessage?: string } | null)?.errorMessage ?? ""} ${(error as Error | null)?.message ?? ""}`;
  if (code === "user_cancelled") return new SignInCancelledError();
  if (stage === "interactive" && WRONG_TENANT_CODES.test(text)) return new WrongTenantError(tenantId, null);
  if (stage === "interactive" && ADMIN_CONSENT_CODES.test(text))
    return new ConsentDeclinedError(true, code || "admin_consent_required");
  if (code === "access_denied" || /AADSTS65004/.test(text))
    return new ConsentDeclinedError(false, code || "access_denied");
  const name = (error as Error | null)?.name;
  if (
    stage === "silent" &&
    (name === "InteractionRequiredAuthError" || INTERACTION_CODES.has(code) || SILENT_GAVE_UP_CODES.has(code))
  ) {
    return new InteractionRequired(purpose, code || "interaction_required");
  }
  return error;
}

/** The tenant the token was issued by: the token's own `tid` claim, else what MSAL reports. */
function tenantOf(result: AuthenticationResult): string | undefined {
  const tid = tidClaim(result.accessToken) || result.tenantId || result.account?.tenantId;
  return tid ? tid.toLowerCase() : undefined;
}

/** Reads only the `tid` claim of a JWT access token; the token itself goes nowhere. */
export function tidClaim(accessToken: string): string | undefined {
  const payload = accessToken.split(".")[1];
  if (!payload) return undefined;
  try {
    const json = atob(
      payload
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(payload.length / 4) * 4, "="),
    );
    const tid = (JSON.parse(json) as { tid?: unknown }).tid;
    return typeof tid === "string" ? tid : undefined;
  } catch {
    return undefined;
  }
}

function defaultRedirectUri(): string {
  return new URL("auth-redirect.html", window.location.href).href;
}

async function askTeamsForNestedAuth(): Promise<boolean> {
  try {
    const { nestedAppAuth } = await import("@microsoft/teams-js");
    return nestedAppAuth.isNAAChannelRecommended();
  } catch {
    // teams-js not initialised or an old host: the standard flow is the safe choice.
    return false;
  }
}

async function createRealClient(configuration: Configuration, flow: SignInFlow): Promise<MsalClient> {
  const msal = await import("@azure/msal-browser");
  // The nestable factory itself falls back to a standard client when the host offers no bridge.
  return flow === "nested"
    ? msal.createNestablePublicClientApplication(configuration)
    : msal.createStandardPublicClientApplication(configuration);
}
