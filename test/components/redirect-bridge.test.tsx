// The sign-in bridge page (auth-redirect.html) speaks the user's language when sign-in fails.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import enGB from "../../src/i18n/locales/bridge/en-GB.json";
import cyGB from "../../src/i18n/locales/bridge/cy-GB.json";

const broadcast = vi.fn<() => Promise<void>>();
vi.mock("@azure/msal-browser/redirect-bridge", () => ({ broadcastResponseToMainFrame: () => broadcast() }));

async function openBridge(languages: string[]): Promise<HTMLElement> {
  vi.resetModules();
  vi.spyOn(navigator, "languages", "get").mockReturnValue(languages);
  document.body.innerHTML = `<p id="status" role="status">Signing in… / Mewngofnodi…</p>`;
  await import("../../src/auth/redirect-bridge");
  await new Promise((done) => setTimeout(done, 0));
  return document.getElementById("status") as HTMLElement;
}

describe("the sign-in bridge page", () => {
  beforeEach(() => {
    broadcast.mockRejectedValue(Object.assign(new Error("no state"), { errorCode: "no_cached_authority_error" }));
  });
  afterEach(() => vi.restoreAllMocks());

  it("says in English that sign-in did not finish, with MSAL's code for support", async () => {
    const status = await openBridge(["en-GB", "en"]);
    expect(status.textContent).toBe(
      "Sign-in could not be completed (no_cached_authority_error). Close this window and try again.",
    );
    expect(document.documentElement.lang).not.toBe("cy-GB");
  });

  it("has every sentence in both shipped languages", () => {
    expect(Object.keys(cyGB).sort()).toEqual(Object.keys(enGB).sort());
  });

  it("says it in Welsh for a Welsh browser", async () => {
    const status = await openBridge(["cy-GB", "en-GB"]);
    expect(status.textContent).toBe(
      "Nid oedd modd cwblhau'r mewngofnodi (no_cached_authority_error). Caewch y ffenest hon a rhowch gynnig arall arni.",
    );
    expect(document.documentElement.lang).toBe("cy-GB");
  });
});
