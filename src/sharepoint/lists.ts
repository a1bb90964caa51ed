// The plan's lists are addressed by their URL, never by their title: a title is a display name
// that a site owner may change in List settings, the URL is fixed when the list is created
// (SPWeb.GetList takes "the server-relative URL to the root folder of a list",
// https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ms441870(v=office.14)).
// @pnp/sp's `web.getList(url)` sends `GET web/getList('<server-relative url>')`. docs/sharepoint.md §2.2.
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import type { IList } from "@pnp/sp/lists/index.js";
import type { IWeb } from "@pnp/sp/webs/index.js";
import { LIST_URLS, type ListKey } from "./schema";

/** The site's server-relative path ("/sites/wres", or "" for the tenant root) from a web's REST URL. */
export function sitePathOf(web: IWeb): string {
  const url = web.toUrl();
  const path = new URL(url).pathname.replace(/\/_api\/web\/?$/i, "");
  return path === "/" ? "" : path.replace(/\/+$/, "");
}

/** The server-relative URL of one of the plan's lists, e.g. "/sites/wres/Lists/WRES Actions". */
export function listServerRelativeUrl(sitePath: string, key: ListKey): string {
  return `${sitePath}/${LIST_URLS[key]}`;
}

/** One of the plan's lists on this web (works on a batched web too). */
export function planList(web: IWeb, key: ListKey): IList {
  return web.getList(listServerRelativeUrl(sitePathOf(web), key));
}
