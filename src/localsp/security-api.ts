// The REST surface of SharePoint's security model on webs, lists and items: role definitions, site
// groups and their users, role assignments, breakroleinheritance / resetroleinheritance and
// HasUniqueRoleAssignments. Every change needs Manage Permissions on the object (creating a group
// needs Create Groups on the web), after the token's scopes are applied.
import { SpError, accessDenied, badRequest, unsupported } from "./errors";
import { Entity, complexDocument, primitiveDocument, type Format } from "./format";
import { P, has, toBasePermissions, type RoleDefinition } from "./permissions";
import { WEB_SCOPE, itemScope, listScope, type Guard, type GroupRow, type Security } from "./security";
import { firstArg, type Segment } from "./segments";
import type { ItemRecord, ListRow, SiteRow, Store, UserRow } from "./store";
import type { ApiResponse } from "./rest/http";

export type Securable = { kind: "web" } | { kind: "list"; list: ListRow } | { kind: "item"; list: ListRow; item: ItemRecord };

export type SecurityResource =
  | { kind: "roleAssignments"; on: Securable }
  | { kind: "roleAssignment"; on: Securable; principalId: number }
  | { kind: "roleDefinitions" }
  | { kind: "roleDefinition"; def: RoleDefinition }
  | { kind: "groups" }
  | { kind: "group"; group: GroupRow }
  | { kind: "groupUsers"; group: GroupRow }
  | { kind: "groupOwner"; group: GroupRow }
  | { kind: "userGroups"; userId: number };

/** What the dispatcher lends this module for one request. */
export interface SecurityHost {
  method: string;
  format: Format;
  webUrl: string;
  site: SiteRow;
  user: UserRow;
  guard: Guard;
  security: Security;
  store: Store;
  body(): Record<string, unknown>;
  commit<T>(work: () => T): Promise<T>;
  single(entity: Entity, type: string): ApiResponse;
  collection(entities: Entity[], type: string): ApiResponse;
  json(status: number, body: unknown): ApiResponse;
  userEntity(user: UserRow): Entity;
  /** Looks a user up by login name or e-mail among the directory's users. */
  userByLogin(login: string): UserRow | undefined;
}

type Step = { resource: SecurityResource } | { response: Promise<ApiResponse> | ApiResponse } | null;

function scopeOf(on: Securable): { scope: string; parent: string } {
  switch (on.kind) {
    case "web":
      return { scope: WEB_SCOPE, parent: WEB_SCOPE };
    case "list":
      return { scope: listScope(on.list.guid), parent: WEB_SCOPE };
    case "item":
      return { scope: itemScope(on.list.guid, on.item.id), parent: listScope(on.list.guid) };
  }
}

function maskOn(host: SecurityHost, on: Securable): bigint {
  if (on.kind === "web") return host.guard.web();
  if (on.kind === "list") return host.guard.list(on.list);
  return host.guard.item(on.list, on.item);
}

function requireOn(host: SecurityHost, on: Securable, bit: bigint): void {
  if (!has(maskOn(host, on), bit)) throw accessDenied();
}

function principalNotFound(): SpError {
  return new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "Can not find the principal with id.");
}

function groupNotFound(): SpError {
  return new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "Group cannot be found.");
}

function roleDefinitionNotFound(): SpError {
  return new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "The role definition was not found.");
}

function numberArg(seg: Segment, name: string): number {
  const named = seg.args?.named ?? {};
  const value = named[name.toLowerCase()] ?? (Object.keys(named).length === 0 ? firstArg(seg) : undefined);
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n)) throw badRequest(`${seg.name} needs the parameter '${name}'.`);
  return n;
}

function boolArg(seg: Segment, name: string, fallback: boolean): boolean {
  const value = seg.args?.named?.[name.toLowerCase()];
  if (value === undefined) return fallback;
  return value === true || value === "true";
}

/** Resolves a security segment under the web, a list or an item; null when it is not one. */
export function securityStepOnSecurable(host: SecurityHost, on: Securable, seg: Segment, rest: Segment[]): Step {
  const last = rest.length === 0;
  switch (seg.name) {
    case "roleassignments":
      if (seg.args && firstArg(seg) !== undefined) return { resource: { kind: "roleAssignment", on, principalId: Number(firstArg(seg)) } };
      return { resource: { kind: "roleAssignments", on } };
    case "breakroleinheritance":
      if (last) return { response: breakInheritance(host, on, seg) };
      break;
    case "resetroleinheritance":
      if (last) return { response: resetInheritance(host, on) };
      break;
    case "hasuniqueroleassignments":
      if (last && host.method === "GET") {
        const value = on.kind === "web" ? true : host.security.hasUnique(host.site.id, scopeOf(on).scope);
        return { response: host.json(200, primitiveDocument("HasUniqueRoleAssignments", value, host.format, `${host.webUrl}/_api/$metadata#Edm.Boolean`)) };
      }
      break;
  }
  if (on.kind !== "web") return null;
  switch (seg.name) {
    case "roledefinitions":
      if (seg.args && firstArg(seg) !== undefined) {
        const def = host.security.definition(host.site.id, Number(firstArg(seg)));
        if (!def) throw roleDefinitionNotFound();
        return { resource: { kind: "roleDefinition", def } };
      }
      return { resource: { kind: "roleDefinitions" } };
    case "sitegroups":
      if (seg.args && firstArg(seg) !== undefined) return { resource: { kind: "group", group: groupById(host, Number(firstArg(seg))) } };
      return { resource: { kind: "groups" } };
    case "associatedownergroup":
    case "associatedmembergroup":
    case "associatedvisitorgroup": {
      const which = seg.name === "associatedownergroup" ? "Owners" : seg.name === "associatedmembergroup" ? "Members" : "Visitors";
      const group = host.security.associatedGroup(host.site, which);
      if (!group) throw groupNotFound();
      return { resource: { kind: "group", group } };
    }
  }
  return null;
}

function groupById(host: SecurityHost, id: number): GroupRow {
  const group = host.security.group(host.site.id, id);
  if (!group) throw groupNotFound();
  return group;
}

/** Resolves a segment after a security resource. */
export function securityStep(host: SecurityHost, at: SecurityResource, seg: Segment, rest: Segment[]): Step {
  const last = rest.length === 0;
  switch (at.kind) {
    case "roleAssignments":
      switch (seg.name) {
        case "addroleassignment":
          if (last) return { response: changeAssignment(host, at.on, seg, "add") };
          break;
        case "removeroleassignment":
          if (last) return { response: changeAssignment(host, at.on, seg, "remove") };
          break;
        case "getbyprincipalid":
          return { resource: { kind: "roleAssignment", on: at.on, principalId: Number(firstArg(seg)) } };
      }
      break;
    case "roleDefinitions":
      switch (seg.name) {
        case "getbyid": {
          const def = host.security.definition(host.site.id, Number(firstArg(seg)));
          if (!def) throw roleDefinitionNotFound();
          return { resource: { kind: "roleDefinition", def } };
        }
        case "getbyname": {
          const def = host.security.definitions(host.site.id).find((d) => d.name.toLowerCase() === String(firstArg(seg) ?? "").toLowerCase());
          if (!def) throw roleDefinitionNotFound();
          return { resource: { kind: "roleDefinition", def } };
        }
        case "getbytype": {
          const def = host.security.definitions(host.site.id).find((d) => d.roleTypeKind !== 0 && d.roleTypeKind === Number(firstArg(seg)));
          if (!def) throw roleDefinitionNotFound();
          return { resource: { kind: "roleDefinition", def } };
        }
      }
      break;
    case "groups":
      switch (seg.name) {
        case "getbyid":
          return { resource: { kind: "group", group: groupById(host, Number(firstArg(seg))) } };
        case "getbyname": {
          const group = host.security.groupByTitle(host.site.id, String(firstArg(seg) ?? ""));
          if (!group) throw groupNotFound();
          return { resource: { kind: "group", group } };
        }
        case "removebyid":
          if (last) return { response: removeGroup(host, groupById(host, Number(firstArg(seg)))) };
          break;
        case "removebyloginname": {
          const group = host.security.groupByTitle(host.site.id, String(firstArg(seg) ?? ""));
          if (!group) throw groupNotFound();
          if (last) return { response: removeGroup(host, group) };
          break;
        }
      }
      break;
    case "group":
      if (seg.name === "users") return { resource: { kind: "groupUsers", group: at.group } };
      if (seg.name === "owner") return { resource: { kind: "groupOwner", group: at.group } };
      break;
    case "groupUsers":
      switch (seg.name) {
        case "getbyid":
        case "getbyemail":
        case "getbyloginname":
          break;
        case "removebyid":
          if (last) return { response: changeMember(host, at.group, Number(firstArg(seg)), "remove") };
          break;
        case "removebyloginname": {
          const user = host.userByLogin(String(firstArg(seg) ?? ""));
          if (!user) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
          if (last) return { response: changeMember(host, at.group, user.id, "remove") };
          break;
        }
      }
      break;
    default:
      break;
  }
  return null;
}

// ---- entities

function roleDefinitionEntity(host: SecurityHost, def: RoleDefinition): Entity {
  const path = `Web/RoleDefinitions(${def.id})`;
  return new Entity(
    { type: "SP.RoleDefinition", id: `${host.webUrl}/_api/${path}`, uri: `${host.webUrl}/_api/${path}`, editLink: path },
    {
      BasePermissions: toBasePermissions(def.mask),
      Description: def.description,
      Hidden: def.hidden,
      Id: def.id,
      Name: def.name,
      Order: def.order,
      RoleTypeKind: def.roleTypeKind,
    },
  );
}

function groupEntity(host: SecurityHost, group: GroupRow): Entity {
  const path = `Web/SiteGroups/GetById(${group.id})`;
  const owner = group.ownerId === null ? undefined : host.security.group(host.site.id, group.ownerId);
  return new Entity(
    { type: "SP.Group", id: `${host.webUrl}/_api/${path}`, uri: `${host.webUrl}/_api/${path}`, editLink: path },
    {
      Id: group.id,
      IsHiddenInUI: false,
      LoginName: group.title,
      Title: group.title,
      PrincipalType: 8,
      AllowMembersEditMembership: false,
      AllowRequestToJoinLeave: false,
      AutoAcceptRequestToJoinLeave: false,
      Description: group.description,
      OnlyAllowMembersViewMembership: false,
      OwnerTitle: owner?.title ?? "",
      RequestToJoinLeaveEmailSetting: null,
    },
  );
}

function principalEntity(host: SecurityHost, principalId: number): Entity | null {
  const group = host.security.group(host.site.id, principalId);
  if (group) return groupEntity(host, group);
  const user = host.store.userById(principalId);
  return user ? host.userEntity(user) : null;
}

function assignmentEntity(host: SecurityHost, on: Securable, principalId: number): Entity {
  const effective = host.security.effectiveScope(host.site.id, on.kind === "web" ? undefined : on.list.guid, on.kind === "item" ? on.item.id : undefined);
  const defs = host.security
    .assignments(host.site.id, effective)
    .filter((a) => a.principalId === principalId)
    .map((a) => host.security.definition(host.site.id, a.roleDefId))
    .filter((d): d is RoleDefinition => d !== undefined);
  const path = `Web/RoleAssignments/GetByPrincipalId(${principalId})`;
  const member = principalEntity(host, principalId);
  const props: Record<string, unknown> = { PrincipalId: principalId };
  if (member) props.Member = member;
  props.RoleDefinitionBindings = defs.map((d) => roleDefinitionEntity(host, d));
  return new Entity({ type: "SP.RoleAssignment", id: `${host.webUrl}/_api/${path}`, uri: `${host.webUrl}/_api/${path}`, editLink: path }, props);
}

function assignmentsOf(host: SecurityHost, on: Securable): number[] {
  const effective = host.security.effectiveScope(host.site.id, on.kind === "web" ? undefined : on.list.guid, on.kind === "item" ? on.item.id : undefined);
  return [...new Set(host.security.assignments(host.site.id, effective).map((a) => a.principalId))];
}

// ---- answering

export async function answerSecurity(host: SecurityHost, r: SecurityResource): Promise<ApiResponse> {
  const { method } = host;
  switch (r.kind) {
    case "roleDefinitions":
      if (method === "GET") return host.collection(host.security.definitions(host.site.id).map((d) => roleDefinitionEntity(host, d)), "SP.RoleDefinition");
      if (method === "POST") return await createDefinition(host);
      break;
    case "roleDefinition":
      if (method === "GET") return host.single(roleDefinitionEntity(host, r.def), "SP.RoleDefinition");
      break;
    case "roleAssignments":
      if (method === "GET") {
        requireOn(host, r.on, P.EnumeratePermissions);
        return host.collection(assignmentsOf(host, r.on).map((id) => assignmentEntity(host, r.on, id)), "SP.RoleAssignment");
      }
      break;
    case "roleAssignment":
      if (method === "GET") {
        requireOn(host, r.on, P.EnumeratePermissions);
        if (!assignmentsOf(host, r.on).includes(r.principalId)) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "Can not find the principal with id.");
        return host.single(assignmentEntity(host, r.on, r.principalId), "SP.RoleAssignment");
      }
      break;
    case "groups":
      if (method === "GET") return host.collection(host.security.groups(host.site.id).map((g) => groupEntity(host, g)), "SP.Group");
      if (method === "POST") return await createGroup(host);
      break;
    case "group":
      if (method === "GET") return host.single(groupEntity(host, r.group), "SP.Group");
      if (method === "MERGE" || method === "PATCH") {
        requireGroupManager(host, r.group);
        const body = host.body();
        await host.commit(() =>
          host.security.updateGroup(host.site.id, r.group.id, {
            title: typeof body.Title === "string" ? body.Title : undefined,
            description: typeof body.Description === "string" ? body.Description : undefined,
          }),
        );
        return { status: 204, headers: {}, body: null };
      }
      if (method === "DELETE") return await removeGroup(host, r.group);
      break;
    case "userGroups":
      // SP.User.Groups: the site groups the user belongs to
      // (https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj244862(v=office.15)).
      if (method === "GET") {
        const groups = host.security.groups(host.site.id).filter((g) => host.security.members(host.site.id, g.id).includes(r.userId));
        return host.collection(groups.map((g) => groupEntity(host, g)), "SP.Group");
      }
      break;
    case "groupOwner":
      if (method === "GET") {
        const owner = r.group.ownerId === null ? null : principalEntity(host, r.group.ownerId);
        if (!owner) throw groupNotFound();
        return host.single(owner, owner.meta.type);
      }
      break;
    case "groupUsers":
      if (method === "GET") {
        const users = host.security.members(host.site.id, r.group.id).map((id) => host.store.userById(id)).filter((u): u is UserRow => u !== undefined);
        return host.collection(users.map((u) => host.userEntity(u)), "SP.User");
      }
      if (method === "POST") {
        const body = host.body();
        const login = body.LoginName;
        if (typeof login !== "string" || login.trim() === "") throw badRequest("Adding a user to a group needs LoginName.");
        const user = host.userByLogin(login);
        if (!user) throw new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", `The specified user ${login} could not be found.`);
        await changeMember(host, r.group, user.id, "add");
        return host.single(host.userEntity(user), "SP.User");
      }
      break;
  }
  throw unsupported(`${method} on ${r.kind}`);
}

/** Group membership: the web's Manage Permissions, or membership of the group's owner group. */
function requireGroupManager(host: SecurityHost, group: GroupRow): void {
  if (has(host.guard.web(), P.ManagePermissions)) return;
  if (group.ownerId !== null && host.security.principalsOf(host.site.id, host.user.id).has(group.ownerId) && has(host.guard.web(), P.Open)) return;
  throw accessDenied();
}

/**
 * A custom permission level (SP.RoleDefinitionCollection.add,
 * https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-visio/jj247128(v=office.15)):
 * creating one needs Manage Permissions on the web ("Permission levels" are managed by whoever
 * manages permissions, https://learn.microsoft.com/en-us/sharepoint/understanding-permission-levels).
 * The body carries BasePermissions as two 32-bit halves, Name, Description and Order.
 */
async function createDefinition(host: SecurityHost): Promise<ApiResponse> {
  if (!has(host.guard.web(), P.ManagePermissions)) throw accessDenied();
  const body = host.body();
  const name = body.Name;
  if (typeof name !== "string" || name.trim() === "") throw badRequest("A permission level needs a Name.");
  if (host.security.definitions(host.site.id).some((d) => d.name.toLowerCase() === name.trim().toLowerCase())) {
    throw new SpError(500, "-2130575293, Microsoft.SharePoint.SPException", "The permission level name is already in use. Choose a different name.");
  }
  const base = body.BasePermissions as { High?: unknown; Low?: unknown } | undefined;
  const half = (v: unknown): bigint => {
    const text = String(v ?? "0");
    if (!/^\d+$/.test(text)) throw badRequest("BasePermissions needs High and Low as unsigned integers.");
    return BigInt(text) & 0xffffffffn;
  };
  const mask = (half(base?.High) << 32n) | half(base?.Low);
  const order = typeof body.Order === "number" ? body.Order : 1000;
  const def = await host.commit(() => host.security.addDefinition(host.site.id, { name: name.trim(), description: typeof body.Description === "string" ? body.Description : "", order, mask }));
  return { ...host.single(roleDefinitionEntity(host, def), "SP.RoleDefinition"), status: 201 };
}

async function createGroup(host: SecurityHost): Promise<ApiResponse> {
  if (!has(host.guard.web(), P.CreateGroups)) throw accessDenied();
  const body = host.body();
  const title = body.Title;
  if (typeof title !== "string" || title.trim() === "") throw badRequest("A group needs a Title.");
  if (host.security.groupByTitle(host.site.id, title)) {
    throw new SpError(500, "-2130575293, Microsoft.SharePoint.SPException", `The specified name is already in use.\n\nPlease try again with a different name.`);
  }
  // The creator owns the new group, as SharePoint does when no owner is given.
  const group = await host.commit(() => {
    const created = host.security.createGroup(host.site.id, title, typeof body.Description === "string" ? body.Description : "", host.user.id);
    host.store.ensureSiteUser(host.site.id, host.user.id);
    return created;
  });
  return { ...host.single(groupEntity(host, group), "SP.Group"), status: 201 };
}

async function removeGroup(host: SecurityHost, group: GroupRow): Promise<ApiResponse> {
  if (host.method !== "POST" && host.method !== "DELETE") throw unsupported(`${host.method} on removeById`);
  if (!has(host.guard.web(), P.ManagePermissions)) throw accessDenied();
  await host.commit(() => host.security.deleteGroup(host.site.id, group.id));
  return { status: 200, headers: {}, body: null };
}

async function changeMember(host: SecurityHost, group: GroupRow, userId: number, how: "add" | "remove"): Promise<ApiResponse> {
  requireGroupManager(host, group);
  await host.commit(() => {
    if (how === "add") {
      host.store.ensureSiteUser(host.site.id, userId);
      host.security.addMember(host.site.id, group.id, userId);
    } else {
      host.security.removeMember(host.site.id, group.id, userId);
    }
  });
  return { status: 200, headers: {}, body: null };
}

async function breakInheritance(host: SecurityHost, on: Securable, seg: Segment): Promise<ApiResponse> {
  if (host.method !== "POST") throw unsupported(`${host.method} on breakroleinheritance`);
  requireOn(host, on, P.ManagePermissions);
  if (on.kind === "web") throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "You cannot break inheritance of permissions for the top-level site of a site collection.");
  const copy = boolArg(seg, "copyRoleAssignments", true);
  const clear = boolArg(seg, "clearSubscopes", false);
  const { scope, parent } = scopeOf(on);
  const parentEffective = host.security.effectiveScope(host.site.id, on.kind === "item" ? on.list.guid : undefined);
  await host.commit(() => host.security.breakInheritance(host.site.id, scope, parent === WEB_SCOPE ? WEB_SCOPE : parentEffective, copy, clear, host.user.id));
  return { status: 200, headers: {}, body: null };
}

async function resetInheritance(host: SecurityHost, on: Securable): Promise<ApiResponse> {
  if (host.method !== "POST") throw unsupported(`${host.method} on resetroleinheritance`);
  requireOn(host, on, P.ManagePermissions);
  if (on.kind === "web") throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "The top-level site of a site collection cannot inherit permissions.");
  await host.commit(() => host.security.resetInheritance(host.site.id, scopeOf(on).scope));
  return { status: 200, headers: {}, body: null };
}

async function changeAssignment(host: SecurityHost, on: Securable, seg: Segment, how: "add" | "remove"): Promise<ApiResponse> {
  if (host.method !== "POST") throw unsupported(`${host.method} on ${seg.name}`);
  requireOn(host, on, P.ManagePermissions);
  const principalId = numberArg(seg, "principalid");
  const roleDefId = numberArg(seg, "roledefid");
  if (!host.security.definition(host.site.id, roleDefId)) throw roleDefinitionNotFound();
  if (!host.security.group(host.site.id, principalId) && !host.store.userById(principalId)) throw principalNotFound();
  const { scope } = scopeOf(on);
  if (!host.security.hasUnique(host.site.id, scope)) {
    // SharePoint refuses to change the assignments of an object that inherits them.
    throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "This operation is not allowed on an object that inherits permissions.");
  }
  await host.commit(() => {
    if (how === "add") {
      if (host.store.userById(principalId)) host.store.ensureSiteUser(host.site.id, principalId);
      host.security.addAssignment(host.site.id, scope, principalId, roleDefId);
    } else {
      host.security.removeAssignment(host.site.id, scope, principalId, roleDefId);
    }
  });
  return { status: 200, headers: {}, body: null };
}

export function basePermissionsDocument(host: { format: Format; webUrl: string }, mask: bigint): unknown {
  return complexDocument("EffectiveBasePermissions", "SP.BasePermissions", toBasePermissions(mask), host.format, `${host.webUrl}/_api/$metadata#SP.BasePermissions`);
}
