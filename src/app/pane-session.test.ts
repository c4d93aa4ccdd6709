import { describe, expect, it, vi } from "vitest";
import type { InquiryLogService } from "../adapters/graph/log-service";
import type { MailboxAdapter, MailItem } from "../adapters/mailbox/types";
import { loadModel } from "../cli/model";
import type { CorrectionRecord } from "../adapters/sharepoint/corrections-list";
import type { LinearModel } from "../domain/classify/model";
import { fitAdjustment } from "../domain/classify/tenant";
import { privateFeatures } from "../domain/classify/private-features";
import type { InquiryRecord } from "../domain/inquiry/record";
import { DEFAULT_SETTINGS } from "../domain/settings";
import { classifierFor, calendarFor } from "./compose";
import { PaneSession } from "./pane-session";
import type { PaneServices } from "./services";

const item = (id: string): MailItem => ({
  itemId: id,
  internetMessageId: `<${id}@example.com>`,
  conversationId: `c-${id}`,
  subject: "Claim denied",
  from: { name: "Pat Doe", address: "pat@example.com" },
  to: [{ name: "", address: "securemessages@plan.example" }],
  cc: [],
  body: { type: "text", content: "My claim was denied, why?" },
  receivedAt: "2026-03-04T09:00:00-06:00",
  mailboxAddress: "securemessages@plan.example",
});

const shared = loadModel();

interface Training {
  readonly written: CorrectionRecord[];
  readonly tenantModel?: () => Promise<LinearModel | null>;
}

function setup(stored: Partial<InquiryRecord> | null, training?: Training) {
  let current: MailItem | null = item("m1");
  const changed = new Set<() => void>();
  const mailbox = {
    hostName: "test",
    isEmulator: true,
    clockOffsetMs: 0,
    readItem: async () => current,
    onItemChanged: (l: () => void) => (changed.add(l), () => changed.delete(l)),
    reply: async () => undefined,
    isComposing: () => false,
    insertAtCursor: async () => undefined,
    readDraftText: async () => "",
  } satisfies MailboxAdapter;
  const service = {
    subscribe: () => () => undefined,
    lookupRecord: vi.fn(async (_: string, fallback: InquiryRecord) => (stored ? { ...fallback, ...stored } : null)),
    pendingFor: async () => [],
    intake: vi.fn(async () => undefined),
    act: vi.fn(async () => undefined),
    correct: vi.fn(async () => undefined),
    retryNow: () => undefined,
  };
  const services: PaneServices = {
    mailbox,
    store: { get: async () => undefined, set: async () => undefined, delete: async () => undefined },
    settings: DEFAULT_SETTINGS,
    classifier: classifierFor(DEFAULT_SETTINGS, shared),
    calendar: calendarFor(DEFAULT_SETTINGS),
    templates: [],
    log: Promise.resolve({
      service: service as unknown as InquiryLogService,
      signIn: { kind: "local", user: async () => ({ upn: "ana@plan.example", name: "ana" }), getAccessToken: async () => "t" },
      templates: Promise.resolve([]),
      ...(training ? { corrections: async (r: CorrectionRecord) => void training.written.push(r) } : {}),
      ...(training?.tenantModel ? { tenantModel: training.tenantModel } : {}),
    }),
    ...(training ? { models: { shared, classifierOn: (m: LinearModel) => classifierFor(DEFAULT_SETTINGS, m) } } : {}),
  };
  const session = new PaneSession(services);
  const open = (id: string) => {
    current = item(id);
    for (const l of changed) l();
  };
  return { session, service, open };
}

const settled = () => new Promise((r) => setTimeout(r, 50));

describe("the pane's session", () => {
  it("shows the email's triage, then what the list holds for it, and an action at once", async () => {
    const { session, service } = setup({ status: "assigned", assignee: "ben@plan.example" });
    const stop = session.start();
    await vi.waitFor(() => expect(session.snapshot().worked?.assignee).toBe("ben@plan.example"));
    expect(session.snapshot().view?.category).toBeTruthy();
    expect(service.intake).not.toHaveBeenCalled(); // already logged
    const acting = session.act({ kind: "acknowledge" });
    expect(session.snapshot().worked?.status).toBe("acknowledged"); // before the outbox has it
    await acting;
    expect(service.act).toHaveBeenCalledTimes(1);
    stop();
  });

  it("logs the arrival of mail the list has never seen, and says why an action is refused", async () => {
    const { session, service } = setup(null);
    const stop = session.start();
    await vi.waitFor(() => expect(service.intake).toHaveBeenCalledTimes(1));
    await session.act({ kind: "resolve" });
    expect(session.snapshot().actionError).toMatch(/./);
    expect(service.act).not.toHaveBeenCalled();
    stop();
  });

  it("follows the open item: a newly selected email is read and shown, the earlier one's state dropped", async () => {
    const { session, service, open } = setup({ status: "assigned", assignee: "ben@plan.example" });
    const stop = session.start();
    await vi.waitFor(() => expect(session.snapshot().worked?.internetMessageId).toBe("<m1@example.com>"));
    open("m2");
    await settled();
    await vi.waitFor(() => expect(session.snapshot().worked?.internetMessageId).toBe("<m2@example.com>"));
    expect(service.lookupRecord.mock.calls.map((c) => c[0])).toEqual(["<m1@example.com>", "<m2@example.com>"]);
    stop();
  });

  it("writes a correction as a training example with no text, subject, address or id of the email: one per email, the latest labels", async () => {
    const written: CorrectionRecord[] = [];
    const { session } = setup({ status: "new" }, { written });
    const stop = session.start();
    await vi.waitFor(() => expect(session.snapshot().worked).not.toBeNull());
    const shown = session.snapshot().view!;
    const other = shown.category === "grievance" ? "appeal" : "grievance";
    await session.correct({ category: other });
    await vi.waitFor(() => expect(written).toHaveLength(1));
    const r = written[0]!;
    expect(r).toMatchObject({ kind: "correction", labels: { category: other, priority: shown.priority }, classifiedBy: shared.header.version, correctedBy: "ana@plan.example" });
    expect(r.features.hashes.length).toBeGreaterThan(0);
    // the record the pane hands to the outbox, as it would be stored: nothing of the email in it
    const text = JSON.stringify({ ...r, features: [...r.features.hashes], base: [...r.base.logits] });
    for (const leak of ["Claim denied", "claim", "denied", "Pat", "pat@example.com", "securemessages", "m1@example.com", "c-m1", "m1"]) expect(text).not.toContain(leak);
    expect(Object.keys(r).sort()).toEqual(["base", "classifiedBy", "correctedAt", "correctedBy", "features", "key", "kind", "labels"]);
    // corrected again (the priority too), and acted on: still one example of the email, with the newest labels, the same key
    await session.correct({ category: other, priority: "high" });
    await session.act({ kind: "acknowledge" });
    await vi.waitFor(() => expect(written).toHaveLength(2));
    await settled();
    expect(written).toHaveLength(2);
    expect(written[1]).toMatchObject({ key: r.key, kind: "correction", labels: { category: other, priority: "high" } });
    // the correction undone: the same example now confirms the classification
    await session.correct(undefined);
    await vi.waitFor(() => expect(written).toHaveLength(3));
    expect(written[2]).toMatchObject({ key: r.key, kind: "confirmation", labels: { category: shown.category, priority: shown.priority } });
    stop();
  });

  it("writes a confirmation once per email when the advocate acts on it as classified, and none for a mailbox alone", async () => {
    const written: CorrectionRecord[] = [];
    const { session, open } = setup({ status: "new" }, { written });
    const stop = session.start();
    await vi.waitFor(() => expect(session.snapshot().worked).not.toBeNull());
    await session.correct({ mailbox: "member-services-email" });
    await settled();
    expect(written).toHaveLength(0);
    await session.correct(undefined);
    await session.act({ kind: "assign", assignee: "ana@plan.example" } as never);
    await session.act({ kind: "acknowledge" });
    await vi.waitFor(() => expect(written).toHaveLength(1));
    await settled();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ kind: "confirmation", labels: { category: session.snapshot().view!.category } });
    open("m2");
    await vi.waitFor(() => expect(session.snapshot().worked?.internetMessageId).toBe("<m2@example.com>"));
    await session.act({ kind: "acknowledge" });
    await vi.waitFor(() => expect(written).toHaveLength(2));
    expect(written[1]!.key).not.toBe(written[0]!.key);
    stop();
  });

  it("classifies with the shared model first, then with the tenant's model once it is read, and shows its version", async () => {
    let arrive: (m: LinearModel | null) => void = () => undefined;
    const tenant = new Promise<LinearModel | null>((r) => (arrive = r));
    const { session } = setup({ status: "new" }, { written: [], tenantModel: () => tenant });
    const stop = session.start();
    await vi.waitFor(() => expect(session.snapshot().view).not.toBeNull());
    expect(session.snapshot().view!.classification.modelVersion).toBe(shared.header.version); // the first paint does not wait
    const features = privateFeatures({ subject: "claim denied", own: "my claim was denied why", quoted: "", structure: [] } as never, shared);
    const ex = { features, labels: { category: "appeal", senderType: "member", priority: "routine", flags: [] }, weight: 1, advocate: "ana" };
    const adjustment = fitAdjustment(shared, [ex, ex, ex], { version: "tenant-v3" });
    arrive(adjustment);
    await vi.waitFor(() => expect(session.snapshot().view!.classification.modelVersion).toBe(`${shared.header.version}+tenant-v3`));
    stop();
  });

  it("keeps the shared model when the tenant's model cannot be read or was fitted on another shared model", async () => {
    const fitted = fitAdjustment(shared, [], { version: "tenant-v1" });
    const onAnother = Object.assign(Object.create(Object.getPrototypeOf(fitted) as object) as LinearModel, fitted, {
      header: { ...fitted.header, trainedOn: { ...fitted.header.trainedOn, corpusHash: "shared-0000000000" } },
    });
    for (const tenantModel of [() => Promise.reject(new Error("offline")), async () => onAnother, async () => null]) {
      const { session } = setup({ status: "new" }, { written: [], tenantModel });
      const stop = session.start();
      await vi.waitFor(() => expect(session.snapshot().worked).not.toBeNull());
      await settled();
      expect(session.snapshot().view!.classification.modelVersion).toBe(shared.header.version);
      stop();
    }
  });
});
