import { describe, expect, it } from "vitest";
import { generateTrust } from "../../../src/demo/trust";
import { executeRun, sanitiseIssue, REDACTED, type WorkerMessage } from "../../../src/ui/indicators/protocol";
import { RunCancelledError, RunFailedError, startRun, type WorkerLike } from "../../../src/ui/indicators/runner";
import type { ReadIssue } from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook";

/** A Worker stand-in that runs the protocol on the same thread, answering asynchronously like a real one. */
class InlineWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  transferred: Transferable[] = [];
  posted: WorkerMessage[] = [];
  constructor(private readonly hold = false) {}
  postMessage(message: unknown, transfer: Transferable[]): void {
    this.transferred = transfer;
    setTimeout(() => {
      // Like a real worker, one terminated before the message is handled never runs it.
      if (this.terminated) return;
      executeRun(message as never, (m) => {
        this.posted.push(m);
        if (!this.hold && !this.terminated) this.onmessage?.({ data: structuredClone(m) } as MessageEvent);
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const trust = generateTrust({ staff: 600, seed: 7, year: "2024/25" });

function issue(partial: Partial<ReadIssue>): ReadIssue {
  return {
    severity: "warning",
    code: "x",
    message: "",
    file: "f.xlsx",
    sheet: "Staff",
    row: 4,
    column: "C",
    header: "Ethnic Origin",
    ...partial,
  };
}

describe("indicator run protocol", () => {
  it("posts progress by stage in order, then only aggregates and summaries", () => {
    const posted: WorkerMessage[] = [];
    executeRun(
      { type: "run", files: trust.files.map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer })), options: {} },
      (m) => posted.push(m),
    );
    const stages = posted.filter((m) => m.type === "progress").map((m) => m.stage);
    expect(stages[0]).toBe("reading");
    expect(stages.at(-1)).toBe("computing");
    expect(new Set(stages)).toEqual(new Set(["reading", "recognising", "validating", "computing"]));
    const done = posted.at(-1);
    expect(done?.type).toBe("done");
    if (done?.type !== "done") return;
    expect(Object.keys(done.outcome.results.indicators)).toContain("2");
    // The tab's runs ask for breakdowns: the chooser shows them and the saved results keep them.
    const dimensions = (id: string) =>
      ((done.outcome.results.indicators[id] as { breakdowns?: { dimension: string }[] }).breakdowns ?? []).map(
        (b) => b.dimension,
      );
    expect(dimensions("1")).toEqual(expect.arrayContaining(["ethnic-group", "ethnic-category", "gender"]));
    for (const id of ["2", "3", "4"]) expect(dimensions(id)).toContain("ethnic-group");
    expect(done.outcome.sheets.find((s) => s.kind === "staff")?.rowsRead).toBe(600);
    // Nothing shaped like a staff record crosses the boundary.
    const text = JSON.stringify(done.outcome);
    const ids = readWorkbooks(trust.files).staff.map((s) => s.personId);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id) => text.includes(id))).toEqual([]);
    expect(Object.keys(done.outcome).sort()).toEqual(["issues", "results", "sheets", "unrecognised"]);
  });

  it("reports an unreadable file as a clear issue rather than throwing", () => {
    const posted: WorkerMessage[] = [];
    const junk = new TextEncoder().encode("PK\u0003\u0004 not really a zip");
    executeRun({ type: "run", files: [{ name: "broken.xlsx", bytes: junk.buffer }], options: {} }, (m) =>
      posted.push(m),
    );
    const last = posted.at(-1);
    expect(last?.type).toBe("done");
    if (last?.type !== "done") return;
    expect(last.outcome.issues.some((i) => i.severity === "error" && i.file === "broken.xlsx")).toBe(true);
  });

  it("hides identifier-like cell values in issue params and messages, keeps place and categories", () => {
    const id = sanitiseIssue(
      issue({
        code: "invalid-yes-no",
        message: 'f.xlsx, sheet "Staff", row 4: "E123456" is not a yes/no value.',
        params: { value: "E123456" },
      }),
    );
    expect(id.params?.value).toBe(REDACTED);
    expect(id.message).not.toContain("123456");
    expect(id.message).toContain('sheet "Staff"');
    expect(id.row).toBe(4);
    const mail = sanitiseIssue(
      issue({ params: { value: "someone@nhs.net", count: 3 }, message: '"someone@nhs.net" was not recognised' }),
    );
    expect(mail.params).toEqual({ value: REDACTED, count: 3 });
    const category = sanitiseIssue(
      issue({ params: { value: "Band 8 - Range Z" }, message: 'Band "Band 8 - Range Z" was not recognised' }),
    );
    expect(category.params?.value).toBe("Band 8 - Range Z");
    expect(category.message).toContain("Band 8 - Range Z");
  });
});

describe("indicator runner", () => {
  it("transfers the bytes, reports progress and resolves with the outcome", async () => {
    const worker = new InlineWorker();
    const stages: string[] = [];
    const files = trust.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
    const run = startRun(files, {}, { createWorker: () => worker, onProgress: (p) => stages.push(p.stage) });
    const outcome = await run.done;
    expect(worker.transferred).toHaveLength(files.length);
    expect(stages).toContain("computing");
    expect(outcome.results.indicators["1"]).toBeDefined();
    expect(worker.terminated).toBe(true);
  });

  it("cancel terminates the worker and rejects with RunCancelledError; later messages are ignored", async () => {
    const worker = new InlineWorker(true);
    const run = startRun(
      [{ name: trust.files[0]!.name, bytes: trust.files[0]!.bytes.slice() }],
      {},
      { createWorker: () => worker },
    );
    run.cancel();
    await expect(run.done).rejects.toBeInstanceOf(RunCancelledError);
    expect(worker.terminated).toBe(true);
  });

  it("a failed message or a worker error rejects with RunFailedError", async () => {
    const failing: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(
          () => this.onmessage?.({ data: { type: "failed", issue: null, message: "boom" } } as MessageEvent),
          0,
        );
      },
      terminate() {},
    };
    await expect(startRun([], {}, { createWorker: () => failing }).done).rejects.toBeInstanceOf(RunFailedError);
    await expect(startRun([], {}, { createWorker: () => failing }).done).rejects.toMatchObject({
      reason: "error",
      message: "boom",
    });
    const crashing: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => this.onerror?.(new Event("error")), 0);
      },
      terminate() {},
    };
    await expect(startRun([], {}, { createWorker: () => crashing }).done).rejects.toThrow(/stopped unexpectedly/);
    // No message: the worker died (the screen says the browser may have run out of memory).
    await expect(startRun([], {}, { createWorker: () => crashing }).done).rejects.toMatchObject({ reason: "stopped" });
  });
});
