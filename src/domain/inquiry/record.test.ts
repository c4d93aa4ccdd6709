import { describe, expect, it } from "vitest";
import { applyAction, correctRecord, mergeCorrection, mergeFields, statusAt, type InquiryRecord } from "./record";
import type { Mailbox, Priority } from "../sla/policies";
import { inquiry as fixture } from "../../../test/fixtures/inquiries";

describe("three-way merge after a 412", () => {
  const b = { status: "assigned", assignee: "ana", notes: "", priority: "routine" };

  it("keeps both sides' changes when they touch different fields", () => {
    const r = mergeFields(b, { ...b, notes: "called member" }, { ...b, priority: "high" });
    expect(r).toEqual({ merged: { status: "assigned", assignee: "ana", notes: "called member", priority: "high" }, conflicts: [] });
  });

  it("never overwrites the other writer silently: the same field changed both ways is a conflict, theirs kept", () => {
    const r = mergeFields(b, { ...b, assignee: "ben" }, { ...b, assignee: "cy" });
    expect(r.merged["assignee"]).toBe("cy");
    expect(r.conflicts).toEqual([{ field: "assignee", mine: "ben", theirs: "cy" }]);
  });

  it("treats the same change made by both as agreement", () => {
    expect(mergeFields(b, { ...b, status: "responded" }, { ...b, status: "responded" }).conflicts).toEqual([]);
  });
});

const inquiry = fixture({ receivedAt: 1_000 });
const policyOf = (mailbox: Mailbox | null, priority: Priority) => `${mailbox ?? "none"}/${priority}`;

describe("an action on an inquiry", () => {
  it("assigns to the trimmed address, says who assigned it and when, and logs no SLA event", () => {
    const r = applyAction(inquiry, { kind: "assign", to: "  ana@plan.example " }, 5_000, "lee@plan.example");
    expect(r).toMatchObject({ assignee: "ana@plan.example", assignedBy: "lee@plan.example", assignedAt: 5_000, status: "assigned", events: [] });
    expect(r.history).toEqual([expect.objectContaining({ from: "new", to: "assigned", at: 5_000, by: "lee@plan.example" })]);
  });

  it("logs the action's SLA event beside the earlier ones, and keeps the assignee", () => {
    const assigned = applyAction(inquiry, { kind: "assign", to: "ana@plan.example" }, 5_000, "lee@plan.example");
    const answered = applyAction(applyAction(assigned, { kind: "acknowledge" }, 6_000, "ana@plan.example"), { kind: "respond" }, 7_000, "ana@plan.example");
    expect(answered.events).toEqual([{ type: "acknowledged", at: 6_000 }, { type: "responded", at: 7_000 }]);
    expect(answered).toMatchObject({ assignee: "ana@plan.example", assignedBy: "lee@plan.example", assignedAt: 5_000 });
    expect(answered.history.map((h) => h.to)).toEqual(["assigned", "acknowledged", "responded"]);
    expect(inquiry.events).toEqual([]); // the record given is not changed
  });
});

describe("an advocate's correction", () => {
  const classified = { category: "claims_billing" as const, priority: "routine" as const, mailbox: "secure-message" as const };

  it("takes the corrected values, keeps what the classifier said of each changed one, and follows the policy", () => {
    const r = correctRecord(inquiry, { category: "grievance", priority: "high", mailbox: "contact-us" }, classified, policyOf);
    expect(r).toMatchObject({ category: "grievance", priority: "high", mailbox: "contact-us", policy: "contact-us/high" });
    expect(r.correctedFrom).toEqual({ category: "claims_billing", priority: "routine", mailbox: "secure-message" });
  });

  it("records nothing as corrected for the fields left as classified", () => {
    const r = correctRecord(inquiry, { priority: "high" }, classified, policyOf);
    expect(r).toMatchObject({ category: "claims_billing", priority: "high", mailbox: "secure-message", policy: "secure-message/high" });
    expect(r.correctedFrom).toEqual({ priority: "routine" });
    expect(correctRecord(inquiry, { category: "claims_billing" }, classified, policyOf).correctedFrom).toEqual({});
  });

  it("does not record a mailbox the classifier never had as corrected from", () => {
    const r = correctRecord(inquiry, { mailbox: "contact-us" }, { ...classified, mailbox: null }, policyOf);
    expect(r.mailbox).toBe("contact-us");
    expect(r.correctedFrom).toEqual({});
  });
});

describe("the status an inquiry had at a time", () => {
  const history = [
    { from: "new" as const, to: "assigned" as const, at: 100, by: "lee", action: "assign" as const },
    { from: "assigned" as const, to: "responded" as const, at: 200, by: "ana", action: "respond" as const },
    { from: "responded" as const, to: "resolved" as const, at: 300, by: "ana", action: "resolve" as const },
  ];
  const r = { ...inquiry, status: "resolved" as const, history } as unknown as InquiryRecord;

  it("is the last status reached strictly before it", () => {
    expect(statusAt(r, 250)).toBe("responded");
    expect(statusAt(r, 300)).toBe("responded"); // resolved at 300 exactly: not yet
    expect(statusAt(r, 301)).toBe("resolved");
  });

  it("is the first status before any change, and the stored one without history", () => {
    expect(statusAt(r, 50)).toBe("new");
    expect(statusAt({ ...inquiry, status: "assigned" }, 10)).toBe("assigned");
  });
});

describe("a correction merged into the inquiry as it is now", () => {
  it("applies the fields nobody else changed, with what they were corrected from, and recomputes the policy", () => {
    const { record, conflicts } = mergeCorrection(inquiry, { priority: "high", correctedFrom: { priority: "routine" } }, { priority: "routine" }, policyOf);
    expect(conflicts).toEqual([]);
    expect(record).toMatchObject({ priority: "high", category: "claims_billing", policy: "secure-message/high", correctedFrom: { priority: "routine" } });
  });

  it("keeps another advocate's change to the same field and reports it, changing nothing else of it", () => {
    const theirs = { ...inquiry, priority: "escalated" as const, policy: "theirs" };
    const { record, conflicts } = mergeCorrection(theirs, { priority: "high", category: "grievance", correctedFrom: { priority: "routine", category: "claims_billing" } }, { priority: "routine", category: "claims_billing" }, policyOf);
    expect(conflicts).toEqual([{ field: "priority", mine: "high", theirs: "escalated" }]);
    expect(record).toMatchObject({ priority: "escalated", category: "grievance", policy: "secure-message/escalated", correctedFrom: { category: "claims_billing" } });
  });

  it("clears what a field was corrected from when the advocate sets it back to the classifier's value", () => {
    const corrected = { ...inquiry, category: "grievance" as const, correctedFrom: { category: "claims_billing" as const, priority: "high" as const } };
    const { record } = mergeCorrection(corrected, { category: "claims_billing" }, { category: "grievance" }, policyOf);
    expect(record.category).toBe("claims_billing");
    expect(record.correctedFrom).toEqual({ priority: "high" });
  });

  it("without what the pane saw, takes the change as given; without a policy rule, takes the change's policy unless it conflicts", () => {
    const { record } = mergeCorrection(inquiry, { mailbox: "contact-us", policy: "contact-us", correctedFrom: { mailbox: "secure-message" } }, undefined);
    expect(record).toMatchObject({ mailbox: "contact-us", policy: "contact-us", correctedFrom: { mailbox: "secure-message" } });
    const theirs = { ...inquiry, mailbox: "agent-support" as const, priority: "high" as const };
    const c = mergeCorrection(theirs, { mailbox: "contact-us", priority: "escalated", policy: "contact-us" }, { mailbox: "secure-message", priority: "routine" });
    expect(c.conflicts.map((x) => x.field).sort()).toEqual(["mailbox", "priority"]);
    expect(c.record.policy).toBe("secure-message");
  });

  it("changes nothing, the policy included, when the change is what the inquiry already holds", () => {
    const { record, conflicts } = mergeCorrection({ ...inquiry, policy: "kept" }, { category: "claims_billing", policy: "other" }, { category: "claims_billing" }, policyOf);
    expect(conflicts).toEqual([]);
    expect(record.policy).toBe("kept");
    expect(record.category).toBe("claims_billing");
  });
});

describe("a correction merged into the inquiry, as the log shows it afterwards", () => {
  it("without what the pane saw, changes only the field the advocate changed", () => {
    const { record } = mergeCorrection(inquiry, { mailbox: "contact-us", policy: "contact-us", correctedFrom: { mailbox: "secure-message" } }, undefined);
    // the fixture's category and priority stay as the classifier left them
    expect({ mailbox: record.mailbox, category: record.category, priority: record.priority }).toEqual({ mailbox: "contact-us", category: "claims_billing", priority: "routine" });
  });

  it("leaves the inquiry marked as not corrected once the advocate sets her only correction back", () => {
    const corrected = { ...inquiry, category: "grievance" as const, correctedFrom: { category: "claims_billing" as const } };
    const { record } = mergeCorrection(corrected, { category: "claims_billing" }, { category: "grievance" }, policyOf);
    // the log's "classification corrected" column is whether anything is listed here: nothing is
    expect(Object.keys(record.correctedFrom)).toEqual([]);
  });

  it("without a policy rule, keeps the inquiry's policy when the change names none, and when part of the change conflicts", () => {
    const categoryOnly = mergeCorrection(inquiry, { category: "grievance", correctedFrom: { category: "claims_billing" } }, { category: "claims_billing" });
    expect({ category: categoryOnly.record.category, policy: categoryOnly.record.policy }).toEqual({ category: "grievance", policy: "secure-message" });
    // someone else made it high meanwhile: the priority conflicts, the category is taken, the change's policy is not
    const theirs = { ...inquiry, priority: "high" as const };
    const c = mergeCorrection(theirs, { priority: "escalated", category: "grievance", policy: "contact-us" }, { priority: "routine", category: "claims_billing" });
    expect(c.conflicts).toEqual([{ field: "priority", mine: "escalated", theirs: "high" }]);
    expect({ category: c.record.category, priority: c.record.priority, policy: c.record.policy }).toEqual({ category: "grievance", priority: "high", policy: "secure-message" });
  });
});
