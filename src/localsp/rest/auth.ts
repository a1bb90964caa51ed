// Who is calling: the development bearer token (`Bearer dev:<upn>`), login names as SharePoint
// Online spells them, and another user's permissions when the caller may ask for them.
import { accessDenied, SpError } from "../errors";
import { ALL_SCOPES, grantOfScopes, has, P, type ScopeGrant } from "../permissions";
import { Guard } from "../guard";
import type { ListRow, Store, UserRow } from "../store";
import type { Ctx } from "./context";
import type { ApiRequest } from "./http";

export function stripClaims(login: string): string {
  const bar = login.lastIndexOf("|");
  return bar >= 0 ? login.slice(bar + 1) : login;
}

/**
 * A login name's user: SharePoint Online's membership claim (`i:0#.f|membership|<value>`) carries
 * the user principal name, so a login resolves by the UPN only, never by the e-mail address (an
 * e-mail that differs from the UPN is "not found", as SPWeb.EnsureUser answers a logon name the
 * directory does not know: https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ms473422(v=office.14)).
 * Whether SharePoint Online resolves a bare e-mail address through the people picker is not
 * confirmed; the local server refuses it, so the tab never relies on it.
 */
export function isLoginOf(user: UserRow | undefined, login: string): user is UserRow {
  return user !== undefined && user.upn.toLowerCase() === stripClaims(login.trim()).toLowerCase();
}

/**
 * `Bearer dev:<upn>` carries every scope; `Bearer dev:<upn>?scp=<space-separated, URL-encoded
 * scopes>` carries those scopes only, as a delegated token's `scp` claim does.
 */
export function authenticate(store: Store, req: ApiRequest): { user: UserRow; grant: ScopeGrant } {
  const header = req.headers.authorization ?? "";
  const m = /^Bearer\s+dev:([^?\s]+)(?:\?(\S*))?$/i.exec(header.trim());
  // A token names its user by the UPN (as Entra's `upn` claim), never by an e-mail address.
  const found = m ? store.userByUpn((m[1] as string).trim()) : undefined;
  const user = m && isLoginOf(found, m[1] as string) ? found : undefined;
  let grant: ScopeGrant = ALL_SCOPES;
  if (m?.[2] !== undefined) {
    const scp = new URLSearchParams(m[2]).get("scp");
    grant = grantOfScopes(scp ?? "");
  }
  if (!user) {
    throw new SpError(
      401,
      "-2147024891, System.UnauthorizedAccessException",
      "Attempted to perform an unauthorized operation.",
      {
        "WWW-Authenticate":
          'Bearer realm="00000000-0000-0000-0000-000000000000",client_id="00000003-0000-0ff1-ce00-000000000000",trusted_issuers="00000001-0000-0000-c000-000000000000@*",authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
      },
    );
  }
  return { user, grant };
}

/** Site collection administrators (the demo's site owner) hold every permission everywhere. */
export function isSiteAdmin(store: Store, siteId: number, userId: number): boolean {
  return store.roleOf(siteId, userId) === "owner";
}

/**
 * Another user's permissions (not the caller's token): asking needs Enumerate Permissions on the
 * object, as SPWeb.GetUserEffectivePermissions throws UnauthorizedAccessException without it.
 */
export function guardFor(ctx: Ctx, login: string, list?: ListRow): Guard {
  if (!has(list ? ctx.guard.list(list) : ctx.guard.web(), P.EnumeratePermissions)) throw accessDenied();
  const user = ctx.store.userByUpn(stripClaims(login));
  if (!isLoginOf(user, login))
    throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
  return new Guard(ctx.security, ctx.site, user.id, isSiteAdmin(ctx.store, ctx.site.id, user.id), ALL_SCOPES);
}
