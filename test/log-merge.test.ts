/**
 * What two advocates and two runtimes do to one inquiry: corrections merged field by field, and
 * writes applied in the order they were made, whichever runtime queued them.
 */
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InquiryListClient } from "../src/adapters/graph/list-client";
import { InquiryLogService } from "../src/adapters/graph/log-service";
import { LogSender } from "../src/adapters/graph/log-sender";
import { Outbox } from "../src/adapters/storage/outbox";
import { BusinessCalendar } from "../src/domain/calendar/calendar";
import { applyAction, correctRecord, type InquiryRecord } from "../src/domain/inquiry/record";
import { recordFromFields } from "../src/adapters/sharepoint/row";
import { DEFAULT_POLICIES, policyFor } from "../src/domain/sla/policies";
import { SharePointEmulator } from "../src/harness/emulator/store";
import { sampleConversationId, sampleMessageId } from "../src/harness/samples";
import type { HarnessServer } from "../scripts/server";
import { inquiry } from "./fixtures/inquiries";
import { inquiryListServer } from "./fixtures/inquiry-list-server";

const calendar = new BusinessCalendar();
const now = () => Date.parse("2026-03-04T16:00:00Z");
const deps = { calendar, policies: DEFAULT_POLICIES, now, sleep: async () => undefined };
const auth = { getAccessToken: async () => "local-test-token" };
let server: HarnessServer;
let emulator: SharePointEmulator;
const client = () => new InquiryListClient({ baseUrl: `${server.url}graph/`, site: "root", authProvider: auth });
const policyOf = (m: InquiryRecord["mailbox"], p: InquiryRecord["priority"]) => policyFor(m ?? "member-services-email", p);

beforeAll(async () => {
  ({ emulator, server } = await inquiryListServer());
});
afterAll(async () => {
  await server?.close();
});

async function pane(name: string) {
  const outbox = await Outbox.open(`${name}-${Math.random()}`);
  const sender = new LogSender(outbox, client(), deps);
  return { outbox, sender };
}

describe("two advocates correcting one inquiry", () => {
  const classified = { category: "claims_billing", priority: "routine", mailbox: "secure-message" } as const;

  it("keeps both changes when each corrected a different field", async () => {
    const m = sampleMessageId({ id: "s101" });
    const base = inquiry({ internetMessageId: m, conversationId: sampleConversationId({ id: "s101" }) });
    const ana = await pane("ana");
    const ben = await pane("ben");
    // both panes opened while it was routine claims; Ana raises the priority, Ben corrects only the category
    const anaRecord = correctRecord(base, { priority: "high" }, classified, policyOf);
    const benRecord = correctRecord(base, { category: "benefits_coverage" }, classified, policyOf);
    const svcA = await InquiryLogService.open(client(), deps, `svc-a-${Math.random()}`);
    const svcB = await InquiryLogService.open(client(), deps, `svc-b-${Math.random()}`);
    await svcA.correct(anaRecord, "ana@plan.example", now(), base);
    await svcA.flush();
    await svcB.correct(benRecord, "ben@plan.example", now() + 1000, base);
    await svcB.flush();
    void ana;
    void ben;
    const item = (await client().find(m))!;
    expect([item.fields["Priority"], item.fields["Category"]]).toEqual(["high", "benefits_coverage"]);
    expect(item.fields["Policy"]).toBe(policyFor("secure-message", "high"));
    const read = recordFromFields(item.fields, base);
    expect(read.correctedFrom).toEqual({ priority: "routine", category: "claims_billing" });
    // nobody was told of a conflict: there was none
    let statusB: { conflicts: readonly unknown[] } | null = null;
    svcB.subscribe((s) => (statusB = s));
    await new Promise((r) => setTimeout(r, 50));
    expect(statusB!.conflicts).toEqual([]);
  });

  it("keeps the first change of a field both changed, and shows the second advocate the conflict", async () => {
    const m = sampleMessageId({ id: "s102" });
    const base = inquiry({ internetMessageId: m });
    const svcA = await InquiryLogService.open(client(), deps, `svc-a2-${Math.random()}`);
    const svcB = await InquiryLogService.open(client(), deps, `svc-b2-${Math.random()}`);
    await svcA.correct(correctRecord(base, { priority: "high" }, classified, policyOf), "ana@plan.example", now(), base);
    await svcA.flush();
    await svcB.correct(correctRecord(base, { priority: "escalated", category: "eligibility_enrollment" }, classified, policyOf), "ben@plan.example", now() + 1000, base);
    await svcB.flush();
    const item = (await client().find(m))!;
    expect([item.fields["Priority"], item.fields["Category"]]).toEqual(["high", "eligibility_enrollment"]);
    let conflicts: readonly { message?: string }[] = [];
    svcB.subscribe((s) => (conflicts = s.conflicts));
    await new Promise((r) => setTimeout(r, 50));
    expect(conflicts.map((c) => c.message)).toEqual([
      "Someone else changed the priority to high (yours, escalated, was not saved) meanwhile; the rest of your correction was saved.",
    ]);
  });
});

describe("two runtimes writing during an outage", () => {
  it("applies the on-send handler's earlier response before the pane's later resolve, so the response is kept", async () => {
    const m = sampleMessageId({ id: "s103" });
    const t0 = Date.parse("2026-03-04T15:00:00Z");
    let record = applyAction(applyAction(inquiry({ internetMessageId: m }), { kind: "assign", to: "ana@plan.example" }, t0, "ana@plan.example"), { kind: "acknowledge" }, t0 + 1, "ana@plan.example");
    const outboxName = `shared-${Math.random()}`;
    // the pane has run all morning; it logs the assignment and acknowledgement while the list answers
    const paneLog = await InquiryLogService.open(client(), deps, outboxName);
    await paneLog.act(inquiry({ internetMessageId: m }), { kind: "assign", to: "ana@plan.example" }, "ana@plan.example", t0, null);
    await paneLog.act(applyAction(inquiry({ internetMessageId: m }), { kind: "assign", to: "ana@plan.example" }, t0, "ana@plan.example"), { kind: "acknowledge" }, "ana@plan.example", t0 + 1);
    await paneLog.flush();
    expect((await client().find(m))!.fields["Status"]).toBe("acknowledged");
    // then SharePoint is down; Outlook starts the on-send runtime later, which records the reply
    emulator.setFaults({ rate503: 1, retryAfter: 0, seed: 3 });
    try {
      const onSend = await InquiryLogService.open(client(), deps, outboxName);
      await onSend.act(record, { kind: "respond" }, "ana@plan.example", t0 + 60_000);
      await onSend.flush();
      // a minute later the advocate resolves in the pane (which never saw the response)
      await paneLog.act(record, { kind: "resolve" }, "ana@plan.example", t0 + 120_000);
      await paneLog.flush();
    } finally {
      emulator.setFaults({ rate503: 0 });
    }
    await paneLog.flush();
    await paneLog.flush();
    const f = (await client().find(m))!.fields;
    expect(f["Status"]).toBe("resolved");
    expect(JSON.parse(String(f["SlaEvents"])).map((e: { type: string }) => e.type)).toEqual(["acknowledged", "responded", "resolved"]);
    expect(f["firstResponseState"]).toBe("met");
    record = recordFromFields(f, record);
    expect(record.history.map((h) => h.action)).toEqual(["assign", "acknowledge", "respond", "resolve"]);
  });
});
