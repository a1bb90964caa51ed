// Targets and comparison figures (WRES Targets and Comparisons, schema 7) through @pnp/sp against the
// local SharePoint server: plan editors write, everyone who reads the plan reads, and SharePoint itself
// refuses anyone else's write with 403; a change made from an older version is a conflict (412), never
// an overwrite. A site set up at schema 6 gets the list, with its permissions, from a site owner's upgrade.
import { beforeAll, describe, expect, it } from "vitest";
import type { IndicatorFigureDraft } from "../../../src/plan/targets";
import { ConflictError, PermissionError } from "../../../src/sharepoint/errors";
import { addToPlanGroup } from "../../../src/sharepoint/security-model";
import { F, LIST_TITLES, SCHEMA_VERSION } from "../../../src/sharepoint/schema";
import { useSite, type Site } from "../../support/local-site";
import { ADMIN, AMARA, CHAIR, COMMITTEE, EDITOR, TOM, setUpPlan } from "./support";

const target: IndicatorFigureDraft = {
  kind: "target",
  standard: "nhs-england-wres",
  indicator: 2,
  value: 1.25,
  year: "2026/27",
  baselineYear: "2022/23",
  direction: "towards-one",
  comparator: null,
  name: null,
  source: null,
};

const national: IndicatorFigureDraft = {
  ...target,
  kind: "comparison",
  value: 1.14,
  year: "2024/25",
  baselineYear: null,
  direction: null,
  comparator: "national",
  name: "England",
  source: "NHS England WRES data report 2024",
};

const LIST = `web/lists/getByTitle('${LIST_TITLES.indicatorFigures}')`;

/** A REST call with a person's own token, as anyone could make outside the tab: the status SharePoint answers. */
async function rest(
  site: Site,
  upn: string,
  path: string,
  init: { method?: string; body?: unknown; etag?: string } = {},
): Promise<number> {
  const headers: Record<string, string> = {
    Authorization: `Bearer dev:${upn}`,
    Accept: "application/json;odata=nometadata",
  };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.etag !== undefined) Object.assign(headers, { "X-HTTP-Method": "MERGE", "IF-MATCH": init.etag });
  const response = await fetch(`${site.server.siteUrl}/_api/${path}`, {
    method: init.method ?? (init.body !== undefined ? "POST" : "GET"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  await response.text();
  return response.status;
}

describe("targets and comparison figures on a set-up site", () => {
  const site = useSite();
  beforeAll(async () => {
    await setUpPlan(site);
  });

  it("a plan editor adds them; readers, contributors and network chairs read them and SharePoint refuses their writes with 403", async () => {
    const editor = site.store(EDITOR);
    const added = await editor.addIndicatorFigure(target);
    const comparison = await editor.addIndicatorFigure(national);
    for (const upn of [COMMITTEE, AMARA, CHAIR]) {
      const store = site.store(upn);
      expect((await store.indicatorFigures("nhs-england-wres")).map((f) => f.id)).toEqual([comparison.id, added.id]);
      await expect(store.addIndicatorFigure(national)).rejects.toBeInstanceOf(PermissionError);
      await expect(store.updateIndicatorFigure(added.id, added.etag, { value: 2 })).rejects.toBeInstanceOf(
        PermissionError,
      );
      await expect(store.deleteIndicatorFigure(added.id, added.etag)).rejects.toBeInstanceOf(PermissionError);
      // The same refusals outside the tab, with the person's own token.
      expect(await rest(site, upn, `${LIST}/items`, { body: { Title: "x", [F.value]: 9 } })).toBe(403);
      expect(await rest(site, upn, `${LIST}/items(${added.id})`, { body: { [F.value]: 9 }, etag: "*" })).toBe(403);
    }
    expect((await editor.indicatorFigures("nhs-england-wres")).find((f) => f.id === added.id)?.value).toBe(1.25);
    // The item says what it is when opened in SharePoint itself.
    const response = await fetch(`${site.server.siteUrl}/_api/${LIST}/items(${added.id})?$select=Title`, {
      headers: { Authorization: `Bearer dev:${COMMITTEE}`, Accept: "application/json;odata=nometadata" },
    });
    expect(((await response.json()) as { Title: string }).Title).toBe("Target: indicator 2 1.25 by 2026/27");
  });

  it("a change from an older version is refused with 412 and becomes a conflict carrying the newer figure", async () => {
    await addToPlanGroup(site.sp(ADMIN), "editors", `i:0#.f|membership|${TOM}`);
    const opened = await site
      .store(EDITOR)
      .addIndicatorFigure({ ...national, comparator: "ics", name: "Oxfordshire ICS", value: 2.35 });
    const theirs = await site
      .store(TOM)
      .updateIndicatorFigure(opened.id, opened.etag, { value: 2.4, source: "ICS report 2025" });
    expect(theirs).toMatchObject({ value: 2.4, source: "ICS report 2025", name: "Oxfordshire ICS" });
    expect(await rest(site, EDITOR, `${LIST}/items(${opened.id})`, { body: { [F.value]: 9 }, etag: opened.etag })).toBe(
      412,
    );
    const conflict = await site
      .store(EDITOR)
      .updateIndicatorFigure(opened.id, opened.etag, { value: 9 })
      .catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).theirs).toMatchObject({ value: 2.4, etag: theirs.etag });
    const kept = (await site.store(COMMITTEE).indicatorFigures()).find((f) => f.id === opened.id);
    expect(kept?.value).toBe(2.4);
  });
});

describe("upgrading a schema-6 site to targets and comparisons (schema 7)", () => {
  const old = useSite();
  beforeAll(async () => {
    const { provision } = await import("../../../src/sharepoint/provision");
    const { DEMO_GROUPS } = await import("../../../src/localsp/seed-plan");
    await provision(old.sp(ADMIN), { version: 6 });
    for (const [group, upn] of DEMO_GROUPS) await addToPlanGroup(old.sp(ADMIN), group, `i:0#.f|membership|${upn}`);
    await addToPlanGroup(old.sp(ADMIN), "editors", `i:0#.f|membership|${TOM}`);
  });

  it("is offered as an upgrade that a site owner makes; the new list has the plan's permissions", async () => {
    const { siteSchema, upgradeLists } = await import("../../../src/sharepoint/upgrade");
    expect(await siteSchema(old.sp(TOM))).toEqual({ version: 6, current: SCHEMA_VERSION });
    // Before the upgrade the tab hears that the list is not there, not an empty list.
    await expect(old.store(TOM).indicatorFigures()).rejects.toMatchObject({ code: "notProvisioned" });
    await expect(upgradeLists(old.sp(TOM))).rejects.toMatchObject({ code: "fullControlRequired" });
    const report = await upgradeLists(old.sp(EDITOR));
    expect(report.createdLists).toEqual([LIST_TITLES.indicatorFigures]);
    expect(report.security.securedLists).toEqual([LIST_TITLES.indicatorFigures]);
    expect(await siteSchema(old.sp(COMMITTEE))).toEqual({ version: SCHEMA_VERSION, current: SCHEMA_VERSION });
    const added = await old.store(TOM).addIndicatorFigure(target);
    expect((await old.store(COMMITTEE).indicatorFigures()).map((f) => f.id)).toEqual([added.id]);
    await expect(old.store(COMMITTEE).addIndicatorFigure(target)).rejects.toBeInstanceOf(PermissionError);
  });
});
