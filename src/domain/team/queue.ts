/**
 * The lead's view of the work: every open inquiry with the clock that matters most (breached and
 * still open, or running and due soonest) and its business time left; the queue of what needs a
 * lead (unassigned, at risk or late) most urgent first; each advocate's load; and whom to give the
 * next one to — the least loaded of those working, urgent ones spread so no one holds them all.
 */
import type { BusinessCalendar } from "../calendar/calendar";
import type { InquiryRecord } from "../inquiry/record";
import { computeClocks, type Clock, type ClockStanding } from "../sla/clocks";
import { findPolicy, type SlaPolicy } from "../sla/policies";
import type { TeamMember } from "./roles";

export interface WorkItem {
  readonly record: InquiryRecord;
  /** The clock due soonest among those still open (a breached one first), or null when none runs. */
  readonly clock: Clock | null;
  /** Business minutes until that clock is due; negative when it is overdue; null without a clock. */
  readonly minutesLeft: number | null;
  readonly standing: ClockStanding | "none";
}

export const isOpen = (r: InquiryRecord): boolean => r.status !== "resolved";

const isUrgent = (r: InquiryRecord): boolean => r.priority === "high" || r.priority === "escalated";

/** One open inquiry's standing at `now`. */
export function workItem(record: InquiryRecord, calendar: BusinessCalendar, policies: readonly SlaPolicy[], now: number): WorkItem {
  const policy = findPolicy(record.policy, policies);
  const clocks = policy ? computeClocks({ policy, priority: record.priority, receivedAt: record.receivedAt, events: record.events, now }, calendar).clocks : [];
  const open = clocks.filter((c) => c.stoppedAt === null && c.businessMinutesLeft !== null);
  open.sort((a, b) => a.businessMinutesLeft! - b.businessMinutesLeft! || a.dueAt - b.dueAt);
  const clock = open[0] ?? null;
  return { record, clock, minutesLeft: clock?.businessMinutesLeft ?? null, standing: clock?.standing ?? "none" };
}

/** Most urgent first: least business time left (overdue before due), then high priority, then oldest. */
export function byTimeLeft(a: WorkItem, b: WorkItem): number {
  const la = a.minutesLeft ?? Number.POSITIVE_INFINITY;
  const lb = b.minutesLeft ?? Number.POSITIVE_INFINITY;
  if (la !== lb) return la < lb ? -1 : 1;
  if (isUrgent(a.record) !== isUrgent(b.record)) return isUrgent(a.record) ? -1 : 1;
  return a.record.receivedAt - b.record.receivedAt || a.record.internetMessageId.localeCompare(b.record.internetMessageId);
}

const needsLead = (w: WorkItem): boolean => !w.record.assignee || w.standing === "atRisk" || w.standing === "breached";

/** Every open inquiry with its standing at `now` (clocks computed once, for the queue and the loads alike). */
export function openWork(records: Iterable<InquiryRecord>, calendar: BusinessCalendar, policies: readonly SlaPolicy[], now: number): WorkItem[] {
  const items: WorkItem[] = [];
  for (const r of records) if (isOpen(r)) items.push(workItem(r, calendar, policies, now));
  return items;
}

/** The lead's queue: the open inquiries that are unassigned, at risk or late, most urgent first. */
export function leadQueue(open: readonly WorkItem[]): WorkItem[] {
  return open.filter(needsLead).sort(byTimeLeft);
}

/** An advocate's own open work, most urgent first. */
export function myWork(records: Iterable<InquiryRecord>, me: string, calendar: BusinessCalendar, policies: readonly SlaPolicy[], now: number): WorkItem[] {
  const mine = me.toLowerCase();
  const items: WorkItem[] = [];
  for (const r of records) if (isOpen(r) && r.assignee?.toLowerCase() === mine) items.push(workItem(r, calendar, policies, now));
  return items.sort(byTimeLeft);
}

export interface Workload {
  readonly member: TeamMember;
  readonly open: number;
  readonly atRisk: number;
  readonly late: number;
  readonly urgent: number;
}

/** Each team member's open work: how much, how much at risk or late, how much urgent. */
export function workloads(items: Iterable<WorkItem>, team: readonly TeamMember[]): Workload[] {
  const by = new Map(team.map((m) => [m.address.toLowerCase(), { member: m, open: 0, atRisk: 0, late: 0, urgent: 0 }]));
  for (const w of items) {
    const load = w.record.assignee ? by.get(w.record.assignee.toLowerCase()) : undefined;
    if (!load || !isOpen(w.record)) continue;
    load.open++;
    if (w.standing === "atRisk") load.atRisk++;
    if (w.standing === "breached") load.late++;
    if (isUrgent(w.record)) load.urgent++;
  }
  return [...by.values()];
}

/**
 * Whom to give this inquiry: among those working, the fewest urgent items first when it is urgent
 * (so urgent work is spread), then the fewest open items, then the fewest at risk, then by name.
 */
export function suggestAssignee(record: Pick<InquiryRecord, "priority">, loads: readonly Workload[], away: ReadonlySet<string> = new Set()): TeamMember | null {
  const working = loads.filter((l) => !away.has(l.member.address.toLowerCase()));
  const urgent = isUrgent(record as InquiryRecord);
  working.sort(
    (a, b) =>
      (urgent ? a.urgent - b.urgent : 0) || a.open - b.open || a.atRisk + a.late - (b.atRisk + b.late) || a.member.name.localeCompare(b.member.name),
  );
  return working[0]?.member ?? null;
}

/**
 * Suggestions for several inquiries at once, most urgent first, each counted in the load before
 * the next is suggested, so a batch is spread instead of all going to the one least loaded.
 */
export function suggestMany(items: readonly WorkItem[], loads: readonly Workload[], away: ReadonlySet<string> = new Set()): Map<string, TeamMember> {
  const current = new Map(loads.map((l) => [l.member.address.toLowerCase(), { ...l }]));
  const out = new Map<string, TeamMember>();
  for (const w of [...items].sort(byTimeLeft)) {
    const who = suggestAssignee(w.record, [...current.values()], away);
    if (!who) break;
    out.set(w.record.internetMessageId, who);
    const l = current.get(who.address.toLowerCase())!;
    current.set(who.address.toLowerCase(), { ...l, open: l.open + 1, urgent: l.urgent + (isUrgent(w.record) ? 1 : 0) });
  }
  return out;
}
