// A column of a field table: the SharePoint field (internal name, type, max length, choices, `since`), the
// title people see in SharePoint, and the plan property it holds with its codec. From a list's table come
// its fields in SCHEMA, its column titles, and its item reader and writer (src/sharepoint/mapping.ts).
import type { SiteTimeZone } from "../time-zone";
import type { Codec } from "./codecs";
import type { FieldSpec } from "./spec";

interface ColumnFor<E, K extends keyof E & string> {
  /** The plan property (of the list's plan type) the field holds. */
  key: K;
  field: FieldSpec;
  /** The column title people see when they open the list in SharePoint (set once, at creation). */
  display: string;
  /** SharePoint's own field (Title): not created by set-up, so not in SCHEMA. */
  builtIn?: true;
  /**
   * Read after SharePoint's Modified and Editor: where the reader has always put this property, so that
   * JSON made from the plan (the approved copy of a year) keeps its key order.
   */
  afterModified?: true;
  codec: Codec<E[K]>;
}

/** A field the list keeps that no property of the plan type holds (an action's PlanYear, set by its repository). */
interface StoredOnly {
  key?: undefined;
  field: FieldSpec;
  display: string;
  builtIn?: undefined;
  afterModified?: undefined;
  codec?: undefined;
}

/** A column holding one of `E`'s properties, its codec typed by that property; or a field kept for the list alone. */
export type Column<E> = { [K in keyof E & string]-?: ColumnFor<E, K> }[keyof E & string] | StoredOnly;

/** Where an item's value is read: a lookup as its id (`…Id`); a person expanded under its own name. */
export function readName(field: FieldSpec): string {
  return field.type === "lookup" ? `${field.name}Id` : field.name;
}

/** Where a value is written: people and lookups as ids (`…Id`). */
export function writeName(field: FieldSpec): string {
  return field.type === "person" || field.type === "multiPerson" || field.type === "lookup"
    ? `${field.name}Id`
    : field.name;
}

/** The fields set-up creates for a table, in its order. */
export function schemaFields<E>(columns: readonly Column<E>[]): FieldSpec[] {
  return columns.filter((c) => !c.builtIn).map((c) => c.field);
}

/** The column titles of a table's fields, by internal name. */
export function displayNames<E>(columns: readonly Column<E>[]): Record<string, string> {
  return Object.fromEntries(columns.filter((c) => !c.builtIn).map((c) => [c.field.name, c.display]));
}

/** The plan properties an item holds, each read through its column's codec. */
export function readColumns<E>(
  columns: readonly Column<E>[],
  item: Record<string, unknown>,
  zone: SiteTimeZone,
): Partial<E> {
  const out: Record<string, unknown> = {};
  for (const c of columns) if (c.codec) out[c.key] = c.codec.read(item[readName(c.field)], zone);
  return out as Partial<E>;
}

/** The item fields a patch writes: only the properties present (`undefined` means "leave unchanged"). */
export function writeColumns<E>(
  columns: readonly Column<E>[],
  patch: Partial<E>,
  zone: SiteTimeZone,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    if (!c.codec) continue;
    const value = (patch as Record<string, unknown>)[c.key];
    if (value !== undefined) out[writeName(c.field)] = c.codec.write(value as never, zone);
  }
  return out;
}
