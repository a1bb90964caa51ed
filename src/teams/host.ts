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
}

export type Host = { inHost: false } | { inHost: true; context: HostContext };

export function toHostTheme(theme: string | undefined | null): HostTheme {
  return theme === "dark" || theme === "contrast" ? theme : "default";
}

/** True when the page could be inside a host (an iframe or a window opened by one). */
export function mayBeHosted(win: Window = window): boolean {
  return win.parent !== win || Boolean(win.opener);
}

/**
 * Initialises teams-js when the page may be hosted. app.initialize() rejects at once at top level
 * but waits up to 60 s in an unknown iframe, so it is raced with a short timeout.
 */
export async function initHost(timeoutMs = 3000, win: Window = window): Promise<Host> {
  if (!mayBeHosted(win)) return { inHost: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    teams = await import("@microsoft/teams-js");
    const { app } = teams;
    await Promise.race([
      app.initialize(),
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
      },
    };
  } catch {
    return { inHost: false };
  } finally {
    clearTimeout(timer);
  }
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
