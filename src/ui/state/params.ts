// What the page's address asks for when the tab runs standalone (or carries config in Teams).
import { SET_UP_SCOPES, type SetUpScope } from "../../auth";
import type { HostTheme } from "../../teams";

export interface PageParams {
  theme: HostTheme | null;
  lang: string | null;
  as: string;
  /** Local mode: the scopes the simulated tenant consented to (`?consent=AllSites.Write`); null for both. */
  consent: string[] | null;
  /** Local mode: the scope the simulated tenant uses for set-up (`?setUpScope=Sites.Selected`); null for the build's. */
  setUpScope: SetUpScope | null;
  view: "config" | null;
  actionId: number | null;
  /** ?objective=<id>: the tab opens at that objective (from the meeting views' links). */
  objectiveId: number | null;
  siteUrl: string | null;
  year: string | null;
}

export const DEFAULT_UPN = "edi.lead@wres.test";

// SharePoint item ids are positive 32-bit integers.
const ITEM_ID = /^[1-9]\d{0,9}$/;
const MAX_ITEM_ID = 2 ** 31 - 1;
// A plan year as people write one ("2024/25", "2024-2025", "2024"); anything else is ignored.
const PLAN_YEAR = /^\d{4}(?:\s?[/-]\s?(?:\d{2}|\d{4}))?$/;

/**
 * Reads the address. Anyone can write an address and send it round, so each value is taken only in
 * the shape it can have and otherwise ignored; the site is checked later against the trusted origin.
 */
export function readParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  const theme = q.get("theme");
  const action = q.get("action") ?? "";
  const year = q.get("year")?.trim() ?? "";
  const upn = q.get("as") ?? "";
  const objective = q.get("objective") ?? "";
  return {
    theme: theme === "default" || theme === "dark" || theme === "contrast" ? theme : null,
    lang: q.get("lang"),
    as: upn.length > 0 && upn.length <= 320 ? upn : DEFAULT_UPN,
    consent:
      q.get("consent") === null
        ? null
        : (q.get("consent") ?? "")
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
    setUpScope:
      SET_UP_SCOPES.find((scope) => scope.toLowerCase() === (q.get("setUpScope") ?? "").trim().toLowerCase()) ?? null,
    view: q.get("view") === "config" ? "config" : null,
    actionId: ITEM_ID.test(action) && Number(action) <= MAX_ITEM_ID ? Number(action) : null,
    objectiveId: ITEM_ID.test(objective) && Number(objective) <= MAX_ITEM_ID ? Number(objective) : null,
    siteUrl: q.get("site"),
    year: PLAN_YEAR.test(year) ? year : null,
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
