/**
 * The daily e-mail report the procedures ask for by 10:00: what arrived since the last report, who
 * has what is open, what is due today, what is late, and what was completed (highlighted in blue, as
 * the procedure asks; late in red). Clocks are recomputed at the report's time, not read from the
 * list's stored snapshot columns, which are only as fresh as the last write. No subject, sender or
 * body is in it: it goes to a distribution list.
 */
import type { BusinessCalendar } from "../calendar/calendar";
import { dayOf, formatInZone } from "../calendar/zone";
import { statusAt, type InquiryRecord } from "../inquiry/record";
import { computeClocks, type Clock } from "../sla/clocks";
import { findPolicy, type SlaPolicy } from "../sla/policies";
import { toCsv } from "./csv";
import { lastResolution, previousReportTime } from "./report-time";
import { escapeHtml } from "../templates/templates";

export const DAILY_SECTIONS = ["arrived", "late", "dueToday", "open", "completed"] as const;
export type DailySection = (typeof DAILY_SECTIONS)[number];

export interface DailyRow {
  readonly section: DailySection;
  readonly confirmationNumber: string;
  readonly internetMessageId: string;
  readonly receivedAt: number;
  readonly mailbox: string;
  readonly category: string;
  readonly priority: string;
  readonly assignee: string;
  readonly status: string;
  /** The clock that matters most for this row: the late one, the one due soonest, or none. */
  readonly clock: string;
  readonly dueAt: number | null;
}

export interface DailyReport {
  readonly from: number;
  readonly at: number;
  readonly rows: readonly DailyRow[];
}

/** The report at `at` (UTC ms), covering what happened since the previous business day's report. */
export function dailyReport(records: Iterable<InquiryRecord>, calendar: BusinessCalendar, policies: readonly SlaPolicy[], at: number): DailyReport {
  const from = previousReportTime(at, calendar);
  const today = dayOf(calendar.zone.toLocal(at));
  const rows: DailyRow[] = [];
  for (const r of records) {
    if (r.receivedAt >= at) continue;
    const policy = findPolicy(r.policy, policies);
    const clocks: readonly Clock[] = policy ? computeClocks({ policy, priority: r.priority, receivedAt: r.receivedAt, events: r.events.filter((e) => e.at < at), now: at }, calendar).clocks : [];
    const resolvedAt = lastResolution(r.events, at);
    const open = statusAt(r, at) !== "resolved";
    const late = clocks.find((c) => c.state === "breached" && c.stoppedAt === null);
    const running = clocks.filter((c) => c.state === "running").sort((a, b) => a.dueAt - b.dueAt);
    const dueToday = running.find((c) => dayOf(calendar.zone.toLocal(c.dueAt)) === today);
    const base = {
      confirmationNumber: r.confirmationNumber ?? "",
      internetMessageId: r.internetMessageId,
      receivedAt: r.receivedAt,
      mailbox: r.mailbox ?? "",
      category: r.category,
      priority: r.priority,
      assignee: r.assignee ?? "unassigned",
      status: r.status,
    };
    const add = (section: DailySection, clock?: Clock) => rows.push({ ...base, section, clock: clock?.name ?? "", dueAt: clock?.dueAt ?? null });
    if (r.receivedAt >= from) add("arrived", running[0]);
    if (open && late) add("late", late);
    if (open && !late && dueToday) add("dueToday", dueToday);
    if (open) add("open", late ?? running[0]);
    if (resolvedAt !== null && resolvedAt >= from) add("completed");
  }
  const order = (s: DailySection) => DAILY_SECTIONS.indexOf(s);
  rows.sort((a, b) => order(a.section) - order(b.section) || (a.section === "open" ? a.assignee.localeCompare(b.assignee) : 0) || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.receivedAt - b.receivedAt);
  return { from, at, rows };
}

export const DAILY_CSV_COLUMNS = ["Section", "Confirmation Number", "Received", "Mailbox", "Category", "Priority", "Assignee", "Status", "Clock", "Due"] as const;

export function dailyCsv(report: DailyReport, calendar: BusinessCalendar): string {
  const when = (t: number | null) => (t === null ? "" : formatInZone(t, calendar.zone));
  return toCsv(
    DAILY_CSV_COLUMNS,
    report.rows.map((r) => ({
      Section: r.section, "Confirmation Number": r.confirmationNumber, Received: when(r.receivedAt), Mailbox: r.mailbox, Category: r.category,
      Priority: r.priority, Assignee: r.assignee, Status: r.status, Clock: r.clock, Due: when(r.dueAt),
    })),
  );
}


const TITLES: Record<DailySection, string> = {
  arrived: "Arrived since the last report",
  late: "Late (a clock has run out)",
  dueToday: "Due today",
  open: "Open, by who has it",
  completed: "Completed since the last report",
};

export function dailyHtml(report: DailyReport, calendar: BusinessCalendar): string {
  const when = (t: number | null) => (t === null ? "" : formatInZone(t, calendar.zone).slice(0, 16).replace("T", " "));
  const sections = DAILY_SECTIONS.map((s) => {
    const rows = report.rows.filter((r) => r.section === s);
    const cls = s === "completed" ? ' class="completed"' : s === "late" ? ' class="late"' : "";
    const body = rows.length
      ? `<table><thead><tr>${["Confirmation", "Received", "Mailbox", "Category", "Priority", "Assignee", "Status", "Clock", "Due"].map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>${rows
          .map((r) => `<tr${cls}>${[r.confirmationNumber || "–", when(r.receivedAt), r.mailbox, r.category, r.priority, r.assignee, r.status, r.clock, when(r.dueAt)].map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`)
          .join("")}</tbody></table>`
      : "<p>None.</p>";
    return `<section><h2>${TITLES[s]} (${rows.length})</h2>${body}</section>`;
  }).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Daily e-mail report, ${escapeHtml(when(report.at))}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;color:#242424;margin:1.5rem}table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #d1d1d1;padding:0.25rem 0.5rem;text-align:left}tr.completed td{background:#cfe4fa}tr.late td{background:#fdd8db}</style>
</head><body>
<h1>Daily e-mail report, ${escapeHtml(when(report.at))}</h1>
<p>Since ${escapeHtml(when(report.from))}. Completed rows are blue, late rows red; each section also says so in its heading.</p>
${sections}
</body></html>
`;
}
