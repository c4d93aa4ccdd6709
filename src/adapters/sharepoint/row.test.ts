import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../../domain/calendar/calendar";
import { DEFAULT_POLICIES } from "../../domain/sla/policies";
import { applyAction, type InquiryRecord } from "../../domain/inquiry/record";
import { logFields, readListItem, recordFromFields } from "./row";
import { inquiry } from "../../../test/fixtures/inquiries";

const calendar = new BusinessCalendar();
const t = (iso: string) => Date.parse(iso);
const base: InquiryRecord = inquiry({ subject: "Question about my EOB", receivedAt: t("2026-03-02T10:00:00-06:00"), senderAddress: "pat@example.com" });

describe("the inquiry record", () => {
  it("reads back from its list columns alone exactly what it wrote, so a write from the queue changes nothing it did not mean to", () => {
    let r: InquiryRecord = { ...base, flags: ["clinical_referral", "repeat_contact"], senderType: "provider", correctedFrom: { priority: "routine" }, priority: "high", confirmationNumber: "ABCD-EFGH" };
    r = applyAction(r, { kind: "assign", to: "ana@plan.example" }, t("2026-03-02T10:05:00-06:00"), "lead@plan.example");
    r = applyAction(r, { kind: "acknowledge" }, t("2026-03-02T11:00:00-06:00"), "ana@plan.example");
    const at = t("2026-03-03T12:00:00-06:00");
    const fields = logFields(r, calendar, DEFAULT_POLICIES, at);
    const back = readListItem({ id: "7", fields });
    expect(typeof back).toBe("object");
    expect(logFields(back as InquiryRecord, calendar, DEFAULT_POLICIES, at)).toEqual(fields);
    expect(readListItem({ fields: { ...fields, ReceivedAt: "yesterday" } })).toBe("no ReceivedAt date-time");
  });

  it("moves the clocks with the work: assign, acknowledge, respond, resolve", () => {
    let r = applyAction(base, { kind: "assign", to: "ana@plan.example" }, t("2026-03-02T10:05:00-06:00"), "lead@plan.example");
    r = applyAction(r, { kind: "acknowledge" }, t("2026-03-02T10:10:00-06:00"), "ana@plan.example");
    r = applyAction(r, { kind: "respond" }, t("2026-03-04T09:00:00-06:00"), "ana@plan.example");
    r = applyAction(r, { kind: "resolve" }, t("2026-03-05T15:00:00-06:00"), "ana@plan.example");
    const f = logFields(r, calendar, DEFAULT_POLICIES, t("2026-03-06T12:00:00-06:00"));
    expect(f).toMatchObject({
      Status: "resolved",
      Assignee: "ana@plan.example",
      AssignedBy: "lead@plan.example",
      AssignedAt: "2026-03-02T10:05:00-06:00",
      firstResponseDueAt: "2026-03-03T17:00:00-06:00",
      firstResponseDoneAt: "2026-03-04T09:00:00-06:00",
      firstResponseState: "breached",
      firstResponseBusinessDays: 2,
      resolutionState: "met",
      resolutionBusinessDays: 3,
      acknowledgementDueAt: null,
    });
  });

  it("keeps no email body among its columns", () => {
    const f = logFields(base, calendar, DEFAULT_POLICIES, t("2026-03-02T11:00:00-06:00"));
    expect(Object.keys(f).some((k) => /body/i.test(k))).toBe(false);
  });

  it("records a correction and what it corrected", () => {
    const f = logFields({ ...base, category: "appeal", correctedFrom: { category: "claims_billing" } }, calendar, DEFAULT_POLICIES, base.receivedAt);
    expect(f).toMatchObject({ ClassificationCorrected: true, CorrectedFrom: "category: claims_billing", Category: "appeal" });
  });
});

describe("reading a record back from the list", () => {
  it("round-trips status, assignee, history and SLA events", () => {
    let r = applyAction(base, { kind: "assign", to: "ana@plan.example" }, t("2026-03-02T10:05:00-06:00"), "lead@plan.example");
    r = applyAction(r, { kind: "respond" }, t("2026-03-03T09:00:00-06:00"), "ana@plan.example");
    const back = recordFromFields(logFields(r, calendar, DEFAULT_POLICIES, t("2026-03-03T10:00:00-06:00")), base);
    expect(back).toEqual(r);
  });

  it("falls back on damaged values instead of failing", () => {
    const back = recordFromFields({ Status: "exploded", StatusHistory: "{not json", SlaEvents: '[{"type":"nope","at":"x"}]', Assignee: 42 }, base);
    expect(back).toMatchObject({ status: "new", history: [], events: [], assignee: null });
  });
});
