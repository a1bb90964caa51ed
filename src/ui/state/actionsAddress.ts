// The Actions view in the page's address, so a copied link or a bookmark opens the same view:
//   ?tab=actions&q=training&rag=Red&lead=person:12&indicator=2&obj=3&overdue=1&due=2025-03-31&sort=due&group=lead&layout=board
// Lists repeat their key (rag=Red&rag=Amber), since a role named in lead text may hold a comma. Anyone
// can write an address and send it round, so each value is taken only in the shape it can have and
// otherwise ignored; values at their default are left out of the address.
import { INDICATOR_NUMBERS, RAGS, type IndicatorNumber, type Rag } from "../../plan";
import { DEFAULT_VIEW, GROUPS, LAYOUTS, SORTS, type ActionsView } from "./actionsView";

/** The address parameters the view owns (besides tab=actions); others (as, theme, year, action) are left alone. */
export const VIEW_KEYS = ["q", "rag", "lead", "indicator", "obj", "overdue", "due", "sort", "group", "layout"] as const;

const MAX_QUERY = 200;
const MAX_LIST = 50;
const MAX_LEAD_KEY = 300;
const ITEM_ID = /^[1-9]\d{0,9}$/;
const LEAD_KEY = /^(?:person:[1-9]\d{0,9}|role:.+)$/s;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)].slice(0, MAX_LIST);
}

/** Whether the address asks for the Actions view (?tab=actions). */
export function isActionsTab(search: string): boolean {
  return new URLSearchParams(search).get("tab") === "actions";
}

/** The view the address describes; what it leaves out (or gets wrong) is the default. */
export function readActionsView(search: string): ActionsView {
  const q = new URLSearchParams(search);
  const one = <T extends string>(key: string, allowed: readonly T[], fallback: T): T =>
    allowed.find((v) => v === q.get(key)) ?? fallback;
  const due = q.get("due") ?? "";
  return {
    query: (q.get("q") ?? "").slice(0, MAX_QUERY),
    rags: unique(q.getAll("rag").filter((r): r is Rag => (RAGS as readonly string[]).includes(r))).sort(
      (a, b) => RAGS.indexOf(a) - RAGS.indexOf(b),
    ),
    leads: unique(q.getAll("lead").filter((key) => key.length <= MAX_LEAD_KEY && LEAD_KEY.test(key))),
    indicators: unique(
      q
        .getAll("indicator")
        .map(Number)
        .filter((n): n is IndicatorNumber => (INDICATOR_NUMBERS as readonly number[]).includes(n)),
    ).sort((a, b) => a - b),
    objectives: unique(
      q
        .getAll("obj")
        .filter((id) => ITEM_ID.test(id) && Number(id) <= 2 ** 31 - 1)
        .map(Number),
    ),
    overdue: q.get("overdue") === "1",
    dueBy: isRealDay(due) ? due : null,
    sort: one("sort", SORTS, DEFAULT_VIEW.sort),
    group: one("group", GROUPS, DEFAULT_VIEW.group),
    layout: one("layout", LAYOUTS, DEFAULT_VIEW.layout),
  };
}

/** The view's own parameters, in a fixed order, defaults left out (the query string without "?"). */
export function actionsViewSearch(view: ActionsView): string {
  const q = new URLSearchParams();
  q.set("tab", "actions");
  if (view.query) q.set("q", view.query.slice(0, MAX_QUERY));
  for (const rag of view.rags) q.append("rag", rag);
  for (const lead of view.leads) q.append("lead", lead);
  for (const n of view.indicators) q.append("indicator", String(n));
  for (const id of view.objectives) q.append("obj", String(id));
  if (view.overdue) q.set("overdue", "1");
  if (view.dueBy) q.set("due", view.dueBy);
  if (view.sort !== DEFAULT_VIEW.sort) q.set("sort", view.sort);
  if (view.group !== DEFAULT_VIEW.group) q.set("group", view.group);
  if (view.layout !== DEFAULT_VIEW.layout) q.set("layout", view.layout);
  return q.toString();
}

/** The page's address showing this view: its other parameters (identity, theme, year, an open action) kept. */
export function actionsViewHref(href: string, view: ActionsView): string {
  const url = new URL(withoutActionsView(href));
  for (const [key, value] of new URLSearchParams(actionsViewSearch(view))) url.searchParams.append(key, value);
  return url.toString();
}

/** The page's address without the Actions view (leaving it for another tab). */
export function withoutActionsView(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("tab");
  for (const key of VIEW_KEYS) url.searchParams.delete(key);
  return url.toString();
}

// In Teams a tab's address cannot be shared: Teams' deep link carries a sub-page id that the tab
// reads back from its context (page.subPageId) when the link is opened.
// https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/deep-links-execution-handling
const SUB_PAGE_PREFIX = "actions?";

/** The Teams deep link's sub-page id for a view. */
export function actionsSubPageId(view: ActionsView): string {
  return `${SUB_PAGE_PREFIX}${actionsViewSearch(view)}`;
}

/** The view's parameters from a Teams deep link's sub-page id, or null when it names no view. */
export function actionsSearchFromSubPage(subPageId: string | null | undefined): string | null {
  if (!subPageId?.startsWith(SUB_PAGE_PREFIX)) return null;
  return actionsViewSearch(readActionsView(subPageId.slice(SUB_PAGE_PREFIX.length)));
}
