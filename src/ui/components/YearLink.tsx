// A link to another plan year of the tab (optionally at one of its actions). A plain click opens it
// in place; the address is a real one, so it also opens in a new tab and survives a reload.
import type { ReactNode } from "react";
import { Link } from "@fluentui/react-components";
import { planYearHref } from "../state/params";
import { usePlanContext } from "../state/PlanContext";

export function YearLink(props: { year: string; actionId: number | null; children: ReactNode }) {
  const { openYear } = usePlanContext();
  return (
    <Link
      href={planYearHref(location.href, props.year, props.actionId)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        openYear(props.year, props.actionId);
      }}
    >
      {props.children}
    </Link>
  );
}
