import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../../domain/calendar/calendar";
import { logFields } from "./row";
import { DEFAULT_POLICIES } from "../../domain/sla/policies";
import { asOf, generateInquiries } from "../../../test/fixtures/inquiries";
import { DAILY_SECTIONS, dailyReport } from "../../domain/reports/daily";
import { REPORT_VIEWS, matches, rowFormatter, viewQuery, type Condition } from "./list-views";

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
    // every view's <Where> nests And and Or as the conditions do (counted from the conditions, not the CAML)
    const nested = (c: Condition): { And: number; Or: number } => {
      if (!("all" in c) && !("any" in c)) return { And: 0, Or: 0 };
      const parts = ("all" in c ? c.all : c.any).map(nested);
      const own = parts.length - 1;
      return { And: parts.reduce((n, p) => n + p.And, "all" in c ? own : 0), Or: parts.reduce((n, p) => n + p.Or, "any" in c ? own : 0) };
    };
    for (const view of REPORT_VIEWS) {
      const caml = viewQuery(view);
      expect({ view: view.title, And: caml.match(/<And>/g)?.length ?? 0, Or: caml.match(/<Or>/g)?.length ?? 0 }).toEqual({ view: view.title, ...nested(view.where) });
    }
    expect(nested(REPORT_VIEWS.find((v) => v.section === "dueToday")!.where).Or).toBeGreaterThan(2);
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

  it("mean in CAML what the daily report means: SharePoint's reading of each view's query lists the report's items", () => {
    // a reader of the CAML itself (And, Or, Eq, Neq, Lt, Geq, IsNull, IsNotNull, Text and DateTime
    // values with <Now /> and <Today OffsetDays>), as SharePoint evaluates it; not the views' own matcher
    type Node = { tag: string; attrs: string; children: Node[]; text: string };
    const parse = (xml: string): Node => {
      const root: Node = { tag: "#root", attrs: "", children: [], text: "" };
      const stack = [root];
      for (const t of xml.matchAll(/<(\/?)(\w+)([^>]*?)(\/?)>|([^<]+)/g)) {
        const top = stack[stack.length - 1]!;
        if (t[5] !== undefined) top.text += t[5];
        else if (t[1]) stack.pop();
        else {
          const node: Node = { tag: t[2]!, attrs: t[3]!, children: [], text: "" };
          top.children.push(node);
          if (!t[4]) stack.push(node);
        }
      }
      return root;
    };
    const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    const zone = calendar.zone;
    const midnight = (at: number, days: number) => zone.fromLocal((Math.floor(zone.toLocal(at) / 86_400_000) + days) * 86_400_000);
    const holds = (n: Node, fields: Record<string, unknown>, at: number): boolean => {
      const [a, b] = n.children;
      if (n.tag === "And") return n.children.length === 2 && holds(a!, fields, at) && holds(b!, fields, at);
      if (n.tag === "Or") return n.children.length === 2 && (holds(a!, fields, at) || holds(b!, fields, at));
      const name = /Name="([^"]+)"/.exec(a!.attrs)![1]!;
      const raw = fields[name];
      const empty = raw === undefined || raw === null || raw === "";
      if (n.tag === "IsNull") return empty;
      if (n.tag === "IsNotNull") return !empty;
      if (empty) return false;
      const type = /Type="(\w+)"/.exec(b!.attrs)![1];
      let left: string | number = String(raw);
      let right: string | number = unescape(b!.text);
      if (type === "DateTime") {
        left = Date.parse(String(raw));
        const v = b!.children[0]!;
        right = v.tag === "Now" ? at : midnight(at, Number(/OffsetDays="(-?\d+)"/.exec(v.attrs)![1]));
      }
      const cmp = left < right ? -1 : left > right ? 1 : 0;
      return { Eq: cmp === 0, Neq: cmp !== 0, Lt: cmp < 0, Geq: cmp >= 0 }[n.tag as "Eq"];
    };
    const records = generateInquiries(600, 11, Date.parse("2026-11-16T00:00:00-06:00"), 14);
    let checked = 0;
    // the report goes out at 10:00 (report-time.ts): the views are read then
    for (const day of ["2026-11-18T10:00:00-06:00", "2026-11-24T10:00:00-06:00", "2026-12-01T10:00:00-06:00"]) {
      const at = Date.parse(day);
      const list = records.filter((r) => r.receivedAt < at).map((r) => asOf(r, at));
      const report = dailyReport(list, calendar, DEFAULT_POLICIES, at);
      for (const view of REPORT_VIEWS) {
        const where = parse(viewQuery(view)).children.find((c) => c.tag === "Where")!;
        expect(where.children).toHaveLength(1);
        const inView = list.filter((r) => holds(where.children[0]!, logFields(r, calendar, DEFAULT_POLICIES, at), at)).map((r) => r.internetMessageId).sort();
        const inReport = report.rows.filter((r) => r.section === view.section).map((r) => r.internetMessageId).sort();
        expect({ day, view: view.title, ids: inView }).toEqual({ day, view: view.title, ids: inReport });
        checked += inView.length;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
