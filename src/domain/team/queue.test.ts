import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import type { InquiryRecord } from "../inquiry/record";
import { DEFAULT_POLICIES } from "../sla/policies";
import { leadQueue, myWork, openWork, suggestAssignee, suggestMany, workItem, workloads } from "./queue";
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
