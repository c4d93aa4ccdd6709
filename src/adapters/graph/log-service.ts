/**
 * The pane's side of the log: read an inquiry's logged state, and record actions and corrections
 * through the durable outbox, sending in the background with backoff. Listeners hear how many
 * writes are waiting, since when, and which were refused, so the pane can say so.
 */
import type { BusinessCalendar } from "../../domain/calendar/calendar";
import { confirmationNumber } from "../../domain/inquiry/confirmation";
import type { InquiryRecord } from "../../domain/inquiry/record";
import { logFields, readListItem, recordFromFields } from "../sharepoint/row";
import { STATUSES, type Action } from "../../domain/inquiry/status";
import type { MailboxRoute, SlaPolicy } from "../../domain/sla/policies";
import { Outbox, type CorrectedFields, type LogOp, type OutboxStats } from "../storage/outbox";
import { ListError, type InquiryListClient, type StoredItem } from "./list-client";
import { LogSender } from "./log-sender";

/** A 403 from the list: signed in, but without rights on it — not a sign-in problem (decision 41). */
export const NO_ACCESS =
  "you are signed in but do not have access to the SharePoint list: ask the owner of the member-services SharePoint site (your lead or IT help desk) to give you Edit rights on the site; your work waits here until then";

/** Why the log is not saving, as a code; its words are made in one place (`logProblemText`). */
export type LogProblem = { readonly code: "missingList"; readonly detail?: string } | { readonly code: "noAccess" } | { readonly code: "signIn" } | { readonly code: "retrying" } | { readonly code: "unreachable" };

export function logProblemText(p: LogProblem): string {
  switch (p.code) {
    case "missingList":
      return `the SharePoint list is missing or out of date${p.detail ? ` (${p.detail})` : ""}: ask an administrator to run npm run provision`;
    case "noAccess":
      return NO_ACCESS;
    case "signIn":
      return "sign in again to save to SharePoint";
    case "retrying":
      return "SharePoint did not answer; trying again";
    case "unreachable":
      return "could not reach SharePoint; trying again";
  }
}

export interface LogStatus extends OutboxStats {
  /** The last reason sending stopped (throttled, offline), if the last round failed: the code… */
  readonly problem: LogProblem | null;
  /** …and its words. */
  readonly lastProblem: string | null;
}

export type LogListener = (status: LogStatus) => void;

export interface LogServiceDeps {
  readonly calendar: BusinessCalendar;
  readonly policies: readonly SlaPolicy[];
  readonly now: () => number;
  readonly routes?: Readonly<Record<string, MailboxRoute>>;
  /** Called when the list refuses the token (401), so sign-in forgets it. */
  readonly onUnauthorized?: () => void;
}

/** The list items that read as inquiries (a damaged item is left out rather than breaking the view). */
function records(items: readonly StoredItem[]): InquiryRecord[] {
  return items.flatMap((i) => {
    const r = readListItem(i.fields);
    return typeof r === "string" ? [] : [r];
  });
}

let counter = 0;
const newId = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2)}`;

export class InquiryLogService {
  private readonly listeners = new Set<LogListener>();
  private sending = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoffMs = 0;
  private lastProblem: LogProblem | null = null;

  private constructor(
    private readonly outbox: Outbox,
    private readonly client: InquiryListClient,
    private readonly sender: LogSender,
    private readonly deps: LogServiceDeps,
  ) {}

  static async open(client: InquiryListClient, deps: LogServiceDeps, outboxName: string): Promise<InquiryLogService> {
    const outbox = await Outbox.open(outboxName);
    const service = new InquiryLogService(outbox, client, new LogSender(outbox, client, deps), deps);
    service.kick(); // whatever an earlier pane left unsent
    void service.checkList();
    return service;
  }

  /** This device's writes for a message that the list has not confirmed yet, in the order they will be sent. */
  async pendingFor(internetMessageId: string): Promise<LogOp[]> {
    return (await this.outbox.pending()).filter((op) => op.messageId === internetMessageId);
  }

  /**
   * The logged inquiry for a message, read over `fallback` for what the list does not hold (the
   * classification of an email seen here first), or null when it has never been logged (one request).
   */
  async lookupRecord(internetMessageId: string, fallback: InquiryRecord): Promise<InquiryRecord | null> {
    const item = await this.client.find(internetMessageId);
    return item ? recordFromFields(item.fields, fallback) : null;
  }

  schemaProblems(): Promise<string[]> {
    return this.client.schemaProblems();
  }

  /** Says so at once when the list is missing or lacks columns, instead of at the first write. */
  private async checkList(): Promise<void> {
    try {
      const problems = await this.client.schemaProblems();
      if (problems.length) {
        this.lastProblem = { code: "missingList", ...(problems[0] ? { detail: problems[0] } : {}) };
        await this.publish();
      }
    } catch (e) {
      // offline or throttled: the send loop will say so; refused is said at once
      if (e instanceof ListError && e.status === 403) {
        this.lastProblem = { code: "noAccess" };
        await this.publish();
      }
    }
  }

  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    void this.publish();
    return () => this.listeners.delete(listener);
  }

  private async publish(): Promise<void> {
    const stats = await this.outbox.stats();
    const status: LogStatus = { ...stats, problem: this.lastProblem, lastProblem: this.lastProblem ? logProblemText(this.lastProblem) : null };
    for (const l of this.listeners) l(status);
  }

  /** Stores the op; its place in the sending order is its `at` and the device's counter, whichever runtime queued it. */
  private async enqueue(op: Omit<LogOp, "opId" | "seq" | "state" | "attempts" | "createdAt">): Promise<void> {
    await this.outbox.enqueue({ ...op, opId: newId(), createdAt: Date.now(), state: "pending", attempts: 0 });
    await this.publish();
    this.backoffMs = 0;
    this.kick();
  }

  /**
   * The inquiry's confirmation number: made from its list item's id, so it is unique across every
   * advocate and device and the same email always has the same one. Creates the item if needed
   * (online: the number exists only once the list has the item).
   */
  async confirmationNumber(record: InquiryRecord): Promise<string> {
    let item = await this.client.find(record.internetMessageId);
    if (!item) item = await this.client.create({ ...logFields(record, this.deps.calendar, this.deps.policies, this.deps.now()), AppliedOps: "" });
    const existing = item.fields["ConfirmationNumber"];
    if (typeof existing === "string" && existing) return existing;
    const number = confirmationNumber(Number(item.id));
    for (let i = 0; i < 5; i++) {
      try {
        await this.client.update(item.id, item.eTag, { ConfirmationNumber: number });
        return number;
      } catch {
        item = await this.client.get(item.id); // changed meanwhile: read again; the id (so the number) stays
        if (typeof item.fields["ConfirmationNumber"] === "string" && item.fields["ConfirmationNumber"]) return item.fields["ConfirmationNumber"];
      }
    }
    return number;
  }

  /** Sends now (after the advocate signed in again, say), whatever the backoff. */
  retryNow(): void {
    this.backoffMs = 0;
    this.kick();
  }

  /** Records a pane action (stored before it is sent). */
  act(record: InquiryRecord, action: Action, by: string, at: number, expectedAssignee?: string | null, template?: string): Promise<void> {
    return this.enqueue({
      messageId: record.internetMessageId,
      kind: "action",
      action,
      by,
      at,
      record,
      ...(action.kind === "assign" ? { expectedAssignee: expectedAssignee ?? null } : {}),
      ...(template ? { template } : {}),
    });
  }

  /** Records that a reply was drafted from a template: the template, not a response (the reply may never be sent). */
  drafted(record: InquiryRecord, by: string, at: number, template: string): Promise<void> {
    return this.enqueue({ messageId: record.internetMessageId, kind: "draft", by, at, record, template });
  }

  /** Every open inquiry in the list (one $batch of indexed queries, one per open status). */
  async openInquiries(): Promise<InquiryRecord[]> {
    return records(await this.client.findAll("Status", STATUSES.filter((s) => s !== "resolved")));
  }

  /** The inquiries assigned to one person (one indexed query); which are still open is the domain's call. */
  async assignedTo(upn: string): Promise<InquiryRecord[]> {
    return records(await this.client.findAll("Assignee", [upn]));
  }

  /** The inquiries received in [from, to), for the turnaround figures. */
  async receivedBetween(from: number, to: number): Promise<InquiryRecord[]> {
    return records(await this.client.receivedBetween(from, to));
  }

  /** The inquiry of an Outlook conversation (a reply being sent), or null: one indexed query. */
  async findByConversation(conversationId: string): Promise<InquiryRecord | null> {
    const item = await this.client.findBy("ConversationId", conversationId);
    return item ? (records([item])[0] ?? null) : null;
  }

  /** Sends what is waiting now and returns when this round is done (the on-send handler, before its runtime closes). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.running) await this.running; // a round already under way may have read the outbox before the newest op
    await this.send();
  }

  /** Records that an email has arrived (creates its item if the list lacks it), so leads see it in the queue. */
  intake(record: InquiryRecord, by: string, at: number): Promise<void> {
    return this.enqueue({ messageId: record.internetMessageId, kind: "open", by, at, record });
  }

  /** The inquiry with this confirmation number (one request on an indexed column), or null (also when its item cannot be read). */
  async findByConfirmationNumber(number: string): Promise<InquiryRecord | null> {
    const item = await this.client.findBy("ConfirmationNumber", number);
    return item ? (records([item])[0] ?? null) : null;
  }

  /**
   * Records a corrected classification: the fields it changed (from `before`, the inquiry as the
   * pane showed it) and what they were, so the list keeps what someone else changed meanwhile.
   */
  correct(record: InquiryRecord, by: string, at: number, before: InquiryRecord = record): Promise<void> {
    const changed: Record<string, unknown> = {};
    const saw: Record<string, unknown> = {};
    for (const f of ["category", "priority", "mailbox"] as const) {
      if (record[f] !== before[f]) {
        changed[f] = record[f];
        saw[f] = before[f];
      }
    }
    if (record.policy !== before.policy) {
      changed["policy"] = record.policy;
      saw["policy"] = before.policy;
    }
    changed["correctedFrom"] = record.correctedFrom;
    saw["correctedFrom"] = before.correctedFrom;
    return this.enqueue({ messageId: record.internetMessageId, kind: "correct", by, at, record, corrected: changed as CorrectedFields, saw: saw as CorrectedFields });
  }

  private kick(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), this.backoffMs);
  }

  private running: Promise<void> | null = null;

  private send(): Promise<void> {
    if (this.sending) {
      this.again = true;
      return this.running ?? Promise.resolve();
    }
    const round = this.sendRound().finally(() => {
      if (this.running === round) this.running = null;
    });
    this.running = round;
    return round;
  }

  private async sendRound(): Promise<void> {
    this.sending = true;
    try {
      const r = await this.sender.sendPending();
      if (r.unauthorized) this.deps.onUnauthorized?.();
      this.lastProblem = r.problem ? { code: r.problem } : r.remaining > 0 ? { code: "retrying" } : null;
      if (r.remaining > 0) this.backoffMs = Math.min(60_000, Math.max(2_000, this.backoffMs * 2)) * (0.75 + Math.random() / 2);
      else this.backoffMs = 0;
    } catch {
      this.lastProblem = { code: "unreachable" };
      this.backoffMs = Math.min(60_000, Math.max(2_000, this.backoffMs * 2));
    } finally {
      this.sending = false;
    }
    await this.publish();
    const { pending } = await this.outbox.stats();
    if (this.again || pending > 0) {
      this.again = false;
      this.kick();
    }
  }
}
