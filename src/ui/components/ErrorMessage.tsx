// A failed request in plain words, with retry where it helps. Unsaved input stays in its form.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { errorMessageKey, needsSignIn } from "../state/errors";
import { useSignIn } from "../state/signIn";

export function ErrorMessage(props: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const offerSignIn = signIn !== null && needsSignIn(props.error);
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {props.title ? <MessageBarTitle>{props.title}</MessageBarTitle> : null}
        {t(errorMessageKey(props.error))}
      </MessageBarBody>
      {offerSignIn || props.onRetry ? (
        <MessageBarActions>
          {offerSignIn ? (
            <Button appearance="primary" onClick={() => void signIn().then(props.onRetry, () => undefined)}>
              {t("auth.signIn")}
            </Button>
          ) : null}
          {props.onRetry ? <Button onClick={props.onRetry}>{t("common.retry")}</Button> : null}
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
