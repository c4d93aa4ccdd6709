import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../../domain/calendar/calendar";
import { logFields } from "./row";
import { DEFAULT_POLICIES } from "../../domain/sla/policies";
import { asOf, generateInquiries } from "../../../test/fixtures/inquiries";
import { DAILY_SECTIONS, dailyReport } from "../../domain/reports/daily";
import { REPORT_VIEWS, matches, rowFormatter, viewQuery } from "./list-views";

const calendar = new BusinessCalendar();
describe("the SharePoint views", () => {
  it("show the same items as the daily report, section by section, on every business day of three weeks", () => {
    const records = generateInquiries(3000, 7, Date.parse("2026-11-16T00:00:00-06:00"), 21);
    const seen = new Map<string, number>(DAILY_SECTIONS.map((s) => [s, 0]));
    let days = 0;
    for (let d = Date.parse("2026-11-17T10:00:00-06:00"); d < Date.parse("2026-12-08T00:00:00-06:00"); d += 86_400_000) {
      const at = calendar.zone.fromLocal(calendar.zone.toLocal(d)); // 10:00 local each day
      if (calendar.businessMinutesInDay(at) === 0) continue; // no report on weekends and holidays (Thanksgiving)
      days++;
      const list = records.filter((r) => r.receivedAt < at).map((r) => asOf(r, at));
      const report = dailyReport(list, calendar, DEFAULT_POLICIES, at);
      const rows = list.map((r) => ({ id: r.internetMessageId, fields: logFields(r, calendar, DEFAULT_POLICIES, at) }));
      for (const view of REPORT_VIEWS) {
        const inView = rows.filter((r) => matches(view.where, r.fields, at, calendar.zone)).map((r) => r.id).sort();
        const inReport = report.rows.filter((r) => r.section === view.section).map((r) => r.internetMessageId).sort();
        expect({ day: new Date(at).toISOString(), view: view.title, ids: inView }).toEqual({ day: new Date(at).toISOString(), view: view.title, ids: inReport });
        seen.set(view.section, seen.get(view.section)! + inView.length);
      }
    }
    expect(days).toBe(14); // 15 weekdays less Thanksgiving
    for (const [section, count] of seen) expect({ section, some: count > 20 }).toEqual({ section, some: true });
  });

  it("writes CAML that SharePoint reads: two operands per And/Or, escaped values, today's report by day", () => {
    const q = viewQuery(REPORT_VIEWS.find((v) => v.section === "dueToday")!);
    expect(q).toMatch(/^<OrderBy><FieldRef Name="firstResponseDueAt" \/><\/OrderBy><Where><And>/);
    for (const m of q.matchAll(/<(And|Or)>/g)) expect(m[1]).toMatch(/And|Or/);
    const depth = (xml: string) => {
      // every And/Or has exactly two children
      const stack: number[] = [];
      for (const t of xml.matchAll(/<(\/?)(\w+)([^>]*?)(\/?)>/g)) {
        const [, close, , , self] = t;
        if (close) {
          const n = stack.pop()!;
          if (t[2] === "And" || t[2] === "Or") expect(n).toBe(2);
          if (stack.length) stack[stack.length - 1]!++;
        } else if (self) {
          if (stack.length) stack[stack.length - 1]!++;
        } else stack.push(0);
      }
      return stack.length;
    };
    expect(depth(`<Query>${q}</Query>`)).toBe(0);
    expect(viewQuery(REPORT_VIEWS.find((v) => v.section === "open")!)).toBe(
      '<GroupBy Collapse="FALSE"><FieldRef Name="Assignee" /></GroupBy><OrderBy><FieldRef Name="ReceivedAt" /></OrderBy><Where><Neq><FieldRef Name="Status" /><Value Type="Text">resolved</Value></Neq></Where>',
    );
    expect(viewQuery({ title: "x", section: "open", where: { field: "Notes", op: "eq", value: "<b>'&\"" }, fields: [], orderBy: [] })).toContain("&lt;b&gt;&apos;&amp;&quot;");
  });

  it("formats completed rows blue and rows with a clock run out red", () => {
    const f = JSON.parse(rowFormatter()) as { additionalRowClass: string };
    expect(f.additionalRowClass).toMatch(/^=if\(\[\$Status\] == 'resolved', 'ms-bgColor-themeLighter', if\(.*firstResponseDueAt.*'sp-field-severity--blocked', ''\)\)$/);
  });
});
