import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import { dayOf } from "../calendar/zone";
import type { InquiryRecord } from "../inquiry/record";
import type { SlaEvent } from "../sla/clocks";
import { DEFAULT_POLICIES } from "../sla/policies";
import { turnaroundReport } from "./turnaround";
import { seededRandom as rng } from "../random";

const calendar = new BusinessCalendar();


function year(count: number): InquiryRecord[] {
  const r = rng(11);
  const start = Date.parse("2026-01-01T06:00:00Z");
  const boxes = ["secure-message", "member-services-email", "agent-support", "contact-us"] as const;
  return Array.from({ length: count }, (_, i) => {
    const receivedAt = start + Math.floor(r() * 365 * 86_400_000);
    const events: SlaEvent[] = [];
    if (r() < 0.9) events.push({ type: "acknowledged", at: receivedAt + Math.floor(r() * 3 * 86_400_000) });
    if (r() < 0.85) events.push({ type: "responded", at: receivedAt + Math.floor(r() * 7 * 86_400_000) });
    if (r() < 0.8) events.push({ type: "resolved", at: receivedAt + Math.floor(r() * 20 * 86_400_000) });
    return {
      internetMessageId: `<y${i}@x>`, subject: "", mailbox: boxes[i % 4]!, receivedAt, senderAddress: "", senderType: "member", category: "general_inquiry",
      priority: "routine", flags: [], policy: "secure-message", status: "new", assignee: `adv${i % 12}@plan.example`, assignedBy: null, assignedAt: null,
      confirmationNumber: null, correctedFrom: {}, notes: "", history: [], events,
    };
  });
}

/** An independent count: business days walked one local day at a time. */
function independentDays(from: number, to: number): number {
  const a = dayOf(calendar.zone.toLocal(calendar.effectiveReceipt(from)));
  const b = dayOf(calendar.zone.toLocal(to));
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (calendar.spansOn(d).length > 0) n++;
  return n;
}

describe("the turnaround report", () => {
  // the time (under 2 s) is a bench figure (npm run bench), not a timed test
  it("agrees with an independent count over a generated year of 100,000 inquiries", () => {
    const records = year(100_000);
    const from = Date.parse("2026-01-01T00:00:00-06:00");
    const to = Date.parse("2027-01-01T00:00:00-06:00");
    const report = turnaroundReport(records, calendar, from, to);
    let resolved5 = 0;
    let answered3 = 0;
    let received = 0;
    for (const r of records) {
      if (r.receivedAt < from || r.receivedAt >= to) continue;
      received++;
      const res = r.events.find((e) => e.type === "resolved");
      if (res && (res.at < calendar.effectiveReceipt(r.receivedAt) ? 0 : independentDays(r.receivedAt, res.at)) <= 5) resolved5++;
      const ans = r.events.find((e) => e.type === "responded");
      if (ans && (ans.at < calendar.effectiveReceipt(r.receivedAt) ? 0 : independentDays(r.receivedAt, ans.at)) <= 3) answered3++;
    }
    expect(report.overall.received).toBe(received);
    expect(report.overall.resolvedWithin[5]).toBe(resolved5);
    expect(report.overall.answeredWithin[3]).toBe(answered3);
    expect(report.byMailbox.reduce((n, g) => n + g.received, 0)).toBe(received);
    expect(report.byAdvocate).toHaveLength(12);
    expect(report.byWeek.length).toBeGreaterThan(50);
  }, 60_000);

  it("judges each inquiry by its own policy's clocks: met, run out, or still running and not counted", () => {
    const t = (iso: string) => Date.parse(iso);
    const r = (id: string, events: SlaEvent[]): InquiryRecord => ({
      ...year(1)[0]!, internetMessageId: id, mailbox: "secure-message", policy: "secure-message", receivedAt: t("2026-03-02T09:00:00-06:00"), events,
    });
    const records = [
      r("a", [{ type: "responded", at: t("2026-03-02T12:00:00-06:00") }, { type: "resolved", at: t("2026-03-04T12:00:00-06:00") }]),
      r("b", [{ type: "responded", at: t("2026-03-05T09:00:00-06:00") }]), // a day late; resolution still running
      r("c", []), // first response ran out unanswered
    ];
    const report = turnaroundReport(records, calendar, t("2026-03-01T00:00:00-06:00"), t("2026-03-08T00:00:00-06:00"), { policies: DEFAULT_POLICIES, now: t("2026-03-06T12:00:00-06:00") });
    expect(report.overall.policyClocks).toEqual({ acknowledgement: { met: 0, decided: 0 }, firstResponse: { met: 1, decided: 3 }, resolution: { met: 1, decided: 1 } });
    expect(turnaroundReport(records, calendar, t("2026-03-01T00:00:00-06:00"), t("2026-03-08T00:00:00-06:00")).overall.policyClocks.firstResponse).toEqual({ met: 0, decided: 0 });
  });
});
