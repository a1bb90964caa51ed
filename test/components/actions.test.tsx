import { describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { button, findButton, listboxOf, openDialog, queryButton, renderApp } from "./render";
import { FakePlanStore, OfflineError, PEOPLE, ROLES } from "../support/fake-store";
import type { Action, Objective } from "../../src/plan";

vi.setConfig({ testTimeout: 90_000 });

/** Sets a Fluent input's value in one event (typing letter by letter is slow in jsdom). */
function fill(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

function drawer(): HTMLElement {
  const found = document
    .querySelector<HTMLElement>(".fui-OverlayDrawer, .fui-DrawerBody")
    ?.closest<HTMLElement>('[role="dialog"]');
  if (!found) throw new Error("no action panel");
  return found;
}

async function myActionsTab() {
  await userEvent.click((await screen.findAllByText("My actions"))[0]!.closest("button")!);
  await screen.findByText(/^Actions led by/);
}

describe("my actions and the quick update", () => {
  it("lists the owner's actions with the overdue one first, and no update button for others' actions", async () => {
    renderApp(new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner }));
    await myActionsTab();
    const titles = [...document.querySelectorAll('[role="article"] h3')].map((h) => h.textContent);
    expect(titles).toEqual([
      "1.1 Reverse mentoring for the executive team",
      "2.1 Speak up guardians trained in race equity",
      "2.2 Quarterly review of formal disciplinaries",
    ]);
    expect(screen.getAllByText("Overdue", { exact: false }).length).toBeGreaterThan(0);
    // Each of her actions offers her its update (the completed one, its quiet form); Tom's 1.2 is not hers.
    for (const name of [
      "Update progress on action 1.1",
      "Update progress on action 2.2",
      "Add a note or reopen: completed action 2.1",
    ]) {
      expect(screen.getByLabelText(name).tagName, name).toBe("BUTTON");
    }
    expect(screen.queryAllByLabelText(/action 1\.2$/)).toEqual([]);
  });

  it("offers no update in the panel of another person's action, and offers it in her own", async () => {
    const others = renderApp(new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner }), {
      initialActionId: 12,
    });
    await screen.findByText("Diverse interview panels for band 8a+", { exact: false });
    await findButton("Copy link", drawer());
    // Neither the section nor its button (nor the completed action's quiet one).
    expect(within(drawer()).queryAllByText(/^(Update progress|Add a note or reopen)$/)).toEqual([]);
    others.unmount();

    renderApp(new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner }), { initialActionId: 11 });
    await screen.findByText("Pairs matched by June");
    expect(drawer().querySelector("#update-heading")?.textContent).toBe("Update progress");
    expect(button("Update progress", drawer())).toBeTruthy();
  });

  it("asks in plain words for a completion note on Blue and a note on Red, then records the update in the history", async () => {
    const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
    renderApp(store);
    await myActionsTab();
    await userEvent.click(screen.getByLabelText("Update progress on action 1.1"));
    const form = screen.getByRole("form", { name: "Update progress on action 1.1" });
    await userEvent.click(within(form).getByLabelText("Blue: complete"));
    await userEvent.click(button("Save update", form));
    expect(within(form).getByText("To mark this action complete, add a note saying what was achieved.")).toBeTruthy();
    await userEvent.click(within(form).getByLabelText("Red: off track"));
    expect(within(form).getByText("For a Red action, add a note saying what is being done about it.")).toBeTruthy();
    fill(within(form).getByLabelText(/What is being done about it/), "Executive pairs re-matched");
    await userEvent.click(button("Save update", form));
    await waitFor(() => expect(screen.queryByRole("form")).toBeNull());
    expect(store.actions.find((a) => a.id === 11)?.rag).toBe("Red");
    expect(store.updates.at(-1)).toMatchObject({
      actionId: 11,
      rag: "Red",
      previousRag: "Amber",
      note: "Executive pairs re-matched",
      author: PEOPLE.amara,
    });
  });

  it("keeps the typed update when SharePoint cannot be reached, and saves it on the next try", async () => {
    const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
    renderApp(store);
    await myActionsTab();
    await userEvent.click(screen.getByLabelText("Update progress on action 1.1"));
    const form = screen.getByRole("form", { name: "Update progress on action 1.1" });
    fill(within(form).getByLabelText("Note (optional)"), "Pairs meeting monthly");
    store.failNext.set("updateProgress", new OfflineError());
    await userEvent.click(button("Save update", form));
    expect((await within(form).findByRole("alert")).textContent).toContain("your changes are still here");
    expect((within(form).getByLabelText("Note (optional)") as HTMLTextAreaElement).value).toBe("Pairs meeting monthly");
    await userEvent.click(button("Save update", form));
    await waitFor(() => expect(store.updates.at(-1)?.note).toBe("Pairs meeting monthly"));
  });
});

describe("conflicts", () => {
  async function conflictOnProgress(
    store: FakePlanStore,
    theirs: Partial<Action> = { rag: "Green", progress: "Seven pairs running" },
  ) {
    renderApp(store);
    await myActionsTab();
    await userEvent.click(screen.getByLabelText("Update progress on action 1.1"));
    const form = screen.getByRole("form", { name: "Update progress on action 1.1" });
    fill(within(form).getByLabelText("Progress"), "Eight pairs running");
    // Someone else saves first: their RAG change moves the ETag.
    store.changeBehindTheScenes(11, theirs);
    await userEvent.click(button("Save update", form));
    const dialog = await openDialog("Someone else changed this action");
    expect(within(dialog).getByText("Someone else changed this action")).toBeTruthy();
    return dialog;
  }

  it("shows both versions field by field and keeps mine on request", async () => {
    const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
    const dialog = await conflictOnProgress(store);
    const progressRow = dialog.querySelector<HTMLElement>('[data-field="progress"]')!;
    expect(within(progressRow).getByText("Eight pairs running")).toBeTruthy();
    expect(within(progressRow).getByText("Seven pairs running")).toBeTruthy();
    await userEvent.click(button("Keep mine", dialog));
    await waitFor(() => expect(store.actions.find((a) => a.id === 11)?.progress).toBe("Eight pairs running"));
    // Keep mine takes every differing field of the user's version, the RAG they saw included.
    expect(store.actions.find((a) => a.id === 11)?.rag).toBe("Amber");
  });

  it("merges field by field: their RAG and my progress by default, or as chosen", async () => {
    const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
    const dialog = await conflictOnProgress(store);
    const ragRow = dialog.querySelector<HTMLElement>('[data-field="rag"]')!;
    expect((within(ragRow).getByLabelText("Current") as HTMLInputElement).checked).toBe(true);
    await userEvent.click(button("Merge field by field", dialog));
    await waitFor(() =>
      expect(store.actions.find((a) => a.id === 11)).toMatchObject({ rag: "Green", progress: "Eight pairs running" }),
    );
  });

  it("offers a choice only for the fields a progress update saves, and says the rest stay as they are now", async () => {
    const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
    const dialog = await conflictOnProgress(store, {
      rag: "Green",
      progress: "Seven pairs running",
      title: "Reverse mentoring for the Board",
      kpis: "10 pairs",
    });
    const titleRow = dialog.querySelector<HTMLElement>('[data-field="title"]')!;
    expect(within(titleRow).queryByRole("radiogroup", { hidden: true })).toBeNull();
    expect(within(titleRow).getByText("Current kept: a progress update saves only the RAG and progress")).toBeTruthy();
    expect(
      within(dialog.querySelector<HTMLElement>('[data-field="progress"]')!).getByRole("radiogroup", { hidden: true }),
    ).toBeTruthy();
    await userEvent.click(button("Keep mine", dialog));
    await waitFor(() =>
      expect(store.actions.find((a) => a.id === 11)).toMatchObject({
        progress: "Eight pairs running",
        rag: "Amber",
        title: "Reverse mentoring for the Board",
        kpis: "10 pairs",
      }),
    );
  });

  it("starts a second conflict from its own suggestions, not the choices made in the first", async () => {
    const store = new FakePlanStore();
    const behindTheScenes = await saveObjectiveOverSomeoneElses(store);
    const first = await openDialog("Someone else changed this objective");
    const titleChoice = () => within(document.querySelector<HTMLElement>('[role="alertdialog"] [data-field="title"]')!);
    expect((titleChoice().getByLabelText("Yours") as HTMLInputElement).checked).toBe(true);
    await userEvent.click(titleChoice().getByLabelText("Current"));
    // Someone saves again before the merge goes through: a second conflict.
    behindTheScenes({ description: "Band 8a+ to reflect the workforce by 2027." });
    await userEvent.click(button("Merge field by field", first));
    await waitFor(() => expect(store.calls.filter((c) => c === "updateObjective").length).toBe(2));
    await waitFor(() => expect((titleChoice().getByLabelText("Yours") as HTMLInputElement).checked).toBe(true));
    expect((titleChoice().getByLabelText("Current") as HTMLInputElement).checked).toBe(false);
  });

  it("never overwrites someone else's change to an objective: the conflict view opens, and taking theirs writes nothing", async () => {
    const store = new FakePlanStore();
    await saveObjectiveOverSomeoneElses(store);
    const dialog = await openDialog("Someone else changed this objective");
    expect(store.objectives.find((o) => o.id === 1)?.title).toBe("Representation at band 8a and above");
    const writes = store.calls.filter((c) => c === "updateObjective").length;
    await userEvent.click(button("Take theirs", dialog));
    await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).toBeNull());
    expect(store.calls.filter((c) => c === "updateObjective").length).toBe(writes);
    expect(store.objectives.find((o) => o.id === 1)?.title).toBe("Representation at band 8a and above");
  });

  it("takes theirs without writing anything", async () => {
    const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
    const dialog = await conflictOnProgress(store);
    const writes = store.calls.filter((c) => c === "updateProgress").length;
    await userEvent.click(button("Take theirs", dialog));
    await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).toBeNull());
    expect(store.calls.filter((c) => c === "updateProgress").length).toBe(writes);
    expect(store.actions.find((a) => a.id === 11)?.progress).toBe("Seven pairs running");
  });
});

/**
 * Opens objective 1's edit form and types a new title; someone else then saves a new title behind the form,
 * and the form is saved over it. Returns how to save another change behind the scenes.
 */
async function saveObjectiveOverSomeoneElses(store: FakePlanStore): Promise<(patch: Partial<Objective>) => void> {
  renderApp(store);
  await userEvent.click(await findButton("1. Improve representation at senior levels"));
  await userEvent.click(await findButton("Edit objective"));
  const form = await openDialog("Edit objective 1");
  fill(within(form).getByLabelText(/^Title/), "Senior representation that reflects the workforce");
  const behindTheScenes = (patch: Partial<Objective>) => {
    store.objectives = store.objectives.map((o) =>
      o.id === 1 ? { ...o, ...patch, etag: `"${Number(o.etag.replace(/"/g, "")) + 1}"` } : o,
    );
  };
  behindTheScenes({ title: "Representation at band 8a and above" });
  await userEvent.click(button("Save", form));
  return behindTheScenes;
}

/** Picks an option of the Fluent Dropdown labelled `label` inside `container`. */
async function choose(container: HTMLElement, label: string, option: string) {
  const trigger = within(container).getByLabelText(label, { selector: "button" });
  await userEvent.click(trigger);
  const listbox = await listboxOf(trigger);
  await userEvent.click(within(listbox).getByText(option));
}

describe("editing an action", () => {
  it("asks for a completion note when a plan editor sets it Blue, and a note when Red, then saves the note to the history", async () => {
    const store = new FakePlanStore();
    renderApp(store, { initialActionId: 12 });
    await userEvent.click(await findButton("Edit action"));
    const dialog = await openDialog("Edit action 1.2");
    // No note box until the RAG changes.
    expect(within(dialog).queryByLabelText(/Completion note|What is being done about it|Note \(optional\)/)).toBeNull();
    await choose(dialog, "RAG", "Blue: complete");
    await userEvent.click(button("Save", dialog));
    expect(within(dialog).getByText("To mark this action complete, add a note saying what was achieved.")).toBeTruthy();
    expect(store.calls).not.toContain("updateAction");
    await choose(dialog, "RAG", "Red: off track");
    expect(within(dialog).getByText("For a Red action, add a note saying what is being done about it.")).toBeTruthy();
    await choose(dialog, "RAG", "Blue: complete");
    fill(within(dialog).getByLabelText(/Completion note/), "All band 8a+ panels now include a trained diverse member");
    await userEvent.click(button("Save", dialog));
    await waitFor(() => expect(store.actions.find((a) => a.id === 12)?.rag).toBe("Blue"));
    expect(store.updates.at(-1)).toMatchObject({
      actionId: 12,
      rag: "Blue",
      previousRag: "Green",
      note: "All band 8a+ panels now include a trained diverse member",
    });
  });
});

describe("the action panel", () => {
  it("opens at a deep-linked action with milestones, KPIs, outcomes and the history", async () => {
    const store = new FakePlanStore();
    await store.updateProgress(11, '"1"', { progress: "Six pairs running", note: "First quarter review done" });
    renderApp(store, { initialActionId: 11 });
    await screen.findByText("Pairs matched by June");
    const panel = drawer();
    expect(within(panel).getByText("12 pairs")).toBeTruthy();
    expect(within(panel).getByText("Board members report changed practice")).toBeTruthy();
    expect(await within(panel).findByText("First quarter review done", {}, { timeout: 10_000 })).toBeTruthy();
    expect(within(panel).getByText(/^Update by Edi Lead/)).toBeTruthy();
  });

  it("shows the action's version history on request: who changed which field, from what to what", async () => {
    const store = new FakePlanStore();
    const before = store.actions.find((a) => a.id === 11)!;
    await store.updateAction(11, before.etag, { dueDate: "2026-09-30", leads: [PEOPLE.tom] });
    renderApp(store, { initialActionId: 11 });
    await screen.findByText("Pairs matched by June");
    const panel = drawer();
    expect(store.calls).not.toContain("actionVersions");
    await userEvent.click(
      await within(panel).findByRole("button", { name: "Show the changes to this action" }, { timeout: 10_000 }),
    );
    const trail = await within(panel).findByRole("list", { name: "Changes to this action" });
    const entries = within(trail)
      .getAllByRole("listitem")
      .filter((li) => li.parentElement === trail);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.textContent).toMatch(/^Version 2\.0, saved by Edi Lead/);
    expect(entries[0]!.textContent).toContain(
      `Leads changed from ${before.leads.map((p) => p.title).join(", ")} to Tom Hughes`,
    );
    expect(entries[0]!.textContent).toContain("Due date changed from");
    expect(entries[0]!.textContent).toMatch(/Due date changed from .+ to 30 Sept 2026/);
    expect(entries[1]!.textContent).toContain("Action created.");
    expect(within(panel).getByRole("button", { name: "Hide the changes" }).getAttribute("aria-expanded")).toBe("true");
  });

  it("copies a link to the action", async () => {
    const rendered = renderApp(new FakePlanStore(), { initialActionId: 12 });
    await userEvent.click(await findButton("Copy link"));
    await screen.findByText("Link copied.");
    expect(rendered.copied).toEqual([12]);
  });

  it("shows readers no update, edit or delete, and comment only where allowed", async () => {
    const reader = renderApp(new FakePlanStore({ me: PEOPLE.committee, capabilities: ROLES.reader }), {
      initialActionId: 11,
    });
    await screen.findByText("Pairs matched by June");
    for (const name of ["Update progress", "Edit action", "Delete action", "Add comment"])
      expect(queryButton(name)).toBeNull();
    reader.unmount();
    const store = new FakePlanStore({ me: PEOPLE.chair, capabilities: ROLES.chair });
    renderApp(store, { initialActionId: 11 });
    await screen.findByText("Pairs matched by June");
    expect(queryButton("Update progress")).toBeNull();
    await userEvent.click(button("Add comment"));
    expect(screen.getByText("Write a comment first.")).toBeTruthy();
    fill(screen.getByLabelText("Your comment"), "Please share the mentoring feedback with the network.");
    await userEvent.click(button("Add comment"));
    await screen.findByText(/^Comment by Network Chair/);
    expect(store.updates.at(-1)).toMatchObject({
      kind: "comment",
      note: "Please share the mentoring feedback with the network.",
    });
  });

  it("lets a plan editor delete an action after confirming", async () => {
    const store = new FakePlanStore();
    renderApp(store, { initialActionId: 12 });
    await userEvent.click(await findButton("Delete action"));
    const confirm = await openDialog("Delete action 1.2?");
    await userEvent.click(button("Delete action", confirm));
    await waitFor(() => expect(store.actions.some((a) => a.id === 12)).toBe(false));
  });
});
