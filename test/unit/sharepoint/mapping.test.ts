import { describe, expect, it } from "vitest";
import {
  actionFields,
  objectiveFields,
  odataString,
  toAction,
  toObjective,
  toProgressUpdate,
} from "../../../src/sharepoint/mapping";

describe("item mapping", () => {
  it("reads an action item in JSON light, people expanded", () => {
    const action = toAction({
      "odata.etag": '"4"',
      Id: 12,
      Title: "Reverse mentoring",
      ObjectiveId: 3,
      ActionNumber: "2.10",
      Leads: [
        {
          Id: 7,
          Title: "Amara Okafor",
          EMail: "amara.okafor@wres.test",
          Name: "i:0#.f|membership|amara.okafor@wres.test",
        },
      ],
      LeadText: null,
      DueDate: "2025-03-31T00:00:00Z",
      Progress: "",
      WresIndicators: ["5", "1"],
      Rag: "Amber",
      Modified: "2025-01-02T03:04:05Z",
    });
    expect(action).toMatchObject({
      id: 12,
      etag: '"4"',
      objectiveId: 3,
      number: "2.10",
      dueDate: "2025-03-31",
      progress: null,
      indicators: [1, 5],
      rag: "Amber",
      leads: [
        {
          id: 7,
          title: "Amara Okafor",
          email: "amara.okafor@wres.test",
          loginName: "i:0#.f|membership|amara.okafor@wres.test",
        },
      ],
    });
  });

  it("accepts verbose multi-values", () => {
    const objective = toObjective({
      Id: 1,
      WresIndicators: { results: ["9"] },
      HighImpactActions: "HIA 1\n\nHIA 3",
      ObjectiveOwner: null,
    });
    expect(objective.indicators).toEqual([9]);
    expect(objective.highImpactActions).toEqual(["HIA 1", "HIA 3"]);
    expect(objective.owner).toBeNull();
  });

  it("writes only the fields a patch names, people as ids", () => {
    expect(
      actionFields({ rag: "Red", leads: [{ id: 7, title: "A", email: null }], dueDate: "2025-06-30", leadText: "" }),
    ).toEqual({
      Rag: "Red",
      LeadsId: [7],
      DueDate: "2025-06-30T00:00:00Z",
      LeadText: null,
    });
    expect(objectiveFields({ owner: null, indicators: [1, 2], highImpactActions: [] })).toEqual({
      ObjectiveOwnerId: null,
      WresIndicators: ["1", "2"],
      HighImpactActions: null,
    });
  });

  it("tells comments from updates", () => {
    expect(toProgressUpdate({ Id: 1, ActionId: 2, Kind: "Comment", UpdateDate: "2025-01-01T00:00:00Z" }).kind).toBe(
      "comment",
    );
    expect(toProgressUpdate({ Id: 1, ActionId: 2, Kind: "Update", Rag: "Blue", PreviousRag: "Green" })).toMatchObject({
      kind: "update",
      rag: "Blue",
      previousRag: "Green",
    });
  });

  it("escapes OData string literals", () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
  });
});
