// "Still working": shown when a request runs longer than a few seconds or is being retried.
import { useSyncExternalStore } from "react";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ActivityTracker } from "../state/activity";

export function StillWorking(props: { tracker: ActivityTracker }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(props.tracker.subscribe, props.tracker.get);
  return (
    <div aria-live="polite" role="status">
      {state.pending > 0 && state.slow ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <Spinner size="extra-tiny" as="span" style={{ display: "inline-flex", marginInlineEnd: 8 }} />
            {state.retrying ? t("status.retrying") : t("status.stillWorking")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
