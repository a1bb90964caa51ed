// The plan's permission model, applied by set-up so that SharePoint itself enforces each role
// (docs/permissions.md): three site groups, the app's lists and the WRES Data library stop
// inheriting the site's permissions (on a team site Members have Edit, which includes Manage
// Lists), and the progress history is WriteSecurity 2 (people change only the rows they wrote).
// Idempotent: a second run only reads, and adds what is missing.
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/security/index.js";
import "@pnp/sp/site-groups/index.js";
import "@pnp/sp/site-users/index.js";
import { hasPermission, PermissionKind, webPermissions } from "./permissions";
import { LIST_TITLES, listsAt, SCHEMA_VERSION, type ListKey } from "./schema";
import { planList } from "./lists";

/** The site groups set-up creates. Plan editors are the people who own the plan. */
export const PLAN_GROUPS = {
  editors: "WRES Plan Editors",
  contributors: "WRES Plan Contributors",
  readers: "WRES Plan Readers",
} as const;

export type PlanGroupKey = keyof typeof PLAN_GROUPS;

const GROUP_DESCRIPTIONS: Record<PlanGroupKey, string> = {
  editors:
    "WRES action plans: edit the whole plan, import and roll over years, and read and save the WRES workbooks and indicators.",
  contributors:
    "WRES action plans: write progress updates and comments (action leads and staff network chairs); read the plan.",
  readers: "WRES action plans: read the plan and its indicators (committee members).",
};

/** SP.RoleType values of the built-in permission levels the model uses. */
const ROLE_TYPE = { read: 2, contribute: 3, design: 4, fullControl: 5 } as const;
type Level = keyof typeof ROLE_TYPE | "addOnly";

/**
 * A permission level of the app's own: view and add items (or upload new files), never edit or
 * delete them. Plan editors hold it on the cycle's record and the approved copies, so what they
 * record stays as recorded: only a site owner (Full Control) can change it. SPBasePermissions:
 * https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms412690(v=office.15)
 * ("AddListItems: add items to lists, add documents to document libraries"; editing is
 * EditListItems). Custom levels: https://learn.microsoft.com/en-us/sharepoint/understanding-permission-levels
 */
export const ADD_ONLY_LEVEL = {
  name: "WRES Add Only",
  description: "WRES action plans: view and add items and documents; never edit or delete them.",
  // ViewListItems, AddListItems, OpenItems, ViewVersions, ViewFormPages, Open, ViewPages,
  // CreateSSCSite, BrowseUserInfo, UseClientIntegration, UseRemoteAPIs, CreateAlerts (Read + Add Items).
  basePermissions: { High: 0x00000090, Low: 0x0843_1063 },
} as const;

/** Who gets which level on each list; "owners", "members" and "visitors" are the site's own groups. */
type Grantee = PlanGroupKey | "owners" | "members" | "visitors";

const PLAN_READERS: readonly Grantee[] = ["contributors", "readers", "members", "visitors"];

export const LIST_GRANTS: Record<ListKey, { grants: [Grantee, Level][]; writeSecurity?: 2 }> = {
  objectives: {
    grants: [
      ["owners", "fullControl"],
      ["editors", "design"],
      ...PLAN_READERS.map((g): [Grantee, Level] => [g, "read"]),
    ],
  },
  actions: {
    grants: [
      ["owners", "fullControl"],
      ["editors", "design"],
      ...PLAN_READERS.map((g): [Grantee, Level] => [g, "read"]),
    ],
  },
  progressUpdates: {
    grants: [
      ["owners", "fullControl"],
      ["editors", "design"],
      ["contributors", "contribute"],
      ...(["readers", "members", "visitors"] as const).map((g): [Grantee, Level] => [g, "read"]),
    ],
    writeSecurity: 2,
  },
  indicatorResults: {
    grants: [
      ["owners", "fullControl"],
      ["editors", "design"],
      ...PLAN_READERS.map((g): [Grantee, Level] => [g, "read"]),
    ],
  },
  // Targets and comparison figures: as the results they sit beside.
  indicatorFigures: {
    grants: [
      ["owners", "fullControl"],
      ["editors", "design"],
      ...PLAN_READERS.map((g): [Grantee, Level] => [g, "read"]),
    ],
  },
  // Staff-level, special-category data: plan editors only (site owners keep Full Control; the
  // library cannot be hidden from them).
  dataFiles: {
    grants: [
      ["owners", "fullControl"],
      ["editors", "design"],
    ],
  },
  // What plan editors record here stays as recorded (add only); only site owners can change it.
  planCycle: {
    grants: [
      ["owners", "fullControl"],
      ["editors", "addOnly"],
      ...PLAN_READERS.map((g): [Grantee, Level] => [g, "read"]),
    ],
  },
  approvedPlans: {
    grants: [
      ["owners", "fullControl"],
      ["editors", "addOnly"],
      ...PLAN_READERS.map((g): [Grantee, Level] => [g, "read"]),
    ],
  },
  // Everyone who comments changes only their own comments (editors too: Contribute, not Design,
  // which would override WriteSecurity), so a comment reads as its author wrote it.
  consultation: {
    grants: [
      ["owners", "fullControl"],
      ["editors", "contribute"],
      ["contributors", "contribute"],
      ["members", "contribute"],
      ["readers", "read"],
      ["visitors", "read"],
    ],
    writeSecurity: 2,
  },
};

export interface SecurityReport {
  createdGroups: string[];
  /** Lists that stopped inheriting in this run. */
  securedLists: string[];
}

interface GroupInfo {
  Id: number;
  Title: string;
}

/** Whether the model is already in place (groups exist, every list the site has at `version` has unique permissions). */
export async function securityModelInPlace(sp: SPFI, version = SCHEMA_VERSION): Promise<boolean> {
  const groups = await sp.web.siteGroups.select("Title")<GroupInfo[]>();
  const titles = new Set(groups.map((g) => g.Title.toLowerCase()));
  if (!Object.values(PLAN_GROUPS).every((t) => titles.has(t.toLowerCase()))) return false;
  for (const key of listsAt(version).map((l) => l.key)) {
    const info = await planList(sp.web, key).select("HasUniqueRoleAssignments")<{
      HasUniqueRoleAssignments: boolean;
    }>();
    if (!info.HasUniqueRoleAssignments) return false;
  }
  return true;
}

/**
 * Creates the groups (the person setting up joins Plan Editors), stops inheritance on the app's
 * lists and library and grants each group its level. Needs Manage Permissions and Create Groups on
 * the site (Full Control, through a token carrying AllSites.FullControl or Sites.Selected with
 * full control on this site).
 */
export async function applySecurityModel(sp: SPFI, version = SCHEMA_VERSION): Promise<SecurityReport> {
  const report: SecurityReport = { createdGroups: [], securedLists: [] };
  const existing = await sp.web.siteGroups.select("Id", "Title")<GroupInfo[]>();
  const ids = new Map<Grantee, number>();
  for (const key of Object.keys(PLAN_GROUPS) as PlanGroupKey[]) {
    const title = PLAN_GROUPS[key];
    let group = existing.find((g) => g.Title.toLowerCase() === title.toLowerCase());
    if (!group) {
      const added = (await sp.web.siteGroups.add({
        Title: title,
        Description: GROUP_DESCRIPTIONS[key],
      })) as unknown as GroupInfo;
      group = { Id: added.Id, Title: title };
      report.createdGroups.push(title);
    }
    ids.set(key, group.Id);
  }
  if (report.createdGroups.includes(PLAN_GROUPS.editors)) {
    const me = await sp.web.currentUser.select("LoginName")<{ LoginName: string }>();
    await sp.web.siteGroups.getById(ids.get("editors") as number).users.add(me.LoginName);
  }
  const [owners, members, visitors] = await Promise.all([
    sp.web.associatedOwnerGroup.select("Id")<GroupInfo>(),
    sp.web.associatedMemberGroup.select("Id")<GroupInfo>(),
    sp.web.associatedVisitorGroup.select("Id")<GroupInfo>(),
  ]);
  ids.set("owners", owners.Id);
  ids.set("members", members.Id);
  ids.set("visitors", visitors.Id);
  const lists = listsAt(version).map((l) => l.key);
  const definitions = await sp.web.roleDefinitions.select("Id", "Name", "RoleTypeKind")<
    { Id: number; Name: string; RoleTypeKind: number }[]
  >();
  const needsAddOnly = lists.some((key) => LIST_GRANTS[key].grants.some(([, level]) => level === "addOnly"));
  if (needsAddOnly && !definitions.some((d) => d.Name.toLowerCase() === ADD_ONLY_LEVEL.name.toLowerCase())) {
    const added = await sp.web.roleDefinitions.add(
      ADD_ONLY_LEVEL.name,
      ADD_ONLY_LEVEL.description,
      200,
      ADD_ONLY_LEVEL.basePermissions,
    );
    definitions.push({ Id: Number((added.data as { Id: number }).Id), Name: ADD_ONLY_LEVEL.name, RoleTypeKind: 0 });
  }
  const levelId = (level: Level): number => {
    const found =
      level === "addOnly"
        ? definitions.find((d) => d.Name.toLowerCase() === ADD_ONLY_LEVEL.name.toLowerCase())
        : definitions.find((d) => d.RoleTypeKind === ROLE_TYPE[level]);
    if (!found) throw new Error(`The site has no ${level} permission level`);
    return found.Id;
  };
  for (const key of lists) {
    const list = planList(sp.web, key);
    const info = await list.select("HasUniqueRoleAssignments")<{ HasUniqueRoleAssignments: boolean }>();
    if (!info.HasUniqueRoleAssignments) {
      // Not copying the site's assignments: on a team site they include Members with Edit.
      await list.breakRoleInheritance(false, true);
      report.securedLists.push(LIST_TITLES[key]);
    }
    const spec = LIST_GRANTS[key];
    for (const [grantee, level] of spec.grants)
      await list.roleAssignments.add(ids.get(grantee) as number, levelId(level));
    if (spec.writeSecurity) await list.update({ WriteSecurity: spec.writeSecurity });
  }
  return report;
}

/** Members of the Plan Editors group (user ids); none when the group does not exist yet. */
export async function planEditorIds(sp: SPFI): Promise<Set<number>> {
  try {
    const users = await sp.web.siteGroups.getByName(PLAN_GROUPS.editors).users.select("Id")<{ Id: number }[]>();
    return new Set(users.map((u) => u.Id));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return new Set();
    throw error;
  }
}

/** Adds a person to one of the plan's groups (needs Manage Permissions, or owning the group). */
export async function addToPlanGroup(sp: SPFI, group: PlanGroupKey, loginName: string): Promise<void> {
  await sp.web.siteGroups.getByName(PLAN_GROUPS[group]).users.add(loginName);
}

/** Whether this user, with this sign-in, can set the plan up; if not, exactly what is missing. */
export type SetUpCheck =
  | { canSetUp: true }
  | { canSetUp: false; missing: "scope"; scope: string }
  | { canSetUp: false; missing: "sitePermission" }
  /** Sites.Selected: the app has no full-control grant on this site (or, if it has, the user lacks Full Control). */
  | { canSetUp: false; missing: "siteGrant" };

/**
 * Decided with the set-up token, never the everyday one (SharePoint trims each token to its
 * scopes): Manage Lists, Manage Permissions and Create Groups on the site. `grantedScopes`, when
 * known, are the scopes that token carries; without the set-up scope the answer is "scope".
 * With `Sites.Selected` the token reaches past Contribute only where a tenant admin granted the
 * app a role: Manage Lists without Manage Permissions then means the grant is there and the user
 * is not a site owner; neither means the grant is missing (a site owner cannot tell the two apart).
 */
export async function checkSetUp(
  setUpSp: SPFI,
  grantedScopes: readonly string[] | null,
  setUpScope: string,
): Promise<SetUpCheck> {
  if (grantedScopes && !grantedScopes.some((s) => s.toLowerCase().endsWith(setUpScope.toLowerCase()))) {
    return { canSetUp: false, missing: "scope", scope: setUpScope };
  }
  const perms = await webPermissions(setUpSp);
  const all = [PermissionKind.ManageLists, PermissionKind.ManagePermissions, PermissionKind.CreateGroups].every(
    (kind) => hasPermission(perms, kind),
  );
  if (all) return { canSetUp: true };
  if (setUpScope.toLowerCase().endsWith("sites.selected") && !hasPermission(perms, PermissionKind.ManageLists))
    return { canSetUp: false, missing: "siteGrant" };
  return { canSetUp: false, missing: "sitePermission" };
}
