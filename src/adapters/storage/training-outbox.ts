/**
 * The corrections the pane has made into training examples (docs/decisions/0074), stored in
 * IndexedDB (through `idb`) before they are sent to the "Triage Corrections" list, so a write that
 * fails, an offline pane or a reload loses none. One entry per record key: a later record with the
 * same key (the same email corrected again in this session) replaces one not yet sent. An entry
 * holds no email text — only what the list item will hold (hashed features, labels, who, when).
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { CorrectionRecord } from "../sharepoint/corrections-list";

export interface TrainingEntry {
  readonly key: string;
  readonly record: CorrectionRecord;
  /** Which version of the record this is: a send settles only the version it sent. */
  readonly rev: number;
  readonly queuedAt: number;
}

interface TrainingDb extends DBSchema {
  records: { key: string; value: TrainingEntry };
  meta: { key: string; value: number };
}

export class TrainingOutbox {
  private constructor(private readonly db: IDBPDatabase<TrainingDb>) {}

  static async open(name = "member-triage-training"): Promise<TrainingOutbox> {
    const db = await openDB<TrainingDb>(name, 1, {
      upgrade(database) {
        database.createObjectStore("records", { keyPath: "key" });
        database.createObjectStore("meta");
      },
    });
    return new TrainingOutbox(db);
  }

  close(): void {
    this.db.close();
  }

  /** Stores the record (replacing an unsent one with its key); resolves once it is durable. */
  async put(record: CorrectionRecord, now = Date.now()): Promise<TrainingEntry> {
    const tx = this.db.transaction(["records", "meta"], "readwrite");
    const rev = ((await tx.objectStore("meta").get("rev")) ?? 0) + 1;
    await tx.objectStore("meta").put(rev, "rev");
    const entry: TrainingEntry = { key: record.key, record, rev, queuedAt: now };
    await tx.objectStore("records").put(entry);
    await tx.done;
    return entry;
  }

  /** What waits to be sent, oldest first. */
  async pending(): Promise<TrainingEntry[]> {
    return (await this.db.getAll("records")).sort((a, b) => a.queuedAt - b.queuedAt || a.rev - b.rev);
  }

  /** The list stored this version: forget it — unless a newer version of the same key came meanwhile. */
  async settle(entry: Pick<TrainingEntry, "key" | "rev">): Promise<void> {
    const tx = this.db.transaction("records", "readwrite");
    const now = await tx.store.get(entry.key);
    if (now && now.rev === entry.rev) await tx.store.delete(entry.key);
    await tx.done;
  }
}
