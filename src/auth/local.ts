import type { TokenProvider } from "./types";

/**
 * The local SharePoint server's demo identities: the bearer token is `dev:<upn>` (every scope) or,
 * with `scopes`, `dev:<upn>?scp=<scopes>`, which the server trims to as SharePoint trims a
 * delegated token to its `scp` claim.
 */
export function localTokenProvider(upn: string, scopes?: readonly string[]): TokenProvider {
  const scp = scopes ? `?scp=${encodeURIComponent(scopes.join(" "))}` : "";
  const token = `dev:${upn.trim().toLowerCase()}${scp}`;
  return () => Promise.resolve(token);
}
