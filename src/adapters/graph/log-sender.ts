/**
 * Sends the outbox to the list: each pending op in order, idempotently. The item is looked up by
 * message id before it is created (a retried create never makes a duplicate; the unique column
 * refuses one anyway). An action is applied to the item as it is now and written with If-Match;
 * when someone else changed it first (412), the item is read again and the action applied again to
 * what they left, so nothing of theirs is overwritten. An action that no longer fits (someone else
 * assigned or resolved it meanwhile) is settled as a conflict with a sentence for the advocate.
 * Throttling, outages and dropped connections leave the op pending for the next round.
 */
import type { BusinessCalendar } from "../../domain/calendar/calendar";
import { applyAction, logFields, recordFromFields, type InquiryRecord, type LogFields } from "../../domain/inquiry/record";
import { TransitionError } from "../../domain/inquiry/status";
import type { SlaPolicy } from "../../domain/sla/policies";
import type { LogOp, Outbox } from "../storage/outbox";
import { ListError, type InquiryListClient, type StoredItem } from "./list-client";

export interface SendResult {
  readonly sent: number;
  readonly conflicts: number;
  readonly remaining: number;
  /** Graph requests made (the bench's round trips per action). */
  readonly requests: number;
  /** Why ops are waiting, when it is something a person must fix. */
  readonly problem: "missingList" | "signIn" | null;
}

const KEEP_APPLIED = 60;

function differs(a: unknown, b: unknown): boolean {
  return (a ?? null) !== (b ?? null);
}

export class LogSender {
  private readonly items = new Map<string, StoredItem>();
  private requests = 0;
  private problem: SendResult["problem"] = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly client: InquiryListClient,
    private readonly deps: { readonly calendar: BusinessCalendar; readonly policies: readonly SlaPolicy[]; readonly now: () => number },
  ) {}

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

  /** Applies one op; returns "done", a conflict message, or throws a transient ListError. */
  private async apply(op: LogOp): Promise<"done" | { conflict: string }> {
    for (let round = 0; round < 10; round++) {
      const item = await this.find(op);
      const applied = String(item.fields["AppliedOps"] ?? "").split(" ").filter(Boolean);
      if (applied.includes(op.opId) || op.kind === "open") return "done";
      const current = recordFromFields(item.fields, op.record);
      if (op.kind === "correct" && op.corrected) {
        const next = { ...current, ...op.corrected };
        const r = await this.write(op, item, applied, next);
        if (r === "retry") continue;
        return "done";
      }
      if (!op.action) return "done";
      if (op.action.kind === "assign" && op.expectedAssignee !== undefined && (current.assignee ?? null) !== (op.expectedAssignee ?? null)) {
        return { conflict: current.assignee ? `${current.assignee} already has it (assigned by ${current.assignedBy ?? "someone"}).` : "It was unassigned meanwhile." };
      }
      let next;
      try {
        next = applyAction(current, op.action, op.at, op.by);
      } catch (e) {
        if (e instanceof TransitionError) return { conflict: `${e.message} (someone else changed it: it is now ${current.status}).` };
        throw e;
      }
      if ((await this.write(op, item, applied, next)) === "retry") continue;
      return "done";
    }
    throw new ListError(412, "the item kept changing; will try again");
  }

  /** Writes the changed columns with If-Match; "retry" when someone else wrote first (412). */
  private async write(op: LogOp, item: StoredItem, applied: readonly string[], next: InquiryRecord): Promise<"written" | "retry"> {
    const wanted: LogFields = logFields(next, this.deps.calendar, this.deps.policies, this.deps.now());
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wanted)) if (differs(v, item.fields[k])) patch[k] = v;
    patch["AppliedOps"] = [...applied, op.opId].slice(-KEEP_APPLIED).join(" ");
    try {
      this.requests++;
      const eTag = await this.client.update(item.id, item.eTag, patch);
      this.items.set(op.messageId, { id: item.id, eTag, fields: { ...item.fields, ...patch } });
      return "written";
    } catch (e) {
      this.items.delete(op.messageId);
      if (e instanceof ListError && e.status === 412) return "retry"; // someone else wrote first: read again, apply again
      throw e;
    }
  }

  /** One round over the pending ops. Ops of an inquiry after one that could not be sent wait. */
  async sendPending(): Promise<SendResult> {
    const before = this.requests;
    this.problem = null;
    let sent = 0;
    let conflicts = 0;
    const blocked = new Set<string>();
    const pending = await this.outbox.pending();
    for (const op of pending) {
      if (blocked.has(op.messageId)) continue;
      try {
        const r = await this.apply(op);
        if (r === "done") {
          await this.outbox.settle(op.opId, "done");
          sent++;
        } else {
          await this.outbox.settle(op.opId, "conflict", r.conflict);
          conflicts++;
        }
      } catch (e) {
        this.items.delete(op.messageId);
        blocked.add(op.messageId);
        await this.outbox.attempted(op.opId);
        if (e instanceof ListError) {
          if (e.status === 404 || e.status === 401 || e.status === 403) this.problem = e.status === 404 ? "missingList" : "signIn";
          // a missing list or an expired sign-in waits (the op goes once it is fixed); other refusals are final
          else if (!e.transient && e.status >= 400 && e.status < 500 && e.status !== 412) {
            await this.outbox.settle(op.opId, "conflict", `The list refused this change (${e.message}).`);
            conflicts++;
          }
        }
      }
    }
    const remaining = (await this.outbox.pending()).length;
    return { sent, conflicts, remaining, requests: this.requests - before, problem: this.problem };
  }
}
