/**
 * Turnaround (TAT) figures for managers: of the inquiries received in a period, how many were
 * acknowledged, answered and resolved within the goals, in business days — overall, per mailbox,
 * per advocate and per week (of effective receipt). The resolution goals are the procedures'
 * 95% within 2 business days, 98% within 5 and 100% within 15.
 */
import type { BusinessCalendar } from "../calendar/calendar";
import { dayOf } from "../calendar/zone";
import type { InquiryRecord } from "../inquiry/record";
import { computeClocks, type SlaEvent } from "../sla/clocks";
import { findPolicy, type SlaPolicy } from "../sla/policies";

export const RESOLUTION_GOALS = [
  { days: 2, share: 0.95 },
  { days: 5, share: 0.98 },
  { days: 15, share: 1 },
] as const;

/** The business days the figures count answers within, and resolutions within (the goals' days): the one definition. */
export const ANSWER_DAYS = [1, 3, 5] as const;
export const RESOLUTION_DAYS = RESOLUTION_GOALS.map((g) => g.days);

export interface TatFigures {
  readonly key: string;
  readonly received: number;
  /** Acknowledged (or answered) within 1 business day. */
  readonly acknowledgedWithin1: number;
  /** Answered (a real response) within 1, 3 and 5 business days. */
  readonly answeredWithin: Readonly<Record<1 | 3 | 5, number>>;
  /** Resolved within 2, 5 and 15 business days. */
  readonly resolvedWithin: Readonly<Record<2 | 5 | 15, number>>;
  readonly open: number;
  /**
   * Each inquiry's own policy clocks (business days or hours, by mailbox and priority): how many
   * were met, of those decided (met, or run out); clocks still running are not counted yet.
   */
  readonly policyClocks: Readonly<Record<PolicyClock, { readonly met: number; readonly decided: number }>>;
}

export const POLICY_CLOCKS = ["acknowledgement", "firstResponse", "resolution"] as const;
export type PolicyClock = (typeof POLICY_CLOCKS)[number];

interface Counts {
  received: number;
  ack1: number;
  ans: Record<1 | 3 | 5, number>;
  res: Record<2 | 5 | 15, number>;
  open: number;
  clocks: Record<PolicyClock, { met: number; decided: number }>;
}

const empty = (): Counts => ({
  received: 0, ack1: 0, ans: { 1: 0, 3: 0, 5: 0 }, res: { 2: 0, 5: 0, 15: 0 }, open: 0,
  clocks: { acknowledgement: { met: 0, decided: 0 }, firstResponse: { met: 0, decided: 0 }, resolution: { met: 0, decided: 0 } },
});
const freeze = (key: string, c: Counts): TatFigures => ({
  key,
  received: c.received,
  acknowledgedWithin1: c.ack1,
  answeredWithin: { ...c.ans },
  resolvedWithin: { ...c.res },
  open: c.open,
  policyClocks: { acknowledgement: { ...c.clocks.acknowledgement }, firstResponse: { ...c.clocks.firstResponse }, resolution: { ...c.clocks.resolution } },
});

export interface TatReport {
  readonly overall: TatFigures;
  readonly byMailbox: readonly TatFigures[];
  readonly byAdvocate: readonly TatFigures[];
  readonly byWeek: readonly TatFigures[];
}

/**
 * When an inquiry was first acknowledged (a real answer counts as acknowledgement), first answered
 * and first resolved; Infinity when it has not been.
 */
export function milestones(events: readonly SlaEvent[]): { acknowledged: number; answered: number; resolved: number } {
  let acknowledged = Infinity;
  let answered = Infinity;
  let resolved = Infinity;
  for (const e of events) {
    if (e.type === "acknowledged" || e.type === "responded") acknowledged = Math.min(acknowledged, e.at);
    if (e.type === "responded") answered = Math.min(answered, e.at);
    if (e.type === "resolved") resolved = Math.min(resolved, e.at);
  }
  return { acknowledged, answered, resolved };
}

/**
 * The report for inquiries received in [fromUtc, toUtc). With `policies`, each inquiry's own policy
 * clocks are judged as they stand at `now` (met, run out, or still running and not counted).
 */
export function turnaroundReport(
  records: Iterable<InquiryRecord>,
  calendar: BusinessCalendar,
  fromUtc: number,
  toUtc: number,
  judge?: { readonly policies: readonly SlaPolicy[]; readonly now: number },
): TatReport {
  const overall = empty();
  const groups = { mailbox: new Map<string, Counts>(), advocate: new Map<string, Counts>(), week: new Map<string, Counts>() };
  const bump = (map: Map<string, Counts>, key: string) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = empty()));
    return c;
  };
  for (const r of records) {
    if (r.receivedAt < fromUtc || r.receivedAt >= toUtc) continue;
    const start = calendar.effectiveReceipt(r.receivedAt);
    const { acknowledged: ack, answered: answer, resolved } = milestones(r.events);
    const taken = (t: number) => (t === Infinity ? Infinity : t < start ? 0 : calendar.businessDaysBetween(start, t));
    const a = taken(ack);
    const n = taken(answer);
    const s = taken(resolved);
    const day = dayOf(calendar.zone.toLocal(start));
    const monday = day - ((((day + 4) % 7) + 6) % 7);
    const week = new Date(monday * 86_400_000).toISOString().slice(0, 10);
    const policy = judge ? findPolicy(r.policy, judge.policies) : undefined;
    const clocks = policy && judge ? computeClocks({ policy, priority: r.priority, receivedAt: r.receivedAt, events: r.events, now: judge.now }, calendar).clocks : [];
    for (const c of [overall, bump(groups.mailbox, r.mailbox ?? "unknown"), bump(groups.advocate, r.assignee ?? "unassigned"), bump(groups.week, week)]) {
      for (const k of clocks) {
        if (k.state === "running" || !(POLICY_CLOCKS as readonly string[]).includes(k.name)) continue;
        const slot = c.clocks[k.name as PolicyClock];
        slot.decided++;
        if (k.state === "met") slot.met++;
      }
      c.received++;
      if (a <= 1) c.ack1++;
      for (const d of ANSWER_DAYS) if (n <= d) c.ans[d]++;
      for (const d of RESOLUTION_DAYS) if (s <= d) c.res[d]++;
      if (s === Infinity) c.open++;
    }
  }
  const list = (m: Map<string, Counts>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => freeze(k, c));
  return { overall: freeze("all", overall), byMailbox: list(groups.mailbox), byAdvocate: list(groups.advocate), byWeek: list(groups.week) };
}
