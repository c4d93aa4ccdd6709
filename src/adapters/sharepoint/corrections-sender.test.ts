import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { TrainingOutbox } from "../storage/training-outbox";
import type { CorrectionRecord } from "./corrections-list";
import { CorrectionsSender } from "./corrections-sender";

const record = (key: string, category = "claims_billing"): CorrectionRecord => ({
  key,
  kind: "correction",
  labels: { category, senderType: "member", priority: "routine", flags: [] },
  features: { hashes: Uint32Array.from([1, 2, 3]), values: Float32Array.from([1, 0.5, 0.25]) },
  base: { version: "shared-test", logits: Float32Array.from([0.1, -0.2]) },
  classifiedBy: "shared-test",
  correctedBy: "ana@plan.example",
  correctedAt: "2026-03-04T16:00:00.000Z",
});

/** A list that stores by key (as writeCorrection's upsert does), failing the first `failures` writes. */
function fakeList(failures = 0) {
  const stored = new Map<string, CorrectionRecord>();
  let calls = 0;
  return {
    stored,
    get calls() {
      return calls;
    },
    write: async (r: CorrectionRecord) => {
      calls++;
      if (failures-- > 0) throw Object.assign(new Error("offline"), { statusCode: 0 });
      stored.set(r.key, r);
    },
  };
}

describe("the corrections outbox and its sender", () => {
  it("stores a correction before sending it, and keeps it through failed writes until the list has it", async () => {
    const name = `training-${Math.random()}`;
    const offline = fakeList(Infinity);
    const failures: number[] = [];
    const sender = new CorrectionsSender(await TrainingOutbox.open(name), { write: offline.write, onFailure: (s) => failures.push(s), maxBackoffMs: 5 });
    await sender.record(record("k1"));
    expect(await sender.pending()).toHaveLength(1); // durable before any write answered
    await sender.flush();
    await expect.poll(() => offline.calls).toBeGreaterThanOrEqual(3); // tried again, with backoff
    expect(failures.every((s) => s === 0)).toBe(true); // a status code only
    expect(await sender.pending()).toHaveLength(1); // never dropped
    sender.stop();
    // a new pane (a reload, back online) finds what the first left unsent, and sends it once
    const online = fakeList();
    const again = new CorrectionsSender(await TrainingOutbox.open(name), { write: online.write });
    await again.flush();
    expect([...online.stored.keys()]).toEqual(["k1"]);
    expect(online.stored.get("k1")!.features.hashes).toEqual(Uint32Array.from([1, 2, 3])); // stored as it was made
    expect(await again.pending()).toEqual([]);
    await again.flush();
    expect(online.calls).toBe(1);
    again.stop();
  });

  it("keeps one entry per key: the email corrected again replaces the unsent example, and a newer version is not forgotten by an older send", async () => {
    const outbox = await TrainingOutbox.open(`training-${Math.random()}`);
    const first = await outbox.put(record("k1", "claims_billing"));
    await outbox.put(record("k1", "grievance"));
    const pending = await outbox.pending();
    expect(pending.map((e) => e.record.labels.category)).toEqual(["grievance"]);
    await outbox.settle(first); // the older version's write came back: the newer one still waits
    expect(await outbox.pending()).toHaveLength(1);
    await outbox.settle(pending[0]!);
    expect(await outbox.pending()).toEqual([]);
  });

  it("sends in the background after a correction, without being asked", async () => {
    const list = fakeList();
    const sender = new CorrectionsSender(await TrainingOutbox.open(`training-${Math.random()}`), { write: list.write }).start();
    await sender.record(record("k2"));
    await expect.poll(() => list.stored.has("k2")).toBe(true);
    sender.stop();
  });
});
