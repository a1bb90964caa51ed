import { describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { button, findButton, openDialog, queryButton, renderApp } from "./render";
import { FakePlanStore, PEOPLE, ROLES } from "../support/fake-store";

vi.setConfig({ testTimeout: 90_000 });

async function openObjective(name: string) {
  await userEvent.click(await findButton(name));
  return screen.findByLabelText(/Actions of objective/, { selector: "[role=grid]" });
}

function actionTitles(grid: HTMLElement): string[] {
  return [...grid.querySelectorAll("[data-action-id]")].map((el) => el.textContent ?? "");
}

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByLabelText(label, { selector: "button" }));
  const listbox = await waitFor(() => {
    const found = document.querySelector<HTMLElement>('[role="listbox"]');
    if (!found) throw new Error("no listbox");
    return found;
  });
  await userEvent.click(within(listbox).getByText(option));
}

describe("objective detail", () => {
  it("lists the objective's numbered actions with leads, due date, RAG in words and last update", async () => {
    renderApp();
    const grid = await openObjective("2. Reduce bullying and harassment");
    expect(actionTitles(grid)).toEqual([
      "Speak up guardians trained in race equity",
      "Quarterly review of formal disciplinaries",
    ]);
    expect(within(grid).getByText("Tom Hughes, Amara Okafor, Head of HR")).toBeTruthy();
    expect(within(grid).getByText("Red: off track")).toBeTruthy();
    expect(within(grid).getByText("30 Jun 2025")).toBeTruthy();
  });

  it("sorts by a column header and filters by overdue and lead", async () => {
    renderApp();
    const grid = await openObjective("1. Improve representation at senior levels");
    await userEvent.click(within(grid).getByText("Action"));
    expect(actionTitles(grid)).toEqual([
      "Diverse interview panels for band 8a+",
      "Reverse mentoring for the executive team",
    ]);
    await userEvent.click(screen.getByLabelText("Overdue only"));
    expect(actionTitles(grid)).toEqual(["Reverse mentoring for the executive team"]);
    expect(screen.getByText("Showing 1 of 2 actions")).toBeTruthy();
    await userEvent.click(screen.getByLabelText("Overdue only"));
    await choose("Lead", "Tom Hughes");
    expect(actionTitles(grid)).toEqual(["Diverse interview panels for band 8a+"]);
  });

  it("filters by a lead named only in the lead text (a role), as well as by people", async () => {
    const store = new FakePlanStore();
    store.actions = store.actions.map((a) =>
      a.id === 13 ? { ...a, leads: [], leadText: "Freedom to Speak Up Guardian; Head of HR" } : a,
    );
    renderApp(store);
    const grid = await openObjective("2. Reduce bullying and harassment");
    await choose("Lead", "Freedom to Speak Up Guardian");
    expect(actionTitles(grid)).toEqual(["Speak up guardians trained in race equity"]);
    await choose("Lead", "Head of HR");
    expect(actionTitles(grid)).toEqual([
      "Speak up guardians trained in race equity",
      "Quarterly review of formal disciplinaries",
    ]);
    expect(screen.getByText("Showing 2 of 2 actions")).toBeTruthy();
  });

  it("gives plan editors add, edit, renumber and delete; action owners none", async () => {
    const editor = renderApp();
    await openObjective("1. Improve representation at senior levels");
    for (const name of ["Add action", "Edit objective", "Renumber actions", "Delete objective"])
      expect(button(name)).toBeTruthy();
    editor.unmount();
    renderApp(new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner }));
    // An action owner lands on My actions; the objectives are on the overview.
    await userEvent.click(await screen.findByRole("tab", { name: "Overview" }));
    await openObjective("1. Improve representation at senior levels");
    for (const name of ["Add action", "Edit objective", "Renumber actions", "Delete objective"])
      expect(queryButton(name)).toBeNull();
  });

  it("adds an action with the next number, after asking for a title in plain words", async () => {
    const { store } = renderApp();
    await openObjective("2. Reduce bullying and harassment");
    await userEvent.click(button("Add action"));
    const dialog = await openDialog("Add an action to objective 2");
    const number = within(dialog).getByLabelText(/^Number/) as HTMLInputElement;
    expect(number.value).toBe("2.3");
    await userEvent.click(button("Save", dialog));
    expect(within(dialog).getByText("Enter a title.")).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: "Cultural ambassadors on every panel" },
    });
    await userEvent.click(button("Save", dialog));
    await findButton("Cultural ambassadors on every panel");
    expect(store.actions.find((a) => a.title === "Cultural ambassadors on every panel")?.number).toBe("2.3");
  });

  it("renumbers actions 1..n in their order", async () => {
    const store = new FakePlanStore();
    store.actions = store.actions.map((a) => (a.id === 12 ? { ...a, number: "1.5" } : a));
    renderApp(store);
    await openObjective("1. Improve representation at senior levels");
    await userEvent.click(button("Renumber actions"));
    await screen.findByText("1.2");
    expect(store.actions.find((a) => a.id === 12)?.number).toBe("1.2");
  });
});
