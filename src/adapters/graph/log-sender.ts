/**
 * Sends the outbox to the list, idempotently, the writes of each round in one $batch. The item is
 * looked up by message id before it is created (a retried create never makes a duplicate; the
 * unique column refuses one anyway). An action is applied to the item as it is now and written with
 * If-Match; when someone else changed it first (412), the item is read again and the action applied
 * again to what they left, so nothing of theirs is overwritten. An action that no longer fits
 * (someone else assigned or resolved it meanwhile) is settled as a conflict with a sentence for the
 * advocate. Throttling, outages and dropped connections leave the op pending for the next round.
 */
import type { BusinessCalendar } from "../../domain/calendar/calendar";
import { applyAction, mergeCorrection, type FieldConflict, type InquiryRecord, type LogFields } from "../../domain/inquiry/record";
import { logFields, recordFromFields } from "../sharepoint/row";
import { TransitionError } from "../../domain/inquiry/status";
import { policyFor, type MailboxRoute, type SlaPolicy } from "../../domain/sla/policies";
import { KEEP_CONFLICTS_MS, type LogOp, type Outbox } from "../storage/outbox";
import { ListError, MAX_RETRY_AFTER_SECONDS, type InquiryListClient, type StoredItem } from "./list-client";

export interface SendResult {
  readonly sent: number;
  readonly conflicts: number;
  readonly remaining: number;
  /** Graph requests made (the bench's round trips per action). */
  readonly requests: number;
  /** Why ops are waiting, when it is something a person must fix. */
  readonly problem: "missingList" | "signIn" | "noAccess" | null;
  /** The list answered 401: the token was refused (not merely lacking a permission). */
  readonly unauthorized: boolean;
}

const KEEP_APPLIED = 60;

function differs(a: unknown, b: unknown): boolean {
  return (a ?? null) !== (b ?? null);
}

const FIELD_WORDS: Readonly<Record<string, string>> = { category: "category", priority: "priority", mailbox: "mailbox" };

/** What the advocate reads when someone else changed the same field first. */
function conflictNote(conflicts: readonly FieldConflict[]): string {
  const parts = conflicts.map((c) => `the ${FIELD_WORDS[c.field] ?? c.field} to ${String(c.theirs ?? "none")} (yours, ${String(c.mine ?? "none")}, was not saved)`);
  return `Someone else changed ${parts.join(" and ")} meanwhile; the rest of your correction was saved.`;
}

export class LogSender {
  private readonly items = new Map<string, StoredItem>();
  private requests = 0;
  private problem: SendResult["problem"] = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly client: InquiryListClient,
    private readonly deps: {
      readonly calendar: BusinessCalendar;
      readonly policies: readonly SlaPolicy[];
      readonly now: () => number;
      /** How to wait for a Retry-After (tests pass one that does not wait). */
      readonly sleep?: (ms: number) => Promise<void>;
      /** The deployment's mailbox routes: a merged correction's policy follows its mailbox and priority. */
      readonly routes?: Readonly<Record<string, MailboxRoute>>;
    },
  ) {}

  private sleep(ms: number): Promise<void> {
    return this.deps.sleep ? this.deps.sleep(ms) : new Promise((r) => setTimeout(r, ms));
  }

  private async find(op: LogOp): Promise<StoredItem> {
    const cached = this.items.get(op.messageId);
    if (cached) return cached;
    this.requests++;
    let item = await this.client.find(op.messageId);
    if (!item) {
      this.requests++;
      const fields = { ...logFields(op.record, this.deps.calendar, this.deps.policies, this.deps.now()), AppliedOps: "" };
      item = await this.client.create(fields);
    }
    this.items.set(op.messageId, item);
    return item;
  }

  /**
   * What one op needs: nothing (already applied, or only "open"), a conflict, or a patch to write
   * to `item`. Throws a ListError when the item cannot be read or created.
   */
  private async prepare(op: LogOp): Promise<"done" | { conflict: string } | { item: StoredItem; patch: Record<string, unknown>; note?: string }> {
    const cached = this.items.has(op.messageId);
    const r = await this.prepareOn(op);
    // another runtime on this device (or another sender) may have written since this copy was read:
    // a conflict is only a conflict against the list as it is now
    if (cached && typeof r === "object" && "conflict" in r) {
      this.items.delete(op.messageId);
      return this.prepareOn(op);
    }
    return r;
  }

  private async prepareOn(op: LogOp): Promise<"done" | { conflict: string } | { item: StoredItem; patch: Record<string, unknown>; note?: string }> {
    const item = await this.find(op);
    const applied = String(item.fields["AppliedOps"] ?? "").split(" ").filter(Boolean);
    if (applied.includes(op.opId) || op.kind === "open") return "done";
    // a list item never corrected holds the classifier's values: what the correcting pane saw
    const current = recordFromFields(item.fields, op.kind === "correct" ? { ...op.record, ...op.saw } : op.record);
    let next: InquiryRecord;
    let note: string | undefined;
    if (op.kind === "correct" && op.corrected) {
      const routes = this.deps.routes;
      const merged = mergeCorrection(current, op.corrected, op.saw, (m, p) => policyFor(m ?? "member-services-email", p, routes));
      next = merged.record;
      if (merged.conflicts.length) note = conflictNote(merged.conflicts);
    } else if (op.kind === "draft") {
      if (!op.template) return "done";
      next = { ...current, templatesUsed: [...(current.templatesUsed ?? []), op.template] };
    } else if (op.action) {
      if (op.action.kind === "assign" && op.expectedAssignee !== undefined && (current.assignee ?? null) !== (op.expectedAssignee ?? null)) {
        return { conflict: current.assignee ? `${current.assignee} already has it (assigned by ${current.assignedBy ?? "someone"}).` : "It was unassigned meanwhile." };
      }
      try {
        next = applyAction(current, op.action, op.at, op.by);
        if (op.template) next = { ...next, templatesUsed: [...(current.templatesUsed ?? []), op.template] };
      } catch (e) {
        if (e instanceof TransitionError) return { conflict: `${e.message} (someone else changed it: it is now ${current.status}).` };
        throw e;
      }
    } else return "done";
    const wanted: LogFields = logFields(next, this.deps.calendar, this.deps.policies, this.deps.now());
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wanted)) if (differs(v, item.fields[k])) patch[k] = v;
    patch["AppliedOps"] = [...applied, op.opId].slice(-KEEP_APPLIED).join(" ");
    return note ? { item, patch, note } : { item, patch };
  }

  /**
   * Sends the pending ops: each round takes the next op of every inquiry that is waiting, reads or
   * creates what it must, and writes all of the round's changes in one $batch (20 at most per
   * request). A 412 inside the batch reads that item again for the next round; a 429 or 503 inside
   * it waits for its Retry-After. Ops of an inquiry stay in order; one that cannot be sent holds
   * back the inquiry's later ops until the next call.
   */
  async sendPending(): Promise<SendResult> {
    const before = this.requests;
    this.problem = null;
    let unauthorized = false;
    let sent = 0;
    let conflicts = 0;
    const queues = new Map<string, LogOp[]>();
    for (const op of await this.outbox.pending()) {
      const q = queues.get(op.messageId);
      if (q) q.push(op);
      else queues.set(op.messageId, [op]);
    }
    const blocked = new Set<string>();
    const fail = async (op: LogOp, e: unknown) => {
      this.items.delete(op.messageId);
      blocked.add(op.messageId);
      await this.outbox.attempted(op.opId);
      if (e instanceof ListError) {
        if (e.status === 401) unauthorized = true;
        // 403: signed in, but without rights on the list (Sites.Selected grants the app; the advocate needs Edit on the site)
        if (e.status === 404 || e.status === 401 || e.status === 403) this.problem = e.status === 404 ? "missingList" : e.status === 403 ? "noAccess" : "signIn";
        else if (!e.transient && e.status >= 400 && e.status < 500 && e.status !== 412) {
          await this.outbox.settle(op.opId, "conflict", `The list refused this change (${e.message}).`);
          conflicts++;
          (queues.get(op.messageId) ?? []).shift();
          blocked.delete(op.messageId);
        }
      }
    };
    let idleRounds = 0;
    for (let round = 0; round < 10_000 && idleRounds < 3; round++) {
      const heads = [...queues.entries()].filter(([m, q]) => q.length > 0 && !blocked.has(m)).map(([, q]) => q[0]!);
      if (heads.length === 0) break;
      let progress = false;
      const writes: { op: LogOp; item: StoredItem; patch: Record<string, unknown>; note?: string }[] = [];
      for (const op of heads) {
        try {
          const r = await this.prepare(op);
          if (r === "done" || "conflict" in r) {
            if (r === "done") {
              await this.outbox.settle(op.opId, "done");
              sent++;
            } else {
              await this.outbox.settle(op.opId, "conflict", r.conflict);
              conflicts++;
            }
            queues.get(op.messageId)!.shift();
            progress = true;
          } else writes.push({ op, ...r });
        } catch (e) {
          await fail(op, e);
        }
      }
      if (writes.length) {
        let outcomes: Map<string, { status: number; eTag: string; retryAfterSeconds: number | null }>;
        try {
          this.requests += Math.ceil(writes.length / 20);
          outcomes = await this.client.updateMany(writes.map((w) => ({ key: w.op.opId, id: w.item.id, eTag: w.item.eTag, fields: w.patch })));
        } catch (e) {
          for (const w of writes) await fail(w.op, e);
          continue;
        }
        let wait = 0;
        for (const w of writes) {
          const o = outcomes.get(w.op.opId)!;
          if (o.status >= 200 && o.status < 300) {
            this.items.set(w.op.messageId, { id: w.item.id, eTag: o.eTag, fields: { ...w.item.fields, ...w.patch } });
            if (w.note) {
              await this.outbox.settle(w.op.opId, "conflict", w.note); // the rest of it was written
              conflicts++;
            } else {
              await this.outbox.settle(w.op.opId, "done");
              sent++;
            }
            queues.get(w.op.messageId)!.shift();
            progress = true;
          } else if (o.status === 412) {
            this.items.delete(w.op.messageId); // someone else wrote first: read again, apply again next round
            progress = true;
          } else if (o.status === 429 || o.status === 503 || o.status === 504 || o.status === 0) {
            this.items.delete(w.op.messageId);
            wait = Math.max(wait, o.retryAfterSeconds ?? 1);
          } else {
            await fail(w.op, new ListError(o.status, `HTTP ${o.status}`));
          }
        }
        // a long Retry-After is not waited out here: the op stays in the outbox for a later round
        if (wait > 0) await this.sleep(Math.min(wait, MAX_RETRY_AFTER_SECONDS) * 1000);
      }
      idleRounds = progress ? 0 : idleRounds + 1;
    }
    await this.outbox.prune(Date.now() - KEEP_CONFLICTS_MS); // createdAt is the device clock
    const remaining = (await this.outbox.pending()).length;
    return { sent, conflicts, remaining, requests: this.requests - before, problem: this.problem, unauthorized };
  }
}
