/**
 * The use cases of one inquiry, each written once and used by every runtime (the pane, the team
 * queue, the on-send handler): read what the log holds for an email, act on it, correct it, reply
 * with a template, record a sent reply, assign. Each returns domain types. The rule they all follow:
 * **apply locally, then queue** — the domain computes the inquiry's next state (or refuses the
 * action with a TransitionError before anything is stored), then the log's outbox stores the write
 * and sends it in the background (`actOn`).
 */
import type { InquiryLogService } from "../adapters/graph/log-service";
import type { MailItem } from "../adapters/mailbox/types";
import type { LogOp } from "../adapters/storage/outbox";
import { applyAction, correctRecord, mergeCorrection, type InquiryRecord } from "../domain/inquiry/record";
import { actionsForSentReply } from "../domain/inquiry/sent-reply";
import { TransitionError, type Action } from "../domain/inquiry/status";
import type { Correction, TriageView } from "../domain/inquiry/triage";
import { hasFollowUp, policyFor, type Mailbox, type MailboxRoute, type SlaPolicy } from "../domain/sla/policies";
import { draftedAction } from "../domain/templates/drafts";
import type { Template } from "../domain/templates/templates";
import { neutraliseBidi } from "../domain/text/bidi";

/** What the use cases need of the log (the InquiryLogService, or a fake in tests). */
export type InquiryLog = Pick<
  InquiryLogService,
  "act" | "drafted" | "correct" | "lookupRecord" | "pendingFor" | "confirmationNumber" | "findByConversation" | "flush"
>;

/** The key an email is logged under: its internet message id (the item id when the host gave none). */
export function messageKey(item: Pick<MailItem, "internetMessageId" | "itemId">): string {
  return item.internetMessageId || item.itemId;
}

/** The item as the pane shows it: bidi override and isolate characters out of everything displayed (ids kept exact, they are keys). */
export function shownItem(item: MailItem): MailItem {
  const person = (a: MailItem["from"]) => ({ name: neutraliseBidi(a.name), address: neutraliseBidi(a.address) });
  return {
    ...item,
    subject: neutraliseBidi(item.subject),
    from: person(item.from),
    to: item.to.map(person),
    cc: item.cc.map(person),
    body: { ...item.body, content: neutraliseBidi(item.body.content) },
  };
}

/** The inquiry as this pane knows it before the list answers: classified, never worked. */
export function recordOf(item: MailItem, view: TriageView): InquiryRecord {
  return {
    internetMessageId: messageKey(item),
    ...(item.conversationId ? { conversationId: item.conversationId } : {}),
    ...(item.itemId ? { itemId: item.itemId } : {}),
    subject: item.subject,
    mailbox: view.mailbox,
    receivedAt: view.receivedAt,
    senderAddress: item.from.address,
    senderType: view.classification.senderType,
    category: view.category,
    priority: view.priority,
    flags: view.classification.flags,
    policy: view.policy,
    status: "new",
    assignee: null,
    assignedBy: null,
    assignedAt: null,
    confirmationNumber: null,
    correctedFrom: view.corrected,
    notes: "",
    history: [],
    events: [],
  };
}

/** A write still waiting in the outbox, applied as the list will apply it (one that will be refused is left out). */
export function replay(record: InquiryRecord, op: LogOp): InquiryRecord {
  try {
    if (op.kind === "action" && op.action) {
      if (op.action.kind === "assign" && op.expectedAssignee !== undefined && (record.assignee ?? null) !== (op.expectedAssignee ?? null)) return record;
      return applyAction(record, op.action, op.at, op.by);
    }
    if (op.kind === "correct" && op.corrected) return mergeCorrection(record, op.corrected, op.saw).record;
    if (op.kind === "draft" && op.template) return { ...record, templatesUsed: [...(record.templatesUsed ?? []), op.template] };
  } catch (e) {
    if (!(e instanceof TransitionError)) throw e;
  }
  return record;
}

/**
 * The inquiry as the list holds it, with this device's writes that are still on their way on top;
 * null when the list has never logged it. `base` supplies what the list does not hold.
 */
export async function loggedInquiry(log: Pick<InquiryLog, "lookupRecord" | "pendingFor">, base: InquiryRecord): Promise<InquiryRecord | null> {
  const stored = await log.lookupRecord(base.internetMessageId, base);
  if (!stored) return null;
  let record = stored;
  for (const op of await log.pendingFor(base.internetMessageId)) record = replay(record, op);
  return record;
}

/**
 * Apply locally, then queue: the one place an action is taken. The domain moves the inquiry (a
 * refused move throws TransitionError and nothing is stored); `applied` hears the new state at once,
 * before the write is stored; an assignment carries the assignee it replaces, so the list refuses
 * it when someone else was quicker. Returns the inquiry after the action.
 */
export async function actOn(
  log: Pick<InquiryLog, "act">,
  record: InquiryRecord,
  action: Action,
  by: string,
  at: number,
  applied?: (next: InquiryRecord) => void,
): Promise<InquiryRecord> {
  const next = applyAction(record, action, at, by);
  applied?.(next);
  await log.act(record, action, by, at, action.kind === "assign" ? (record.assignee ?? null) : undefined);
  return next;
}

/** Several actions in order, each applied to the inquiry the one before left. */
export async function actAll(log: Pick<InquiryLog, "act">, record: InquiryRecord, actions: readonly Action[], by: string, at: number): Promise<InquiryRecord> {
  let current = record;
  for (const action of actions) current = await actOn(log, current, action, by, at);
  return current;
}

/** Assigns one inquiry to `to`, refused by the list if someone else assigned it first. */
export function assign(log: Pick<InquiryLog, "act">, record: InquiryRecord, to: string, by: string, at: number): Promise<InquiryRecord> {
  return actOn(log, record, { kind: "assign", to }, by, at);
}

/**
 * An advocate's correction of the classification: the inquiry with the corrected values and the
 * policy they lead to (the settings' routes), queued as a correction of the fields she changed.
 */
export async function correctInquiry(
  log: Pick<InquiryLog, "correct">,
  worked: InquiryRecord,
  correction: Correction | undefined,
  view: TriageView,
  routes: Readonly<Record<string, MailboxRoute>>,
  by: string,
  at: number,
  applied?: (next: InquiryRecord) => void,
): Promise<InquiryRecord> {
  const classified = {
    category: view.classification.category,
    priority: view.classification.priority,
    mailbox: (view.corrected.mailbox ?? view.mailbox) as Mailbox | null,
  };
  const corrected = correctRecord(worked, correction ?? {}, classified, (m, p) => policyFor(m ?? "member-services-email", p, routes));
  applied?.(corrected);
  await log.correct(corrected, by, at, worked);
  return corrected;
}

/**
 * A reply sent from Outlook (the on-send handler): what it stands for recorded on its inquiry, then
 * sent at once, before the runtime closes. A conversation that is not a logged inquiry records nothing.
 */
export async function recordSentReply(
  log: Pick<InquiryLog, "findByConversation" | "act" | "flush">,
  conversationId: string,
  me: string,
  at: number,
  rules: { readonly templates: readonly Template[]; readonly policies: readonly SlaPolicy[] },
): Promise<InquiryRecord | null> {
  const inquiry = await log.findByConversation(conversationId);
  if (!inquiry) return null;
  const drafted = draftedAction(inquiry.templatesUsed, rules.templates);
  const after = await actAll(log, inquiry, actionsForSentReply(inquiry, me, at, hasFollowUp(inquiry.policy, rules.policies), drafted), me, at);
  await log.flush();
  return after;
}
