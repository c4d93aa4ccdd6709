import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { inquiry } from "../../../test/fixtures/inquiries";
import { openDB } from "idb";
import { OUTBOX_DATABASE, Outbox, type LogOp } from "./outbox";

const op = (opId: string, at: number, over: Partial<LogOp> = {}): Omit<LogOp, "seq"> => ({
  opId, messageId: "<CAJ+x7Q=a@mail.gmail.com>", createdAt: Date.now(), kind: "action", action: { kind: "acknowledge" }, at, by: "ana", record: inquiry(), state: "pending", attempts: 0, ...over,
});

describe("the outbox", () => {
  it("orders ops by when they were made, then by the device's counter, whichever runtime queued them", async () => {
    const name = `order-${Math.random()}`;
    const pane = await Outbox.open(name);
    const onSend = await Outbox.open(name); // a second runtime, started later, on the same device
    await pane.enqueue(op("resolve", 2000));
    await onSend.enqueue(op("respond", 1000));
    await onSend.enqueue(op("same-ms-first", 3000));
    await pane.enqueue(op("same-ms-second", 3000));
    expect((await pane.pending()).map((o) => o.opId)).toEqual(["respond", "resolve", "same-ms-first", "same-ms-second"]);
  });

  it("forgets an op once the list confirms it, and keeps only the newest refused ones", async () => {
    const box = await Outbox.open(`prune-${Math.random()}`);
    await box.enqueue(op("sent", 1));
    await box.settle("sent", "done");
    expect(await box.all()).toEqual([]);
    for (let i = 0; i < 60; i++) {
      await box.enqueue(op(`c${i}`, i, { createdAt: Date.now() - (60 - i) * 1000 }));
      await box.settle(`c${i}`, "conflict", "refused");
    }
    await box.enqueue(op("old", 1, { createdAt: Date.now() - 30 * 86_400_000 }));
    await box.settle("old", "conflict", "refused");
    await box.prune(Date.now() - 7 * 86_400_000, 50);
    const left = (await box.stats()).conflicts.map((c) => c.opId).sort();
    expect(left.length).toBe(50);
    expect(left).not.toContain("old");
    expect(left).toContain("c59");
    expect(left).not.toContain("c0");
  });
});

describe("the outbox's figures for the pane", () => {
  it("says how many ops wait and since when, counts each attempt, and keeps a refused op's reason", async () => {
    const box = await Outbox.open(`stats-${Math.random()}`);
    expect(await box.stats()).toEqual({ pending: 0, oldestPendingAt: null, conflicts: [] });
    await box.enqueue(op("later", 2, { createdAt: 5_000 }));
    await box.enqueue(op("earlier", 1, { createdAt: 3_000 }));
    await box.enqueue(op("refused", 3, { createdAt: 1_000 }));
    await box.settle("refused", "conflict", "Someone else resolved it.");
    const s = await box.stats();
    expect({ pending: s.pending, oldestPendingAt: s.oldestPendingAt, conflicts: s.conflicts.map((c) => [c.opId, c.state, c.message]) }).toEqual({
      pending: 2,
      oldestPendingAt: 3_000,
      conflicts: [["refused", "conflict", "Someone else resolved it."]],
    });
    await box.attempted("later");
    await box.attempted("later");
    await box.attempted("no-such-op");
    expect((await box.all()).find((o) => o.opId === "later")!.attempts).toBe(2);
    await box.settle("no-such-op", "conflict", "x"); // nothing to settle: nothing is made up
    expect((await box.all()).map((o) => o.opId).sort()).toEqual(["earlier", "later", "refused"]);
    box.close();
  });

  it("keeps at most 50 refused ops by default, drops any done op an older version left, and keeps pending ones whatever their age", async () => {
    const box = await Outbox.open(`keep-${Math.random()}`);
    for (let i = 0; i < 55; i++) {
      await box.enqueue(op(`c${i}`, i, { createdAt: 10_000 + i }));
      await box.settle(`c${i}`, "conflict");
    }
    await box.add({ ...op("left-done", 1), seq: 999, state: "done" });
    await box.enqueue(op("old-pending", 1, { createdAt: 1 }));
    await box.prune(5_000);
    const all = await box.all();
    expect(all.filter((o) => o.state === "conflict")).toHaveLength(50);
    expect(all.find((o) => o.opId === "c4")).toBeUndefined();
    expect(all.find((o) => o.opId === "c5")!.message).toBeUndefined();
    expect(all.find((o) => o.opId === "left-done")).toBeUndefined();
    expect(all.find((o) => o.opId === "old-pending")!.state).toBe("pending");
  });
});

describe("the outbox over time", () => {
  it("numbers the device's ops 1, 2, 3 and sends ops made in the same millisecond in that order, whatever their ids", async () => {
    const box = await Outbox.open(`seq-${Math.random()}`);
    const seqs = [];
    for (const id of ["z", "m", "a", "q"]) seqs.push((await box.enqueue(op(id, 5000))).seq);
    expect(seqs).toEqual([1, 2, 3, 4]);
    expect((await box.pending()).map((o) => o.opId)).toEqual(["z", "m", "a", "q"]);
  });

  it("keeps the ops of a device that had the first version of the outbox, and numbers new ones", async () => {
    const name = `v1-${Math.random()}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        const store = db.createObjectStore("ops", { keyPath: "opId" });
        store.createIndex("bySeq", "seq");
        store.createIndex("byState", "state");
      },
    });
    await v1.put("ops", { ...op("from-v1", 1), seq: 0 });
    v1.close();
    const box = await Outbox.open(name);
    await box.enqueue(op("new", 2));
    expect((await box.pending()).map((o) => [o.opId, o.seq])).toEqual([
      ["from-v1", 0],
      ["new", 1],
    ]);
  });

  it("drops a refused op once it is older than the cut-off, however few there are", async () => {
    const box = await Outbox.open(`age-${Math.random()}`);
    for (const [id, createdAt] of [["old", 999], ["at-cut", 1000], ["new", 1001]] as const) {
      await box.enqueue(op(id, 1, { createdAt }));
      await box.settle(id, "conflict", "refused");
    }
    await box.prune(1000);
    expect((await box.stats()).conflicts.map((c) => c.opId).sort()).toEqual(["at-cut", "new"]);
  });
});

describe("the outbox after an upgrade of the add-in", () => {
  it("opens, by default and for the pane's Microsoft 365 log, the database earlier versions wrote, so writes still waiting there are sent", async () => {
    expect(OUTBOX_DATABASE).toBe("member-triage-outbox"); // the name every earlier version used
    const earlier = await Outbox.open("member-triage-outbox"); // what a previous version of the add-in left in the browser
    await earlier.enqueue(op("waiting", 1000));
    earlier.close();
    const now = await Outbox.open();
    expect((await now.pending()).map((o) => o.opId)).toEqual(["waiting"]);
    now.close();
  });
});

describe("the outbox's own end", () => {
  it("closes its database, so the browser can delete or upgrade it without waiting", async () => {
    const name = `close-${Math.random()}`;
    const box = await Outbox.open(name);
    box.close();
    const blocked = await new Promise<boolean>((resolve) => {
      const req = indexedDB.deleteDatabase(name);
      req.onblocked = () => resolve(true);
      req.onsuccess = () => resolve(false);
    });
    expect(blocked).toBe(false);
  });

  it("keeps a refused op's reason when it is settled again without one", async () => {
    const box = await Outbox.open(`resettle-${Math.random()}`);
    await box.enqueue(op("r", 1000));
    await box.settle("r", "conflict", "The list refused this change (HTTP 400).");
    await box.settle("r", "conflict");
    expect((await box.all()).map((o) => [o.opId, o.state, o.message])).toEqual([["r", "conflict", "The list refused this change (HTTP 400)."]]);
    box.close();
  });
});
