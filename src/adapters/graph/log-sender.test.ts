import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { BusinessCalendar } from "../../domain/calendar/calendar";
import type { InquiryRecord } from "../../domain/inquiry/record";
import { DEFAULT_POLICIES } from "../../domain/sla/policies";
import { Outbox, type LogOp } from "../storage/outbox";
import { ListError, type BatchOutcome, type InquiryListClient, type StoredItem } from "./list-client";
import { LogSender } from "./log-sender";

const record = (m: string): InquiryRecord => ({
  internetMessageId: m, subject: "s", mailbox: "secure-message", receivedAt: Date.parse("2026-03-02T15:00:00Z"), senderAddress: "a@example.com",
  senderType: "member", category: "claims_billing", priority: "routine", flags: [], policy: "secure-message", status: "new",
  assignee: null, assignedBy: null, assignedAt: null, confirmationNumber: null, correctedFrom: {}, notes: "", history: [], events: [],
});
const op = (opId: string, m: string, seq: number): LogOp => ({
  opId, messageId: m, seq, createdAt: seq, kind: "action", action: { kind: "acknowledge" }, at: Date.parse("2026-03-02T16:00:00Z"), by: "ana", record: record(m), state: "pending", attempts: 0,
});

/** A list client whose batch answers are scripted. */
function scriptedClient(batches: ((keys: string[]) => Map<string, BatchOutcome>)[]) {
  const items = new Map<string, StoredItem>();
  let n = 0;
  const client = {
    find: vi.fn(async (m: string) => items.get(m) ?? null),
    create: vi.fn(async (fields: Record<string, unknown>) => {
      const item = { id: String(++n), eTag: `"e${n},1"`, fields };
      items.set(String(fields["InternetMessageId"]), item);
      return item;
    }),
    updateMany: vi.fn(async (updates: { key: string }[]) => batches.shift()!(updates.map((u) => u.key))),
  };
  return client as unknown as InquiryListClient & { updateMany: ReturnType<typeof vi.fn> };
}

describe("the log sender", () => {
  it("writes the next change of several inquiries in one $batch, and waits out a 429 inside it", async () => {
    const outbox = await Outbox.open(`sender-${Math.random()}`);
    for (let i = 0; i < 3; i++) await outbox.add(op(`o${i}`, `<m${i}>`, i));
    const ok = (keys: string[]) => new Map(keys.map((k) => [k, { status: 200, eTag: `"x,2"`, retryAfterSeconds: null }]));
    const client = scriptedClient([
      (keys) => new Map(keys.map((k, i) => [k, i === 1 ? { status: 429, eTag: "", retryAfterSeconds: 7 } : { status: 200, eTag: `"x,2"`, retryAfterSeconds: null }])),
      ok,
    ]);
    const sleep = vi.fn(async () => undefined);
    const r = await new LogSender(outbox, client, { calendar: new BusinessCalendar(), policies: DEFAULT_POLICIES, now: () => Date.now(), sleep }).sendPending();
    expect(r).toMatchObject({ sent: 3, remaining: 0, conflicts: 0 });
    expect(client.updateMany).toHaveBeenCalledTimes(2);
    expect(client.updateMany.mock.calls[0]![0]).toHaveLength(3); // three inquiries, one batch
    expect(client.updateMany.mock.calls[1]![0]).toHaveLength(1); // the throttled one, after its Retry-After
    expect(sleep).toHaveBeenCalledWith(7000);
  });

  it("keeps an inquiry's changes in order: the second waits for the first", async () => {
    const outbox = await Outbox.open(`order-${Math.random()}`);
    await outbox.add(op("first", "<m>", 1));
    await outbox.add({ ...op("second", "<m>", 2), action: { kind: "startWork" } });
    const seen: string[][] = [];
    const client = scriptedClient([
      (keys) => (seen.push(keys), new Map(keys.map((k) => [k, { status: 200, eTag: `"x,2"`, retryAfterSeconds: null }]))),
      (keys) => (seen.push(keys), new Map(keys.map((k) => [k, { status: 200, eTag: `"x,3"`, retryAfterSeconds: null }]))),
    ]);
    await new LogSender(outbox, client, { calendar: new BusinessCalendar(), policies: DEFAULT_POLICIES, now: () => Date.now(), sleep: async () => undefined }).sendPending();
    expect(seen).toEqual([["first"], ["second"]]);
  });

  it("keeps writes waiting and asks for sign-in when the token is expired or refused", async () => {
    const outbox = await Outbox.open(`auth-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const client = {
      find: vi.fn(async () => {
        throw new ListError(401, "InvalidAuthenticationToken");
      }),
    } as unknown as InquiryListClient;
    const r = await new LogSender(outbox, client, { calendar: new BusinessCalendar(), policies: DEFAULT_POLICIES, now: () => Date.now(), sleep: async () => undefined }).sendPending();
    expect(r).toMatchObject({ sent: 0, remaining: 1, problem: "signIn", conflicts: 0 });
    expect((await outbox.stats()).pending).toBe(1);
  });

  it("says a 403 from the list is missing access, not sign-in, and keeps the writes waiting", async () => {
    const outbox = await Outbox.open(`forbidden-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const client = {
      find: vi.fn(async () => {
        throw new ListError(403, "accessDenied");
      }),
    } as unknown as InquiryListClient;
    const r = await new LogSender(outbox, client, { calendar: new BusinessCalendar(), policies: DEFAULT_POLICIES, now: () => Date.now(), sleep: async () => undefined }).sendPending();
    expect(r).toMatchObject({ sent: 0, remaining: 1, problem: "noAccess", conflicts: 0 });
    expect((await outbox.stats()).pending).toBe(1);
  });
});
