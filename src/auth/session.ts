import { readAuthConfig, SHAREPOINT_SCOPES, type AuthConfig, type SetUpScope } from "./config";
import { AuthConfigError } from "./errors";
import { localTokenProvider } from "./local";
import { createMsalTokenProvider, type MsalAuth, type MsalDependencies, type MsalTokenProviderOptions } from "./msal";
import type { TokenProvider } from "./types";

/** What both modes give the data layer. */
interface TokenSeam {
  getToken: TokenProvider;
  getProvisioningToken: TokenProvider;
  /** The scope the set-up token asks for: AllSites.FullControl, or Sites.Selected (full control granted on the plan's site). */
  setUpScope: SetUpScope;
  /**
   * SharePoint answered 401 to a token this seam handed out (expired or revoked mid-session): the
   * next token is fetched afresh. The request pipeline calls it (src/sharepoint/behaviors.ts).
   */
  invalidate(): void;
}

/**
 * The one thing the UI asks for at start-up. Both modes give the same token functions, so the
 * data layer above never knows which it has; only the sign-in button needs `msal`.
 */
export type AuthSession = (
  { mode: "local"; upn: string; consentedScopes: readonly string[] } | { mode: "tenant"; msal: MsalAuth }
) &
  TokenSeam;

export interface StartAuthOptions {
  /** Default: read from `import.meta.env`. */
  config?: AuthConfig;
  /** Local mode: the demo identity (the page's `?as=` value). Ignored in tenant mode. */
  localUpn: string;
  /**
   * Local mode: the delegated scopes the tenant has consented to for the app (the page's
   * `?consent=` value, comma-separated); default both the tab asks for. A scope not consented to
   * is left out of the token, as Entra would not issue it.
   */
  localConsent?: readonly string[];
  /** Local mode: the set-up scope the "tenant" uses (the page's `?setUpScope=` value); default the build's, else AllSites.FullControl. */
  localSetUpScope?: SetUpScope;
  /** True when teams-js initialised (Teams, Outlook, Microsoft 365 or SharePoint host). */
  hosted: boolean;
  /** The plan's site URL (any URL on the tenant): used when the build does not name the SharePoint origin. */
  siteUrl?: string;
  accountHint?: MsalTokenProviderOptions["accountHint"];
  /** Default: `auth-redirect.html` beside the page. */
  redirectUri?: string;
  /** Default: whether the page runs inside a frame. */
  framed?: boolean;
}

export async function startAuth(options: StartAuthOptions, dependencies?: MsalDependencies): Promise<AuthSession> {
  const config = options.config ?? readAuthConfig();
  if (config.mode === "local") {
    // The tab sends the scopes it would request on a tenant, so the server trims as SharePoint does.
    const setUpScope = options.localSetUpScope ?? config.setUpScope ?? SHAREPOINT_SCOPES.provision;
    const consented = options.localConsent ?? [SHAREPOINT_SCOPES.write, setUpScope];
    const granted = (wanted: string[]) =>
      wanted.filter((s) => consented.some((c) => c.toLowerCase() === s.toLowerCase()));
    const getToken = localTokenProvider(options.localUpn, granted([SHAREPOINT_SCOPES.write]));
    const getProvisioningToken = localTokenProvider(options.localUpn, granted([SHAREPOINT_SCOPES.write, setUpScope]));
    // The local server's demo tokens never expire: there is nothing to refresh.
    return {
      mode: "local",
      upn: options.localUpn,
      consentedScopes: consented,
      setUpScope,
      getToken,
      getProvisioningToken,
      invalidate: () => undefined,
    };
  }
  const sharePointOrigin = config.sharePointOrigin ?? (options.siteUrl ? new URL(options.siteUrl).origin : undefined);
  if (!sharePointOrigin)
    throw new AuthConfigError(["no SharePoint address: set VITE_WRES_SHAREPOINT_ORIGIN or choose a site"]);
  const msal = await createMsalTokenProvider(
    {
      clientId: config.clientId,
      tenantId: config.tenantId,
      sharePointOrigin,
      setUpScope: config.setUpScope,
      hosted: options.hosted,
      accountHint: options.accountHint,
      redirectUri: options.redirectUri,
      framed: options.framed,
    },
    dependencies,
  );
  return {
    mode: "tenant",
    msal,
    setUpScope: config.setUpScope ?? SHAREPOINT_SCOPES.provision,
    getToken: msal.getToken,
    getProvisioningToken: msal.getProvisioningToken,
    invalidate: () => msal.invalidate(),
  };
}
