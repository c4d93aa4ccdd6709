/**
 * The monthly NCQA email-response audit sample, by the procedure's rule: the greater of 10 items or
 * 10% of the month's submissions, but not more than 50 — drawn reproducibly from a recorded seed, so
 * the same seed always gives the same sample.
 */
import { seededRandom } from "../random";
import type { BusinessCalendar } from "../calendar/calendar";
import { formatInZone } from "../calendar/zone";
import type { InquiryRecord } from "../inquiry/record";
import { milestones } from "./turnaround";

export function auditSampleSize(population: number): number {
  if (population <= 0) return 0;
  return Math.min(population, Math.min(50, Math.max(10, Math.ceil(population * 0.1))));
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

/** The "Email Audit" list's column for each worksheet column (SharePoint internal names have no spaces). */
/** The five questions each audited email is scored on, and the goal the committee holds them to. */
export const AUDIT_MEASURES = [
  { column: "Acknowledgement TAT Met Y/N", label: "Acknowledged on time", yes: "Y" },
  { column: "Resolution TAT Met Y/N", label: "Resolved on time", yes: "Y" },
  { column: "Answered Correctly (Yes/No)", label: "Answered correctly", yes: "Yes" },
  { column: "Reply Professional (Yes/No)", label: "Reply professional", yes: "Yes" },
  { column: "Accurate Information (Yes/No)", label: "Accurate information", yes: "Yes" },
] as const;

export interface AuditScore {
  readonly sampled: number;
  /** Items whose three auditor questions are all answered. */
  readonly audited: number;
  readonly measures: readonly { readonly label: string; readonly yes: number; readonly answered: number }[];
  /** Yes answers and answered questions over all five measures. */
  readonly yes: number;
  readonly answered: number;
  /** Yes answers over all answered questions, 0–1; null when nothing is answered. */
  readonly score: number | null;
}

const YES_NO = /^(y|yes|n|no)$/i;

/** The quarter's score from the audited worksheet rows of its months (answers other than Y/Yes/N/No count as unanswered). */
export function auditScore(items: readonly Partial<AuditRow>[]): AuditScore {
  const measures = AUDIT_MEASURES.map((m) => {
    let yes = 0;
    let answered = 0;
    for (const i of items) {
      const v = String(i[m.column] ?? "").trim();
      if (!YES_NO.test(v)) continue;
      answered++;
      if (/^y/i.test(v)) yes++;
    }
    return { label: m.label, yes, answered };
  });
  const audited = items.filter((i) => (["Answered Correctly (Yes/No)", "Reply Professional (Yes/No)", "Accurate Information (Yes/No)"] as const).every((f) => YES_NO.test(String(i[f] ?? "").trim()))).length;
  const yes = measures.reduce((n, m) => n + m.yes, 0);
  const answered = measures.reduce((n, m) => n + m.answered, 0);
  return { sampled: items.length, audited, measures, yes, answered, score: answered ? yes / answered : null };
}

/** "2026-Q4" → ["2026-10", "2026-11", "2026-12"]. */
export function quarterMonths(quarter: string): string[] {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`quarter must look like 2026-Q4, not ${JSON.stringify(quarter.slice(0, 20))}`);
  const first = (Number(m[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((k) => `${m[1]}-${String(first + k).padStart(2, "0")}`);
}
