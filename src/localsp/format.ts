// Response envelopes by Accept header (docs/sharepoint.md §2.5): JSON light minimal metadata
// (`application/json`, what @pnp/sp sends), nometadata, and verbose (`fields.add*`).
import type { SpError } from "./errors";

export type Format = "minimal" | "nometadata" | "verbose";

export function formatOf(accept: string | undefined): Format {
  const value = (accept ?? "").toLowerCase();
  if (value.includes("odata=verbose")) return "verbose";
  if (value.includes("odata=nometadata")) return "nometadata";
  return "minimal";
}

export function contentTypeOf(format: Format): string {
  switch (format) {
    case "verbose":
      return "application/json;odata=verbose;charset=utf-8";
    case "nometadata":
      return "application/json;odata=nometadata;streaming=true;charset=utf-8";
    default:
      return "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
  }
}

export interface EntityMeta {
  type: string;
  /** odata.id / __metadata.id: an absolute URL or a GUID, as SharePoint uses. */
  id: string;
  /** Absolute URI of the entity (verbose __metadata.uri). */
  uri: string;
  /** Relative edit link (minimal odata.editLink). */
  editLink: string;
  etag?: string;
}

/** The annotations of an entity addressed at `<web>/_api/<path>`: its id and URI are that URL, its edit link the path. */
export function entityAt(webUrl: string, type: string, path: string, etag?: string): EntityMeta {
  const url = `${webUrl}/_api/${path}`;
  return etag === undefined
    ? { type, id: url, uri: url, editLink: path }
    : { type, id: url, uri: url, editLink: path, etag };
}

/** An entity with its annotations kept apart from its properties until it is rendered. */
export class Entity {
  constructor(
    readonly meta: EntityMeta,
    readonly props: Record<string, unknown>,
    /** Navigation properties that were expanded, for the `X@odata.navigationLinkUrl` siblings. */
    readonly navigation: string[] = [],
  ) {}
}

function renderValue(value: unknown, format: Format): unknown {
  if (value instanceof Entity) return renderEntity(value, format);
  if (Array.isArray(value)) {
    const items = value.map((v) => renderValue(v, format));
    return format === "verbose" ? { results: items } : items;
  }
  return value;
}

export function renderEntity(entity: Entity, format: Format): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { meta } = entity;
  if (format === "verbose") {
    const m: Record<string, unknown> = { id: meta.id, uri: meta.uri };
    if (meta.etag !== undefined) m.etag = meta.etag;
    m.type = meta.type;
    out.__metadata = m;
  } else if (format === "minimal") {
    out["odata.type"] = meta.type;
    out["odata.id"] = meta.id;
    if (meta.etag !== undefined) out["odata.etag"] = meta.etag;
    out["odata.editLink"] = meta.editLink;
  }
  for (const [key, value] of Object.entries(entity.props)) {
    if (format === "minimal" && entity.navigation.includes(key))
      out[`${key}@odata.navigationLinkUrl`] = `${meta.editLink}/${key}`;
    out[key] = renderValue(value, format);
  }
  return out;
}

export function entityDocument(entity: Entity, format: Format, metadataUrl: string): unknown {
  const body = renderEntity(entity, format);
  if (format === "verbose") return { d: body };
  if (format === "minimal") return { "odata.metadata": metadataUrl, ...body };
  return body;
}

export function collectionDocument(
  entities: Entity[],
  format: Format,
  metadataUrl: string,
  nextLink?: string,
): unknown {
  const rendered = entities.map((e) => renderEntity(e, format));
  if (format === "verbose") {
    const d: Record<string, unknown> = { results: rendered };
    if (nextLink) d.__next = nextLink;
    return { d };
  }
  const out: Record<string, unknown> = {};
  if (format === "minimal") out["odata.metadata"] = metadataUrl;
  out.value = rendered;
  if (nextLink) out["odata.nextLink"] = nextLink;
  return out;
}

/** A complex value returned at top level (e.g. BasePermissions, ContextWebInformation). */
export function complexDocument(
  name: string,
  type: string,
  value: Record<string, unknown>,
  format: Format,
  metadataUrl: string,
): unknown {
  if (format === "verbose") return { d: { [name]: { __metadata: { type }, ...renderValues(value, format) } } };
  if (format === "minimal") return { "odata.metadata": metadataUrl, ...value };
  return value;
}

function renderValues(value: Record<string, unknown>, format: Format): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderValue(v, format)]));
}

/** A primitive return value (e.g. the offset StartUpload answers). */
export function primitiveDocument(name: string, value: unknown, format: Format, metadataUrl: string): unknown {
  if (format === "verbose") return { d: { [name]: value } };
  if (format === "minimal") return { "odata.metadata": metadataUrl, value };
  return { value };
}

export function errorDocument(error: SpError, format: Format): unknown {
  const inner = { code: error.code, message: { lang: "en-US", value: error.message } };
  return format === "verbose" ? { error: inner } : { "odata.error": inner };
}
