// Answering the security endpoints that security-api.ts resolves: role definitions, groups and
// their users, role assignments and inheritance, and the effective permissions document.
import { badRequest, SpError, unsupported } from "./errors";
import { complexDocument, type Format } from "./format";
import { P, toBasePermissions } from "./permissions";
import type { ApiResponse } from "./rest/http";
import { groupNotFound, requireOn, type SecurityHost, type SecurityResource } from "./security-host";
import { changeMember, createDefinition, createGroup, removeGroup, requireGroupManager } from "./security-changes";
import {
  assignmentEntity,
  assignmentsOf,
  groupEntity,
  principalEntity,
  roleDefinitionEntity,
} from "./security-entities";
import type { UserRow } from "./store";

export async function answerSecurity(host: SecurityHost, r: SecurityResource): Promise<ApiResponse> {
  const { method } = host;
  switch (r.kind) {
    case "roleDefinitions":
      if (method === "GET")
        return host.collection(
          host.security.definitions(host.site.id).map((d) => roleDefinitionEntity(host, d)),
          "SP.RoleDefinition",
        );
      if (method === "POST") return await createDefinition(host);
      break;
    case "roleDefinition":
      if (method === "GET") return host.single(roleDefinitionEntity(host, r.def), "SP.RoleDefinition");
      break;
    case "roleAssignments":
      if (method === "GET") {
        requireOn(host, r.on, P.EnumeratePermissions);
        return host.collection(
          assignmentsOf(host, r.on).map((id) => assignmentEntity(host, r.on, id)),
          "SP.RoleAssignment",
        );
      }
      break;
    case "roleAssignment":
      if (method === "GET") {
        requireOn(host, r.on, P.EnumeratePermissions);
        if (!assignmentsOf(host, r.on).includes(r.principalId))
          throw new SpError(
            404,
            "-2146232832, Microsoft.SharePoint.SPException",
            "Can not find the principal with id.",
          );
        return host.single(assignmentEntity(host, r.on, r.principalId), "SP.RoleAssignment");
      }
      break;
    case "groups":
      if (method === "GET")
        return host.collection(
          host.security.groups(host.site.id).map((g) => groupEntity(host, g)),
          "SP.Group",
        );
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
        const groups = host.security
          .groups(host.site.id)
          .filter((g) => host.security.members(host.site.id, g.id).includes(r.userId));
        return host.collection(
          groups.map((g) => groupEntity(host, g)),
          "SP.Group",
        );
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
        const users = host.security
          .members(host.site.id, r.group.id)
          .map((id) => host.store.userById(id))
          .filter((u): u is UserRow => u !== undefined);
        return host.collection(
          users.map((u) => host.userEntity(u)),
          "SP.User",
        );
      }
      if (method === "POST") {
        const body = host.body();
        const login = body.LoginName;
        if (typeof login !== "string" || login.trim() === "")
          throw badRequest("Adding a user to a group needs LoginName.");
        const user = host.userByLogin(login);
        if (!user)
          throw new SpError(
            500,
            "-2146232832, Microsoft.SharePoint.SPException",
            `The specified user ${login} could not be found.`,
          );
        await changeMember(host, r.group, user.id, "add");
        return host.single(host.userEntity(user), "SP.User");
      }
      break;
  }
  throw unsupported(`${method} on ${r.kind}`);
}

export function basePermissionsDocument(host: { format: Format; webUrl: string }, mask: bigint): unknown {
  return complexDocument(
    "EffectiveBasePermissions",
    "SP.BasePermissions",
    toBasePermissions(mask),
    host.format,
    `${host.webUrl}/_api/$metadata#SP.BasePermissions`,
  );
}
