import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
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

/**
 * An independent count, using none of the calendar's code: the plan's local day from the platform's
 * Intl time zones, Monday to Friday 08:00–17:00, and the OPM federal holidays of 2026 and early 2027
 * (observed dates) written out by hand. Mail after 17:00 or on a closed day starts on the next
 * business day at 08:00; the business days taken are the business days after that day up to the
 * day of the event.
 */
const LOCAL = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const HOLIDAYS = new Set([
  "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
  "2027-01-01", "2027-01-18", "2027-02-15",
]);
const offsets = new Map<number, number>();
/** "YYYY-MM-DD" and "HH:MM:SS" of an instant in Chicago (its UTC offset looked up once per hour: it changes on the hour). */
function local(ms: number): { day: string; time: string } {
  const hour = Math.floor(ms / 3_600_000);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(LOCAL.formatToParts(hour * 3_600_000).map((x) => [x.type, x.value]));
    offset = Date.parse(`${p["year"]}-${p["month"]}-${p["day"]}T${p["hour"]}:${p["minute"]}:${p["second"]}Z`) - hour * 3_600_000;
    offsets.set(hour, offset);
  }
  const iso = new Date(ms + offset).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 19) };
}
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const isBusinessDay = (day: string) => {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd >= 1 && wd <= 5 && !HOLIDAYS.has(day);
};
/** The clock's start as a local "day time" string (comparable as text with another local instant). */
function startOf(receivedAt: number): string {
  let { day, time } = local(receivedAt);
  if (!isBusinessDay(day) || time >= "17:00:00") {
    do day = nextDay(day);
    while (!isBusinessDay(day));
    time = "08:00:00";
  } else if (time < "08:00:00") time = "08:00:00";
  return `${day} ${time}`;
}
function independentDays(from: number, to: number): number {
  const start = startOf(from);
  const end = local(to);
  if (`${end.day} ${end.time}` < start) return 0;
  let n = 0;
  for (let d = nextDay(start.slice(0, 10)); d <= end.day; d = nextDay(d)) if (isBusinessDay(d)) n++;
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
      if (res && independentDays(r.receivedAt, res.at) <= 5) resolved5++;
      const ans = r.events.find((e) => e.type === "responded");
      if (ans && independentDays(r.receivedAt, ans.at) <= 3) answered3++;
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

describe("the turnaround report on a handful of inquiries worked out by hand", () => {
  const t = (iso: string) => Date.parse(iso);
  const r = (id: string, receivedAt: string, events: { type: SlaEvent["type"]; at: string }[], over: Partial<InquiryRecord> = {}): InquiryRecord => ({
    ...year(1)[0]!, internetMessageId: id, mailbox: "secure-message", policy: "secure-message", assignee: "ana@plan.example", receivedAt: t(receivedAt),
    events: events.map((e) => ({ type: e.type, at: t(e.at) })), ...over,
  });
  // October 2026: Columbus Day is Monday 12 October
  const records = [
    // Wednesday 7th 09:00: acknowledged Thursday (1 day), answered Friday (2), resolved Tuesday 13th (3: Monday 12th is a holiday)
    r("wed", "2026-10-07T09:00:00-05:00", [{ type: "acknowledged", at: "2026-10-08T09:00:00-05:00" }, { type: "responded", at: "2026-10-09T16:00:00-05:00" }, { type: "resolved", at: "2026-10-13T10:00:00-05:00" }]),
    // Friday 9th 18:00: counts from Tuesday 13th 08:00; answered (which acknowledges) that day, resolved Wednesday 14th
    r("fri-evening", "2026-10-09T18:00:00-05:00", [{ type: "responded", at: "2026-10-13T11:00:00-05:00" }, { type: "resolved", at: "2026-10-14T11:00:00-05:00" }], { mailbox: "contact-us", assignee: null }),
    // Sunday 11th: counts from Tuesday 13th; acknowledged on Sunday itself (before the count starts: 0 days); still open
    r("sunday", "2026-10-11T12:00:00-05:00", [{ type: "acknowledged", at: "2026-10-11T13:00:00-05:00" }], { mailbox: null }),
    // Monday 5th 08:00: acknowledged two business days later; never answered
    r("slow", "2026-10-05T08:00:00-05:00", [{ type: "acknowledged", at: "2026-10-07T08:30:00-05:00" }], { assignee: "ben@plan.example" }),
    // outside the window on both sides
    r("before", "2026-09-30T23:59:00-05:00", []),
    r("after", "2026-10-16T00:00:00-05:00", []),
  ];
  // built inside each test (not once for the describe block), so mutation testing sees which test covers what
  const october = () => turnaroundReport(records, calendar, t("2026-10-01T00:00:00-05:00"), t("2026-10-16T00:00:00-05:00"));

  it("does not count as acknowledged an inquiry only followed up and resolved: only an acknowledgement or a real response acknowledges (contract, events table)", () => {
    // Thursday 8th 09:00, followed up and resolved the same morning with no reply to the member logged
    const quiet = r("quiet", "2026-10-08T09:00:00-05:00", [
      { type: "followedUp", at: "2026-10-08T10:00:00-05:00" },
      { type: "resolved", at: "2026-10-08T11:00:00-05:00" },
    ]);
    const period = [t("2026-10-01T00:00:00-05:00"), t("2026-10-16T00:00:00-05:00")] as const;
    const before = turnaroundReport(records, calendar, ...period).overall;
    const after = turnaroundReport([...records, quiet], calendar, ...period).overall;
    expect(after.received).toBe(before.received + 1);
    expect(after.acknowledgedWithin1).toBe(before.acknowledgedWithin1);
    expect(after.answeredWithin).toEqual(before.answeredWithin);
    expect(after.resolvedWithin[2]).toBe(before.resolvedWithin[2] + 1);
  });

  it("counts what was received in the period, from its start up to but not including its end", () => {
    const report = october();
    expect(report.overall.received).toBe(4);
    expect(turnaroundReport(records, calendar, t("2026-09-30T23:59:00-05:00"), t("2026-10-16T00:00:00-05:00")).overall.received).toBe(5);
    expect(turnaroundReport(records, calendar, t("2026-10-01T00:00:00-05:00"), t("2026-10-16T00:00:01-05:00")).overall.received).toBe(5);
  });

  it("counts acknowledgement, answers and resolutions within their business days, and what is still open", () => {
    const report = october();
    const o = report.overall;
    expect(o.acknowledgedWithin1).toBe(3); // wed (1), fri-evening (0, by its answer), sunday (0); not slow (2)
    expect(o.answeredWithin).toEqual({ 1: 1, 3: 2, 5: 2 }); // fri-evening 0 days, wed 2 days
    expect(o.resolvedWithin).toEqual({ 2: 1, 5: 2, 15: 2 }); // fri-evening 1 day, wed 3 days
    expect(o.open).toBe(2);
  });

  it("groups by mailbox, advocate and the week the count starts in, each sorted", () => {
    const report = october();
    expect(report.byMailbox.map((f) => [f.key, f.received])).toEqual([["contact-us", 1], ["secure-message", 2], ["unknown", 1]]);
    expect(report.byAdvocate.map((f) => [f.key, f.received])).toEqual([["ana@plan.example", 2], ["ben@plan.example", 1], ["unassigned", 1]]);
    // wed and slow start in the week of Monday 5th; fri-evening and sunday count from Tuesday 13th
    expect(report.byWeek.map((f) => [f.key, f.received])).toEqual([["2026-10-05", 2], ["2026-10-12", 2]]);
    expect(report.byWeek[1]!.open).toBe(1);
    expect(report.byAdvocate.find((f) => f.key === "ben@plan.example")!.acknowledgedWithin1).toBe(0);
  });
});

describe("the turnaround report's edges, worked out by hand", () => {
  const t = (iso: string) => Date.parse(iso);
  const r = (id: string, receivedAt: string, events: { type: SlaEvent["type"]; at: string }[] = [], over: Partial<InquiryRecord> = {}): InquiryRecord => ({
    ...year(1)[0]!, internetMessageId: id, mailbox: "secure-message", policy: "secure-message", assignee: "ana@plan.example", receivedAt: t(receivedAt),
    events: events.map((e) => ({ type: e.type, at: t(e.at) })), ...over,
  });

  it("puts each inquiry in the week (from Monday) its count starts in", () => {
    const records = [
      r("mon-early", "2026-11-02T07:00:00-06:00"), // Monday before opening: that Monday's week
      r("fri-late", "2026-11-06T17:30:00-06:00"), // Friday after closing: Monday 9 November
      r("sat", "2026-11-07T12:00:00-06:00"), // Saturday: Monday 9 November
      r("sun", "2026-11-01T12:00:00-06:00"), // Sunday 1 November: Monday 2 November
      r("wed", "2026-11-11T09:00:00-06:00"), // Veterans Day: Thursday 12 November, still the week of the 9th
      r("thanks", "2026-11-26T09:00:00-06:00"), // Thanksgiving: Friday 27th, the week of the 23rd
    ];
    const report = turnaroundReport(records, calendar, t("2026-11-01T00:00:00-05:00"), t("2026-12-01T00:00:00-06:00"));
    expect(report.byWeek.map((f) => [f.key, f.received])).toEqual([["2026-11-02", 2], ["2026-11-09", 3], ["2026-11-23", 1]]);
  });

  it("counts an acknowledgement after 1 business day as late and an unresolved inquiry as open, in every group", () => {
    // Monday 2 November 09:00: acknowledged Tuesday 16:59 (1 day), another Wednesday 08:01 (2 days); one resolved Friday
    const records = [
      r("one-day", "2026-11-02T09:00:00-06:00", [{ type: "acknowledged", at: "2026-11-03T16:59:00-06:00" }], { assignee: "ben@plan.example" }),
      r("two-days", "2026-11-02T09:00:00-06:00", [{ type: "acknowledged", at: "2026-11-04T08:01:00-06:00" }, { type: "resolved", at: "2026-11-06T12:00:00-06:00" }], { assignee: "ben@plan.example" }),
      r("none", "2026-11-02T09:00:00-06:00", [], { assignee: "cy@plan.example" }),
    ];
    const report = turnaroundReport(records, calendar, t("2026-11-01T00:00:00-05:00"), t("2026-12-01T00:00:00-06:00"));
    expect([report.overall.key, report.overall.acknowledgedWithin1, report.overall.open]).toEqual(["all", 1, 2]);
    expect(report.byAdvocate.map((f) => [f.key, f.received, f.acknowledgedWithin1, f.open])).toEqual([["ben@plan.example", 2, 1, 1], ["cy@plan.example", 1, 0, 1]]);
    expect(report.overall.resolvedWithin).toEqual({ 2: 0, 5: 1, 15: 1 }); // resolved in 4 business days
  });

  it("sorts keys that differ only in case or by a prefix", () => {
    const records = ["b", "B", "a", "ab", "A"].map((k, i) => r(`k${i}`, "2026-11-03T09:00:00-06:00", [], { assignee: k }));
    const report = turnaroundReport(records, calendar, t("2026-11-01T00:00:00-05:00"), t("2026-12-01T00:00:00-06:00"));
    expect(report.byAdvocate.map((f) => f.key)).toEqual(["A", "B", "a", "ab", "b"]);
  });

  it("counts an inquiry whose policy is unknown, without judging its clocks", () => {
    const records = [r("retired", "2026-11-03T09:00:00-06:00", [{ type: "responded", at: "2026-11-03T10:00:00-06:00" }], { policy: "retired-policy" })];
    const report = turnaroundReport(records, calendar, t("2026-11-01T00:00:00-05:00"), t("2026-12-01T00:00:00-06:00"), { policies: DEFAULT_POLICIES, now: t("2026-11-30T12:00:00-06:00") });
    expect(report.overall.received).toBe(1);
    expect(report.overall.answeredWithin[1]).toBe(1);
    expect(report.overall.policyClocks.firstResponse).toEqual({ met: 0, decided: 0 });
  });
});
