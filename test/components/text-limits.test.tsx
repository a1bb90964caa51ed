// SharePoint's text limits in the forms: a counter near the limit, a message naming the field over
// it, and no save until the text fits (SharePoint would refuse it naming no field).
import { describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { button, findButton, openDialog, renderApp } from "./render";
import { FakePlanStore, PEOPLE, ROLES } from "../support/fake-store";

vi.setConfig({ testTimeout: 90_000 });

function fill(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

describe("text limits in the forms", () => {
  it("counts an objective's number near its 20 characters and refuses 21, naming the field", async () => {
    const { store } = renderApp();
    await userEvent.click(await findButton("1. Improve representation at senior levels"));
    await userEvent.click(await findButton("Edit objective"));
    const dialog = await openDialog("Edit objective 1");
    fill(within(dialog).getByLabelText(/^Number/), "1".repeat(18));
    expect(within(dialog).getByText("18 of 20 characters.")).toBeTruthy();
    fill(within(dialog).getByLabelText(/^Number/), "1".repeat(21));
    expect(
      within(dialog).getByText("Number takes at most 20 characters in SharePoint; this has 21. Shorten it to save."),
    ).toBeTruthy();
    fill(within(dialog).getByLabelText(/^Title/), "t".repeat(256));
    expect(
      within(dialog).getByText("Title takes at most 255 characters in SharePoint; this has 256. Shorten it to save."),
    ).toBeTruthy();
    await userEvent.click(button("Save", dialog));
    expect(store.calls).not.toContain("updateObjective");
    fill(within(dialog).getByLabelText(/^Number/), "7");
    fill(within(dialog).getByLabelText(/^Title/), "t".repeat(255));
    await userEvent.click(button("Save", dialog));
    await waitFor(() =>
      expect(store.objectives.find((o) => o.id === 1)).toMatchObject({ number: "7", title: "t".repeat(255) }),
    );
  });

  it("holds an action's title to 255 and its lead to 255 characters", async () => {
    const { store } = renderApp(new FakePlanStore(), { initialActionId: 12 });
    await userEvent.click(await findButton("Edit action"));
    const dialog = await openDialog("Edit action 1.2");
    fill(within(dialog).getByLabelText(/^Lead \(role or team\)/), "l".repeat(300));
    expect(
      within(dialog).getByText(
        "Lead (role or team) takes at most 255 characters in SharePoint; this has 300. Shorten it to save.",
      ),
    ).toBeTruthy();
    await userEvent.click(button("Save", dialog));
    expect(store.calls).not.toContain("updateAction");
    fill(within(dialog).getByLabelText(/^Lead \(role or team\)/), "Head of EDI");
    await userEvent.click(button("Save", dialog));
    await waitFor(() => expect(store.actions.find((a) => a.id === 12)?.leadText).toBe("Head of EDI"));
  });

  it("counts a progress note near SharePoint's 63,999 characters and refuses more", async () => {
    const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
    renderApp(store);
    await userEvent.click((await screen.findAllByText("My actions"))[0]!.closest("button")!);
    await screen.findByText(/^Actions led by/);
    await userEvent.click(screen.getByLabelText("Update progress on action 1.1"));
    const form = screen.getByRole("form", { name: "Update progress on action 1.1" });
    fill(within(form).getByLabelText(/^Progress/), "p".repeat(60_000));
    expect(within(form).getByText(/60,000 of 63,999 characters\./)).toBeTruthy();
    fill(within(form).getByLabelText(/^Progress/), "p".repeat(64_000));
    expect(
      within(form).getByText(
        "Progress takes at most 63,999 characters in SharePoint; this has 64,000. Shorten it to save.",
      ),
    ).toBeTruthy();
    await userEvent.click(button("Save update", form));
    expect(store.calls).not.toContain("updateProgress");
  });
});
