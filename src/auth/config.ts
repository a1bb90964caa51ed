import { AuthConfigError } from "./errors";

/** How the tab gets its tokens: the local server's demo identities, or a real tenant through MSAL. */
export type AuthConfig =
  | { mode: "local"; setUpScope?: SetUpScope }
  | {
      mode: "tenant";
      clientId: string;
      tenantId: string;
      /** `https://<tenant>.sharepoint.com`, the root host whose delegated scopes we ask for. */
      sharePointOrigin: string | undefined;
      /** The scope set-up asks for; unset: AllSites.FullControl. */
      setUpScope?: SetUpScope;
    };

/** The build-time variables Vite exposes (see docs/deployment.md). */
export interface AuthEnv {
  VITE_WRES_MODE?: string;
  VITE_WRES_CLIENT_ID?: string;
  VITE_WRES_TENANT_ID?: string;
  VITE_WRES_SHAREPOINT_ORIGIN?: string;
  /** `AllSites.FullControl` (the default) or `Sites.Selected` (full control granted on the plan's site only). */
  VITE_WRES_SETUP_SCOPE?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads and checks the sign-in settings. Unset mode means local (the demo and the tests); tenant
 * mode demands a client id and a tenant id that are GUIDs, because comparing the token's tenant with
 * a domain name could not be done safely.
 */
export function readAuthConfig(env: AuthEnv = import.meta.env as AuthEnv): AuthConfig {
  const mode = (env.VITE_WRES_MODE ?? "local").trim().toLowerCase() || "local";
  const rawSetUp = (env.VITE_WRES_SETUP_SCOPE ?? "").trim();
  const setUpScope = rawSetUp ? SET_UP_SCOPES.find((s) => s.toLowerCase() === rawSetUp.toLowerCase()) : undefined;
  const setUpProblem =
    rawSetUp && !setUpScope ? `VITE_WRES_SETUP_SCOPE must be ${SET_UP_SCOPES.join(" or ")}, not "${rawSetUp}"` : null;
  if (mode === "local") {
    if (setUpProblem) throw new AuthConfigError([setUpProblem]);
    return setUpScope ? { mode: "local", setUpScope } : { mode: "local" };
  }
  if (mode !== "tenant") throw new AuthConfigError([`VITE_WRES_MODE must be "local" or "tenant", not "${mode}"`]);

  const problems: string[] = setUpProblem ? [setUpProblem] : [];
  const clientId = (env.VITE_WRES_CLIENT_ID ?? "").trim();
  const tenantId = (env.VITE_WRES_TENANT_ID ?? "").trim();
  if (!GUID.test(clientId))
    problems.push("VITE_WRES_CLIENT_ID must be the app registration's Application (client) ID (a GUID)");
  if (!GUID.test(tenantId))
    problems.push("VITE_WRES_TENANT_ID must be the Directory (tenant) ID (a GUID, not a domain name)");
  let sharePointOrigin: string | undefined;
  const rawOrigin = (env.VITE_WRES_SHAREPOINT_ORIGIN ?? "").trim();
  if (rawOrigin) {
    try {
      sharePointOrigin = normaliseSharePointOrigin(rawOrigin);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new AuthConfigError(problems);
  const config: AuthConfig = {
    mode: "tenant",
    clientId: clientId.toLowerCase(),
    tenantId: tenantId.toLowerCase(),
    sharePointOrigin,
  };
  return setUpScope ? { ...config, setUpScope } : config;
}

/**
 * Reduces any SharePoint URL (a site URL, or the origin itself) to its root origin: scopes must name
 * the tenant's root host, never a site path, or Entra rejects the audience.
 */
export function normaliseSharePointOrigin(urlOrOrigin: string): string {
  let url: URL;
  try {
    url = new URL(urlOrOrigin);
  } catch {
    throw new Error(`SharePoint address "${urlOrOrigin}" is not a URL (expected https://<tenant>.sharepoint.com)`);
  }
  if (url.protocol !== "https:") throw new Error(`SharePoint address "${urlOrOrigin}" must use https`);
  return url.origin;
}

/**
 * The delegated SharePoint scopes the tab asks for. Everyday work (reading the plan, editing items,
 * writing progress records) needs AllSites.Write: SharePoint trims a token to Contribute with it.
 * Setting the plan up creates groups and sets the lists' permissions, which needs Manage
 * Permissions and Create Groups: only AllSites.FullControl carries them (AllSites.Manage stops at
 * Design). https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/add-in-permissions-in-sharepoint
 */
export const SHAREPOINT_SCOPES = { write: "AllSites.Write", provision: "AllSites.FullControl" } as const;

/**
 * What set-up may ask for instead: delegated `Sites.Selected`, which reaches only the sites a tenant
 * admin has granted the app (here with the `fullcontrol` role on the plan's site, through Microsoft
 * Graph's `POST /sites/{site-id}/permissions`); NHS tenant admins grant it far more readily than
 * AllSites.FullControl. https://devblogs.microsoft.com/microsoft365dev/?p=18597,
 * https://learn.microsoft.com/en-us/graph/api/site-post-permissions
 */
export const SET_UP_SCOPES = ["AllSites.FullControl", "Sites.Selected"] as const;
export type SetUpScope = (typeof SET_UP_SCOPES)[number];

/** The delegated SharePoint scope for everyday work, or for setting the plan up (provisioning). */
export function sharePointScope(
  sharePointOrigin: string,
  purpose: "write" | "provision",
  setUpScope: SetUpScope = SHAREPOINT_SCOPES.provision,
): string {
  return `${normaliseSharePointOrigin(sharePointOrigin)}/${purpose === "write" ? SHAREPOINT_SCOPES.write : setUpScope}`;
}
