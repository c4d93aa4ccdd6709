/**
 * When the daily report goes out and which report an arrival or a completion belongs to. Shared by
 * the report, the list columns the SharePoint views filter on, and so by the views themselves.
 */
import type { BusinessCalendar } from "../calendar/calendar";
import { dayOf } from "../calendar/zone";

/** The procedures' daily report goes out by 10:00: minutes after local midnight. */
export const REPORT_MINUTE_OF_DAY = 10 * 60;

/** The start of the previous business day's report: the same local time on the last day with business hours before `at`. */
export function previousReportTime(at: number, calendar: BusinessCalendar): number {
  const local = calendar.zone.toLocal(at);
  for (let back = 1; back <= 30; back++) {
    const candidate = calendar.zone.fromLocal(local - back * 86_400_000);
    if (calendar.businessMinutesInDay(candidate) > 0) return candidate;
  }
  return calendar.zone.fromLocal(local - 86_400_000);
}

/**
 * The first daily report after `t` (strictly): 10:00 local on a day with business hours. What
 * arrives (or is completed) at `t` is in that report, so the list stores it and the SharePoint views
 * filter on it — the one rule the report and the views share.
 */
export function nextReportTime(t: number, calendar: BusinessCalendar, minuteOfDay = REPORT_MINUTE_OF_DAY): number {
  const day = dayOf(calendar.zone.toLocal(t));
  for (let ahead = 0; ahead <= 40; ahead++) {
    const candidate = calendar.zone.fromLocal((day + ahead) * 86_400_000 + minuteOfDay * 60_000);
    if (candidate > t && calendar.businessMinutesInDay(candidate) > 0) return candidate;
  }
  return calendar.zone.fromLocal((day + 1) * 86_400_000 + minuteOfDay * 60_000);
}

/** The last resolution before `before` (an inquiry reopened and resolved again counts when it is resolved again). */
export function lastResolution(events: readonly { readonly type: string; readonly at: number }[], before = Infinity): number | null {
  let last: number | null = null;
  for (const e of events) if (e.type === "resolved" && e.at < before && (last === null || e.at > last)) last = e.at;
  return last;
}
