// Leads that are SharePoint groups, on screen: the Leads picker finds a site group next to people
// (the objective's owner, a people-only field, does not), and a member of a lead group finds the
// action in My actions with its update button.
import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { button, findButton, openDialog, renderApp } from "./render";
import { FakePlanStore, GROUPS, PEOPLE, ROLES } from "../support/fake-store";

vi.setConfig({ testTimeout: 90_000 });

async function options(text: string): Promise<HTMLElement[]> {
  return waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('[role="option"]')].filter((o) =>
      o.textContent?.includes(text),
    );
    if (found.length === 0) throw new Error("no option yet");
    return found;
  });
}

describe("a SharePoint group as a lead", () => {
  it("the Leads picker offers a site group, marked as one, and saves it as the action's lead", async () => {
    const { store } = renderApp(new FakePlanStore(), { initialActionId: 12 });
    await userEvent.click(await findButton("Edit action"));
    const dialog = await openDialog("Edit action 1.2");
    await userEvent.type(within(dialog).getByRole("combobox", { name: "Leads", hidden: true }), "Network");
    // The network chair (a person) and the co-chairs' group (a group) both match.
    await options("Network Chair");
    const [group] = await options("BAME Network Co-Chairs");
    expect(group!.textContent).toContain("SharePoint group: its members share the action");
    await userEvent.click(group!);
    await userEvent.click(button("Save", dialog));
    await waitFor(() =>
      expect(store.actions.find((a) => a.id === 12)?.leads.map((p) => p.id)).toEqual([
        PEOPLE.tom.id,
        GROUPS.coChairs.id,
      ]),
    );
  });

  it("the objective's owner (people only) offers no group", async () => {
    const { store } = renderApp(new FakePlanStore());
    await userEvent.click(await findButton("1. Improve representation at senior levels"));
    await userEvent.click(await findButton("Edit objective"));
    const dialog = await openDialog("Edit objective 1");
    await userEvent.type(within(dialog).getByRole("combobox", { name: "Owner", hidden: true }), "Network");
    await options("Network Chair");
    expect(store.calls).not.toContain("searchGroups");
    expect(
      [...document.querySelectorAll('[role="option"]')].some((o) => o.textContent?.includes("BAME Network Co-Chairs")),
    ).toBe(false);
  });

  it("a member of a lead group finds the action in My actions, with its update button", async () => {
    const store = new FakePlanStore({
      me: { ...PEOPLE.chair, groupIds: [GROUPS.coChairs.id] },
      capabilities: ROLES.owner,
    });
    const action = store.actions.find((a) => a.id === 12)!;
    action.leads = [GROUPS.coChairs];
    renderApp(store);
    await userEvent.click((await screen.findAllByText("My actions"))[0]!.closest("button")!);
    await screen.findByText(/^Actions led by/);
    const titles = [...document.querySelectorAll('[role="article"] h3')].map((h) => h.textContent);
    expect(titles).toEqual([`${action.number} ${action.title}`]);
    expect(screen.getByLabelText(`Update progress on action ${action.number}`).tagName).toBe("BUTTON");
  });
});
