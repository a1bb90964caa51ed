import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  BrowserAuthError,
  InteractionRequiredAuthError,
  ServerError,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type PopupRequest,
  type RedirectRequest,
  type SilentRequest,
} from "@azure/msal-browser";
import {
  authProblem,
  ConsentDeclinedError,
  createMsalTokenProvider,
  InteractionRequired,
  PopupBlockedError,
  SignInCancelledError,
  WrongTenantError,
  type MsalClient,
  type MsalTokenProviderOptions,
  type SignInFlow,
} from "../../../src/auth";

const TENANT = "11111111-2222-3333-4444-555555555555";
const OTHER_TENANT = "99999999-8888-7777-6666-555555555555";
const CLIENT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const WRITE = "https://contoso.sharepoint.com/AllSites.Write";
const MANAGE = "https://contoso.sharepoint.com/AllSites.FullControl";
const HOUR = 3_600_000;

/** A JWT-shaped access token carrying a tenant claim (signature irrelevant to the client). */
function jwt(tid: string, serial: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ typ: "JWT", alg: "RS256" })}.${part({ tid, aud: "https://contoso.sharepoint.com", n: serial })}.signature${serial}`;
}

function account(tenantId = TENANT): AccountInfo {
  return {
    homeAccountId: `oid.${tenantId}`,
    environment: "login.microsoftonline.com",
    tenantId,
    username: "edi.lead@contoso.example",
    localAccountId: "oid",
    name: "EDI Lead",
  };
}

/**
 * Plays Entra + MSAL's cache: issues tokens valid for an hour, hands back the cached one until
 * forceRefresh (like a cache whose clock disagrees with the server's), and can be told to fail.
 */
class FakeMsal implements MsalClient {
  clock = Date.parse("2026-11-23T09:00:00Z");
  active: AccountInfo | null = null;
  known: AccountInfo[] = [];
  issuedTenant = TENANT;
  serial = 0;
  cache = new Map<string, AuthenticationResult>();
  silentFailure: Error | undefined;
  popupFailure: Error | undefined;
  refreshFailure: Error | undefined;
  calls: { method: string; scopes: string[]; forceRefresh?: boolean }[] = [];

  private issue(scopes: string[]): AuthenticationResult {
    this.serial += 1;
    const acct = account(this.issuedTenant);
    const result = {
      authority: `https://login.microsoftonline.com/${TENANT}`,
      uniqueId: "oid",
      tenantId: this.issuedTenant,
      scopes,
      account: acct,
      idToken: "id",
      idTokenClaims: {},
      accessToken: jwt(this.issuedTenant, this.serial),
      fromCache: false,
      expiresOn: new Date(this.clock + HOUR),
      tokenType: "Bearer",
      correlationId: "c",
    } as AuthenticationResult;
    this.cache.set(scopes.join(" "), result);
    this.known = [acct];
    return result;
  }

  acquireTokenSilent = vi.fn(async (request: SilentRequest) => {
    this.calls.push({ method: "silent", scopes: request.scopes, forceRefresh: request.forceRefresh });
    if (this.silentFailure) throw this.silentFailure;
    if (!request.account) throw new BrowserAuthError("no_account_error", "c");
    const cached = this.cache.get(request.scopes.join(" "));
    if (cached && !request.forceRefresh) return { ...cached, fromCache: true };
    if (request.forceRefresh && this.refreshFailure) throw this.refreshFailure;
    if (!cached && !request.forceRefresh)
      throw new InteractionRequiredAuthError("consent_required", "c", "AADSTS65001: consent needed");
    return this.issue(request.scopes);
  });
  acquireTokenPopup = vi.fn(async (request: PopupRequest) => {
    this.calls.push({ method: "popup", scopes: request.scopes });
    if (this.popupFailure) throw this.popupFailure;
    this.silentFailure = undefined;
    return this.issue(request.scopes);
  });
  acquireTokenRedirect = vi.fn(async (request: RedirectRequest) => {
    this.calls.push({ method: "redirect", scopes: request.scopes });
  });
  ssoSilent = vi.fn(async () => {
    throw new InteractionRequiredAuthError("login_required", "c");
  });
  handleRedirectPromise = vi.fn(async () => null);
  getActiveAccount = () => this.active;
  setActiveAccount = vi.fn((next: AccountInfo | null) => {
    this.active = next;
  });
  getAllAccounts = () => this.known;
  getAccount = () => null;
}

const options: MsalTokenProviderOptions = {
  clientId: CLIENT,
  tenantId: TENANT,
  sharePointOrigin: "https://contoso.sharepoint.com/sites/wres",
  hosted: false,
  redirectUri: "https://wres.example.org/auth-redirect.html",
  framed: false,
};

async function setUp(fake: FakeMsal, overrides: Partial<MsalTokenProviderOptions> = {}, naaRecommended = true) {
  const created: { configuration: Configuration; flow: SignInFlow }[] = [];
  const auth = await createMsalTokenProvider(
    { ...options, ...overrides },
    {
      createClient: async (configuration, flow) => {
        created.push({ configuration, flow });
        return fake;
      },
      isNestedAuthRecommended: () => naaRecommended,
      now: () => fake.clock,
    },
  );
  return { auth, created };
}

/** A user who signed in earlier: MSAL's cache holds their account and a token for the write scope. */
async function signedIn(fake: FakeMsal) {
  const { auth } = await setUp(fake);
  await auth.signIn();
  fake.calls = [];
  return auth;
}

describe("MSAL token seam", () => {
  const logged: unknown[][] = [];
  beforeEach(() => {
    logged.length = 0;
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
  });
  afterEach(() => {
    // Whatever happened in the test, no token went to the console.
    expect(JSON.stringify(logged)).not.toMatch(/eyJ/);
    vi.restoreAllMocks();
  });

  it("returns a silently acquired token for the tenant root's AllSites.Write scope", async () => {
    const fake = new FakeMsal();
    const auth = await signedIn(fake);
    const token = await auth.getToken();
    expect(token).toBe(fake.cache.get(WRITE)?.accessToken);
    expect(fake.calls).toEqual([{ method: "silent", scopes: [WRITE], forceRefresh: false }]);
    expect(fake.acquireTokenPopup).toHaveBeenCalledTimes(1); // only the sign-in click, never from getToken
    expect(auth.account()).toMatchObject({ username: "edi.lead@contoso.example", tenantId: TENANT });
  });

  it("asks for AllSites.FullControl only for setting up", async () => {
    const fake = new FakeMsal();
    const auth = await signedIn(fake);
    await auth.getToken();
    expect(fake.calls.flatMap((call) => call.scopes)).not.toContain(MANAGE);
    await expect(auth.getProvisioningToken()).rejects.toBeInstanceOf(InteractionRequired);
    await auth.signIn("provision");
    await expect(auth.getProvisioningToken()).resolves.toBe(fake.cache.get(MANAGE)?.accessToken);
  });

  it("turns interaction required into a typed result and never opens a popup by itself", async () => {
    const fake = new FakeMsal();
    const { auth } = await setUp(fake);
    const failure = await auth.getToken().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InteractionRequired);
    expect(failure).toMatchObject({ purpose: "write", reason: "no_account_error" });
    await expect(auth.trySilent()).resolves.toEqual({
      kind: "interactionRequired",
      purpose: "write",
      reason: "no_account_error",
    });
    expect(fake.acquireTokenPopup).not.toHaveBeenCalled();

    // The "Sign in" button's click:
    await auth.signIn();
    expect(fake.acquireTokenPopup).toHaveBeenCalledWith(expect.objectContaining({ scopes: [WRITE] }));
    await expect(auth.getToken()).resolves.toMatch(/^eyJ/);
    await expect(auth.trySilent()).resolves.toMatchObject({ kind: "signedIn", account: { tenantId: TENANT } });
  });

  it("reports Entra's interaction_required from a known account as InteractionRequired", async () => {
    const fake = new FakeMsal();
    const auth = await signedIn(fake);
    fake.silentFailure = new InteractionRequiredAuthError("interaction_required", "c", "AADSTS50076: MFA required");
    await expect(auth.getToken()).rejects.toMatchObject({
      name: "InteractionRequired",
      reason: "interaction_required",
    });
  });

  it("offers sign-in when the silent attempt timed out, but passes network failures through", async () => {
    const fake = new FakeMsal();
    const auth = await signedIn(fake);
    fake.silentFailure = new BrowserAuthError("timed_out", "c");
    await expect(auth.getToken()).rejects.toMatchObject({ name: "InteractionRequired", reason: "timed_out" });
    fake.silentFailure = new BrowserAuthError("no_network_connectivity", "c");
    await expect(auth.getToken()).rejects.toMatchObject({ errorCode: "no_network_connectivity" });
  });

  it("reports a declined consent as a typed error, separating admin-only consent", async () => {
    const fake = new FakeMsal();
    const { auth } = await setUp(fake);
    fake.popupFailure = new ServerError(
      "access_denied",
      "c",
      "AADSTS65004: User declined to consent to access the app.",
    );
    const declined = await auth.signIn().catch((error: unknown) => error);
    expect(declined).toBeInstanceOf(ConsentDeclinedError);
    expect(declined).toMatchObject({ adminConsentRequired: false });

    fake.popupFailure = new ServerError(
      "invalid_request",
      "c",
      "AADSTS90094: Admin consent is required for the permissions requested.",
    );
    await expect(auth.signIn()).rejects.toMatchObject({ name: "ConsentDeclinedError", adminConsentRequired: true });
    expect(fake.active).toBeNull();
  });

  it("reports a closed sign-in window as cancelled", async () => {
    const fake = new FakeMsal();
    const { auth } = await setUp(fake);
    fake.popupFailure = new BrowserAuthError("user_cancelled", "c");
    await expect(auth.signIn()).rejects.toBeInstanceOf(SignInCancelledError);
  });

  it("refuses a token issued by another tenant and does not adopt that account", async () => {
    const fake = new FakeMsal();
    fake.issuedTenant = OTHER_TENANT;
    const { auth } = await setUp(fake);
    const failure = await auth.signIn().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WrongTenantError);
    expect(failure).toMatchObject({ expectedTenantId: TENANT, actualTenantId: OTHER_TENANT });
    expect(fake.setActiveAccount).not.toHaveBeenCalled();

    // A host (nested auth) whose cached account is in another tenant is refused the same way.
    fake.active = account(OTHER_TENANT);
    fake.cache.set(WRITE, { ...(await fake.acquireTokenPopup({ scopes: [WRITE] })) });
    await expect(auth.getToken()).rejects.toBeInstanceOf(WrongTenantError);
  });

  it("re-acquires silently once when the cached token expired mid-session", async () => {
    const fake = new FakeMsal();
    const auth = await signedIn(fake);
    const first = await auth.getToken();
    fake.clock += 2 * HOUR; // the meeting ran long
    const second = await auth.getToken();
    expect(second).not.toBe(first);
    expect(fake.calls.slice(1)).toEqual([
      { method: "silent", scopes: [WRITE], forceRefresh: false },
      { method: "silent", scopes: [WRITE], forceRefresh: true },
    ]);
    expect(fake.acquireTokenPopup).toHaveBeenCalledTimes(1);
    await expect(auth.getToken()).resolves.toBe(second); // fresh again: served from cache
  });

  it("asks for sign-in when the silent refresh of an expired token needs the user", async () => {
    const fake = new FakeMsal();
    const auth = await signedIn(fake);
    fake.clock += 2 * HOUR;
    fake.refreshFailure = new InteractionRequiredAuthError(
      "interaction_required",
      "c",
      "AADSTS700082: refresh token expired",
    );
    await expect(auth.getToken()).rejects.toBeInstanceOf(InteractionRequired);
    expect(fake.calls.filter((call) => call.forceRefresh)).toHaveLength(1); // once, no loop
  });

  it("skips MSAL's cache once after invalidate() (SharePoint said 401)", async () => {
    const fake = new FakeMsal();
    const auth = await signedIn(fake);
    const first = await auth.getToken();
    auth.invalidate();
    const second = await auth.getToken();
    expect(second).not.toBe(first);
    await auth.getToken();
    expect(fake.calls.map((call) => call.forceRefresh)).toEqual([false, true, false]);
  });

  it("uses nested app authentication only in a host that recommends it", async () => {
    const nested = await setUp(new FakeMsal(), { hosted: true }, true);
    expect(nested.auth.flow).toBe("nested");
    expect(nested.created[0]?.configuration.auth.authority).toBe(`https://login.microsoftonline.com/${TENANT}`);

    const hostWithoutNaa = await setUp(new FakeMsal(), { hosted: true }, false);
    expect(hostWithoutNaa.auth.flow).toBe("standard");

    const browser = await setUp(new FakeMsal(), { hosted: false }, true);
    expect(browser.auth.flow).toBe("standard");
    expect(browser.created[0]?.configuration.auth.redirectUri).toBe("https://wres.example.org/auth-redirect.html");
    expect(browser.created[0]?.configuration.system?.enableLegacyPolling).toBeUndefined();
  });

  it("polls the popup instead of the bridge's channel whenever framed (SharePoint web part, nested auth's standard fallback)", async () => {
    const framed = await setUp(new FakeMsal(), { hosted: true, framed: true }, false);
    expect(framed.auth.flow).toBe("standard");
    expect(framed.created[0]?.configuration.system?.enableLegacyPolling).toBe(true);
    // The nestable factory may fall back to a standard client in the same frame: it needs polling too.
    const nested = await setUp(new FakeMsal(), { hosted: true, framed: true }, true);
    expect(nested.auth.flow).toBe("nested");
    expect(nested.created[0]?.configuration.system?.enableLegacyPolling).toBe(true);
    const topLevel = await setUp(new FakeMsal(), { hosted: true, framed: false }, false);
    expect(topLevel.created[0]?.configuration.system?.enableLegacyPolling).toBeUndefined();
  });

  it("falls back to a full-page redirect when the browser blocks the popup (not in a host)", async () => {
    const fake = new FakeMsal();
    const { auth } = await setUp(fake);
    fake.popupFailure = new BrowserAuthError("popup_window_error", "c");
    await auth.signIn();
    expect(fake.acquireTokenRedirect).toHaveBeenCalledWith(expect.objectContaining({ scopes: [WRITE] }));
    expect(fake.handleRedirectPromise).toHaveBeenCalledTimes(1);

    const nestedFake = new FakeMsal();
    const nested = await setUp(nestedFake, { hosted: true }, true);
    nestedFake.popupFailure = new BrowserAuthError("popup_window_error", "c");
    await expect(nested.auth.signIn()).rejects.toMatchObject({
      name: "PopupBlockedError",
      reason: "popup_window_error",
    });
    expect(nestedFake.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it("says the popup was blocked inside a frame, where MSAL refuses to redirect (SharePoint web part)", async () => {
    const fake = new FakeMsal();
    const { auth } = await setUp(fake, { hosted: true, framed: true }, false);
    fake.popupFailure = new BrowserAuthError("empty_window_error", "c");
    await expect(auth.signIn()).rejects.toBeInstanceOf(PopupBlockedError);
    expect(fake.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it("reports Entra refusing an account from outside the tenant (AADSTS50020) as the wrong organisation", async () => {
    const fake = new FakeMsal();
    const { auth } = await setUp(fake);
    fake.popupFailure = new ServerError(
      "invalid_request",
      "c",
      "AADSTS50020: User account 'someone@outlook.com' from identity provider 'live.com' does not exist in tenant 'Contoso'.",
    );
    const failure = await auth.signIn().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WrongTenantError);
    expect(failure).toMatchObject({ expectedTenantId: TENANT, actualTenantId: null });
    expect(authProblem(failure)).toMatchObject({ kind: "wrongTenant" });
  });

  it("lets the caller override the everyday scopes", async () => {
    const fake = new FakeMsal();
    const { auth } = await setUp(fake, { scopes: ["https://contoso.sharepoint.com/AllSites.Read"] });
    await auth.signIn();
    expect(fake.acquireTokenPopup).toHaveBeenCalledWith(
      expect.objectContaining({ scopes: ["https://contoso.sharepoint.com/AllSites.Read"] }),
    );
  });
});
