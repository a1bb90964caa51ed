// The rows the local server stores: users, sites, lists, fields, views, items, versions and files.
import type { Role } from "./permissions";

export interface UserRow {
  id: number;
  upn: string;
  title: string;
  email: string;
  jobTitle: string | null;
  defaultRole: Role | null;
}

export interface SiteRow {
  id: number;
  name: string;
  title: string;
  guid: string;
  webGuid: string;
  created: string;
}

export interface ListRow {
  guid: string;
  siteId: number;
  title: string;
  description: string;
  baseTemplate: number;
  /** The list's folder name: "Lists/<name>" for lists, "<name>" for libraries. */
  urlName: string;
  entityName: string;
  created: string;
  modified: string;
  lastItemId: number;
}

export interface FieldProps {
  Choices?: string[];
  AllowMultipleValues?: boolean;
  LookupList?: string;
  LookupField?: string;
  Indexed?: boolean;
  Required?: boolean;
  MaxLength?: number;
  Description?: string;
  Hidden?: boolean;
  ReadOnlyField?: boolean;
  DisplayFormat?: number;
  SelectionMode?: number;
  RichText?: boolean;
  NumberOfLines?: number;
  DefaultValue?: string | null;
  EnforceUniqueValues?: boolean;
  [key: string]: unknown;
}

export interface FieldRow {
  guid: string;
  listGuid: string;
  internalName: string;
  title: string;
  kind: number;
  typeAsString: string;
  props: FieldProps;
  builtIn: boolean;
}

/** A list's default view: only the default view is kept, and of it only its fields (views.ts). */
export interface ViewRow {
  guid: string;
  listGuid: string;
  /** Internal names, in column order. */
  fields: string[];
}

export interface ItemRecord {
  listGuid: string;
  id: number;
  version: number;
  guid: string;
  values: Record<string, unknown>;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
}

export interface VersionRecord {
  version: number;
  values: Record<string, unknown>;
  modified: string;
  editorId: number;
}

export interface FileRecord {
  path: string;
  listGuid: string;
  itemId: number;
  folder: string;
  name: string;
  guid: string;
  length: number;
  version: number;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
}

export interface RawItem {
  list_guid: string;
  id: number;
  version: number;
  guid: string;
  data: string;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
}

export function toItem(row: RawItem): ItemRecord {
  return {
    listGuid: row.list_guid,
    id: row.id,
    version: row.version,
    guid: row.guid,
    values: JSON.parse(row.data) as Record<string, unknown>,
    created: row.created,
    modified: row.modified,
    authorId: row.author_id,
    editorId: row.editor_id,
  };
}
