// Schema upgrades from the tab. A site records its schema version in its lists' descriptions
// ("[wres-schema:N]", schema.ts); when it is older than the app, a plan editor is offered
// "Upgrade the lists", which adds what the newer version brought (fields, choices, view columns)
// and keeps every item. Unlike set-up it creates no list and touches no permission, so it needs
// Manage Lists on the plan's lists only (plan editors have Design there), not Full Control; except
// when a version brought new lists (6: the plan year's cycle), which come with permissions of their
// own: then the upgrade is set-up's, and needs a site owner.
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import { NotProvisionedError, PermissionError, toAppError } from "./errors";
import { planList } from "./lists";
import { hasPermission, PermissionKind } from "./permissions";
import { emptyReport, finishReport, provision, upgradeList, type ProvisionReport } from "./provision";
import { SCHEMA, SCHEMA_VERSION, schemaVersionOf, type ListKey } from "./schema";

export interface SiteSchema {
  /** The site's schema version: the lowest of its lists' (0 for lists made by hand). */
  version: number;
  /** The app's. */
  current: number;
}

interface ListInfo {
  Id: string;
  Description: string | null;
}

/**
 * The lists' ids and descriptions. `withLibrary: false` leaves out WRES Data, which only plan
 * editors can open (for anyone else SharePoint answers 404, as for a missing list); its version
 * always moves with the lists'.
 */
async function readLists(sp: SPFI, withLibrary: boolean): Promise<Map<ListKey, ListInfo>> {
  const found = new Map<ListKey, ListInfo>();
  for (const spec of SCHEMA.filter((l) => withLibrary || l.key !== "dataFiles")) {
    try {
      found.set(spec.key, await planList(sp.web, spec.key).select("Id", "Description")<ListInfo>());
    } catch (error) {
      const appError = toAppError(error);
      // A list a later version brought is missing on a site set up before it: an upgrade makes it.
      if (spec.since !== undefined && appError instanceof NotProvisionedError) continue;
      throw appError;
    }
  }
  return found;
}

/** The site's schema version against the app's; NotProvisionedError when a list is missing. */
export async function siteSchema(sp: SPFI): Promise<SiteSchema> {
  const lists = await readLists(sp, false);
  const versions = [...lists.values()].map((l) => schemaVersionOf(l.Description));
  // A missing later list means the site is older than the version that brought it.
  for (const spec of SCHEMA)
    if (spec.since !== undefined && spec.key !== "dataFiles" && !lists.has(spec.key)) versions.push(spec.since - 1);
  return { version: Math.min(...versions), current: SCHEMA_VERSION };
}

/**
 * Brings every list of an existing plan up to the app's schema. PermissionError ("manageRequired")
 * before anything changes when the user (or the token's scopes) lacks Manage Lists on a list;
 * NotProvisionedError when a list is missing (that is set-up's work).
 */
export async function upgradeLists(sp: SPFI): Promise<ProvisionReport> {
  // The lists every plan member can open first, so that anyone but a plan editor hears "not allowed".
  const present = await readLists(sp, false);
  // Lists a later version brought need their own permissions, which only a site owner can set: then the
  // upgrade is set-up's, which checks the site's permissions itself ("fullControlRequired" for a plan
  // editor). Checked first: plan editors hold no Manage Lists on the add-only lists of schema 6, so the
  // check below would tell them wrongly that a plan editor is needed.
  if (SCHEMA.some((spec) => spec.since !== undefined && spec.key !== "dataFiles" && !present.has(spec.key)))
    return await provision(sp);
  for (const spec of [...SCHEMA.filter((l) => l.key !== "dataFiles"), ...SCHEMA.filter((l) => l.key === "dataFiles")]) {
    if (!present.has(spec.key) && spec.since !== undefined) continue;
    let perms;
    try {
      perms = await planList(sp.web, spec.key).getCurrentUserEffectivePermissions();
    } catch (error) {
      throw toAppError(error);
    }
    if (!hasPermission(perms, PermissionKind.ManageLists)) {
      throw new PermissionError(
        "manageRequired",
        "Upgrading the plan's lists needs the Manage Lists permission on them (a plan editor).",
      );
    }
  }
  const lists = await readLists(sp, true);
  // Lists a later version brought (the plan year's cycle) need their own permissions, which only a
  // site owner can set: set-up makes them, and says "fullControlRequired" to anyone else.
  if (SCHEMA.some((spec) => !lists.has(spec.key))) return await provision(sp);
  const report = emptyReport(SCHEMA_VERSION);
  const listIds = new Map<ListKey, string>([...lists].map(([key, info]) => [key, info.Id]));
  try {
    for (const spec of SCHEMA) {
      const info = lists.get(spec.key);
      if (!info) throw new NotProvisionedError(spec.title);
      const version = schemaVersionOf(info.Description);
      report.previousVersion = report.previousVersion === null ? version : Math.min(report.previousVersion, version);
      await upgradeList(
        planList(sp.web, spec.key),
        spec,
        listIds,
        report,
        { version, description: info.Description },
        SCHEMA_VERSION,
      );
    }
  } catch (error) {
    throw toAppError(error);
  }
  return finishReport(report);
}
