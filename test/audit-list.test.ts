/**
 * The "Email Audit" list: `audit sample --record` puts the month's sample in it once (a second run
 * leaves the auditors' answers alone), auditors answer in SharePoint, and `audit score` gives the
 * quarter's score from it — all through Graph against the local emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarnessServer, type HarnessServer } from "../scripts/server";
import { AUDIT_LIST_NAME, LIST_NAME } from "../src/adapters/sharepoint/schema";
import { BusinessCalendar } from "../src/domain/calendar/calendar";
import { applyAction, type InquiryRecord } from "../src/domain/inquiry/record";
import { logFields } from "../src/adapters/sharepoint/row";
import { DEFAULT_POLICIES } from "../src/domain/sla/policies";
import { SharePointEmulator } from "../src/harness/emulator/store";
import { runScript } from "./fixtures/run";

const calendar = new BusinessCalendar();
let server: HarnessServer;
let emulator: SharePointEmulator;

beforeAll(async () => {
  emulator = new SharePointEmulator();
  server = await startHarnessServer({ port: 0, emulator });
  // 230 inquiries received in October 2026, each answered within the hour and resolved the next day
  const records: InquiryRecord[] = Array.from({ length: 230 }, (_, i) => {
    const receivedAt = Date.parse(`2026-10-${String(1 + (i % 28)).padStart(2, "0")}T09:00:00-05:00`);
    let r: InquiryRecord = {
      internetMessageId: `<oct${i}@mail.example>`, subject: "", mailbox: "secure-message", receivedAt, senderAddress: "", senderType: "member", category: "general_inquiry",
      priority: "routine", flags: [], policy: "secure-message", status: "new", assignee: null, assignedBy: null, assignedAt: null, confirmationNumber: `OCT-${i}`,
      correctedFrom: {}, notes: "", history: [], events: [],
    };
    r = applyAction(r, { kind: "assign", to: "ana@plan.example" }, receivedAt + 10 * 60_000, "lead@plan.example");
    r = applyAction(r, { kind: "respond" }, receivedAt + 50 * 60_000, "ana@plan.example");
    return r;
  });
  emulator.seed(LIST_NAME, records.length, (i) => ({ ...logFields(records[i]!, calendar, DEFAULT_POLICIES, Date.parse("2026-11-20T12:00:00Z")), AppliedOps: "" }));
});
afterAll(async () => {
  await server?.close();
});

const graph = () => `${server.url}graph/`;
const auditItems = () => (emulator.snapshot().lists.find((l) => l.displayName === AUDIT_LIST_NAME)?.items ?? []) as { id: string; fields: Record<string, unknown> }[];

describe("the Email Audit list", () => {
  it("records the month's sample once, and scores the quarter from the auditors' answers", async () => {
    const sample = await runScript("src/cli/audit.ts", "sample", "--month", "2026-10", "--site", "harness", "--base-url", graph(), "--seed", "77", "--record");
    expect(sample.status).toBe(0);
    expect(sample.err).toContain("audit sample for 2026-10: 23 of 230 inquiries, seed 77");
    expect(sample.err).toContain('recorded in "Email Audit": 23 added, 0 already there');
    expect(auditItems()).toHaveLength(23);
    expect(auditItems()[0]!.fields).toMatchObject({ AuditMonth: "2026-10", AuditSeed: 77, AcknowledgementTatMet: "Y", ResolutionTatMet: "" });

    // auditors answer 20 of them in SharePoint: 2 not answered correctly, 1 not professional
    const items = auditItems();
    for (const [n, item] of items.slice(0, 20).entries()) {
      const res = await fetch(`${graph()}v1.0/sites/harness/lists/${encodeURIComponent(AUDIT_LIST_NAME)}/items/${item.id}/fields`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ AnsweredCorrectly: n < 2 ? "No" : "Yes", ReplyProfessional: n === 5 ? "No" : "Yes", AccurateInformation: "Yes" }),
      });
      expect(res.status).toBe(200);
    }
    const again = await runScript("src/cli/audit.ts", "sample", "--month", "2026-10", "--site", "harness", "--base-url", graph(), "--seed", "77", "--record");
    expect(again.err).toContain('recorded in "Email Audit": 0 added, 23 already there');
    expect(auditItems()[0]!.fields["AnsweredCorrectly"]).toBe("No"); // the auditor's answer is kept

    const score = await runScript("src/cli/audit.ts", "score", "--quarter", "2026-Q4", "--site", "harness", "--base-url", graph());
    expect(score.status).toBe(0);
    expect(score.err).toContain("audit 2026-Q4: 23 emails sampled, 20 fully audited");
    const rows = score.out.split("\r\n").filter(Boolean).map((l) => l.split(","));
    expect(rows).toEqual([
      ["Measure", "Yes", "Answered", "Yes %"],
      ["Acknowledged on time", "23", "23", "100.0"],
      ["Resolved on time", "0", "0", ""],
      ["Answered correctly", "18", "20", "90.0"],
      ["Reply professional", "19", "20", "95.0"],
      ["Accurate information", "20", "20", "100.0"],
      ["Overall score", "80", "83", "96.4"],
    ]);
    expect((await runScript("src/cli/audit.ts", "score", "--quarter", "2026-Q3", "--site", "harness", "--base-url", graph())).err).toContain("0 emails sampled");
    expect((await runScript("src/cli/audit.ts", "sample", "--month", "2026-10", "--items", "x.jsonl", "--record")).err).toContain("--record writes to the");
  });
});
