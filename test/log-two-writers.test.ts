/**
 * Two writers on one list item through the real list client and the emulator: a pane whose copy of
 * the item is out of date must not overwrite what another advocate wrote meanwhile (If-Match
 * decides, not the order of requests), and a write whose answer was lost is applied once only,
 * even after another advocate has written since.
 */
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InquiryListClient, ListError } from "../src/adapters/graph/list-client";
import { InquiryLogService, type LogStatus } from "../src/adapters/graph/log-service";
import { BusinessCalendar } from "../src/domain/calendar/calendar";
import { applyAction, correctRecord, type InquiryRecord } from "../src/domain/inquiry/record";
import { recordFromFields } from "../src/adapters/sharepoint/row";
import { DEFAULT_POLICIES, policyFor } from "../src/domain/sla/policies";
import { SharePointEmulator } from "../src/harness/emulator/store";
import { sampleMessageId } from "../src/harness/samples";
import type { HarnessServer } from "../scripts/server";
import { inquiry } from "./fixtures/inquiries";
import { inquiryListServer } from "./fixtures/inquiry-list-server";

const calendar = new BusinessCalendar();
const now = () => Date.parse("2026-03-04T16:00:00Z");
const deps = { calendar, policies: DEFAULT_POLICIES, now, sleep: async () => undefined };
const auth = { getAccessToken: async () => "local-test-token" };
let server: HarnessServer;
let emulator: SharePointEmulator;
const options = () => ({ baseUrl: `${server.url}graph/`, site: "root", authProvider: auth });
const client = () => new InquiryListClient(options());
const policyOf = (m: InquiryRecord["mailbox"], p: InquiryRecord["priority"]) => policyFor(m ?? "member-services-email", p);
const classified = { category: "claims_billing", priority: "routine", mailbox: "secure-message" } as const;

/** A list client whose next batch of updates reaches the list but whose answer never comes back. */
class LosingClient extends InquiryListClient {
  loseNext = false;
  override async updateMany(updates: Parameters<InquiryListClient["updateMany"]>[0]) {
    const out = await super.updateMany(updates);
    if (this.loseNext) {
      this.loseNext = false;
      throw new ListError(0, "the connection dropped before the answer arrived");
    }
    return out;
  }
}

async function statusOf(svc: InquiryLogService): Promise<LogStatus> {
  let status: LogStatus | null = null;
  const off = svc.subscribe((s) => (status = s));
  await new Promise((r) => setTimeout(r, 50));
  off();
  return status!;
}

beforeAll(async () => {
  ({ emulator, server } = await inquiryListServer());
});
afterAll(async () => {
  await server?.close();
});

describe("a pane writing from an out-of-date copy of the item", () => {
  it("does not overwrite a priority another advocate changed after it last read the item: the list refuses the stale write and the advocate is told", async () => {
    const m = sampleMessageId({ id: "w201" });
    const base = inquiry({ internetMessageId: m });
    const ana = await InquiryLogService.open(client(), deps, `w-ana-${Math.random()}`);
    const ben = await InquiryLogService.open(client(), deps, `w-ben-${Math.random()}`);
    // Ben's pane logs the arrival, so it holds the item as it was then
    await ben.intake(base, "ben@plan.example", now());
    await ben.flush();
    // Ana raises it to high; Ben, still looking at routine, makes it escalated
    await ana.correct(correctRecord(base, { priority: "high" }, classified, policyOf), "ana@plan.example", now() + 1000, base);
    await ana.flush();
    const preconditionFailedBefore = emulator.counts.preconditionFailed;
    await ben.correct(correctRecord(base, { priority: "escalated" }, classified, policyOf), "ben@plan.example", now() + 2000, base);
    await ben.flush();
    const f = (await client().find(m))!.fields;
    expect(f["Priority"]).toBe("high");
    expect(f["Policy"]).toBe(policyFor("secure-message", "high"));
    expect((await statusOf(ben)).conflicts.map((c) => c.message)).toEqual([
      "Someone else changed the priority to high (yours, escalated, was not saved) meanwhile; the rest of your correction was saved.",
    ]);
    expect(emulator.counts.preconditionFailed).toBeGreaterThan(preconditionFailedBefore); // it was the eTag that stopped it
  });

  it("does not take an inquiry another advocate assigned to herself after the pane last read it", async () => {
    const m = sampleMessageId({ id: "w202" });
    const base = inquiry({ internetMessageId: m });
    const ana = await InquiryLogService.open(client(), deps, `w-ana2-${Math.random()}`);
    const ben = await InquiryLogService.open(client(), deps, `w-ben2-${Math.random()}`);
    await ben.intake(base, "ben@plan.example", now());
    await ben.flush();
    await ana.act(base, { kind: "assign", to: "ana@plan.example" }, "ana@plan.example", now() + 1000, null);
    await ana.flush();
    // Ben's pane still shows it unassigned; he takes it
    await ben.act(base, { kind: "assign", to: "ben@plan.example" }, "ben@plan.example", now() + 2000, null);
    await ben.flush();
    const f = (await client().find(m))!.fields;
    expect(f["Assignee"]).toBe("ana@plan.example");
    expect((await statusOf(ben)).conflicts.map((c) => c.message)).toEqual(["ana@plan.example already has it (assigned by ana@plan.example)."]);
    expect((await statusOf(ana)).conflicts).toEqual([]);
  });
});

describe("a write whose answer was lost", () => {
  it("is applied once when it is sent again, although another advocate wrote to the item in between", async () => {
    const m = sampleMessageId({ id: "w203" });
    const t0 = now();
    const assigned = applyAction(inquiry({ internetMessageId: m }), { kind: "assign", to: "ana@plan.example" }, t0, "ana@plan.example");
    const losing = new LosingClient(options());
    const ana = await InquiryLogService.open(losing, deps, `w-ana3-${Math.random()}`);
    const ben = await InquiryLogService.open(client(), deps, `w-ben3-${Math.random()}`);
    await ana.act(inquiry({ internetMessageId: m }), { kind: "assign", to: "ana@plan.example" }, "ana@plan.example", t0, null);
    await ana.flush();
    // Ana's acknowledgement reaches the list, but her pane never hears so: it stays in her outbox
    losing.loseNext = true;
    await ana.act(assigned, { kind: "acknowledge" }, "ana@plan.example", t0 + 60_000);
    await ana.flush();
    expect((await statusOf(ana)).pending).toBe(1);
    // meanwhile Ben corrects the category
    await ben.correct(correctRecord(assigned, { category: "benefits_coverage" }, classified, policyOf), "ben@plan.example", t0 + 120_000, assigned);
    await ben.flush();
    // Ana's pane sends the acknowledgement again
    await ana.flush();
    const f = (await client().find(m))!.fields;
    const record = recordFromFields(f, assigned);
    expect(record.history.map((h) => h.action)).toEqual(["assign", "acknowledge"]);
    expect(record.events.map((e) => e.type)).toEqual(["acknowledged"]);
    expect(f["Category"]).toBe("benefits_coverage");
    const status = await statusOf(ana);
    expect({ pending: status.pending, conflicts: status.conflicts.map((c) => c.message) }).toEqual({ pending: 0, conflicts: [] });
  });
});
