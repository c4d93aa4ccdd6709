/** Display text for the pane: labels, business durations and due times in two zones. */
import type { Category, SenderType } from "../domain/classify/labels";
import type { Clock, ClockStanding } from "../domain/sla/clocks";
import type { Priority } from "../domain/sla/policies";

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  claims_billing: "Claims & billing",
  eligibility_enrollment: "Eligibility & enrollment",
  benefits_coverage: "Benefits & coverage",
  authorization: "Authorization",
  provider_search: "Provider search",
  member_materials: "Member materials",
  language_access: "Language access",
  portal_access: "Portal access",
  grievance: "Grievance",
  appeal: "Appeal",
  out_of_scope: "Out of scope",
  general_inquiry: "General inquiry",
};

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  high: "High priority",
  escalated: "Escalated",
  routine: "Routine",
};

export const SENDER_LABELS: Readonly<Record<SenderType, string>> = {
  member: "Member",
  provider: "Provider",
  agent: "Agent / broker",
  internal: "Internal / state partner",
  unknown: "Sender unknown",
};

export const CLOCK_LABELS: Readonly<Record<Clock["name"], string>> = {
  acknowledgement: "Acknowledgement",
  firstResponse: "First response",
  resolution: "Resolution",
  followUp: "Follow-up",
  reopenedResponse: "Response after reopening",
};

export const STANDING_LABELS: Readonly<Record<ClockStanding, string>> = {
  onTrack: "On track",
  atRisk: "At risk",
  breached: "Breached",
  met: "Met",
};

/**
 * Business minutes as a person says them (decision 64): "45 min", "3 h 20 min", "1 day 5 h",
 * "6 days" — minutes dropped once it is a day or more, hours once it is five days or more.
 * (The headings say it is business time; a business day is the calendar's working day.)
 */
export function formatBusinessMinutes(minutes: number, minutesPerDay = 540): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m < minutesPerDay) {
    const h = Math.floor(m / 60);
    const r = m % 60;
    return r ? `${h} h ${r} min` : `${h} h`;
  }
  const d = Math.floor(m / minutesPerDay);
  const h = Math.floor((m - d * minutesPerDay) / 60);
  const days = `${d} day${d === 1 ? "" : "s"}`;
  return d >= 5 || h === 0 ? days : `${days} ${h} h`;
}

export function clockSummary(clock: Clock): string {
  const left = clock.businessMinutesLeft;
  switch (clock.standing) {
    case "met":
      return clock.businessDaysTaken === null ? "Met" : `Met in ${clock.businessDaysTaken} business day${clock.businessDaysTaken === 1 ? "" : "s"}`;
    case "breached":
      return left === null ? "Answered after the due time" : `${formatBusinessMinutes(left)} overdue`;
    default:
      return left === null ? "" : `${formatBusinessMinutes(left)} left`;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Wed, Mar 4, 10:02 AM CST"; with the year when it is not this year's ("Thu, Nov 6, 2025, …"). */
export function formatInstant(utcMs: number, timeZone: string, now = Date.now()): string {
  const year = (ms: number) => new Date(ms).toLocaleString("en-US", { timeZone, year: "numeric" });
  const withYear = year(utcMs) !== year(now);
  const key = `${timeZone}${withYear ? "+y" : ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      month: "short",
      day: "numeric",
      ...(withYear ? { year: "numeric" as const } : {}),
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
    formatters.set(key, f);
  }
  return f.format(new Date(utcMs));
}

export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
