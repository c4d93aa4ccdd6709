// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { TransitionError } from "../domain/inquiry/status";
import { DEFAULT_SETTINGS } from "../domain/settings";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";
import type { Template } from "../domain/templates/templates";
import type { TriageView } from "../domain/inquiry/triage";
import type { MailItem } from "../adapters/mailbox/types";
import { actOn, type InquiryLog } from "./inquiry";
import { replyWithTemplate, templateProblemText } from "./template-reply";
import { inquiry } from "../../test/fixtures/inquiries";

function fakeLog() {
  return {
    act: vi.fn(async () => undefined),
    drafted: vi.fn(async () => undefined),
    confirmationNumber: vi.fn(async () => "K7QM-4TXB"),
  };
}

const item: MailItem = {
  itemId: "i1",
  internetMessageId: "<m1@example.com>",
  conversationId: "c1",
  subject: "Claim",
  from: { name: "Pat Doe", address: "pat@example.com" },
  to: [],
  cc: [],
  body: { type: "text", content: "" },
  receivedAt: "2026-03-04T09:00:00-06:00",
  mailboxAddress: "members@plan.example",
};
const view = { classification: { missingFields: ["member id"] } } as unknown as TriageView;
const template = (body: string, purpose: Template["purpose"] = "acknowledgement"): Template => ({
  ...DEFAULT_TEMPLATES[0]!,
  id: "t1",
  body,
  purpose,
  approval: { ...DEFAULT_TEMPLATES[0]!.approval, version: 3 },
});

describe("apply locally, then queue", () => {
  it("shows the new state before the write is stored, and stores the assignee an assignment replaces", async () => {
    const log = fakeLog();
    const seen: string[] = [];
    log.act.mockImplementation(async () => void seen.push("queued"));
    const next = await actOn(
      log,
      inquiry({ assignee: "ben@plan.example", status: "assigned" }),
      { kind: "assign", to: "ana@plan.example" },
      "lead@plan.example",
      1000,
      (r) => seen.push(`shown ${r.assignee}`),
    );
    expect(seen).toEqual(["shown ana@plan.example", "queued"]);
    expect(next.assignee).toBe("ana@plan.example");
    expect((log.act.mock.calls[0] as unknown[])[4]).toBe("ben@plan.example");
  });

  it("queues nothing for an action the inquiry's status refuses", async () => {
    const log = fakeLog();
    await expect(actOn(log, inquiry({ status: "resolved" }), { kind: "resolve" }, "ana@plan.example", 1000)).rejects.toBeInstanceOf(TransitionError);
    expect(log.act).not.toHaveBeenCalled();
  });
});

describe("replying with a template", () => {
  const deps = (reply = vi.fn(async () => undefined)) => ({ mailbox: { reply }, organisation: DEFAULT_SETTINGS.organisation, linkHosts: [] });

  it("fills the member's name, the organisation and the confirmation number, takes the inquiry and records the draft, not a reply", async () => {
    const log = fakeLog();
    const reply = vi.fn(async () => undefined);
    const r = await replyWithTemplate(
      {
        item,
        view,
        template: template("<p>Hello {memberName}, call {memberServicesPhone} with {confirmationNumber}.</p>"),
        typed: {},
        all: false,
        worked: { record: inquiry(), log: log as unknown as InquiryLog, me: "ana@plan.example" },
        at: () => 5000,
      },
      deps(reply),
    );
    expect((reply.mock.calls[0] as unknown[])[0]).toContain(`Hello Pat Doe, call ${DEFAULT_SETTINGS.organisation.memberServicesPhone} with K7QM-4TXB.`);
    expect(log.act.mock.calls.map((c) => (c as unknown[])[1])).toEqual([{ kind: "assign", to: "ana@plan.example" }]);
    expect(log.drafted).toHaveBeenCalledWith(expect.objectContaining({ assignee: "ana@plan.example" }), "ana@plan.example", 5000, "t1@3");
    expect(r).toMatchObject({ ok: true, record: { status: "assigned", templatesUsed: ["t1@3"] }, draft: { action: { kind: "acknowledge" } } });
  });

  it("says what is missing, and opens no reply, when a placeholder has no value", async () => {
    const reply = vi.fn(async () => undefined);
    const r = await replyWithTemplate(
      { item, view, template: template("<p>{resolutionSummary}</p>"), typed: {}, all: false, worked: null, at: () => 0 },
      deps(reply),
    );
    expect(r).toEqual({ ok: false, problem: { code: "missingValues", missing: ["resolutionSummary"] } });
    expect(reply).not.toHaveBeenCalled();
    if (!r.ok) expect(templateProblemText(r.problem)).toBe("Fill in: resolutionSummary.");
  });

  it("refuses a confirmation number without the list, and records nothing when Outlook cannot open the reply", async () => {
    const none = await replyWithTemplate(
      { item, view, template: template("<p>{confirmationNumber}</p>"), typed: {}, all: false, worked: null, at: () => 0 },
      deps(),
    );
    expect(none).toEqual({ ok: false, problem: { code: "noList" } });
    const log = fakeLog();
    const failed = await replyWithTemplate(
      {
        item,
        view,
        template: template("<p>Hello</p>"),
        typed: {},
        all: true,
        worked: { record: inquiry(), log: log as unknown as InquiryLog, me: "ana@plan.example" },
        at: () => 0,
      },
      deps(vi.fn(async () => Promise.reject(new Error("closed")))),
    );
    expect(failed).toEqual({ ok: false, problem: { code: "replyFailed" } });
    expect(log.act).not.toHaveBeenCalled();
    expect(log.drafted).not.toHaveBeenCalled();
  });
});
