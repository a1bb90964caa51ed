// What the page's address asks for when the tab runs standalone (or carries config in Teams).
import type { HostTheme } from "../../teams/host";

export interface PageParams {
  theme: HostTheme | null;
  lang: string | null;
  as: string;
  view: "config" | null;
  actionId: number | null;
  /** ?objective=<id>: the tab opens at that objective (from the meeting views' links). */
  objectiveId: number | null;
  siteUrl: string | null;
  year: string | null;
}

export const DEFAULT_UPN = "edi.lead@wres.test";

export function readParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  const theme = q.get("theme");
  const action = Number.parseInt(q.get("action") ?? "", 10);
  const objective = Number.parseInt(q.get("objective") ?? "", 10);
  return {
    theme: theme === "default" || theme === "dark" || theme === "contrast" ? theme : null,
    lang: q.get("lang"),
    as: q.get("as") || DEFAULT_UPN,
    view: q.get("view") === "config" ? "config" : null,
    actionId: Number.isFinite(action) ? action : null,
    objectiveId: Number.isFinite(objective) ? objective : null,
    siteUrl: q.get("site"),
    year: q.get("year"),
  };
}

/** A standalone link to an action: the current address with ?action=<id>. */
export function standaloneActionLink(href: string, actionId: number): string {
  const url = new URL(href);
  url.searchParams.set("action", String(actionId));
  return url.toString();
}

/** The tab at another plan year (and, optionally, one of its actions): ?year=<year>[&action=<id>], other parameters kept. */
export function planYearHref(href: string, year: string, actionId: number | null): string {
  const url = new URL(href);
  url.searchParams.set("year", year);
  if (actionId === null) url.searchParams.delete("action");
  else url.searchParams.set("action", String(actionId));
  return url.toString();
}
