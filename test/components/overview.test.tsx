import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { button, openDialog, renderApp } from "./render";
import { FakePlanStore, PEOPLE, ROLES, OfflineError } from "../support/fake-store";

vi.setConfig({ testTimeout: 90_000 });

describe("plan overview", () => {
  it("shows a skeleton while the plan loads, then the summary band and objective cards", async () => {
    renderApp(new FakePlanStore({ delayMs: 30 }));
    expect(screen.getByLabelText("Loading the plan")).toBeTruthy();
    await screen.findByRole("heading", { name: "Objectives" });
    const summary = screen.getByRole("region", { name: "Plan summary" });
    // One action of each colour in the demo plan; 1.1 is overdue (due 30 Sep 2025, Amber).
    for (const words of ["Red: off track", "Amber: at risk", "Green: on track", "Blue: complete"]) {
      expect(within(summary).getByText(words)).toBeTruthy();
    }
    expect(
      within(summary).getByText("Overdue").previousSibling?.textContent ??
        within(summary).getByText("Overdue").parentElement?.previousSibling?.textContent,
    ).toBe("1");
    expect(screen.getByText(/Last updated/)).toBeTruthy();
  });

  it("rolls each objective's RAG up from its actions and lists its overdue actions, RAG always in words", async () => {
    renderApp();
    const first = await screen.findByRole("article", { name: "1. Improve representation at senior levels" });
    expect(within(first).getByText("Amber: at risk")).toBeTruthy();
    expect(within(first).getByText("Tom Hughes")).toBeTruthy();
    expect(within(first).getByText("Indicator 1, Indicator 9")).toBeTruthy();
    expect(within(first).getByText("0 complete, 1 on track, 1 at risk, 0 off track (of 2)")).toBeTruthy();
    expect(within(first).getByRole("heading", { name: "Overdue actions (1)" })).toBeTruthy();
    expect(within(first).getByRole("button", { name: "1.1 Reverse mentoring for the executive team" })).toBeTruthy();
    const second = screen.getByRole("article", { name: "2. Reduce bullying and harassment" });
    expect(within(second).getByText("Red: off track")).toBeTruthy();
  });

  it("shows an error with a retry when the plan cannot be read, and recovers", async () => {
    const store = new FakePlanStore();
    store.failNext.set("loadPlan", new OfflineError());
    renderApp(store);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("SharePoint could not be reached");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await screen.findByRole("heading", { name: "Objectives" });
  });

  it("says so when the site has no plan year yet", async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    store.planYears = async () => [];
    renderApp(store, {});
    // year is given to the app, so the plan is empty rather than missing
    await screen.findByText("No objectives yet.");
  });

  it("gives plan editors an Add objective button and readers none", async () => {
    const editor = renderApp(new FakePlanStore({ me: PEOPLE.lead, capabilities: ROLES.editor }));
    await screen.findByRole("button", { name: "Add objective" });
    editor.unmount();
    renderApp(new FakePlanStore({ me: PEOPLE.committee, capabilities: ROLES.reader }));
    await screen.findByRole("heading", { name: "Objectives" });
    expect(screen.queryByRole("button", { name: "Add objective" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Renumber objectives" })).toBeNull();
  });

  it("renumbers objectives after a preview: gaps closed, and actions numbered after their objective follow it", async () => {
    const store = new FakePlanStore();
    // Objective 2 was numbered 3 (an objective between them was deleted); one of its actions has a number of its own.
    store.objectives = store.objectives.map((o) => (o.id === 2 ? { ...o, number: "3" } : o));
    store.actions = store.actions.map((a) =>
      a.id === 13 ? { ...a, number: "3.1" } : a.id === 14 ? { ...a, number: "B" } : a,
    );
    renderApp(store);
    await userEvent.click(await screen.findByRole("button", { name: "Renumber objectives" }));
    const dialog = await openDialog("Renumber the objectives?");
    const preview = within(dialog).getByTestId("renumber-preview");
    expect(preview.textContent).toBe("Objective 3 becomes 2: Reduce bullying and harassmentIts actions: 3.1 to 2.1");
    expect(store.calls).not.toContain("updateObjective");
    await userEvent.click(button("Renumber", dialog));
    await screen.findByRole("article", { name: "2. Reduce bullying and harassment" });
    expect(store.objectives.map((o) => o.number)).toEqual(["1", "2"]);
    expect(store.actions.map((a) => [a.id, a.number])).toEqual([
      [11, "1.1"],
      [12, "1.2"],
      [13, "2.1"],
      [14, "B"],
    ]);
    await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).toBeNull());
  });

  it("says when the objectives are numbered in order already, with nothing to confirm", async () => {
    const { store } = renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Renumber objectives" }));
    const dialog = await openDialog("Renumber the objectives?");
    expect(
      within(dialog).getByText("The objectives are numbered 1 to 2 already: there is nothing to change."),
    ).toBeTruthy();
    expect(button("Renumber", dialog).disabled).toBe(true);
    await userEvent.click(button("Cancel", dialog));
    expect(store.calls).not.toContain("updateObjective");
  });

  it("speaks Welsh when the locale is Welsh", async () => {
    renderApp(new FakePlanStore(), { locale: "cy-GB" });
    await screen.findByRole("heading", { name: "Amcanion" });
    expect(screen.getByRole("tab", { name: "Fy nghamau gweithredu" })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText("Ambr: mewn perygl").length).toBeGreaterThan(0));
  });
});
