/**
 * Every write to the log is stored here before it is sent, in IndexedDB (through `idb`), so it
 * survives the pane closing, a reload or going offline, and is sent (and retried) until the list
 * confirms it. Each entry has its own id, which the list remembers, so sending it twice changes
 * nothing. Once the list confirms an entry it is deleted (the list is the record; the entry holds a
 * subject and a sender); refused ones are kept for the pane to show, the newest few only.
 *
 * Order: every runtime on the device (the pane, the on-send handler) shares this database, and an
 * entry's place is the time its action was made, then a counter the database keeps for the whole
 * device — not which runtime queued it or when that runtime started.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { InquiryRecord } from "../../domain/inquiry/record";
import type { Action } from "../../domain/inquiry/status";

export interface LogOp {
  readonly opId: string;
  readonly messageId: string;
  /** The device's counter when it was queued: breaks ties between ops made in the same millisecond. */
  readonly seq: number;
  readonly createdAt: number;
  /** "open": make sure the item exists; "action": a pane action; "correct": a corrected classification; "draft": a reply drafted from `template` (no event: it may never be sent). */
  readonly kind: "open" | "action" | "correct" | "draft";
  readonly action?: Action;
  /** For assign: whom the pane saw holding it, so a concurrent assignment is refused, not overwritten. */
  readonly expectedAssignee?: string | null;
  /** The template sent with this action ("id@version"), recorded with it. */
  readonly template?: string;
  readonly at: number;
  readonly by: string;
  /** The inquiry as the pane classified it (no body): creates the item on first sight. */
  readonly record: InquiryRecord;
  /** For "correct": the fields the advocate changed, with their new values (and what the classifier had said). */
  readonly corrected?: CorrectedFields;
  /** For "correct": the same fields as the pane saw them before the change, so a change someone made since is kept. */
  readonly saw?: CorrectedFields;
  state: "pending" | "done" | "conflict";
  attempts: number;
  message?: string;
}

export type CorrectedFields = Partial<Pick<InquiryRecord, "category" | "priority" | "mailbox" | "policy" | "correctedFrom">>;

interface OutboxDb extends DBSchema {
  ops: { key: string; value: LogOp; indexes: { bySeq: number; byState: string } };
  meta: { key: string; value: number };
}

/** Refused ops kept for the pane to show; older ones go (the advocate has seen them, or never will). */
export const KEEP_CONFLICTS = 50;
export const KEEP_CONFLICTS_MS = 7 * 86_400_000;

/** The order ops are sent in: when the action was made, then the device's counter. */
export function opOrder(a: Pick<LogOp, "at" | "seq">, b: Pick<LogOp, "at" | "seq">): number {
  return a.at - b.at || a.seq - b.seq;
}

export interface OutboxStats {
  readonly pending: number;
  readonly oldestPendingAt: number | null;
  readonly conflicts: readonly LogOp[];
}

/**
 * The browser database the pane's Microsoft 365 log keeps its waiting writes in. Renaming it would
 * strand, after an upgrade, every write an earlier version left waiting: it never changes.
 */
export const OUTBOX_DATABASE = "member-triage-outbox";

export class Outbox {
  private constructor(private readonly db: IDBPDatabase<OutboxDb>) {}

  static async open(name = OUTBOX_DATABASE): Promise<Outbox> {
    const db = await openDB<OutboxDb>(name, 2, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          const store = database.createObjectStore("ops", { keyPath: "opId" });
          store.createIndex("bySeq", "seq");
          store.createIndex("byState", "state");
        }
        if (oldVersion < 2) database.createObjectStore("meta");
      },
    });
    return new Outbox(db);
  }

  close(): void {
    this.db.close();
  }

  /** Stores an op as given (its seq included); resolves once it is durable. */
  async add(op: LogOp): Promise<void> {
    await this.db.put("ops", op);
  }

  /** Stores a new op with the device's next counter value, in one transaction (runtimes sharing the database never draw the same one). */
  async enqueue(op: Omit<LogOp, "seq">): Promise<LogOp> {
    const tx = this.db.transaction(["ops", "meta"], "readwrite");
    const seq = ((await tx.objectStore("meta").get("seq")) ?? 0) + 1;
    await tx.objectStore("meta").put(seq, "seq");
    const stored: LogOp = { ...op, seq };
    await tx.objectStore("ops").put(stored);
    await tx.done;
    return stored;
  }

  /** Pending ops in the order they were made, whichever runtime made them. */
  async pending(): Promise<LogOp[]> {
    const all = await this.db.getAllFromIndex("ops", "byState", "pending");
    return all.sort(opOrder);
  }

  /** The op's end: confirmed by the list (deleted: the list is its record) or refused (kept, with why, for the pane). */
  async settle(opId: string, state: "done" | "conflict", message?: string): Promise<void> {
    if (state === "done") {
      await this.db.delete("ops", opId);
      return;
    }
    const op = await this.db.get("ops", opId);
    if (!op) return;
    op.state = state;
    if (message !== undefined) op.message = message;
    await this.db.put("ops", op);
  }

  /** Every op still stored (pending and refused), for tests and the pane's own checks. */
  async all(): Promise<LogOp[]> {
    return this.db.getAll("ops");
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

  /**
   * Keeps the refused ops bounded: the newest `keep`, none older than `before`; and drops any done
   * op an older version left behind.
   */
  async prune(before: number, keep = KEEP_CONFLICTS): Promise<void> {
    const tx = this.db.transaction("ops", "readwrite");
    const all = await tx.store.getAll();
    const conflicts = all.filter((op) => op.state === "conflict").sort((a, b) => b.createdAt - a.createdAt);
    const drop = [...all.filter((op) => op.state === "done"), ...conflicts.filter((op, i) => i >= keep || op.createdAt < before)];
    for (const op of drop) await tx.store.delete(op.opId);
    await tx.done;
  }
}
