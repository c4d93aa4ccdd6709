/**
 * SLA clocks of contract section 2: effective receipt, due times, states, business minutes left and
 * business days taken, from a policy, a priority, the receipt time, the logged events and `now`.
 * Pure: the same inputs always give the same clocks, so a changed calendar or policy recomputes
 * every open item simply by computing again.
 */
import type { BusinessCalendar } from "../calendar/calendar";
import {
  HIGH_PRIORITY_FIRST_RESPONSE,
  type ClockDefinition,
  type ClockName,
  type Duration,
  type EventType,
  type Priority,
  type SlaPolicy,
} from "./policies";

export interface SlaEvent {
  readonly type: EventType;
  /** UTC milliseconds */
  readonly at: number;
}

export type ClockState = "running" | "met" | "breached";
/** What the pane shows: running clocks split into on track and at risk. */
export type ClockStanding = "onTrack" | "atRisk" | "met" | "breached";

export interface Clock {
  readonly name: ClockName | "reopenedResponse";
  readonly startedAt: number;
  readonly dueAt: number;
  readonly state: ClockState;
  readonly standing: ClockStanding;
  readonly businessMinutesLeft: number | null;
  readonly businessDaysTaken: number | null;
  /** The event that stopped the clock, if any. */
  readonly stoppedAt: number | null;
  /** Business minutes from start to due: the clock's whole length. */
  readonly lengthMinutes: number;
  readonly goal?: string;
}

export interface SlaInput {
  readonly policy: SlaPolicy;
  readonly priority: Priority;
  readonly receivedAt: number;
  readonly events: readonly SlaEvent[];
  readonly now: number;
}

export interface SlaResult {
  readonly effectiveReceivedAt: number;
  readonly clocks: readonly Clock[];
}

const STOPPED_BY: Readonly<Record<ClockName, readonly EventType[]>> = {
  acknowledgement: ["acknowledged", "responded", "resolved"],
  firstResponse: ["responded", "resolved"],
  resolution: ["resolved"],
  followUp: ["followedUp", "resolved"],
};

export function dueFrom(calendar: BusinessCalendar, start: number, duration: Duration): number {
  return duration.unit === "businessDays"
    ? calendar.addBusinessDays(start, duration.amount)
    : calendar.addBusinessMinutes(start, duration.amount * 60);
}

function makeClock(
  calendar: BusinessCalendar,
  def: Pick<ClockDefinition, "goal" | "atRiskMinutesLeft" | "duration"> & { name: Clock["name"] },
  start: number,
  due: number,
  stop: SlaEvent | undefined,
  now: number,
): Clock {
  const lengthMinutes = calendar.businessMinutesBetween(start, due);
  let state: ClockState;
  let left: number | null = null;
  let taken: number | null = null;
  if (stop) {
    state = stop.at <= due ? "met" : "breached";
    taken = stop.at < start ? 0 : calendar.businessDaysBetween(start, stop.at);
  } else if (now <= due) {
    state = "running";
    left = calendar.businessMinutesBetween(now, due);
  } else {
    state = "breached";
    left = -calendar.businessMinutesBetween(due, now);
  }
  let standing: ClockStanding = state === "running" ? "onTrack" : state;
  if (state === "running") {
    const threshold =
      def.atRiskMinutesLeft ??
      (def.duration.unit === "businessDays"
        ? Math.min(calendar.businessMinutesInDay(due), lengthMinutes)
        : Math.ceil(lengthMinutes / 4));
    if (left !== null && left <= threshold) standing = "atRisk";
  }
  const clock: Clock = {
    name: def.name,
    startedAt: start,
    dueAt: due,
    state,
    standing,
    businessMinutesLeft: left,
    businessDaysTaken: taken,
    stoppedAt: stop ? stop.at : null,
    lengthMinutes,
    ...(def.goal !== undefined ? { goal: def.goal } : {}),
  };
  return clock;
}

function firstOf(events: readonly SlaEvent[], types: readonly EventType[], after = -Infinity): SlaEvent | undefined {
  let best: SlaEvent | undefined;
  for (const e of events) {
    if (e.at >= after && types.includes(e.type) && (!best || e.at < best.at)) best = e;
  }
  return best;
}

/**
 * Computes every clock of the policy. Reopening (a `reopened` event after `resolved`) is a
 * deliberate policy, see docs/decisions/0006-sla-reopen.md: the original clocks keep what the first
 * resolution made of them, and a new `reopenedResponse` clock of the first-response length starts at
 * the reopening, so a reopened item is never overdue the moment it reopens.
 */
export function computeClocks(input: SlaInput, calendar: BusinessCalendar): SlaResult {
  const { policy, priority, now } = input;
  const events = [...input.events].sort((a, b) => a.at - b.at);
  // a reopening counts only after a resolution: an inquiry never resolved is still open, and its
  // clocks run on to their own stopping events (decision 6)
  const resolvedIndex = events.findIndex((e) => e.type === "resolved");
  const reopens = (e: SlaEvent, i: number) => e.type === "reopened" && resolvedIndex >= 0 && i > resolvedIndex;
  const reopenIndex = events.findIndex(reopens);
  const firstEpisode = reopenIndex < 0 ? events : events.slice(0, reopenIndex);
  const effective = calendar.effectiveReceipt(input.receivedAt);
  const clocks: Clock[] = [];
  for (const def of policy.clocks) {
    if (def.name === "followUp") continue;
    let due = dueFrom(calendar, effective, def.duration);
    if (def.name === "firstResponse" && priority === "high") {
      due = Math.min(due, dueFrom(calendar, effective, HIGH_PRIORITY_FIRST_RESPONSE));
    }
    clocks.push(makeClock(calendar, def, effective, due, firstOf(firstEpisode, STOPPED_BY[def.name]), now));
  }
  const followUp = policy.clocks.find((c) => c.name === "followUp");
  if (followUp) {
    const resolved = firstOf(events, ["resolved"]);
    const starters = events.filter(
      (e) =>
        (e.type === "acknowledged" || e.type === "responded" || e.type === "followedUp") &&
        (!resolved || e.at <= resolved.at),
    );
    const last = starters[starters.length - 1];
    if (last) {
      const start = calendar.effectiveReceipt(last.at);
      const due = dueFrom(calendar, start, followUp.duration);
      clocks.push(makeClock(calendar, followUp, start, due, resolved, now));
    }
  }
  const reopened = events[events.findLastIndex(reopens)];
  if (reopened) {
    const start = calendar.effectiveReceipt(reopened.at);
    const first = policy.clocks.find((c) => c.name === "firstResponse");
    const duration = first?.duration ?? HIGH_PRIORITY_FIRST_RESPONSE;
    let due = dueFrom(calendar, start, duration);
    if (priority === "high") due = Math.min(due, dueFrom(calendar, start, HIGH_PRIORITY_FIRST_RESPONSE));
    const stop = firstOf(events, ["responded", "resolved"], reopened.at);
    clocks.push(
      makeClock(calendar, { name: "reopenedResponse", duration, goal: "answer the reopened inquiry within the first-response time" }, start, due, stop, now),
    );
  }
  return { effectiveReceivedAt: effective, clocks };
}
