import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../../domain/calendar/calendar";
import type { InquiryRecord } from "../../domain/inquiry/record";
import { logFields } from "./row";
import { DEFAULT_POLICIES } from "../../domain/sla/policies";
import { INQUIRY_COLUMNS, columnDefinition, schemaProblems } from "./schema";

const record: InquiryRecord = {
  internetMessageId: "<m@x>", subject: "s", mailbox: "secure-message", receivedAt: Date.parse("2026-03-02T16:00:00Z"),
  senderAddress: "a@b.example", senderType: "member", category: "claims_billing", priority: "routine", flags: [],
  policy: "secure-message", status: "new", assignee: null, assignedBy: null, assignedAt: null, confirmationNumber: null,
  correctedFrom: {}, notes: "", history: [], events: [],
};

describe("the inquiries list schema", () => {
  it("has a column for every field the log writes (Title is the list's own)", () => {
    const fields = Object.keys(logFields(record, new BusinessCalendar(), DEFAULT_POLICIES, record.receivedAt)).filter((f) => f !== "Title");
    const columns = new Set(INQUIRY_COLUMNS.map((c) => c.name));
    expect(fields.filter((f) => !columns.has(f))).toEqual([]);
  });

  it("indexes every column the pane filters on, and keys inquiries uniquely by message id", () => {
    const indexed = INQUIRY_COLUMNS.filter((c) => c.indexed).map((c) => c.name);
    expect(indexed).toEqual(expect.arrayContaining(["InternetMessageId", "Status", "Assignee", "ConfirmationNumber", "Channel", "firstResponseDueAt"]));
    expect(columnDefinition(INQUIRY_COLUMNS[0]!)).toMatchObject({ indexed: true, enforceUniqueValues: true, text: {} });
  });

  it("tells an admin to run provision when the list is missing or wrong", () => {
    expect(schemaProblems({ error: { code: "itemNotFound" } })[0]).toMatch(/run npm run provision/);
    const almost = { value: INQUIRY_COLUMNS.map((c) => ({ ...columnDefinition(c), indexed: c.name === "Status" ? false : c.indexed === true })) };
    expect(schemaProblems(almost)).toEqual(["column Status is not indexed", expect.stringMatching(/run npm run provision/)]);
    expect(schemaProblems({ value: INQUIRY_COLUMNS.map(columnDefinition) })).toEqual([]);
  });
});
