import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import type { InquiryRecord } from "../inquiry/record";
import type { Status } from "../inquiry/status";
import type { SlaEvent } from "../sla/clocks";
import { DEFAULT_POLICIES, type Mailbox, type Priority } from "../sla/policies";
import { inquiry } from "../../../test/fixtures/inquiries";
import { dailyCsv, dailyHtml, dailyReport } from "./daily";
import { lastResolution, nextReportTime, previousReportTime } from "./report-time";

const calendar = new BusinessCalendar(); // Central time, Monday to Friday 08:00–17:00, OPM holidays
const at = (s: string) => Date.parse(s);

function record(c: string, o: { mailbox?: Mailbox; policy?: string; priority?: Priority; status?: Status; assignee?: string | null; receivedAt: string; events?: { type: SlaEvent["type"]; at: string }[] }): InquiryRecord {
  return inquiry({
    internetMessageId: `<${c}@mail.example>`, subject: "Jane Secretname's claim", senderAddress: "jane@example.com", category: "general_inquiry", confirmationNumber: c,
    mailbox: o.mailbox ?? "secure-message", policy: o.policy ?? "secure-message", priority: o.priority ?? "routine", status: o.status ?? "new", assignee: o.assignee ?? null,
    receivedAt: at(o.receivedAt), events: (o.events ?? []).map((e) => ({ type: e.type, at: at(e.at) })),
  });
}

// Monday 5 October 2026, 10:00 Central (15:00 UTC): the report covers everything since Friday 2 October 10:00.
const REPORT_AT = at("2026-10-05T10:00:00-05:00");
const records = [
  record("ARRIVED1", { receivedAt: "2026-10-02T18:00:00-05:00" }), // Friday evening: counts from Monday 08:00, due Tuesday
  record("DUETODAY", { mailbox: "mco-escalations", policy: "mco-high-priority", priority: "high", assignee: "ana@plan.example", status: "assigned", receivedAt: "2026-10-05T08:30:00-05:00" }), // 4 business hours: 12:30
  record("LATE0001", { assignee: "lee@plan.example", status: "assigned", receivedAt: "2026-09-30T09:00:00-05:00" }), // no answer within 1 business day
  record("DONEFRI1", { status: "resolved", receivedAt: "2026-10-01T09:00:00-05:00", events: [{ type: "responded", at: "2026-10-01T12:00:00-05:00" }, { type: "resolved", at: "2026-10-02T15:00:00-05:00" }] }),
  record("DONETHU1", { status: "resolved", receivedAt: "2026-09-29T09:00:00-05:00", events: [{ type: "responded", at: "2026-09-29T12:00:00-05:00" }, { type: "resolved", at: "2026-10-01T15:00:00-05:00" }] }),
  record("LATERMON", { receivedAt: "2026-10-05T11:00:00-05:00" }), // after the report's time: not in it
];

describe("the daily report", () => {
  const report = dailyReport(records, calendar, DEFAULT_POLICIES, REPORT_AT);
  const section = (s: string) => report.rows.filter((r) => r.section === s).map((r) => r.confirmationNumber);

  it("covers the time since the previous business day's report, Friday 10:00 for a Monday", () => {
    expect(report.from).toBe(at("2026-10-02T10:00:00-05:00"));
    expect(report.at).toBe(REPORT_AT);
  });

  it("puts each inquiry in the sections that apply, in the procedure's order, and leaves out what came after the report", () => {
    expect(report.rows.map((r) => `${r.section}:${r.confirmationNumber}`)).toEqual([
      "arrived:DUETODAY", // the one due soonest first
      "arrived:ARRIVED1",
      "late:LATE0001",
      "dueToday:DUETODAY",
      "open:DUETODAY", // open rows by who has them: ana, lee, unassigned
      "open:LATE0001",
      "open:ARRIVED1",
      "completed:DONEFRI1",
    ]);
    expect(section("completed")).not.toContain("DONETHU1"); // resolved before the last report
    expect(report.rows.some((r) => r.confirmationNumber === "LATERMON")).toBe(false);
  });

  it("names the clock that matters on each row: the late one, the one due today, the next to run out", () => {
    const row = (s: string, c: string) => report.rows.find((r) => r.section === s && r.confirmationNumber === c)!;
    expect(row("dueToday", "DUETODAY")).toMatchObject({ clock: "firstResponse", dueAt: at("2026-10-05T12:30:00-05:00"), assignee: "ana@plan.example", priority: "high", mailbox: "mco-escalations" });
    expect(row("late", "LATE0001")).toMatchObject({ clock: "firstResponse", assignee: "lee@plan.example", status: "assigned" });
    expect(row("late", "LATE0001").dueAt!).toBeLessThan(REPORT_AT);
    expect(row("open", "LATE0001").clock).toBe("firstResponse"); // the late clock, not the next one running
    expect(row("open", "ARRIVED1")).toMatchObject({ assignee: "unassigned", clock: "firstResponse" });
    expect(row("arrived", "ARRIVED1").dueAt!).toBeGreaterThan(at("2026-10-05T17:00:00-05:00")); // due after today
    expect(row("completed", "DONEFRI1")).toMatchObject({ clock: "", dueAt: null, status: "resolved" });
  });

  it("reads clocks as they stood at the report's time, not from events after it", () => {
    // answered at 11:00, after the 10:00 report: at 10:00 the four-hour clock is still due today
    const later = [{ ...records[1]!, events: [{ type: "responded" as const, at: at("2026-10-05T11:00:00-05:00") }] }];
    expect(dailyReport(later, calendar, DEFAULT_POLICIES, REPORT_AT).rows.map((r) => r.section)).toEqual(["arrived", "dueToday", "open"]);
    // resolved at 09:00 that morning: completed since the last report, and no longer open or due
    const done = [{ ...records[1]!, status: "resolved" as const, events: [{ type: "responded" as const, at: at("2026-10-05T08:45:00-05:00") }, { type: "resolved" as const, at: at("2026-10-05T09:00:00-05:00") }] }];
    expect(dailyReport(done, calendar, DEFAULT_POLICIES, REPORT_AT).rows.map((r) => r.section)).toEqual(["arrived", "completed"]);
  });

  it("writes CSV rows with local times and no subject or sender", () => {
    const csv = dailyCsv(report, calendar);
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Section,Confirmation Number,Received,Mailbox,Category,Priority,Assignee,Status,Clock,Due");
    expect(lines).toHaveLength(1 + report.rows.length);
    expect(lines[4]).toMatch(/^dueToday,DUETODAY,2026-10-05T08:30:00-05:00,mco-escalations,general_inquiry,high,ana@plan\.example,assigned,firstResponse,2026-10-05T12:30:00-05:00$/);
    expect(lines.at(-1)).toMatch(/^completed,DONEFRI1,2026-10-01T09:00:00-05:00,secure-message,general_inquiry,routine,unassigned,resolved,,$/);
    expect(csv).not.toMatch(/Secretname|jane@example\.com/);
  });

  it("writes an HTML page with each section's count, completed rows blue and late rows red, every value escaped", () => {
    const hostile = [{ ...records[2]!, assignee: "<img src=x onerror=alert(1)>" }];
    const page = dailyHtml(dailyReport([...records.slice(0, 2), ...hostile, ...records.slice(3)], calendar, DEFAULT_POLICIES, REPORT_AT), calendar);
    expect(page).toContain("<title>Daily e-mail report, 2026-10-05 10:00</title>");
    expect(page).toContain("<p>Since 2026-10-02 10:00.");
    for (const [title, n] of [["Arrived since the last report", 2], ["Late (a clock has run out)", 1], ["Due today", 1], ["Open, by who has it", 3], ["Completed since the last report", 1]] as const)
      expect(page).toContain(`<h2>${title} (${n})</h2>`);
    expect(page).toMatch(/<tr class="completed"><td>DONEFRI1<\/td><td>2026-10-01 09:00<\/td>/);
    expect(page).toMatch(/<tr class="late"><td>LATE0001<\/td>/);
    expect(page).toMatch(/<tr><td>DUETODAY<\/td><td>2026-10-05 08:30<\/td><td>mco-escalations<\/td>/);
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page).not.toMatch(/<img|<script|Secretname/);
  });

  it("says None for an empty section, and shows a dash for an inquiry without a confirmation number", () => {
    const page = dailyHtml(dailyReport([{ ...records[0]!, confirmationNumber: null }], calendar, DEFAULT_POLICIES, REPORT_AT), calendar);
    expect(page).toContain("<h2>Late (a clock has run out) (0)</h2><p>None.</p>");
    expect(page).toMatch(/<tr><td>–<\/td><td>2026-10-02 18:00<\/td>/);
  });
});

describe("when reports go out", () => {
  it("goes back over weekends and holidays to the last business day's report", () => {
    // Tuesday 13 October 2026 follows Columbus Day (Monday 12, a holiday): back to Friday 9 October
    expect(previousReportTime(at("2026-10-13T10:00:00-05:00"), calendar)).toBe(at("2026-10-09T10:00:00-05:00"));
    // a Wednesday: the Tuesday before, at the same local time
    expect(previousReportTime(at("2026-10-07T10:00:00-05:00"), calendar)).toBe(at("2026-10-06T10:00:00-05:00"));
  });

  it("puts what arrives in the first report after it, at 10:00 on a business day", () => {
    // Friday 9 October 10:30 → Tuesday 13 October (the weekend and Columbus Day have no report)
    expect(nextReportTime(at("2026-10-09T10:30:00-05:00"), calendar)).toBe(at("2026-10-13T10:00:00-05:00"));
    // before 10:00 on a business day: that morning's report; exactly at 10:00: the next one
    expect(nextReportTime(at("2026-10-07T09:59:00-05:00"), calendar)).toBe(at("2026-10-07T10:00:00-05:00"));
    expect(nextReportTime(at("2026-10-07T10:00:00-05:00"), calendar)).toBe(at("2026-10-08T10:00:00-05:00"));
    // another minute of the day, across the change to standard time (1 November 2026)
    expect(nextReportTime(at("2026-10-30T12:00:00-05:00"), calendar, 9 * 60)).toBe(at("2026-11-02T09:00:00-06:00"));
  });

  it("takes the last resolution before a time, so a reopened and resolved inquiry counts when resolved again", () => {
    const events = [
      { type: "resolved", at: 100 },
      { type: "reopened", at: 150 },
      { type: "resolved", at: 300 },
      { type: "responded", at: 400 },
    ];
    expect(lastResolution(events)).toBe(300);
    expect(lastResolution(events, 300)).toBe(100); // strictly before
    expect(lastResolution(events, 100)).toBeNull();
    expect(lastResolution([{ type: "resolved", at: 300 }, { type: "resolved", at: 100 }])).toBe(300); // in any order
  });
});
