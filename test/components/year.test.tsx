// The plan-year screen over the fake store: the import preview of a published-style workbook
// (what was understood, the malformed row flagged by sheet and row), writing it, a re-import that
// changes nothing, an unreadable file; the roll-over preview; editors only.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ROLES } from "../support/fake-store";
import { FakePlanStore, TODAY } from "../support/fake-store";
import { PlanYearScreen } from "../../src/ui/year/PlanYearScreen";
import { currentPlanYear } from "../../src/ui/year/YearRoot";
import { CORPUS } from "../unit/plan-import/corpus";
import { publishedStylePlan } from "../unit/plan-import/published-plan";
import { buildXlsx } from "../unit/plan-import/xlsx-builder";
import { findButton, renderApp } from "./render";

const YEAR = "2025/26";

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

async function choose(bytes: Uint8Array, name = "WRES plan.xlsx") {
  const input = (await screen.findByLabelText("Plan file (Excel .xlsx or Word .docx)")) as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([bytes as BlobPart], name)] } });
}

function renderYear(store: FakePlanStore, capabilities = ROLES.editor!) {
  return renderApp(store, {
    children: (
      <PlanYearScreen
        store={store}
        year={YEAR}
        capabilities={capabilities}
        today={TODAY}
        href="https://tab.example/?as=x"
      />
    ),
  });
}

describe("importing a plan", () => {
  it(
    "previews, flags the malformed row, writes, and a re-import has nothing to change",
    { timeout: 30_000 },
    async () => {
      const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
      renderYear(store);
      const bytes = await publishedStylePlan();
      await choose(bytes);
      const preview = await screen.findByTestId("import-preview", {}, { timeout: 10_000 });
      expect(within(preview).getByTestId("import-count-create").textContent).toBe("7 new");
      expect(within(preview).getByText("Cultural ambassadors on every disciplinary case")).toBeTruthy();
      // "Ongoing" is kept as written for the preview.
      expect(within(preview).getByText("Ongoing")).toBeTruthy();
      const errors = within(preview).getByTestId("import-errors");
      expect(errors.textContent).toContain("Sheet “WRES Action Plan 2024-25”, row 11");
      expect(errors.textContent).toContain("the row has no action text, so it was not imported");

      fireEvent.click(await findButton("Import 7 changes"));
      await screen.findByText("Imported: 2 objectives and 5 actions added, 0 updated.");
      expect(store.objectives).toHaveLength(2);
      expect(store.actions).toHaveLength(5);

      await choose(bytes);
      await screen.findByTestId("nothing-to-change", {}, { timeout: 10_000 });
      expect((await findButton("Import 0 changes")).disabled).toBe(true);
    },
  );

  it("says a broken workbook could not be read, and a file with no plan table imports nothing", async () => {
    const first = renderYear(new FakePlanStore({ plan: { objectives: [], actions: [] } }));
    // A zip signature followed by junk: a damaged .xlsx.
    await choose(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), "damaged.xlsx");
    expect((await screen.findByRole("alert")).textContent).toContain("damaged.xlsx is damaged and could not be opened");
    first.unmount();

    renderYear(new FakePlanStore({ plan: { objectives: [], actions: [] } }));
    await choose(new TextEncoder().encode("not a spreadsheet at all"), "notes.xlsx");
    const errors = await screen.findByTestId("import-errors", {}, { timeout: 10_000 });
    expect(errors.textContent).toContain(
      "The workbook: no sheet or table has a header row with an action column, so nothing could be imported",
    );
    expect(screen.getByTestId("nothing-to-change")).toBeTruthy();
  });
});

describe("correcting the preview", () => {
  it("shows every row with its role; changing a role updates the plan to be written", { timeout: 30_000 }, async () => {
    const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
    renderYear(store);
    const bytes = buildXlsx([
      {
        name: "Plan",
        rows: [
          ["Ref", "Action", "Lead", "RAG"],
          ["Objective 1: Data"],
          ["1.1", "Publish data", "Head of EDI", "Green"],
          [null, "Owners agreed in May"],
          ["1.2", "Audit ESR", "Head of EDI", "Amber"],
        ],
      },
    ]);
    await choose(bytes, "plan.xlsx");
    await screen.findByTestId("import-preview", {}, { timeout: 10_000 });
    expect(screen.getByTestId("import-count-create").textContent).toBe("4 new");
    // Each column's field can be chosen, under the column's letter and header.
    const columns = within(screen.getByTestId("import-columns"));
    for (const label of ["Column A: “Ref”", "Column B: “Action”", "Column C: “Lead”", "Column D: “RAG”"])
      expect(columns.getByLabelText(label).tagName).toBe("SELECT");
    expect(screen.getAllByTestId("import-row").map((r) => r.getAttribute("data-role"))).toEqual([
      "header",
      "objective",
      "action",
      "action",
      "action",
    ]);
    fireEvent.change(screen.getByLabelText("Role of “Plan” row 4"), { target: { value: "note" } });
    await waitFor(() => expect(screen.getByTestId("import-count-create").textContent).toBe("3 new"));
    fireEvent.click(await findButton("Import 3 changes"));
    await screen.findByText("Imported: 1 objectives and 2 actions added, 0 updated.");
    expect(store.objectives[0]?.description).toBe("Owners agreed in May");
    // Recorded as an import, not as RAG changes.
    expect(store.updates.map((u) => [u.kind, u.note])).toEqual([
      ["import", "plan.xlsx"],
      ["import", "plan.xlsx"],
    ]);
  });

  it("asks for an explicit confirmation when the structure is doubtful", { timeout: 30_000 }, async () => {
    renderYear(new FakePlanStore({ plan: { objectives: [], actions: [] } }));
    await choose(
      buildXlsx([
        {
          name: "Sheet1",
          rows: [
            ["No", "Action", "Lead"],
            ["1", "Reverse mentoring", "Head of EDI"],
          ],
        },
      ]),
      "plan.xlsx",
    );
    await screen.findByTestId("import-doubtful", {}, { timeout: 10_000 });
    const button = await findButton("Import 2 changes");
    expect(button.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText("I have checked the structure and want to import it"));
    await waitFor(() => expect(button.disabled).toBe(false));
  });

  it("reads every corpus plan to the structure the command line prints", { timeout: 60_000 }, async () => {
    for (const plan of CORPUS) {
      const view = renderYear(new FakePlanStore({ plan: { objectives: [], actions: [] } }));
      await choose(plan.bytes(), plan.file);
      await screen.findByTestId("import-preview", {}, { timeout: 10_000 });
      const headings = screen.getAllByTestId("import-objective").map((o) => o.querySelector("h4")?.textContent);
      expect(headings, plan.file).toEqual(plan.expected.objectives.map((o) => `${o.number}. ${o.title} (new)`));
      expect(screen.queryByTestId("import-doubtful"), plan.file).toBeNull();
      view.unmount();
    }
  });
});

describe("rolling over and who may", () => {
  it("previews the roll-over: open actions carried, completed ones stay, this year closed", async () => {
    renderYear(new FakePlanStore());
    fireEvent.click(await findButton("Preview roll-over to 2026/27"));
    const preview = await screen.findByTestId("rollover-preview");
    expect(preview.textContent).toContain("3 open actions carried over");
    expect(preview.textContent).toContain("1 completed actions stay in 2025/26");
    expect(preview.textContent).toContain("2 objectives of 2025/26 closed read-only");
  });

  it("shows only the committee report to people who do not edit the plan", async () => {
    renderYear(new FakePlanStore(), ROLES.reader);
    await screen.findByRole("heading", { name: "Committee report" });
    expect(screen.queryByRole("heading", { name: "Import a plan from Excel or Word" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Roll over to next year" })).toBeNull();
  });

  it("knows the NHS plan year from a date (April to March)", () => {
    expect(currentPlanYear("2025-11-23")).toBe("2025/26");
    expect(currentPlanYear("2026-03-31")).toBe("2025/26");
    expect(currentPlanYear("2026-04-01")).toBe("2026/27");
  });
});

describe("the committee report print view", () => {
  it("lists the RAG moves since the date", async () => {
    const store = new FakePlanStore();
    await store.updateProgress(14, '"1"', { rag: "Amber", note: "Escalated" });
    const { ReportView } = await import("../../src/ui/year/ReportView");
    renderApp(store, { children: <ReportView store={store} year={YEAR} since="2025-11-01" today={TODAY} /> });
    await waitFor(() => expect(screen.getAllByTestId("report-move")).toHaveLength(1));
    expect(screen.getByTestId("report-move").textContent).toContain("2.2 Quarterly review of formal disciplinaries");
  });
});
