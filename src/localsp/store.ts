// Durable storage for the local SharePoint server: SQLite through better-sqlite3, WAL journal with
// synchronous=FULL, so every write is on disk before the HTTP answer leaves (a crash loses nothing
// acknowledged). Items keep their field values in a JSON column; list items are also mirrored in
// memory per list (loaded on first use, updated after each commit) so queries stay fast.
//
// One class because every table's methods share one connection, its prepared statements, the read
// caches and the group-commit queue that keeps them in step; the rows are in store-rows.ts, the
// database file in database.ts, timestamps in clock.ts.
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { nowIso } from "./clock";
import { openDatabase } from "./database";
import type { Role } from "./permissions";
import {
  toItem,
  type FieldProps,
  type FieldRow,
  type FileRecord,
  type ItemRecord,
  type ListRow,
  type RawItem,
  type SiteRow,
  type UserRow,
  type VersionRecord,
  type ViewRow,
} from "./store-rows";

export type {
  FieldProps,
  FieldRow,
  FileRecord,
  ItemRecord,
  ListRow,
  SiteRow,
  UserRow,
  VersionRecord,
  ViewRow,
} from "./store-rows";
export { DamagedDatabaseError } from "./database";
export { nowIso, setSeedingClock } from "./clock";

export class Store {
  readonly db: Database.Database;
  readonly isNew: boolean;
  private readonly itemCache = new Map<string, Map<number, ItemRecord>>();

  constructor(dataDir: string) {
    ({ db: this.db, isNew: this.isNew } = openDatabase(dataDir));
  }

  private readonly statements = new Map<string, Database.Statement>();
  // Small read caches for the rows every request touches; any write to their tables drops them.
  private readonly fieldCache = new Map<string, FieldRow[]>();
  private readonly listCache = new Map<number, ListRow[]>();
  private readonly userCache = new Map<string, UserRow | undefined>();
  private readonly roleCache = new Map<string, Role | undefined>();
  private readonly siteCache = new Map<string, SiteRow | undefined>();

  private dropCaches(): void {
    this.fieldCache.clear();
    this.listCache.clear();
    this.userCache.clear();
    this.roleCache.clear();
    this.siteCache.clear();
  }

  /** Prepared statements are compiled once and reused. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Seeding writes hundreds of items nobody has been promised yet: it may skip the per-commit
   * fsync (synchronous=NORMAL keeps the database consistent) and checkpoints when it is done.
   */
  setBulkMode(bulk: boolean): void {
    if (bulk) {
      this.db.pragma("synchronous = NORMAL");
    } else {
      this.db.pragma("wal_checkpoint(FULL)");
      this.db.pragma("synchronous = FULL");
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  getMeta(key: string): string | undefined {
    const row = this.sql("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  deleteMeta(key: string): void {
    this.sql("DELETE FROM meta WHERE key = ?").run(key);
  }

  setMeta(key: string, value: string): void {
    this.sql("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      key,
      value,
    );
  }

  // ---- users and roles

  upsertUser(user: Omit<UserRow, "id">): UserRow {
    this.userCache.clear();
    this.db
      .prepare(
        `INSERT INTO users (upn, title, email, job_title, default_role) VALUES (@upn, @title, @email, @jobTitle, @defaultRole)
         ON CONFLICT(upn) DO UPDATE SET title = excluded.title, email = excluded.email, job_title = excluded.job_title,
         default_role = excluded.default_role`,
      )
      .run(user);
    return this.userByUpn(user.upn) as UserRow;
  }

  private mapUser(row: Record<string, unknown> | undefined): UserRow | undefined {
    if (!row) return undefined;
    return {
      id: row.id as number,
      upn: row.upn as string,
      title: row.title as string,
      email: row.email as string,
      jobTitle: (row.job_title as string | null) ?? null,
      defaultRole: (row.default_role as Role | null) ?? null,
    };
  }

  userByUpn(upn: string): UserRow | undefined {
    const key = upn.toLowerCase();
    if (this.userCache.has(key)) return this.userCache.get(key);
    const user = this.mapUser(
      this.sql("SELECT * FROM users WHERE upn = ? OR email = ? COLLATE NOCASE").get(upn, upn) as Record<
        string,
        unknown
      >,
    );
    this.userCache.set(key, user);
    return user;
  }

  userById(id: number): UserRow | undefined {
    return this.mapUser(this.sql("SELECT * FROM users WHERE id = ?").get(id) as Record<string, unknown>);
  }

  allUsers(): UserRow[] {
    return (this.sql("SELECT * FROM users ORDER BY id").all() as Record<string, unknown>[]).map(
      (r) => this.mapUser(r) as UserRow,
    );
  }

  roleOf(siteId: number, userId: number): Role | undefined {
    const key = `${siteId}:${userId}`;
    if (this.roleCache.has(key)) return this.roleCache.get(key);
    const row = this.sql("SELECT role FROM role_assignments WHERE site_id = ? AND user_id = ?").get(siteId, userId) as
      { role: Role } | undefined;
    this.roleCache.set(key, row?.role);
    return row?.role;
  }

  assignRole(siteId: number, userId: number, role: Role): void {
    this.roleCache.clear();
    this.db
      .prepare(
        "INSERT INTO role_assignments (site_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT(site_id, user_id) DO UPDATE SET role = excluded.role",
      )
      .run(siteId, userId, role);
  }

  /** Adds a user to the site's user list without granting anything (SharePoint's ensureUser). */
  ensureSiteUser(siteId: number, userId: number): void {
    this.roleCache.clear();
    this.sql("INSERT OR IGNORE INTO role_assignments (site_id, user_id, role) VALUES (?, ?, 'none')").run(
      siteId,
      userId,
    );
  }

  siteUsers(siteId: number): UserRow[] {
    return (
      this.db
        .prepare(
          "SELECT u.* FROM users u JOIN role_assignments r ON r.user_id = u.id WHERE r.site_id = ? ORDER BY u.id",
        )
        .all(siteId) as Record<string, unknown>[]
    ).map((r) => this.mapUser(r) as UserRow);
  }

  // ---- sites

  private mapSite(row: Record<string, unknown> | undefined): SiteRow | undefined {
    if (!row) return undefined;
    return {
      id: row.id as number,
      name: row.name as string,
      title: row.title as string,
      guid: row.guid as string,
      webGuid: row.web_guid as string,
      created: row.created as string,
    };
  }

  siteByName(name: string): SiteRow | undefined {
    const key = name.toLowerCase();
    if (this.siteCache.has(key)) return this.siteCache.get(key);
    const site = this.mapSite(this.sql("SELECT * FROM sites WHERE name = ?").get(name) as Record<string, unknown>);
    if (site) this.siteCache.set(key, site);
    return site;
  }

  /** Creates a site with every directory user holding their default role (admin owns every site). */
  createSite(name: string, title: string): SiteRow {
    return this.transaction(() => {
      const existing = this.siteByName(name);
      if (existing) return existing;
      this.db
        .prepare("INSERT INTO sites (name, title, guid, web_guid, created) VALUES (?, ?, ?, ?, ?)")
        .run(name, title, randomUUID(), randomUUID(), nowIso());
      const site = this.siteByName(name) as SiteRow;
      for (const user of this.allUsers()) {
        if (user.defaultRole) this.assignRole(site.id, user.id, user.defaultRole);
      }
      return site;
    });
  }

  // ---- lists and fields

  private mapList(row: Record<string, unknown> | undefined): ListRow | undefined {
    if (!row) return undefined;
    return {
      guid: row.guid as string,
      siteId: row.site_id as number,
      title: row.title as string,
      description: row.description as string,
      baseTemplate: row.base_template as number,
      urlName: row.url_name as string,
      entityName: row.entity_name as string,
      created: row.created as string,
      modified: row.modified as string,
      lastItemId: row.last_item_id as number,
    };
  }

  lists(siteId: number): ListRow[] {
    const cached = this.listCache.get(siteId);
    if (cached) return cached;
    const lists = (
      this.sql("SELECT * FROM lists WHERE site_id = ? ORDER BY created, title").all(siteId) as Record<string, unknown>[]
    ).map((r) => this.mapList(r) as ListRow);
    this.listCache.set(siteId, lists);
    return lists;
  }

  listByTitle(siteId: number, title: string): ListRow | undefined {
    const lower = title.toLowerCase();
    return this.lists(siteId).find((l) => l.title.toLowerCase() === lower);
  }

  listByGuid(siteId: number, guid: string): ListRow | undefined {
    const lower = guid.replace(/[{}]/g, "").toLowerCase();
    return this.lists(siteId).find((l) => l.guid.toLowerCase() === lower);
  }

  listByUrlName(siteId: number, urlName: string): ListRow | undefined {
    const lower = urlName.toLowerCase();
    return this.lists(siteId).find((l) => l.urlName.toLowerCase() === lower);
  }

  insertList(list: Omit<ListRow, "lastItemId">): void {
    this.dropCaches();
    this.db
      .prepare(
        `INSERT INTO lists (guid, site_id, title, description, base_template, url_name, entity_name, created, modified)
         VALUES (@guid, @siteId, @title, @description, @baseTemplate, @urlName, @entityName, @created, @modified)`,
      )
      .run(list);
  }

  updateList(guid: string, patch: { title?: string; description?: string }): void {
    this.dropCaches();
    if (patch.title !== undefined) this.sql("UPDATE lists SET title = ? WHERE guid = ?").run(patch.title, guid);
    if (patch.description !== undefined)
      this.sql("UPDATE lists SET description = ? WHERE guid = ?").run(patch.description, guid);
    this.sql("UPDATE lists SET modified = ? WHERE guid = ?").run(nowIso(), guid);
  }

  deleteList(guid: string): void {
    this.dropCaches();
    this.sql("DELETE FROM item_versions WHERE list_guid = ?").run(guid);
    this.sql("DELETE FROM list_views WHERE list_guid = ?").run(guid);
    this.sql("DELETE FROM lists WHERE guid = ?").run(guid);
    this.itemCache.delete(guid);
  }

  /** The stored default view of a list, or undefined when it still has the fields it was created with. */
  storedView(listGuid: string): ViewRow | undefined {
    const row = this.sql("SELECT guid, fields FROM list_views WHERE list_guid = ?").get(listGuid) as
      { guid: string; fields: string } | undefined;
    return row ? { guid: row.guid, listGuid, fields: JSON.parse(row.fields) as string[] } : undefined;
  }

  saveView(view: ViewRow): void {
    this.sql(
      "INSERT INTO list_views (list_guid, guid, fields) VALUES (?, ?, ?) ON CONFLICT (list_guid) DO UPDATE SET fields = excluded.fields",
    ).run(view.listGuid, view.guid, JSON.stringify(view.fields));
  }

  private mapField(row: Record<string, unknown>): FieldRow {
    return {
      guid: row.guid as string,
      listGuid: row.list_guid as string,
      internalName: row.internal_name as string,
      title: row.title as string,
      kind: row.kind as number,
      typeAsString: row.type_as_string as string,
      props: JSON.parse(row.props as string) as FieldProps,
      builtIn: (row.built_in as number) === 1,
    };
  }

  fields(listGuid: string): FieldRow[] {
    const cached = this.fieldCache.get(listGuid);
    if (cached) return cached;
    const fields = (
      this.sql("SELECT * FROM fields WHERE list_guid = ? ORDER BY position").all(listGuid) as Record<string, unknown>[]
    ).map((r) => this.mapField(r));
    this.fieldCache.set(listGuid, fields);
    return fields;
  }

  insertField(field: FieldRow): void {
    this.dropCaches();
    const position = (
      this.sql("SELECT COUNT(*) AS n FROM fields WHERE list_guid = ?").get(field.listGuid) as { n: number }
    ).n;
    this.db
      .prepare(
        `INSERT INTO fields (guid, list_guid, internal_name, title, kind, type_as_string, props, built_in, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        field.guid,
        field.listGuid,
        field.internalName,
        field.title,
        field.kind,
        field.typeAsString,
        JSON.stringify(field.props),
        field.builtIn ? 1 : 0,
        position,
      );
  }

  updateField(field: FieldRow): void {
    this.dropCaches();
    this.db
      .prepare("UPDATE fields SET title = ?, type_as_string = ?, props = ? WHERE guid = ?")
      .run(field.title, field.typeAsString, JSON.stringify(field.props), field.guid);
  }

  deleteField(guid: string): void {
    this.dropCaches();
    this.sql("DELETE FROM fields WHERE guid = ?").run(guid);
  }

  // ---- items

  /** All items of a list keyed by id, in id order (the in-memory mirror of the items table). */
  items(listGuid: string): Map<number, ItemRecord> {
    let cached = this.itemCache.get(listGuid);
    if (!cached) {
      cached = new Map();
      const rows = this.sql("SELECT * FROM items WHERE list_guid = ? ORDER BY id").all(listGuid) as RawItem[];
      for (const row of rows) cached.set(row.id, toItem(row));
      this.itemCache.set(listGuid, cached);
    }
    return cached;
  }

  item(listGuid: string, id: number): ItemRecord | undefined {
    return this.items(listGuid).get(id);
  }

  /** Inserts a new item with the next id of its list and records version 1. Call inside a transaction. */
  insertItem(listGuid: string, values: Record<string, unknown>, userId: number): ItemRecord {
    this.listCache.clear();
    this.sql("UPDATE lists SET last_item_id = last_item_id + 1, modified = ? WHERE guid = ?").run(nowIso(), listGuid);
    const { last_item_id: id } = this.sql("SELECT last_item_id FROM lists WHERE guid = ?").get(listGuid) as {
      last_item_id: number;
    };
    const now = nowIso();
    const item: ItemRecord = {
      listGuid,
      id,
      version: 1,
      guid: randomUUID(),
      values,
      created: now,
      modified: now,
      authorId: userId,
      editorId: userId,
    };
    this.db
      .prepare(
        "INSERT INTO items (list_guid, id, version, guid, data, created, modified, author_id, editor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(listGuid, id, 1, item.guid, JSON.stringify(values), now, now, userId, userId);
    this.insertVersion(item);
    this.afterCommit(() => this.items(listGuid).set(id, item));
    return item;
  }

  /** Writes a new version of an item. Call inside a transaction. */
  updateItem(previous: ItemRecord, values: Record<string, unknown>, userId: number): ItemRecord {
    this.listCache.clear();
    const item: ItemRecord = {
      ...previous,
      values,
      version: previous.version + 1,
      modified: nowIso(),
      editorId: userId,
    };
    const result = this.db
      .prepare(
        "UPDATE items SET version = ?, data = ?, modified = ?, editor_id = ? WHERE list_guid = ? AND id = ? AND version = ?",
      )
      .run(item.version, JSON.stringify(values), item.modified, userId, item.listGuid, item.id, previous.version);
    if (result.changes !== 1) throw new Error(`item ${item.id} changed underneath an update`);
    this.sql("UPDATE lists SET modified = ? WHERE guid = ?").run(item.modified, item.listGuid);
    this.insertVersion(item);
    this.afterCommit(() => this.items(item.listGuid).set(item.id, item));
    return item;
  }

  deleteItem(item: ItemRecord): void {
    this.listCache.clear();
    this.sql("DELETE FROM items WHERE list_guid = ? AND id = ?").run(item.listGuid, item.id);
    this.sql("DELETE FROM item_versions WHERE list_guid = ? AND item_id = ?").run(item.listGuid, item.id);
    this.sql("UPDATE lists SET modified = ? WHERE guid = ?").run(nowIso(), item.listGuid);
    this.afterCommit(() => this.items(item.listGuid).delete(item.id));
  }

  private insertVersion(item: ItemRecord): void {
    this.db
      .prepare(
        "INSERT INTO item_versions (list_guid, item_id, version, data, modified, editor_id) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(item.listGuid, item.id, item.version, JSON.stringify(item.values), item.modified, item.editorId);
  }

  versions(listGuid: string, itemId: number): VersionRecord[] {
    return (
      this.db
        .prepare(
          "SELECT version, data, modified, editor_id FROM item_versions WHERE list_guid = ? AND item_id = ? ORDER BY version DESC",
        )
        .all(listGuid, itemId) as { version: number; data: string; modified: string; editor_id: number }[]
    ).map((r) => ({
      version: r.version,
      values: JSON.parse(r.data) as Record<string, unknown>,
      modified: r.modified,
      editorId: r.editor_id,
    }));
  }

  // The cache follows the database. Inside a group commit each write's cache changes apply when
  // its savepoint is released (so later writes in the group see them) and the cache is dropped if
  // the final COMMIT fails.
  private pending: (() => void)[] = [];
  private afterCommit(fn: () => void): void {
    if (this.db.inTransaction) this.pending.push(fn);
    else fn();
  }

  /** Runs fn in an IMMEDIATE transaction and applies the cache changes only when it commits. */
  write<T>(fn: () => T): T {
    this.pending = [];
    try {
      const result = this.transaction(fn);
      for (const apply of this.pending) apply();
      return result;
    } finally {
      this.pending = [];
    }
  }

  private queue: { fn: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  private flushScheduled = false;

  /**
   * Group commit: writes that arrive together run one after another, each in its own savepoint
   * (a failing write rolls back alone), inside one transaction whose COMMIT is the single fsync.
   * Every promise settles only after that COMMIT, so nothing is acknowledged before it is durable.
   */
  commit<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0 || !this.db.open) {
      for (const entry of group) entry.reject(new Error("localsp: the store is closed"));
      return;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.sql("BEGIN IMMEDIATE").run();
      for (const entry of group) {
        this.pending = [];
        this.sql("SAVEPOINT write").run();
        try {
          const value = entry.fn();
          this.sql("RELEASE write").run();
          for (const apply of this.pending) apply();
          outcomes.push({ ok: true, value });
        } catch (error) {
          this.sql("ROLLBACK TO write").run();
          this.sql("RELEASE write").run();
          outcomes.push({ ok: false, error });
        }
      }
      this.pending = [];
      this.sql("COMMIT").run();
    } catch (error) {
      if (this.db.inTransaction) this.sql("ROLLBACK").run();
      this.pending = [];
      this.itemCache.clear();
      this.dropCaches();
      for (const entry of group) entry.reject(error);
      return;
    }
    group.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) entry.resolve(outcome.value);
      else entry.reject(outcome?.error);
    });
  }

  // ---- files

  private mapFile(row: Record<string, unknown> | undefined): FileRecord | undefined {
    if (!row) return undefined;
    return {
      path: row.path as string,
      listGuid: row.list_guid as string,
      itemId: row.item_id as number,
      folder: row.folder as string,
      name: row.name as string,
      guid: row.guid as string,
      length: row.length as number,
      version: row.version as number,
      created: row.created as string,
      modified: row.modified as string,
      authorId: row.author_id as number,
      editorId: row.editor_id as number,
    };
  }

  file(path: string): FileRecord | undefined {
    return this.mapFile(
      this.db
        .prepare(
          "SELECT path, list_guid, item_id, folder, name, guid, length, version, created, modified, author_id, editor_id FROM files WHERE path = ?",
        )
        .get(path) as Record<string, unknown>,
    );
  }

  fileBytes(path: string): Buffer | undefined {
    const row = this.sql("SELECT bytes FROM files WHERE path = ?").get(path) as { bytes: Buffer } | undefined;
    return row?.bytes;
  }

  filesIn(folder: string): FileRecord[] {
    return (
      this.db
        .prepare(
          "SELECT path, list_guid, item_id, folder, name, guid, length, version, created, modified, author_id, editor_id FROM files WHERE folder = ? ORDER BY name",
        )
        .all(folder) as Record<string, unknown>[]
    ).map((r) => this.mapFile(r) as FileRecord);
  }

  fileByItem(listGuid: string, itemId: number): FileRecord | undefined {
    const row = this.sql("SELECT path FROM files WHERE list_guid = ? AND item_id = ?").get(listGuid, itemId) as
      { path: string } | undefined;
    return row ? this.file(row.path) : undefined;
  }

  /** Writes a file's bytes (new, or a new version of an existing one). Call inside a transaction. */
  putFile(
    file: Omit<FileRecord, "length" | "version" | "created" | "modified" | "guid"> & { guid?: string },
    bytes: Uint8Array,
  ): FileRecord {
    const existing = this.file(file.path);
    const now = nowIso();
    if (existing) {
      this.db
        .prepare(
          "UPDATE files SET bytes = ?, length = ?, version = version + 1, modified = ?, editor_id = ? WHERE path = ?",
        )
        .run(Buffer.from(bytes), bytes.byteLength, now, file.editorId, file.path);
    } else {
      this.db
        .prepare(
          `INSERT INTO files (path, list_guid, item_id, folder, name, guid, bytes, length, version, created, modified, author_id, editor_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
        )
        .run(
          file.path,
          file.listGuid,
          file.itemId,
          file.folder,
          file.name,
          file.guid ?? randomUUID(),
          Buffer.from(bytes),
          bytes.byteLength,
          now,
          now,
          file.authorId,
          file.editorId,
        );
    }
    return this.file(file.path) as FileRecord;
  }

  deleteFile(path: string): void {
    this.sql("DELETE FROM files WHERE path = ?").run(path);
  }
}
