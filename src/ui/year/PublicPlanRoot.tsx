// The public version's print view page (?view=public): loads the year's approved copy through the
// loader its host gives (the plan store's approved copy), then draws PublicPlanView.
import { Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApprovedCopy } from "../../plan/cycle";
import type { PublicPlanOptions } from "../../reports/public-plan-content";
import { ErrorMessage } from "../components/ErrorMessage";
import { PublicPlanView } from "./PublicPlanView";

export type ApprovedCopyLoader = (year: string) => Promise<ApprovedCopy | null>;

export function PublicPlanRoot(props: { year: string; load?: ApprovedCopyLoader; options: PublicPlanOptions }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ copy: ApprovedCopy | null } | { error: unknown } | null>(null);
  const [tick, setTick] = useState(0);
  const { load, year } = props;
  useEffect(() => {
    let live = true;
    (load ? load(year) : Promise.resolve(null)).then(
      (copy) => live && setState({ copy }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [load, year, tick]);
  if (!state) return <Spinner label={t("meeting.loading")} />;
  if ("error" in state)
    return <ErrorMessage title={t("load.failed")} error={state.error} onRetry={() => setTick((n) => n + 1)} />;
  if (!state.copy)
    return (
      <main className="wres-report">
        <h1>{t("planDocuments.printHeading")}</h1>
        <p role="status">{t("planDocuments.notApproved", { year })}</p>
      </main>
    );
  return <PublicPlanView copy={state.copy} options={props.options} />;
}
