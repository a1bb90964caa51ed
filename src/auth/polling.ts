// How a sign-in response gets from the bridge page (auth-redirect.html) back to the tab's MSAL.
//
// Top level, MSAL v5 waits on a BroadcastChannel that the bridge page posts to
// (`broadcastResponseToMainFrame`). In a cross-site frame (a SharePoint web part, a Teams client
// without nested auth) that channel cannot work: Chromium partitions BroadcastChannel by top-level
// site, so the popup (top-level on our site) and the framed tab never share one. There the tab sets
// `system.enableLegacyPolling`, and MSAL reads the response from the popup's (or hidden iframe's)
// same-origin address instead (`waitForPopupPollingResponse` -> `monitorPopupForHash`, every 30 ms;
// `monitorIframeForHash` for silent frames: node_modules/@azure/msal-browser/src/app/PublicClientApplication.ts,
// src/utils/PopupMonitor.ts, src/utils/IframeMonitor.ts, v5.29.0).
//
// The two must not be mixed. MSAL documents polling as needing "a passive same-origin callback"
// (Configuration.ts, `enableLegacyPolling`), and the bridge is not passive: it strips the response
// from its own address with history.replaceState and then calls window.close()
// (src/redirect_bridge/index.ts). If it runs before the poller's next tick, MSAL reads an empty
// address or finds the popup closed (user_cancelled). So the bridge page stays passive whenever the
// tab that waits for it is framed, and both pages decide that with the same question below.
//
// MSAL 5.29 also offers `auth.popupRelayUri` (src/popup_relay/index.ts) for embedded frames: a
// separate top-level relay page that needs its own click. Polling keeps one bridge page and one
// click; the relay is the fallback if Entra ever starts sending COOP despite `pocd=1`.

/** Whether a window is inside a frame (so MSAL there collects sign-in responses by polling). */
export function isFramed(win: Window): boolean {
  try {
    return win.parent !== win;
  } catch {
    return true; // a cross-origin parent can make even the comparison throw in old engines
  }
}

/** A window whose document is on this origin (reading a cross-origin location throws). */
function sameOrigin(win: Window | null | undefined): Window | null {
  if (!win) return null;
  try {
    void win.location.href;
    return win;
  } catch {
    return null;
  }
}

/**
 * The tab window whose MSAL waits for this bridge page: the popup's opener, or the hidden iframe's
 * parent; null for a full-page redirect (the bridge then navigates back itself) or a stranger's window.
 */
export function waitingTabWindow(bridge: Window): Window | null {
  let opener: Window | null = null;
  try {
    opener = bridge.opener as Window | null;
  } catch {
    return null;
  }
  if (opener && opener !== bridge) return sameOrigin(opener);
  return isFramed(bridge) ? sameOrigin(bridge.parent) : null;
}

/** True when the waiting tab is framed: its MSAL polls this page's address, so the bridge must leave it alone. */
export function bridgeShouldStayPassive(bridge: Window): boolean {
  const tab = waitingTabWindow(bridge);
  return tab !== null && isFramed(tab);
}
