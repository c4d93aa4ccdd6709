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

// built inside each test (not once for the describe block), so mutation testing sees which test covers what
const mondayReport = () => dailyReport(records, calendar, DEFAULT_POLICIES, REPORT_AT);

describe("the daily report", () => {

  it("covers the time since the previous business day's report, Friday 10:00 for a Monday", () => {
    const report = mondayReport();
    expect(report.from).toBe(at("2026-10-02T10:00:00-05:00"));
    expect(report.at).toBe(REPORT_AT);
  });

  it("puts each inquiry in the sections that apply, in the procedure's order, and leaves out what came after the report", () => {
    const report = mondayReport();
    const section = (s: string) => report.rows.filter((r) => r.section === s).map((r) => r.confirmationNumber);
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
    const report = mondayReport();
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
    const report = mondayReport();
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

describe("the daily report's edges", () => {
  const sections = (rs: readonly InquiryRecord[], policies = DEFAULT_POLICIES) => dailyReport(rs, calendar, policies, REPORT_AT).rows.map((r) => `${r.section}:${r.confirmationNumber}:${r.clock}`);

  it("counts mail received exactly at the last report's time as arrived, and mail exactly at this report's time in the next", () => {
    const onTheDot = record("ONTHEDOT", { receivedAt: "2026-10-02T10:00:00-05:00" });
    const justBefore = record("JUSTBEFO", { receivedAt: "2026-10-02T09:59:59-05:00", events: [{ type: "responded", at: "2026-10-02T09:59:59-05:00" }] });
    const now = record("NOWNOWNO", { receivedAt: "2026-10-05T10:00:00-05:00" });
    const rows = sections([onTheDot, justBefore, now]);
    expect(rows.filter((r) => r.startsWith("arrived:"))).toEqual(["arrived:ONTHEDOT:firstResponse"]);
    expect(rows.some((r) => r.includes("NOWNOWNO"))).toBe(false);
  });

  it("counts an inquiry resolved exactly at the last report's time as completed since it", () => {
    const rows = sections([record("DONEDOT1", { status: "resolved", receivedAt: "2026-10-01T09:00:00-05:00", events: [{ type: "responded", at: "2026-10-01T12:00:00-05:00" }, { type: "resolved", at: "2026-10-02T10:00:00-05:00" }] })]);
    expect(rows).toEqual(["completed:DONEDOT1:"]);
  });

  it("still counts a clock answered exactly at the report's time as running at that time", () => {
    // answered at 10:00 on the dot: at 10:00 the four-hour clock (due 12:30) is still due today
    const r = record("DOTREPLY", { mailbox: "mco-escalations", policy: "mco-high-priority", priority: "high", receivedAt: "2026-10-05T08:30:00-05:00", events: [{ type: "responded", at: "2026-10-05T10:00:00-05:00" }] });
    expect(sections([r])).toEqual(["arrived:DOTREPLY:firstResponse", "dueToday:DOTREPLY:firstResponse", "open:DOTREPLY:firstResponse"]);
  });

  it("names the resolution clock for an inquiry answered before the report and still open", () => {
    // received Friday 2 October 11:00, answered at 12:00: the one-day answer clock (due Monday) is met, not due today
    const r = record("ANSWERED", { status: "assigned", assignee: "ana@plan.example", receivedAt: "2026-10-02T11:00:00-05:00", events: [{ type: "responded", at: "2026-10-02T12:00:00-05:00" }] });
    expect(sections([r])).toEqual(["arrived:ANSWERED:resolution", "open:ANSWERED:resolution"]);
  });

  it("does not list an inquiry as late once its late clock was answered", () => {
    // received Wednesday 30 September, answered late on Friday 2 October, still open: no clock is running out now
    const r = record("LATEDONE", { status: "assigned", receivedAt: "2026-09-30T09:00:00-05:00", events: [{ type: "responded", at: "2026-10-02T12:00:00-05:00" }] });
    expect(sections([r])).toEqual(["open:LATEDONE:resolution"]);
  });

  it("lists a late inquiry as late only, not also as due today, when another of its clocks runs out today", () => {
    // Monday 14 September 11:00: the answer clock ran out on the 15th; 15 business days of resolution end Monday 5 October
    const r = record("LATETDAY", { status: "assigned", receivedAt: "2026-09-14T11:00:00-05:00" });
    expect(sections([r])).toEqual(["late:LATETDAY:firstResponse", "open:LATETDAY:firstResponse"]);
  });

  it("leaves an inquiry whose status is resolved out of due today and open, even without a resolution time in its log", () => {
    const r = record("CLOSEDNT", { status: "resolved", receivedAt: "2026-10-02T11:00:00-05:00" });
    expect(sections([r])).toEqual(["arrived:CLOSEDNT:firstResponse"]);
  });

  it("names the clock due soonest whatever order the policy lists its clocks in", () => {
    const policy = { id: "reversed", label: "Resolution listed first", clocks: [{ name: "resolution" as const, duration: { unit: "businessDays" as const, amount: 5 }, goal: "" }, { name: "firstResponse" as const, duration: { unit: "businessHours" as const, amount: 4 }, goal: "" }] };
    const r = record("REVERSED", { policy: "reversed", receivedAt: "2026-10-05T08:30:00-05:00" });
    expect(sections([r], [policy])).toEqual(["arrived:REVERSED:firstResponse", "dueToday:REVERSED:firstResponse", "open:REVERSED:firstResponse"]);
  });

  it("lists an inquiry whose policy is unknown without a clock", () => {
    const rows = dailyReport([record("NOPOLICY", { policy: "retired-policy", receivedAt: "2026-10-05T08:30:00-05:00" })], calendar, DEFAULT_POLICIES, REPORT_AT).rows;
    expect(rows.map((r) => [r.section, r.clock, r.dueAt])).toEqual([["arrived", "", null], ["open", "", null]]);
  });

  it("shows no confirmation number or mailbox as empty, not as a made-up value", () => {
    const r = { ...record("X", { receivedAt: "2026-10-05T08:30:00-05:00" }), confirmationNumber: null, mailbox: null };
    const row = dailyReport([r], calendar, DEFAULT_POLICIES, REPORT_AT).rows[0]!;
    expect([row.confirmationNumber, row.mailbox, row.assignee]).toEqual(["", "", "unassigned"]);
  });

  it("orders rows of a section other than open by due time, whoever has them", () => {
    const zed = record("ZEDFIRST", { mailbox: "mco-escalations", policy: "mco-high-priority", priority: "high", assignee: "zed@plan.example", status: "assigned", receivedAt: "2026-10-05T08:30:00-05:00" }); // due 12:30
    const amy = record("AMYLATER", { assignee: "amy@plan.example", status: "assigned", receivedAt: "2026-10-05T09:00:00-05:00" }); // due tomorrow
    const rows = sections([amy, zed]);
    expect(rows.filter((r) => r.startsWith("arrived:"))).toEqual(["arrived:ZEDFIRST:firstResponse", "arrived:AMYLATER:firstResponse"]);
    expect(rows.filter((r) => r.startsWith("open:"))).toEqual(["open:AMYLATER:firstResponse", "open:ZEDFIRST:firstResponse"]);
  });

  it("orders rows of the same section and due time by when they were received", () => {
    const done = (c: string, receivedAt: string) => record(c, { status: "resolved", receivedAt, events: [{ type: "resolved", at: "2026-10-05T09:00:00-05:00" }] });
    const rows = dailyReport([done("SECOND01", "2026-09-22T09:00:00-05:00"), done("FIRST001", "2026-09-21T09:00:00-05:00"), done("THIRD001", "2026-09-23T09:00:00-05:00")], calendar, DEFAULT_POLICIES, REPORT_AT).rows;
    expect(rows.map((r) => r.confirmationNumber)).toEqual(["FIRST001", "SECOND01", "THIRD001"]);
  });

  it("writes each section of the HTML page as a table with the columns named, one row per inquiry, an empty due time blank", () => {
    const page = dailyHtml(mondayReport(), calendar);
    const head = '<table><thead><tr><th scope="col">Confirmation</th><th scope="col">Received</th><th scope="col">Mailbox</th><th scope="col">Category</th><th scope="col">Priority</th><th scope="col">Assignee</th><th scope="col">Status</th><th scope="col">Clock</th><th scope="col">Due</th></tr></thead><tbody>';
    expect(page).toContain(
      `<section><h2>Due today (1)</h2>${head}<tr><td>DUETODAY</td><td>2026-10-05 08:30</td><td>mco-escalations</td><td>general_inquiry</td><td>high</td><td>ana@plan.example</td><td>assigned</td><td>firstResponse</td><td>2026-10-05 12:30</td></tr></tbody></table></section>\n<section><h2>Open, by who has it (3)</h2>`,
    );
    expect(page).toContain(
      '<td>firstResponse</td><td>2026-10-05 12:30</td></tr><tr><td>LATE0001</td>', // the open rows, one after another
    );
    expect(page).toContain(
      `<section><h2>Completed since the last report (1)</h2>${head}<tr class="completed"><td>DONEFRI1</td><td>2026-10-01 09:00</td><td>secure-message</td><td>general_inquiry</td><td>routine</td><td>unassigned</td><td>resolved</td><td></td><td></td></tr></tbody></table></section>\n</body>`,
    );
  });
});
