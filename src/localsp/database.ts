// The SQLite file of the local server: its schema, opening it (WAL, synchronous=FULL, a quick check
// at every start) and the one-line error for a file that cannot be used as it is.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY, upn TEXT NOT NULL UNIQUE COLLATE NOCASE, title TEXT NOT NULL,
  email TEXT NOT NULL, job_title TEXT, default_role TEXT);
CREATE TABLE IF NOT EXISTS sites (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, title TEXT NOT NULL,
  guid TEXT NOT NULL, web_guid TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS role_assignments (
  site_id INTEGER NOT NULL REFERENCES sites(id), user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL, PRIMARY KEY (site_id, user_id));
CREATE TABLE IF NOT EXISTS lists (
  guid TEXT PRIMARY KEY, site_id INTEGER NOT NULL REFERENCES sites(id), title TEXT NOT NULL,
  description TEXT NOT NULL, base_template INTEGER NOT NULL, url_name TEXT NOT NULL,
  entity_name TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, last_item_id INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX IF NOT EXISTS lists_by_title ON lists (site_id, title COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS fields (
  guid TEXT PRIMARY KEY, list_guid TEXT NOT NULL REFERENCES lists(guid) ON DELETE CASCADE,
  internal_name TEXT NOT NULL, title TEXT NOT NULL, kind INTEGER NOT NULL, type_as_string TEXT NOT NULL,
  props TEXT NOT NULL, built_in INTEGER NOT NULL, position INTEGER NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS fields_by_name ON fields (list_guid, internal_name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS items (
  list_guid TEXT NOT NULL REFERENCES lists(guid) ON DELETE CASCADE, id INTEGER NOT NULL,
  version INTEGER NOT NULL, guid TEXT NOT NULL, data TEXT NOT NULL, created TEXT NOT NULL,
  modified TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL,
  PRIMARY KEY (list_guid, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS item_versions (
  list_guid TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL,
  modified TEXT NOT NULL, editor_id INTEGER NOT NULL, PRIMARY KEY (list_guid, item_id, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (
  path TEXT PRIMARY KEY COLLATE NOCASE, list_guid TEXT NOT NULL REFERENCES lists(guid) ON DELETE CASCADE,
  item_id INTEGER NOT NULL, folder TEXT NOT NULL COLLATE NOCASE, name TEXT NOT NULL, guid TEXT NOT NULL,
  bytes BLOB NOT NULL, length INTEGER NOT NULL, version INTEGER NOT NULL, created TEXT NOT NULL,
  modified TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS files_by_folder ON files (folder);
CREATE TABLE IF NOT EXISTS list_views (
  list_guid TEXT PRIMARY KEY REFERENCES lists(guid) ON DELETE CASCADE, guid TEXT NOT NULL, fields TEXT NOT NULL);
`;

/** The database file cannot be used as it is; the message is one line naming the file and the remedy. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `localsp: the database ${file} is damaged (${detail.replace(/\s+/g, " ").slice(0, 200)}). Restore it from a backup, or move it (and any ${file}-wal) away to start afresh with an empty site.`,
    );
    this.name = "DamagedDatabaseError";
  }
}

/** SQLite's answers for a file that is not (or no longer) a sound database. */
function isDamage(error: unknown): boolean {
  if (error instanceof DamagedDatabaseError) return false;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB");
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/** Opens (or creates) the database in dataDir, refusing a damaged or truncated file; checks it at every start. */
export function openDatabase(dataDir: string): { db: Database.Database; isNew: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "localsp.sqlite");
  let db: Database.Database;
  // A database that is there but empty was truncated: never start afresh over it.
  if (existsSync(file) && statSync(file).size === 0)
    throw new DamagedDatabaseError(file, "the file is empty (0 bytes)");
  try {
    db = new Database(file);
  } catch (error) {
    throw isDamage(error) ? new DamagedDatabaseError(file, firstLine(error)) : error;
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    const existed = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() !== undefined;
    // Checked at every start (https://www.sqlite.org/pragma.html#pragma_quick_check): a damaged
    // file is refused rather than served with errors or started over.
    if (existed) {
      const problems = (db.pragma("quick_check(5)") as { quick_check: string }[]).map((row) => row.quick_check);
      if (problems.join() !== "ok") throw new DamagedDatabaseError(file, problems.join("; "));
    }
    db.exec(SCHEMA);
    return { db, isNew: !existed };
  } catch (error) {
    db.close();
    if (error instanceof DamagedDatabaseError) throw error;
    throw isDamage(error) ? new DamagedDatabaseError(file, firstLine(error)) : error;
  }
}
