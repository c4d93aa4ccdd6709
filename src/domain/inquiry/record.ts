/**
 * One inquiry as the log keeps it: what the pane classified (and the advocate corrected), who has
 * it, its status history and SLA events; the actions and corrections that change it, and
 * `mergeFields`, the three-way merge a write needs when someone else changed the inquiry first
 * (HTTP 412). How it is stored (the SharePoint list's columns) is adapters/sharepoint/row.ts's.
 */
import type { Flag } from "../classify/classifier";
import type { Category, SenderType } from "../classify/labels";
import type { SlaEvent } from "../sla/clocks";
import type { Mailbox, Priority } from "../sla/policies";
import { EVENT_OF, transition, type Action, type Status, type Transition } from "./status";

export interface InquiryRecord {
  readonly internetMessageId: string;
  /** Outlook's conversation id, so a reply sent from Outlook finds its inquiry (absent in older logs). */
  readonly conversationId?: string;
  /** Outlook's item id when the email was taken in, so the lead's queue can open it (absent in older logs). */
  readonly itemId?: string;
  readonly subject: string;
  readonly mailbox: Mailbox | null;
  /** UTC milliseconds */
  readonly receivedAt: number;
  readonly senderAddress: string;
  readonly senderType: SenderType;
  readonly category: Category;
  readonly priority: Priority;
  readonly flags: readonly Flag[];
  readonly policy: string;
  readonly status: Status;
  readonly assignee: string | null;
  readonly assignedBy: string | null;
  readonly assignedAt: number | null;
  readonly confirmationNumber: string | null;
  /** What the classifier said before an advocate corrected it. */
  readonly correctedFrom: { readonly category?: Category; readonly priority?: Priority; readonly mailbox?: Mailbox };
  readonly notes: string;
  /** Templates sent, as "id@version", oldest first. */
  readonly templatesUsed?: readonly string[];
  readonly history: readonly Transition[];
  readonly events: readonly SlaEvent[];
}

/** Applies an action: the status moves (or a TransitionError says why not) and its SLA event is logged. */
export function applyAction(record: InquiryRecord, action: Action, at: number, by: string): InquiryRecord {
  const t = transition(record.status, action, at, by);
  const event = EVENT_OF[action.kind];
  const assigned = action.kind === "assign" ? { assignee: action.to.trim(), assignedBy: by, assignedAt: at } : {};
  return {
    ...record,
    ...assigned,
    status: t.to,
    history: [...record.history, t],
    events: event ? [...record.events, { type: event, at }] : record.events,
  };
}

/** An advocate's correction of the classification: the new values, and what the classifier said. */
export function correctRecord(
  record: InquiryRecord,
  correction: { readonly category?: Category; readonly priority?: Priority; readonly mailbox?: Mailbox },
  classified: { readonly category: Category; readonly priority: Priority; readonly mailbox: Mailbox | null },
  policyOf: (mailbox: Mailbox | null, priority: Priority) => string,
): InquiryRecord {
  const category = correction.category ?? classified.category;
  const priority = correction.priority ?? classified.priority;
  const mailbox = correction.mailbox ?? classified.mailbox;
  const correctedFrom: { category?: Category; priority?: Priority; mailbox?: Mailbox } = {};
  if (category !== classified.category) correctedFrom.category = classified.category;
  if (priority !== classified.priority) correctedFrom.priority = classified.priority;
  if (mailbox !== classified.mailbox && classified.mailbox) correctedFrom.mailbox = classified.mailbox;
  return { ...record, category, priority, mailbox, policy: policyOf(mailbox, priority), correctedFrom };
}

/** The status the inquiry had just before `t` (from its history; the stored status when it has none). */
export function statusAt(record: InquiryRecord, t: number): Status {
  let status: Status | null = null;
  for (const h of record.history) if (h.at < t) status = h.to;
  return status ?? record.history[0]?.from ?? record.status;
}

export type FieldValue = string | number | boolean | null;
export type LogFields = Readonly<Record<string, FieldValue>>;

export interface FieldConflict {
  readonly field: string;
  readonly mine: FieldValue;
  readonly theirs: FieldValue;
}

/**
 * Three-way merge of list fields: a field only I changed takes my value, one only they changed
 * keeps theirs, one we both changed to different values keeps theirs and is reported, so the pane
 * can show who changed what instead of overwriting it.
 */
export function mergeFields(base: LogFields, mine: LogFields, theirs: LogFields): { merged: LogFields; conflicts: FieldConflict[] } {
  const merged: Record<string, FieldValue> = { ...theirs };
  const conflicts: FieldConflict[] = [];
  for (const field of new Set([...Object.keys(mine), ...Object.keys(base)])) {
    const b = base[field] ?? null;
    const m = mine[field] ?? null;
    const t = theirs[field] ?? null;
    if (m === b) continue; // I did not change it: theirs stands
    if (t === b || t === m) merged[field] = m; // only I changed it, or we agree
    else conflicts.push({ field, mine: m, theirs: t });
  }
  return { merged, conflicts };
}

/** The classification fields a correction changes, with the classifier's values it replaced. */
export type ClassificationFields = Partial<Pick<InquiryRecord, "category" | "priority" | "mailbox" | "policy" | "correctedFrom">>;
const CORRECTABLE = ["category", "priority", "mailbox"] as const;

/**
 * A correction applied to the inquiry as it is now, field by field (decision 14's three-way merge):
 * `changed` holds the fields the advocate changed, `saw` the same fields as her pane showed them. A
 * field nobody else touched since takes her value; one someone else changed keeps theirs; one both
 * changed to different values keeps theirs and is a conflict to show her, never overwritten.
 * The policy follows the merged mailbox and priority (`policyOf`).
 */
export function mergeCorrection(
  current: InquiryRecord,
  changed: ClassificationFields,
  saw: ClassificationFields | undefined,
  policyOf?: (mailbox: Mailbox | null, priority: Priority) => string,
): { record: InquiryRecord; conflicts: FieldConflict[] } {
  const fields = CORRECTABLE.filter((f) => f in changed);
  const pick = (r: ClassificationFields): LogFields => Object.fromEntries(fields.map((f) => [f, (r[f] ?? null) as FieldValue]));
  const theirs = pick(current);
  const { merged, conflicts } = saw ? mergeFields(pick(saw), pick(changed), theirs) : { merged: pick(changed), conflicts: [] };
  const taken = fields.filter((f) => !conflicts.some((c) => c.field === f) && merged[f] !== theirs[f]);
  const next: { -readonly [K in keyof InquiryRecord]: InquiryRecord[K] } = { ...current };
  const correctedFrom: { category?: Category; priority?: Priority; mailbox?: Mailbox } = { ...current.correctedFrom };
  for (const f of taken) {
    (next as Record<string, unknown>)[f] = merged[f];
    const from = changed.correctedFrom?.[f];
    if (from === undefined) delete correctedFrom[f];
    else (correctedFrom as Record<string, unknown>)[f] = from;
  }
  next.correctedFrom = correctedFrom;
  if (taken.length) {
    if (policyOf) next.policy = policyOf(next.mailbox, next.priority);
    else if (changed.policy && !conflicts.length) next.policy = changed.policy;
  }
  return { record: next, conflicts };
}
