import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

// MSAL v5's redirect bridge: Entra returns here (in the popup, or after a full-page redirect) and
// this hands the response back to the tab's page. It must not call any other MSAL API.
broadcastResponseToMainFrame().catch((error: unknown) => {
  const code = (error as { errorCode?: string } | null)?.errorCode ?? "unknown";
  const status = document.getElementById("status");
  if (status) status.textContent = `Sign-in could not be completed (${code}). Close this window and try again.`;
});
