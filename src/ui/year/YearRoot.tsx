// The plan-year screen and the committee report's print view, loaded only when opened.
import { Spinner } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Capabilities } from "../../plan";
import type { PlanStore } from "../../sharepoint";
import { ErrorMessage } from "../components/ErrorMessage";
import { NotSetUp } from "../components/NotSetUp";
import { errorKind } from "../state/errors";
import type { ExtraRoute } from "../meeting/route";
import { defaultSince } from "../meeting/since";
import { PlanYearScreen } from "./PlanYearScreen";
import { ReportView } from "./ReportView";
import { PublicPlanRoot, type ApprovedCopyLoader } from "./PublicPlanRoot";
import { publicOptionsOf } from "./public-route";

export function YearRoot(props: {
  route: ExtraRoute & { view: "year" | "report" | "public" };
  store: PlanStore;
  year: string | null;
  today: string;
  href?: string;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ year: string | null; capabilities: Capabilities } | { error: unknown } | null>(
    null,
  );
  const [tick, setTick] = useState(0);
  const { store } = props;
  const loadApprovedCopy = useCallback<ApprovedCopyLoader>((year) => store.approvedCopy(year), [store]);
  useEffect(() => {
    let live = true;
    Promise.all([
      props.year ? Promise.resolve(props.year) : props.store.planYears().then((y) => y[0] ?? null),
      props.store.capabilities(),
    ]).then(
      ([year, capabilities]) => live && setState({ year, capabilities }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [props.store, props.year, tick]);

  if (!state) return <Spinner label={t("meeting.loading")} />;
  if ("error" in state)
    return errorKind(state.error) === "notProvisioned" ? (
      <NotSetUp store={props.store} onRetry={() => setTick((n) => n + 1)} href={props.href} />
    ) : (
      <ErrorMessage title={t("load.failed")} error={state.error} onRetry={() => setTick((n) => n + 1)} />
    );
  // With no plan yet, the year screen still opens (to import one) on the current plan year.
  const year = state.year ?? currentPlanYear(props.today);
  if (props.route.view === "public")
    return <PublicPlanRoot year={year} load={loadApprovedCopy} options={publicOptionsOf(location.search)} />;
  if (props.route.view === "report")
    return (
      <ReportView
        store={props.store}
        year={year}
        since={props.route.since ?? defaultSince(props.today)}
        today={props.today}
      />
    );
  return (
    <PlanYearScreen
      store={props.store}
      year={year}
      capabilities={state.capabilities}
      today={props.today}
      href={props.href ?? location.href}
    />
  );
}

/** NHS plan years run April to March: "2025/26" from 1 April 2025. */
export function currentPlanYear(today: string): string {
  const [y, m] = today.split("-").map(Number);
  const start = (m ?? 1) >= 4 ? (y ?? 2025) : (y ?? 2025) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}
