// Comments that can be answered, and evidence files, through @pnp/sp against the local server: what
// SharePoint itself allows (WriteSecurity 2 on WRES Progress Updates) and list item attachments.
import { beforeAll, describe, expect, it } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/attachments/index.js";
import { F, LIST_TITLES } from "../../../src/sharepoint/schema";
import { planList } from "../../../src/sharepoint/lists";
import { mentionToken, threadComments } from "../../../src/plan/comments";
import { AMARA, CHAIR, COMMITTEE, EDITOR, TOM, seedSmallPlan } from "./support";
import { useSite } from "../../support/local-site";

const site = useSite();
let plan: Awaited<ReturnType<typeof seedSmallPlan>>;
beforeAll(async () => {
  plan = await seedSmallPlan(site);
});

const updates = (upn: string) => planList(site.sp(upn).web, "progressUpdates");

async function rest(
  upn: string,
  path: string,
  init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${site.server.siteUrl}/_api/${path}`, {
    method: init.method ?? "GET",
    headers: { Authorization: `Bearer dev:${upn}`, Accept: "application/json;odata=nometadata", ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  // SharePoint's JSON light error body: {"odata.error": {"code": "...", "message": {"lang": "en-US", "value": "..."}}}.
  const error = () =>
    (JSON.parse(text) as { "odata.error"?: { code: string; message: { value: string } } })["odata.error"];
  return { status: response.status, code: () => error()?.code, message: () => error()?.message.value };
}
const updatesPath = `web/lists/getByTitle('${LIST_TITLES.progressUpdates}')`;

describe("replies, edits and deletions of comments", () => {
  it("a reply names the comment it answers, and mentions are stored by site user id", async () => {
    const chair = site.store(CHAIR);
    const comment = await chair.addComment(
      plan.amaraAction.id,
      `Could ${mentionToken(plan.tom.id, "Tom Hughes")} share the panel guide?`,
    );
    const reply = await site
      .store(TOM)
      .addComment(plan.amaraAction.id, "Sent it this morning.", { replyTo: comment.id });
    const stored = await updates(EDITOR).items.getById(comment.id).select(F.mentions, F.note)<
      Record<string, unknown>
    >();
    expect(stored[F.mentions]).toBe(`;${plan.tom.id};`);
    const history = await site.store(COMMITTEE).history(plan.amaraAction.id);
    const threads = threadComments(history.filter((h) => h.kind === "comment"));
    const thread = threads.find((t) => t.rootId === comment.id)!;
    expect(thread.replies.map((r) => [r.id, r.note])).toEqual([[reply.id, "Sent it this morning."]]);
    expect(history.find((h) => h.id === reply.id)?.replyTo).toBe(comment.id);
  });

  it("the author edits their own comment; another's is refused by SharePoint with its access-denied error", async () => {
    const comment = await site.store(CHAIR).addComment(plan.tomAction.id, "First thoughts");
    const edited = await site.store(CHAIR).editComment(comment.id, "Second thoughts");
    expect(edited.note).toBe("Second thoughts");

    await expect(site.store(AMARA).editComment(comment.id, "Not mine")).rejects.toMatchObject({ code: "forbidden" });
    // The raw request, as anyone could send it with their own token: SharePoint's 403 and its error body.
    const raw = await rest(AMARA, `${updatesPath}/items(${comment.id})`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-HTTP-Method": "MERGE", "IF-MATCH": "*" },
      body: JSON.stringify({ [F.note]: "Not mine" }),
    });
    expect(raw.status).toBe(403);
    expect(raw.code()).toBe("-2147024891, System.UnauthorizedAccessException");
    expect((await site.store(COMMITTEE).history(plan.tomAction.id)).find((h) => h.id === comment.id)?.note).toBe(
      "Second thoughts",
    );
  });

  it("progress records are not edited or deleted from the tab, even by their author", async () => {
    const updated = await site
      .store(TOM)
      .updateProgress(plan.tomAction.id, (await site.store(TOM).getAction(plan.tomAction.id)).etag, {
        rag: "Amber",
        progress: "Board pairs chosen",
        note: "Slower start",
      });
    const record = (await site.store(TOM).history(updated.id)).find((h) => h.kind === "update")!;
    await expect(site.store(TOM).editComment(record.id, "rewritten")).rejects.toMatchObject({ code: "forbidden" });
    await expect(site.store(TOM).deleteComment(record.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("deleting a comment with a reply leaves the reply under a placeholder; deleting another's is refused", async () => {
    const root = await site.store(CHAIR).addComment(plan.tomAction.id, "Is the pilot on track?");
    const reply = await site.store(TOM).addComment(plan.tomAction.id, "Yes", { replyTo: root.id });
    await expect(site.store(TOM).deleteComment(root.id)).rejects.toMatchObject({ code: "forbidden" });
    await site.store(CHAIR).deleteComment(root.id);
    const threads = threadComments(
      (await site.store(COMMITTEE).history(plan.tomAction.id)).filter((h) => h.kind === "comment"),
    );
    const orphan = threads.find((t) => t.rootId === root.id)!;
    expect(orphan.root).toBeNull();
    expect(orphan.replies.map((r) => r.id)).toEqual([reply.id]);
  });

  it("names the people a comment mentions by their current names", async () => {
    const people = await site.store(COMMITTEE).peopleByIds([plan.tom.id, 987654]);
    expect(people.map((p) => p.title)).toEqual([plan.tom.title]);
  });
});

describe("evidence: list item attachments", () => {
  const pdf = new TextEncoder().encode("%PDF-1.4 minutes of the panel review");

  it("a lead attaches a file; anyone who can read the plan lists and opens it; the author removes it", async () => {
    const file = await site
      .store(AMARA)
      .attachEvidence(plan.amaraAction.id, { name: "Panel minutes.pdf", bytes: pdf }, "Minutes, 3 March");
    expect(file).toMatchObject({
      name: "Panel minutes.pdf",
      size: pdf.byteLength,
      author: { email: AMARA },
      description: "Minutes, 3 March",
    });
    expect(file.url).toBe(
      `/sites/${site.server.siteUrl.split("/sites/")[1]}/Lists/${LIST_TITLES.progressUpdates}/Attachments/${file.rowId}/Panel minutes.pdf`,
    );

    const listed = await site.store(COMMITTEE).evidence(plan.amaraAction.id);
    expect(listed.map((f) => f.name)).toEqual(["Panel minutes.pdf"]);
    expect(new TextDecoder().decode(await site.store(COMMITTEE).openEvidence(listed[0]!))).toBe(
      "%PDF-1.4 minutes of the panel review",
    );
    // Evidence is not a comment in the thread, and not a progress record.
    const history = await site.store(COMMITTEE).history(plan.amaraAction.id);
    expect(history.find((h) => h.id === file.rowId)).toMatchObject({ kind: "comment", evidence: true });

    // A reader cannot remove it; SharePoint refuses the raw request too.
    await expect(site.store(COMMITTEE).removeEvidence(file)).rejects.toMatchObject({ code: "forbidden" });
    const raw = await rest(TOM, `${updatesPath}/items(${file.rowId})/AttachmentFiles('Panel%20minutes.pdf')`, {
      method: "POST",
      headers: { "X-HTTP-Method": "DELETE" },
    });
    expect(raw.status).toBe(403);
    await site.store(AMARA).removeEvidence(file);
    expect(await site.store(COMMITTEE).evidence(plan.amaraAction.id)).toEqual([]);
  });

  it("SharePoint refuses a second file of the same name on a row, an empty file, a bad name, and a file on another person's row", async () => {
    const row = await site.store(AMARA).addComment(plan.amaraAction.id, "two files");
    const item = updates(AMARA).items.getById(row.id);
    await item.attachmentFiles.add("a.pdf", pdf.slice().buffer);
    const again = await rest(AMARA, `${updatesPath}/items(${row.id})/AttachmentFiles/add(FileName='a.pdf')`, {
      method: "POST",
      body: pdf,
    });
    expect(again.status).toBe(400);
    expect(again.code()).toBe("-2130575257, Microsoft.SharePoint.SPException");
    expect(again.message()).toContain("already exists");
    expect(
      (
        await rest(AMARA, `${updatesPath}/items(${row.id})/AttachmentFiles/add(FileName='b.pdf')`, {
          method: "POST",
          body: new Uint8Array(),
        })
      ).status,
    ).toBe(400);
    const bad = await rest(AMARA, `${updatesPath}/items(${row.id})/AttachmentFiles/add(FileName='a%3Ab.pdf')`, {
      method: "POST",
      body: pdf,
    });
    expect(bad.status).toBe(400);
    expect(bad.message()).toContain("characters that are not permitted");
    // Another person's row: Edit Items under WriteSecurity 2 is only on one's own rows.
    expect(
      (
        await rest(TOM, `${updatesPath}/items(${row.id})/AttachmentFiles/add(FileName='c.pdf')`, {
          method: "POST",
          body: pdf,
        })
      ).status,
    ).toBe(403);
    const listed = await item.attachmentFiles<{ FileName: string; ServerRelativeUrl: string }[]>();
    expect(listed.map((f) => f.FileName)).toEqual(["a.pdf"]);
    expect((await item.select("Attachments")<{ Attachments: boolean }>()).Attachments).toBe(true);
  });

  it("refuses staff-level data and executables before sending, and says so when attachments are turned off on the list", async () => {
    await expect(
      site.store(AMARA).attachEvidence(plan.amaraAction.id, { name: "ESR extract.xlsx", bytes: pdf }),
    ).rejects.toMatchObject({ code: "invalid", issues: [{ code: "evidence.data" }] });
    await expect(
      site.store(AMARA).attachEvidence(plan.amaraAction.id, { name: "tool.exe", bytes: pdf }),
    ).rejects.toMatchObject({ code: "invalid", issues: [{ code: "evidence.type" }] });
    const before = (await site.store(COMMITTEE).history(plan.amaraAction.id)).length;

    await planList(site.sp(EDITOR).web, "progressUpdates").update({ EnableAttachments: false });
    try {
      expect(
        (
          await planList(site.sp(COMMITTEE).web, "progressUpdates").select("EnableAttachments")<{
            EnableAttachments: boolean;
          }>()
        ).EnableAttachments,
      ).toBe(false);
      await expect(
        site.store(AMARA).attachEvidence(plan.amaraAction.id, { name: "poster.png", bytes: pdf }),
      ).rejects.toMatchObject({ code: "invalid" });
      // No empty evidence row is left behind.
      expect((await site.store(COMMITTEE).history(plan.amaraAction.id)).length).toBe(before);
      const row = await site.store(AMARA).addComment(plan.amaraAction.id, "raw");
      const raw = await rest(AMARA, `${updatesPath}/items(${row.id})/AttachmentFiles/add(FileName='poster.png')`, {
        method: "POST",
        body: pdf,
      });
      expect(raw.status).toBe(400);
      expect(raw.code()).toBe("-2130575257, Microsoft.SharePoint.SPException");
    } finally {
      await planList(site.sp(EDITOR).web, "progressUpdates").update({ EnableAttachments: true });
    }
  });

  it("deleting a row deletes its attachments", async () => {
    const file = await site.store(AMARA).attachEvidence(plan.amaraAction.id, { name: "poster.jpg", bytes: pdf });
    await updates(AMARA).items.getById(file.rowId).delete();
    const raw = await rest(EDITOR, `web/getFileByServerRelativePath(decodedurl='${file.url}')`);
    expect(raw.status).toBe(404);
  });
});
