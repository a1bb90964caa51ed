import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
// The bridge page's own three sentences, per shipped locale: the page must stay small (its budget is
// 32 KB), so it loads neither i18next nor the tab's string tables.
import enGB from "../i18n/locales/bridge/en-GB.json";
import cyGB from "../i18n/locales/bridge/cy-GB.json";
import { bridgeShouldStayPassive } from "./polling";

// MSAL v5's redirect bridge: Entra returns here (in the popup, or after a full-page redirect) and
// this hands the response back to the tab's page. It must not call any other MSAL API.
const strings = navigator.languages.some((l) => l.toLowerCase().startsWith("cy")) ? cyGB : enGB;
const status = document.getElementById("status");
const show = (text: string) => {
  if (status) status.textContent = text;
};
if (strings === cyGB) document.documentElement.lang = "cy-GB";
show(strings.signingIn);

if (bridgeShouldStayPassive(window)) {
  // The tab is framed, so its MSAL reads the response from this page's address and then closes the
  // window (enableLegacyPolling; see ./polling.ts). Broadcasting would erase that address first.
  // Still here after a while means nobody collected it: say so rather than spin.
  setTimeout(() => show(strings.notCollected), 20_000);
} else {
  broadcastResponseToMainFrame().catch((error: unknown) => {
    const code = (error as { errorCode?: string } | null)?.errorCode ?? "unknown";
    show(strings.failed.replace("{{code}}", code));
  });
}
