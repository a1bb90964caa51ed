// WRES Progress Updates: each field once, with how a new history row writes it. The history is read
// (src/sharepoint/mapping.ts: UPDATE_SELECT, toProgressUpdate) through SharePoint's own Author and
// Created rather than UpdateAuthor and UpdateDate, which the tab writes and no one trusts, so its reader
// and $select stay written by hand.
import { type ProgressKind, type Rag, RAGS } from "../../plan";
import type { Codec } from "./codecs";
import type { Column } from "./column";
import { F, UPDATE_KINDS } from "./spec";

/** A new row of the history, as the repositories write it. */
export interface UpdateRecord {
  actionId: number;
  planYear: string;
  date: string;
  authorId: number | null;
  rag: Rag | null;
  previousRag: Rag | null;
  note: string | null;
  progress: string | null;
  kind: ProgressKind;
}

/** Written as given (the history's reader does not read through this table). */
function asGiven<T>(): Codec<T> {
  return { read: (raw) => raw as T, write: (v) => v };
}

const KIND_CHOICE: Readonly<Record<ProgressKind, (typeof UPDATE_KINDS)[number]>> = {
  update: "Update",
  comment: "Comment",
  import: "Import",
};
/** The row's kind; read without regard to case, anything unknown as an update. */
export const UPDATE_KIND: Codec<ProgressKind> = {
  read: (raw) => {
    const written = String(raw ?? "").toLowerCase();
    return written === "comment" ? "comment" : written === "import" ? "import" : "update";
  },
  write: (v) => KIND_CHOICE[v] ?? "Update",
};

export const UPDATE_COLUMNS: readonly Column<UpdateRecord>[] = [
  {
    key: "actionId",
    field: { name: F.action, type: "lookup", list: "actions", indexed: true },
    display: "Action",
    codec: asGiven(),
  },
  {
    key: "planYear",
    field: { name: F.planYear, type: "text", indexed: true, maxLength: 20 },
    display: "Plan year",
    codec: asGiven(),
  },
  { key: "date", field: { name: F.updateDate, type: "date", indexed: true }, display: "Date", codec: asGiven() },
  { key: "authorId", field: { name: F.updateAuthor, type: "person" }, display: "Author", codec: asGiven() },
  { key: "rag", field: { name: F.rag, type: "choice", choices: RAGS }, display: "RAG", codec: asGiven() },
  {
    key: "previousRag",
    field: { name: F.previousRag, type: "choice", choices: RAGS },
    display: "Previous RAG",
    codec: asGiven(),
  },
  { key: "note", field: { name: F.note, type: "note" }, display: "Note", codec: asGiven() },
  { key: "progress", field: { name: F.progress, type: "note" }, display: "Progress", codec: asGiven() },
  {
    key: "kind",
    field: { name: F.updateKind, type: "choice", choices: UPDATE_KINDS, choicesSince: { Import: 3 } },
    display: "Kind",
    codec: UPDATE_KIND,
  },
  // A reply names the comment it answers (its item id); Mentions lists the site user ids a comment
  // mentions (";12;15;"), so that telling people can find them later. Both written by the discussion
  // (src/sharepoint/discussion.ts) beside the row's own fields.
  { field: { name: F.replyTo, type: "number", since: 5 }, display: "Reply to" },
  { field: { name: F.mentions, type: "note", since: 5 }, display: "Mentions" },
];
