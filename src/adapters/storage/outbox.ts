/**
 * Every write to the log is stored here before it is sent, in IndexedDB (through `idb`), so it
 * survives the pane closing, a reload or going offline, and is sent (and retried) until the list
 * confirms it. Each entry has its own id, which the list remembers, so sending it twice changes
 * nothing.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { InquiryRecord } from "../../domain/inquiry/record";
import type { Action } from "../../domain/inquiry/status";

export interface LogOp {
  readonly opId: string;
  readonly messageId: string;
  /** Creation order: ops of one inquiry are sent in this order. */
  readonly seq: number;
  readonly createdAt: number;
  /** "open": make sure the item exists; "action": a pane action; "correct": a corrected classification. */
  readonly kind: "open" | "action" | "correct";
  readonly action?: Action;
  /** For assign: whom the pane saw holding it, so a concurrent assignment is refused, not overwritten. */
  readonly expectedAssignee?: string | null;
  /** The template sent with this action ("id@version"), recorded with it. */
  readonly template?: string;
  readonly at: number;
  readonly by: string;
  /** The inquiry as the pane classified it (no body): creates the item on first sight. */
  readonly record: InquiryRecord;
  /** For "correct": the record's classification after the correction (category, priority, mailbox, policy, correctedFrom). */
  readonly corrected?: Pick<InquiryRecord, "category" | "priority" | "mailbox" | "policy" | "correctedFrom">;
  state: "pending" | "done" | "conflict";
  attempts: number;
  message?: string;
}

interface OutboxDb extends DBSchema {
  ops: { key: string; value: LogOp; indexes: { bySeq: number; byState: string } };
}

export interface OutboxStats {
  readonly pending: number;
  readonly oldestPendingAt: number | null;
  readonly conflicts: readonly LogOp[];
}

export class Outbox {
  private constructor(private readonly db: IDBPDatabase<OutboxDb>) {}

  static async open(name = "member-triage-outbox"): Promise<Outbox> {
    const db = await openDB<OutboxDb>(name, 1, {
      upgrade(database) {
        const store = database.createObjectStore("ops", { keyPath: "opId" });
        store.createIndex("bySeq", "seq");
        store.createIndex("byState", "state");
      },
    });
    return new Outbox(db);
  }

  close(): void {
    this.db.close();
  }

  /** Stores an op; resolves once it is durable. */
  async add(op: LogOp): Promise<void> {
    await this.db.put("ops", op);
  }

  /** Pending ops in the order they were made. */
  async pending(): Promise<LogOp[]> {
    const all = await this.db.getAllFromIndex("ops", "byState", "pending");
    return all.sort((a, b) => a.seq - b.seq);
  }

  async settle(opId: string, state: "done" | "conflict", message?: string): Promise<void> {
    const op = await this.db.get("ops", opId);
    if (!op) return;
    op.state = state;
    if (message !== undefined) op.message = message;
    await this.db.put("ops", op);
  }

  async attempted(opId: string): Promise<void> {
    const op = await this.db.get("ops", opId);
    if (!op) return;
    op.attempts++;
    await this.db.put("ops", op);
  }

  async stats(): Promise<OutboxStats> {
    const pending = await this.pending();
    const conflicts = await this.db.getAllFromIndex("ops", "byState", "conflict");
    return { pending: pending.length, oldestPendingAt: pending.length ? Math.min(...pending.map((p) => p.createdAt)) : null, conflicts };
  }

  /** Drops settled ops older than `before` (the list is the record of them). */
  async prune(before: number): Promise<void> {
    const tx = this.db.transaction("ops", "readwrite");
    for (const op of await tx.store.getAll()) if (op.state === "done" && op.createdAt < before) await tx.store.delete(op.opId);
    await tx.done;
  }
}
