// A failed request in plain words, with retry where it helps. Unsaved input stays in its form.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { errorMessageKey } from "../state/errors";

export function ErrorMessage(props: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {props.title ? <MessageBarTitle>{props.title}</MessageBarTitle> : null}
        {t(errorMessageKey(props.error))}
      </MessageBarBody>
      {props.onRetry ? (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{t("common.retry")}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
