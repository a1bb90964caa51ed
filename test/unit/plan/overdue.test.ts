import { describe, expect, it } from "vitest";
import { isOverdue } from "../../../src/plan/overdue";
import { localIsoDay } from "../../../src/plan/dates";
import { action } from "../../support/plan-fixtures";

describe("isOverdue", () => {
  it("is overdue when the due date has passed and the action is open", () => {
    expect(isOverdue(action({ dueDate: "2025-03-31", rag: "Amber" }), "2025-04-01")).toBe(true);
  });
  it("is not overdue on the due date itself", () => {
    expect(isOverdue(action({ dueDate: "2025-03-31", rag: "Red" }), "2025-03-31T23:59:00Z")).toBe(false);
  });
  it("is never overdue when complete", () => {
    expect(isOverdue(action({ dueDate: "2020-01-01", rag: "Blue" }), "2025-04-01")).toBe(false);
  });
  it("is never overdue without a due date", () => {
    expect(isOverdue(action({ dueDate: null, rag: "Red" }), "2025-04-01")).toBe(false);
  });
  it("compares calendar dates even when the due date is a timestamp", () => {
    expect(isOverdue(action({ dueDate: "2025-03-31T00:00:00Z" }), "2025-04-01")).toBe(true);
  });
  it("formats the local day", () => {
    expect(localIsoDay(new Date(2025, 2, 9, 12))).toBe("2025-03-09");
  });
});

import { canComment, canUpdateAction } from "../../../src/plan/permissions";

describe("canUpdateAction", () => {
  const lead = { id: 7, title: "Amara Okafor", email: null };
  const led = action({ leads: [lead] });
  const none = { editPlan: false, editItems: false, manageLists: false, comment: false };
  it("lets plan editors update any action", () => {
    expect(canUpdateAction(action(), { id: 1 }, { ...none, editPlan: true })).toBe(true);
  });
  it("lets action owners update only the actions they lead", () => {
    expect(canUpdateAction(led, { id: 7 }, { ...none, editItems: true })).toBe(true);
    expect(canUpdateAction(led, { id: 8 }, { ...none, editItems: true })).toBe(false);
  });
  it("gives readers no update but a comment where allowed", () => {
    expect(canUpdateAction(led, { id: 9 }, none)).toBe(false);
    expect(canComment(led, { id: 9 }, none)).toBe(false);
    expect(canComment(led, { id: 9 }, { ...none, comment: true })).toBe(true);
  });
});
