// The REST dispatcher: resolves `/sites/<name>/_api/...` paths segment by segment and answers with
// SharePoint Online's shapes, status codes and errors. Transport-neutral: the HTTP server, the Vite
// middleware and $batch parts all come through `dispatch`.
import { randomUUID } from "node:crypto";
import { SpError, accessDenied, badRequest, etagMismatch, fieldNotFound, fileNotFound, itemNotFound, listNotFound, noSuchProperty, unsupported, viewNotFound } from "./errors";
import { formatBatchResponse, parseBatch, type BatchPartResponse } from "./batch";
import type { FaultControl } from "./faults";
import { Entity, collectionDocument, complexDocument, contentTypeOf, entityDocument, errorDocument, formatOf, primitiveDocument, type Format } from "./format";
import {
  KIND,
  applyFieldProps,
  builtInFields,
  encodeInternalName,
  fieldBodyFromSchemaXml,
  fieldEntity,
  isMulti,
  listIsLibrary,
  newField,
  typeAsStringOf,
} from "./fields";
import { applyWrite, etagOf, itemEntity, itemEntityType, listEntityPath, parseProjection, queryItems, versionFieldValues, type ListScope } from "./items";
import { compareForSort, evaluateFilter, parseFilter } from "./odata-filter";
import { assertValidFileName, MAX_BATCH_OPERATIONS, tooManyBatchOperations } from "./limits";
import { ALL_SCOPES, P, grantOfScopes, has, type ScopeGrant } from "./permissions";
import { Guard, Security, itemScope, listScope } from "./security";
import { answerSecurity, basePermissionsDocument, securityStep, securityStepOnSecurable, type Securable, type SecurityHost, type SecurityResource } from "./security-api";
import { firstArg, parseSegments, type Segment } from "./segments";
import { attachmentEmpty, attachmentExists, attachmentFolder, attachmentProps, attachmentsDisabled, attachmentsOffKey } from "./attachments";
import { regionalSettingsProps, siteTimeZone, timeZoneProps } from "./regional";
import { defaultViewOf, defaultViewTitle, defaultViewUrl, viewFieldName, viewFieldsSchemaXml } from "./views";
import { nowIso, type FileRecord, type ItemRecord, type ListRow, type SiteRow, type Store, type UserRow } from "./store";

export interface ApiRequest {
  method: string;
  /** Absolute URL (origin taken from the Host header). */
  url: URL;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface ApiResponse {
  status: number;
  statusText?: string;
  headers: Record<string, string>;
  body: Buffer | string | null;
}

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  503: "Service Unavailable",
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? "Unknown";
}

interface Ctx {
  req: ApiRequest;
  method: string;
  format: Format;
  site: SiteRow;
  user: UserRow;
  /** The user's permissions, trimmed by the token's scopes (security.ts). */
  guard: Guard;
  origin: string;
  sitePath: string;
  webUrl: string;
  query: URLSearchParams;
  /** A part of a $batch: its body was read as text, so file content cannot travel in it. */
  inBatch: boolean;
}

/** A resolved resource on the path. */
type Resource =
  | { kind: "root" }
  | { kind: "web" }
  | { kind: "siteUsers" }
  | { kind: "user"; user: UserRow }
  | { kind: "lists" }
  | { kind: "list"; list: ListRow }
  | { kind: "fields"; list: ListRow }
  | { kind: "field"; list: ListRow; name: string; by: "id" | "title" | "nameOrTitle" }
  | { kind: "items"; list: ListRow }
  | { kind: "item"; list: ListRow; id: number }
  | { kind: "versions"; list: ListRow; id: number }
  | { kind: "permissions"; mask: () => bigint }
  | { kind: "security"; res: SecurityResource }
  | { kind: "folder"; list: ListRow; path: string }
  | { kind: "files"; list: ListRow; folder: string }
  | { kind: "file"; list: ListRow; path: string }
  | { kind: "regionalSettings" }
  | { kind: "timeZone" }
  | { kind: "views"; list: ListRow }
  | { kind: "view"; list: ListRow }
  | { kind: "viewFields"; list: ListRow }
  | { kind: "attachments"; list: ListRow; id: number }
  | { kind: "attachment"; list: ListRow; id: number; name: string };

/** $skip is accepted and ignored on items, as SharePoint Online does; the rest are implemented. */
const SUPPORTED_QUERY_OPTIONS = new Set(["$select", "$expand", "$filter", "$orderby", "$top", "$skiptoken", "$skip"]);

const PNP_MARKER_HEADERS = ["x-pnp-batchnever", "x-pnpjs-nodigest", "x-pnp-cachenever"];

function json(status: number, body: unknown, format: Format, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { "Content-Type": contentTypeOf(format), ...headers }, body: JSON.stringify(body) };
}

/** SharePoint's error answer for an error raised outside dispatch (body limits, an unavailable site). */
export function errorAnswer(error: SpError, accept: string | undefined): ApiResponse {
  const format = formatOf(accept);
  return json(error.status, errorDocument(error, format), format, error.headers);
}

/**
 * File bytes inside a $batch part: the batch body is parsed as text, which would corrupt binary
 * content, and @pnp/sp never batches file methods (SharePoint does not support it either).
 */
function fileContentInBatch(): SpError {
  return unsupported("file content (upload or $value) inside a $batch part; send it as its own request");
}

function empty(status: number, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers, body: null };
}

function parseJsonBody(req: ApiRequest): Record<string, unknown> {
  const text = req.body.toString("utf8").trim();
  if (text === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
    return value as Record<string, unknown>;
  } catch {
    throw badRequest("Invalid JSON. A token was not recognized in the JSON content.");
  }
}

/** ReadSecurity (1, 2) and WriteSecurity (1, 2, 4) of a list MERGE, checked as SharePoint does. */
function listSecurityPatch(body: Record<string, unknown>): { readSecurity?: number; writeSecurity?: number } | null {
  const patch: { readSecurity?: number; writeSecurity?: number } = {};
  if (body.ReadSecurity !== undefined) {
    if (body.ReadSecurity !== 1 && body.ReadSecurity !== 2) throw badRequest("ReadSecurity must be 1 or 2.");
    patch.readSecurity = body.ReadSecurity;
  }
  if (body.WriteSecurity !== undefined) {
    if (body.WriteSecurity !== 1 && body.WriteSecurity !== 2 && body.WriteSecurity !== 4) throw badRequest("WriteSecurity must be 1, 2 or 4.");
    patch.writeSecurity = body.WriteSecurity;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

function stripClaims(login: string): string {
  const bar = login.lastIndexOf("|");
  return bar >= 0 ? login.slice(bar + 1) : login;
}

/**
 * A login name's user: SharePoint Online's membership claim (`i:0#.f|membership|<value>`) carries
 * the user principal name, so a login resolves by the UPN only, never by the e-mail address (an
 * e-mail that differs from the UPN is "not found", as SPWeb.EnsureUser answers a logon name the
 * directory does not know: https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ms473422(v=office.14)).
 * Whether SharePoint Online resolves a bare e-mail address through the people picker is not
 * confirmed; the local server refuses it, so the tab never relies on it.
 */
function isLoginOf(user: UserRow | undefined, login: string): user is UserRow {
  return user !== undefined && user.upn.toLowerCase() === stripClaims(login.trim()).toLowerCase();
}

export class LocalSharePointApi {
  /** Chunked upload sessions by upload id (in memory: SharePoint's also expire). */
  private readonly uploads = new Map<string, { path: string; chunks: Buffer[]; length: number }>();

  readonly security: Security;

  constructor(
    readonly store: Store,
    readonly faults: FaultControl,
  ) {
    this.security = new Security(store);
  }

  /** Answers one request (HTTP or a $batch part). Never throws. */
  async dispatch(req: ApiRequest, options: { inBatch?: boolean } = {}): Promise<ApiResponse> {
    const format = formatOf(req.headers.accept);
    try {
      return await this.route(req, format, options.inBatch === true);
    } catch (error) {
      if (error instanceof SpError) return json(error.status, errorDocument(error, format), format, error.headers);
      // The stack goes to the server's log only; the answer carries the first line of the message.
      const message = error instanceof Error ? error.message : String(error);
      console.error("localsp: internal error", error);
      return json(500, errorDocument(new SpError(500, "-1, System.InvalidOperationException", message.split("\n")[0] ?? ""), format), format);
    }
  }

  /**
   * `Bearer dev:<upn>` carries every scope; `Bearer dev:<upn>?scp=<space-separated, URL-encoded
   * scopes>` carries those scopes only, as a delegated token's `scp` claim does.
   */
  private authenticate(req: ApiRequest): { user: UserRow; grant: ScopeGrant } {
    const header = req.headers.authorization ?? "";
    const m = /^Bearer\s+dev:([^?\s]+)(?:\?(\S*))?$/i.exec(header.trim());
    // A token names its user by the UPN (as Entra's `upn` claim), never by an e-mail address.
    const found = m ? this.store.userByUpn((m[1] as string).trim()) : undefined;
    const user = m && isLoginOf(found, m[1] as string) ? found : undefined;
    let grant: ScopeGrant = ALL_SCOPES;
    if (m?.[2] !== undefined) {
      const scp = new URLSearchParams(m[2]).get("scp");
      grant = grantOfScopes(scp ?? "");
    }
    if (!user) {
      throw new SpError(401, "-2147024891, System.UnauthorizedAccessException", "Attempted to perform an unauthorized operation.", {
        "WWW-Authenticate":
          'Bearer realm="00000000-0000-0000-0000-000000000000",client_id="00000003-0000-0ff1-ce00-000000000000",trusted_issuers="00000001-0000-0000-c000-000000000000@*",authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
      });
    }
    return { user, grant };
  }

  private async route(req: ApiRequest, format: Format, inBatch: boolean): Promise<ApiResponse> {
    let pathname: string;
    try {
      pathname = decodeURIComponent(req.url.pathname);
    } catch {
      throw badRequest(`localsp: the path '${req.url.pathname}' is not valid percent-encoding.`);
    }
    const m = /^(?:\/sites\/([^/]+))?\/_(?:api|vti_bin\/client\.svc)(?:\/(.*))?$/i.exec(pathname);
    if (!m) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", `localsp: no API at '${pathname}'.`);
    const siteName = m[1] ?? "";
    const { user, grant } = this.authenticate(req);
    // Sites are made by an admin (LocalSharePoint.createSite, POST /_localsp/sites), never by a
    // request: SharePoint Online answers an unknown site path 404.
    const site = this.store.siteByName(siteName);
    if (!site) throw fileNotFound();
    this.security.ensureSite(site);
    const guard = new Guard(this.security, site, user.id, this.isSiteAdmin(site.id, user.id), grant);
    const sitePath = siteName === "" ? "" : `/sites/${site.name}`;
    const ctx: Ctx = {
      req,
      inBatch,
      method: (req.headers["x-http-method"] ?? req.method).toUpperCase(),
      format,
      site,
      user,
      guard,
      origin: req.url.origin,
      sitePath,
      webUrl: `${req.url.origin}${sitePath}`,
      query: req.url.searchParams,
    };
    for (const marker of PNP_MARKER_HEADERS) delete req.headers[marker];
    for (const name of req.url.searchParams.keys()) {
      if (name.startsWith("$") && !SUPPORTED_QUERY_OPTIONS.has(name.toLowerCase())) throw unsupported(`the query option '${name}'`);
    }
    // No way into the site at all: SharePoint answers 403 (a scope-less token the same).
    if (!has(guard.web(), P.Open)) throw accessDenied();
    const segments = parseSegments(m[2] ?? "", req.url.searchParams);
    if (segments.length === 0) throw unsupported("the service document at /_api");
    const first = segments[0] as Segment;
    if (first.name === "contextinfo" && segments.length === 1) return this.contextInfo(ctx);
    if (first.name === "$batch" && segments.length === 1) {
      if (inBatch) throw badRequest("localsp: a $batch cannot contain another $batch.");
      return this.batch(ctx);
    }
    if (first.name === "site" && segments.length === 1) return this.siteEntity(ctx);
    let resource: Resource = { kind: "root" };
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as Segment;
      const next = this.step(ctx, resource, segment, segments.slice(i + 1));
      if ("response" in next) {
        if (i !== segments.length - 1) throw unsupported(`'${segments.slice(i + 1).map((s) => s.raw).join("/")}' after '${segment.raw}'`);
        return await next.response;
      }
      resource = next.resource;
    }
    return this.answer(ctx, resource);
  }

  // ---- path resolution

  private step(ctx: Ctx, at: Resource, seg: Segment, rest: Segment[]): { resource: Resource } | { response: ApiResponse | Promise<ApiResponse> } {
    const arg = firstArg(seg);
    const str = (v: unknown) => String(v ?? "");
    const done = (resource: Resource) => ({ resource });
    switch (at.kind) {
      case "root":
        if (seg.name === "web" && !seg.args) return done({ kind: "web" });
        break;
      case "web":
        switch (seg.name) {
          case "lists":
            if (seg.args && arg !== undefined) return done({ kind: "list", list: this.listByGuid(ctx, str(arg)) });
            return done({ kind: "lists" });
          case "getlist":
            return done({ kind: "list", list: this.listByUrl(ctx, str(arg)) });
          case "currentuser":
            return done({ kind: "user", user: ctx.user });
          case "siteusers":
            if (seg.args && arg !== undefined) return done({ kind: "user", user: this.siteUserByLogin(ctx, str(arg)) });
            return done({ kind: "siteUsers" });
          case "getuserbyid":
            return done({ kind: "user", user: this.siteUserById(ctx, Number(arg)) });
          case "ensureuser":
            if (rest.length === 0) return { response: this.ensureUser(ctx, arg === undefined ? undefined : str(arg)) };
            break;
          case "effectivebasepermissions":
            return done({ kind: "permissions", mask: () => ctx.guard.web() });
          case "getusereffectivepermissions": {
            const who = this.guardFor(ctx, str(arg));
            return done({ kind: "permissions", mask: () => who.web() });
          }
          case "regionalsettings":
            if (!seg.args) return done({ kind: "regionalSettings" });
            break;
          case "getfolderbyserverrelativepath":
          case "getfolderbyserverrelativeurl":
            return done(this.folderByPath(ctx, str(arg)));
          case "getfilebyserverrelativepath":
          case "getfilebyserverrelativeurl":
            return done(this.fileByPath(ctx, str(arg)));
        }
        break;
      case "regionalSettings":
        if (seg.name === "timezone" && !seg.args) return done({ kind: "timeZone" });
        break;
      case "user":
        if (seg.name === "groups" && !seg.args) return done({ kind: "security", res: { kind: "userGroups", userId: at.user.id } });
        break;
      case "siteUsers":
        switch (seg.name) {
          case "getbyid":
            return done({ kind: "user", user: this.siteUserById(ctx, Number(arg)) });
          case "getbyemail":
            return done({ kind: "user", user: this.siteUserByEmail(ctx, str(arg)) });
          case "getbyloginname":
            return done({ kind: "user", user: this.siteUserByLogin(ctx, str(arg)) });
        }
        break;
      case "lists":
        switch (seg.name) {
          case "getbytitle":
            return done({ kind: "list", list: this.listByTitle(ctx, str(arg)) });
          case "getbyid":
            return done({ kind: "list", list: this.listByGuid(ctx, str(arg)) });
        }
        break;
      case "list": {
        const list = at.list;
        switch (seg.name) {
          case "items":
            if (seg.args && arg !== undefined) return done({ kind: "item", list, id: Number(arg) });
            return done({ kind: "items", list });
          case "getitembyid":
            return done({ kind: "item", list, id: Number(arg) });
          case "fields":
            if (seg.args && arg !== undefined) return done({ kind: "field", list, name: str(arg), by: "id" });
            return done({ kind: "fields", list });
          case "effectivebasepermissions":
            return done({ kind: "permissions", mask: () => ctx.guard.list(list) });
          case "getusereffectivepermissions": {
            const who = this.guardFor(ctx, str(arg), list);
            return done({ kind: "permissions", mask: () => who.list(list) });
          }
          case "rootfolder":
            return done({ kind: "folder", list, path: `${ctx.sitePath}/${list.urlName}` });
          case "defaultview":
            return done({ kind: "view", list });
          case "views":
            if (seg.args && arg !== undefined) return done({ kind: "view", list: this.viewById(list, str(arg)) });
            return done({ kind: "views", list });
        }
        break;
      }
      case "views":
        switch (seg.name) {
          case "getbytitle":
            // Only the default view exists here; view titles compare as SharePoint's do (case-sensitive, per @pnp/sp).
            if (str(arg) !== defaultViewTitle(at.list)) throw viewNotFound();
            return done({ kind: "view", list: at.list });
          case "getbyid":
            return done({ kind: "view", list: this.viewById(at.list, str(arg)) });
        }
        break;
      case "view":
        if (seg.name === "viewfields") return done({ kind: "viewFields", list: at.list });
        break;
      case "viewFields":
        switch (seg.name) {
          case "addviewfield":
          case "removeviewfield":
            if (rest.length === 0) return { response: this.changeViewFields(ctx, at.list, seg.name === "addviewfield" ? "add" : "remove", str(arg)) };
            break;
        }
        break;
      case "fields":
        switch (seg.name) {
          case "getbyid":
            return done({ kind: "field", list: at.list, name: str(arg), by: "id" });
          case "getbytitle":
            return done({ kind: "field", list: at.list, name: str(arg), by: "title" });
          case "getbyinternalnameortitle":
            return done({ kind: "field", list: at.list, name: str(arg), by: "nameOrTitle" });
          case "addfield":
            if (rest.length === 0) return { response: this.addField(ctx, at.list, "addfield") };
            break;
          case "createfieldasxml":
            if (rest.length === 0) return { response: this.addField(ctx, at.list, "xml") };
            break;
        }
        break;
      case "item":
        switch (seg.name) {
          case "versions":
            return done({ kind: "versions", list: at.list, id: at.id });
          case "effectivebasepermissions": {
            const item = this.visibleItem(ctx, at.list, at.id);
            return done({ kind: "permissions", mask: () => ctx.guard.item(at.list, item) });
          }
          case "getusereffectivepermissions": {
            const item = this.visibleItem(ctx, at.list, at.id);
            const who = this.guardFor(ctx, str(arg), at.list);
            return done({ kind: "permissions", mask: () => who.item(at.list, item) });
          }
          case "attachmentfiles":
            if (seg.args && arg !== undefined) return done({ kind: "attachment", list: at.list, id: at.id, name: str(arg) });
            return done({ kind: "attachments", list: at.list, id: at.id });
          case "file": {
            const file = this.store.fileByItem(at.list.guid, at.id);
            if (!file) throw fileNotFound();
            return done({ kind: "file", list: at.list, path: file.path });
          }
        }
        break;
      case "folder":
        if (seg.name === "files") {
          if (seg.args && arg !== undefined) return done({ kind: "file", list: at.list, path: `${at.path}/${str(arg)}` });
          return done({ kind: "files", list: at.list, folder: at.path });
        }
        break;
      case "files":
        switch (seg.name) {
          case "getbyurl":
            return done({ kind: "file", list: at.list, path: `${at.folder}/${str(arg)}` });
          case "addusingpath":
          case "add":
            if (ctx.inBatch) throw fileContentInBatch();
            if (rest.length === 0) return { response: this.addFile(ctx, at.list, at.folder, seg) };
            break;
        }
        break;
      case "attachments":
        switch (seg.name) {
          case "getbyfilename":
          case "getbyfilenameaspath":
            return done({ kind: "attachment", list: at.list, id: at.id, name: str(arg) });
          case "add":
          case "addusingpath":
            if (ctx.inBatch) throw fileContentInBatch();
            if (rest.length === 0) return { response: this.addAttachment(ctx, at.list, at.id, seg) };
            break;
        }
        break;
      case "attachment":
        switch (seg.name) {
          case "$value":
            if (ctx.inBatch) throw fileContentInBatch();
            if (rest.length === 0) return { response: this.attachmentContent(ctx, at.list, at.id, at.name) };
            break;
          case "recycleobject":
            if (rest.length === 0) return { response: this.deleteAttachment(ctx, at.list, at.id, at.name) };
            break;
        }
        break;
      case "file":
        switch (seg.name) {
          case "$value":
            if (ctx.inBatch) throw fileContentInBatch();
            if (rest.length === 0) return { response: this.fileContent(ctx, at.list, at.path) };
            break;
          case "startupload":
          case "continueupload":
          case "finishupload":
          case "cancelupload":
            if (ctx.inBatch) throw fileContentInBatch();
            if (rest.length === 0) return { response: this.chunkedUpload(ctx, at.list, at.path, seg) };
            break;
          case "listitemallfields": {
            const file = this.visibleFile(ctx, at.list, at.path);
            return done({ kind: "item", list: at.list, id: file.itemId });
          }
        }
        break;
    }
    const secured = this.securityStep(ctx, at, seg, rest);
    if (secured) return secured;
    throw unsupported(`the REST path segment '${seg.raw}'${at.kind === "root" ? "" : ` on ${at.kind}`}`);
  }

  /** Role assignments, groups, role definitions and inheritance on the web, a list or an item. */
  private securityStep(ctx: Ctx, at: Resource, seg: Segment, rest: Segment[]): { resource: Resource } | { response: ApiResponse | Promise<ApiResponse> } | null {
    const host = this.securityHost(ctx);
    let next: ReturnType<typeof securityStep>;
    if (at.kind === "security") {
      next = securityStep(host, at.res, seg, rest);
    } else {
      let on: Securable | null = null;
      if (at.kind === "web") on = { kind: "web" };
      else if (at.kind === "list") on = { kind: "list", list: at.list };
      else if (at.kind === "item") on = { kind: "item", list: at.list, item: this.visibleItem(ctx, at.list, at.id) };
      next = on ? securityStepOnSecurable(host, on, seg, rest) : null;
    }
    if (!next) return null;
    return "resource" in next ? { resource: { kind: "security", res: next.resource } } : next;
  }

  /** Lists the caller cannot open are not there for them (SharePoint answers 404). */
  private visibleList(ctx: Ctx, list: ListRow | undefined): list is ListRow {
    if (!list) return false;
    const mask = ctx.guard.list(list);
    return has(mask, P.ViewListItems) || has(mask, P.Open);
  }

  private listByTitle(ctx: Ctx, title: string): ListRow {
    const list = this.store.listByTitle(ctx.site.id, title);
    if (!this.visibleList(ctx, list)) throw listNotFound(title, ctx.webUrl);
    return list;
  }

  private listByGuid(ctx: Ctx, guid: string): ListRow {
    const list = this.store.listByGuid(ctx.site.id, guid);
    if (!this.visibleList(ctx, list)) throw listNotFound(guid, ctx.webUrl);
    return list;
  }

  private listByUrl(ctx: Ctx, url: string): ListRow {
    const path = url.replace(/^https?:\/\/[^/]+/i, "");
    const relative = path.startsWith(`${ctx.sitePath}/`) ? path.slice(ctx.sitePath.length + 1) : path.replace(/^\//, "");
    const list = this.store.listByUrlName(ctx.site.id, relative.replace(/\/$/, ""));
    if (!this.visibleList(ctx, list)) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
    return list;
  }

  /** Finds the library and folder of a server-relative path (only library root folders are supported). */
  private splitLibraryPath(ctx: Ctx, path: string): { list: ListRow; rest: string } {
    const clean = path.replace(/^https?:\/\/[^/]+/i, "").replace(/\/+$/, "");
    const prefix = `${ctx.sitePath}/`;
    const relative = clean.toLowerCase().startsWith(prefix.toLowerCase()) ? clean.slice(prefix.length) : clean.replace(/^\//, "");
    for (const list of this.store.lists(ctx.site.id)) {
      const root = list.urlName.toLowerCase();
      const rel = relative.toLowerCase();
      if (rel === root || rel.startsWith(`${root}/`)) {
        if (!this.visibleList(ctx, list)) throw fileNotFound();
        return { list, rest: relative.slice(list.urlName.length).replace(/^\//, "") };
      }
    }
    throw fileNotFound();
  }

  private folderByPath(ctx: Ctx, path: string): Resource {
    const { list, rest } = this.splitLibraryPath(ctx, path);
    if (rest !== "") throw unsupported(`sub-folders ('${path}')`);
    return { kind: "folder", list, path: `${ctx.sitePath}/${list.urlName}` };
  }

  private fileByPath(ctx: Ctx, path: string): Resource {
    const { list, rest } = this.splitLibraryPath(ctx, path);
    // A list item's attachment (<list>/Attachments/<id>/<name>) is a file too: its properties (Length) read this way.
    const attached = /^Attachments\/(\d+)\/([^/]+)$/i.exec(rest);
    if (!listIsLibrary(list) && attached) {
      const file = this.visibleAttachment(ctx, list, Number(attached[1]), attached[2] as string);
      return { kind: "file", list, path: file.path };
    }
    if (rest === "" || rest.includes("/")) throw fileNotFound();
    return { kind: "file", list, path: `${ctx.sitePath}/${list.urlName}/${rest}` };
  }

  private siteUserById(ctx: Ctx, id: number): UserRow {
    const user = this.store.siteUsers(ctx.site.id).find((u) => u.id === id);
    if (!user) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
    return user;
  }

  private siteUserByLogin(ctx: Ctx, login: string): UserRow {
    const user = this.store.siteUsers(ctx.site.id).find((u) => isLoginOf(u, login));
    if (!user) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
    return user;
  }

  private siteUserByEmail(ctx: Ctx, email: string): UserRow {
    const wanted = email.trim().toLowerCase();
    const user = this.store.siteUsers(ctx.site.id).find((u) => u.email.toLowerCase() === wanted);
    if (!user) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
    return user;
  }

  /** Site collection administrators (the demo's site owner) hold every permission everywhere. */
  private isSiteAdmin(siteId: number, userId: number): boolean {
    return this.store.roleOf(siteId, userId) === "owner";
  }

  /**
   * Another user's permissions (not the caller's token): asking needs Enumerate Permissions on the
   * object, as SPWeb.GetUserEffectivePermissions throws UnauthorizedAccessException without it.
   */
  private guardFor(ctx: Ctx, login: string, list?: ListRow): Guard {
    if (!has(list ? ctx.guard.list(list) : ctx.guard.web(), P.EnumeratePermissions)) throw accessDenied();
    const user = this.store.userByUpn(stripClaims(login));
    if (!isLoginOf(user, login)) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
    return new Guard(this.security, ctx.site, user.id, this.isSiteAdmin(ctx.site.id, user.id), ALL_SCOPES);
  }

  /** An item the caller may see; one they may not answers 404 as if it did not exist. */
  private visibleItem(ctx: Ctx, list: ListRow, id: number): ItemRecord {
    const item = this.itemOrThrow(list, id);
    if (!ctx.guard.canSeeItem(list, item)) throw itemNotFound();
    return item;
  }

  private requireList(ctx: Ctx, list: ListRow, bit: bigint): void {
    if (!has(ctx.guard.list(list), bit)) throw accessDenied();
  }

  private securityHost(ctx: Ctx): SecurityHost {
    return {
      method: ctx.method,
      format: ctx.format,
      webUrl: ctx.webUrl,
      site: ctx.site,
      user: ctx.user,
      guard: ctx.guard,
      security: this.security,
      store: this.store,
      body: () => parseJsonBody(ctx.req),
      commit: (work) => this.store.commit(work),
      single: (entity, type) => this.single(ctx, entity, type),
      collection: (entities, type) => this.collection(ctx, entities, type),
      json: (status, body) => json(status, body, ctx.format),
      userEntity: (user) => this.userEntity(ctx, user),
      userByLogin: (login) => {
        const user = this.store.userByUpn(stripClaims(login.trim()));
        return isLoginOf(user, login) ? user : undefined;
      },
    };
  }

  private itemOrThrow(list: ListRow, id: number): ItemRecord {
    const item = Number.isInteger(id) ? this.store.item(list.guid, id) : undefined;
    if (!item) throw itemNotFound();
    return item;
  }

  private scope(ctx: Ctx, list: ListRow): ListScope {
    const siteId = ctx.site.id;
    return {
      store: this.store,
      list,
      fields: this.store.fields(list.guid),
      webUrl: ctx.webUrl,
      sitePath: ctx.sitePath,
      siteId,
      groupById: (id) => this.security.group(siteId, id),
    };
  }

  // ---- answering a resolved resource

  private async answer(ctx: Ctx, r: Resource): Promise<ApiResponse> {
    const { method } = ctx;
    switch (r.kind) {
      case "web":
        if (method === "GET") return this.single(ctx, this.webEntity(ctx), "SP.Web");
        break;
      case "siteUsers":
        if (method === "GET") return this.collection(ctx, this.store.siteUsers(ctx.site.id).map((u) => this.userEntity(ctx, u)), "SP.User");
        break;
      case "regionalSettings":
        if (method === "GET") {
          const path = "Web/RegionalSettings";
          return this.single(ctx, new Entity({ type: "SP.RegionalSettings", id: `${ctx.webUrl}/_api/${path}`, uri: `${ctx.webUrl}/_api/${path}`, editLink: path }, regionalSettingsProps()), "SP.RegionalSettings");
        }
        break;
      case "timeZone":
        if (method === "GET") {
          const path = "Web/RegionalSettings/TimeZone";
          const entity = new Entity({ type: "SP.TimeZone", id: `${ctx.webUrl}/_api/${path}`, uri: `${ctx.webUrl}/_api/${path}`, editLink: path }, timeZoneProps(siteTimeZone(this.store, ctx.site.id)));
          return this.single(ctx, entity, "SP.TimeZone");
        }
        break;
      case "user":
        if (method === "GET") return this.single(ctx, this.userEntity(ctx, r.user), "SP.User");
        break;
      case "lists":
        if (method === "GET") {
          const lists = this.store.lists(ctx.site.id).filter((l) => this.visibleList(ctx, l));
          return this.collection(ctx, lists.map((l) => this.listEntity(ctx, l)), "SP.List");
        }
        if (method === "POST") return this.createList(ctx);
        break;
      case "list":
        if (method === "GET") return this.single(ctx, this.listEntity(ctx, r.list), "SP.List");
        if (method === "MERGE" || method === "PATCH") return this.updateList(ctx, r.list);
        if (method === "DELETE") {
          this.requireList(ctx, r.list, P.ManageLists);
          await this.store.commit(() => {
            this.store.deleteList(r.list.guid);
            this.security.forgetScope(ctx.site.id, listScope(r.list.guid));
          });
          return empty(200);
        }
        break;
      case "fields":
        if (method === "GET") return this.collection(ctx, this.store.fields(r.list.guid).map((f) => fieldEntity(f, ctx.webUrl)), "SP.Field");
        if (method === "POST") return this.addField(ctx, r.list, "add");
        break;
      case "field":
        return this.fieldRequest(ctx, r.list, r.name, r.by);
      case "items":
        if (method === "GET") return this.getItems(ctx, r.list);
        if (method === "POST") return this.addItem(ctx, r.list);
        break;
      case "item":
        if (method === "GET") {
          const scope = this.scope(ctx, r.list);
          const projection = parseProjection(scope, ctx.query.get("$select"), ctx.query.get("$expand"));
          return this.single(ctx, itemEntity(scope, this.visibleItem(ctx, r.list, r.id), projection), `SP.ListData.${r.list.entityName}s/@Element`);
        }
        if (method === "MERGE" || method === "PATCH" || method === "PUT") return this.updateItem(ctx, r.list, r.id);
        if (method === "DELETE") return this.deleteItem(ctx, r.list, r.id);
        if (method === "POST" && ctx.req.headers["x-http-method"] === undefined) throw unsupported("POST to an item without X-HTTP-Method");
        break;
      case "versions":
        if (method === "GET") return this.versions(ctx, r.list, r.id);
        break;
      case "permissions":
        if (method === "GET") return json(200, basePermissionsDocument(ctx, r.mask()), ctx.format);
        break;
      case "security":
        return answerSecurity(this.securityHost(ctx), r.res);
      case "folder":
        if (method === "GET") return this.single(ctx, this.folderEntity(ctx, r.list, r.path), "SP.Folder");
        break;
      case "files":
        if (method === "GET") return this.listFiles(ctx, r.list, r.folder);
        break;
      case "views":
        if (method === "GET") return this.collection(ctx, [this.viewEntity(ctx, r.list)], "SP.View");
        break;
      case "view":
        if (method === "GET") return this.single(ctx, this.viewEntity(ctx, r.list), "SP.View");
        break;
      case "viewFields":
        if (method === "GET") {
          const view = defaultViewOf(r.list, this.store.storedView(r.list.guid));
          const path = `${listEntityPath(r.list)}/Views(guid'${view.guid}')/ViewFields`;
          const entity = new Entity({ type: "SP.ViewFieldCollection", id: `${ctx.webUrl}/_api/${path}`, uri: `${ctx.webUrl}/_api/${path}`, editLink: path }, { SchemaXml: viewFieldsSchemaXml(view.fields), Items: view.fields });
          return this.single(ctx, entity, "SP.ViewFieldCollection");
        }
        break;
      case "attachments":
        if (method === "GET") {
          this.visibleItem(ctx, r.list, r.id);
          const files = this.store.filesIn(attachmentFolder(ctx.sitePath, r.list, r.id));
          return this.collection(ctx, files.map((f) => this.attachmentEntity(ctx, r.list, r.id, f.name)), "SP.Attachment");
        }
        break;
      case "attachment":
        if (method === "GET") return this.single(ctx, this.attachmentEntity(ctx, r.list, r.id, this.visibleAttachment(ctx, r.list, r.id, r.name).name), "SP.Attachment");
        if (method === "DELETE") return this.deleteAttachment(ctx, r.list, r.id, r.name);
        break;
      case "file":
        if (method === "GET") {
          return this.single(ctx, this.fileEntity(ctx, this.visibleFile(ctx, r.list, r.path)), "SP.File");
        }
        if (method === "DELETE") return this.deleteFile(ctx, r.list, r.path);
        break;
    }
    throw unsupported(`${method} on ${r.kind}`);
  }

  private metadataUrl(ctx: Ctx, type: string): string {
    return `${ctx.webUrl}/_api/$metadata#${type}`;
  }

  private single(ctx: Ctx, entity: Entity, type: string): ApiResponse {
    const projected = this.projectSimple(ctx, entity);
    return json(200, entityDocument(projected, ctx.format, this.metadataUrl(ctx, `${type}/@Element`)), ctx.format);
  }

  /** $select/$filter/$orderby/$top over the plain entities (users, lists, fields, files). */
  private collection(ctx: Ctx, entities: Entity[], type: string): ApiResponse {
    let rows = entities;
    const filterText = ctx.query.get("$filter");
    if (filterText) {
      const filter = parseFilter(filterText);
      rows = rows.filter((e) => evaluateFilter(filter, (path) => this.propertyAt(e, path, type)));
    }
    const orderby = ctx.query.get("$orderby");
    if (orderby) {
      const terms = orderby.split(",").map((t) => t.trim().split(/\s+/));
      rows = [...rows].sort((a, b) => {
        for (const [name, dir] of terms) {
          const c = compareForSort(this.propertyAt(a, (name as string).split("/"), type), this.propertyAt(b, (name as string).split("/"), type));
          if (c !== 0) return dir?.toLowerCase() === "desc" ? -c : c;
        }
        return 0;
      });
    }
    const top = ctx.query.get("$top");
    if (top !== null) rows = rows.slice(0, Math.max(0, Number(top)));
    return json(200, collectionDocument(rows.map((e) => this.projectSimple(ctx, e)), ctx.format, this.metadataUrl(ctx, type)), ctx.format);
  }

  private propertyAt(entity: Entity, path: string[], type: string): unknown {
    let value: unknown = entity;
    for (const name of path) {
      if (!(value instanceof Entity)) return null;
      const key = Object.keys(value.props).find((k) => k.toLowerCase() === name.toLowerCase());
      if (key === undefined) throw noSuchProperty(name, type);
      value = value.props[key];
    }
    return value;
  }

  /** Applies $select (and drops unexpanded navigation entities) on a plain entity. */
  private projectSimple(ctx: Ctx, entity: Entity): Entity {
    const expand = (ctx.query.get("$expand") ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
    const select = (ctx.query.get("$select") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const props: Record<string, unknown> = {};
    const keep = (key: string) => {
      const value = entity.props[key];
      if (value instanceof Entity && !expand.includes(key.toLowerCase())) return;
      props[key] = value;
    };
    if (select.length === 0 || select.includes("*")) {
      for (const key of Object.keys(entity.props)) keep(key);
    } else {
      for (const raw of select) {
        const [head, sub] = raw.split("/");
        const key = Object.keys(entity.props).find((k) => k.toLowerCase() === (head as string).toLowerCase());
        if (key === undefined) throw noSuchProperty(head as string, entity.meta.type);
        const value = entity.props[key];
        if (sub !== undefined && value instanceof Entity) {
          if (!expand.includes(key.toLowerCase())) throw badRequest(`The $select path '${raw}' needs ${key} in $expand.`);
          const existing = props[key] instanceof Entity ? (props[key] as Entity) : new Entity(value.meta, {});
          const subKey = Object.keys(value.props).find((k) => k.toLowerCase() === sub.toLowerCase());
          if (subKey === undefined) throw noSuchProperty(sub, value.meta.type);
          existing.props[subKey] = value.props[subKey];
          props[key] = existing;
        } else {
          keep(key);
        }
      }
    }
    const navigation = Object.keys(props).filter((k) => props[k] instanceof Entity);
    return new Entity(entity.meta, props, navigation);
  }

  // ---- web, users, context

  private contextInfo(ctx: Ctx): ApiResponse {
    if (ctx.method !== "POST") throw unsupported(`${ctx.method} on contextinfo`);
    const info = {
      FormDigestTimeoutSeconds: 1800,
      FormDigestValue: `0x${randomUUID().replace(/-/g, "").toUpperCase()},${new Date().toUTCString()}`,
      LibraryVersion: "16.0.0.0",
      SiteFullUrl: ctx.webUrl,
      SupportedSchemaVersions: ["14.0.0.0", "15.0.0.0"],
      WebFullUrl: ctx.webUrl,
    };
    return json(200, complexDocument("GetContextWebInformation", "SP.ContextWebInformation", info, ctx.format, this.metadataUrl(ctx, "SP.ContextWebInformation")), ctx.format);
  }

  private siteEntity(ctx: Ctx): ApiResponse {
    if (ctx.method !== "GET") throw unsupported(`${ctx.method} on site`);
    const entity = new Entity(
      { type: "SP.Site", id: `${ctx.webUrl}/_api/site`, uri: `${ctx.webUrl}/_api/site`, editLink: "site" },
      { Id: ctx.site.guid, ServerRelativeUrl: ctx.sitePath || "/", Url: ctx.webUrl, ReadOnly: false },
    );
    return this.single(ctx, entity, "SP.Site");
  }

  private webEntity(ctx: Ctx): Entity {
    const lists = this.store.lists(ctx.site.id);
    const lastModified = lists.reduce((acc, l) => (l.modified > acc ? l.modified : acc), ctx.site.created);
    return new Entity(
      { type: "SP.Web", id: `${ctx.webUrl}/_api/Web`, uri: `${ctx.webUrl}/_api/Web`, editLink: "Web" },
      {
        AllowRssFeeds: true,
        Created: ctx.site.created,
        CurrentUser: this.userEntity(ctx, ctx.user),
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
      },
    );
  }

  private userEntity(ctx: Ctx, user: UserRow): Entity {
    const path = `Web/GetUserById(${user.id})`;
    return new Entity(
      { type: "SP.User", id: `${ctx.webUrl}/_api/${path}`, uri: `${ctx.webUrl}/_api/${path}`, editLink: path },
      {
        Id: user.id,
        IsHiddenInUI: false,
        LoginName: `i:0#.f|membership|${user.upn}`,
        Title: user.title,
        PrincipalType: 1,
        Email: user.email,
        Expiration: "",
        IsEmailAuthenticationGuestUser: false,
        IsShareByEmailGuestUser: false,
        IsSiteAdmin: this.store.roleOf(ctx.site.id, user.id) === "owner",
        UserId: { NameId: `1003bffd${user.id.toString(16).padStart(8, "0")}`, NameIdIssuer: "urn:federation:microsoftonline" },
        UserPrincipalName: user.upn,
      },
    );
  }

  private async ensureUser(ctx: Ctx, pathArg: string | undefined): Promise<ApiResponse> {
    if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ensureuser`);
    const login = pathArg ?? parseJsonBody(ctx.req).logonName;
    if (typeof login !== "string" || login.trim() === "") throw badRequest("ensureuser needs a logonName.");
    const user = this.store.userByUpn(stripClaims(login.trim()));
    if (!isLoginOf(user, login)) throw new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", `The specified user ${login} could not be found.`);
    await this.store.commit(() => this.store.ensureSiteUser(ctx.site.id, user.id));
    return this.single(ctx, this.userEntity(ctx, user), "SP.User");
  }

  // ---- lists

  private listEntity(ctx: Ctx, list: ListRow): Entity {
    const path = listEntityPath(list);
    const library = listIsLibrary(list);
    const items = this.store.items(list.guid);
    return new Entity(
      { type: "SP.List", id: `${ctx.webUrl}/_api/${path}`, uri: `${ctx.webUrl}/_api/${path}`, editLink: path, etag: `"${list.modified}"` },
      {
        AllowContentTypes: true,
        BaseTemplate: list.baseTemplate,
        BaseType: library ? 1 : 0,
        ContentTypesEnabled: false,
        Created: list.created,
        Description: list.description,
        EnableAttachments: !library && this.store.getMeta(attachmentsOffKey(list.guid)) === undefined,
        EnableVersioning: true,
        EntityTypeName: list.entityName.replace(/(List)?Item$/, library ? "" : "List"),
        HasUniqueRoleAssignments: this.security.hasUnique(ctx.site.id, listScope(list.guid)),
        Hidden: false,
        Id: list.guid,
        ItemCount: items.size,
        LastItemDeletedDate: list.modified,
        LastItemModifiedDate: list.modified,
        LastItemUserModifiedDate: list.modified,
        ListItemEntityTypeFullName: itemEntityType(list),
        ParentWebUrl: ctx.sitePath || "/",
        Title: list.title,
        ReadSecurity: this.security.listSecurity(list.guid).readSecurity,
        WriteSecurity: this.security.listSecurity(list.guid).writeSecurity,
        RootFolder: this.folderEntity(ctx, list, `${ctx.sitePath}/${list.urlName}`),
      },
    );
  }

  private async createList(ctx: Ctx): Promise<ApiResponse> {
    if (!has(ctx.guard.web(), P.ManageLists)) throw accessDenied();
    const body = parseJsonBody(ctx.req);
    const title = body.Title;
    if (typeof title !== "string" || title.trim() === "") throw badRequest("A list needs a Title.");
    const template = Number(body.BaseTemplate ?? 100);
    if (template !== 100 && template !== 101) throw unsupported(`BaseTemplate ${template} (only 100 and 101)`);
    if (this.store.listByTitle(ctx.site.id, title)) {
      throw new SpError(
        500,
        "-2130575342, Microsoft.SharePoint.SPException",
        "A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.",
      );
    }
    const urlName = template === 101 ? title : `Lists/${title}`;
    const encoded = encodeInternalName(title);
    const now = nowIso();
    const list: ListRow = {
      guid: randomUUID(),
      siteId: ctx.site.id,
      title,
      description: typeof body.Description === "string" ? body.Description : "",
      baseTemplate: template,
      urlName,
      entityName: template === 101 ? `${encoded}Item` : `${encoded}ListItem`,
      created: now,
      modified: now,
      lastItemId: 0,
    };
    await this.store.commit(() => {
      this.store.insertList(list);
      for (const field of builtInFields(list)) this.store.insertField(field);
    });
    return json(201, entityDocument(this.listEntity(ctx, list), ctx.format, this.metadataUrl(ctx, "SP.List/@Element")), ctx.format);
  }

  private async updateList(ctx: Ctx, list: ListRow): Promise<ApiResponse> {
    this.requireList(ctx, list, P.ManageLists);
    this.checkIfMatch(ctx, `"${list.modified}"`, true);
    const body = parseJsonBody(ctx.req);
    const patch: { title?: string; description?: string } = {};
    const itemSecurity = listSecurityPatch(body);
    let attachments: boolean | undefined;
    for (const [key, value] of Object.entries(body)) {
      if (key === "__metadata" || key === "ReadSecurity" || key === "WriteSecurity") continue;
      if (key === "Title" && typeof value === "string") patch.title = value;
      else if (key === "Description" && typeof value === "string") patch.description = value;
      else if (key === "EnableAttachments" && typeof value === "boolean" && !listIsLibrary(list)) attachments = value;
      else if (["ContentTypesEnabled", "EnableVersioning", "EnableAttachments", "AllowContentTypes", "Hidden", "OnQuickLaunch", "NoCrawl"].includes(key)) continue;
      else throw noSuchProperty(key, "SP.List");
    }
    await this.store.commit(() => {
      this.store.updateList(list.guid, patch);
      if (itemSecurity) this.security.setListSecurity(list.guid, itemSecurity);
      if (attachments === true) this.store.deleteMeta(attachmentsOffKey(list.guid));
      if (attachments === false) this.store.setMeta(attachmentsOffKey(list.guid), "1");
    });
    return empty(204);
  }

  // ---- views (views.ts)

  private viewById(list: ListRow, id: string): ListRow {
    const view = defaultViewOf(list, this.store.storedView(list.guid));
    if (view.guid.toLowerCase() !== id.replace(/[{}]|^guid'|'$/gi, "").toLowerCase()) throw viewNotFound();
    return list;
  }

  private viewEntity(ctx: Ctx, list: ListRow): Entity {
    const view = defaultViewOf(list, this.store.storedView(list.guid));
    const path = `${listEntityPath(list)}/Views(guid'${view.guid}')`;
    return new Entity(
      { type: "SP.View", id: `${ctx.webUrl}/_api/${path}`, uri: `${ctx.webUrl}/_api/${path}`, editLink: path },
      {
        DefaultView: true,
        Hidden: false,
        Id: view.guid,
        PersonalView: false,
        ReadOnlyView: false,
        RowLimit: 30,
        ServerRelativeUrl: defaultViewUrl(ctx.sitePath, list),
        Title: defaultViewTitle(list),
        ViewQuery: "",
      },
    );
  }

  /** addViewField / removeViewField (POST, Manage Lists on the list), as SP.ViewFieldCollection.add and remove. */
  private async changeViewFields(ctx: Ctx, list: ListRow, how: "add" | "remove", name: string): Promise<ApiResponse> {
    if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ViewFields`);
    this.requireList(ctx, list, P.ManageLists);
    const view = defaultViewOf(list, this.store.storedView(list.guid));
    const internal = viewFieldName(this.store.fields(list.guid), name);
    if (!internal) throw fieldNotFound(name);
    const fields = how === "add" ? (view.fields.includes(internal) ? view.fields : [...view.fields, internal]) : view.fields.filter((f) => f !== internal);
    await this.store.commit(() => this.store.saveView({ ...view, fields }));
    return empty(200);
  }

  // ---- fields

  private async addField(ctx: Ctx, list: ListRow, how: "add" | "addfield" | "xml"): Promise<ApiResponse> {
    if (ctx.method !== "POST") throw unsupported(`${ctx.method} on fields`);
    this.requireList(ctx, list, P.ManageLists);
    const raw = parseJsonBody(ctx.req);
    let body: Record<string, unknown> = raw;
    let internalName: string | undefined;
    if (how === "addfield") body = (raw.parameters ?? {}) as Record<string, unknown>;
    if (how === "xml") {
      const params = (raw.parameters ?? {}) as Record<string, unknown>;
      if (typeof params.SchemaXml !== "string") throw badRequest("createFieldAsXml needs parameters.SchemaXml.");
      ({ body, internalName } = fieldBodyFromSchemaXml(params.SchemaXml));
    }
    const field = newField(list, this.store.fields(list.guid), body, internalName);
    if (field.kind === KIND.Lookup && !this.store.listByGuid(ctx.site.id, field.props.LookupList ?? "")) {
      throw badRequest(`The lookup list '${field.props.LookupList ?? ""}' does not exist.`);
    }
    await this.store.commit(() => this.store.insertField(field));
    const status = how === "add" ? 201 : 200;
    return json(status, entityDocument(fieldEntity(field, ctx.webUrl), ctx.format, this.metadataUrl(ctx, `${typeAsStringOf(field.kind, false)}/@Element`)), ctx.format);
  }

  private async fieldRequest(ctx: Ctx, list: ListRow, name: string, by: "id" | "title" | "nameOrTitle"): Promise<ApiResponse> {
    const fields = this.store.fields(list.guid);
    const lower = name.toLowerCase().replace(/[{}]/g, "");
    const found = fields.find((f) =>
      by === "id" ? f.guid === lower : by === "title" ? f.title.toLowerCase() === lower : f.internalName.toLowerCase() === lower || f.title.toLowerCase() === lower,
    );
    if (!found) throw fieldNotFound(name);
    // A copy: the store's cached rows must not change before the write commits.
    const field = { ...found, props: { ...found.props } };
    if (ctx.method === "GET") return this.single(ctx, fieldEntity(field, ctx.webUrl), fieldEntity(field, ctx.webUrl).meta.type);
    this.requireList(ctx, list, P.ManageLists);
    if (ctx.method === "MERGE" || ctx.method === "PATCH") {
      const body = parseJsonBody(ctx.req);
      if (typeof body.Title === "string") field.title = body.Title;
      const before = isMulti(field);
      field.props = applyFieldProps(field.props, body);
      field.typeAsString = typeAsStringOf(field.kind, isMulti(field));
      if (before && !isMulti(field)) throw unsupported("turning a multi-value field back into a single-value field");
      await this.store.commit(() => this.store.updateField(field));
      return empty(204);
    }
    if (ctx.method === "DELETE") {
      if (field.builtIn) throw new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", "You cannot delete a built-in field.");
      await this.store.commit(() => this.store.deleteField(field.guid));
      return empty(200);
    }
    throw unsupported(`${ctx.method} on a field`);
  }

  // ---- items

  private getItems(ctx: Ctx, list: ListRow): ApiResponse {
    const scope = { ...this.scope(ctx, list), visible: ctx.guard.itemFilter(list) };
    const projection = parseProjection(scope, ctx.query.get("$select"), ctx.query.get("$expand"));
    const result = queryItems(
      scope,
      { filter: ctx.query.get("$filter"), orderby: ctx.query.get("$orderby"), top: ctx.query.get("$top"), skiptoken: ctx.query.get("$skiptoken"), expand: projection.expand },
      this.faults.threshold,
    );
    let nextLink: string | undefined;
    if (result.nextToken) {
      const params = new URLSearchParams(ctx.req.url.search);
      params.set("$skiptoken", result.nextToken);
      nextLink = `${ctx.origin}${ctx.req.url.pathname}?${params.toString()}`;
    }
    const entities = result.items.map((item) => itemEntity(scope, item, projection));
    return json(200, collectionDocument(entities, ctx.format, this.metadataUrl(ctx, `SP.ListData.${list.entityName}s`), nextLink), ctx.format);
  }

  private async addItem(ctx: Ctx, list: ListRow): Promise<ApiResponse> {
    const scope = this.scope(ctx, list);
    this.requireList(ctx, list, P.AddListItems);
    const values = applyWrite(scope, {}, parseJsonBody(ctx.req));
    if (listIsLibrary(list)) throw unsupported("adding items to a document library without a file (upload a file instead)");
    const item = await this.store.commit(() => this.store.insertItem(list.guid, values, ctx.user.id));
    const entity = itemEntity(scope, item, { select: null, expand: new Map() });
    return json(201, entityDocument(entity, ctx.format, this.metadataUrl(ctx, `SP.ListData.${list.entityName}s/@Element`)), ctx.format, { ETag: etagOf(item.version) });
  }

  /** If-Match: `*` or absent matches; otherwise it must equal the current ETag exactly. */
  private checkIfMatch(ctx: Ctx, current: string, allowMissing = true): void {
    const sent = ctx.req.headers["if-match"];
    if (sent === undefined || sent === "") {
      if (allowMissing) return;
      throw badRequest("The If-Match header is required.");
    }
    if (sent.trim() === "*") return;
    const tags = sent.split(",").map((t) => t.trim().replace(/^W\//, ""));
    if (!tags.includes(current)) throw etagMismatch(sent.trim(), current);
  }

  private async updateItem(ctx: Ctx, list: ListRow, id: number): Promise<ApiResponse> {
    const scope = this.scope(ctx, list);
    const body = parseJsonBody(ctx.req);
    // Check, write and commit in one immediate transaction, so two racing writers with the same
    // ETag cannot both win.
    const updated = await this.store.commit(() => {
      const item = this.visibleItem(ctx, list, id);
      if (!ctx.guard.mayWriteItem(list, item, P.EditListItems)) throw accessDenied();
      this.checkIfMatch(ctx, etagOf(item.version));
      const values = applyWrite(scope, item.values, body);
      return this.store.updateItem(item, values, ctx.user.id);
    });
    return empty(204, { ETag: etagOf(updated.version) });
  }

  private async deleteItem(ctx: Ctx, list: ListRow, id: number): Promise<ApiResponse> {
    await this.store.commit(() => {
      const item = this.visibleItem(ctx, list, id);
      if (!ctx.guard.mayWriteItem(list, item, P.DeleteListItems)) throw accessDenied();
      this.checkIfMatch(ctx, etagOf(item.version));
      this.security.forgetScope(ctx.site.id, itemScope(list.guid, id));
      const file = listIsLibrary(list) ? this.store.fileByItem(list.guid, id) : undefined;
      if (file) this.store.deleteFile(file.path);
      // An item's attachments go with it.
      if (!listIsLibrary(list)) for (const f of this.store.filesIn(attachmentFolder(ctx.sitePath, list, id))) this.store.deleteFile(f.path);
      this.store.deleteItem(item);
    });
    return empty(200);
  }

  private versions(ctx: Ctx, list: ListRow, id: number): ApiResponse {
    const item = this.visibleItem(ctx, list, id);
    if (!has(ctx.guard.item(list, item), P.ViewVersions)) throw accessDenied();
    const scope = this.scope(ctx, list);
    const entities = this.store.versions(list.guid, id).map((v) => {
      const record: ItemRecord = { ...item, version: v.version, values: v.values, modified: v.modified, editorId: v.editorId };
      const values = versionFieldValues(scope, record);
      const editor = this.store.userById(v.editorId);
      const path = `${listEntityPath(list)}/Items(${id})/Versions(${v.version * 512})`;
      return new Entity(
        { type: "SP.ListItemVersion", id: `${ctx.webUrl}/_api/${path}`, uri: `${ctx.webUrl}/_api/${path}`, editLink: path },
        {
          ...values,
          // Created is the item's (a field like any other); Modified and Editor are the version's.
          Created: item.created,
          Modified: v.modified,
          Author: { LookupId: item.authorId, LookupValue: this.store.userById(item.authorId)?.title ?? "", Email: this.store.userById(item.authorId)?.email ?? "" },
          Editor: { LookupId: v.editorId, LookupValue: editor?.title ?? "", Email: editor?.email ?? "" },
          IsCurrentVersion: v.version === item.version,
          VersionId: v.version * 512,
          VersionLabel: `${v.version}.0`,
        },
      );
    });
    return this.collection(ctx, entities, "SP.ListItemVersion");
  }

  // ---- files

  private folderEntity(ctx: Ctx, list: ListRow, path: string): Entity {
    const api = `Web/GetFolderByServerRelativePath(decodedurl='${path.replace(/'/g, "''")}')`;
    return new Entity(
      { type: "SP.Folder", id: `${ctx.webUrl}/_api/${api}`, uri: `${ctx.webUrl}/_api/${api}`, editLink: api },
      {
        Exists: true,
        IsWOPIEnabled: false,
        ItemCount: listIsLibrary(list) ? this.store.filesIn(path).length : this.store.items(list.guid).size,
        Name: list.urlName.split("/").pop() ?? list.urlName,
        ProgID: null,
        ServerRelativeUrl: path,
        TimeCreated: list.created,
        TimeLastModified: list.modified,
        UniqueId: list.guid,
        WelcomePage: "",
      },
    );
  }

  private fileEntity(ctx: Ctx, file: FileRecord): Entity {
    const api = `Web/GetFileByServerRelativePath(decodedurl='${file.path.replace(/'/g, "''")}')`;
    const author = this.store.userById(file.authorId);
    const editor = this.store.userById(file.editorId);
    return new Entity(
      { type: "SP.File", id: `${ctx.webUrl}/_api/${api}`, uri: `${ctx.webUrl}/_api/${api}`, editLink: api },
      {
        Author: author ? this.userEntity(ctx, author) : null,
        CheckInComment: "",
        CheckOutType: 2,
        ContentTag: `{${file.guid.toUpperCase()}},${file.version},${file.version}`,
        CustomizedPageStatus: 0,
        ETag: `"{${file.guid.toUpperCase()}},${file.version}"`,
        Exists: true,
        Length: String(file.length),
        Level: 1,
        MajorVersion: file.version,
        MinorVersion: 0,
        ModifiedBy: editor ? this.userEntity(ctx, editor) : null,
        Name: file.name,
        ServerRelativeUrl: file.path,
        TimeCreated: file.created,
        TimeLastModified: file.modified,
        Title: null,
        UIVersion: file.version * 512,
        UIVersionLabel: `${file.version}.0`,
        UniqueId: file.guid,
      },
    );
  }

  private listFiles(ctx: Ctx, list: ListRow, folder: string): ApiResponse {
    const visible = ctx.guard.itemFilter(list);
    const files = this.store.filesIn(folder).filter((f) => {
      const item = this.store.item(list.guid, f.itemId);
      return !item || visible(item);
    });
    return this.collection(ctx, files.map((f) => this.fileEntity(ctx, f)), "SP.File");
  }

  /** Writes file bytes and keeps the library item in step (a new item, or a new version of it). */
  private async writeFile(ctx: Ctx, list: ListRow, path: string, bytes: Uint8Array, mustBeNew: boolean): Promise<FileRecord> {
    return await this.store.commit(() => {
      const existing = this.store.file(path);
      if (existing && mustBeNew) {
        throw new SpError(
          400,
          "-2130575257, Microsoft.SharePoint.SPException",
          `A file with the name ${path.slice(ctx.sitePath.length + 1)} already exists. It was last modified by ${this.store.userById(existing.editorId)?.email ?? "unknown"} on ${existing.modified}.`,
        );
      }
      const name = path.slice(path.lastIndexOf("/") + 1);
      let itemId: number;
      if (existing) {
        const item = this.store.item(list.guid, existing.itemId);
        if (item) this.store.updateItem(item, item.values, ctx.user.id);
        itemId = existing.itemId;
      } else {
        itemId = this.store.insertItem(list.guid, { FileLeafRef: name, Title: null }, ctx.user.id).id;
      }
      return this.store.putFile(
        { path, listGuid: list.guid, itemId, folder: path.slice(0, path.lastIndexOf("/")), name, authorId: ctx.user.id, editorId: ctx.user.id },
        bytes,
      );
    });
  }

  /**
   * Writing a file: a new one needs Add Items on the library; replacing or deleting one needs Edit
   * or Delete Items on its item (with the library's WriteSecurity).
   */
  private assertCanWriteLibrary(ctx: Ctx, list: ListRow, path?: string, bit: bigint = P.EditListItems): void {
    if (!listIsLibrary(list)) throw unsupported("files in a list that is not a document library");
    const existing = path === undefined ? undefined : this.store.file(path);
    const item = existing ? this.store.item(list.guid, existing.itemId) : undefined;
    if (!item) {
      this.requireList(ctx, list, P.AddListItems);
      return;
    }
    if (!ctx.guard.canSeeItem(list, item)) throw fileNotFound();
    if (!ctx.guard.mayWriteItem(list, item, bit)) throw accessDenied();
  }

  /** A file whose item the caller may see, or 404. */
  private visibleFile(ctx: Ctx, list: ListRow, path: string): FileRecord {
    const file = this.store.file(path);
    const item = file ? this.store.item(list.guid, file.itemId) : undefined;
    if (!file || (item && !ctx.guard.canSeeItem(list, item))) throw fileNotFound();
    return file;
  }

  private async addFile(ctx: Ctx, list: ListRow, folder: string, seg: Segment): Promise<ApiResponse> {
    if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ${seg.raw}`);
    const named = seg.args?.named ?? {};
    const name = String(named.decodedurl ?? named.url ?? firstArg(seg) ?? "");
    assertValidFileName(name, `${folder}/${name}`);
    const overwrite = named.overwrite === true;
    this.assertCanWriteLibrary(ctx, list, overwrite ? `${folder}/${name}` : undefined);
    const file = await this.writeFile(ctx, list, `${folder}/${name}`, ctx.req.body, !overwrite);
    return this.single(ctx, this.fileEntity(ctx, file), "SP.File");
  }

  private async fileContent(ctx: Ctx, list: ListRow, path: string): Promise<ApiResponse> {
    if (ctx.method === "GET") {
      const file = this.visibleFile(ctx, list, path);
      const bytes = this.store.fileBytes(path);
      if (!bytes) throw fileNotFound();
      return { status: 200, headers: { "Content-Type": "application/octet-stream", ETag: `"{${file.guid.toUpperCase()}},${file.version}"` }, body: bytes };
    }
    if (ctx.method === "PUT" || ctx.method === "POST") {
      this.visibleFile(ctx, list, path);
      this.assertCanWriteLibrary(ctx, list, path);
      await this.writeFile(ctx, list, path, ctx.req.body, false);
      return empty(204);
    }
    throw unsupported(`${ctx.method} on $value`);
  }

  private async chunkedUpload(ctx: Ctx, list: ListRow, path: string, seg: Segment): Promise<ApiResponse> {
    if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ${seg.raw}`);
    this.visibleFile(ctx, list, path);
    this.assertCanWriteLibrary(ctx, list, path);
    const named = seg.args?.named ?? {};
    const uploadId = String(named.uploadid ?? "").toLowerCase();
    if (uploadId === "") throw badRequest(`${seg.raw} needs an uploadId.`);
    const body = ctx.req.body;
    const offsetDoc = (name: string, value: number) =>
      json(200, primitiveDocument(name, String(value), ctx.format, this.metadataUrl(ctx, "Edm.Int64")), ctx.format);
    if (seg.name === "startupload") {
      this.uploads.set(uploadId, { path, chunks: [Buffer.from(body)], length: body.length });
      return offsetDoc("StartUpload", body.length);
    }
    const session = this.uploads.get(uploadId);
    if (!session || session.path.toLowerCase() !== path.toLowerCase()) {
      throw new SpError(400, "-2146233079, Microsoft.SharePoint.SPException", "The upload session was not found.");
    }
    if (seg.name === "cancelupload") {
      this.uploads.delete(uploadId);
      return empty(200);
    }
    const offset = Number(named.fileoffset);
    if (offset !== session.length) throw badRequest(`The file offset ${String(named.fileoffset)} does not match the uploaded length ${session.length}.`);
    session.chunks.push(Buffer.from(body));
    session.length += body.length;
    if (seg.name === "continueupload") return offsetDoc("ContinueUpload", session.length);
    this.uploads.delete(uploadId);
    const file = await this.writeFile(ctx, list, session.path, Buffer.concat(session.chunks), false);
    return this.single(ctx, this.fileEntity(ctx, file), "SP.File");
  }

  private async deleteFile(ctx: Ctx, list: ListRow, path: string): Promise<ApiResponse> {
    this.visibleFile(ctx, list, path);
    this.assertCanWriteLibrary(ctx, list, path, P.DeleteListItems);
    await this.store.commit(() => {
      const file = this.store.file(path);
      if (!file) throw fileNotFound();
      const item = this.store.item(list.guid, file.itemId);
      if (item) this.store.deleteItem(item);
      this.store.deleteFile(path);
      this.security.forgetScope(ctx.site.id, itemScope(list.guid, file.itemId));
    });
    return empty(200);
  }

  // ---- list item attachments (attachments.ts)

  private attachmentEntity(ctx: Ctx, list: ListRow, id: number, name: string): Entity {
    const api = `${listEntityPath(list)}/Items(${id})/AttachmentFiles('${name.replace(/'/g, "''")}')`;
    return new Entity({ type: "SP.Attachment", id: `${ctx.webUrl}/_api/${api}`, uri: `${ctx.webUrl}/_api/${api}`, editLink: api }, attachmentProps(`${attachmentFolder(ctx.sitePath, list, id)}/${name}`, name));
  }

  /** An attachment of an item the caller may see, or 404 (SharePoint answers a missing one "File Not Found."). */
  private visibleAttachment(ctx: Ctx, list: ListRow, id: number, name: string): FileRecord {
    this.visibleItem(ctx, list, id);
    const file = this.store.file(`${attachmentFolder(ctx.sitePath, list, id)}/${name}`);
    if (!file) throw fileNotFound();
    return file;
  }

  /**
   * Adding or removing an attachment changes the item: Edit Items on it (with the list's
   * WriteSecurity, so under WriteSecurity 2 only on one's own items), and a new version of the item.
   */
  private async changeAttachments(ctx: Ctx, list: ListRow, id: number, change: (item: ItemRecord) => void): Promise<void> {
    if (listIsLibrary(list)) throw unsupported("attachments in a document library (its items are files)");
    await this.store.commit(() => {
      const item = this.visibleItem(ctx, list, id);
      if (!ctx.guard.mayWriteItem(list, item, P.EditListItems)) throw accessDenied();
      change(item);
      this.store.updateItem(item, item.values, ctx.user.id);
    });
  }

  private async addAttachment(ctx: Ctx, list: ListRow, id: number, seg: Segment): Promise<ApiResponse> {
    if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ${seg.raw}`);
    const named = seg.args?.named ?? {};
    const name = String(named.filename ?? named.decodedurl ?? firstArg(seg) ?? "");
    const folder = attachmentFolder(ctx.sitePath, list, id);
    const path = `${folder}/${name}`;
    let added: FileRecord | undefined;
    await this.changeAttachments(ctx, list, id, () => {
      if (this.store.getMeta(attachmentsOffKey(list.guid)) !== undefined) throw attachmentsDisabled();
      assertValidFileName(name, path);
      if (this.store.file(path)) throw attachmentExists(path.slice(ctx.sitePath.length + 1));
      if (ctx.req.body.length === 0) throw attachmentEmpty();
      added = this.store.putFile({ path, listGuid: list.guid, itemId: id, folder, name, authorId: ctx.user.id, editorId: ctx.user.id }, ctx.req.body);
    });
    return this.single(ctx, this.attachmentEntity(ctx, list, id, (added as FileRecord).name), "SP.Attachment");
  }

  private async attachmentContent(ctx: Ctx, list: ListRow, id: number, name: string): Promise<ApiResponse> {
    const file = this.visibleAttachment(ctx, list, id, name);
    if (ctx.method === "GET") {
      const bytes = this.store.fileBytes(file.path);
      if (!bytes) throw fileNotFound();
      return { status: 200, headers: { "Content-Type": "application/octet-stream", ETag: `"{${file.guid.toUpperCase()}},${file.version}"` }, body: bytes };
    }
    if (ctx.method === "PUT" || ctx.method === "POST") {
      if (ctx.req.body.length === 0) throw attachmentEmpty();
      await this.changeAttachments(ctx, list, id, () => {
        this.store.putFile({ path: file.path, listGuid: list.guid, itemId: id, folder: file.folder, name: file.name, authorId: file.authorId, editorId: ctx.user.id }, ctx.req.body);
      });
      return empty(204);
    }
    throw unsupported(`${ctx.method} on an attachment's $value`);
  }

  private async deleteAttachment(ctx: Ctx, list: ListRow, id: number, name: string): Promise<ApiResponse> {
    if (ctx.method !== "DELETE" && ctx.method !== "POST") throw unsupported(`${ctx.method} on an attachment`);
    const file = this.visibleAttachment(ctx, list, id, name);
    await this.changeAttachments(ctx, list, id, () => this.store.deleteFile(file.path));
    return empty(200);
  }

  // ---- $batch

  private async batch(ctx: Ctx): Promise<ApiResponse> {
    if (ctx.method !== "POST") throw unsupported(`${ctx.method} on $batch`);
    const parts = parseBatch(ctx.req.headers["content-type"] ?? "", ctx.req.body.toString("utf8"));
    if (parts.length > MAX_BATCH_OPERATIONS) throw tooManyBatchOperations(parts.length);
    const responses: BatchPartResponse[] = [];
    let failed = false;
    for (const part of parts) {
      if (failed && this.faults.batchAfterFailure === "indexOutOfRange") {
        const error = new SpError(500, "-1, System.IndexOutOfRangeException", "Index was outside the bounds of the array.");
        const format = formatOf(part.headers.accept);
        responses.push({ status: 500, statusText: statusText(500), headers: { "Content-Type": contentTypeOf(format) }, body: JSON.stringify(errorDocument(error, format)) });
        continue;
      }
      let url: URL;
      try {
        url = new URL(part.url, ctx.req.url);
      } catch {
        throw badRequest(`localsp: $batch part URL '${part.url}' is not valid.`);
      }
      const headers: Record<string, string> = { ...part.headers };
      if (ctx.req.headers.authorization) headers.authorization = ctx.req.headers.authorization;
      const answer = await this.dispatch({ method: part.method, url, headers, body: Buffer.from(part.body, "utf8") }, { inBatch: true });
      const body = answer.body === null ? "" : typeof answer.body === "string" ? answer.body : answer.body.toString("utf8");
      responses.push({ status: answer.status, statusText: answer.statusText ?? statusText(answer.status), headers: answer.headers, body });
      if (answer.status >= 400) failed = true;
    }
    const { boundary, body } = formatBatchResponse(responses);
    return { status: 200, headers: { "Content-Type": `multipart/mixed; boundary=${boundary}` }, body };
  }
}

