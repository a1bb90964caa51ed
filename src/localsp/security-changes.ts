// Changes to who holds what: custom permission levels, groups and their members, breaking and
// resetting role inheritance, adding and removing role assignments. Each checks its permission first.
import { accessDenied, badRequest, SpError, unsupported } from "./errors";
import { has, P } from "./permissions";
import type { ApiResponse } from "./rest/http";
import { type GroupRow, WEB_SCOPE } from "./security";
import {
  boolArg,
  numberArg,
  principalNotFound,
  requireOn,
  roleDefinitionNotFound,
  scopeOf,
  type Securable,
  type SecurityHost,
} from "./security-host";
import { groupEntity, roleDefinitionEntity } from "./security-entities";
import type { Segment } from "./segments";

/** Group membership: the web's Manage Permissions, or membership of the group's owner group. */
export function requireGroupManager(host: SecurityHost, group: GroupRow): void {
  if (has(host.guard.web(), P.ManagePermissions)) return;
  if (
    group.ownerId !== null &&
    host.security.principalsOf(host.site.id, host.user.id).has(group.ownerId) &&
    has(host.guard.web(), P.Open)
  )
    return;
  throw accessDenied();
}

/**
 * A custom permission level (SP.RoleDefinitionCollection.add,
 * https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-visio/jj247128(v=office.15)):
 * creating one needs Manage Permissions on the web ("Permission levels" are managed by whoever
 * manages permissions, https://learn.microsoft.com/en-us/sharepoint/understanding-permission-levels).
 * The body carries BasePermissions as two 32-bit halves, Name, Description and Order.
 */
export async function createDefinition(host: SecurityHost): Promise<ApiResponse> {
  if (!has(host.guard.web(), P.ManagePermissions)) throw accessDenied();
  const body = host.body();
  const name = body.Name;
  if (typeof name !== "string" || name.trim() === "") throw badRequest("A permission level needs a Name.");
  if (host.security.definitions(host.site.id).some((d) => d.name.toLowerCase() === name.trim().toLowerCase())) {
    throw new SpError(
      500,
      "-2130575293, Microsoft.SharePoint.SPException",
      "The permission level name is already in use. Choose a different name.",
    );
  }
  const base = body.BasePermissions as { High?: unknown; Low?: unknown } | undefined;
  const half = (v: unknown): bigint => {
    const text = String(v ?? "0");
    if (!/^\d+$/.test(text)) throw badRequest("BasePermissions needs High and Low as unsigned integers.");
    return BigInt(text) & 0xffffffffn;
  };
  const mask = (half(base?.High) << 32n) | half(base?.Low);
  const order = typeof body.Order === "number" ? body.Order : 1000;
  const def = await host.commit(() =>
    host.security.addDefinition(host.site.id, {
      name: name.trim(),
      description: typeof body.Description === "string" ? body.Description : "",
      order,
      mask,
    }),
  );
  return { ...host.single(roleDefinitionEntity(host, def), "SP.RoleDefinition"), status: 201 };
}

export async function createGroup(host: SecurityHost): Promise<ApiResponse> {
  if (!has(host.guard.web(), P.CreateGroups)) throw accessDenied();
  const body = host.body();
  const title = body.Title;
  if (typeof title !== "string" || title.trim() === "") throw badRequest("A group needs a Title.");
  if (host.security.groupByTitle(host.site.id, title)) {
    throw new SpError(
      500,
      "-2130575293, Microsoft.SharePoint.SPException",
      `The specified name is already in use.\n\nPlease try again with a different name.`,
    );
  }
  // The creator owns the new group, as SharePoint does when no owner is given.
  const group = await host.commit(() => {
    const created = host.security.createGroup(
      host.site.id,
      title,
      typeof body.Description === "string" ? body.Description : "",
      host.user.id,
    );
    host.store.ensureSiteUser(host.site.id, host.user.id);
    return created;
  });
  return { ...host.single(groupEntity(host, group), "SP.Group"), status: 201 };
}

export async function removeGroup(host: SecurityHost, group: GroupRow): Promise<ApiResponse> {
  if (host.method !== "POST" && host.method !== "DELETE") throw unsupported(`${host.method} on removeById`);
  if (!has(host.guard.web(), P.ManagePermissions)) throw accessDenied();
  await host.commit(() => host.security.deleteGroup(host.site.id, group.id));
  return { status: 200, headers: {}, body: null };
}

export async function changeMember(
  host: SecurityHost,
  group: GroupRow,
  userId: number,
  how: "add" | "remove",
): Promise<ApiResponse> {
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

export async function breakInheritance(host: SecurityHost, on: Securable, seg: Segment): Promise<ApiResponse> {
  if (host.method !== "POST") throw unsupported(`${host.method} on breakroleinheritance`);
  requireOn(host, on, P.ManagePermissions);
  if (on.kind === "web")
    throw new SpError(
      400,
      "-2146232832, Microsoft.SharePoint.SPException",
      "You cannot break inheritance of permissions for the top-level site of a site collection.",
    );
  const copy = boolArg(seg, "copyRoleAssignments", true);
  const clear = boolArg(seg, "clearSubscopes", false);
  const { scope, parent } = scopeOf(on);
  const parentEffective = host.security.effectiveScope(host.site.id, on.kind === "item" ? on.list.guid : undefined);
  await host.commit(() =>
    host.security.breakInheritance(
      host.site.id,
      scope,
      parent === WEB_SCOPE ? WEB_SCOPE : parentEffective,
      copy,
      clear,
      host.user.id,
    ),
  );
  return { status: 200, headers: {}, body: null };
}

export async function resetInheritance(host: SecurityHost, on: Securable): Promise<ApiResponse> {
  if (host.method !== "POST") throw unsupported(`${host.method} on resetroleinheritance`);
  requireOn(host, on, P.ManagePermissions);
  if (on.kind === "web")
    throw new SpError(
      400,
      "-2146232832, Microsoft.SharePoint.SPException",
      "The top-level site of a site collection cannot inherit permissions.",
    );
  await host.commit(() => host.security.resetInheritance(host.site.id, scopeOf(on).scope));
  return { status: 200, headers: {}, body: null };
}

export async function changeAssignment(
  host: SecurityHost,
  on: Securable,
  seg: Segment,
  how: "add" | "remove",
): Promise<ApiResponse> {
  if (host.method !== "POST") throw unsupported(`${host.method} on ${seg.name}`);
  requireOn(host, on, P.ManagePermissions);
  const principalId = numberArg(seg, "principalid");
  const roleDefId = numberArg(seg, "roledefid");
  if (!host.security.definition(host.site.id, roleDefId)) throw roleDefinitionNotFound();
  if (!host.security.group(host.site.id, principalId) && !host.store.userById(principalId)) throw principalNotFound();
  const { scope } = scopeOf(on);
  if (!host.security.hasUnique(host.site.id, scope)) {
    // SharePoint refuses to change the assignments of an object that inherits them.
    throw new SpError(
      400,
      "-2146232832, Microsoft.SharePoint.SPException",
      "This operation is not allowed on an object that inherits permissions.",
    );
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
