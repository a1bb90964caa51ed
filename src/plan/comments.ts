// Comments that can be answered, and evidence: pure rules. Mentions are stored in a comment's text
// as `@[name](user:<site user id>)`: the id is the stable identity (it survives a rename), the name is
// what a reader of the raw list in SharePoint sees; the tab shows the person's current name.
import type { ProgressUpdate } from "./types";

/** A piece of a comment's text: plain words, or a mention of a site user. */
export type CommentPart = { kind: "text"; text: string } | { kind: "mention"; userId: number; name: string };

const MENTION = /@\[([^\]\n]{1,255})\]\(user:(\d{1,10})\)/g;

/** The stored form of a mention. Brackets in a name are dropped so the token stays readable. */
export function mentionToken(userId: number, name: string): string {
  const clean = name.replace(/[[\]()\n]/g, "").trim() || String(userId);
  return `@[${clean}](user:${userId})`;
}

/** A comment's text split into text and mentions, in order. */
export function parseComment(text: string): CommentPart[] {
  const parts: CommentPart[] = [];
  let at = 0;
  for (const m of text.matchAll(MENTION)) {
    if (m.index > at) parts.push({ kind: "text", text: text.slice(at, m.index) });
    parts.push({ kind: "mention", name: m[1] as string, userId: Number(m[2]) });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  return parts;
}

/** The site user ids a comment mentions, each once, in order of first mention. */
export function mentionedIds(text: string): number[] {
  return [...new Set(parseComment(text).flatMap((p) => (p.kind === "mention" ? [p.userId] : [])))];
}

/** The text as a person reads it: each mention as "@" and the person's current name (or the stored one). */
export function renderComment(text: string, currentName: (userId: number) => string | undefined): string {
  return parseComment(text)
    .map((p) => (p.kind === "text" ? p.text : `@${currentName(p.userId) ?? p.name}`))
    .join("");
}

/**
 * The "@query" being typed at the caret, if any: an "@" at the start or after white space, followed
 * by up to 40 characters of a name (letters, spaces, apostrophes, hyphens, dots) and no line break.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([\p{L}\p{M}' .-]{0,40})$/u.exec(before);
  if (!m) return null;
  const start = before.length - (m[2] as string).length - 1;
  return { start, query: m[2] as string };
}

/** The text with the "@query" at `start..caret` replaced by a mention token and a space; the new caret. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  userId: number,
  name: string,
): { text: string; caret: number } {
  const token = `${mentionToken(userId, name)} `;
  return { text: text.slice(0, start) + token + text.slice(caret), caret: start + token.length };
}

/** A comment in a thread: the root, its replies oldest first. A root whose row was deleted is a placeholder. */
export interface CommentThread {
  /** Null when the comment the replies answer was deleted ("comment deleted"). */
  root: ProgressUpdate | null;
  rootId: number;
  replies: ProgressUpdate[];
}

/**
 * Comments grouped into threads, newest thread first (by its latest activity). One level, as in
 * Teams and Planner: a reply to a reply joins the root's thread. A reply whose parent was deleted
 * keeps its place under a placeholder; a deleted root with no replies leaves nothing.
 */
export function threadComments(comments: readonly ProgressUpdate[]): CommentThread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: ProgressUpdate): number => {
    let id = c.id;
    let replyTo = c.replyTo ?? null;
    const chain = [id];
    const seen = new Set<number>(chain);
    while (replyTo !== null) {
      const parent = byId.get(replyTo);
      if (!parent) return replyTo;
      // A loop of replies (written by hand in SharePoint) has no root: its oldest comment stands as one,
      // the same whichever of its comments the walk started from, so each comment shows once.
      if (seen.has(parent.id)) return chain.slice(chain.indexOf(parent.id)).reduce((a, b) => Math.min(a, b));
      seen.add(parent.id);
      chain.push(parent.id);
      id = parent.id;
      replyTo = parent.replyTo ?? null;
    }
    return id;
  };
  const threads = new Map<number, CommentThread>();
  for (const c of comments) {
    const rootId = rootOf(c);
    const thread = threads.get(rootId) ?? { root: byId.get(rootId) ?? null, rootId, replies: [] };
    if (c.id !== rootId) thread.replies.push(c);
    threads.set(rootId, thread);
  }
  const latest = (t: CommentThread) => [t.root?.date ?? "", ...t.replies.map((r) => r.date)].sort().at(-1) ?? "";
  for (const t of threads.values()) t.replies.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  return [...threads.values()].sort((a, b) => latest(b).localeCompare(latest(a)) || b.rootId - a.rootId);
}

/**
 * Whether the tab offers to edit or delete a history row: only a comment, only its author. SharePoint
 * decides (WriteSecurity 2: a person edits only the rows they created; plan editors may override),
 * and progress records stay as written: the tab offers no edit of them.
 */
export function mayEditComment(row: ProgressUpdate, meId: number | null): boolean {
  return row.kind === "comment" && !row.evidence && meId !== null && row.author?.id === meId;
}

/**
 * A comment saved again after it was written: SharePoint's Modified is later than its Created (both
 * SharePoint's own, to the second; equal when the row was only created). Evidence rows are left out
 * by the caller: attaching a file also moves Modified.
 */
export function wasEdited(row: ProgressUpdate): boolean {
  if (!row.modified) return false;
  return Date.parse(row.modified) > Date.parse(row.date);
}

// ---- evidence

/** The largest file the tab attaches (SharePoint takes 250 MB; evidence is a paper or a photo). */
export const EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;

/** Documents, images and PDF: what evidence of an action is. */
export const EVIDENCE_EXTENSIONS = [
  "pdf",
  "doc",
  "docx",
  "odt",
  "rtf",
  "txt",
  "ppt",
  "pptx",
  "odp",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
  "heic",
  "msg",
  "eml",
] as const;

/**
 * Refused by name: spreadsheets and data exports (the form of a staff-level extract: ESR,
 * recruitment, case files; those belong in the WRES Data library, seen by plan editors only), and
 * anything that runs.
 */
const DATA_EXTENSIONS = new Set([
  "xlsx",
  "xlsm",
  "xlsb",
  "xls",
  "csv",
  "tsv",
  "ods",
  "json",
  "xml",
  "sav",
  "dta",
  "accdb",
  "mdb",
  "sqlite",
  "db",
  "parquet",
]);

export type EvidenceProblem =
  | { kind: "empty" }
  | { kind: "tooLarge"; maxBytes: number }
  | { kind: "data"; extension: string }
  | { kind: "type"; extension: string }
  | { kind: "name" }
  | { kind: "duplicate" };

/** SharePoint's file-name rules (Restrictions and limitations in OneDrive and SharePoint), checked before sending. */
// eslint-disable-next-line no-control-regex
const INVALID_NAME = /["*:<>?/\\|\u0000-\u001f\u007f-\u009f]/;
const RESERVED_NAME = /^(\.lock|con|prn|aux|nul|com[0-9]|lpt[0-9]|desktop\.ini)$/i;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** Why a file cannot be attached as evidence, or null when it can. */
export function evidenceProblem(
  file: { name: string; size: number },
  existingNames: readonly string[] = [],
): EvidenceProblem | null {
  const name = file.name;
  if (
    name === "" ||
    INVALID_NAME.test(name) ||
    name !== name.trim() ||
    RESERVED_NAME.test(name) ||
    name.startsWith("~$") ||
    /_vti_/i.test(name) ||
    [...name].length > 128
  )
    return { kind: "name" };
  const extension = extensionOf(name);
  if (DATA_EXTENSIONS.has(extension)) return { kind: "data", extension };
  if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(extension)) return { kind: "type", extension };
  if (file.size === 0) return { kind: "empty" };
  if (file.size > EVIDENCE_MAX_BYTES) return { kind: "tooLarge", maxBytes: EVIDENCE_MAX_BYTES };
  if (existingNames.some((n) => n.toLowerCase() === name.toLowerCase())) return { kind: "duplicate" };
  return null;
}

/** One evidence file attached to an action (a list item attachment of one of its history rows). */
export interface EvidenceFile {
  /** The history row the file is attached to. */
  rowId: number;
  actionId: number;
  name: string;
  /** Server-relative URL: /sites/<site>/Lists/<list>/Attachments/<row id>/<name>. */
  url: string;
  /** Bytes, when SharePoint said. */
  size: number | null;
  author: ProgressUpdate["author"];
  date: string;
  description: string | null;
}

// ---- mentions while typing: the box shows "@Name"; the stored text carries tokens

/** A person chosen in the inline picker while writing a comment. */
export interface ChosenMention {
  id: number;
  name: string;
}

/**
 * The text to store: each "@Name" of a person chosen in the picker becomes their token (longest
 * names first, so "@Sam Jones" is not taken for "@Sam"). An "@Name" typed without choosing stays text.
 */
export function encodeMentions(display: string, chosen: readonly ChosenMention[]): string {
  let text = display;
  for (const person of [...chosen].sort((a, b) => b.name.length - a.name.length)) {
    const shown = `@${person.name}`;
    let at = text.indexOf(shown);
    while (at >= 0) {
      // Not inside a token already made ("@[Name](user:…)" never matches "@Name" because of the bracket).
      const token = mentionToken(person.id, person.name);
      text = text.slice(0, at) + token + text.slice(at + shown.length);
      at = text.indexOf(shown, at + token.length);
    }
  }
  return text;
}

/** A stored comment made editable: tokens shown as "@current name", and the people they stand for. */
export function mentionsForEditing(
  text: string,
  currentName: (userId: number) => string | undefined,
): { display: string; chosen: ChosenMention[] } {
  const chosen: ChosenMention[] = [];
  const display = parseComment(text)
    .map((p) => {
      if (p.kind === "text") return p.text;
      const name = currentName(p.userId) ?? p.name;
      if (!chosen.some((c) => c.id === p.userId)) chosen.push({ id: p.userId, name });
      return `@${name}`;
    })
    .join("");
  return { display, chosen };
}
