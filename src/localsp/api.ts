// The REST dispatcher: resolves `/sites/<name>/_api/...` paths segment by segment and answers with
// SharePoint Online's shapes, status codes and errors. Transport-neutral: the HTTP server, the Vite
// middleware and $batch parts all come through `dispatch`.
// Each concern has its own file under rest/: http (shapes and answers), auth (the token), lookup
// (what a path names, as the caller may see it), resolve (one segment at a time), answer (by
// method), and one file of handlers per resource (web, lists, views, fields, items, files,
// attachments, security, $batch).
import { SpError, accessDenied, badRequest, fileNotFound, unsupported } from "./errors";
import type { FaultControl } from "./faults";
import { errorDocument, formatOf, type Format } from "./format";
import { P, has } from "./permissions";
import { Guard } from "./guard";
import { Security } from "./security";
import { parseSegments, type Segment } from "./segments";
import type { Store } from "./store";
import { answer } from "./rest/answer";
import { authenticate, isSiteAdmin } from "./rest/auth";
import { batch } from "./rest/batch";
import type { Ctx, Resource, UploadSession } from "./rest/context";
import { json, type ApiRequest, type ApiResponse } from "./rest/http";
import { step } from "./rest/resolve";
import { contextInfo, siteEntity } from "./rest/web";

export { errorAnswer, statusText, type ApiRequest, type ApiResponse } from "./rest/http";

/** $skip is accepted and ignored on items, as SharePoint Online does; the rest are implemented. */
const SUPPORTED_QUERY_OPTIONS = new Set(["$select", "$expand", "$filter", "$orderby", "$top", "$skiptoken", "$skip"]);

const PNP_MARKER_HEADERS = ["x-pnp-batchnever", "x-pnpjs-nodigest", "x-pnp-cachenever"];

export class LocalSharePointApi {
  /** Chunked upload sessions by upload id (in memory: SharePoint's also expire). */
  private readonly uploads = new Map<string, UploadSession>();

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
      return json(
        500,
        errorDocument(new SpError(500, "-1, System.InvalidOperationException", message.split("\n")[0] ?? ""), format),
        format,
      );
    }
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
    const { user, grant } = authenticate(this.store, req);
    // Sites are made by an admin (LocalSharePoint.createSite, POST /_localsp/sites), never by a
    // request: SharePoint Online answers an unknown site path 404.
    const site = this.store.siteByName(siteName);
    if (!site) throw fileNotFound();
    this.security.ensureSite(site);
    const guard = new Guard(this.security, site, user.id, isSiteAdmin(this.store, site.id, user.id), grant);
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
      store: this.store,
      security: this.security,
      faults: this.faults,
      uploads: this.uploads,
      dispatch: (part, options) => this.dispatch(part, options),
    };
    for (const marker of PNP_MARKER_HEADERS) delete req.headers[marker];
    for (const name of req.url.searchParams.keys()) {
      if (name.startsWith("$") && !SUPPORTED_QUERY_OPTIONS.has(name.toLowerCase()))
        throw unsupported(`the query option '${name}'`);
    }
    // No way into the site at all: SharePoint answers 403 (a scope-less token the same).
    if (!has(guard.web(), P.Open)) throw accessDenied();
    const segments = parseSegments(m[2] ?? "", req.url.searchParams);
    if (segments.length === 0) throw unsupported("the service document at /_api");
    const first = segments[0] as Segment;
    if (first.name === "contextinfo" && segments.length === 1) return contextInfo(ctx);
    if (first.name === "$batch" && segments.length === 1) {
      if (inBatch) throw badRequest("localsp: a $batch cannot contain another $batch.");
      return batch(ctx);
    }
    if (first.name === "site" && segments.length === 1) return siteEntity(ctx);
    let resource: Resource = { kind: "root" };
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as Segment;
      const next = step(ctx, resource, segment, segments.slice(i + 1));
      if ("response" in next) {
        if (i !== segments.length - 1)
          throw unsupported(
            `'${segments
              .slice(i + 1)
              .map((s) => s.raw)
              .join("/")}' after '${segment.raw}'`,
          );
        return await next.response;
      }
      resource = next.resource;
    }
    return answer(ctx, resource);
  }
}
