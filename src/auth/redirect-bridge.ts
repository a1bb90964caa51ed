import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
import { bridgeShouldStayPassive } from "./polling";

// MSAL v5's redirect bridge: Entra returns here (in the popup, or after a full-page redirect) and
// this hands the response back to the tab's page. It must not call any other MSAL API.
const status = document.getElementById("status");
const show = (text: string) => {
  if (status) status.textContent = text;
};

if (bridgeShouldStayPassive(window)) {
  // The tab is framed, so its MSAL reads the response from this page's address and then closes the
  // window (enableLegacyPolling; see ./polling.ts). Broadcasting would erase that address first.
  // Still here after a while means nobody collected it: say so rather than spin.
  setTimeout(() => show("Sign-in could not be completed (no response was collected). Close this window and try again."), 20_000);
} else {
  broadcastResponseToMainFrame().catch((error: unknown) => {
    const code = (error as { errorCode?: string } | null)?.errorCode ?? "unknown";
    show(`Sign-in could not be completed (${code}). Close this window and try again.`);
  });
}
