import { describe, expect, it } from "vitest";
import { applyAction, type InquiryRecord } from "./record";
import { ALREADY_LOGGED_WITHIN_MS, actionsBeforeDraft, actionsForSentReply } from "./sent-reply";
import { inquiry } from "../../../test/fixtures/inquiries";

const t0 = Date.parse("2026-03-02T10:00:00-06:00");
const base: InquiryRecord = inquiry({ mailbox: "agent-support", receivedAt: t0, senderType: "agent", policy: "agent-support" });
const ana = "ana@plan.example";

describe("what a sent reply records", () => {
  it("answers an inquiry nobody logged a reply for, assigning it to the sender first if nobody has it", () => {
    expect(actionsForSentReply(base, ana, t0 + 3_600_000, false)).toEqual([{ kind: "assign", to: ana }, { kind: "respond" }]);
    const assigned = applyAction(base, { kind: "assign", to: "ben@plan.example" }, t0 + 60_000, "lead@plan.example");
    expect(actionsForSentReply(assigned, ana, t0 + 3_600_000, false)).toEqual([{ kind: "respond" }]);
  });

  it("records nothing more for a reply the pane logged when its template went in, but does for a later reply", () => {
    let r = applyAction(base, { kind: "assign", to: ana }, t0 + 60_000, ana);
    r = applyAction(r, { kind: "acknowledge" }, t0 + 120_000, ana); // the acknowledgement template
    expect(actionsForSentReply(r, ana, t0 + 300_000, true)).toEqual([]);
    expect(actionsForSentReply(r, ana, t0 + 9 * 3_600_000, true)).toEqual([{ kind: "respond" }]);
    expect(actionsForSentReply(r, "ben@plan.example", t0 + 300_000, true)).toEqual([{ kind: "respond" }]); // someone else's reply
  });

  it("sends a follow-up after an answer where the policy asks for updates, and nothing once resolved", () => {
    let r = applyAction(base, { kind: "assign", to: ana }, t0 + 60_000, ana);
    r = applyAction(r, { kind: "respond" }, t0 + 120_000, ana);
    expect(actionsForSentReply(r, ana, t0 + 10 * 3_600_000, true)).toEqual([{ kind: "followUp" }]);
    expect(actionsForSentReply(r, ana, t0 + 10 * 3_600_000, false)).toEqual([]);
    expect(actionsForSentReply(applyAction(r, { kind: "resolve" }, t0 + 200_000, ana), ana, t0 + 10 * 3_600_000, true)).toEqual([]);
  });
});

describe("a reply drafted from a template, then sent", () => {
  it("records what the template stands for (an acknowledgement is not an answer)", () => {
    const at = Date.parse("2026-03-04T16:00:00Z");
    expect(actionsForSentReply(inquiry(), "ana@plan.example", at, false, { kind: "acknowledge" })).toEqual([{ kind: "assign", to: "ana@plan.example" }, { kind: "acknowledge" }]);
    expect(actionsForSentReply(inquiry({ status: "assigned", assignee: "ana@plan.example" }), "ana@plan.example", at, false, { kind: "awaitInformation" })).toEqual([{ kind: "awaitInformation" }]);
  });
});

describe("a drafted reply on an inquiry nobody has taken yet", () => {
  const at = t0 + 3_600_000;

  it("takes it first, then records what the template stands for, even where a new inquiry does not allow it yet", () => {
    expect(actionsForSentReply(base, ana, at, false, { kind: "awaitInformation" })).toEqual([{ kind: "assign", to: ana }, { kind: "awaitInformation" }]);
    expect(actionsForSentReply(base, ana, at, false, { kind: "route", to: "another department" })).toEqual([{ kind: "assign", to: ana }, { kind: "route", to: "another department" }]);
  });

  it("answers instead of following up when nothing was answered yet", () => {
    expect(actionsForSentReply(base, ana, at, true, { kind: "followUp" })).toEqual([{ kind: "assign", to: ana }, { kind: "respond" }]);
  });

  it("records a drafted reply on someone else's inquiry without taking it, and nothing on a resolved one", () => {
    const bens = applyAction(base, { kind: "assign", to: "ben@plan.example" }, t0 + 60_000, "lead@plan.example");
    expect(actionsForSentReply(bens, ana, at, false, { kind: "route", to: "another department" })).toEqual([{ kind: "route", to: "another department" }]);
    const resolved = applyAction(applyAction(bens, { kind: "respond" }, t0 + 120_000, "ben@plan.example"), { kind: "resolve" }, t0 + 180_000, "ben@plan.example");
    expect(actionsForSentReply(resolved, ana, at, true, { kind: "respond" })).toEqual([]);
  });
});

describe("a reply already logged in the pane", () => {
  const acked = applyAction(applyAction(base, { kind: "assign", to: ana }, t0 + 60_000, ana), { kind: "acknowledge" }, t0 + 120_000, ana);

  it("counts for eight hours after it was logged, to the minute, whatever the case of the address", () => {
    expect(ALREADY_LOGGED_WITHIN_MS).toBe(8 * 3_600_000);
    expect(actionsForSentReply(acked, "ANA@plan.example", t0 + 120_000, false)).toEqual([]);
    expect(actionsForSentReply(acked, ana, t0 + 120_000 + ALREADY_LOGGED_WITHIN_MS - 1, false)).toEqual([]);
    expect(actionsForSentReply(acked, ana, t0 + 120_000 + ALREADY_LOGGED_WITHIN_MS, false)).toEqual([{ kind: "respond" }]);
  });

  it("does not count when the send is timed before the logged reply (a clock out of step)", () => {
    expect(actionsForSentReply(acked, ana, t0 + 60_000, false)).toEqual([{ kind: "respond" }]);
  });

  it("does not count an action that is not a reply, such as taking the inquiry", () => {
    const taken = applyAction(base, { kind: "assign", to: ana }, t0 + 60_000, ana);
    expect(actionsForSentReply(taken, ana, t0 + 120_000, false)).toEqual([{ kind: "respond" }]);
  });
});

describe("what drafting a reply records first", () => {
  it("takes an inquiry nobody has, and nothing else", () => {
    expect(actionsBeforeDraft(base, ana)).toEqual([{ kind: "assign", to: ana }]);
    expect(actionsBeforeDraft(applyAction(base, { kind: "assign", to: "ben@plan.example" }, t0, "lead@plan.example"), ana)).toEqual([]);
    expect(actionsBeforeDraft({ ...base, status: "resolved" }, ana)).toEqual([]); // a resolved inquiry is reopened, not taken
  });
});

describe("what a sent reply records on an inquiry acknowledged before anyone took it", () => {
  it("assigns it to the advocate who answers, then records her answer", () => {
    // the lead acknowledged it straight from New: Acknowledged, and nobody has it
    const acknowledged = applyAction(base, { kind: "acknowledge" }, t0 + 60_000, "lead@plan.example");
    expect([acknowledged.status, acknowledged.assignee]).toEqual(["acknowledged", null]);
    expect(actionsForSentReply(acknowledged, ana, t0 + 3_600_000, true)).toEqual([{ kind: "assign", to: ana }, { kind: "respond" }]);
  });
});
