// Which way a sign-in response travels from the bridge page to the tab: the bridge broadcasts for a
// top-level tab and stays passive for a framed one, whose MSAL polls the bridge page's address.
import { describe, expect, it } from "vitest";
import { bridgeShouldStayPassive, isFramed, waitingTabWindow } from "../../../src/auth/polling";

interface FakeWindow {
  parent: FakeWindow;
  opener: FakeWindow | null;
  location: { href: string };
}

/** A window; `crossOrigin` makes reading its location throw, as a browser does. */
function fakeWindow(
  options: { parent?: FakeWindow; opener?: FakeWindow | null; crossOrigin?: boolean } = {},
): FakeWindow {
  const win = { opener: options.opener ?? null } as FakeWindow;
  win.parent = options.parent ?? win;
  Object.defineProperty(win, "location", {
    get: () => {
      if (options.crossOrigin) throw new DOMException("Blocked a frame with origin", "SecurityError");
      return { href: "https://wres.example.org/index.html" };
    },
  });
  return win;
}

const asWindow = (win: FakeWindow) => win as unknown as Window;

describe("the redirect bridge and MSAL's legacy polling", () => {
  const sharePointPage = fakeWindow({ crossOrigin: true });
  const framedTab = fakeWindow({ parent: sharePointPage });
  const topLevelTab = fakeWindow();

  it("stays passive in a popup opened by a framed tab (SharePoint web part): the tab's MSAL reads the address", () => {
    const popup = fakeWindow({ opener: framedTab });
    expect(isFramed(asWindow(framedTab))).toBe(true);
    expect(waitingTabWindow(asWindow(popup))).toBe(framedTab);
    expect(bridgeShouldStayPassive(asWindow(popup))).toBe(true);
  });

  it("stays passive in a hidden iframe of a framed tab (silent sign-in there polls too)", () => {
    const hidden = fakeWindow({ parent: framedTab });
    expect(bridgeShouldStayPassive(asWindow(hidden))).toBe(true);
  });

  it("broadcasts for a top-level tab's popup and hidden iframe (the bridge's BroadcastChannel works there)", () => {
    expect(bridgeShouldStayPassive(asWindow(fakeWindow({ opener: topLevelTab })))).toBe(false);
    expect(bridgeShouldStayPassive(asWindow(fakeWindow({ parent: topLevelTab })))).toBe(false);
  });

  it("broadcasts after a full-page redirect (no opener, top level) and for a stranger's window", () => {
    expect(waitingTabWindow(asWindow(fakeWindow()))).toBeNull();
    expect(bridgeShouldStayPassive(asWindow(fakeWindow()))).toBe(false);
    const foreignOpener = fakeWindow({ parent: sharePointPage, crossOrigin: true });
    expect(bridgeShouldStayPassive(asWindow(fakeWindow({ opener: foreignOpener })))).toBe(false);
  });
});
