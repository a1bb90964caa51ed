// The committee views over the fake store: what changed since a date, the overdue list, the
// meeting's remembered date, share-to-stage only when allowed, load failures, and the stage's
// headline figures with their trend.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { IndicatorResultRow } from "../../src/plan/types";
import { MeetingRoot } from "../../src/ui/meeting/MeetingRoot";
import type { ExtraRoute } from "../../src/ui/meeting/route";
import { extraRoute, viewUrl } from "../../src/ui/meeting/route";
import type { StageSharing } from "../../src/ui/meeting/share";
import { FakePlanStore, OfflineError, TODAY } from "../support/fake-store";
import { answered, findButton, queryButton, renderApp } from "./render";

const HREF = "https://tab.example/index.html?as=edi.lead%40wres.test&theme=dark";

function fakeSharing(allowed: boolean, key = "meeting-1"): StageSharing & { shared: string[] } {
  const shared: string[] = [];
  return {
    shared,
    meetingKey: async () => key,
    canShare: async () => allowed,
    share: async (url) => void shared.push(url),
  };
}

function renderMeeting(
  store: FakePlanStore,
  route: Partial<ExtraRoute> & { view: "sidepanel" | "stage" },
  sharing = fakeSharing(false),
) {
  const full = { since: null, canShare: false, ...route };
  return renderApp(store, {
    children: <MeetingRoot route={full} store={store} year="2025/26" today={TODAY} sharing={sharing} href={HREF} />,
  });
}

afterEach(() => localStorage.clear());

describe("the address and Teams frames choose the view", () => {
  it("reads ?view, ?since and ?canShare, and Teams' sidePanel and meetingStage frames", () => {
    expect(extraRoute("?view=sidepanel&since=2025-10-01&canShare=1", null)).toEqual({
      view: "sidepanel",
      since: "2025-10-01",
      canShare: true,
    });
    expect(extraRoute("?view=stage&since=not-a-date", null)).toEqual({ view: "stage", since: null, canShare: false });
    expect(extraRoute("", "sidePanel")?.view).toBe("sidepanel");
    expect(extraRoute("", "meetingStage")?.view).toBe("stage");
    expect(extraRoute("?view=config", "content")).toBeNull();
    // The stage link keeps identity and year, drops the presenter's theme and the simulated capability.
    const url = new URL(viewUrl(`${HREF}&canShare=1&year=2025%2F26`, "stage", "2025-10-01"));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      as: "edi.lead@wres.test",
      year: "2025/26",
      view: "stage",
      since: "2025-10-01",
    });
  });
});

describe("the meeting side panel", () => {
  it("lists RAG moves, notes, completions and newly overdue actions since the date, and the overdue actions", async () => {
    const store = new FakePlanStore();
    await store.updateProgress(14, '"1"', { rag: "Amber", note: "Escalated to the People Committee" });
    await store.updateProgress(12, '"1"', { rag: "Blue", note: "Panels in place for every 8a+ post" });
    renderMeeting(store, { view: "sidepanel", since: "2025-09-01" });

    const move = (await screen.findAllByTestId("rag-move")).find((el) =>
      el.textContent?.includes("2.2 Quarterly review"),
    );
    expect(move).toBeDefined();
    expect([...move!.querySelectorAll("[data-rag]")].map((e) => e.getAttribute("data-rag"))).toEqual(["Red", "Amber"]);
    expect(screen.getByText("Escalated to the People Committee")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Completed (1)" })).toBeTruthy();
    // 1.1 fell due on 30 Sept 2025, after the chosen date, and is not complete: listed once, among
    // the overdue actions, marked as new since the date (no separate "Newly overdue" list).
    expect(screen.queryByRole("heading", { name: /^Newly overdue/ })).toBeNull();
    const overdue = within(screen.getByTestId("overdue-list"));
    expect(overdue.getByText(/1\.1 Reverse mentoring/)).toBeTruthy();
    expect(overdue.getAllByText("New since 1 Sept 2025")).toHaveLength(1);
  });

  it("says so when nothing changed, and a later date leaves out what came before it", async () => {
    const store = new FakePlanStore();
    await store.updateProgress(14, '"1"', { rag: "Amber", note: "Escalated" });
    renderMeeting(store, { view: "sidepanel", since: "2025-11-24" });
    expect(await screen.findByText("No changes since 24 Nov 2025.")).toBeTruthy();
    expect(screen.queryByText("Escalated")).toBeNull();
  });

  it("remembers the chosen date for this meeting and uses it next time", async () => {
    const store = new FakePlanStore();
    const first = renderMeeting(store, { view: "sidepanel" }, fakeSharing(false, "meeting-42"));
    const input = (await screen.findByLabelText("Date of the last meeting")) as HTMLInputElement;
    // Typed day first, as in the UK and Wales (the Fluent date picker reads it when the field is left).
    fireEvent.change(input, { target: { value: "15/10/2025" } });
    fireEvent.blur(input);
    await waitFor(() => expect(localStorage.getItem("wres.meeting.since.meeting-42")).toBe("2025-10-15"));
    first.unmount();

    renderMeeting(new FakePlanStore(), { view: "sidepanel" }, fakeSharing(false, "meeting-42"));
    await waitFor(() =>
      expect((screen.getByLabelText("Date of the last meeting") as HTMLInputElement).value).toBe("15/10/2025"),
    );
  });

  it("offers Share to stage only when the host allows it, and shares the stage view for the same period", async () => {
    const host = fakeSharing(false);
    const asked = vi.spyOn(host, "canShare");
    const refused = renderMeeting(new FakePlanStore(), { view: "sidepanel", since: "2025-10-01" }, host);
    await screen.findByRole("heading", { name: /^Changes since/ });
    // The side panel asks the host on its own: judge the button only once the host has answered.
    await answered(asked);
    expect(queryButton("Share to stage")).toBeNull();
    refused.unmount();

    const sharing = fakeSharing(true);
    renderMeeting(new FakePlanStore(), { view: "sidepanel", since: "2025-10-01" }, sharing);
    fireEvent.click(await findButton("Share to stage"));
    await screen.findByText("Shared to the meeting stage.");
    const url = new URL(sharing.shared[0]!);
    expect(url.searchParams.get("view")).toBe("stage");
    expect(url.searchParams.get("since")).toBe("2025-10-01");
  });

  it("shows a failed load in plain words with a retry", async () => {
    const store = new FakePlanStore();
    store.failNext.set("loadPlan", new OfflineError());
    renderMeeting(store, { view: "sidepanel", since: "2025-10-01" });
    const alert = await screen.findByRole("alert");
    fireEvent.click(within(alert).getByText("Try again"));
    await screen.findByRole("heading", { name: /^Changes since/ });
  });
});

describe("the meeting stage", () => {
  const row = (year: string, indicator: IndicatorResultRow["indicator"], value: number | null): IndicatorResultRow => ({
    id: indicator * 100 + Number(year.slice(0, 4)),
    etag: '"1"',
    year,
    standard: "nhs-england-wres",
    indicator,
    value,
    detail: "{}",
    origin: "computed",
    modified: "2025-06-01T00:00:00Z",
  });

  it("shows each objective's status and owner, and the headline figures with trend words", async () => {
    const store = new FakePlanStore();
    (store as unknown as { indicatorResults: () => Promise<IndicatorResultRow[]> }).indicatorResults = async () => [
      row("2024/25", 2, 1.62),
      row("2025/26", 2, 1.31),
      row("2024/25", 5, 24.1),
      row("2025/26", 5, 27.9),
      row("2025/26", 1, 12.34),
    ];
    renderMeeting(store, { view: "stage", since: "2025-10-01" });
    const rl = await screen.findByTestId("headline-2");
    expect(rl.textContent).toContain("1.31");
    expect(rl.querySelector("[data-trend]")?.getAttribute("data-trend")).toBe("improved");
    // Harassment went up: worse.
    expect(screen.getByTestId("headline-5").textContent).toContain("Worse");
    // A first year has nothing to compare with.
    expect(screen.getByTestId("headline-1").textContent).toContain("12.3%");
    expect(screen.getByTestId("headline-1").textContent).toContain("No earlier year to compare");
    const objectives = screen.getByRole("table");
    expect(within(objectives).getByText("Tom Hughes")).toBeTruthy();
    expect(within(objectives).getByText(/2\. Reduce bullying and harassment/)).toBeTruthy();
  });

  it("says when no indicator results are saved", async () => {
    renderMeeting(new FakePlanStore(), { view: "stage", since: "2025-10-01" });
    expect(await screen.findByText("No indicator results have been saved yet.")).toBeTruthy();
  });
});
