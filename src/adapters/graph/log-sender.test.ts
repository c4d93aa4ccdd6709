import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { BusinessCalendar } from "../../domain/calendar/calendar";
import { applyAction, correctRecord, type InquiryRecord } from "../../domain/inquiry/record";
import { DEFAULT_POLICIES, policyFor } from "../../domain/sla/policies";
import { logFields } from "../sharepoint/row";
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

/** A list client that records what each batch wrote; the batch answers are scripted per op id (200 by default). */
function recordingClient(answers: Record<string, BatchOutcome[]> = {}) {
  const client = scriptedClient([]);
  const writes: { key: string; fields: Record<string, unknown> }[][] = [];
  (client.updateMany as ReturnType<typeof vi.fn>).mockImplementation(async (updates: { key: string; fields: Record<string, unknown> }[]) => {
    writes.push(updates.map((u) => ({ key: u.key, fields: u.fields })));
    return new Map(updates.map((u) => [u.key, answers[u.key]?.shift() ?? { status: 200, eTag: `"x,${writes.length + 1}"`, retryAfterSeconds: null }]));
  });
  return { client, writes };
}
const sender = (outbox: Outbox, client: InquiryListClient, sleep = vi.fn(async () => undefined)) =>
  new LogSender(outbox, client, { calendar: new BusinessCalendar(), policies: DEFAULT_POLICIES, now: () => Date.now(), sleep });

describe("the log sender, on what the advocate and the list see", () => {
  it("names the problem a person must fix for each refusal of the list, and keeps the writes waiting", async () => {
    const answers: unknown[] = [];
    for (const status of [401, 403, 404]) {
      const outbox = await Outbox.open(`refused-${status}-${Math.random()}`);
      await outbox.add(op("o1", "<m>", 1));
      const client = { find: vi.fn(async () => Promise.reject(new ListError(status, "x"))) } as unknown as InquiryListClient;
      const r = await sender(outbox, client).sendPending();
      answers.push([status, r.problem, r.unauthorized, r.remaining, (await outbox.all())[0]!.attempts]);
    }
    expect(answers).toEqual([
      [401, "signIn", true, 1, 1],
      [403, "noAccess", false, 1, 1],
      [404, "missingList", false, 1, 1],
    ]);
  });

  it("settles a change the list refuses as a conflict with the reason, and sends the inquiry's next change", async () => {
    const outbox = await Outbox.open(`bad-${Math.random()}`);
    await outbox.add({ ...op("first", "<m>", 1), createdAt: Date.now() });
    await outbox.add({ ...op("second", "<m>", 2), createdAt: Date.now() });
    const { client, writes } = recordingClient({ first: [{ status: 400, eTag: "", retryAfterSeconds: null }] });
    const r = await sender(outbox, client).sendPending();
    expect(r).toMatchObject({ sent: 1, conflicts: 1, remaining: 0, problem: null });
    expect((await outbox.stats()).conflicts.map((c) => [c.opId, c.message])).toEqual([["first", "The list refused this change (HTTP 400)."]]);
    expect(writes.map((w) => w.map((u) => u.key))).toEqual([["first"], ["second"]]);
  });

  it("reads the item again after a 412 and writes the change over what the other writer left", async () => {
    const outbox = await Outbox.open(`stale-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const { client, writes } = recordingClient({ o1: [{ status: 412, eTag: "", retryAfterSeconds: null }] });
    const r = await sender(outbox, client).sendPending();
    expect(r).toMatchObject({ sent: 1, conflicts: 0, remaining: 0 });
    expect(writes).toHaveLength(2);
    expect(client.find).toHaveBeenCalledTimes(2);
  });

  it("waits a second for an outage without Retry-After, then sends", async () => {
    const outbox = await Outbox.open(`outage-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const { client } = recordingClient({ o1: [{ status: 503, eTag: "", retryAfterSeconds: null }] });
    const sleep = vi.fn(async () => undefined);
    expect(await sender(outbox, client, sleep).sendPending()).toMatchObject({ sent: 1, remaining: 0 });
    expect(sleep.mock.calls).toEqual([[1000]]);
  });

  it("counts its requests: a look-up and a create for each new inquiry, one $batch for the round", async () => {
    const outbox = await Outbox.open(`count-${Math.random()}`);
    for (let i = 0; i < 3; i++) await outbox.add(op(`o${i}`, `<m${i}>`, i));
    const { client } = recordingClient();
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 3, requests: 7 });
  });

  it("records the op in the item so a second send changes nothing, and records a drafted template without an event", async () => {
    const outbox = await Outbox.open(`applied-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const draft = (opId: string, seq: number, template?: string): LogOp => {
      const { action: _none, ...rest } = op(opId, "<m>", seq);
      return { ...rest, kind: "draft", ...(template ? { template } : {}) };
    };
    await outbox.add(draft("d1", 2, "denial-explained@3"));
    await outbox.add(draft("d2", 3));
    const { client, writes } = recordingClient();
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 3, remaining: 0, conflicts: 0 });
    expect(writes.map((w) => w.map((u) => [u.key, u.fields["AppliedOps"], u.fields["TemplatesUsed"]]))).toEqual([
      [["o1", "o1", undefined]],
      [["d1", "o1 d1", "denial-explained@3"]],
    ]);
    await outbox.add(op("o1", "<m>", 1)); // the same op again, after a reload
    const again = recordingClient();
    (again.client.find as ReturnType<typeof vi.fn>).mockImplementation(async () => ({ id: "1", eTag: '"e,3"', fields: { InternetMessageId: "<m>", AppliedOps: "o1 d1" } }));
    expect(await sender(outbox, again.client).sendPending()).toMatchObject({ sent: 1, remaining: 0 });
    expect(again.writes).toEqual([]);
  });
});

describe("the log sender, when someone else got there first", () => {
  it("does not take an inquiry another advocate holds: the advocate is told who has it, and the round's counts say so", async () => {
    const outbox = await Outbox.open(`taken-${Math.random()}`);
    await outbox.add({ ...op("take", "<m>", 1), createdAt: Date.now(), action: { kind: "assign", to: "ana@plan.example" }, expectedAssignee: null });
    const { client, writes } = recordingClient();
    (client.find as ReturnType<typeof vi.fn>).mockImplementation(async () => ({
      id: "1",
      eTag: '"e,2"',
      fields: { InternetMessageId: "<m>", Assignee: "bo@plan.example", AssignedBy: "cy@plan.example", Status: "assigned" },
    }));
    const s = sender(outbox, client);
    expect(await s.sendPending()).toMatchObject({ sent: 0, conflicts: 1, remaining: 0 });
    expect((await outbox.stats()).conflicts.map((c) => c.message)).toEqual(["bo@plan.example already has it (assigned by cy@plan.example)."]);
    expect(writes).toEqual([]);
    expect(await s.sendPending()).toMatchObject({ sent: 0, conflicts: 0, remaining: 0, requests: 0 }); // a later call counts only its own
  });
});

const calendar = new BusinessCalendar();
/** The fields of an item the list holds for `r` (as another device wrote them), with `extra` over them. */
const listed = (r: InquiryRecord, extra: Record<string, unknown> = {}): StoredItem => ({
  id: "1",
  eTag: '"e,5"',
  fields: { ...logFields(r, calendar, DEFAULT_POLICIES, Date.now()), ...extra },
});
const onList = (client: InquiryListClient, ...items: StoredItem[]) => {
  const find = client.find as ReturnType<typeof vi.fn>;
  find.mockReset();
  for (const item of items.slice(0, -1)) find.mockImplementationOnce(async () => item);
  find.mockImplementation(async () => items[items.length - 1]!);
};

describe("the log sender, on what it writes", () => {
  it("writes only the fields an action changed, never a subject or a sender it already holds", async () => {
    const outbox = await Outbox.open(`changed-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const { client, writes } = recordingClient();
    onList(client, listed(record("<m>"))); // an item another device made, with no applied ops yet
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 1, remaining: 0 });
    const written = writes[0]![0]!.fields;
    expect(written).toMatchObject({ Status: "acknowledged", AppliedOps: "o1" });
    for (const kept of ["InternetMessageId", "Title", "SenderAddress", "Category", "Priority", "Policy", "Channel"]) expect(written, kept).not.toHaveProperty(kept);
  });

  it("keeps the last 60 applied ops in the item: the newest is added and the oldest dropped", async () => {
    const outbox = await Outbox.open(`window-${Math.random()}`);
    await outbox.add(op("o61", "<m>", 1));
    const earlier = Array.from({ length: 60 }, (_, i) => `o${i + 1}`);
    const { client, writes } = recordingClient();
    onList(client, listed(record("<m>"), { AppliedOps: earlier.join(" ") }));
    await sender(outbox, client).sendPending();
    expect(String(writes[0]![0]!.fields["AppliedOps"]).split(" ")).toEqual([...earlier.slice(1), "o61"]);
  });

  it("records the template sent with an action after the templates the inquiry already had", async () => {
    const outbox = await Outbox.open(`sent-template-${Math.random()}`);
    const acknowledged = applyAction(record("<m>"), { kind: "acknowledge" }, Date.parse("2026-03-02T15:30:00Z"), "ana");
    await outbox.add({ ...op("reply", "<m>", 1), action: { kind: "respond" }, template: "denial-explained@3" });
    await outbox.add({ ...op("done", "<m>", 2), action: { kind: "resolve" } });
    const { client, writes } = recordingClient();
    onList(client, listed(acknowledged, { TemplatesUsed: "welcome@1" }));
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 2, remaining: 0 });
    expect(writes.map((w) => w[0]!.fields["TemplatesUsed"])).toEqual(["welcome@1 denial-explained@3", undefined]); // the resolve adds none
    const fresh = await Outbox.open(`first-template-${Math.random()}`);
    await fresh.add({ ...op("reply", "<n>", 1), action: { kind: "respond" }, template: "denial-explained@3" });
    const first = recordingClient();
    onList(first.client, listed(acknowledged));
    await sender(fresh, first.client).sendPending();
    expect(first.writes[0]![0]!.fields["TemplatesUsed"]).toBe("denial-explained@3");
  });

  it("deletes each confirmed op from the browser: nothing of a written change is left in the outbox", async () => {
    const outbox = await Outbox.open(`gone-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    await outbox.add({ ...op("o2", "<m>", 2), action: { kind: "startWork" } });
    const { client } = recordingClient();
    const acknowledged = applyAction(record("<m>"), { kind: "acknowledge" }, Date.parse("2026-03-02T16:00:00Z"), "ana");
    onList(client, listed(acknowledged, { AppliedOps: "o1" })); // o1 already written, its answer lost
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 2, remaining: 0 });
    expect(await outbox.all()).toEqual([]);
  });

  it("settles every op of an inquiry already applied in one call, however many there are", async () => {
    const outbox = await Outbox.open(`resent-${Math.random()}`);
    for (let i = 1; i <= 4; i++) await outbox.add({ ...op(`o${i}`, "<m>", i) });
    const { client, writes } = recordingClient();
    onList(client, listed(record("<m>"), { AppliedOps: "o1 o2 o3 o4" })); // a reload re-queued four ops the list has
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 4, remaining: 0 });
    expect(writes).toEqual([]);
  });

  it("sends an inquiry's four changes in one call, one round each, in order", async () => {
    const outbox = await Outbox.open(`four-${Math.random()}`);
    const actions = [{ kind: "acknowledge" }, { kind: "startWork" }, { kind: "respond" }, { kind: "resolve" }] as const;
    for (const [i, action] of actions.entries()) await outbox.add({ ...op(`o${i}`, "<m>", i), action });
    const { client, writes } = recordingClient();
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 4, remaining: 0 });
    expect(writes.map((w) => w.map((u) => u.fields["Status"]))).toEqual([["acknowledged"], ["inProgress"], ["responded"], ["resolved"]]);
  });
});

describe("the log sender, when a batch does not say the change was written", () => {
  it("sends again, after a second, an update the batch left unanswered, and never takes it as written", async () => {
    const outbox = await Outbox.open(`unanswered-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const { client, writes } = recordingClient({ o1: [{ status: 0, eTag: "", retryAfterSeconds: null }] });
    const sleep = vi.fn(async () => undefined);
    expect(await sender(outbox, client, sleep).sendPending()).toMatchObject({ sent: 1, remaining: 0 });
    expect(writes).toHaveLength(2);
    expect(sleep.mock.calls).toEqual([[1000]]);
  });

  it("waits out a gateway timeout inside the batch for its Retry-After and sends in the same call", async () => {
    const outbox = await Outbox.open(`gateway-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const { client, writes } = recordingClient({ o1: [{ status: 504, eTag: "", retryAfterSeconds: 4 }] });
    const sleep = vi.fn(async () => undefined);
    expect(await sender(outbox, client, sleep).sendPending()).toMatchObject({ sent: 1, remaining: 0 });
    expect([writes.length, sleep.mock.calls]).toEqual([2, [[4000]]]);
  });

  it("answers a 3xx inside a batch as an error: the op stays waiting, tried once", async () => {
    const outbox = await Outbox.open(`redirect-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const { client } = recordingClient({ o1: [{ status: 300, eTag: "", retryAfterSeconds: null }] });
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 0, conflicts: 0, remaining: 1 });
    expect((await outbox.all()).map((o) => [o.opId, o.state, o.attempts])).toEqual([["o1", "pending", 1]]);
  });

  it("keeps the round's ops waiting when the $batch itself fails, and says so without throwing", async () => {
    const outbox = await Outbox.open(`dropped-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    await outbox.add(op("o2", "<n>", 2));
    const { client } = recordingClient();
    (client.updateMany as ReturnType<typeof vi.fn>).mockImplementation(async () => Promise.reject(new ListError(0, "no answer from the list")));
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 0, conflicts: 0, remaining: 2 });
    expect((await outbox.all()).map((o) => o.attempts)).toEqual([1, 1]);
  });

  it("writes an item someone else changed three times in a row under it, reading it again each time", async () => {
    const outbox = await Outbox.open(`busy-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const stale = { status: 412, eTag: "", retryAfterSeconds: null };
    const { client, writes } = recordingClient({ o1: [stale, stale, stale] });
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 1, remaining: 0 });
    expect(writes).toHaveLength(4);
  });

  it("gives up for this call after three rounds of a list that throttles every write, keeping the op", async () => {
    const outbox = await Outbox.open(`throttled-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const { client } = recordingClient();
    (client.updateMany as ReturnType<typeof vi.fn>).mockImplementation(async (updates: { key: string }[]) => new Map(updates.map((u) => [u.key, { status: 429, eTag: "", retryAfterSeconds: 2 }])));
    const sleep = vi.fn(async () => undefined);
    expect(await sender(outbox, client, sleep).sendPending()).toMatchObject({ sent: 0, remaining: 1 });
    expect(sleep.mock.calls).toEqual([[2000], [2000], [2000]]);
  });
});

const policyOf = (m: InquiryRecord["mailbox"], p: InquiryRecord["priority"]) => policyFor(m ?? "member-services-email", p);
/** A correction as the pane stores it: what the advocate changed on `before`, and what those fields were. */
function correction(opId: string, before: InquiryRecord, change: Parameters<typeof correctRecord>[1]): LogOp {
  const after = correctRecord(before, change, { category: before.category, priority: before.priority, mailbox: before.mailbox }, policyOf);
  const changed: Record<string, unknown> = { correctedFrom: after.correctedFrom };
  const saw: Record<string, unknown> = { correctedFrom: before.correctedFrom };
  for (const f of ["category", "priority", "mailbox", "policy"] as const) {
    if (after[f] !== before[f]) {
      changed[f] = after[f];
      saw[f] = before[f];
    }
  }
  const { action: _none, ...rest } = op(opId, before.internetMessageId, 1);
  return { ...rest, kind: "correct", record: after, corrected: changed, saw };
}
const at = Date.parse("2026-03-02T15:30:00Z");

describe("the log sender, on corrections", () => {
  it("moves an inquiry never corrected to the mailbox the advocate chose, with that mailbox's policy", async () => {
    const outbox = await Outbox.open(`moved-${Math.random()}`);
    await outbox.add(correction("fix", record("<m>"), { mailbox: "mco-escalations" }));
    const { client, writes } = recordingClient();
    onList(client, listed(record("<m>"))); // as the classifier filed it
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 1, conflicts: 0, remaining: 0 });
    expect(writes[0]![0]!.fields).toMatchObject({ Channel: "mco-escalations", Policy: "mco-escalated", ClassificationCorrected: true, CorrectedFrom: "mailbox: secure-message" });
  });

  it("gives an inquiry of no known mailbox the member-services policy when its priority is corrected", async () => {
    const outbox = await Outbox.open(`no-mailbox-${Math.random()}`);
    const unknown: InquiryRecord = { ...record("<m>"), mailbox: null, policy: "member-services-email" };
    await outbox.add(correction("fix", unknown, { priority: "high" }));
    const { client, writes } = recordingClient();
    onList(client, listed(unknown));
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 1, remaining: 0 });
    expect(writes[0]![0]!.fields).toMatchObject({ Priority: "high", ClassificationCorrected: true });
  });

  it("tells the advocate both fields someone else changed first, and counts the correction as a conflict", async () => {
    const outbox = await Outbox.open(`both-${Math.random()}`);
    await outbox.add({ ...correction("mine", record("<m>"), { category: "eligibility_enrollment", priority: "escalated" }), createdAt: Date.now() });
    const { client, writes } = recordingClient();
    const theirs = correctRecord(record("<m>"), { category: "benefits_coverage", priority: "high" }, { category: "claims_billing", priority: "routine", mailbox: "secure-message" }, policyOf);
    onList(client, listed(theirs));
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 0, conflicts: 1, remaining: 0 });
    expect((await outbox.stats()).conflicts.map((c) => c.message)).toEqual([
      "Someone else changed the category to benefits_coverage (yours, eligibility_enrollment, was not saved) and the priority to high (yours, escalated, was not saved) meanwhile; the rest of your correction was saved.",
    ]);
    expect(writes[0]![0]!.fields).toEqual({ AppliedOps: "mine" }); // nothing of theirs overwritten
  });
});

describe("the log sender, when its copy of the item is out of date", () => {
  const heldBy = (who: string, by: string | null) => {
    const assigned = applyAction(record("<m>"), { kind: "assign", to: who }, at, by ?? "x");
    return by === null ? { ...assigned, assignedBy: null } : assigned;
  };

  it("reads the item again before telling the advocate it changed: a reassignment from the holder the pane saw goes through", async () => {
    const outbox = await Outbox.open(`stale-copy-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const { client, writes } = recordingClient();
    const s = sender(outbox, client);
    expect(await s.sendPending()).toMatchObject({ sent: 1 }); // the sender now holds its own copy: acknowledged, nobody assigned
    onList(client, listed(heldBy("bo@plan.example", "cy@plan.example"), { AppliedOps: "o1" })); // the on-send runtime assigned it to Bo since
    await outbox.add({ ...op("take", "<m>", 2), action: { kind: "assign", to: "ana@plan.example" }, expectedAssignee: "bo@plan.example" });
    expect(await s.sendPending()).toMatchObject({ sent: 1, conflicts: 0, remaining: 0 });
    expect(writes[1]![0]!.fields).toMatchObject({ Assignee: "ana@plan.example" });
  });

  it("says an assignment was taken by someone unknown, or dropped meanwhile, in words", async () => {
    const messages: (string | undefined)[] = [];
    for (const [item, expected] of [
      [listed(heldBy("bo@plan.example", null)), null],
      [listed(record("<m>")), "bo@plan.example"],
    ] as const) {
      const outbox = await Outbox.open(`taken-by-${Math.random()}`);
      await outbox.add({ ...op("take", "<m>", 1), createdAt: Date.now(), action: { kind: "assign", to: "ana@plan.example" }, expectedAssignee: expected });
      const { client } = recordingClient();
      onList(client, item);
      expect(await sender(outbox, client).sendPending()).toMatchObject({ conflicts: 1, remaining: 0 });
      messages.push(...(await outbox.stats()).conflicts.map((c) => c.message));
    }
    expect(messages).toEqual(["bo@plan.example already has it (assigned by someone).", "It was unassigned meanwhile."]);
  });

  it("settles a status change someone else overtook as a conflict that says what the inquiry is now", async () => {
    const outbox = await Outbox.open(`overtaken-${Math.random()}`);
    await outbox.add({ ...op("work", "<m>", 1), createdAt: Date.now(), action: { kind: "startWork" } });
    const { client, writes } = recordingClient();
    onList(client, listed(applyAction(heldBy("bo@plan.example", "cy@plan.example"), { kind: "resolve" }, at + 1, "bo@plan.example")));
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 0, conflicts: 1, remaining: 0 });
    expect((await outbox.stats()).conflicts.map((c) => c.message)).toEqual(["This inquiry is resolved: reopen it before you work on it. (someone else changed it: it is now resolved)."]);
    expect(writes).toEqual([]);
  });
});

describe("the log sender's bound on one call", () => {
  it("settles at most 10,000 of one inquiry's ops in a call (one a round); the rest wait for the next call", async () => {
    // an outbox in memory: 10,001 "open" ops of one inquiry, each settled without a write
    const ops = Array.from({ length: 10_001 }, (_, i): LogOp => {
      const { action: _none, ...rest } = op(`o${i}`, "<m>", i);
      return { ...rest, kind: "open" };
    });
    const outbox = {
      pending: async () => ops.filter((o) => o.state === "pending"),
      settle: async (opId: string, state: "done" | "conflict") => void (ops.find((o) => o.opId === opId)!.state = state),
      attempted: async () => undefined,
      prune: async () => undefined,
    } as unknown as Outbox;
    const { client, writes } = recordingClient();
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 10_000, remaining: 1 });
    expect(writes).toEqual([]);
  });
});

describe("the log sender, on its own clock and on a read refused with 412", () => {
  it("waits out a Retry-After on the clock when no sleep is given, then sends in the same call", async () => {
    const outbox = await Outbox.open(`clock-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const { client, writes } = recordingClient({ o1: [{ status: 429, eTag: "", retryAfterSeconds: 0.02 }] });
    const started = Date.now();
    const sending = new LogSender(outbox, client, { calendar: new BusinessCalendar(), policies: DEFAULT_POLICIES, now: () => Date.now() }).sendPending();
    const stuck = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("still waiting after 2 s")), 2000));
    expect(await Promise.race([sending, stuck])).toMatchObject({ sent: 1, remaining: 0 });
    expect(writes).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it("keeps a change waiting when reading its item is answered 412: never settled as refused", async () => {
    const outbox = await Outbox.open(`read-412-${Math.random()}`);
    await outbox.add(op("o1", "<m>", 1));
    const client = { find: vi.fn(async () => Promise.reject(new ListError(412, "HTTP 412"))) } as unknown as InquiryListClient;
    expect(await sender(outbox, client).sendPending()).toMatchObject({ sent: 0, conflicts: 0, remaining: 1, problem: null });
    expect((await outbox.stats()).conflicts).toEqual([]);
  });
});
