// Writing items: the coercion of written values to each field's type, as SharePoint checks them.
import { badRequest, noSuchProperty, SpError, unsupported } from "./errors";
import { isMulti, isReferenceField, KIND, SYSTEM_FIELDS } from "./fields";
import { findField, itemEntityType, type ListScope } from "./items";
import { textLimit, textTooLong } from "./limits";

function normaliseDate(value: unknown, name: string): string | null {
  if (value === null || value === "") return null;
  if (typeof value !== "string")
    throw badRequest(`Cannot convert a primitive value to the expected type 'Edm.DateTime' for '${name}'.`);
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw badRequest(`Cannot convert '${value}' to the expected type 'Edm.DateTime' for '${name}'.`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function unwrap(value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value) && "results" in value)
    return (value as { results: unknown }).results;
  return value;
}

function toNumber(value: unknown, name: string): number | null {
  if (value === null || value === "") return null;
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw badRequest(`Cannot convert '${String(value)}' to a number for '${name}'.`);
  return n;
}

/**
 * Validates and converts a write body (JSON light or verbose) into stored values, merged over the
 * previous values. Unknown properties are refused with SharePoint's InvalidClientQueryException.
 */
export function applyWrite(
  scope: ListScope,
  previous: Record<string, unknown>,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const values = { ...previous };
  for (const [key, raw] of Object.entries(body)) {
    if (key === "__metadata" || key.startsWith("odata.") || key.includes("@odata.")) continue;
    let field = findField(scope.fields, key);
    let asId = false;
    if (!field || isReferenceField(field)) {
      const m = /^(.*?)(String)?Id$/i.exec(key);
      const ref = m ? findField(scope.fields, m[1] as string) : undefined;
      if (ref && isReferenceField(ref)) {
        field = ref;
        asId = true;
      }
    }
    if (!field) throw noSuchProperty(key, itemEntityType(scope.list));
    if (isReferenceField(field) && !asId)
      throw badRequest(
        `Write '${key}Id' with the id(s) of the ${field.kind === KIND.User ? "person" : "lookup"} value, not '${key}'.`,
      );
    if (SYSTEM_FIELDS.has(field.internalName) || field.props.ReadOnlyField) {
      if (field.internalName === "ID") continue;
      throw unsupported(`writing the read-only field '${key}'`);
    }
    const value = unwrap(raw);
    const name = field.internalName;
    switch (field.kind) {
      case KIND.Text:
      case KIND.Note:
      case KIND.Choice:
      case KIND.File:
        if (value !== null && typeof value !== "string" && typeof value !== "number")
          throw badRequest(`'${key}' expects text.`);
        values[name] = value === null ? null : String(value);
        if (field.kind === KIND.Text && typeof values[name] === "string") {
          const length = (values[name] as string).length;
          const max = textLimit(field.props.MaxLength);
          if (length > max) throw textTooLong();
        }
        break;
      case KIND.Number:
      case KIND.Integer:
      case KIND.Currency:
        values[name] = toNumber(value, key);
        break;
      case KIND.DateTime:
        values[name] = normaliseDate(value, key);
        break;
      case KIND.Boolean:
        values[name] = value === null ? null : value === true || value === 1 || value === "1" || value === "true";
        break;
      case KIND.MultiChoice: {
        let choices: unknown = value;
        if (typeof value === "string") choices = value.split(";#").filter((s) => s.length > 0);
        if (choices !== null && (!Array.isArray(choices) || !choices.every((c) => typeof c === "string")))
          throw badRequest(`'${key}' expects a list of choices.`);
        values[name] = choices ?? [];
        break;
      }
      case KIND.Lookup:
      case KIND.User: {
        const storeKey = `${name}Id`;
        if (isMulti(field)) {
          const ids = value === null ? [] : value;
          if (!Array.isArray(ids)) throw badRequest(`'${key}' is a multi-value field: send an array of ids.`);
          values[storeKey] = ids.map((v) => toNumber(v, key)).filter((v): v is number => v !== null);
        } else {
          if (Array.isArray(value)) throw badRequest(`'${key}' takes a single id.`);
          values[storeKey] = toNumber(value, key);
        }
        if (field.kind === KIND.User) {
          const ids = Array.isArray(values[storeKey])
            ? (values[storeKey] as number[])
            : values[storeKey] === null
              ? []
              : [values[storeKey] as number];
          // A SharePoint group is a valid value only where the field's SelectionMode is 1
          // (PeopleAndGroups); PeopleOnly (0) takes individual users only
          // (https://learn.microsoft.com/previous-versions/office/sharepoint-server/ms442119(v=office.15)).
          const groupsAllowed = Number(field.props.SelectionMode ?? 0) === 1;
          for (const id of ids) {
            if (scope.store.userById(id)) continue;
            const group = scope.groupById?.(id);
            if (group && !groupsAllowed) {
              throw new SpError(
                400,
                "-2146232832, Microsoft.SharePoint.SPFieldValidationException",
                `'${key}' takes people only: '${group.title}' is a SharePoint group.`,
              );
            }
            if (!group)
              throw new SpError(
                400,
                "-2146232832, Microsoft.SharePoint.SPException",
                `The user with id ${id} does not exist.`,
              );
          }
        }
        break;
      }
      default:
        throw unsupported(`writing fields of type '${field.typeAsString}'`);
    }
  }
  return values;
}
