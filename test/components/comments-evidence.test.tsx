// Comments and evidence over the fake store: the inline mention picker by keyboard (Escape closes
// the list, not the panel), threads with Edit only on one's own comment, the evidence limits said
// plainly, the committee report's evidence, and Welsh.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakePlanStore, PEOPLE, ROLES, TODAY } from "../support/fake-store";
import { openDialog, renderApp } from "./render";

const ACTION = 14;

// jsdom's File has no arrayBuffer(); browsers all do. Read it the old way here.
if (!Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

async function commentBox(dialog: HTMLElement): Promise<HTMLTextAreaElement> {
  return (await within(dialog).findByRole("combobox", { name: "Your comment", hidden: true })) as HTMLTextAreaElement;
}

describe("mentions and threads", () => {
  it(
    "picks a person from '@Am' by keyboard, stores their id, and Escape closes only the list",
    { timeout: 60_000 },
    async () => {
      const store = new FakePlanStore({ me: PEOPLE.chair, capabilities: ROLES.chair });
      renderApp(store, { initialActionId: ACTION });
      const dialog = await openDialog();
      const box = await commentBox(dialog);
      fireEvent.change(box, { target: { value: "Ask @Am" } });
      const option = await within(dialog).findByRole("option", { name: /Amara Okafor/, hidden: true });
      expect(option.getAttribute("aria-selected")).toBe("true");
      expect(box.getAttribute("aria-expanded")).toBe("true");
      fireEvent.keyDown(box, { key: "Enter" });
      await waitFor(() => expect(box.value).toBe("Ask @Amara Okafor "));
      fireEvent.change(box, { target: { value: "Ask @Amara Okafor about @Am" } });
      await within(dialog).findByRole("option", { name: /Amara Okafor/, hidden: true });
      fireEvent.keyDown(box, { key: "Escape" });
      await waitFor(() => expect(within(dialog).queryByRole("listbox", { hidden: true })).toBeNull());
      expect(document.querySelector('[role="dialog"]')).not.toBeNull();

      fireEvent.change(box, { target: { value: "Ask @Amara Okafor today" } });
      fireEvent.click(within(dialog).getByRole("button", { name: "Add comment", hidden: true }));
      await waitFor(() =>
        expect(store.updates.at(-1)?.note).toBe(`Ask @[Amara Okafor](user:${PEOPLE.amara.id}) today`),
      );
      const thread = await within(dialog).findByTestId("comment-thread");
      expect(thread.textContent).toContain("Ask @Amara Okafor today");
    },
  );

  it(
    "offers Edit and Delete on one's own comment only, and Reply to anyone who may comment",
    { timeout: 60_000 },
    async () => {
      const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
      const mine = await store.addComment(ACTION, "Mine");
      store.user = PEOPLE.chair;
      await store.addComment(ACTION, "The chair's", { replyTo: mine.id });
      store.user = PEOPLE.amara;
      renderApp(store, { initialActionId: ACTION });
      const dialog = await openDialog();
      const thread = await within(dialog).findByTestId("comment-thread");
      expect(within(thread).getByTestId("comment").textContent).toContain("Mine");
      expect(
        within(within(thread).getByTestId("comment")).getAllByRole("button", { name: "Edit", hidden: true }),
      ).toHaveLength(1);
      expect(
        within(within(thread).getByTestId("reply")).queryAllByRole("button", { name: "Edit", hidden: true }),
      ).toHaveLength(0);
      expect(within(thread).getByRole("button", { name: `Reply to ${PEOPLE.amara.title}`, hidden: true })).toBeTruthy();
    },
  );
});

describe("evidence", () => {
  it("says plainly that spreadsheets are not taken, and lists what a lead attached", { timeout: 60_000 }, async () => {
    const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
    renderApp(store, { initialActionId: ACTION });
    const dialog = await openDialog();
    const form = await within(dialog).findByRole("form", { name: "Attach evidence", hidden: true });
    expect(form.textContent).toContain("Not for staff-level data");
    const input = within(form).getByLabelText("File") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(["x"], "ESR extract.csv")] } });
    await within(form).findByText(/looks like a data file \(\.csv\)/);
    fireEvent.change(input, { target: { files: [new File(["%PDF"], "Minutes.pdf", { type: "application/pdf" })] } });
    fireEvent.click(within(form).getByRole("button", { name: "Attach", hidden: true }));
    const list = await within(dialog).findByRole("list", { name: "Evidence files", hidden: true });
    await within(list).findByRole("button", { name: "Open Minutes.pdf", hidden: true });
    expect(list.textContent).toContain("4 bytes");
    expect(list.textContent).toContain("Amara Okafor");
  });

  it("appears in the committee report under its action", { timeout: 60_000 }, async () => {
    const store = new FakePlanStore();
    await store.attachEvidence(ACTION, { name: "Panel minutes.pdf", bytes: new Uint8Array([1, 2, 3]) }, "March review");
    const { ReportView } = await import("../../src/ui/year/ReportView");
    renderApp(store, { children: <ReportView store={store} year="2025/26" since="2025-11-01" today={TODAY} /> });
    const list = await screen.findByTestId("report-evidence");
    expect(list.textContent).toContain(
      "2.2 Quarterly review of formal disciplinaries: Panel minutes.pdf (March review)",
    );
  });

  it("speaks Welsh", { timeout: 60_000 }, async () => {
    const store = new FakePlanStore({ me: PEOPLE.amara, capabilities: ROLES.owner });
    renderApp(store, { initialActionId: ACTION, locale: "cy-GB" });
    const dialog = await openDialog();
    await within(dialog).findByRole("heading", { name: "Tystiolaeth", hidden: true });
    expect(
      (await within(dialog).findByRole("form", { name: "Atodi tystiolaeth", hidden: true })).textContent,
    ).toContain("Nid ar gyfer data lefel staff");
  });
});
