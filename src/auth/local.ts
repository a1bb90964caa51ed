import type { TokenProvider } from "./types";

/** The local SharePoint server's demo identities: the bearer token is `dev:<upn>`. */
export function localTokenProvider(upn: string): TokenProvider {
  const token = `dev:${upn.trim().toLowerCase()}`;
  return () => Promise.resolve(token);
}
