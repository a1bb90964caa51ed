// Who holds what on a local site, kept as SharePoint keeps it: site groups and their members, role
// assignments (principal + permission level) on securable objects (the web, a list, an item) that
// either inherit from their parent or have unique assignments, and each list's ReadSecurity and
// WriteSecurity. Evaluation (effective permissions) follows SharePoint's rules only; see README.md.
// A request's view of it (one user, one token) is the Guard in guard.ts.
// One class because effective permissions are worked out from what it stores together: groups, members, role
// assignments per scope and each list's item-level settings.
import type Database from "better-sqlite3";
import {
  LEVEL,
  LIMITED_ACCESS_MASK,
  P,
  ROLE_DEFINITIONS,
  SELECTED_ROLE_MASKS,
  has,
  type Role,
  type RoleDefinition,
  type ScopeGrant,
} from "./permissions";
import type { SiteRow, Store } from "./store";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sec_sites (site_id INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS sec_groups (
  id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
  owner_id INTEGER, UNIQUE (site_id, title COLLATE NOCASE));
CREATE TABLE IF NOT EXISTS sec_members (group_id INTEGER NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (group_id, user_id));
CREATE TABLE IF NOT EXISTS sec_unique (site_id INTEGER NOT NULL, scope TEXT NOT NULL, PRIMARY KEY (site_id, scope));
CREATE TABLE IF NOT EXISTS sec_assignments (
  site_id INTEGER NOT NULL, scope TEXT NOT NULL, principal_id INTEGER NOT NULL, role_def_id INTEGER NOT NULL,
  PRIMARY KEY (site_id, scope, principal_id, role_def_id));
CREATE TABLE IF NOT EXISTS sec_list_settings (list_guid TEXT PRIMARY KEY, read_security INTEGER NOT NULL, write_security INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sec_selected_grants (site_id INTEGER PRIMARY KEY, role TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sec_role_defs (
  id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
  ord INTEGER NOT NULL, mask TEXT NOT NULL, UNIQUE (site_id, name COLLATE NOCASE));
`;

/**
 * Custom permission levels get ids after the built-in ones, as on SharePoint Online (the built-in
 * levels are 1073741825–1073741830; a site's own levels follow them).
 */
const FIRST_CUSTOM_ROLE_ID = 1073741924;

/** Site groups get principal ids of their own, apart from the directory's user ids. */
const FIRST_GROUP_ID = 1_000_000;

export const WEB_SCOPE = "web";
export function listScope(listGuid: string): string {
  return `list:${listGuid}`;
}
export function itemScope(listGuid: string, id: number): string {
  return `item:${listGuid}:${id}`;
}

export interface GroupRow {
  id: number;
  siteId: number;
  title: string;
  description: string;
  ownerId: number | null;
}

export interface Assignment {
  principalId: number;
  roleDefId: number;
}

export interface ListSecurity {
  /** 1: read all items; 2: read only items one created. */
  readSecurity: number;
  /** 1: edit all items; 2: edit only items one created; 4: edit none. */
  writeSecurity: number;
}

interface SiteSecurity {
  groups: Map<number, GroupRow>;
  members: Map<number, Set<number>>;
  /** The built-in permission levels and the site's own (SP.RoleDefinitionCollection.add). */
  definitions: Map<number, RoleDefinition>;
  unique: Set<string>;
  assignments: Map<string, Assignment[]>;
}

/** Where the demo directory's default role puts a user on a new site (a team site's three groups). */
function defaultGroup(role: Role | string): "Owners" | "Members" | "Visitors" | null {
  switch (role) {
    case "owner":
    case "editor":
      return "Owners";
    case "action-owner":
    case "network-chair":
      return "Members";
    case "reader":
      return "Visitors";
    default:
      return null;
  }
}

export class Security {
  private readonly db: Database.Database;
  private readonly cache = new Map<number, SiteSecurity>();
  private readonly listSettings = new Map<string, ListSecurity>();

  constructor(private readonly store: Store) {
    this.db = store.db;
    this.db.exec(SCHEMA);
  }

  private invalidate(siteId?: number): void {
    if (siteId === undefined) this.cache.clear();
    else this.cache.delete(siteId);
    this.listSettings.clear();
  }

  /**
   * A new site's security, as a team site starts: the Owners, Members and Visitors groups with
   * Full Control, Edit and Read on the web, and the directory's users in their default group.
   * Idempotent; runs in its own transaction the first time a site is used.
   */
  ensureSite(site: SiteRow): void {
    if (this.db.prepare("SELECT 1 FROM sec_sites WHERE site_id = ?").get(site.id)) return;
    this.store.transaction(() => {
      if (this.db.prepare("SELECT 1 FROM sec_sites WHERE site_id = ?").get(site.id)) return;
      this.db.prepare("INSERT INTO sec_sites (site_id) VALUES (?)").run(site.id);
      const ids: Record<string, number> = {};
      for (const [suffix, level] of [
        ["Owners", LEVEL.fullControl],
        ["Members", LEVEL.edit],
        ["Visitors", LEVEL.read],
      ] as const) {
        ids[suffix] = this.insertGroup(site.id, `${site.title} ${suffix}`, "", null);
        this.db.prepare("INSERT INTO sec_assignments VALUES (?, ?, ?, ?)").run(site.id, WEB_SCOPE, ids[suffix], level);
      }
      const owners = ids.Owners as number;
      this.db.prepare("UPDATE sec_groups SET owner_id = ? WHERE site_id = ?").run(owners, site.id);
      this.db.prepare("INSERT INTO sec_unique VALUES (?, ?)").run(site.id, WEB_SCOPE);
      const rows = this.db.prepare("SELECT user_id, role FROM role_assignments WHERE site_id = ?").all(site.id) as {
        user_id: number;
        role: string;
      }[];
      for (const row of rows) {
        const group = defaultGroup(row.role);
        if (group) this.db.prepare("INSERT OR IGNORE INTO sec_members VALUES (?, ?)").run(ids[group], row.user_id);
      }
    });
    this.invalidate(site.id);
  }

  private insertGroup(siteId: number, title: string, description: string, ownerId: number | null): number {
    const max = (this.db.prepare("SELECT MAX(id) AS m FROM sec_groups").get() as { m: number | null }).m;
    const id = Math.max(FIRST_GROUP_ID, (max ?? 0) + 1);
    this.db
      .prepare("INSERT INTO sec_groups (id, site_id, title, description, owner_id) VALUES (?, ?, ?, ?, ?)")
      .run(id, siteId, title, description, ownerId);
    return id;
  }

  private load(siteId: number): SiteSecurity {
    let s = this.cache.get(siteId);
    if (s) return s;
    s = {
      groups: new Map(),
      members: new Map(),
      unique: new Set(),
      assignments: new Map(),
      definitions: new Map(ROLE_DEFINITIONS.map((d) => [d.id, d])),
    };
    for (const d of this.db.prepare("SELECT * FROM sec_role_defs WHERE site_id = ?").all(siteId) as Record<
      string,
      unknown
    >[]) {
      const def: RoleDefinition = {
        id: d.id as number,
        name: d.name as string,
        roleTypeKind: 0,
        mask: BigInt(d.mask as string),
        order: d.ord as number,
        hidden: false,
        description: d.description as string,
      };
      s.definitions.set(def.id, def);
    }
    for (const g of this.db.prepare("SELECT * FROM sec_groups WHERE site_id = ?").all(siteId) as Record<
      string,
      unknown
    >[]) {
      const group: GroupRow = {
        id: g.id as number,
        siteId,
        title: g.title as string,
        description: g.description as string,
        ownerId: (g.owner_id as number | null) ?? null,
      };
      s.groups.set(group.id, group);
      s.members.set(group.id, new Set());
    }
    for (const m of this.db
      .prepare(
        "SELECT m.group_id, m.user_id FROM sec_members m JOIN sec_groups g ON g.id = m.group_id WHERE g.site_id = ?",
      )
      .all(siteId) as { group_id: number; user_id: number }[]) {
      s.members.get(m.group_id)?.add(m.user_id);
    }
    for (const u of this.db.prepare("SELECT scope FROM sec_unique WHERE site_id = ?").all(siteId) as {
      scope: string;
    }[])
      s.unique.add(u.scope);
    for (const a of this.db
      .prepare("SELECT scope, principal_id, role_def_id FROM sec_assignments WHERE site_id = ?")
      .all(siteId) as { scope: string; principal_id: number; role_def_id: number }[]) {
      const list = s.assignments.get(a.scope) ?? [];
      list.push({ principalId: a.principal_id, roleDefId: a.role_def_id });
      s.assignments.set(a.scope, list);
    }
    this.cache.set(siteId, s);
    return s;
  }

  // ---- permission levels

  /** The site's permission levels: the built-in ones, then the site's own, in id order. */
  definitions(siteId: number): RoleDefinition[] {
    return [...this.load(siteId).definitions.values()].sort((a, b) => a.order - b.order || a.id - b.id);
  }

  definition(siteId: number, id: number): RoleDefinition | undefined {
    return this.load(siteId).definitions.get(id);
  }

  /**
   * A custom permission level (RoleTypeKind 0, "None"). SharePoint refuses a second level with the
   * same name; the caller checks that first.
   */
  addDefinition(
    siteId: number,
    def: { name: string; description: string; order: number; mask: bigint },
  ): RoleDefinition {
    const max = (this.db.prepare("SELECT MAX(id) AS m FROM sec_role_defs").get() as { m: number | null }).m;
    const id = Math.max(FIRST_CUSTOM_ROLE_ID, (max ?? 0) + 1);
    this.db
      .prepare("INSERT INTO sec_role_defs (id, site_id, name, description, ord, mask) VALUES (?, ?, ?, ?, ?, ?)")
      .run(id, siteId, def.name, def.description, def.order, def.mask.toString());
    this.invalidate(siteId);
    return this.definition(siteId, id) as RoleDefinition;
  }

  private maskOf(s: SiteSecurity, roleDefId: number): bigint {
    return s.definitions.get(roleDefId)?.mask ?? 0n;
  }

  // ---- groups

  groups(siteId: number): GroupRow[] {
    return [...this.load(siteId).groups.values()].sort((a, b) => a.id - b.id);
  }

  group(siteId: number, id: number): GroupRow | undefined {
    return this.load(siteId).groups.get(id);
  }

  groupByTitle(siteId: number, title: string): GroupRow | undefined {
    return this.groups(siteId).find((g) => g.title.toLowerCase() === title.toLowerCase());
  }

  members(siteId: number, groupId: number): number[] {
    return [...(this.load(siteId).members.get(groupId) ?? [])].sort((a, b) => a - b);
  }

  /** The site's associated Owners, Members or Visitors group (the three created with the site). */
  associatedGroup(site: SiteRow, which: "Owners" | "Members" | "Visitors"): GroupRow | undefined {
    return this.groupByTitle(site.id, `${site.title} ${which}`);
  }

  createGroup(siteId: number, title: string, description: string, ownerId: number): GroupRow {
    const id = this.insertGroup(siteId, title, description, ownerId);
    this.invalidate(siteId);
    return this.group(siteId, id) as GroupRow;
  }

  updateGroup(siteId: number, id: number, patch: { title?: string; description?: string }): void {
    if (patch.title !== undefined) this.db.prepare("UPDATE sec_groups SET title = ? WHERE id = ?").run(patch.title, id);
    if (patch.description !== undefined)
      this.db.prepare("UPDATE sec_groups SET description = ? WHERE id = ?").run(patch.description, id);
    this.invalidate(siteId);
  }

  deleteGroup(siteId: number, id: number): void {
    this.db.prepare("DELETE FROM sec_members WHERE group_id = ?").run(id);
    this.db.prepare("DELETE FROM sec_assignments WHERE site_id = ? AND principal_id = ?").run(siteId, id);
    this.db.prepare("DELETE FROM sec_groups WHERE id = ?").run(id);
    this.invalidate(siteId);
  }

  addMember(siteId: number, groupId: number, userId: number): void {
    this.db.prepare("INSERT OR IGNORE INTO sec_members VALUES (?, ?)").run(groupId, userId);
    this.invalidate(siteId);
  }

  removeMember(siteId: number, groupId: number, userId: number): void {
    this.db.prepare("DELETE FROM sec_members WHERE group_id = ? AND user_id = ?").run(groupId, userId);
    this.invalidate(siteId);
  }

  // ---- role assignments and inheritance

  /** The scope whose assignments apply to an object: its own when unique, else its parent's. */
  effectiveScope(siteId: number, listGuid?: string, itemId?: number): string {
    const s = this.load(siteId);
    if (listGuid !== undefined && itemId !== undefined && s.unique.has(itemScope(listGuid, itemId)))
      return itemScope(listGuid, itemId);
    if (listGuid !== undefined && s.unique.has(listScope(listGuid))) return listScope(listGuid);
    return WEB_SCOPE;
  }

  hasUnique(siteId: number, scope: string): boolean {
    return this.load(siteId).unique.has(scope);
  }

  assignments(siteId: number, scope: string): Assignment[] {
    return [...(this.load(siteId).assignments.get(scope) ?? [])];
  }

  /**
   * breakRoleInheritance: the object gets assignments of its own, a copy of its parent's when
   * copyRoleAssignments, otherwise only the caller with Full Control. clearSubscopes resets the
   * children that had unique assignments. Already unique: nothing changes.
   */
  breakInheritance(
    siteId: number,
    scope: string,
    parentScope: string,
    copy: boolean,
    clearSubscopes: boolean,
    callerId: number,
  ): void {
    const s = this.load(siteId);
    if (!s.unique.has(scope)) {
      this.db.prepare("INSERT INTO sec_unique VALUES (?, ?)").run(siteId, scope);
      if (copy) {
        for (const a of s.assignments.get(parentScope) ?? [])
          this.insertAssignment(siteId, scope, a.principalId, a.roleDefId);
      } else {
        this.insertAssignment(siteId, scope, callerId, LEVEL.fullControl);
      }
    }
    if (clearSubscopes) this.clearChildren(siteId, scope);
    this.invalidate(siteId);
  }

  resetInheritance(siteId: number, scope: string): void {
    this.db.prepare("DELETE FROM sec_unique WHERE site_id = ? AND scope = ?").run(siteId, scope);
    this.db.prepare("DELETE FROM sec_assignments WHERE site_id = ? AND scope = ?").run(siteId, scope);
    this.invalidate(siteId);
  }

  private clearChildren(siteId: number, scope: string): void {
    const prefix = scope === WEB_SCOPE ? "%" : scope.startsWith("list:") ? `item:${scope.slice(5)}:%` : null;
    if (prefix === null) return;
    this.db
      .prepare("DELETE FROM sec_assignments WHERE site_id = ? AND scope LIKE ? AND scope <> ?")
      .run(siteId, prefix, WEB_SCOPE);
    this.db
      .prepare("DELETE FROM sec_unique WHERE site_id = ? AND scope LIKE ? AND scope <> ?")
      .run(siteId, prefix, WEB_SCOPE);
  }

  private insertAssignment(siteId: number, scope: string, principalId: number, roleDefId: number): void {
    this.db
      .prepare("INSERT OR IGNORE INTO sec_assignments VALUES (?, ?, ?, ?)")
      .run(siteId, scope, principalId, roleDefId);
  }

  addAssignment(siteId: number, scope: string, principalId: number, roleDefId: number): void {
    this.insertAssignment(siteId, scope, principalId, roleDefId);
    this.invalidate(siteId);
  }

  removeAssignment(siteId: number, scope: string, principalId: number, roleDefId?: number): void {
    if (roleDefId === undefined)
      this.db
        .prepare("DELETE FROM sec_assignments WHERE site_id = ? AND scope = ? AND principal_id = ?")
        .run(siteId, scope, principalId);
    else
      this.db
        .prepare("DELETE FROM sec_assignments WHERE site_id = ? AND scope = ? AND principal_id = ? AND role_def_id = ?")
        .run(siteId, scope, principalId, roleDefId);
    this.invalidate(siteId);
  }

  /** Drops an item's or list's own assignments when the object goes. */
  forgetScope(siteId: number, scope: string): void {
    this.resetInheritance(siteId, scope);
    if (scope.startsWith("list:")) this.clearChildren(siteId, scope);
    this.invalidate(siteId);
  }

  // ---- list settings

  listSecurity(listGuid: string): ListSecurity {
    let found = this.listSettings.get(listGuid);
    if (!found) {
      const row = this.db
        .prepare("SELECT read_security, write_security FROM sec_list_settings WHERE list_guid = ?")
        .get(listGuid) as { read_security: number; write_security: number } | undefined;
      found = { readSecurity: row?.read_security ?? 1, writeSecurity: row?.write_security ?? 1 };
      this.listSettings.set(listGuid, found);
    }
    return found;
  }

  setListSecurity(listGuid: string, patch: Partial<ListSecurity>): void {
    const next = { ...this.listSecurity(listGuid), ...patch };
    this.db
      .prepare(
        "INSERT INTO sec_list_settings VALUES (?, ?, ?) ON CONFLICT(list_guid) DO UPDATE SET read_security = excluded.read_security, write_security = excluded.write_security",
      )
      .run(listGuid, next.readSecurity, next.writeSecurity);
    this.listSettings.clear();
  }

  // ---- Sites.Selected grants (made by a tenant admin through Graph; here through /_localsp/grants)

  selectedGrant(siteId: number): string | undefined {
    return (
      this.db.prepare("SELECT role FROM sec_selected_grants WHERE site_id = ?").get(siteId) as
        { role: string } | undefined
    )?.role;
  }

  setSelectedGrant(siteId: number, role: string | null): void {
    if (role === null) this.db.prepare("DELETE FROM sec_selected_grants WHERE site_id = ?").run(siteId);
    else
      this.db
        .prepare(
          "INSERT INTO sec_selected_grants VALUES (?, ?) ON CONFLICT(site_id) DO UPDATE SET role = excluded.role",
        )
        .run(siteId, role);
  }

  // ---- evaluation

  /** The principal ids that stand for a user: the user and every group they belong to. */
  principalsOf(siteId: number, userId: number): Set<number> {
    const s = this.load(siteId);
    const ids = new Set<number>([userId]);
    for (const [groupId, members] of s.members) if (members.has(userId)) ids.add(groupId);
    return ids;
  }

  private scopeMask(s: SiteSecurity, scope: string, principals: Set<number>): bigint {
    let mask = 0n;
    for (const a of s.assignments.get(scope) ?? [])
      if (principals.has(a.principalId)) mask |= this.maskOf(s, a.roleDefId);
    return mask;
  }

  /**
   * A user's permissions on the web, a list or an item, before the token's scopes. Site collection
   * administrators have everything. A user granted something inside an object they cannot otherwise
   * open gets Limited Access on it (SharePoint records this as a Limited Access assignment).
   */
  userMask(site: SiteRow, userId: number, isSiteAdmin: boolean, listGuid?: string, itemId?: number): bigint {
    if (isSiteAdmin) return P.FullMask;
    const s = this.load(site.id);
    const principals = this.principalsOf(site.id, userId);
    let mask = this.scopeMask(s, this.effectiveScope(site.id, listGuid, itemId), principals);
    if (!has(mask, P.Open) && itemId === undefined) {
      const inside = listGuid === undefined ? "" : `item:${listGuid}:`;
      for (const [scope, list] of s.assignments) {
        if (scope === WEB_SCOPE || !scope.startsWith(inside) || !s.unique.has(scope)) continue;
        if (listGuid === undefined || scope !== listScope(listGuid)) {
          if (list.some((a) => principals.has(a.principalId) && this.maskOf(s, a.roleDefId) !== 0n)) {
            mask |= LIMITED_ACCESS_MASK;
            break;
          }
        }
      }
    }
    return mask;
  }

  /** What the token lets the app do on this site. */
  tokenMask(site: SiteRow, grant: ScopeGrant): bigint {
    if (grant.kind === "mask") return grant.mask;
    const role = this.selectedGrant(site.id);
    return grant.mask | (role ? (SELECTED_ROLE_MASKS[role] ?? 0n) : 0n);
  }
}
