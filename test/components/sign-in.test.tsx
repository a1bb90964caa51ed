// Signing in from the tab (tenant mode): the Sign in button's interactive step, what the user is told
// when it fails, and the extra permission (AllSites.Manage) that setting up the lists needs.
import { describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { button, findButton, openDialog, renderApp } from "./render";
import { FakePlanStore, ROLES } from "../support/fake-store";
import { ConfigPage } from "../../src/ui/screens/ConfigPage";
import { ErrorMessage } from "../../src/ui/components/ErrorMessage";
import {
  ConsentDeclinedError,
  InteractionRequired,
  PopupBlockedError,
  SignInCancelledError,
  WrongTenantError,
  type SignInPurpose,
} from "../../src/auth";
import { NotProvisionedError, toAppError } from "../../src/sharepoint/errors";

vi.setConfig({ testTimeout: 90_000 });

/**
 * The token seam as the UI sees it in tenant mode: the everyday token works, the Manage token needs
 * the user's consent until an interactive sign-in for "provision" grants it (or fails as scripted).
 */
class FakeTokenSeam {
  manageConsented = false;
  signIns: SignInPurpose[] = [];
  /** Each interactive sign-in takes the next scripted failure (undefined: succeeds). */
  failures: (Error | undefined)[] = [];

  getProvisioningToken = async (): Promise<string> => {
    if (!this.manageConsented) throw new InteractionRequired("provision", "consent_required");
    return "manage-token";
  };

  signIn = async (purpose: SignInPurpose = "write"): Promise<void> => {
    this.signIns.push(purpose);
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (purpose === "provision") this.manageConsented = true;
  };
}

describe("a failed interactive sign-in", () => {
  const cases: [string, Error, string][] = [
    [
      "the user declined consent",
      new ConsentDeclinedError(false, "access_denied"),
      "The tab needs your permission to read and update the plan in SharePoint. Sign in again and accept to carry on.",
    ],
    [
      "only an administrator may consent",
      new ConsentDeclinedError(true, "invalid_request"),
      "Your organisation's administrator must approve this app before it can reach SharePoint.",
    ],
    [
      "the account is from another organisation",
      new WrongTenantError("11111111-2222-3333-4444-555555555555", "99999999-8888-7777-6666-555555555555"),
      "You signed in with an account from another organisation. Sign in with your work account.",
    ],
    ["the user closed the window", new SignInCancelledError(), "Sign-in was cancelled. Sign in to carry on."],
    [
      "the popup was blocked",
      new PopupBlockedError("popup_window_error"),
      "The sign-in window was blocked. Allow pop-ups for this site, then sign in again.",
    ],
    [
      "something unexpected failed",
      Object.assign(new Error("x"), { errorCode: "no_network_connectivity" }),
      "Sign-in did not finish. Try again; if it keeps failing, ask your Microsoft 365 administrator.",
    ],
  ];

  it.each(cases)("says why when %s, and lets the user try again", async (_, failure, message) => {
    const seam = new FakeTokenSeam();
    seam.failures = [failure];
    const retried = vi.fn();
    renderApp(new FakePlanStore(), {
      signIn: seam.signIn,
      children: <ErrorMessage error={new InteractionRequired("write", "interaction_required")} onRetry={retried} />,
    });
    await screen.findByText("Sign in to see the plan: SharePoint needs to know who you are.");
    await userEvent.click(button("Sign in"));
    await screen.findByText(message);
    expect(screen.queryByText("Sign in to see the plan: SharePoint needs to know who you are.")).toBeNull();
    expect(retried).not.toHaveBeenCalled();

    // The button stays; the second attempt succeeds and the failed request runs again.
    await userEvent.click(button("Sign in"));
    await waitFor(() => expect(retried).toHaveBeenCalledOnce());
    expect(seam.signIns).toEqual(["write", "write"]);
    expect(screen.queryByText(message)).toBeNull();
  });

  it("offers no sign-in in local mode (no interactive step exists)", async () => {
    renderApp(new FakePlanStore(), {
      children: <ErrorMessage error={new InteractionRequired("write", "unauthorized")} />,
    });
    await screen.findByText("Sign in to see the plan: SharePoint needs to know who you are.");
    expect(screen.queryByText("Sign in")).toBeNull();
  });
});

describe("SharePoint refusing the token mid-session (401)", () => {
  it("offers Sign in, not 'no permission', and loads the plan after signing in", async () => {
    const store = new FakePlanStore();
    store.failNext.set(
      "loadPlan",
      toAppError(
        Object.assign(new Error("Error making HttpClient request in queryable [401] Unauthorized"), { status: 401 }),
      ),
    );
    const seam = new FakeTokenSeam();
    renderApp(store, { signIn: seam.signIn });
    await screen.findByText("Sign in to see the plan: SharePoint needs to know who you are.");
    expect(screen.queryByText(/You do not have permission/)).toBeNull();
    await userEvent.click(button("Sign in"));
    await screen.findByText("Objectives");
    expect(seam.signIns).toEqual(["write"]);
  });
});

describe("setting up the lists when AllSites.Manage needs consent", () => {
  function renderConfig(seam: FakeTokenSeam) {
    const store = new FakePlanStore({ capabilities: ROLES.editor });
    let provisioned = false;
    store.planYears = async () => {
      if (!provisioned) throw new NotProvisionedError("WRES Objectives");
      return [];
    };
    // Like src/sharepoint/provision.ts: its first request asks the seam for the Manage token.
    const provision = vi.fn(async () => {
      await seam.getProvisioningToken();
      provisioned = true;
      return {};
    });
    renderApp(new FakePlanStore(), {
      signIn: seam.signIn,
      children: (
        <ConfigPage
          defaultSiteUrl="https://trust.sharepoint.com/sites/edi"
          defaultYear={null}
          today="2025-11-23"
          connect={() => ({ store, provision, setUpCheck: async () => ({ canSetUp: true as const }) })}
          onChange={() => undefined}
        />
      ),
    });
    return { provision };
  }

  async function confirmSetUp() {
    await userEvent.click(await findButton("Set up the lists"));
    const confirm = await openDialog("Set up the plan lists?");
    await userEvent.click(button("Set up the lists", confirm));
  }

  const needsManage =
    "Setting up the lists needs your permission to manage the site's lists and their permissions. Allow it, and the set-up carries on where it stopped.";

  it("offers the interactive step for the Manage permission, then sets up the lists", async () => {
    const seam = new FakeTokenSeam();
    const { provision } = renderConfig(seam);
    await confirmSetUp();
    await screen.findByText(needsManage);
    expect(seam.signIns).toEqual([]); // nothing opened without the user's click
    expect(screen.queryByText("Sign in")).toBeNull();

    await userEvent.click(button("Allow and set up"));
    await screen.findByText("The lists are ready.");
    expect(seam.signIns).toEqual(["provision"]);
    expect(provision).toHaveBeenCalledTimes(2);
    await screen.findByLabelText("Plan year");
    expect(screen.queryByText(needsManage)).toBeNull();
  });

  it("says an administrator must approve when the Manage consent is refused, and sets up nothing", async () => {
    const seam = new FakeTokenSeam();
    seam.failures = [new ConsentDeclinedError(true, "invalid_request")];
    const { provision } = renderConfig(seam);
    await confirmSetUp();
    await userEvent.click(await findButton("Allow and set up"));
    await screen.findByText("Your organisation's administrator must approve this app before it can reach SharePoint.");
    expect(provision).toHaveBeenCalledOnce();
    expect(screen.queryByText("The lists are ready.")).toBeNull();
  });
});
