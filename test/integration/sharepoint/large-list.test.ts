import { beforeAll, describe, expect, it, vi } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/batching.js";
import { ListThresholdError, toAppError } from "../../../src/sharepoint/errors";
import { readAllPages } from "../../../src/sharepoint/paging";
import { F, LIST_TITLES } from "../../../src/sharepoint/schema";
import { EDITOR, seedSmallPlan, YEAR } from "./support";
import { useSite, FAST_TMP } from "../../support/local-site";

const TOTAL = 12_000;
/** Seeded updates are dated one minute apart from here, after the records written when the plan was set up. */
const BASE = Date.UTC(2030, 0, 1);
const minute = (i: number) => new Date(BASE + i * 60_000).toISOString();

describe("a progress history larger than the list view threshold (5,000)", () => {
  const site = useSite({ dataRoot: FAST_TMP });
  let plan: Awaited<ReturnType<typeof seedSmallPlan>>;
  let createMs = 0;
  let seeded = 0;
  beforeAll(async () => {
    plan = await seedSmallPlan(site);
    // The history filled up to 12,000 items in $batch requests (pnpjs sends at most 20 per $batch),
    // four batches at a time; every 400th update is Amara's action's, the rest Tom's.
    const sp = site.sp(EDITOR);
    const started = performance.now();
    const existing = (
      await sp.web.lists.getByTitle(LIST_TITLES.progressUpdates).items.select("Id").top(5000)<unknown[]>()
    ).length;
    seeded = TOTAL - existing;
    const chunks: number[][] = [];
    for (let offset = 0; offset < seeded; offset += 200)
      chunks.push(Array.from({ length: Math.min(200, seeded - offset) }, (_, k) => offset + k));
    const worker = async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        const [batched, execute] = sp.batched();
        const list = batched.web.lists.getByTitle(LIST_TITLES.progressUpdates);
        const parts = chunk.map((i) =>
          list.items.add({
            Title: `Update ${i}`,
            [`${F.action}Id`]: i % 400 === 0 ? plan.amaraAction.id : plan.tomAction.id,
            [F.planYear]: i < 6000 ? "2023/24" : YEAR,
            [F.updateDate]: minute(i),
            [F.rag]: "Green",
            [F.updateKind]: "Update",
            [F.note]: `Note ${i}`,
          }),
        );
        await execute();
        await Promise.all(parts);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    createMs = performance.now() - started;
    // The history is dated from 2030 as if written then: SharePoint's own Created (which the app
    // reads, never the browser-written UpdateDate) is stamped into the store, as a migration would.
    const progress = site.server.store.listByTitle(
      site.server.store.siteByName("wres")!.id,
      LIST_TITLES.progressUpdates,
    )!;
    site.server.store.db
      .prepare(
        "UPDATE items SET created = json_extract(data, '$.UpdateDate'), modified = json_extract(data, '$.UpdateDate') WHERE list_guid = ? AND json_extract(data, '$.UpdateDate') >= '2030'",
      )
      .run(progress.guid);
    await site.restart();
  }, 300_000);

  it("pages through all 12,000 items with no item lost or repeated", async () => {
    let pages = 0;
    const started = performance.now();
    const items = await readAllPages(() => site.sp(EDITOR).web.lists.getByTitle(LIST_TITLES.progressUpdates).items, {
      select: ["Id", F.note],
      onPage: () => pages++,
    });
    const readMs = performance.now() - started;
    console.log(
      `created ${TOTAL} items in ${Math.round(createMs)} ms; read them in ${pages} pages in ${Math.round(readMs)} ms`,
    );
    expect(items).toHaveLength(TOTAL);
    expect(new Set(items.map((i) => i["Id"])).size).toBe(TOTAL);
    expect(pages).toBe(3);
  });

  it("fails an unindexed filter with the list view threshold error", async () => {
    const failure = await site
      .sp(EDITOR)
      .web.lists.getByTitle(LIST_TITLES.progressUpdates)
      .items.filter(`${F.note} eq 'Note 17'`)()
      .catch((e: unknown) => toAppError(e));
    expect(failure).toBeInstanceOf(ListThresholdError);
    expect((failure as ListThresholdError).code).toBe("listThreshold");
  });

  it("answers indexed queries: an action's history and updates since a date", async () => {
    const store = site.store(EDITOR);
    const history = await store.history(plan.amaraAction.id);
    // Every 400th seeded update, plus the record written when the action was created.
    expect(history.filter((u) => u.note?.startsWith("Note "))).toHaveLength(Math.ceil(seeded / 400));
    expect(history).toHaveLength(Math.ceil(seeded / 400) + 1);
    expect(history[0]!.date >= history.at(-1)!.date).toBe(true);

    const since = await store.updatesSince(YEAR, minute(11_000));
    expect(since.filter((u) => u.note?.startsWith("Note "))).toHaveLength(seeded - 11_000);
    expect(since.every((u) => u.date >= minute(11_000).slice(0, 19))).toBe(true);
  });

  it("still finds updates when the indexed filter alone matches more than 5,000 items", async () => {
    // 6,000 of the updates are in YEAR: the indexed candidate set exceeds the threshold, so the
    // store falls back to paging by ID and filtering itself.
    const since = await site.store(EDITOR).updatesSince(YEAR, "2020-01-01T00:00:00Z");
    expect(since.filter((u) => u.note?.startsWith("Note "))).toHaveLength(seeded - 6000);
  });

  it("loads the plan with each action's latest update, looking older ones up by action", async () => {
    // Tom's latest update is among the newest; Amara's is ~400 updates back, beyond the window the
    // overview reads, so it is found through the indexed Action column in a second $batch.
    const spy = vi.spyOn(globalThis, "fetch");
    let requests: string[] = [];
    let snapshot;
    try {
      snapshot = await site.store(EDITOR).loadPlan(YEAR);
      requests = spy.mock.calls.map((call) => String(call[0]));
    } finally {
      spy.mockRestore();
    }
    expect(requests).toEqual([`${site.server.siteUrl}/_api/$batch`, `${site.server.siteUrl}/_api/$batch`]);
    expect(snapshot.actions).toHaveLength(2);
    expect(snapshot.lastUpdates[plan.tomAction.id]?.note).toBe(`Note ${seeded - 1}`);
    expect(snapshot.lastUpdates[plan.amaraAction.id]?.note).toBe("Note 11600");
  });
});
