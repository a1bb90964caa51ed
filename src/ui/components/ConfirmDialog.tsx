// Asks before something cannot be undone (deleting an objective or action), or before many
// changes at once (renumbering, with a preview of them as children).
import type { ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "./ErrorMessage";

export function ConfirmDialog(props: {
  title: string;
  body: string;
  confirm: string;
  busy?: boolean;
  /** Nothing to confirm (e.g. nothing would change): the confirm button is off. */
  confirmDisabled?: boolean;
  error?: unknown;
  children?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  /**
   * Open unless false. A dialog that closes on its own (a task finished) should stay mounted and be
   * closed with open={false}: unmounting an open Fluent dialog can leave aria-hidden on the page
   * (microsoft/fluentui#35139), hiding it from screen readers.
   */
  open?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={props.open ?? true}
      modalType="alert"
      onOpenChange={(_, d) => (d.open ? undefined : props.onCancel())}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            <p>{props.body}</p>
            {props.children}
            {props.error ? <ErrorMessage error={props.error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm} disabled={props.busy || props.confirmDisabled}>
              {props.confirm}
            </Button>
            <Button onClick={props.onCancel} disabled={props.busy}>
              {t("common.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
