import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rollUp, rollUpRag, worstRag } from "../../../src/plan/rag";
import { RAGS, type Rag } from "../../../src/plan/types";
import { action, objective } from "../../support/plan-fixtures";

const obj = objective({ id: 1 });

describe("rollUpRag", () => {
  it("is Blue when every action is complete", () => {
    expect(rollUpRag(obj, [action({ rag: "Blue" }), action({ rag: "Blue" })])).toBe("Blue");
  });

  it("is the worst open action, ignoring completed ones", () => {
    expect(rollUpRag(obj, [action({ rag: "Blue" }), action({ rag: "Green" })])).toBe("Green");
    expect(rollUpRag(obj, [action({ rag: "Green" }), action({ rag: "Amber" }), action({ rag: "Blue" })])).toBe("Amber");
    expect(rollUpRag(obj, [action({ rag: "Amber" }), action({ rag: "Red" }), action({ rag: "Green" })])).toBe("Red");
  });

  it("is null (not started) with no actions", () => {
    expect(rollUp(obj, [])).toEqual({ rag: null, source: "none", computed: null, reason: null });
  });

  it("ignores other objectives' actions", () => {
    expect(rollUpRag(obj, [action({ rag: "Green" }), action({ objectiveId: 2, rag: "Red" })])).toBe("Green");
  });

  it("lets an override with a reason win, keeping the computed RAG", () => {
    const overridden = objective({ id: 1, ragOverride: "Amber", ragOverrideReason: "  Funding not yet confirmed " });
    expect(rollUp(overridden, [action({ rag: "Green" })])).toEqual({
      rag: "Amber",
      source: "override",
      computed: "Green",
      reason: "Funding not yet confirmed",
    });
  });

  it("ignores an override without a reason", () => {
    const unexplained = objective({ id: 1, ragOverride: "Green", ragOverrideReason: "   " });
    expect(rollUpRag(unexplained, [action({ rag: "Red" })])).toBe("Red");
  });

  it("is the worst open RAG whatever the order (property)", () => {
    const severity: Record<Rag, number> = { Blue: 0, Green: 1, Amber: 2, Red: 3 };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RAGS), { minLength: 1, maxLength: 30 }), (rags) => {
        const actions = rags.map((rag) => action({ rag }));
        const open = rags.filter((r) => r !== "Blue");
        const expected = open.length === 0 ? "Blue" : open.reduce((w, r) => (severity[r] > severity[w] ? r : w));
        expect(rollUpRag(obj, actions)).toBe(expected);
        expect(rollUpRag(obj, [...actions].reverse())).toBe(expected);
      }),
    );
  });
});

describe("worstRag", () => {
  it("returns null for nothing", () => expect(worstRag([])).toBeNull());
  it("ranks Red > Amber > Green > Blue", () => expect(worstRag(["Blue", "Green", "Amber"])).toBe("Amber"));
});
