import { describe, expect, it, vi } from "vitest";
import type { InquiryLogService } from "../adapters/graph/log-service";
import type { MailboxAdapter, MailItem } from "../adapters/mailbox/types";
import { loadModel } from "../cli/model";
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

function setup(stored: Partial<InquiryRecord> | null) {
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
    retryNow: () => undefined,
  };
  const services: PaneServices = {
    mailbox,
    store: { get: async () => undefined, set: async () => undefined, delete: async () => undefined },
    settings: DEFAULT_SETTINGS,
    classifier: classifierFor(DEFAULT_SETTINGS, loadModel()),
    calendar: calendarFor(DEFAULT_SETTINGS),
    templates: [],
    log: Promise.resolve({
      service: service as unknown as InquiryLogService,
      signIn: { kind: "local", user: async () => ({ upn: "ana@plan.example", name: "ana" }), getAccessToken: async () => "t" },
      templates: Promise.resolve([]),
    }),
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
});
