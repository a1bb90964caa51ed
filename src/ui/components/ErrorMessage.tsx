// A failed request in plain words, with retry where it helps. Unsaved input stays in its form.
// When the user must sign in, a button runs the interactive step for the permission the request
// needed; if that step fails too (declined, cancelled, blocked popup, wrong account), its own reason
// replaces the message, and the button stays for another go.
import { useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { authProblem } from "../../auth";
import { errorMessageKey } from "../state/errors";
import { useSignIn } from "../state/signIn";

/** The message for a failed interactive sign-in: the typed reason, else a general "did not finish". */
function signInFailureKey(error: unknown): string {
  const problem = authProblem(error);
  return problem && problem.kind !== "signInRequired" ? `auth.${problem.kind}` : "auth.signInFailed";
}

export function ErrorMessage(props: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [signInFailure, setSignInFailure] = useState<unknown>(null);
  const [signingIn, setSigningIn] = useState(false);
  const problem = authProblem(props.error);
  const purpose = problem?.kind === "signInRequired" ? problem.purpose : null;
  const offerSignIn = signIn !== null && purpose !== null;

  function runSignIn() {
    if (!signIn || purpose === null) return;
    setSigningIn(true);
    setSignInFailure(null);
    signIn(purpose).then(
      () => {
        setSigningIn(false);
        props.onRetry?.();
      },
      (error: unknown) => {
        setSigningIn(false);
        setSignInFailure(error);
      },
    );
  }

  const messageKey =
    signInFailure !== null
      ? signInFailureKey(signInFailure)
      : purpose === "provision"
        ? "auth.signInRequiredProvision"
        : errorMessageKey(props.error);
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {props.title ? <MessageBarTitle>{props.title}</MessageBarTitle> : null}
        {t(messageKey)}
      </MessageBarBody>
      {offerSignIn || props.onRetry ? (
        <MessageBarActions>
          {offerSignIn ? (
            <Button appearance="primary" disabled={signingIn} onClick={runSignIn}>
              {purpose === "provision" ? t("auth.allowManage") : t("auth.signIn")}
            </Button>
          ) : null}
          {props.onRetry ? <Button onClick={props.onRetry}>{t("common.retry")}</Button> : null}
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
