/**
 * One SLA request as the `sla` command line and the pane state it (contract section 3): validated,
 * computed, and written back with the calendar's offsets. Every problem becomes a message.
 */
import type { BusinessCalendar } from "../calendar/calendar";
import { formatInZone, parseInstant } from "../calendar/zone";
import { computeClocks, type SlaEvent } from "./clocks";
import { EVENT_TYPES, findPolicy, isPriority, type EventType, type SlaPolicy } from "./policies";

export interface SlaClockOutput {
  name: string;
  dueAt: string;
  state: string;
  businessMinutesLeft: number | null;
  businessDaysTaken: number | null;
}

export interface SlaOutput {
  id: unknown;
  effectiveReceivedAt: string;
  clocks: SlaClockOutput[];
  warnings?: string[];
}

export interface SlaError {
  id: unknown;
  error: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function evaluateSlaRequest(
  input: unknown,
  calendar: BusinessCalendar,
  policies: readonly SlaPolicy[],
): SlaOutput | SlaError {
  if (!isRecord(input)) return { id: null, error: "each line must be a JSON object" };
  const id = input["id"] ?? null;
  const warnings: string[] = [];
  const policyId = input["policy"];
  if (typeof policyId !== "string") return { id, error: "missing \"policy\"" };
  const policy = findPolicy(policyId, policies);
  if (!policy) return { id, error: `unknown policy "${policyId.slice(0, 60)}"; known: ${policies.map((p) => p.id).join(", ")}` };
  const priority = input["priority"] ?? "routine";
  if (!isPriority(priority)) return { id, error: "\"priority\" must be high, escalated or routine" };
  const zone = calendar.zone;
  const received = parseInstant(input["receivedAt"], zone);
  if ("error" in received) return { id, error: `receivedAt: ${received.error}` };
  if (received.assumedZone) warnings.push(`receivedAt has no UTC offset; read as ${zone.name} time`);
  const nowRaw = input["now"];
  let now = Date.now();
  if (nowRaw !== undefined && nowRaw !== null) {
    const parsed = parseInstant(nowRaw, zone);
    if ("error" in parsed) return { id, error: `now: ${parsed.error}` };
    if (parsed.assumedZone) warnings.push(`now has no UTC offset; read as ${zone.name} time`);
    now = parsed.utcMs;
  }
  const rawEvents = input["events"] ?? [];
  if (!Array.isArray(rawEvents)) return { id, error: "\"events\" must be a list" };
  const events: SlaEvent[] = [];
  for (const [i, e] of rawEvents.entries()) {
    if (!isRecord(e)) return { id, error: `events[${i}] must be an object with "type" and "at"` };
    const type = e["type"];
    if (typeof type !== "string" || !(EVENT_TYPES as readonly string[]).includes(type)) {
      return { id, error: `events[${i}].type must be one of ${EVENT_TYPES.join(", ")}` };
    }
    const at = parseInstant(e["at"], zone);
    if ("error" in at) return { id, error: `events[${i}].at: ${at.error}` };
    if (at.assumedZone) warnings.push(`events[${i}].at has no UTC offset; read as ${zone.name} time`);
    events.push({ type: type as EventType, at: at.utcMs });
  }
  const result = computeClocks({ policy, priority, receivedAt: received.utcMs, events, now }, calendar);
  const out: SlaOutput = {
    id,
    effectiveReceivedAt: formatInZone(result.effectiveReceivedAt, zone),
    clocks: result.clocks.map((c) => ({
      name: c.name,
      dueAt: formatInZone(c.dueAt, zone),
      state: c.state,
      businessMinutesLeft: c.businessMinutesLeft,
      businessDaysTaken: c.businessDaysTaken,
    })),
  };
  if (warnings.length) out.warnings = warnings;
  return out;
}
