// The HTTP headers the static site must be served with (docs/deployment.md prints them for nginx,
// and the production browser test serves the build with exactly these).
//
// Every HTML page, the sign-in bridge included, may be framed by the Microsoft 365 hosts and the
// tenant's SharePoint. The bridge page is framed too: when the host offers no nested app
// authentication, MSAL's silent sign-in loads the redirect URI (auth-redirect.html) in a hidden
// iframe inside the tab, and the tab itself sits in a Teams, Outlook, Microsoft 365 or SharePoint
// frame. CSP frame-ancestors is checked against every ancestor, so `frame-ancestors 'self'` on the
// bridge page blocks that iframe whenever the tab is framed, and silent sign-in fails.
// Host list: https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/tab-requirements
// Silent sign-in loads the redirect URI in a hidden iframe: https://learn.microsoft.com/en-us/entra/identity-platform/msal-js-avoid-page-reloads

/** The Microsoft 365 hosts Microsoft lists for a tab's frame-ancestors (Teams, Microsoft 365 app, Outlook, *.cloud.microsoft). */
export const MICROSOFT_365_FRAME_ANCESTORS = [
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.cloud.microsoft",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
] as const;

/** `frame-ancestors` for every page: the site itself, the Microsoft 365 hosts and the tenant's SharePoint. */
export function frameAncestors(sharePointOrigin: string): string {
  const origin = new URL(sharePointOrigin).origin;
  if (
    !/^https:\/\/[a-z0-9-]+\.sharepoint\.com$/i.test(origin) &&
    !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)
  ) {
    throw new Error(`SharePoint origin must be https://<tenant>.sharepoint.com, not ${sharePointOrigin}`);
  }
  return ["frame-ancestors 'self'", ...MICROSOFT_365_FRAME_ANCESTORS, origin].join(" ");
}

/** The headers one path of the static site is served with. */
export function hostingHeaders(path: string, sharePointOrigin: string): Record<string, string> {
  if (path.startsWith("/assets/")) return { "Cache-Control": "public, max-age=31536000, immutable" };
  const csp = { "Content-Security-Policy": frameAncestors(sharePointOrigin) };
  // The bridge page must always be fresh (never a cached copy that answers an old sign-in).
  if (path === "/auth-redirect.html") return { "Cache-Control": "no-store", ...csp };
  return { "Cache-Control": "no-cache", ...csp };
}
