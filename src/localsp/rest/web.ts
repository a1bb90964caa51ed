// The web, the site, users and the form digest (contextinfo).
import { randomUUID } from "node:crypto";
import { badRequest, SpError, unsupported } from "../errors";
import { complexDocument, Entity, entityAt } from "../format";
import type { UserRow } from "../store";
import { isLoginOf, stripClaims } from "./auth";
import type { Ctx } from "./context";
import { type ApiResponse, json, parseJsonBody } from "./http";
import { metadataUrl, single } from "./projection";

export function contextInfo(ctx: Ctx): ApiResponse {
  if (ctx.method !== "POST") throw unsupported(`${ctx.method} on contextinfo`);
  const info = {
    FormDigestTimeoutSeconds: 1800,
    FormDigestValue: `0x${randomUUID().replace(/-/g, "").toUpperCase()},${new Date().toUTCString()}`,
    LibraryVersion: "16.0.0.0",
    SiteFullUrl: ctx.webUrl,
    SupportedSchemaVersions: ["14.0.0.0", "15.0.0.0"],
    WebFullUrl: ctx.webUrl,
  };
  return json(
    200,
    complexDocument(
      "GetContextWebInformation",
      "SP.ContextWebInformation",
      info,
      ctx.format,
      metadataUrl(ctx, "SP.ContextWebInformation"),
    ),
    ctx.format,
  );
}

export function siteEntity(ctx: Ctx): ApiResponse {
  if (ctx.method !== "GET") throw unsupported(`${ctx.method} on site`);
  const entity = new Entity(entityAt(ctx.webUrl, "SP.Site", "site"), {
    Id: ctx.site.guid,
    ServerRelativeUrl: ctx.sitePath || "/",
    Url: ctx.webUrl,
    ReadOnly: false,
  });
  return single(ctx, entity, "SP.Site");
}

export function webEntity(ctx: Ctx): Entity {
  const lists = ctx.store.lists(ctx.site.id);
  const lastModified = lists.reduce((acc, l) => (l.modified > acc ? l.modified : acc), ctx.site.created);
  return new Entity(entityAt(ctx.webUrl, "SP.Web", "Web"), {
    AllowRssFeeds: true,
    Created: ctx.site.created,
    CurrentUser: userEntity(ctx, ctx.user),
    Description: "",
    Id: ctx.site.webGuid,
    IsMultilingual: false,
    Language: 2057,
    LastItemModifiedDate: lastModified,
    LastItemUserModifiedDate: lastModified,
    ServerRelativeUrl: ctx.sitePath || "/",
    SiteLogoUrl: null,
    Title: ctx.site.title,
    Url: ctx.webUrl,
    WebTemplate: "STS",
  });
}

export function userEntity(ctx: Ctx, user: UserRow): Entity {
  const path = `Web/GetUserById(${user.id})`;
  return new Entity(entityAt(ctx.webUrl, "SP.User", path), {
    Id: user.id,
    IsHiddenInUI: false,
    LoginName: `i:0#.f|membership|${user.upn}`,
    Title: user.title,
    PrincipalType: 1,
    Email: user.email,
    Expiration: "",
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: ctx.store.roleOf(ctx.site.id, user.id) === "owner",
    UserId: {
      NameId: `1003bffd${user.id.toString(16).padStart(8, "0")}`,
      NameIdIssuer: "urn:federation:microsoftonline",
    },
    UserPrincipalName: user.upn,
  });
}

export async function ensureUser(ctx: Ctx, pathArg: string | undefined): Promise<ApiResponse> {
  if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ensureuser`);
  const login = pathArg ?? parseJsonBody(ctx.req).logonName;
  if (typeof login !== "string" || login.trim() === "") throw badRequest("ensureuser needs a logonName.");
  const user = ctx.store.userByUpn(stripClaims(login.trim()));
  if (!isLoginOf(user, login))
    throw new SpError(
      500,
      "-2146232832, Microsoft.SharePoint.SPException",
      `The specified user ${login} could not be found.`,
    );
  await ctx.store.commit(() => ctx.store.ensureSiteUser(ctx.site.id, user.id));
  return single(ctx, userEntity(ctx, user), "SP.User");
}
