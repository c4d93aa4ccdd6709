import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import type { InquiryRecord } from "../inquiry/record";
import { DEFAULT_POLICIES, type SlaPolicy } from "../sla/policies";
import { byTimeLeft, leadQueue, myWork, openWork, suggestAssignee, suggestMany, workItem, workloads, type WorkItem, type Workload } from "./queue";
import type { TeamMember } from "./roles";
import { inquiry } from "../../../test/fixtures/inquiries";

const calendar = new BusinessCalendar();
const t = (iso: string) => Date.parse(iso);
const now = t("2026-03-04T10:00:00-06:00"); // a Wednesday

const record = (id: string, over: Partial<InquiryRecord> = {}): InquiryRecord => inquiry({ internetMessageId: id, ...over });

const ana: TeamMember = { address: "ana@plan.example", name: "Ana" };
const ben: TeamMember = { address: "ben@plan.example", name: "Ben" };

describe("the lead's queue", () => {
  it("orders open work by business time left, overdue first, and leaves out what needs no lead", () => {
    const records = [
      record("fresh", { receivedAt: t("2026-03-04T09:30:00-06:00") }), // due at the end of Thursday
      record("monday", { receivedAt: t("2026-03-02T11:00:00-06:00") }), // due at the end of Tuesday: 2 business hours late
      record("thursday", { receivedAt: t("2026-02-26T11:00:00-06:00") }), // due at the end of Friday: 20 business hours late
      record("assigned-on-track", { assignee: "ana@plan.example", status: "assigned" }),
      record("resolved", { status: "resolved" }),
      record("high", { priority: "high", policy: "secure-message", receivedAt: t("2026-03-04T08:30:00-06:00") }), // 4 business hours: due 12:30
    ];
    const q = leadQueue(openWork(records, calendar, DEFAULT_POLICIES, now));
    expect(q.map((w) => w.record.internetMessageId)).toEqual(["thursday", "monday", "high", "fresh"]);
    expect(q.map((w) => w.minutesLeft)).toEqual([-20 * 60, -2 * 60, 150, 16 * 60]);
    expect(q[1]!.standing).toBe("breached");
  });

  it("counts business time only: mail after 5 pm is not overdue before the next business day", () => {
    const w = workItem(record("late-evening", { receivedAt: t("2026-03-03T18:30:00-06:00") }), calendar, DEFAULT_POLICIES, now);
    // counted from Wednesday 08:00, due at the end of Thursday; two business hours of Wednesday have passed
    expect(w.minutesLeft).toBe(7 * 60 + 9 * 60);
    expect(w.standing).toBe("onTrack");
  });

  it("shows each advocate their own open work only", () => {
    const records = [record("a", { assignee: "ANA@plan.example", status: "assigned" }), record("b", { assignee: "ben@plan.example", status: "assigned" }), record("c", { assignee: "ana@plan.example", status: "resolved" })];
    expect(myWork(records, "ana@plan.example", calendar, DEFAULT_POLICIES, now).map((w) => w.record.internetMessageId)).toEqual(["a"]);
  });
});

describe("whom to assign", () => {
  const items = [
    record("a1", { assignee: ana.address, status: "assigned" }),
    record("a2", { assignee: ana.address, status: "assigned", priority: "high" }),
    record("b1", { assignee: ben.address, status: "assigned" }),
    record("b2", { assignee: ben.address, status: "assigned" }),
  ].map((r) => workItem(r, calendar, DEFAULT_POLICIES, now));
  const loads = workloads(items, [ana, ben]);

  it("counts each advocate's open, urgent and at-risk work", () => {
    expect(loads.map((l) => [l.member.name, l.open, l.urgent])).toEqual([["Ana", 2, 1], ["Ben", 2, 0]]);
  });

  it("suggests the least loaded, spreads urgent work, and skips who is away", () => {
    expect(suggestAssignee({ priority: "high" }, loads)?.name).toBe("Ben");
    expect(suggestAssignee({ priority: "routine" }, loads)?.name).toBe("Ben"); // equal load, but Ana's urgent one is at risk
    expect(suggestAssignee({ priority: "routine" }, workloads([], [ben, ana]))?.name).toBe("Ana"); // all equal: by name
    expect(suggestAssignee({ priority: "high" }, loads, new Set(["ben@plan.example"]))?.name).toBe("Ana");
    expect(suggestAssignee({ priority: "high" }, loads, new Set(["ben@plan.example", "ana@plan.example"]))).toBeNull();
  });

  it("spreads a batch instead of giving it all to one advocate", () => {
    const batch = ["n1", "n2", "n3", "n4"].map((id) => workItem(record(id), calendar, DEFAULT_POLICIES, now));
    const plan = suggestMany(batch, loads);
    const counts = [...plan.values()].reduce<Record<string, number>>((m, who) => ({ ...m, [who.name]: (m[who.name] ?? 0) + 1 }), {});
    expect(counts).toEqual({ Ana: 2, Ben: 2 });
  });
});

describe("which inquiry comes first", () => {
  const item = (id: string, minutesLeft: number | null, over: Partial<InquiryRecord> = {}): WorkItem => ({ record: record(id, over), clock: null, minutesLeft, standing: minutesLeft === null ? "none" : "onTrack" });
  const order = (...items: WorkItem[]) => [...items].sort(byTimeLeft).map((w) => w.record.internetMessageId);

  it("puts less business time left first, and an inquiry without a running clock last", () => {
    expect(order(item("none", null), item("later", 300), item("overdue", -5), item("soon", 30))).toEqual(["overdue", "soon", "later", "none"]);
  });

  it("with equal time left, puts high and escalated before routine, then the oldest, then by message id", () => {
    const at = t("2026-03-04T09:00:00-06:00");
    expect(order(item("routine", 60, { receivedAt: at }), item("escalated", 60, { priority: "escalated", receivedAt: at + 1 }), item("high", 60, { priority: "high", receivedAt: at + 2 }))).toEqual(["escalated", "high", "routine"]);
    expect(order(item("newer", 60, { receivedAt: at + 60_000 }), item("older", 60, { receivedAt: at }))).toEqual(["older", "newer"]);
    expect(order(item("<b@x>", 60, { receivedAt: at }), item("<a@x>", 60, { receivedAt: at }))).toEqual(["<a@x>", "<b@x>"]);
  });
});

describe("an inquiry's standing", () => {
  it("follows the next clock still running once the first response is in", () => {
    const w = workItem(record("answered", { receivedAt: t("2026-03-02T11:00:00-06:00"), events: [{ type: "responded", at: t("2026-03-02T15:00:00-06:00") }] }), calendar, DEFAULT_POLICIES, now);
    expect(w.clock?.name).toBe("resolution");
    expect(w.standing).toBe("onTrack");
    expect(w.minutesLeft).toBe(w.clock!.businessMinutesLeft);
  });

  it("follows the clock due soonest even when the deployment's policy lists it second", () => {
    const ownOrder: SlaPolicy = {
      id: "own-order",
      label: "Resolution listed first",
      clocks: [
        { name: "resolution", duration: { unit: "businessDays", amount: 15 } },
        { name: "firstResponse", duration: { unit: "businessDays", amount: 2 } },
      ],
    };
    // received Wednesday 09:00, first response due Friday 17:00; at Wednesday 10:00 that leaves
    // Wednesday 10:00–17:00 (420) + Thursday (540) + Friday (540) = 1,500 business minutes
    const w = workItem(record("own-order", { policy: "own-order" }), calendar, [ownOrder], now);
    expect({ clock: w.clock?.name, minutesLeft: w.minutesLeft, standing: w.standing }).toEqual({ clock: "firstResponse", minutesLeft: 1500, standing: "onTrack" });
  });

  it("of two clocks the same whole minutes from due, follows the one due first", () => {
    const sameMinute: SlaPolicy = {
      id: "same-minute",
      label: "Resolution listed first",
      clocks: [
        { name: "resolution", duration: { unit: "businessDays", amount: 1 } },
        { name: "firstResponse", duration: { unit: "businessHours", amount: 9 } },
      ],
    };
    // received Wednesday 16:59:30: the resolution is due Thursday 17:00, the reply 540 business minutes later, Thursday
    // 16:59:30 (half a minute on Wednesday, 539½ from Thursday 08:00). At Thursday 09:00:15 the reply has 7 h 59 min 15 s
    // left and the resolution 7 h 59 min 45 s: 479 whole minutes each
    const r = record("same-minute", { policy: "same-minute", receivedAt: t("2026-03-04T16:59:30-06:00") });
    const w = workItem(r, calendar, [sameMinute], t("2026-03-05T09:00:15-06:00"));
    expect({ clock: w.clock?.name, minutesLeft: w.minutesLeft, dueAt: new Date(w.clock!.dueAt).toISOString() }).toEqual({
      clock: "firstResponse",
      minutesLeft: 479,
      dueAt: "2026-03-05T22:59:30.000Z",
    });
  });

  it("has no clock, and no standing, under a policy the settings do not have", () => {
    expect(workItem(record("lost", { policy: "no-such-policy" }), calendar, DEFAULT_POLICIES, now)).toMatchObject({ clock: null, minutesLeft: null, standing: "none" });
  });

  it("puts assigned work that is at risk or late in the lead's queue, and leaves assigned work on track to its advocate", () => {
    const records = [
      record("late", { assignee: "ana@plan.example", status: "assigned", receivedAt: t("2026-03-02T11:00:00-06:00") }),
      record("at-risk", { assignee: "ana@plan.example", status: "assigned", priority: "high", receivedAt: t("2026-03-04T07:00:00-06:00") }), // 4 business hours from 08:00: 2 left
      record("on-track", { assignee: "ana@plan.example", status: "assigned" }),
    ];
    const open = openWork(records, calendar, DEFAULT_POLICIES, now);
    expect(open.map((w) => w.standing)).toEqual(["breached", "atRisk", "onTrack"]);
    expect(leadQueue(open).map((w) => w.record.internetMessageId)).toEqual(["late", "at-risk"]);
  });

  it("shows an advocate's own work most urgent first, whatever the case of the address", () => {
    const records = [
      record("fresh", { assignee: "ana@plan.example", status: "assigned", receivedAt: t("2026-03-04T09:30:00-06:00") }),
      record("late", { assignee: "Ana@Plan.Example", status: "assigned", receivedAt: t("2026-03-02T11:00:00-06:00") }),
      record("unassigned", {}),
    ];
    expect(myWork(records, "ANA@plan.example", calendar, DEFAULT_POLICIES, now).map((w) => w.record.internetMessageId)).toEqual(["late", "fresh"]);
  });
});

describe("each advocate's load", () => {
  it("counts open, at risk, late and urgent work of the team's members only, whatever the case of the address", () => {
    const w = (id: string, standing: WorkItem["standing"], over: Partial<InquiryRecord>): WorkItem => ({ record: record(id, { status: "assigned", ...over }), clock: null, minutesLeft: 0, standing });
    const loads = workloads(
      [
        w("1", "breached", { assignee: "ANA@plan.example" }),
        w("2", "atRisk", { assignee: "ana@plan.example", priority: "escalated" }),
        w("3", "onTrack", { assignee: "ana@plan.example", priority: "high" }),
        w("4", "breached", { assignee: "ana@plan.example", status: "resolved" }),
        w("5", "breached", { assignee: "someone@else.example" }),
        w("6", "onTrack", { assignee: null }),
      ],
      [{ address: "Ana@Plan.Example", name: "Ana" }, ben],
    );
    expect(loads.map((l) => [l.member.name, l.open, l.atRisk, l.late, l.urgent])).toEqual([["Ana", 3, 1, 1, 2], ["Ben", 0, 0, 0, 0]]);
  });

  it("suggests, of those with equal open work, the one with less at risk and late", () => {
    const load = (member: TeamMember, atRisk: number, late: number): Workload => ({ member, open: 3, atRisk, late, urgent: 0 });
    expect(suggestAssignee({ priority: "routine" }, [load(ana, 0, 2), load(ben, 1, 0)])?.name).toBe("Ben");
    expect(suggestAssignee({ priority: "routine" }, [load(ana, 2, 0), load(ben, 0, 1)])?.name).toBe("Ben");
    // at risk and late count together: Ben has 1 + 1 = 2, Ana 0 + 3 = 3, in whichever order the loads come
    expect(suggestAssignee({ priority: "routine" }, [load(ben, 1, 1), load(ana, 0, 3)])?.name).toBe("Ben");
    expect(suggestAssignee({ priority: "routine" }, [load(ana, 0, 3), load(ben, 1, 1)])?.name).toBe("Ben");
    // urgent work goes by urgent items first, even to someone with more open work
    expect(suggestAssignee({ priority: "escalated" }, [{ ...load(ana, 0, 0), urgent: 2 }, { ...load(ben, 0, 0), open: 6, urgent: 0 }])?.name).toBe("Ben");
    expect(suggestAssignee({ priority: "routine" }, [{ ...load(ana, 0, 0), urgent: 2 }, { ...load(ben, 0, 0), open: 6, urgent: 0 }])?.name).toBe("Ana");
  });

  it("spreads a batch of urgent work, the most urgent to the least loaded, and suggests nothing when everyone is away", () => {
    const loads: Workload[] = [
      { member: ana, open: 1, atRisk: 0, late: 0, urgent: 0 },
      { member: ben, open: 0, atRisk: 0, late: 0, urgent: 1 },
    ];
    const batch: WorkItem[] = [
      { record: record("u2", { priority: "high" }), clock: null, minutesLeft: 200, standing: "onTrack" },
      { record: record("u1", { priority: "high" }), clock: null, minutesLeft: 100, standing: "onTrack" },
    ];
    const plan = suggestMany(batch, loads);
    // u1 first (less time left) to Ana (no urgent work); then both have one urgent item, Ben has less open work
    expect([...plan.entries()].map(([id, m]) => `${id}:${m.name}`)).toEqual(["u1:Ana", "u2:Ben"]);
    expect(batch.map((w) => w.record.internetMessageId)).toEqual(["u2", "u1"]); // the batch given is not reordered
    expect(suggestMany(batch, loads, new Set(["ana@plan.example", "ben@plan.example"])).size).toBe(0);
  });
});
