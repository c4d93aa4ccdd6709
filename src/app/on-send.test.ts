import { afterEach, describe, expect, it, vi } from "vitest";
import type { InquiryLogService } from "../adapters/graph/log-service";
import type { InquiryRecord } from "../domain/inquiry/record";
import { DEFAULT_POLICIES } from "../domain/sla/policies";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";
import { decideOnSend, type OnSendDeps } from "./on-send";
import { inquiry } from "../../test/fixtures/inquiries";

const logged: InquiryRecord = inquiry({ conversationId: "conv-1", receivedAt: Date.parse("2026-03-02T16:00:00Z"), confirmationNumber: "ABCD-EFGH" });

function deps(text: string, over: Partial<OnSendDeps> = {}) {
  const service = { findByConversation: vi.fn(async () => logged), act: vi.fn(async () => undefined), flush: vi.fn(async () => undefined) };
  const d: OnSendDeps = {
    readDraft: async () => ({ text, conversationId: "conv-1" }),
    templates: DEFAULT_TEMPLATES,
    policies: DEFAULT_POLICIES,
    log: async () => ({ service: service as unknown as InquiryLogService, me: "ana@plan.example" }),
    now: () => Date.parse("2026-03-03T15:00:00Z"),
    logWaitMs: 100,
    ...over,
  };
  return { d, service };
}

describe("the on-send handler", () => {
  it("stops a reply with an unfilled placeholder and records nothing", async () => {
    const { d, service } = deps("Hello {memberName},\n\nWe paid your claim today.");
    expect(await decideOnSend(d)).toEqual({ allowEvent: false, errorMessage: expect.stringContaining("Fill in {memberName}") });
    expect(service.findByConversation).not.toHaveBeenCalled();
  });

  it("lets a good reply go and records it as the advocate's answer, assigning it to her first", async () => {
    const { d, service } = deps("Hello Pat,\n\nWe paid your claim today. You do not owe anything.");
    expect(await decideOnSend(d)).toEqual({ allowEvent: true });
    expect(service.act.mock.calls.map((c) => (c as unknown[])[1])).toEqual([{ kind: "assign", to: "ana@plan.example" }, { kind: "respond" }]);
    expect(service.flush).toHaveBeenCalled();
  });

  it("holds a reply that fails the plain-language check, offering to send anyway", async () => {
    const { d } = deps("Hello Pat,\n\nYour claim was adjudicated per the EOB and CPT 99213.");
    expect(await decideOnSend(d)).toMatchObject({ allowEvent: false, promptUser: true, errorMessage: expect.stringContaining("hard for the member to read") });
  });

  it("does not hold a reply in Spanish for an English reading grade (Outlook hands over no language: the reply's own is read)", async () => {
    const es =
      "Hola Ana,\n\nGracias por escribirnos sobre su visita reciente al hospital. Revisamos cuidadosamente su cuenta y el historial de pagos correspondiente a esa visita. Nuestros registros indican que el pago fue entregado a la oficina de su proveedor el martes pasado por la tarde.";
    expect(await decideOnSend(deps(es).d)).toEqual({ allowEvent: true });
  });

  it("never holds the send up for SharePoint, and lets it go when Outlook cannot hand over the text", async () => {
    const slow = deps("Hello Pat,\n\nWe paid your claim today.", { log: () => new Promise(() => undefined) });
    expect(await decideOnSend(slow.d)).toEqual({ allowEvent: true });
    const failing = deps("Hello Pat,\n\nWe paid your claim today.", { log: async () => Promise.reject(new Error("offline")) });
    expect(await decideOnSend(failing.d)).toEqual({ allowEvent: true });
    const unreadable = deps("", { readDraft: async () => Promise.reject(new Error("gone")) });
    expect(await decideOnSend(unreadable.d)).toEqual({ allowEvent: true });
    const fresh = deps("Hello Pat,\n\nThanks, we will call you.", { readDraft: async () => ({ text: "Hello Pat,\n\nThanks, we will call you.", conversationId: null }) });
    expect(await decideOnSend(fresh.d)).toEqual({ allowEvent: true });
    expect(fresh.service.findByConversation).not.toHaveBeenCalled();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("waits for the log no longer than it is given (three seconds unless told), then lets the reply go", async () => {
    vi.useFakeTimers();
    const settledAfter = async (d: OnSendDeps, ms: number) => {
      let settled = false;
      void decideOnSend(d).then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(ms - 1);
      const before = settled;
      await vi.advanceTimersByTimeAsync(1);
      return { before, after: settled };
    };
    const hanging = { log: () => new Promise<never>(() => undefined) };
    expect(await settledAfter(deps("Hello Pat,\n\nWe paid your claim today.", hanging).d, 100)).toEqual({ before: false, after: true });
    const { logWaitMs: _given, ...byDefault } = deps("Hello Pat,\n\nWe paid your claim today.", hanging).d;
    expect(await settledAfter(byDefault, 3000)).toEqual({ before: false, after: true });
  });

  it("logs a failure by its name only, never the reply, and logs none where this runtime has no log", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "info").mockImplementation((line: unknown) => void lines.push(String(line)));
    const text = "Hello Pat Quinn,\n\nWe paid your claim today.";
    await decideOnSend(deps(text, { log: async () => Promise.reject(new Error(text)) }).d);
    await decideOnSend(deps(text, { readDraft: async () => Promise.reject(new Error(text)) }).d);
    expect(lines).toEqual(["[triage] on-send.log-failed", "[triage] on-send.read-failed"]);
    lines.length = 0;
    expect(await decideOnSend(deps(text, { log: async () => null }).d)).toEqual({ allowEvent: true });
    expect(lines).toEqual([]);
  });
});
