// A closed (rolled-over) plan year in the tab: readable by everyone, changed by nobody, with a
// notice naming the year it was carried into; and the links between a carried-over action and
// the action it continues in the earlier year.
import { afterEach, describe, expect, it, vi } from "vitest";
import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { answered, findButton, queryButton, renderApp } from "./render";
import { FakePlanStore, PEOPLE, ROLES } from "../support/fake-store";

vi.setConfig({ testTimeout: 90_000 });
// Opening another year reads a second plan after the first: allow for a busy machine.
configure({ asyncUtilTimeout: 10_000 });

const EDIT_CONTROLS = [
  "Add objective",
  "Renumber objectives",
  "Add action",
  "Edit objective",
  "Renumber actions",
  "Delete objective",
  "Edit action",
  "Delete action",
  "Update progress",
  "Add comment",
];

/** The demo plan (2025/26) rolled over: every objective closed; `next` years on the site. */
function closedStore(
  options: ConstructorParameters<typeof FakePlanStore>[0] = {},
  years = ["2026/27", "2025/26"],
): FakePlanStore {
  const store = new FakePlanStore(options);
  store.objectives = store.objectives.map((o) => ({ ...o, readOnly: true }));
  store.planYears = async () => years;
  return store;
}

function drawer(): HTMLElement {
  const found = document
    .querySelector<HTMLElement>(".fui-OverlayDrawer, .fui-DrawerBody")
    ?.closest<HTMLElement>('[role="dialog"]');
  if (!found) throw new Error("no action panel");
  return found;
}

afterEach(() => history.replaceState(null, "", "/"));

describe("a closed plan year", () => {
  it("shows a plan editor the notice with the year it was carried into, and no control that would change it", async () => {
    renderApp(closedStore());
    const notice = await screen.findByTestId("closed-year");
    expect(within(notice).getByText("This plan year is closed")).toBeTruthy();
    await within(notice).findByText(
      /It was carried into 2026\/27, where its open actions continue\. You can read it here, but nobody can change it\./,
    );
    expect(within(notice).getByRole("link", { name: "Open 2026/27" })).toBeTruthy();
    for (const name of EDIT_CONTROLS) expect(queryButton(name), name).toBeNull();

    await userEvent.click(await findButton("1. Improve representation at senior levels"));
    await screen.findByLabelText(/Actions of objective/, { selector: "[role=grid]" });
    for (const name of EDIT_CONTROLS) expect(queryButton(name), name).toBeNull();

    await userEvent.click(await findButton("Reverse mentoring for the executive team"));
    await screen.findByText("Pairs matched by June");
    expect(within(drawer()).getByText("Six pairs running")).toBeTruthy();
    expect(within(drawer()).queryByLabelText("Your comment")).toBeNull();
    for (const name of EDIT_CONTROLS) expect(queryButton(name), name).toBeNull();
    expect(queryButton("Copy link")).not.toBeNull();
  });

  it("gives action owners no update and staff network chairs no comment box", async () => {
    const owner = renderApp(closedStore({ me: PEOPLE.amara, capabilities: ROLES.owner }));
    await userEvent.click((await screen.findAllByText("My actions"))[0]!.closest("button")!);
    await screen.findByText(/^Actions led by/);
    expect(screen.queryByLabelText("Update progress on action 1.1")).toBeNull();
    owner.unmount();
    renderApp(closedStore({ me: PEOPLE.chair, capabilities: ROLES.chair }), { initialActionId: 11 });
    await screen.findByText("Pairs matched by June");
    expect(queryButton("Add comment")).toBeNull();
  });

  it("says only that the year was rolled over when the next year is not on the site", async () => {
    const store = closedStore({}, ["2025/26"]);
    const read = vi.spyOn(store, "planYears");
    renderApp(store);
    const notice = await screen.findByTestId("closed-year");
    // The notice reads the years itself after it appears: judge it only once that read has answered.
    await answered(read);
    expect(notice.textContent).toContain(
      "It was rolled over to the next plan year. You can read it here, but nobody can change it.",
    );
    expect(within(notice).queryByRole("link")).toBeNull();
  });

  it("opens the year it was carried into from the notice, in place", async () => {
    const store = closedStore();
    store.objectives.push({
      ...store.objectives[0]!,
      id: 30,
      planYear: "2026/27",
      readOnly: false,
      title: "Representation at senior levels, year two",
    });
    renderApp(store);
    const notice = await screen.findByTestId("closed-year");
    await userEvent.click(await within(notice).findByRole("link", { name: "Open 2026/27" }));
    await screen.findByRole("heading", { name: "WRES action plan 2026/27" });
    await findButton("1. Representation at senior levels, year two");
    expect(screen.queryByTestId("closed-year")).toBeNull();
    expect(new URLSearchParams(location.search).get("year")).toBe("2026/27");
    expect(await screen.findByRole("button", { name: "Add objective" })).toBeTruthy();
  });

  it("keeps a single closed objective read-only in a year that is still open", async () => {
    const store = new FakePlanStore();
    store.objectives = store.objectives.map((o) => (o.id === 1 ? { ...o, readOnly: true } : o));
    renderApp(store);
    await userEvent.click(await findButton("1. Improve representation at senior levels"));
    await screen.findByText(
      "This objective is closed: its plan year was rolled over. You can read it here, but nobody can change it.",
    );
    expect(queryButton("Add action")).toBeNull();
    expect(screen.queryByTestId("closed-year")).toBeNull();
  });
});

describe("a carried-over action", () => {
  /** 2024/25 closed, with action 50 (1.4); 2025/26's action 11 continues it. */
  function rolledOver(): FakePlanStore {
    const store = new FakePlanStore();
    const first = store.objectives[0]!;
    store.objectives.push({
      ...first,
      id: 40,
      planYear: "2024/25",
      readOnly: true,
      title: "Representation at senior levels (first year)",
    });
    store.actions.push({
      ...store.actions[0]!,
      id: 50,
      objectiveId: 40,
      number: "1.4",
      title: "Reverse mentoring pilot",
      progress: "Pilot with four pairs",
    });
    store.actions = store.actions.map((a) => (a.id === 11 ? { ...a, carriedFromId: 50 } : a));
    store.planYears = async () => ["2025/26", "2024/25"];
    return store;
  }

  it("says which earlier action it continues, and the link opens that plan year at it", async () => {
    renderApp(rolledOver(), { initialActionId: 11 });
    const link = await screen.findByRole("link", { name: "Carried over from 2024/25 action 1.4" });
    expect(new URL((link as HTMLAnchorElement).href).searchParams.get("action")).toBe("50");
    await userEvent.click(link);
    // The page behind the open panel is hidden from the accessibility tree: find the heading by its text.
    await screen.findByText("WRES action plan 2024/25", { selector: "h1" });
    await screen.findByText("Pilot with four pairs", {});
    expect(within(drawer()).getByText("1.4 Reverse mentoring pilot")).toBeTruthy();
    expect(await screen.findByTestId("closed-year")).toBeTruthy();
    expect(queryButton("Edit action")).toBeNull();
    expect(new URLSearchParams(location.search).get("year")).toBe("2024/25");
    // And forward again: the closed year's action links to the action that continues it.
    const forward = await screen.findByRole("link", { name: "Carried into 2025/26 as action 1.1" });
    expect(new URL((forward as HTMLAnchorElement).href).searchParams.get("action")).toBe("11");
    await userEvent.click(forward);
    await screen.findByText("WRES action plan 2025/26", { selector: "h1" });
    await screen.findByRole("link", { name: "Carried over from 2024/25 action 1.4" });
    expect(screen.queryByTestId("carried-into")).toBeNull();
  });

  it("says it was carried over when the earlier action is no longer on the site, and nothing on other actions", async () => {
    const store = rolledOver();
    store.actions = store.actions.map((a) => (a.id === 11 ? { ...a, carriedFromId: 999 } : a));
    const rendered = renderApp(store, { initialActionId: 11 });
    await screen.findByText("Carried over from an earlier plan year; that action is no longer on the site", {});
    rendered.unmount();
    renderApp(store, { initialActionId: 12 });
    await screen.findByText("Copy link");
    expect(screen.queryByTestId("carried-from")).toBeNull();
    expect(screen.queryByTestId("carried-into")).toBeNull();
  });
});
