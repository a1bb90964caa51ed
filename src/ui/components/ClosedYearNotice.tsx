// A closed plan year (rolled over) says so at the top of every screen: it can be read, not changed,
// and the year it was carried into opens from here when that year is on the site.
import { useEffect, useState } from "react";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { nextPlanYear } from "../../plan";
import { usePlan } from "../state/PlanContext";
import { YearLink } from "./YearLink";

export function ClosedYearNotice(props: { year: string }) {
  const { t } = useTranslation();
  const { store } = usePlan();
  const next = nextPlanYear(props.year);
  // Roll-over writes next year's plan before closing this one, so it is there unless deleted since.
  const [nextOnSite, setNextOnSite] = useState(false);
  useEffect(() => {
    if (!next) return;
    let live = true;
    store
      .planYears()
      .then((years) => live && setNextOnSite(years.includes(next)))
      .catch(() => undefined); // the notice still says the year is closed; only the link is missing
    return () => {
      live = false;
    };
  }, [store, next]);

  return (
    <MessageBar intent="info" layout="multiline" icon={<LockClosedRegular />} data-testid="closed-year">
      <MessageBarBody>
        <MessageBarTitle>{t("closedYear.title", { year: props.year })}</MessageBarTitle>
        {next && nextOnSite ? t("closedYear.carriedInto", { next }) : t("closedYear.carried")}{" "}
        {t("closedYear.readOnly")}
      </MessageBarBody>
      {next && nextOnSite ? (
        <MessageBarActions>
          <YearLink year={next} actionId={null}>
            {t("closedYear.open", { year: next })}
          </YearLink>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
