// What an empty site shows instead of a dead end: the plan lists are not on it yet. A person who
// may create lists (a plan editor or site owner) is led to the set-up page; anyone else is told
// whom to ask. "Try again" stays for the moment after someone else has set the site up.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanStore } from "../../sharepoint";
import { needsSignIn } from "../state/errors";
import { useSetUpCheck } from "../state/setUp";

/** The set-up (configuration) page of this tab: ?view=config, identity, theme, language and site kept. */
export function setUpHref(href: string): string {
  const url = new URL(href);
  for (const key of ["view", "since", "canShare", "action", "objective", "year"]) url.searchParams.delete(key);
  url.searchParams.set("view", "config");
  return url.toString();
}

export function NotSetUp(props: { store: PlanStore; onRetry(): void; href?: string }) {
  const { t } = useTranslation();
  // Unknown until asked: nobody is shown the wrong advice while SharePoint answers.
  const [canSetUp, setCanSetUp] = useState<boolean | null>(null);
  const setUpCheck = useSetUpCheck();
  useEffect(() => {
    let live = true;
    // A consent still missing or a sign-in still needed is no answer yet: the set-up page asks for it and says what is missing.
    const asked = setUpCheck
      ? setUpCheck().then(
          (check) => check.canSetUp || check.missing === "scope" || check.missing === "siteGrant",
          (failure: unknown) => needsSignIn(failure),
        )
      : props.store.capabilities().then((c) => c.manageLists);
    asked.then(
      (can) => live && setCanSetUp(can),
      () => live && setCanSetUp(false),
    );
    return () => {
      live = false;
    };
  }, [props.store, setUpCheck]);
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="not-set-up">
      <MessageBarBody>
        <MessageBarTitle>{t("setUp.title")}</MessageBarTitle>
        {canSetUp === null ? null : canSetUp ? t("setUp.editor") : t("setUp.others")}
      </MessageBarBody>
      <MessageBarActions>
        {canSetUp ? (
          <Button as="a" appearance="primary" href={setUpHref(props.href ?? location.href)}>
            {t("setUp.go")}
          </Button>
        ) : null}
        <Button onClick={props.onRetry}>{t("common.retry")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
