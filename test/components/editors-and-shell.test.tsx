import { describe, expect, it, vi } from "vitest";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { button, findButton, listboxOf, openDialog, renderApp } from "./render";
import { FakePlanStore, PEOPLE } from "../support/fake-store";
import { ErrorBoundary } from "../../src/ui/components/ErrorBoundary";
import { StillWorking } from "../../src/ui/components/StillWorking";
import { createActivityTracker } from "../../src/ui/state/activity";
import { createI18n } from "../../src/i18n";
import { InteractionRequired } from "../../src/auth/errors";
import { actionIdFromSubPage, actionSubPageId, contentUrlFor, initHost, toHostTheme } from "../../src/teams";

vi.setConfig({ testTimeout: 90_000 });

describe("plan editors", () => {
  it("asks for a reason when overriding an objective's RAG, then saves the override", async () => {
    const { store } = renderApp();
    await userEvent.click(await findButton("1. Improve representation at senior levels"));
    await userEvent.click(await findButton("Edit objective"));
    const dialog = await openDialog("Edit objective 1");
    const override = within(dialog).getByLabelText("RAG override", { selector: "button" });
    await userEvent.click(override);
    const listbox = await listboxOf(override);
    await userEvent.click(within(listbox).getByText("Green: on track"));
    await userEvent.click(button("Save", dialog));
    expect(within(dialog).getByText("Give a reason for overriding the RAG.")).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Reason for the override/), {
      target: { value: "Board signed off the new targets" },
    });
    await userEvent.click(button("Save", dialog));
    await waitFor(() =>
      expect(store.objectives.find((o) => o.id === 1)).toMatchObject({
        ragOverride: "Green",
        ragOverrideReason: "Board signed off the new targets",
      }),
    );
    await userEvent.click(await findButton("Back to overview"));
    expect(await screen.findByText(/RAG set by a plan editor: Board signed off the new targets/)).toBeTruthy();
  });

  it("asks for an objective's number in plain words instead of saving it without one", async () => {
    const { store } = renderApp();
    await userEvent.click(await findButton("1. Improve representation at senior levels"));
    await userEvent.click(await findButton("Edit objective"));
    const dialog = await openDialog("Edit objective 1");
    fireEvent.change(within(dialog).getByLabelText(/^Number/), { target: { value: "  " } });
    await userEvent.click(button("Save", dialog));
    expect(within(dialog).getByText("Enter a number, such as 3.")).toBeTruthy();
    expect(store.calls).not.toContain("updateObjective");
    fireEvent.change(within(dialog).getByLabelText(/^Number/), { target: { value: "4" } });
    await userEvent.click(button("Save", dialog));
    await waitFor(() => expect(store.objectives.find((o) => o.id === 1)?.number).toBe("4"));
  });

  it("shows an objective with no actions as Not started, with an icon as well as the words", async () => {
    const store = new FakePlanStore();
    store.objectives.push({
      ...store.objectives[0]!,
      id: 3,
      number: "3",
      title: "Inclusive recruitment",
      indicators: [],
    });
    renderApp(store);
    const card = (await findButton("3. Inclusive recruitment")).closest("li")!;
    const badge = within(card).getByText("Not started").closest(".fui-Badge")!;
    expect(badge.querySelector("svg")).not.toBeNull();
  });

  it("assigns a lead with the people picker", async () => {
    const { store } = renderApp(new FakePlanStore(), { initialActionId: 12 });
    await userEvent.click(await findButton("Edit action"));
    const dialog = await openDialog("Edit action 1.2");
    const picker = within(dialog).getByRole("combobox", { name: "Leads", hidden: true });
    await userEvent.type(picker, "Amara");
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) =>
        o.textContent?.includes("Amara Okafor"),
      );
      if (!found) throw new Error("no option yet");
      return found;
    });
    await userEvent.click(option);
    await userEvent.click(button("Save", dialog));
    await waitFor(() =>
      expect(store.actions.find((a) => a.id === 12)?.leads.map((p) => p.id)).toEqual([PEOPLE.tom.id, PEOPLE.amara.id]),
    );
  });
});

function Thrower(): never {
  throw new Error("drawing failed");
}

describe("the shell", () => {
  it("shows a message with a retry instead of a white screen when drawing fails", async () => {
    const i18n = createI18n("en-GB");
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let broken = true;
    const Maybe = () => (broken ? <Thrower /> : <p>Recovered</p>);
    render(
      <I18nextProvider i18n={i18n}>
        <FluentProvider theme={teamsLightTheme}>
          <ErrorBoundary>
            <Maybe />
          </ErrorBoundary>
        </FluentProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText("Something went wrong")).toBeTruthy();
    broken = false;
    await userEvent.click(button("Try again"));
    expect(screen.getByText("Recovered")).toBeTruthy();
    error.mockRestore();
  });

  it("says it is still working while a request is retried", () => {
    const tracker = createActivityTracker();
    render(
      <I18nextProvider i18n={createI18n("en-GB")}>
        <StillWorking tracker={tracker} />
      </I18nextProvider>,
    );
    expect(screen.queryByText(/Still working/)).toBeNull();
    let done = () => {};
    act(() => {
      done = tracker.start();
      tracker.retried();
    });
    expect(screen.getByText("Still working: SharePoint is busy, trying again.")).toBeTruthy();
    act(() => done());
    expect(screen.queryByText(/Still working/)).toBeNull();
  });
});

describe("signing in (tenant mode)", () => {
  it("offers Sign in when SharePoint needs the user to sign in, then loads the plan", async () => {
    const store = new FakePlanStore();
    store.failNext.set("loadPlan", new InteractionRequired("write", "interaction_required"));
    const signIn = vi.fn(async () => undefined);
    renderApp(store, { signIn });
    await screen.findByText("Sign in to see the plan: SharePoint needs to know who you are.");
    await userEvent.click(button("Sign in"));
    expect(signIn).toHaveBeenCalledOnce();
    await screen.findByText("Objectives");
  });
});

describe("the Teams host seam", () => {
  it("does not wait for Teams when the page is not hosted", async () => {
    const started = Date.now();
    await expect(initHost(3000)).resolves.toEqual({ inHost: false });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("maps themes and deep-link sub-pages, and carries site and year in the content URL", () => {
    expect(toHostTheme("contrast")).toBe("contrast");
    expect(toHostTheme("unknown")).toBe("default");
    expect(actionIdFromSubPage(actionSubPageId(42))).toBe(42);
    expect(actionIdFromSubPage("something-else")).toBeNull();
    const url = new URL(
      contentUrlFor("https://tab.example", { siteUrl: "https://trust.sharepoint.com/sites/edi", year: "2025/26" }),
    );
    expect(url.searchParams.get("site")).toBe("https://trust.sharepoint.com/sites/edi");
    expect(url.searchParams.get("year")).toBe("2025/26");
  });
});
