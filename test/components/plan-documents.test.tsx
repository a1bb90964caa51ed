// The plan documents card and the public version's print view: the committee paper downloaded and read
// back with what the editor typed; the public version only with an approved copy, its choices (plan
// alone, leads as names) reaching the Word file and the print link; the print view's sections, its
// hidden figures and the plan alone; Welsh; editors only on the Plan year screen.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakePlanStore, ROLES, TODAY } from "../support/fake-store";
import { wordText } from "../support/word";
import { PlanDocuments } from "../../src/ui/year/PlanDocuments";
import { PlanYearScreen } from "../../src/ui/year/PlanYearScreen";
import { PublicPlanRoot } from "../../src/ui/year/PublicPlanRoot";
import { PublicPlanView } from "../../src/ui/year/PublicPlanView";
import { publicOptionsOf } from "../../src/ui/year/public-route";
import {
  actions,
  approvedCopy,
  exactValue,
  leakyRows,
  objectives,
  savedRows,
} from "../unit/reports/plan-documents-fixtures";
import { findButton, renderApp } from "./render";

type Saved = { bytes: Uint8Array; name: string };

function renderCard(options: { approved?: boolean; locale?: "en-GB" | "cy-GB" } = {}) {
  const saved: Saved[] = [];
  renderApp(new FakePlanStore(), {
    locale: options.locale,
    children: (
      <PlanDocuments
        year="2024/25"
        loadPaperData={async () => ({ objectives, actions, results: savedRows(), targets: [] })}
        approved={options.approved ? approvedCopy(leakyRows()) : null}
        publicPrintHref={(o) =>
          `https://tab.example/?view=public&figures=${o.withFigures ? "with" : "none"}&leads=${o.leads}`
        }
        save={(bytes, name) => saved.push({ bytes, name })}
      />
    ),
  });
  return saved;
}

describe("the committee paper from the card", () => {
  it(
    "downloads a Word paper with the committee the editor typed, the plan and the protected figures",
    { timeout: 30_000 },
    async () => {
      const saved = renderCard();
      fireEvent.change(await screen.findByLabelText("Committee or board"), {
        target: { value: "People and Culture Committee" },
      });
      fireEvent.change(screen.getByLabelText("Engagement with the staff network (optional)"), {
        target: { value: "Drafted with the Race Equality Network." },
      });
      fireEvent.click(await findButton("Download committee paper (Word)"));
      await screen.findByText("Downloaded WRES committee paper 2024-25.docx.");
      expect(saved).toHaveLength(1);
      expect(saved[0]!.name).toBe("WRES committee paper 2024-25.docx");
      const text = wordText(saved[0]!.bytes).all;
      expect(text).toContain("This paper asks the People and Culture Committee to approve");
      expect(text).toContain("Drafted with the Race Equality Network.");
      expect(text).toContain("Set divisional representation targets");
      expect(text).toContain("1.90");
      expect(text).not.toContain(exactValue("3").toFixed(2));
      // No approved copy: no public version yet.
      expect(screen.queryByRole("heading", { name: "Public version" })).toBeNull();
    },
  );

  it("is in Welsh in Welsh", { timeout: 30_000 }, async () => {
    const saved = renderCard({ locale: "cy-GB" });
    fireEvent.click(await findButton("Lawrlwytho'r papur pwyllgor (Word)"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe("Papur pwyllgor WRES 2024-25.docx");
    expect(wordText(saved[0]!.bytes).all).toContain("Crynodeb gweithredol");
  });
});

describe("the public version from the card", () => {
  it(
    "offers the plan with figures or alone, and leads as roles or names, into the Word file and the print link",
    { timeout: 30_000 },
    async () => {
      const saved = renderCard({ approved: true });
      const section = (await screen.findByRole("heading", { name: "Public version" })).closest("section")!;
      expect(section.textContent).toContain("Approved by the People and Culture Committee on 12 September 2024.");
      const print = within(section).getByRole("link", { name: /Public version \(print or PDF\)/ });
      expect(publicOptionsOf(new URL(print.getAttribute("href")!).search)).toEqual({
        withFigures: true,
        leads: "roles",
      });

      fireEvent.click(within(section).getByRole("button", { name: "Download public version (Word)" }));
      await waitFor(() => expect(saved).toHaveLength(1));
      expect(saved[0]!.name).toBe("WRES action plan 2024-25 (public).docx");
      const withFigures = wordText(saved[0]!.bytes).all;
      expect(withFigures).toContain("Our WRES indicators");
      expect(withFigures).toContain("Director of People");
      expect(withFigures).not.toContain("Amara Okafor");

      fireEvent.click(within(section).getByRole("radio", { name: "The plan alone, with no figures" }));
      fireEvent.click(within(section).getByRole("radio", { name: "Names and role titles" }));
      expect(publicOptionsOf(new URL(print.getAttribute("href")!).search)).toEqual({
        withFigures: false,
        leads: "names",
      });
      fireEvent.click(within(section).getByRole("button", { name: "Download public version (Word)" }));
      await waitFor(() => expect(saved).toHaveLength(2));
      const alone = wordText(saved[1]!.bytes).all;
      expect(alone).toContain("Our action plan");
      expect(alone).toContain("Amara Okafor; Director of People");
      for (const absent of ["Our WRES indicators", "1.90", "Indicator 2"]) expect(alone).not.toContain(absent);
    },
  );
});

describe("the public version's print view", () => {
  it("draws the approval line, the protected figures (hidden ones as *) and each objective's actions", () => {
    renderApp(new FakePlanStore(), {
      children: <PublicPlanView copy={approvedCopy(leakyRows())} options={{ withFigures: true, leads: "roles" }} />,
    });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "Demo NHS Trust: Workforce Race Equality Standard (WRES) action plan 2024/25",
    );
    expect(screen.getByText("Approved by the People and Culture Committee on 12 September 2024.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Our WRES indicators" })).toBeTruthy();
    expect(
      within(screen.getByTestId("public-figure-2"))
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["1.90", "2.60 (published)", "Improved"]);
    expect(within(screen.getByTestId("public-figure-3")).getAllByRole("cell")[0]!.textContent).toBe("*");
    expect(
      screen.getByRole("region", { name: "Objective 1: Representation at Band 8a and above" }).textContent,
    ).toContain("Director of People");
    expect(document.body.textContent).not.toContain("Amara Okafor");
    expect(document.body.textContent).not.toContain("PCC/24/117");
    expect(screen.getByRole("button", { name: "Print or save as PDF" })).toBeTruthy();
  });

  it("shows no figures for the plan alone", () => {
    renderApp(new FakePlanStore(), {
      children: <PublicPlanView copy={approvedCopy()} options={{ withFigures: false, leads: "roles" }} />,
    });
    expect(screen.getByRole("heading", { name: "Our action plan" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Our WRES indicators" })).toBeNull();
    expect(document.body.textContent).not.toMatch(/1\.90|Indicator 2/);
  });

  it("says the year has no public version until it is approved (no loader, or no copy)", async () => {
    renderApp(new FakePlanStore(), {
      children: (
        <PublicPlanRoot year="2024/25" load={async () => null} options={{ withFigures: true, leads: "roles" }} />
      ),
    });
    await screen.findByText(
      "The plan for 2024/25 has not been approved by its committee yet, so it has no public version.",
    );
  });

  it("loads the approved copy through the loader it is given", async () => {
    renderApp(new FakePlanStore(), {
      locale: "cy-GB",
      children: (
        <PublicPlanRoot
          year="2024/25"
          load={async () => approvedCopy()}
          options={{ withFigures: true, leads: "roles" }}
        />
      ),
    });
    await screen.findByText("Cymeradwywyd gan y People and Culture Committee ar 12 Medi 2024.");
    expect(screen.getByRole("heading", { name: "Ein dangosyddion WRES" })).toBeTruthy();
  });
});

describe("on the Plan year screen", () => {
  it("is there for plan editors, and not for a committee member", async () => {
    const store = new FakePlanStore();
    const { unmount } = renderApp(store, {
      children: (
        <PlanYearScreen
          store={store}
          year="2025/26"
          capabilities={ROLES.editor!}
          today={TODAY}
          href="https://tab.example/?as=x"
        />
      ),
    });
    await findButton("Download committee paper (Word)");
    unmount();
    renderApp(store, {
      children: (
        <PlanYearScreen
          store={store}
          year="2025/26"
          capabilities={ROLES.chair!}
          today={TODAY}
          href="https://tab.example/?as=x"
        />
      ),
    });
    await screen.findByRole("heading", { name: "Committee report" });
    expect(screen.queryByRole("button", { name: "Download committee paper (Word)" })).toBeNull();
  });
});
