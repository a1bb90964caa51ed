// A site set up by an older version of the app: a plan editor is offered "Upgrade the lists" (it
// adds the columns, choices and view columns the newer version needs and keeps every item); anyone
// else is told to ask a plan editor. Shown above the plan when the check finds the site older, and
// instead of the plan when SharePoint refused a column the site does not have yet.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanStore } from "../../sharepoint";
import { useSchema } from "../state/schema";
import { ErrorMessage } from "./ErrorMessage";

export function SchemaUpgrade(props: {
  store: PlanStore;
  onUpgraded(): void;
  /** SharePoint already refused a column: no need to ask. */ outdated?: boolean;
}) {
  const { t } = useTranslation();
  const schema = useSchema();
  const [outdated, setOutdated] = useState<boolean>(props.outdated ?? false);
  const [editor, setEditor] = useState<boolean | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: unknown; done: boolean }>({
    busy: false,
    error: null,
    done: false,
  });

  useEffect(() => {
    let live = true;
    if (!props.outdated && schema) {
      // A failed check says nothing: the plan itself reports what went wrong.
      schema.check().then(
        (s) => live && setOutdated(s.version < s.current),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [schema, props.outdated]);

  useEffect(() => {
    let live = true;
    if (outdated) {
      props.store.capabilities().then(
        (c) => live && setEditor(c.editPlan),
        () => live && setEditor(false),
      );
    }
    return () => {
      live = false;
    };
  }, [outdated, props.store]);

  if (state.done) {
    return (
      <MessageBar intent="success" data-testid="schema-upgraded">
        <MessageBarBody>{t("schemaUpgrade.done")}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!outdated) return null;

  function run() {
    if (!schema) return;
    setState({ busy: true, error: null, done: false });
    schema.upgrade().then(
      () => {
        setState({ busy: false, error: null, done: true });
        props.onUpgraded();
      },
      (error: unknown) => setState({ busy: false, error, done: false }),
    );
  }

  return (
    <>
      <MessageBar intent="warning" layout="multiline" data-testid="schema-outdated">
        <MessageBarBody>
          <MessageBarTitle>{t("schemaUpgrade.title")}</MessageBarTitle>
          {editor === null ? null : editor && schema ? t("schemaUpgrade.editor") : t("schemaUpgrade.others")}
        </MessageBarBody>
        <MessageBarActions>
          {editor && schema ? (
            <Button appearance="primary" disabled={state.busy} onClick={run}>
              {t("schemaUpgrade.go")}
            </Button>
          ) : null}
        </MessageBarActions>
      </MessageBar>
      {state.busy ? <Spinner size="small" label={t("schemaUpgrade.busy")} /> : null}
      {state.error !== null ? <ErrorMessage error={state.error} onRetry={run} /> : null}
    </>
  );
}
