/**
 * The "Member Inquiries" list row codec: an inquiry as the list's flat columns (no email body is
 * ever among them), and a row read back as an inquiry — as another pane or SharePoint left it,
 * damaged values falling back instead of breaking the pane. The domain knows inquiries; only this
 * adapter knows the list's column names (schema.ts declares their types; a test checks that every
 * column written here is declared there).
 */
import type { BusinessCalendar } from "../../domain/calendar/calendar";
import { formatInZone } from "../../domain/calendar/zone";
import { FLAGS, type Flag } from "../../domain/classify/classifier";
import { CATEGORIES, SENDER_TYPES, type Category, type SenderType } from "../../domain/classify/labels";
import type { FieldValue, InquiryRecord, LogFields } from "../../domain/inquiry/record";
import { STATUSES, type Status, type Transition } from "../../domain/inquiry/status";
import { lastResolution, nextReportTime } from "../../domain/reports/report-time";
import { computeClocks, type SlaEvent } from "../../domain/sla/clocks";
import { CLOCK_NAMES, EVENT_TYPES, MAILBOXES, PRIORITIES, findPolicy, type Mailbox, type Priority, type SlaPolicy } from "../../domain/sla/policies";
import { neutraliseBidi } from "../../domain/text/bidi";

/** The clocks whose due and done times the list keeps: every policy clock, and the one a reopening starts. */
export const LOGGED_CLOCKS = [...CLOCK_NAMES, "reopenedResponse"] as const;

const iso = (ms: number | null, calendar: BusinessCalendar) => (ms === null ? null : formatInZone(ms, calendar.zone));

/** The list item's columns for a record, with each clock's due and done times and business days taken. */
export function logFields(record: InquiryRecord, calendar: BusinessCalendar, policies: readonly SlaPolicy[], now: number): LogFields {
  const policy = findPolicy(record.policy, policies);
  const sla = policy ? computeClocks({ policy, priority: record.priority, receivedAt: record.receivedAt, events: record.events, now }, calendar) : null;
  const fields: Record<string, FieldValue> = {
    InternetMessageId: record.internetMessageId,
    ConversationId: record.conversationId ?? null,
    ItemId: record.itemId && record.itemId.length <= 255 ? record.itemId : null,
    Title: record.subject.slice(0, 255),
    Channel: record.mailbox,
    ReceivedAt: iso(record.receivedAt, calendar),
    EffectiveReceivedAt: sla ? iso(sla.effectiveReceivedAt, calendar) : null,
    SenderAddress: record.senderAddress,
    SenderType: record.senderType,
    Category: record.category,
    Priority: record.priority,
    Flags: record.flags.join(";"),
    Policy: record.policy,
    Status: record.status,
    Assignee: record.assignee,
    AssignedBy: record.assignedBy,
    AssignedAt: iso(record.assignedAt, calendar),
    ConfirmationNumber: record.confirmationNumber,
    ClassificationCorrected: Object.keys(record.correctedFrom).length > 0,
    CorrectedFrom: Object.entries(record.correctedFrom)
      .map(([k, v]) => `${k}: ${v}`)
      .join("; "),
    Notes: record.notes,
    TemplatesUsed: (record.templatesUsed ?? []).join(" "),
    StatusHistory: JSON.stringify(record.history.map((h) => ({ from: h.from, to: h.to, action: h.action, at: iso(h.at, calendar), by: h.by, ...(h.target ? { target: h.target } : {}) }))),
    SlaEvents: JSON.stringify(record.events.map((e) => ({ type: e.type, at: iso(e.at, calendar) }))),
  };
  // which daily report first lists the arrival and the completion (the views filter on these)
  const resolved = lastResolution(record.events);
  fields["ArrivedInReport"] = iso(nextReportTime(record.receivedAt, calendar), calendar);
  fields["CompletedInReport"] = resolved === null ? null : iso(nextReportTime(resolved, calendar), calendar);
  for (const name of LOGGED_CLOCKS) {
    const clock = sla?.clocks.find((c) => c.name === name);
    fields[`${name}DueAt`] = clock ? iso(clock.dueAt, calendar) : null;
    fields[`${name}DoneAt`] = clock ? iso(clock.stoppedAt, calendar) : null;
    fields[`${name}BusinessDays`] = clock ? clock.businessDaysTaken : null;
    fields[`${name}State`] = clock ? clock.state : null;
  }
  return fields;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const time = (v: unknown): number | null => {
  const t = typeof v === "string" ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : null;
};
function parseJsonList(v: unknown): unknown[] {
  if (typeof v !== "string" || !v) return [];
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/**
 * Reads a record back from the list's columns (as another pane or SharePoint left them), over a
 * fallback for what the list does not hold (the classification of an email seen for the first time).
 * Unknown or damaged values fall back instead of breaking the pane.
 */
export function recordFromFields(fields: Readonly<Record<string, unknown>>, fallback: InquiryRecord): InquiryRecord {
  const statuses = new Set<string>(STATUSES);
  const status = typeof fields["Status"] === "string" && statuses.has(fields["Status"]) ? (fields["Status"] as Status) : fallback.status;
  const history: Transition[] = parseJsonList(fields["StatusHistory"]).flatMap((h) => {
    const o = (h ?? {}) as Record<string, unknown>;
    const at = time(o["at"]);
    if (at === null || !statuses.has(String(o["from"])) || !statuses.has(String(o["to"]))) return [];
    const t: Transition = { from: o["from"] as Status, to: o["to"] as Status, action: String(o["action"] ?? "assign") as Transition["action"], at, by: String(o["by"] ?? "") };
    return [typeof o["target"] === "string" ? { ...t, target: o["target"] } : t];
  });
  const eventTypes = new Set<string>(EVENT_TYPES);
  const events: SlaEvent[] = parseJsonList(fields["SlaEvents"]).flatMap((e) => {
    const o = (e ?? {}) as Record<string, unknown>;
    const at = time(o["at"]);
    return at !== null && eventTypes.has(String(o["type"])) ? [{ type: o["type"] as SlaEvent["type"], at }] : [];
  });
  const correctedFrom: { category?: Category; priority?: Priority; mailbox?: Mailbox } = {};
  for (const part of String(fields["CorrectedFrom"] ?? "").split(";")) {
    const [k, v] = part.split(":").map((x) => x.trim());
    if (k === "category" && v) correctedFrom.category = v as Category;
    if (k === "priority" && v) correctedFrom.priority = v as Priority;
    if (k === "mailbox" && v) correctedFrom.mailbox = v as Mailbox;
  }
  const corrected = fields["ClassificationCorrected"] === true;
  return {
    ...fallback,
    ...(corrected
      ? {
          category: (str(fields["Category"]) as Category | null) ?? fallback.category,
          priority: (str(fields["Priority"]) as Priority | null) ?? fallback.priority,
          mailbox: (str(fields["Channel"]) as Mailbox | null) ?? fallback.mailbox,
          policy: str(fields["Policy"]) ?? fallback.policy,
          correctedFrom,
        }
      : {}),
    status,
    assignee: str(fields["Assignee"]),
    assignedBy: str(fields["AssignedBy"]),
    assignedAt: time(fields["AssignedAt"]),
    confirmationNumber: str(fields["ConfirmationNumber"]) ?? fallback.confirmationNumber,
    notes: typeof fields["Notes"] === "string" ? fields["Notes"] : fallback.notes,
    ...(typeof fields["TemplatesUsed"] === "string" && fields["TemplatesUsed"] ? { templatesUsed: fields["TemplatesUsed"].split(" ") } : {}),
    history,
    events,
  };
}


const isoTime = (v: unknown): number | null => {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
};

/**
 * One list item (its `fields`, or the item as Graph returns it) as a record, or why it cannot be
 * read: what the reports, the audit and the lead's queue read from the list.
 */
export function readListItem(value: unknown): InquiryRecord | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a list item";
  const outer = value as Record<string, unknown>;
  const f = (typeof outer["fields"] === "object" && outer["fields"] !== null ? outer["fields"] : outer) as Record<string, unknown>;
  const receivedAt = isoTime(f["ReceivedAt"]);
  if (receivedAt === null) return "no ReceivedAt date-time";
  const id = f["InternetMessageId"];
  if (typeof id !== "string" || !id) return "no InternetMessageId";
  if (typeof f["SlaEvents"] === "string" && f["SlaEvents"].trim()) {
    try {
      JSON.parse(f["SlaEvents"]);
    } catch {
      return "SlaEvents is not valid JSON";
    }
  }
  const channel = f["Channel"];
  const mailbox = typeof channel === "string" && (MAILBOXES as readonly string[]).includes(channel) ? (channel as Mailbox) : null;
  const category = typeof f["Category"] === "string" && (CATEGORIES as readonly string[]).includes(f["Category"]) ? (f["Category"] as Category) : "general_inquiry";
  const priority = typeof f["Priority"] === "string" && (PRIORITIES as readonly string[]).includes(f["Priority"]) ? (f["Priority"] as Priority) : "routine";
  const fallback: InquiryRecord = {
    internetMessageId: id, subject: typeof f["Title"] === "string" ? neutraliseBidi(f["Title"]) : "", mailbox, receivedAt,
    ...(typeof f["ConversationId"] === "string" && f["ConversationId"] ? { conversationId: f["ConversationId"] } : {}),
    ...(typeof f["ItemId"] === "string" && f["ItemId"] ? { itemId: f["ItemId"] } : {}),
    senderAddress: typeof f["SenderAddress"] === "string" ? neutraliseBidi(f["SenderAddress"]) : "",
    senderType: (SENDER_TYPES as readonly unknown[]).includes(f["SenderType"]) ? (f["SenderType"] as SenderType) : "unknown",
    category, priority,
    flags: typeof f["Flags"] === "string" ? f["Flags"].split(";").filter((x): x is Flag => (FLAGS as readonly string[]).includes(x)) : [], policy: typeof f["Policy"] === "string" ? f["Policy"] : "", status: "new", assignee: null, assignedBy: null, assignedAt: null,
    confirmationNumber: null, correctedFrom: {}, notes: "", history: [], events: [],
  };
  return recordFromFields(f, fallback);
}
