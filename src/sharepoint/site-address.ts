// Which SharePoint the tab may talk to. A site address reaches the tab from places an attacker can
// write (the page's ?site=, a tab's saved content URL, the configuration page's box), and the tab
// sends its bearer token with every request, so a site on any other origin than the one the
// deployment trusts is refused before a single request is made.
import { AppError } from "./errors";

/** The site address names an origin the tab does not trust; nothing was sent to it. */
export class ForeignSiteError extends AppError {
  readonly requested: string;
  constructor(requested: string, trustedOrigin: string | null) {
    super(
      "foreignSite",
      `The site ${requested} is not on ${trustedOrigin ?? "a SharePoint origin this tab trusts"}; nothing was sent to it.`,
    );
    this.requested = requested;
  }
}

export interface TrustInputs {
  mode: "local" | "tenant";
  /** The build's VITE_WRES_SHAREPOINT_ORIGIN, already checked (https). */
  configuredOrigin?: string;
  /** The team's site as the Teams host reports it (trusted: it comes from the host, not the address). */
  hostSiteUrl?: string | null;
  /** The page's own origin: in local mode the local SharePoint server is mounted there. */
  pageOrigin: string;
}

/**
 * The one origin whose sites the tab opens and whose requests carry its token: the page's own in
 * local mode; in tenant mode the configured SharePoint origin, or else the origin of the team site
 * the Teams host reports. Null when a tenant build knows neither, and then every site is refused.
 */
export function trustedSharePointOrigin(inputs: TrustInputs): string | null {
  if (inputs.mode === "local") return inputs.pageOrigin;
  if (inputs.configuredOrigin) return inputs.configuredOrigin;
  const host = parseHttpUrl(inputs.hostSiteUrl ?? "");
  return host?.protocol === "https:" ? host.origin : null;
}

// SharePoint Online refuses a decoded path longer than 400 characters, so no real site is longer.
const MAX_SITE_URL = 400 + "https://".length + 253;

/**
 * The site address, normalised (no query, fragment or trailing slash), when it is an http(s) URL on
 * the trusted origin with no credentials in it; otherwise ForeignSiteError.
 */
export function checkSiteUrl(candidate: string, trustedOrigin: string | null): string {
  const trimmed = candidate.trim();
  const url = trimmed.length <= MAX_SITE_URL ? parseHttpUrl(trimmed) : null;
  if (!url || trustedOrigin === null || url.origin !== trustedOrigin || url.username !== "" || url.password !== "") {
    throw new ForeignSiteError(trimmed.slice(0, 200), trustedOrigin);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** Whether a request URL is on the origin a token was issued for (relative URLs never are: pnp sends absolute ones). */
export function isOnOrigin(requestUrl: string, origin: string): boolean {
  return parseHttpUrl(requestUrl)?.origin === origin;
}

function parseHttpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}
