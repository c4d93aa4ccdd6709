import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import { DEFAULT_POLICIES, hasFollowUp, isMailbox, policyFor } from "./policies";
import { evaluateSlaRequest } from "./request";

const cal = new BusinessCalendar();
const run = (input: unknown) => evaluateSlaRequest(input, cal, DEFAULT_POLICIES);
const good = { id: 7, policy: "secure-message", receivedAt: "2026-03-02T10:00:00-06:00", now: "2026-03-02T11:00:00-06:00" };

describe("an sla request line that is wrong", () => {
  it("gets a message saying what is wrong, with the line's id, never a crash", () => {
    const wrong: [unknown, unknown, string][] = [
      ["not an object", null, "each line must be a JSON object"],
      [[good], null, "each line must be a JSON object"],
      [null, null, "each line must be a JSON object"],
      [{ ...good, policy: undefined }, 7, 'missing "policy"'],
      [{ ...good, policy: "gold" }, 7, `unknown policy "gold"; known: ${DEFAULT_POLICIES.map((p) => p.id).join(", ")}`],
      [{ ...good, priority: "urgent" }, 7, '"priority" must be high, escalated or routine'],
      [{ ...good, receivedAt: "yesterday" }, 7, 'receivedAt: "yesterday" is not an ISO 8601 date-time such as 2026-03-02T10:15:00-06:00'],
      [{ ...good, now: "soon" }, 7, 'now: "soon" is not an ISO 8601 date-time such as 2026-03-02T10:15:00-06:00'],
      [{ ...good, events: "acknowledged" }, 7, '"events" must be a list'],
      [{ ...good, events: [null] }, 7, 'events[0] must be an object with "type" and "at"'],
      [{ ...good, events: [{ type: "answered", at: good.now }] }, 7, "events[0].type must be one of acknowledged, responded, followedUp, resolved, reopened"],
      [{ ...good, events: [{ type: 3, at: good.now }] }, 7, "events[0].type must be one of acknowledged, responded, followedUp, resolved, reopened"],
      [
        {
          ...good,
          events: [
            { type: "responded", at: good.now },
            { type: "resolved", at: "later" },
          ],
        },
        7,
        'events[1].at: "later" is not an ISO 8601 date-time such as 2026-03-02T10:15:00-06:00',
      ],
      [{ ...good, id: undefined, policy: 5 }, null, 'missing "policy"'],
    ];
    expect(wrong.map(([input]) => run(input))).toEqual(wrong.map(([, id, error]) => ({ id, error })));
  });

  it("reads a time without an offset in the calendar's zone, and says so", () => {
    const r = run({ ...good, receivedAt: "2026-03-02T10:00:00", now: "2026-03-02T11:00:00", events: [{ type: "acknowledged", at: "2026-03-02T10:30:00" }] });
    expect(r).toMatchObject({
      id: 7,
      effectiveReceivedAt: "2026-03-02T10:00:00-06:00",
      warnings: [
        `receivedAt has no UTC offset; read as ${cal.zone.name} time`,
        `now has no UTC offset; read as ${cal.zone.name} time`,
        `events[0].at has no UTC offset; read as ${cal.zone.name} time`,
      ],
    });
    expect(run({ ...good, events: [{ type: "responded", at: "2026-03-02T10:30:00-06:00" }] })).not.toHaveProperty("warnings");
  });

  it("counts from the present moment when the line gives no now", () => {
    const { now: _none, ...noNow } = good;
    expect(run(noNow)).toMatchObject({ id: 7, clocks: [{ name: "firstResponse", state: "breached" }, { name: "resolution" }] });
    expect(run({ ...good, now: null })).toMatchObject({ id: 7, clocks: [{ name: "firstResponse", state: "breached" }, { name: "resolution" }] });
  });

  it("computes a good line's clocks as of its own now, routine when no priority is given", () => {
    const events = [{ type: "responded", at: "2026-03-02T10:30:00-06:00" }];
    const r = run({ ...good, events });
    expect(r).toEqual(run({ ...good, priority: "routine", events }));
    expect(r).toMatchObject({
      id: 7,
      clocks: [
        { name: "firstResponse", state: "met" },
        { name: "resolution", state: "running", businessMinutesLeft: 8460 },
      ],
    });
    expect(run({ ...good, now: "2026-03-02T12:00:00-06:00", events })).toMatchObject({
      clocks: [{ name: "firstResponse" }, { name: "resolution", businessMinutesLeft: 8400 }],
    });
    expect(run({ ...good, priority: "high" })).toMatchObject({
      clocks: [{ name: "firstResponse", dueAt: "2026-03-02T14:00:00-06:00" }, { name: "resolution" }],
    });
  });
});

describe("an sla request line naming a policy that does not exist", () => {
  it("quotes only the first 60 characters of a long unknown policy name, then lists the known ones", () => {
    // a pasted paragraph in place of the policy id: the message keeps it short
    const long = "member-services-email-" + "x".repeat(100);
    const first60 = "member-services-email-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; // 22 letters and 38 x's
    expect(first60).toHaveLength(60);
    expect(run({ ...good, policy: long })).toEqual({
      id: 7,
      error: `unknown policy "${first60}"; known: member-services-email, mco-high-priority, mco-escalated, secure-message, agent-support`,
    });
  });
});

describe("the policies' look-ups", () => {
  it("knows the mailboxes, routes high priority where a mailbox has its own policy, and knows which policies ask for follow-ups", () => {
    expect([isMailbox("secure-message"), isMailbox("Secure-Message"), isMailbox(3), isMailbox("")]).toEqual([true, false, false, false]);
    expect([policyFor("mco-escalations", "high"), policyFor("mco-escalations", "routine"), policyFor("secure-message", "high")]).toEqual([
      "mco-high-priority",
      "mco-escalated",
      "secure-message",
    ]);
    expect(policyFor("secure-message", "routine", { "secure-message": { policy: "agent-support" } })).toBe("agent-support");
    expect(policyFor("contact-us", "routine", {})).toBe("secure-message");
    expect([hasFollowUp("agent-support"), hasFollowUp("secure-message"), hasFollowUp("no-such-policy")]).toEqual([true, false, false]);
  });
});
