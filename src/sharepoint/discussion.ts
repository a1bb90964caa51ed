// Comments that can be answered and evidence files, over @pnp/sp (docs/comments-and-evidence.md).
// Both live in WRES Progress Updates, whose WriteSecurity 2 lets a person change only the rows they
// created: SharePoint itself decides who edits or deletes a comment, and who adds or removes a file
// attached to one. Evidence files are list item attachments of a comment row titled "Evidence".
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/attachments/index.js";
import "@pnp/sp/files/index.js";
import "@pnp/sp/batching.js";
import { evidenceProblem, mentionedIds, type EvidenceFile, type Person, type ProgressUpdate } from "../plan";
import { AppError, toAppError, ValidationError } from "./errors";
import { planList } from "./lists";
import { EVIDENCE_TITLE, odataString, toProgressUpdate, UPDATE_EXPAND, type SpItem } from "./mapping";
import type { HistoryFields } from "./history-select";
import { readFiltered } from "./paging";
import { F } from "./schema";

const BATCH_PARTS = 50;

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}

/** The Mentions column's value: ";12;15;" (every id between semicolons, so `substringof(';12;')` finds one). */
export function mentionsValue(note: string): string | null {
  const ids = mentionedIds(note);
  return ids.length === 0 ? null : `;${ids.join(";")};`;
}

export interface Discussion {
  /** Fields a new comment adds to its history record: the comment it answers and whom it mentions. */
  commentFields(note: string, replyTo: number | null): SpItem;
  /** Edits the text of one's own comment; SharePoint refuses another's (403). Progress records are never edited here. */
  editComment(id: number, note: string): Promise<ProgressUpdate>;
  /** Deletes one's own comment; its replies stay, under "comment deleted". */
  deleteComment(id: number): Promise<void>;
  evidence(actionId: number): Promise<EvidenceFile[]>;
  /** Every evidence file of a plan year (the committee report), read by the indexed PlanYear. */
  evidenceForYear(year: string): Promise<EvidenceFile[]>;
  /** Writes an "Evidence" comment row on the action and attaches the file to it. */
  attachEvidence(row: ProgressUpdate, file: { name: string; bytes: Uint8Array }): Promise<EvidenceFile>;
  removeEvidence(file: EvidenceFile): Promise<void>;
  openEvidence(file: EvidenceFile): Promise<Uint8Array>;
  /** Site users by id (their current names, for mentions); ids SharePoint no longer knows are left out. */
  peopleByIds(ids: readonly number[]): Promise<Person[]>;
}

export function createDiscussion(sp: SPFI, toPerson: (user: SpItem) => Person, history: HistoryFields): Discussion {
  const updates = () => planList(sp.web, "progressUpdates");

  async function readRow(id: number): Promise<ProgressUpdate> {
    return toProgressUpdate(
      await history.read(() =>
        call(() =>
          updates()
            .items.getById(id)
            .select(...history.select())
            .expand(...UPDATE_EXPAND)<SpItem>(),
        ),
      ),
    );
  }

  /** Only comments are edited or deleted from the tab: progress records and imports stay as written. */
  async function commentRow(id: number): Promise<ProgressUpdate> {
    const row = await readRow(id);
    if (row.kind !== "comment")
      throw new AppError(
        "forbidden",
        "A progress record is part of the action's audited history and is not edited or deleted; write a new update or a comment instead.",
        403,
      );
    return row;
  }

  async function filesOf(rows: readonly ProgressUpdate[]): Promise<EvidenceFile[]> {
    const withFiles = rows.filter((r) => r.evidence);
    const found: EvidenceFile[] = [];
    // $batch requests of at most BATCH_PARTS reads (SharePoint takes 100 operations in one).
    for (let start = 0; start < withFiles.length; start += BATCH_PARTS) {
      const chunk = withFiles.slice(start, start + BATCH_PARTS);
      const [batched, execute] = sp.batched();
      const settled = Promise.allSettled(
        chunk.map((row) =>
          planList(batched.web, "progressUpdates")
            .items.getById(row.id)
            .attachmentFiles<{ FileName: string; ServerRelativeUrl: string }[]>(),
        ),
      );
      await call(execute);
      (await settled).forEach((result, i) => {
        const row = chunk[i] as ProgressUpdate;
        if (result.status === "rejected") throw toAppError(result.reason);
        for (const f of result.value)
          found.push({
            rowId: row.id,
            actionId: row.actionId,
            name: f.FileName,
            url: f.ServerRelativeUrl,
            size: null,
            author: row.author,
            date: row.date,
            description: row.note,
          });
      });
    }
    // SP.Attachment has no size: the file behind it does.
    for (let start = 0; start < found.length; start += BATCH_PARTS) {
      const chunk = found.slice(start, start + BATCH_PARTS);
      const [sized, run] = sp.batched();
      const lengths = Promise.allSettled(
        chunk.map((f) => sized.web.getFileByServerRelativePath(f.url).select("Length")<{ Length: string | number }>()),
      );
      await call(run);
      (await lengths).forEach((r, i) => {
        if (r.status === "fulfilled") (chunk[i] as EvidenceFile).size = Number(r.value.Length);
      });
    }
    return found.sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name));
  }

  return {
    commentFields(note, replyTo) {
      const fields: SpItem = {};
      if (replyTo !== null) fields[F.replyTo] = replyTo;
      const mentions = mentionsValue(note);
      if (mentions !== null) fields[F.mentions] = mentions;
      return fields;
    },

    async editComment(id, note) {
      await commentRow(id);
      // No ETag: a comment has one writer (its author), and SharePoint checks that it is them.
      await call(() =>
        updates()
          .items.getById(id)
          .update({ [F.note]: note, [F.mentions]: mentionsValue(note) }),
      );
      return readRow(id);
    },

    async deleteComment(id) {
      await commentRow(id);
      await call(() => updates().items.getById(id).delete());
    },

    async evidence(actionId) {
      const items = await history.read(() =>
        call(() =>
          readFiltered(() => updates().items, {
            select: history.select(),
            expand: UPDATE_EXPAND,
            filter: `${F.action}Id eq ${actionId}`,
            matches: (row) => Number(row[`${F.action}Id`]) === actionId,
          }),
        ),
      );
      return filesOf(
        items.filter((i) => i[F.title] === EVIDENCE_TITLE && i["Attachments"] === true).map(toProgressUpdate),
      );
    },

    async evidenceForYear(year) {
      const items = await history.read(() =>
        call(() =>
          readFiltered(() => updates().items, {
            select: history.select(),
            expand: UPDATE_EXPAND,
            filter: `${F.planYear} eq ${odataString(year)}`,
            matches: (row) => String(row[F.planYear]) === year,
          }),
        ),
      );
      return filesOf(
        items.filter((i) => i[F.title] === EVIDENCE_TITLE && i["Attachments"] === true).map(toProgressUpdate),
      );
    },

    async attachEvidence(row, file) {
      const problem = evidenceProblem({ name: file.name, size: file.bytes.byteLength });
      if (problem) throw new ValidationError([{ field: "file", code: `evidence.${problem.kind}` }]);
      const list = await call(() => updates().select("EnableAttachments")<{ EnableAttachments: boolean }>());
      if (!list.EnableAttachments)
        throw new AppError(
          "invalid",
          "Attachments are turned off on the WRES Progress Updates list (List settings > Advanced settings); a site owner can turn them on.",
          400,
        );
      await call(() => updates().items.getById(row.id).attachmentFiles.add(file.name, file.bytes.slice().buffer));
      const [attached] = (await filesOf([{ ...row, evidence: true }])).filter(
        (f) => f.name.toLowerCase() === file.name.toLowerCase(),
      );
      if (!attached) throw new AppError("unexpected", `SharePoint did not list ${file.name} after attaching it.`);
      return attached;
    },

    async removeEvidence(file) {
      await call(() => updates().items.getById(file.rowId).attachmentFiles.getByName(file.name).delete());
      // The row held only this file: it goes too (its author may delete it; a plan editor's removal leaves it).
      const left = await call(() => updates().items.getById(file.rowId).attachmentFiles<unknown[]>());
      if (left.length === 0)
        await updates()
          .items.getById(file.rowId)
          .delete()
          .catch(() => undefined);
    },

    async openEvidence(file) {
      return new Uint8Array(
        await call(() => updates().items.getById(file.rowId).attachmentFiles.getByName(file.name).getBuffer()),
      );
    },

    async peopleByIds(ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const [batched, execute] = sp.batched();
      const reads = Promise.allSettled(unique.map((id) => batched.web.siteUsers.getById(id)<SpItem>()));
      await call(execute);
      return (await reads).flatMap((r) => (r.status === "fulfilled" ? [toPerson(r.value)] : []));
    },
  };
}
