// Which of the meeting and plan-year views the page shows: from the address (standalone, tests,
// demos: ?view=sidepanel|stage|year|report|public&since=YYYY-MM-DD&canShare=1) or from Teams' frame
// context (sidePanel -> side panel, meetingStage -> stage). Tiny on purpose: main.tsx reads it
// before lazy-loading the views themselves.
export type ExtraView = "sidepanel" | "stage" | "year" | "report" | "public";

export interface ExtraRoute {
  view: ExtraView;
  /** The "changes since" date asked for in the address (yyyy-mm-dd), or null. */
  since: string | null;
  /** Standalone stand-in for the host's stage-sharing capability. */
  canShare: boolean;
  /** "approval": the changes are today's plan against the approved copy, not since a date. */
  compare?: "date" | "approval";
}

const VIEWS: readonly ExtraView[] = ["sidepanel", "stage", "year", "report", "public"];

export function isIsoDay(value: string | null | undefined): value is string {
  return (
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  );
}

export function extraRoute(search: string, frameContext: string | null): ExtraRoute | null {
  const q = new URLSearchParams(search);
  const asked = q.get("view");
  const fromFrame: ExtraView | null =
    frameContext === "sidePanel" ? "sidepanel" : frameContext === "meetingStage" ? "stage" : null;
  const view = VIEWS.find((v) => v === asked) ?? fromFrame;
  if (!view) return null;
  const since = q.get("since");
  const route: ExtraRoute = { view, since: isIsoDay(since) ? since : null, canShare: q.get("canShare") === "1" };
  if (q.get("compare") === "approval") route.compare = "approval";
  return route;
}

/** The address of a view of this page, keeping year and identity parameters (not theme: the viewer's host sets it). */
export function viewUrl(href: string, view: ExtraView, since: string | null): string {
  const url = new URL(href);
  url.searchParams.set("view", view);
  if (since) url.searchParams.set("since", since);
  else url.searchParams.delete("since");
  url.searchParams.delete("canShare");
  url.searchParams.delete("theme");
  return url.toString();
}

/** The plan-year tools from the tab (same identity, theme and year; the tab's own link). */
export function yearToolsHref(href: string): string {
  const url = new URL(href);
  url.searchParams.set("view", "year");
  url.searchParams.delete("action");
  return url.toString();
}

/**
 * The tab's own address at one action or objective, from a meeting view or the report (the view,
 * its period and the sharing stand-in dropped; identity, theme, site and year kept): every mention
 * of an action or objective opens it.
 */
export function itemHref(href: string, item: { action: number } | { objective: number }): string {
  const url = new URL(href);
  for (const key of ["view", "since", "canShare", "action", "objective"]) url.searchParams.delete(key);
  if ("action" in item) url.searchParams.set("action", String(item.action));
  else url.searchParams.set("objective", String(item.objective));
  return url.toString();
}

/** The same address comparing with the approved plan ("approval") or since a date (the default). */
export function withCompare(href: string, compare: "date" | "approval"): string {
  const url = new URL(href);
  if (compare === "approval") url.searchParams.set("compare", "approval");
  else url.searchParams.delete("compare");
  return url.toString();
}
