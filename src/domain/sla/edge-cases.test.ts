/**
 * Every row of ../shared/spec/sla-edge-cases.md: an SLA bug another help desk shipped, as a test.
 */
import { describe, expect, it } from "vitest";
import { BusinessCalendar, CalendarConfigError, DEFAULT_CALENDAR, type CalendarConfig } from "../calendar/calendar";
import { formatInZone } from "../calendar/zone";
import { computeClocks, type SlaEvent } from "./clocks";
import { DEFAULT_POLICIES, findPolicy, type Priority } from "./policies";

const cal = new BusinessCalendar();
const t = (iso: string) => Date.parse(iso);
const fmt = (ms: number, c = cal) => formatInZone(ms, c.zone);

function clocks(policyId: string, receivedAt: string, now: string, events: SlaEvent[] = [], priority: Priority = "routine", c = cal) {
  const policy = findPolicy(policyId, DEFAULT_POLICIES)!;
  return computeClocks({ policy, priority, receivedAt: t(receivedAt), events, now: t(now) }, c);
}

const hourCalendar = (hours: CalendarConfig["hours"], extra: Partial<CalendarConfig> = {}) =>
  new BusinessCalendar({ ...DEFAULT_CALENDAR, hours, ...extra });

describe("SLA edge cases other help desks got wrong", () => {
  it("1: mail after close, before open, on a weekend or holiday starts at the next opening", () => {
    // Friday 16:30 + 1 business hour is Monday 08:30, not Friday 17:30
    expect(fmt(cal.addBusinessMinutes(t("2026-03-06T16:30:00-06:00"), 60))).toBe("2026-03-09T08:30:00-05:00");
    expect(fmt(cal.effectiveReceipt(t("2026-03-03T18:40:00-06:00")))).toBe("2026-03-04T08:00:00-06:00");
    expect(fmt(cal.effectiveReceipt(t("2026-03-03T06:10:00-06:00")))).toBe("2026-03-03T08:00:00-06:00");
    expect(fmt(cal.effectiveReceipt(t("2026-03-07T11:00:00-06:00")))).toBe("2026-03-09T08:00:00-05:00");
    expect(fmt(cal.effectiveReceipt(t("2026-11-26T10:00:00-06:00")))).toBe("2026-11-27T08:00:00-06:00"); // Thanksgiving
  });

  it("2: at-risk is judged in business time, so nothing turns at risk overnight or at a weekend", () => {
    const friEvening = clocks("secure-message", "2026-03-05T09:00:00-06:00", "2026-03-06T17:30:00-06:00");
    const sunMidnight = clocks("secure-message", "2026-03-05T09:00:00-06:00", "2026-03-08T00:00:00-06:00");
    const at = (r: ReturnType<typeof clocks>) => r.clocks.find((c) => c.name === "resolution")!;
    expect(at(friEvening).businessMinutesLeft).toBe(at(sunMidnight).businessMinutesLeft);
    expect(at(friEvening).standing).toBe(at(sunMidnight).standing);
    // the high-priority clock warns after 2 business hours: at 11:59 on the day it is still on track
    const high = clocks("mco-high-priority", "2026-03-04T10:00:00-06:00", "2026-03-04T11:59:00-06:00", [], "high");
    expect(high.clocks[0]!.standing).toBe("onTrack");
    const later = clocks("mco-high-priority", "2026-03-04T10:00:00-06:00", "2026-03-04T12:01:00-06:00", [], "high");
    expect(later.clocks[0]!.standing).toBe("atRisk");
  });

  it("3: only the deployment's own holidays count, and a due time can name the holidays it skipped", () => {
    // no regional holiday sneaks in: Cesar Chavez Day (31 March) is a business day
    expect(fmt(cal.addBusinessDays(t("2026-03-30T09:00:00-05:00"), 1))).toBe("2026-03-31T17:00:00-05:00");
    const withExtra = new BusinessCalendar({ ...DEFAULT_CALENDAR, extraHolidays: [{ date: "2026-11-27", name: "Day after Thanksgiving" }] });
    const due = withExtra.addBusinessDays(t("2026-11-25T10:00:00-06:00"), 1);
    expect(fmt(due, withExtra)).toBe("2026-11-30T17:00:00-06:00");
    expect(withExtra.holidaysBetween(t("2026-11-25T10:00:00-06:00"), due).map((h) => h.name)).toEqual([
      "Thanksgiving Day",
      "Day after Thanksgiving",
    ]);
  });

  it("4: business hours may hold more than one interval a day (a lunch break is not a holiday)", () => {
    const split = hourCalendar({
      mon: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "17:00" }],
      tue: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "17:00" }],
    });
    expect(fmt(split.addBusinessMinutes(t("2026-03-02T11:30:00-06:00"), 60), split)).toBe("2026-03-02T13:30:00-06:00");
    expect(fmt(split.effectiveReceipt(t("2026-03-02T12:15:00-06:00")), split)).toBe("2026-03-02T13:00:00-06:00");
    expect(split.businessMinutesBetween(t("2026-03-02T08:00:00-06:00"), t("2026-03-02T17:00:00-06:00"))).toBe(480);
  });

  it("5: a sparse weekly schedule (Tuesday only) works without instant overdue", () => {
    const tuesdays = hourCalendar({ tue: [{ open: "09:00", close: "15:00" }] });
    expect(fmt(tuesdays.effectiveReceipt(t("2026-03-04T10:00:00-06:00")), tuesdays)).toBe("2026-03-10T09:00:00-05:00");
    expect(fmt(tuesdays.addBusinessDays(t("2026-03-10T09:00:00-05:00"), 1), tuesdays)).toBe("2026-03-17T15:00:00-05:00");
  });

  it("6: the closing minute has no gap: 16:59:30 is open, 17:00:00 is not, 07:59:59 waits, 24-hour schedules never close", () => {
    expect(fmt(cal.effectiveReceipt(t("2026-03-04T16:59:30-06:00")))).toBe("2026-03-04T16:59:30-06:00");
    expect(fmt(cal.addBusinessMinutes(t("2026-03-04T16:59:30-06:00"), 60))).toBe("2026-03-05T08:59:30-06:00");
    expect(fmt(cal.effectiveReceipt(t("2026-03-04T17:00:00-06:00")))).toBe("2026-03-05T08:00:00-06:00");
    expect(fmt(cal.effectiveReceipt(t("2026-03-04T07:59:59-06:00")))).toBe("2026-03-04T08:00:00-06:00");
    const allDay = { open: "00:00", close: "24:00" };
    const always = hourCalendar(
      { sun: [allDay], mon: [allDay], tue: [allDay], wed: [allDay], thu: [allDay], fri: [allDay], sat: [allDay] },
      { federalHolidays: false },
    );
    expect(fmt(always.addBusinessMinutes(t("2026-03-04T23:59:30-06:00"), 60), always)).toBe("2026-03-05T00:59:30-06:00");
    expect(always.businessMinutesBetween(t("2026-03-04T00:00:00-06:00"), t("2026-03-05T00:00:00-06:00"))).toBe(1440);
  });

  it("7: an interval that closes at or before it opens is refused when the calendar is built", () => {
    expect(() => hourCalendar({ mon: [{ open: "17:00", close: "08:00" }] })).toThrow(CalendarConfigError);
    expect(() => hourCalendar({ mon: [{ open: "09:00", close: "09:00" }] })).toThrow(/not after it opens/);
    expect(() => hourCalendar({ mon: [{ open: "8am", close: "17:00" }] })).toThrow(/not a time of day/);
    expect(() => hourCalendar({})).toThrow(/no weekday is open/);
  });

  it("8: due times across the daylight-saving changes keep their wall-clock close of business", () => {
    // Friday before the second Sunday of March: 1 business day is Monday 17:00 CDT
    expect(fmt(cal.addBusinessDays(t("2026-03-06T10:00:00-06:00"), 1))).toBe("2026-03-09T17:00:00-05:00");
    // 4 business hours from Friday 15:00 CST end Monday 10:00 CDT
    expect(fmt(cal.addBusinessMinutes(t("2026-03-06T15:00:00-06:00"), 240))).toBe("2026-03-09T10:00:00-05:00");
    // first Sunday of November
    expect(fmt(cal.addBusinessDays(t("2026-10-30T10:00:00-05:00"), 1))).toBe("2026-11-02T17:00:00-06:00");
    // a historical figure uses the offset of its own date
    expect(fmt(t("2025-12-01T23:00:00Z"))).toBe("2025-12-01T17:00:00-06:00");
  });

  it("9: instants are UTC inside, computed in the plan's zone whatever offset they arrive with", () => {
    const a = clocks("secure-message", "2026-03-04T10:00:00-06:00", "2026-03-04T12:00:00-06:00");
    const b = clocks("secure-message", "2026-03-04T11:00:00-05:00", "2026-03-04T18:00:00Z");
    expect(b.clocks.map((c) => [c.dueAt, c.businessMinutesLeft])).toEqual(a.clocks.map((c) => [c.dueAt, c.businessMinutesLeft]));
    expect(fmt(a.clocks[0]!.dueAt)).toBe("2026-03-05T17:00:00-06:00");
  });

  it("10: a response that asks for missing information stops firstResponse", () => {
    const r = clocks("secure-message", "2026-03-04T10:00:00-06:00", "2026-03-06T10:00:00-06:00", [
      { type: "responded", at: t("2026-03-04T15:00:00-06:00") }, // "please send your member id": a real response
    ]);
    const first = r.clocks.find((c) => c.name === "firstResponse")!;
    expect(first.state).toBe("met");
    expect(r.clocks.find((c) => c.name === "resolution")!.state).toBe("running");
  });

  it("11: reopening is a deliberate policy: the old clocks keep their result and a new response clock starts", () => {
    const r = clocks("secure-message", "2026-03-02T10:00:00-06:00", "2026-03-30T09:00:00-05:00", [
      { type: "responded", at: t("2026-03-02T11:00:00-06:00") },
      { type: "resolved", at: t("2026-03-03T11:00:00-06:00") },
      { type: "reopened", at: t("2026-03-30T08:30:00-05:00") },
    ]);
    expect(r.clocks.find((c) => c.name === "resolution")!.state).toBe("met");
    const reopened = r.clocks.find((c) => c.name === "reopenedResponse")!;
    expect(reopened.state).toBe("running"); // not overdue the moment it reopens
    expect(fmt(reopened.dueAt)).toBe("2026-03-31T17:00:00-05:00");
  });

  it("12: a changed calendar or policy recomputes open items", () => {
    const before = clocks("secure-message", "2026-11-25T10:00:00-06:00", "2026-11-25T11:00:00-06:00");
    const closedFriday = new BusinessCalendar({ ...DEFAULT_CALENDAR, extraHolidays: [{ date: "2026-11-27" }] });
    const after = clocks("secure-message", "2026-11-25T10:00:00-06:00", "2026-11-25T11:00:00-06:00", [], "routine", closedFriday);
    expect(fmt(before.clocks[0]!.dueAt)).toBe("2026-11-27T17:00:00-06:00");
    expect(fmt(after.clocks[0]!.dueAt)).toBe("2026-11-30T17:00:00-06:00");
    const asEscalation = clocks("mco-escalated", "2026-11-25T10:00:00-06:00", "2026-11-25T11:00:00-06:00");
    expect(fmt(asEscalation.clocks[0]!.dueAt)).toBe("2026-12-01T17:00:00-06:00");
  });

  it("13: business days taken are there as soon as the event is logged", () => {
    const r = clocks("secure-message", "2026-03-02T10:00:00-06:00", "2026-03-04T10:00:01-06:00", [
      { type: "responded", at: t("2026-03-04T10:00:00-06:00") },
    ]);
    expect(r.clocks.find((c) => c.name === "firstResponse")!.businessDaysTaken).toBe(2);
    const friday = clocks("secure-message", "2026-03-06T18:00:00-06:00", "2026-03-09T09:00:00-05:00", [
      { type: "responded", at: t("2026-03-09T09:00:00-05:00") },
    ]);
    expect(friday.clocks.find((c) => c.name === "firstResponse")!.businessDaysTaken).toBe(0);
  });

  it("14: one business day means close of business of the next business day, not the same clock time", () => {
    expect(fmt(cal.addBusinessDays(t("2026-03-02T10:00:00-06:00"), 1))).toBe("2026-03-03T17:00:00-06:00");
  });
});

describe("policy clocks", () => {
  it("gives a high-priority email at most 4 business hours for its first response in any mailbox", () => {
    const r = clocks("member-services-email", "2026-03-04T10:00:00-06:00", "2026-03-04T10:00:00-06:00", [], "high");
    expect(fmt(r.clocks.find((c) => c.name === "firstResponse")!.dueAt)).toBe("2026-03-04T14:00:00-06:00");
    expect(fmt(r.clocks.find((c) => c.name === "resolution")!.dueAt)).toBe("2026-03-25T17:00:00-05:00");
  });

  it("starts the follow-up clock at acknowledgement and restarts it at each follow-up", () => {
    const none = clocks("agent-support", "2026-03-02T10:00:00-06:00", "2026-03-02T11:00:00-06:00");
    expect(none.clocks.map((c) => c.name)).toEqual(["acknowledgement", "firstResponse"]);
    const r = clocks("agent-support", "2026-03-02T10:00:00-06:00", "2026-03-12T10:00:00-05:00", [
      { type: "acknowledged", at: t("2026-03-02T11:00:00-06:00") },
      { type: "followedUp", at: t("2026-03-09T11:00:00-05:00") },
    ]);
    const f = r.clocks.find((c) => c.name === "followUp")!;
    expect(fmt(f.dueAt)).toBe("2026-03-16T17:00:00-05:00");
    expect(f.state).toBe("running");
  });

  it("counts business minutes left negative once a clock is breached without an event", () => {
    const r = clocks("secure-message", "2026-03-02T10:00:00-06:00", "2026-03-04T09:00:00-06:00");
    const first = r.clocks.find((c) => c.name === "firstResponse")!;
    expect(first.state).toBe("breached");
    expect(first.businessMinutesLeft).toBe(-60);
  });
});
