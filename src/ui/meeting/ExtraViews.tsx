// The meeting and plan-year views behind one small component, so the tab's entry only learns
// one name; each view's code downloads when the page is opened as that view.
import type { PlanStore } from "../../sharepoint";
import { lazyView } from "../components/Lazy";
import type { ExtraRoute } from "./route";

const MeetingRoot = lazyView(() => import("./MeetingRoot").then((m) => m.MeetingRoot));
const YearRoot = lazyView(() => import("../year/YearRoot").then((m) => m.YearRoot));

export function ExtraViews(props: { route: ExtraRoute; store: PlanStore; year: string | null; today: string }) {
  const { route } = props;
  if (route.view === "sidepanel" || route.view === "stage")
    return (
      <MeetingRoot route={{ ...route, view: route.view }} store={props.store} year={props.year} today={props.today} />
    );
  return <YearRoot route={{ ...route, view: route.view }} store={props.store} year={props.year} today={props.today} />;
}
