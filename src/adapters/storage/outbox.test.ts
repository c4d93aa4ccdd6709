import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { inquiry } from "../../../test/fixtures/inquiries";
import { Outbox, type LogOp } from "./outbox";

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
