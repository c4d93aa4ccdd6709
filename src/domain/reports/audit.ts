/**
 * The monthly NCQA email-response audit sample, by the procedure's rule: the greater of 10 items or
 * 10% of the month's submissions, but not more than 50 — drawn reproducibly from a recorded seed, so
 * the same seed always gives the same sample.
 */
import type { BusinessCalendar } from "../calendar/calendar";
import { formatInZone } from "../calendar/zone";
import type { InquiryRecord } from "../inquiry/record";
import { milestones } from "./turnaround";

export function auditSampleSize(population: number): number {
  if (population <= 0) return 0;
  return Math.min(population, Math.min(50, Math.max(10, Math.ceil(population * 0.1))));
}

/** mulberry32: small, seeded, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample of `items` (sorted by key first, so the input order does not matter) for `seed`. */
export function auditSample<T>(items: readonly T[], seed: number, key: (item: T) => string): T[] {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const n = auditSampleSize(sorted.length);
  const rand = seededRandom(seed);
  // a partial Fisher-Yates shuffle: the first n places
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (sorted.length - i));
    [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
  }
  return sorted.slice(0, n);
}

export interface AuditGoals {
  /** Acknowledgement within this many business days: 1, as the audit tool says (NCQA). */
  readonly acknowledgementDays: number;
  /** Resolution within this many business days: 2, the procedures' first resolution goal. */
  readonly resolutionDays: number;
}

export const AUDIT_GOALS: AuditGoals = { acknowledgementDays: 1, resolutionDays: 2 };

/** The audit tool's columns, in its order; the computed ones filled, the auditor's left blank. */
export const AUDIT_COLUMNS = [
  "Member Id Number",
  "Confirmation Number",
  "Request Date",
  "Acknowledgement Date",
  "Acknowledgement # of Business Days",
  "Acknowledgement TAT Met Y/N",
  "Resolution Date",
  "Resolution # of Business Days",
  "Resolution TAT Met Y/N",
  "Answered Correctly (Yes/No)",
  "Reply Professional (Yes/No)",
  "Accurate Information (Yes/No)",
  "Notes",
] as const;

export type AuditRow = Readonly<Record<(typeof AUDIT_COLUMNS)[number], string>>;

/** The worksheet row of one logged inquiry (the log keeps no member ids: the auditor adds them from the email). Business days counted from effective receipt (mail after hours counts from the next business day), as the SLA clocks count them. */
export function auditRow(record: InquiryRecord, calendar: BusinessCalendar, goals: AuditGoals = AUDIT_GOALS): AuditRow {
  const start = calendar.effectiveReceipt(record.receivedAt);
  const m = milestones(record.events);
  const acknowledgedAt = m.acknowledged === Infinity ? null : m.acknowledged;
  const resolvedAt = m.resolved === Infinity ? null : m.resolved;
  const date = (t: number) => formatInZone(t, calendar.zone).slice(0, 10);
  const days = (t: number | null) => (t === null ? null : t < start ? 0 : calendar.businessDaysBetween(start, t));
  const ack = days(acknowledgedAt);
  const res = days(resolvedAt);
  const met = (d: number | null, goal: number) => (d === null ? "" : d <= goal ? "Y" : "N");
  return {
    "Member Id Number": "",
    "Confirmation Number": record.confirmationNumber ?? "",
    "Request Date": date(record.receivedAt),
    "Acknowledgement Date": acknowledgedAt === null ? "" : date(acknowledgedAt),
    "Acknowledgement # of Business Days": ack === null ? "" : String(ack),
    "Acknowledgement TAT Met Y/N": met(ack, goals.acknowledgementDays),
    "Resolution Date": resolvedAt === null ? "" : date(resolvedAt),
    "Resolution # of Business Days": res === null ? "" : String(res),
    "Resolution TAT Met Y/N": met(res, goals.resolutionDays),
    "Answered Correctly (Yes/No)": "",
    "Reply Professional (Yes/No)": "",
    "Accurate Information (Yes/No)": "",
    Notes: resolvedAt === null ? "not resolved when the sample was drawn" : "",
  };
}

/** The inquiries received in a local calendar month ("2026-10") of the calendar's zone. */
export function inMonth(month: string, calendar: BusinessCalendar): (receivedAt: number) => boolean {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new Error(`month must look like 2026-10, not ${JSON.stringify(month.slice(0, 20))}`);
  const prefix = `${m[1]}-${m[2]}`;
  return (receivedAt) => formatInZone(receivedAt, calendar.zone).startsWith(prefix);
}
