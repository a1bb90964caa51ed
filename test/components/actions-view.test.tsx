// The plan-wide Actions view on screen: opened from an address, filtered, emptied and cleared, kept in
// the address; and the board, where a lead moves their own cards (by the Move menu; the browser tests
// drag) with the note rule of the update form, conflicts go to the conflict view, and a reader moves nothing.
import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { findButton, openDialog, queryButton, renderApp } from "./render";
import { FakePlanStore, PEOPLE, ROLES } from "../support/fake-store";

vi.setConfig({ testTimeout: 90_000 });

function at(search: string) {
  history.replaceState(null, "", `/${search}`);
}

afterEach(() => at(""));

const shownTitles = () => [...document.querySelectorAll("[data-action-id] :is(h3, h4)")].map((h) => h.textContent);
function card(id: number): HTMLElement {
  const found = document.querySelector<HTMLElement>(`article[data-action-id="${id}"]`);
  if (!found) throw new Error(`no card for action ${id}`);
  return found;
}

describe("the Actions view", () => {
  it("opens from a shared address at exactly the actions it names, and says how many", async () => {
    at("?as=x&tab=actions&rag=Red&lead=person:3&indicator=3");
    renderApp(new FakePlanStore());
    await screen.findByText("All actions");
    expect(screen.getByRole("tab", { name: "Actions" }).getAttribute("aria-selected")).toBe("true");
    expect(shownTitles()).toEqual(["2.2 Quarterly review of formal disciplinaries"]);
    const count = screen.getByText("Showing 1 of 4 actions");
    expect(count.getAttribute("role")).toBe("status");
    expect(count.getAttribute("aria-live")).toBe("polite");
  });

  it("keeps search and layout in the address, says when nothing matches and clears the filters", async () => {
    at("?tab=actions");
    renderApp(new FakePlanStore());
    await screen.findByText("Showing 4 of 4 actions");
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "mentoring" } });
    await screen.findByText("Showing 1 of 4 actions");
    expect(new URLSearchParams(location.search).get("q")).toBe("mentoring");
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "no such thing" } });
    await screen.findByText("No actions match these filters.");
    await userEvent.click(await findButton("Clear filters"));
    await screen.findByText("Showing 4 of 4 actions");
    expect(location.search).toBe("?tab=actions");
    await userEvent.click(screen.getByRole("button", { name: "Board" }));
    expect(new URLSearchParams(location.search).get("layout")).toBe("board");
    // Leaving the view takes it out of the address.
    await userEvent.click(screen.getByRole("tab", { name: "Overview" }));
    await waitFor(() => expect(location.search).toBe(""));
  });

  it("copies the address of the view shown, outside Teams", async () => {
    at("?as=x&tab=actions&rag=Red&layout=board");
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    renderApp(new FakePlanStore());
    fireEvent.click(await findButton("Copy link to this view"));
    await screen.findByText("Link copied.");
    expect(new URL(written[0]!).search).toBe("?as=x&tab=actions&rag=Red&layout=board");
  });

  it("in Welsh too", async () => {
    at("?tab=actions&layout=board");
    renderApp(new FakePlanStore({ me: PEOPLE.committee, capabilities: ROLES.reader }), { locale: "cy-GB" });
    await screen.findByText("Pob cam gweithredu");
    screen.getByText("Yn dangos 4 o 4 cam gweithredu");
    screen.getByText(/Gallwch edrych ar y bwrdd ond nid symud ei gardiau/);
  });
});

describe("the board", () => {
  it("lets a lead move their own card to Amber from its Move menu, and offers no move on others' cards", async () => {
    at("?tab=actions&layout=board");
    const store = new FakePlanStore({ me: PEOPLE.tom, capabilities: ROLES.owner });
    renderApp(store);
    await screen.findByText(/You can move the cards of the actions you lead/);
    // Tom leads 1.2 and 2.2; Amara's 1.1 and 2.1 have no handle and no menu.
    expect(card(12).getAttribute("draggable")).toBe("true");
    expect(card(11).getAttribute("draggable")).toBe("false");
    expect(queryButton("Move", card(11))).toBeNull();
    expect(queryButton("Move", card(13))).toBeNull();
    await userEvent.click(within(card(12)).getByRole("button", { name: "Move action 1.2" }));
    const items = (await screen.findAllByRole("menuitem")).map((i) => i.textContent);
    expect(items).toEqual(["Move to Red…", "Move to Amber", "Move to Blue…"]);
    await userEvent.click(screen.getByRole("menuitem", { name: "Move to Amber" }));
    await waitFor(() => expect(store.actions.find((a) => a.id === 12)?.rag).toBe("Amber"));
    await waitFor(() =>
      expect(
        within(document.querySelector<HTMLElement>('[data-rag-column="Amber"]')!).queryByText(/1\.2 Diverse/),
      ).not.toBeNull(),
    );
    expect(store.updates.at(-1)).toMatchObject({
      actionId: 12,
      rag: "Amber",
      previousRag: "Green",
      author: PEOPLE.tom,
    });
    await screen.findByText("Action 1.2 moved to Amber.");
  });

  it("asks for a note on a move to Red, as the update form does, and saves it with the move", async () => {
    at("?tab=actions&layout=board");
    const store = new FakePlanStore({ me: PEOPLE.tom, capabilities: ROLES.owner });
    renderApp(store);
    await userEvent.click(
      await within(await waitFor(() => card(12))).findByRole("button", { name: "Move action 1.2" }),
    );
    await userEvent.click(await screen.findByRole("menuitem", { name: "Move to Red…" }));
    const dialog = await openDialog("Move action 1.2 to Red");
    await userEvent.click(within(dialog).getByRole("button", { name: "Move", hidden: true }));
    await within(dialog).findByText("For a Red action, add a note saying what is being done about it.");
    expect(store.updates).toHaveLength(0);
    fireEvent.change(within(dialog).getByRole("textbox", { hidden: true }), {
      target: { value: "Panel pool too small; second round booked." },
    });
    await userEvent.click(within(dialog).getByRole("button", { name: "Move", hidden: true }));
    await waitFor(() =>
      expect(store.updates.at(-1)).toMatchObject({
        actionId: 12,
        rag: "Red",
        note: "Panel pool too small; second round booked.",
      }),
    );
  });

  it("never overwrites someone else's change: a stale move opens the conflict view", async () => {
    at("?tab=actions&layout=board");
    const store = new FakePlanStore({ me: PEOPLE.tom, capabilities: ROLES.owner });
    renderApp(store);
    await userEvent.click(
      await within(await waitFor(() => card(12))).findByRole("button", { name: "Move action 1.2" }),
    );
    store.changeBehindTheScenes(12, { rag: "Blue", progress: "Done by someone else" });
    await userEvent.click(await screen.findByRole("menuitem", { name: "Move to Amber" }));
    await openDialog(/someone/i);
    expect(store.actions.find((a) => a.id === 12)?.rag).toBe("Blue");
  });

  it("shows a reader the cards without a way to move them, and says why", async () => {
    at("?tab=actions&layout=board");
    renderApp(new FakePlanStore({ me: PEOPLE.committee, capabilities: ROLES.reader }));
    await screen.findByText(/You can look at the board but not move its cards/);
    expect([...document.querySelectorAll("article[data-action-id]")].map((a) => a.getAttribute("draggable"))).toEqual([
      "false",
      "false",
      "false",
      "false",
    ]);
    expect(screen.queryAllByRole("button", { name: /^Move action/ })).toEqual([]);
  });
});
