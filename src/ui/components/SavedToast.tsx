// "Saved": a Fluent toast after a save succeeds (an action's progress, an action or objective edited
// or added), so a person knows their change went in without looking for it. One toaster per page.
import { Toast, ToastTitle, Toaster, useToastController } from "@fluentui/react-components";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

export const SAVED_TOASTER_ID = "wres-saved";

export function SavedToaster() {
  // Fluent announces a toast politely; it stays five seconds, longer while hovered.
  return <Toaster toasterId={SAVED_TOASTER_ID} position="bottom-end" pauseOnHover pauseOnWindowBlur />;
}

/** A function that shows "Saved" (with what was saved, when given). Without a toaster on the page it does nothing. */
export function useSavedToast(): (what?: string) => void {
  const { t } = useTranslation();
  const { dispatchToast } = useToastController(SAVED_TOASTER_ID);
  return useCallback(
    (what?: string) =>
      dispatchToast(
        <Toast data-testid="saved-toast">
          <ToastTitle>{what ? t("saved.what", { what }) : t("saved.title")}</ToastTitle>
        </Toast>,
        { intent: "success", timeout: 5000, politeness: "polite" },
      ),
    [dispatchToast, t],
  );
}
