// Field definitions: SharePoint's field kinds, the built-in columns every list has, internal names
// derived from titles (`Plan Year` -> `Plan_x0020_Year`) and the SP.Field entity shape.
import { randomUUID } from "node:crypto";
import { SpError, badRequest, unsupported } from "./errors";
import { Entity } from "./format";
import type { FieldProps, FieldRow, ListRow } from "./store";

export const KIND = {
  Integer: 1,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Counter: 5,
  Choice: 6,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  Currency: 10,
  URL: 11,
  Computed: 12,
  Guid: 14,
  MultiChoice: 15,
  File: 18,
  User: 20,
} as const;

const TYPE_NAMES: Record<number, { typeAsString: string; odataType: string }> = {
  1: { typeAsString: "Integer", odataType: "SP.FieldNumber" },
  2: { typeAsString: "Text", odataType: "SP.FieldText" },
  3: { typeAsString: "Note", odataType: "SP.FieldMultiLineText" },
  4: { typeAsString: "DateTime", odataType: "SP.FieldDateTime" },
  5: { typeAsString: "Counter", odataType: "SP.Field" },
  6: { typeAsString: "Choice", odataType: "SP.FieldChoice" },
  7: { typeAsString: "Lookup", odataType: "SP.FieldLookup" },
  8: { typeAsString: "Boolean", odataType: "SP.Field" },
  9: { typeAsString: "Number", odataType: "SP.FieldNumber" },
  10: { typeAsString: "Currency", odataType: "SP.FieldCurrency" },
  11: { typeAsString: "URL", odataType: "SP.FieldUrl" },
  12: { typeAsString: "Computed", odataType: "SP.FieldComputed" },
  14: { typeAsString: "Guid", odataType: "SP.FieldGuid" },
  15: { typeAsString: "MultiChoice", odataType: "SP.FieldMultiChoice" },
  18: { typeAsString: "File", odataType: "SP.Field" },
  20: { typeAsString: "User", odataType: "SP.FieldUser" },
};

export const SUPPORTED_KINDS = new Set<number>([1, 2, 3, 4, 6, 7, 8, 9, 10, 15, 20]);

export function typeAsStringOf(kind: number, multi: boolean): string {
  const base = TYPE_NAMES[kind]?.typeAsString ?? "Text";
  if (multi && kind === KIND.User) return "UserMulti";
  if (multi && kind === KIND.Lookup) return "LookupMulti";
  return base;
}

export function odataTypeOf(field: FieldRow): string {
  return TYPE_NAMES[field.kind]?.odataType ?? "SP.Field";
}

export function isReferenceField(field: FieldRow): boolean {
  return field.kind === KIND.Lookup || field.kind === KIND.User;
}

export function isMulti(field: FieldRow): boolean {
  return field.kind === KIND.MultiChoice || (isReferenceField(field) && field.props.AllowMultipleValues === true);
}

/** SharePoint's internal name for a title: characters outside [A-Za-z0-9_] become `_xHHHH_`, at most 32 characters. */
export function encodeInternalName(title: string): string {
  let out = "";
  for (const ch of title) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else out += `_x${(ch.codePointAt(0) as number).toString(16).padStart(4, "0")}_`;
  }
  return out.slice(0, 32);
}

/** The name a field has in item JSON: a leading underscore gets SharePoint's `OData_` prefix. */
export function entityPropertyName(field: FieldRow): string {
  return field.internalName.startsWith("_") ? `OData_${field.internalName}` : field.internalName;
}

export function listIsLibrary(list: ListRow): boolean {
  return list.baseTemplate === 101;
}

interface BuiltIn {
  internalName: string;
  title: string;
  kind: number;
  props?: FieldProps;
}

const COMMON_BUILT_INS: BuiltIn[] = [
  { internalName: "ID", title: "ID", kind: KIND.Counter, props: { ReadOnlyField: true, Indexed: true } },
  {
    internalName: "ContentTypeId",
    title: "Content Type ID",
    kind: KIND.Computed,
    props: { ReadOnlyField: true, Hidden: true },
  },
  { internalName: "Modified", title: "Modified", kind: KIND.DateTime, props: { ReadOnlyField: true } },
  { internalName: "Created", title: "Created", kind: KIND.DateTime, props: { ReadOnlyField: true } },
  {
    internalName: "Author",
    title: "Created By",
    kind: KIND.User,
    props: { ReadOnlyField: true, LookupField: "Title" },
  },
  {
    internalName: "Editor",
    title: "Modified By",
    kind: KIND.User,
    props: { ReadOnlyField: true, LookupField: "Title" },
  },
  { internalName: "_UIVersionString", title: "Version", kind: KIND.Text, props: { ReadOnlyField: true } },
  { internalName: "Attachments", title: "Attachments", kind: KIND.Boolean, props: { ReadOnlyField: true } },
  { internalName: "GUID", title: "GUID", kind: KIND.Guid, props: { ReadOnlyField: true, Hidden: true } },
];

export function builtInFields(list: ListRow): FieldRow[] {
  const defs: BuiltIn[] = [
    {
      internalName: "Title",
      title: "Title",
      kind: KIND.Text,
      props: { MaxLength: 255, Required: !listIsLibrary(list) },
    },
  ];
  if (listIsLibrary(list)) {
    defs.push({ internalName: "FileLeafRef", title: "Name", kind: KIND.File, props: { Required: true } });
    defs.push({
      internalName: "FileRef",
      title: "URL Path",
      kind: KIND.Computed,
      props: { ReadOnlyField: true, Hidden: true },
    });
  }
  defs.push(...COMMON_BUILT_INS);
  return defs.map((d) => ({
    guid: randomUUID(),
    listGuid: list.guid,
    internalName: d.internalName,
    title: d.title,
    kind: d.kind,
    typeAsString: typeAsStringOf(d.kind, false),
    props: { Indexed: false, Required: false, Hidden: false, ReadOnlyField: false, ...d.props },
    builtIn: true,
  }));
}

/** Fields whose stored value lives on the item record rather than in its JSON values. */
export const SYSTEM_FIELDS = new Set([
  "ID",
  "ContentTypeId",
  "Modified",
  "Created",
  "Author",
  "Editor",
  "_UIVersionString",
  "Attachments",
  "GUID",
  "FileRef",
]);

function unwrapResults(value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value) && "results" in value)
    return (value as { results: unknown }).results;
  return value;
}

const SETTABLE_PROPS = new Set([
  "Choices",
  "AllowMultipleValues",
  "LookupListId",
  "LookupList",
  "LookupFieldName",
  "LookupField",
  "Indexed",
  "Required",
  "MaxLength",
  "Description",
  "Hidden",
  "DisplayFormat",
  "DateTimeCalendarType",
  "FriendlyDisplayFormat",
  "SelectionMode",
  "SelectionGroup",
  "RichText",
  "NumberOfLines",
  "AllowHyperlink",
  "AppendOnly",
  "RestrictedMode",
  "UnlimitedLengthInDocumentLibrary",
  "DefaultValue",
  "EnforceUniqueValues",
  "EditFormat",
  "FillInChoice",
  "MinimumValue",
  "MaximumValue",
  "ShowAsPercentage",
  "Group",
  "StaticName",
  "InternalName",
  "Title",
  "FieldTypeKind",
  "CurrencyLocaleId",
  "ValidationFormula",
  "ValidationMessage",
]);

/** Applies SP.Field properties from a request body to a field's props (create or MERGE). */
export function applyFieldProps(props: FieldProps, body: Record<string, unknown>): FieldProps {
  const next: FieldProps = { ...props };
  for (const [key, raw] of Object.entries(body)) {
    if (
      key === "__metadata" ||
      key === "Title" ||
      key === "FieldTypeKind" ||
      key === "StaticName" ||
      key === "InternalName"
    )
      continue;
    if (!SETTABLE_PROPS.has(key)) throw unsupported(`field property '${key}'`);
    const value = unwrapResults(raw);
    switch (key) {
      case "Choices":
        if (!Array.isArray(value) || !value.every((c) => typeof c === "string"))
          throw badRequest("Choices must be a list of strings.");
        next.Choices = value as string[];
        break;
      case "LookupListId":
      case "LookupList":
        next.LookupList = String(value).replace(/[{}]/g, "").toLowerCase();
        break;
      case "LookupFieldName":
      case "LookupField":
        next.LookupField = String(value);
        break;
      default:
        next[key] = value;
    }
  }
  return next;
}

/** Builds a new field from a create request (`fields` verbose add, `AddField` parameters or parsed SchemaXml). */
export function newField(
  list: ListRow,
  existing: FieldRow[],
  body: Record<string, unknown>,
  internalNameHint?: string,
): FieldRow {
  const title = body.Title;
  if (typeof title !== "string" || title.trim() === "") throw badRequest("A field needs a Title.");
  const kind = Number(body.FieldTypeKind);
  if (!SUPPORTED_KINDS.has(kind)) throw unsupported(`FieldTypeKind ${String(body.FieldTypeKind)}`);
  const internalName = internalNameHint ?? encodeInternalName(title);
  const clash = existing.find(
    (f) => f.internalName.toLowerCase() === internalName.toLowerCase() || f.title.toLowerCase() === title.toLowerCase(),
  );
  if (clash)
    throw new SpError(
      500,
      "-2130575340, Microsoft.SharePoint.SPException",
      `A duplicate field name "${internalName}" was found.`,
    );
  const props = applyFieldProps({ Indexed: false, Required: false, Hidden: false, ReadOnlyField: false }, body);
  if (kind === KIND.Lookup && !props.LookupList) throw badRequest("A lookup field needs LookupListId.");
  if (kind === KIND.Lookup && !props.LookupField) props.LookupField = "Title";
  if (kind === KIND.User && !props.LookupField) props.LookupField = "ImnName";
  const field: FieldRow = {
    guid: randomUUID(),
    listGuid: list.guid,
    internalName,
    title,
    kind,
    typeAsString: "",
    props,
    builtIn: false,
  };
  field.typeAsString = typeAsStringOf(kind, isMulti(field));
  return field;
}

/** Minimal CAML `<Field .../>` reader for createFieldAsXml: the attributes and CHOICES the app may use. */
export function fieldBodyFromSchemaXml(xml: string): { body: Record<string, unknown>; internalName?: string } {
  const tag = /<Field\b([^>]*?)\/?>/i.exec(xml);
  if (!tag) throw badRequest("SchemaXml has no <Field> element.");
  const attrs: Record<string, string> = {};
  for (const m of (tag[1] as string).matchAll(/([A-Za-z]+)\s*=\s*"([^"]*)"/g))
    attrs[(m[1] as string).toLowerCase()] = m[2] as string;
  const typeToKind: Record<string, number> = {
    text: 2,
    note: 3,
    datetime: 4,
    choice: 6,
    multichoice: 15,
    lookup: 7,
    lookupmulti: 7,
    boolean: 8,
    number: 9,
    integer: 1,
    currency: 10,
    user: 20,
    usermulti: 20,
  };
  const type = (attrs.type ?? "").toLowerCase();
  const kind = typeToKind[type];
  if (kind === undefined) throw unsupported(`field Type '${attrs.type ?? ""}' in SchemaXml`);
  const body: Record<string, unknown> = { Title: attrs.displayname ?? attrs.name, FieldTypeKind: kind };
  if (attrs.required) body.Required = attrs.required.toUpperCase() === "TRUE";
  if (attrs.indexed) body.Indexed = attrs.indexed.toUpperCase() === "TRUE";
  if (type.endsWith("multi") || attrs.mult?.toUpperCase() === "TRUE") body.AllowMultipleValues = true;
  if (attrs.list) body.LookupListId = attrs.list;
  if (attrs.showfield) body.LookupFieldName = attrs.showfield;
  const choices = [...xml.matchAll(/<CHOICE>([^<]*)<\/CHOICE>/gi)].map((m) => m[1] as string);
  if (choices.length > 0) body.Choices = choices;
  return { body, internalName: attrs.name };
}

export function fieldEntity(field: FieldRow, webUrl: string): Entity {
  const listPath = `Web/Lists(guid'${field.listGuid}')/Fields(guid'${field.guid}')`;
  const props: Record<string, unknown> = {
    CanBeDeleted: !field.builtIn,
    DefaultValue: field.props.DefaultValue ?? null,
    Description: field.props.Description ?? "",
    EnforceUniqueValues: field.props.EnforceUniqueValues ?? false,
    EntityPropertyName: entityPropertyName(field),
    FieldTypeKind: field.kind,
    Filterable: true,
    Group: "Custom Columns",
    Hidden: field.props.Hidden ?? false,
    Id: field.guid,
    Indexed: field.props.Indexed ?? false,
    InternalName: field.internalName,
    ReadOnlyField: field.props.ReadOnlyField ?? false,
    Required: field.props.Required ?? false,
    Sortable: !isMulti(field),
    StaticName: field.internalName,
    Title: field.title,
    TypeAsString: field.typeAsString,
    TypeDisplayName: field.typeAsString,
  };
  if (field.kind === KIND.Choice || field.kind === KIND.MultiChoice) {
    props.Choices = field.props.Choices ?? [];
    props.FillInChoice = field.props.FillInChoice ?? false;
  }
  if (isReferenceField(field)) {
    props.AllowMultipleValues = field.props.AllowMultipleValues ?? false;
    props.LookupField = field.props.LookupField ?? "Title";
    props.LookupList = field.kind === KIND.User ? "" : `{${field.props.LookupList ?? ""}}`;
  }
  if (field.kind === KIND.User) props.SelectionMode = field.props.SelectionMode ?? 0;
  if (field.kind === KIND.Text) props.MaxLength = field.props.MaxLength ?? 255;
  if (field.kind === KIND.DateTime) props.DisplayFormat = field.props.DisplayFormat ?? 0;
  if (field.kind === KIND.Note) {
    props.RichText = field.props.RichText ?? false;
    props.NumberOfLines = field.props.NumberOfLines ?? 6;
  }
  return new Entity(
    {
      type: odataTypeOf(field),
      id: `${webUrl}/_api/${listPath}`,
      uri: `${webUrl}/_api/${listPath}`,
      editLink: listPath,
    },
    props,
  );
}
