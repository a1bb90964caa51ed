// The public version's print view address: ?view=public&year=…&figures=with|none&leads=roles|names.
// Tiny on purpose (no React, no Word library): the Plan year screen builds the link, YearRoot reads it.
import { DEFAULT_PUBLIC_OPTIONS, type PublicPlanOptions } from "../../reports/public-plan-content";

export function publicOptionsOf(search: string): PublicPlanOptions {
  const q = new URLSearchParams(search);
  return {
    withFigures: q.get("figures") === "none" ? false : DEFAULT_PUBLIC_OPTIONS.withFigures,
    leads: q.get("leads") === "names" ? "names" : q.get("leads") === "roles" ? "roles" : DEFAULT_PUBLIC_OPTIONS.leads,
  };
}

/** The print view's address from the tab's own (identity and site kept; the viewer's host sets the theme). */
export function publicViewUrl(href: string, year: string, options: PublicPlanOptions): string {
  const url = new URL(href);
  for (const key of ["since", "canShare", "theme", "action", "objective"]) url.searchParams.delete(key);
  url.searchParams.set("view", "public");
  url.searchParams.set("year", year);
  url.searchParams.set("figures", options.withFigures ? "with" : "none");
  url.searchParams.set("leads", options.leads);
  return url.toString();
}
