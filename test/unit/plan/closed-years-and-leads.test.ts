// A rolled-over plan year is a record: nothing in it may be changed, whatever SharePoint allows. And an action
// owner updates only the actions they lead.
import { describe, expect, it } from "vitest";
import type { Person } from "../../../src/plan/types";
import {
  canComment,
  canUpdateAction,
  capabilitiesForYear,
  capabilitiesWithin,
  isClosed,
  isYearClosed,
  leadsAction,
} from "../../../src/plan/permissions";

const amara: Person = { id: 7, title: "Amara Okafor", email: null };
const tom: Person = { id: 8, title: "Tom Hughes", email: null };
const all = { editPlan: true, editItems: true, manageLists: true, comment: true };
const closed = { readOnly: true };
const open = { readOnly: false };

describe("closed objectives and years", () => {
  it("an objective is closed only when marked read-only", () => {
    expect(isClosed(closed)).toBe(true);
    expect(isClosed(open)).toBe(false);
    expect(isClosed({} as { readOnly: boolean })).toBe(false);
    expect(isClosed(null)).toBe(false);
    expect(isClosed(undefined)).toBe(false);
  });

  it("a year is closed when it has objectives and every one is closed", () => {
    expect(isYearClosed([closed, closed])).toBe(true);
    expect(isYearClosed([closed, open])).toBe(false);
    expect(isYearClosed([open])).toBe(false);
    expect(isYearClosed([])).toBe(false);
  });

  it("within a closed objective nothing writes, but setting up lists (about the site) stays", () => {
    expect(capabilitiesWithin(closed, all)).toEqual({
      editPlan: false,
      editItems: false,
      manageLists: true,
      comment: false,
    });
    expect(capabilitiesWithin(open, all)).toEqual(all);
    expect(capabilitiesWithin(null, all)).toEqual(all);
  });

  it("for a closed year nothing writes; an open or empty year keeps the person's capabilities", () => {
    expect(capabilitiesForYear([closed, closed], all)).toEqual({
      editPlan: false,
      editItems: false,
      manageLists: true,
      comment: false,
    });
    expect(capabilitiesForYear([closed, open], all)).toEqual(all);
    expect(capabilitiesForYear([], all)).toEqual(all);
  });

  it("offers no update and no comment on an action of a closed objective, even to a plan editor", () => {
    const led = { leads: [amara] };
    expect(canUpdateAction(led, { id: 7 }, all, closed)).toBe(false);
    expect(canComment(led, { id: 7 }, all, closed)).toBe(false);
    expect(canUpdateAction(led, { id: 7 }, all, open)).toBe(true);
  });
});

describe("who leads an action", () => {
  it("is any one of its leads", () => {
    const shared = { leads: [amara, tom] };
    expect(leadsAction(shared, { id: 7 })).toBe(true);
    expect(leadsAction(shared, { id: 8 })).toBe(true);
    expect(leadsAction(shared, { id: 9 })).toBe(false);
    expect(leadsAction({ leads: [] }, { id: 7 })).toBe(false);
    expect(leadsAction(shared, null)).toBe(false);
  });

  it("is also any member of a SharePoint group among its leads, and only of such a group", () => {
    const coChairs: Person = { id: 1_000_010, title: "BAME Network Co-Chairs", email: null };
    const byGroup = { leads: [coChairs] };
    expect(leadsAction(byGroup, { id: 15, groupIds: [1_000_010] })).toBe(true);
    expect(leadsAction(byGroup, { id: 15, groupIds: [1_000_011] })).toBe(false);
    expect(leadsAction(byGroup, { id: 15 })).toBe(false);
    expect(leadsAction({ leads: [amara] }, { id: 15, groupIds: [1_000_010] })).toBe(false);
    expect(canUpdateAction(byGroup, { id: 15, groupIds: [1_000_010] }, { ...all, editPlan: false })).toBe(true);
  });
});
