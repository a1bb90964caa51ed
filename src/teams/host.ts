// The Teams host seam: initialise teams-js only when the page is hosted, read the context once,
// follow the theme live. Outside Teams (a plain browser, the local demo) nothing here waits.
// teams-js is loaded only when the page may be hosted, so the standalone tab never downloads it.
type TeamsJs = typeof import("@microsoft/teams-js");
let teams: TeamsJs | null = null;

/** The loaded teams-js (after initHost found a host). */
export function teamsJs(): TeamsJs {
  if (!teams) throw new Error("teams-js is not loaded: the page is not hosted");
  return teams;
}

export type HostTheme = "default" | "dark" | "contrast";

export interface HostContext {
  theme: HostTheme;
  locale: string | null;
  /** The tab's page id and sub-page id (sub-page carries a deep-linked action). */
  pageId: string | null;
  subPageId: string | null;
  frameContext: string | null;
  teamSiteUrl: string | null;
  /** Where the tab was configured: the settings frame shows the configuration page. */
  isConfig: boolean;
  isSidePanel: boolean;
  /** Who the host says is signed in: hints for picking the MSAL account, never proof of identity. */
  user: HostUser | null;
}

export interface HostUser {
  loginHint: string | null;
  /** Entra object id of the user. */
  objectId: string | null;
  tenantId: string | null;
}

/** The account filter MSAL's getAccount / ssoSilent take (src/auth/msal.ts `accountHint`). */
export interface AccountHint {
  loginHint?: string;
  homeAccountId?: string;
  tenantId?: string;
}

export type Host = { inHost: false } | { inHost: true; context: HostContext };

export function toHostTheme(theme: string | undefined | null): HostTheme {
  return theme === "dark" || theme === "contrast" ? theme : "default";
}

/** True when the page could be inside a host (an iframe or a window opened by one). */
export function mayBeHosted(win: Window = window): boolean {
  return win.parent !== win || Boolean(win.opener);
}

export interface InitHostOptions {
  /**
   * Origins outside Microsoft's own hosts whose frames may talk to the tab. A tab shown in a
   * SharePoint page or web part must list the SharePoint origin, or teams-js ignores the host's
   * messages and initialisation times out (maintainer answer in MicrosoftDocs/msteams-docs#10674).
   */
  validMessageOrigins?: string[];
  /** Loads teams-js; tests pass a fake. */
  load?: () => Promise<TeamsJs>;
}

/**
 * The https origins of the given URLs (the build's SharePoint origin, the plan's site), once each,
 * for `validMessageOrigins`. Anything that is not an https URL is left out: teams-js would ignore it.
 */
export function messageOrigins(...urls: (string | null | undefined)[]): string[] {
  const origins = new Set<string>();
  for (const raw of urls) {
    if (!raw) continue;
    try {
      const url = new URL(raw.trim());
      if (url.protocol === "https:") origins.add(url.origin);
    } catch {
      // not a URL: nothing to trust
    }
  }
  return [...origins];
}

/**
 * Initialises teams-js when the page may be hosted. app.initialize() rejects at once at top level
 * but waits up to 60 s in an unknown iframe, so it is raced with a short timeout.
 */
export async function initHost(timeoutMs = 3000, win: Window = window, options: InitHostOptions = {}): Promise<Host> {
  if (!mayBeHosted(win)) return { inHost: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    teams = await (options.load ?? (() => import("@microsoft/teams-js")))();
    const { app } = teams;
    const origins = options.validMessageOrigins?.length ? options.validMessageOrigins : undefined;
    await Promise.race([
      app.initialize(origins),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("host timeout")), timeoutMs);
      }),
    ]);
    const ctx = await app.getContext();
    const frameContext = ctx.page.frameContext ?? null;
    return {
      inHost: true,
      context: {
        theme: toHostTheme(ctx.app.theme),
        locale: ctx.app.locale ?? null,
        pageId: ctx.page.id ?? null,
        subPageId: ctx.page.subPageId ?? null,
        frameContext,
        teamSiteUrl: ctx.sharePointSite?.teamSiteUrl ?? null,
        isConfig: frameContext === "settings",
        isSidePanel: frameContext === "sidePanel",
        user: ctx.user
          ? {
              loginHint: ctx.user.loginHint ?? ctx.user.userPrincipalName ?? null,
              objectId: ctx.user.id || null,
              tenantId: ctx.user.tenant?.id ?? null,
            }
          : null,
      },
    };
  } catch {
    return { inHost: false };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The host's user as an MSAL account filter, so the standard (non-nested) flow can find the cached
 * account (getAccount) or sign in silently (ssoSilent with the login hint). MSAL matches
 * `homeAccountId` exactly, and its form is `<object id>.<tenant id>` (msal-common
 * CacheManager.matchHomeAccountId), so the bare object id Teams gives is not enough on its own.
 */
export function accountHintFrom(context: HostContext | null): AccountHint | undefined {
  const user = context?.user;
  if (!user) return undefined;
  const hint: AccountHint = {};
  if (user.loginHint) hint.loginHint = user.loginHint;
  if (user.tenantId) hint.tenantId = user.tenantId;
  if (user.objectId && user.tenantId) hint.homeAccountId = `${user.objectId}.${user.tenantId}`;
  return Object.keys(hint).length > 0 ? hint : undefined;
}

export function onHostThemeChange(handler: (theme: HostTheme) => void): void {
  teamsJs().app.registerOnThemeChangeHandler((theme) => handler(toHostTheme(theme)));
}

export function notifyLoaded(): void {
  void teamsJs().app.notifySuccess();
}

/** Teams' own "copy link" for a state of this page: the sub-page id names the action. */
export function shareActionDeepLink(actionId: number, label: string): void {
  teamsJs().pages.shareDeepLink({ subPageId: actionSubPageId(actionId), subPageLabel: label });
}

export function actionSubPageId(actionId: number): string {
  return `action-${actionId}`;
}

export function actionIdFromSubPage(subPageId: string | null | undefined): number | null {
  const match = /^action-(\d+)$/.exec(subPageId ?? "");
  return match ? Number(match[1]) : null;
}
