/**
 * The "Member Inquiries" SharePoint list: its columns as Graph's columnDefinition shapes, which of
 * them are indexed (every column the product filters on, so no query meets the 5,000-item list
 * view threshold), and a check of an existing list against them, so that a missing or wrong list
 * gets a message that says to run `npm run provision`.
 */
import { LOGGED_CLOCKS } from "./row";
import { AUDIT_FIELD } from "./audit-row";

export type ColumnType = "text" | "note" | "dateTime" | "number" | "boolean";

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** Indexed in SharePoint: the pane filters on it. */
  readonly indexed?: boolean;
  /** Enforce unique values (the inquiry key). */
  readonly unique?: boolean;
}

export const LIST_NAME = "Member Inquiries";

export const INQUIRY_COLUMNS: readonly ColumnSpec[] = [
  { name: "InternetMessageId", type: "text", indexed: true, unique: true },
  { name: "ConversationId", type: "text", indexed: true },
  { name: "ItemId", type: "text" },
  { name: "Channel", type: "text", indexed: true },
  { name: "ReceivedAt", type: "dateTime", indexed: true },
  { name: "EffectiveReceivedAt", type: "dateTime" },
  { name: "SenderAddress", type: "text" },
  { name: "SenderType", type: "text" },
  { name: "Category", type: "text" },
  { name: "Priority", type: "text" },
  { name: "Flags", type: "text" },
  { name: "Policy", type: "text" },
  { name: "Status", type: "text", indexed: true },
  { name: "Assignee", type: "text", indexed: true },
  { name: "AssignedBy", type: "text" },
  { name: "AssignedAt", type: "dateTime" },
  { name: "ConfirmationNumber", type: "text", indexed: true },
  { name: "ClassificationCorrected", type: "boolean" },
  { name: "CorrectedFrom", type: "text" },
  { name: "Notes", type: "note" },
  { name: "TemplatesUsed", type: "note" },
  { name: "StatusHistory", type: "note" },
  { name: "SlaEvents", type: "note" },
  /** The last pane actions applied (their ids), so a retried write is never applied twice. */
  { name: "AppliedOps", type: "note" },
  /** The daily report (10:00 on a business day) that first lists the arrival, and the completion. */
  { name: "ArrivedInReport", type: "dateTime", indexed: true },
  { name: "CompletedInReport", type: "dateTime", indexed: true },
  ...LOGGED_CLOCKS.flatMap((c): ColumnSpec[] => [
    { name: `${c}DueAt`, type: "dateTime", indexed: c === "firstResponse" },
    { name: `${c}DoneAt`, type: "dateTime" },
    { name: `${c}BusinessDays`, type: "number" },
    { name: `${c}State`, type: "text" },
  ]),
];

/** Graph's columnDefinition body for a column (POST /sites/{site}/lists/{list}/columns). */
export function columnDefinition(c: ColumnSpec): Record<string, unknown> {
  const base = { name: c.name, displayName: c.name, indexed: c.indexed === true, enforceUniqueValues: c.unique === true };
  switch (c.type) {
    case "text":
      return { ...base, text: { maxLength: 255 } };
    case "note":
      return { ...base, text: { allowMultipleLines: true, maxLength: 63_999 } };
    case "dateTime":
      return { ...base, dateTime: { format: "dateTime" } };
    case "number":
      return { ...base, number: { decimalPlaces: "none" } };
    case "boolean":
      return { ...base, boolean: {} };
  }
}

/** What an existing list's columns (GET .../columns, as Graph returns them) lack. */
export function schemaProblems(existing: unknown): string[] {
  const rows = Array.isArray((existing as { value?: unknown })?.value) ? ((existing as { value: unknown[] }).value) : null;
  if (!rows) return [`the "${LIST_NAME}" list could not be read: run npm run provision -- --site <site>`];
  const byName = new Map<string, Record<string, unknown>>();
  for (const r of rows) if (r && typeof r === "object" && typeof (r as { name?: unknown }).name === "string") byName.set((r as { name: string }).name, r as Record<string, unknown>);
  const problems: string[] = [];
  for (const c of INQUIRY_COLUMNS) {
    const found = byName.get(c.name);
    if (!found) problems.push(`column ${c.name} is missing`);
    else if (c.indexed && found["indexed"] !== true) problems.push(`column ${c.name} is not indexed`);
    else if (!(c.type === "note" ? "text" in found : c.type in found)) problems.push(`column ${c.name} is not a ${c.type} column`);
  }
  if (problems.length) problems.push(`run npm run provision -- --site <site> to create or upgrade the "${LIST_NAME}" list`);
  return problems;
}

/** The "Response Templates" list that managers edit and approve in SharePoint. */
export const TEMPLATE_LIST_NAME = "Response Templates";

export const TEMPLATE_COLUMNS: readonly ColumnSpec[] = [
  { name: "TemplateId", type: "text", indexed: true, unique: true },
  { name: "Purpose", type: "text" },
  { name: "Categories", type: "text" },
  { name: "Flags", type: "text" },
  { name: "Policies", type: "text" },
  { name: "Language", type: "text", indexed: true },
  { name: "Body", type: "note" },
  { name: "ApprovalStatus", type: "text", indexed: true },
  { name: "Version", type: "number" },
  { name: "ApprovedBy", type: "text" },
  { name: "ApprovedOn", type: "text" },
];

/** The "Email Audit" list: one item per sampled email, where auditors record their Yes/No answers. */
export const AUDIT_LIST_NAME = "Email Audit";

export const AUDIT_LIST_COLUMNS: readonly ColumnSpec[] = [
  { name: "AuditKey", type: "text", indexed: true, unique: true },
  { name: "AuditMonth", type: "text", indexed: true },
  { name: "AuditSeed", type: "number" },
  ...Object.values(AUDIT_FIELD).map((name): ColumnSpec => ({ name, type: name === "Notes" ? "note" : "text", ...(name === "ConfirmationNumber" ? { indexed: true } : {}) })),
];
