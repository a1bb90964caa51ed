// A site set up by an older version of the app: plan editors are offered "Upgrade the lists",
// everyone else is told to ask a plan editor; a column SharePoint refuses is the same offer, not
// a raw 400.
import { describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { answered, button, queryButton, renderApp } from "./render";
import { FakePlanStore, ROLES } from "../support/fake-store";
import { SchemaOutdatedError } from "../../src/sharepoint/errors";
import type { SchemaActions } from "../../src/ui/state/schema";

/** The offer appears after two answers from SharePoint (the check, then the capabilities): allow for a busy machine. */
const findButton = (name: string) => waitFor(() => button(name), { timeout: 15_000 });

vi.setConfig({ testTimeout: 60_000 });

function schemaAt(version: number): SchemaActions & { upgrades: number } {
  const state = { version, upgrades: 0 };
  return {
    get upgrades() {
      return state.upgrades;
    },
    check: async () => ({ version: state.version, current: 3 }),
    upgrade: async () => {
      state.upgrades += 1;
      state.version = 3;
    },
  };
}

describe("schema upgrade", () => {
  it("offers a plan editor the upgrade, runs it once and says it is done", async () => {
    const schema = schemaAt(2);
    renderApp(new FakePlanStore({ capabilities: ROLES.editor! }), { schema });
    const button = await findButton("Upgrade the lists");
    expect(screen.getByTestId("schema-outdated").textContent).toContain("Nothing on the site is removed or changed");
    await userEvent.click(button);
    await waitFor(() => expect(screen.getByTestId("schema-upgraded").textContent).toBe("The lists are upgraded."), {
      timeout: 15_000,
    });
    expect(schema.upgrades).toBe(1);
    expect(screen.queryByTestId("schema-outdated")).toBeNull();
  });

  it("tells anyone else to ask a plan editor, with no button", async () => {
    renderApp(new FakePlanStore({ capabilities: ROLES.owner! }), { schema: schemaAt(2) });
    await waitFor(() => expect(screen.getByTestId("schema-outdated").textContent).toContain("Ask your plan editor"), {
      timeout: 15_000,
    });
    expect(queryButton("Upgrade the lists")).toBeNull();
  });

  it("says nothing on a site as new as the app", async () => {
    const schema = schemaAt(3);
    const check = vi.spyOn(schema, "check");
    renderApp(new FakePlanStore(), { schema });
    await screen.findAllByText(/Objective/);
    // The check answers after the plan is on screen: judge the banner only once it has.
    await answered(check);
    expect(screen.queryByTestId("schema-outdated")).toBeNull();
  });

  it("turns SharePoint's refusal of a missing column into the upgrade offer", async () => {
    const store = new FakePlanStore({ capabilities: ROLES.editor! });
    store.failNext.set("loadPlan", new SchemaOutdatedError("ReadOnly"));
    renderApp(store, { schema: schemaAt(1) });
    expect(await findButton("Upgrade the lists")).toBeTruthy();
    expect(screen.queryByText(/Something went wrong/)).toBeNull();
  });

  it("speaks Welsh", async () => {
    renderApp(new FakePlanStore({ capabilities: ROLES.editor! }), { schema: schemaAt(2), locale: "cy-GB" });
    expect(await findButton("Uwchraddio'r rhestrau")).toBeTruthy();
  });
});
