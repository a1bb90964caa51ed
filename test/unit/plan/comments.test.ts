import { describe, expect, it } from "vitest";
import {
  EVIDENCE_MAX_BYTES,
  evidenceProblem,
  insertMention,
  mayEditComment,
  mentionedIds,
  mentionQueryAt,
  mentionToken,
  parseComment,
  renderComment,
  threadComments,
  wasEdited,
} from "../../../src/plan/comments";
import type { ProgressUpdate } from "../../../src/plan/types";
import { mentionsValue } from "../../../src/sharepoint/discussion";

const amara = { id: 7, title: "Amara Okafor", email: "amara.okafor@wres.test" };
const tom = { id: 9, title: "Tom Hughes", email: "tom.hughes@wres.test" };

function row(id: number, over: Partial<ProgressUpdate> = {}): ProgressUpdate {
  return {
    id,
    actionId: 1,
    author: amara,
    date: `2025-03-0${Math.min(id, 9)}T10:00:00Z`,
    rag: null,
    previousRag: null,
    note: `c${id}`,
    progress: null,
    kind: "comment",
    ...over,
  };
}

describe("mentions", () => {
  it("are stored by site user id and read back in order, each person once", () => {
    const text = `Thanks ${mentionToken(9, "Tom Hughes")} and ${mentionToken(7, "Amara Okafor")}; ${mentionToken(9, "Tom")} again`;
    expect(mentionedIds(text)).toEqual([9, 7]);
    expect(mentionsValue(text)).toBe(";9;7;");
    expect(mentionsValue("no one")).toBeNull();
    expect(parseComment(text)[1]).toEqual({ kind: "mention", userId: 9, name: "Tom Hughes" });
  });

  it("render with the person's current name, so a rename shows; the stored name when the person is unknown", () => {
    const text = `Ask ${mentionToken(9, "Tom Hughes")} first`;
    expect(renderComment(text, (id) => (id === 9 ? "Tom Hughes-Evans" : undefined))).toBe(
      "Ask @Tom Hughes-Evans first",
    );
    expect(renderComment(text, () => undefined)).toBe("Ask @Tom Hughes first");
  });

  it("keep a token readable when the name has brackets, and leave look-alike text alone", () => {
    expect(mentionToken(4, "Sam [Locum] (Agency)")).toBe("@[Sam Locum Agency](user:4)");
    expect(parseComment("email me @ home [x](user:abc)")).toEqual([
      { kind: "text", text: "email me @ home [x](user:abc)" },
    ]);
  });

  it("read a mention of a site user with a long id, at the very start or end of the comment, with no empty text around it", () => {
    const token = mentionToken(1234567, "Priya Shah");
    expect(parseComment(`${token} please review`)).toEqual([
      { kind: "mention", userId: 1234567, name: "Priya Shah" },
      { kind: "text", text: " please review" },
    ]);
    expect(parseComment(`Over to ${token}`)).toEqual([
      { kind: "text", text: "Over to " },
      { kind: "mention", userId: 1234567, name: "Priya Shah" },
    ]);
    expect(parseComment(token)).toHaveLength(1);
  });

  it("store a name without the spaces around it, and a person with no usable name by their id", () => {
    expect(mentionToken(9, "  Tom Hughes ")).toBe("@[Tom Hughes](user:9)");
    expect(mentionToken(9, " () ")).toBe("@[9](user:9)");
  });

  it("look only at what is before the caret for the '@name' being typed", () => {
    expect(mentionQueryAt("Hello @Am there", 9)).toEqual({ start: 6, query: "Am" });
  });

  it("find the '@name' being typed at the caret, and replace it with a token", () => {
    expect(mentionQueryAt("Hello @Am", 9)).toEqual({ start: 6, query: "Am" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("mail a@b", 8)).toBeNull();
    expect(mentionQueryAt("Hello @Am\nthere", 15)).toBeNull();
    const done = insertMention("Hello @Am, see", 6, 9, 7, "Amara Okafor");
    expect(done.text).toBe("Hello @[Amara Okafor](user:7) , see");
    expect(done.caret).toBe("Hello @[Amara Okafor](user:7) ".length);
  });
});

describe("threads", () => {
  it("put replies under their comment oldest first, a reply to a reply under the root, newest activity first", () => {
    const threads = threadComments([
      row(1),
      row(2, { replyTo: 1 }),
      row(3),
      row(4, { replyTo: 2 }),
      row(5, { replyTo: 3 }),
    ]);
    expect(threads.map((t) => [t.rootId, t.replies.map((r) => r.id)])).toEqual([
      [3, [5]],
      [1, [2, 4]],
    ]);
  });

  it("keep replies to a deleted comment under a placeholder, and drop a deleted comment with none", () => {
    const threads = threadComments([row(2, { replyTo: 1 }), row(3)]);
    expect(threads.map((t) => [t.rootId, t.root?.id ?? null, t.replies.map((r) => r.id)])).toEqual([
      [3, 3, []],
      [1, null, [2]],
    ]);
  });

  it("survive a loop of replies written by hand in SharePoint", () => {
    expect(() => threadComments([row(1, { replyTo: 2 }), row(2, { replyTo: 1 })])).not.toThrow();
  });

  it("show each comment of a loop of replies once, in one thread under the oldest", () => {
    const threads = threadComments([row(1, { replyTo: 3 }), row(2, { replyTo: 1 }), row(3, { replyTo: 2 }), row(4)]);
    expect(threads.map((t) => [t.rootId, t.root?.id ?? null, t.replies.map((r) => r.id)])).toEqual([
      [4, 4, []],
      [1, 1, [2, 3]],
    ]);
    const intoLoop = threadComments([row(1, { replyTo: 5 }), row(5, { replyTo: 6 }), row(6, { replyTo: 5 })]);
    expect(intoLoop.map((t) => [t.rootId, t.root?.id ?? null, t.replies.map((r) => r.id)])).toEqual([[5, 5, [1, 6]]]);
  });

  it("order threads by their latest activity: a reply brings an older comment to the top", () => {
    const threads = threadComments([row(1), row(2, { replyTo: 1 }), row(3), row(5, { replyTo: 1 })]);
    expect(threads.map((t) => t.rootId)).toEqual([1, 3]);
    const quiet = threadComments([row(1), row(2, { replyTo: 1 }), row(3)]);
    expect(quiet.map((t) => t.rootId)).toEqual([3, 1]);
    // A reply pointed by hand at a later comment: the thread's latest activity is still its newest row.
    const byHand = threadComments([row(1, { replyTo: 5 }), row(5), row(4)]);
    expect(byHand.map((t) => [t.rootId, t.replies.map((r) => r.id)])).toEqual([
      [5, [1]],
      [4, []],
    ]);
  });

  it("put replies in the order they were written, whatever order they are read in; same second, lower id first", () => {
    const same = "2025-03-02T10:00:00Z";
    const threads = threadComments([
      row(6, { replyTo: 1, date: same }),
      row(5, { replyTo: 1, date: same }),
      row(4, { replyTo: 1, date: "2025-03-03T10:00:00Z" }),
      row(1, { date: "2025-03-01T10:00:00Z" }),
    ]);
    expect(threads[0]?.replies.map((r) => r.id)).toEqual([5, 6, 4]);
  });

  it("order threads with the same latest activity newest comment first", () => {
    const same = "2025-03-01T10:00:00Z";
    const threads = threadComments([row(1, { date: same }), row(3, { date: same }), row(2, { date: same })]);
    expect(threads.map((t) => t.rootId)).toEqual([3, 2, 1]);
  });
});

describe("who may edit, and 'edited'", () => {
  it("offers edit only on one's own comments, never on progress records or evidence", () => {
    expect(mayEditComment(row(1), amara.id)).toBe(true);
    expect(mayEditComment(row(1), tom.id)).toBe(false);
    expect(mayEditComment(row(1, { kind: "update" }), amara.id)).toBe(false);
    expect(mayEditComment(row(1, { evidence: true }), amara.id)).toBe(false);
    expect(mayEditComment(row(1), null)).toBe(false);
  });

  it("says edited when SharePoint's Modified is later than its Created", () => {
    expect(wasEdited(row(1, { modified: "2025-03-01T10:00:00Z" }))).toBe(false);
    expect(wasEdited(row(1, { modified: "2025-03-01T10:00:01Z" }))).toBe(true);
    expect(wasEdited(row(1))).toBe(false);
  });
});

describe("evidence limits", () => {
  it("takes documents, images and PDF up to 25 MB", () => {
    expect(evidenceProblem({ name: "Minutes.pdf", size: 1000 })).toBeNull();
    expect(evidenceProblem({ name: "Poster.JPG", size: EVIDENCE_MAX_BYTES })).toBeNull();
    expect(evidenceProblem({ name: "Poster.jpg", size: EVIDENCE_MAX_BYTES + 1 })).toEqual({
      kind: "tooLarge",
      maxBytes: EVIDENCE_MAX_BYTES,
    });
    expect(evidenceProblem({ name: "Poster.jpg", size: 0 })).toEqual({ kind: "empty" });
  });

  it("refuses spreadsheets and data exports (staff-level data), programs, bad names and a name already used", () => {
    expect(evidenceProblem({ name: "ESR extract.xlsx", size: 10 })).toEqual({ kind: "data", extension: "xlsx" });
    expect(evidenceProblem({ name: "applicants.csv", size: 10 })).toEqual({ kind: "data", extension: "csv" });
    expect(evidenceProblem({ name: "setup.exe", size: 10 })).toEqual({ kind: "type", extension: "exe" });
    expect(evidenceProblem({ name: "macro.docm", size: 10 })).toEqual({ kind: "type", extension: "docm" });
    expect(evidenceProblem({ name: "a:b.pdf", size: 10 })).toEqual({ kind: "name" });
    expect(evidenceProblem({ name: " lead.pdf", size: 10 })).toEqual({ kind: "name" });
    expect(evidenceProblem({ name: "Minutes.pdf", size: 10 }, ["minutes.PDF"])).toEqual({ kind: "duplicate" });
  });

  it("takes a file whose name is not used yet, and refuses the names SharePoint refuses", () => {
    expect(evidenceProblem({ name: "Minutes.pdf", size: 10 }, ["Agenda.pdf", "Minutes.docx"])).toBeNull();
    expect(evidenceProblem({ name: "", size: 10 })).toEqual({ kind: "name" });
    expect(evidenceProblem({ name: "~$Minutes.docx", size: 10 })).toEqual({ kind: "name" });
    expect(evidenceProblem({ name: "Minutes~$.docx", size: 10 })).toBeNull();
    const longest = `${"m".repeat(123)}.docx`;
    expect([...longest]).toHaveLength(128);
    expect(evidenceProblem({ name: longest, size: 10 })).toBeNull();
    expect(evidenceProblem({ name: `m${longest}`, size: 10 })).toEqual({ kind: "name" });
  });

  it("refuses SharePoint's reserved names as a whole name only, whatever the case", () => {
    for (const name of ["CON", "nul", "COM1", "lpt9", "Desktop.ini", ".lock"])
      expect(evidenceProblem({ name, size: 10 })).toEqual({ kind: "name" });
    expect(evidenceProblem({ name: "Consultation response.pdf", size: 10 })).toBeNull();
    // Ending with a reserved word does not make the name reserved: it is refused for having no type.
    expect(evidenceProblem({ name: "Beacon", size: 10 })).toEqual({ kind: "type", extension: "" });
  });

  it("names the type it refuses: none for a name without a dot, the rest of a name that starts with one", () => {
    expect(evidenceProblem({ name: "Minutes", size: 10 })).toEqual({ kind: "type", extension: "" });
    expect(evidenceProblem({ name: ".htaccess", size: 10 })).toEqual({ kind: "type", extension: "htaccess" });
  });
});

describe("mentions while typing", () => {
  it("turn each chosen '@Name' into its token, longest names first, and leave unchosen '@words' as text", async () => {
    const { encodeMentions } = await import("../../../src/plan/comments");
    const text = encodeMentions("@Sam Jones and @Sam, ask @Nobody", [
      { id: 3, name: "Sam" },
      { id: 4, name: "Sam Jones" },
    ]);
    expect(text).toBe("@[Sam Jones](user:4) and @[Sam](user:3), ask @Nobody");
    expect(mentionedIds(text)).toEqual([4, 3]);
  });

  it("round-trip a stored comment through the edit box with the person's current name", async () => {
    const { encodeMentions, mentionsForEditing } = await import("../../../src/plan/comments");
    const stored = `Ask ${mentionToken(9, "Tom Hughes")} today`;
    const editing = mentionsForEditing(stored, () => "Tom Hughes-Evans");
    expect(editing).toEqual({ display: "Ask @Tom Hughes-Evans today", chosen: [{ id: 9, name: "Tom Hughes-Evans" }] });
    expect(mentionedIds(encodeMentions(editing.display + "!", editing.chosen))).toEqual([9]);
  });

  it("offer each person mentioned twice once in the edit box", async () => {
    const { mentionsForEditing } = await import("../../../src/plan/comments");
    const stored = `${mentionToken(9, "Tom Hughes")} and ${mentionToken(7, "Amara Okafor")}, then ${mentionToken(9, "Tom")}`;
    const editing = mentionsForEditing(stored, () => undefined);
    expect(editing.display).toBe("@Tom Hughes and @Amara Okafor, then @Tom");
    expect(editing.chosen).toEqual([
      { id: 9, name: "Tom Hughes" },
      { id: 7, name: "Amara Okafor" },
    ]);
  });
});
