// How a value of the plan's types looks in a SharePoint item (JSON light or verbose), both ways. A field
// table (src/sharepoint/fields/*.ts) names one of these per column; the item readers and writers in
// src/sharepoint/mapping.ts are built from the tables.
import { type IndicatorNumber, type Person, type Rag, INDICATOR_NUMBERS, RAGS } from "../../plan";
import { dayFromSharePoint, dayToSharePoint, type SiteTimeZone } from "../time-zone";

/** A plan value read from an item's raw field, and written back as the field's value. */
export interface Codec<T> {
  read(raw: unknown, zone: SiteTimeZone): T;
  write(value: T, zone: SiteTimeZone): unknown;
}

/** Multi-value fields come as arrays (JSON light) or {results: [...]} (verbose). */
export function many(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object" && Array.isArray((value as { results?: unknown }).results))
    return (value as { results: unknown[] }).results;
  return [];
}

/** A non-empty string, or null. */
export function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function rag(value: unknown): Rag | null {
  return RAGS.includes(value as Rag) ? (value as Rag) : null;
}

export function indicators(value: unknown): IndicatorNumber[] {
  return many(value)
    .map((v) => Number(v))
    .filter((n): n is IndicatorNumber => INDICATOR_NUMBERS.includes(n as IndicatorNumber))
    .sort((a, b) => a - b);
}

export function toPerson(value: unknown): Person | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const id = Number(v["Id"] ?? v["ID"]);
  if (!Number.isFinite(id) || id <= 0) return null;
  const person: Person = { id, title: String(v["Title"] ?? ""), email: text(v["EMail"] ?? v["Email"]) };
  const login = text(v["Name"] ?? v["LoginName"]);
  if (login) person.loginName = login;
  return person;
}

export function people(value: unknown): Person[] {
  return many(value)
    .map(toPerson)
    .filter((p): p is Person => p !== null);
}

/** yyyy-mm-dd -> the UTC instant SharePoint stores for that day in the site's zone. */
export function toSpDate(value: string | null | undefined, zone: SiteTimeZone): string | null {
  if (!value) return null;
  return value.length === 10 ? dayToSharePoint(value, zone) : value;
}

function lines(value: unknown): string[] {
  return (text(value) ?? "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const nullable = (v: string | null) => (v === "" ? null : v);

/** A string always present: "" when the item has none; written as given. */
export const plainText: Codec<string> = { read: (raw) => String(raw ?? ""), write: (v) => v };

/** Optional text: null when empty, and "" written as null (clears the field). */
export const optionalText: Codec<string | null> = { read: text, write: nullable };

/** One person: expanded (Id, Title, EMail, Name) when read, written as the site user id. */
export const onePerson: Codec<Person | null> = { read: toPerson, write: (p) => (p ? p.id : null) };

/** People (or groups): read expanded, written as their site user ids. */
export const manyPeople: Codec<Person[]> = { read: people, write: (list) => list.map((p) => p.id) };

/** The WRES indicators a row is linked to: a multi-choice of "1".."9", read sorted. */
export const indicatorChoices: Codec<IndicatorNumber[]> = { read: indicators, write: (list) => list.map(String) };

/** A RAG choice: anything else reads as null; written as given. */
export const ragChoice: Codec<Rag | null> = { read: rag, write: (v) => v };

/** A list of labels in a note, one a line (blank lines dropped); an empty list clears the field. */
export const lineList: Codec<string[]> = { read: lines, write: (list) => (list.length ? list.join("\n") : null) };

/** A yes/no field: only true is true. */
export const flag: Codec<boolean | undefined> = { read: (raw) => raw === true, write: (v) => v === true };

/** A date-only value: yyyy-mm-dd in the site's zone, stored as that zone's midnight in UTC. */
export const siteDay: Codec<string | null> = {
  read: (raw, zone) => dayFromSharePoint(raw, zone),
  write: (v, zone) => toSpDate(v, zone),
};

/** A number, or null when the item has none; written as given. */
export const optionalNumber: Codec<number | null | undefined> = {
  read: (raw) => (typeof raw === "number" ? raw : null),
  write: (v) => v,
};

/** A lookup's id (0 when the item has none); written as given. */
export const lookupId: Codec<number> = { read: (raw) => Number(raw ?? 0), write: (v) => v };
