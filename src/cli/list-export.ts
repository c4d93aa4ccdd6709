/**
 * Reads an export of the "Member Inquiries" list: one item per line, either its `fields` object or
 * the item `{ "id", "fields": {...} }` as Graph returns it. Lines that cannot be read are reported
 * by line number and reason only — never echoed, since they hold member data.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { recordFromFields, type InquiryRecord } from "../domain/inquiry/record";
import { CATEGORIES, type Category } from "../domain/classify/vocabulary";
import { MAILBOXES, PRIORITIES, type Mailbox, type Priority } from "../domain/sla/policies";

export interface ListExport {
  readonly records: InquiryRecord[];
  readonly problems: string[];
}

const time = (v: unknown): number | null => {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
};

/** One list item as a record, or why it cannot be read. */
export function readListItem(value: unknown): InquiryRecord | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a list item";
  const outer = value as Record<string, unknown>;
  const f = (typeof outer["fields"] === "object" && outer["fields"] !== null ? outer["fields"] : outer) as Record<string, unknown>;
  const receivedAt = time(f["ReceivedAt"]);
  if (receivedAt === null) return "no ReceivedAt date-time";
  const id = f["InternetMessageId"];
  if (typeof id !== "string" || !id) return "no InternetMessageId";
  if (typeof f["SlaEvents"] === "string" && f["SlaEvents"].trim()) {
    try {
      JSON.parse(f["SlaEvents"]);
    } catch {
      return "SlaEvents is not valid JSON";
    }
  }
  const channel = f["Channel"];
  const mailbox = typeof channel === "string" && (MAILBOXES as readonly string[]).includes(channel) ? (channel as Mailbox) : null;
  const category = typeof f["Category"] === "string" && (CATEGORIES as readonly string[]).includes(f["Category"]) ? (f["Category"] as Category) : "general_inquiry";
  const priority = typeof f["Priority"] === "string" && (PRIORITIES as readonly string[]).includes(f["Priority"]) ? (f["Priority"] as Priority) : "routine";
  const fallback: InquiryRecord = {
    internetMessageId: id, subject: "", mailbox, receivedAt, senderAddress: "", senderType: "unknown", category, priority,
    flags: [], policy: typeof f["Policy"] === "string" ? f["Policy"] : "", status: "new", assignee: null, assignedBy: null, assignedAt: null,
    confirmationNumber: null, correctedFrom: {}, notes: "", history: [], events: [],
  };
  return recordFromFields(f, fallback);
}

/** The whole file; exits with a message when it cannot be read at all. */
export function readListExport(path: string): ListExport {
  if (!existsSync(path) || !statSync(path).isFile()) {
    process.stderr.write(`cannot read ${path}: no such file\n`);
    process.exit(2);
  }
  const records: InquiryRecord[] = [];
  const problems: string[] = [];
  readFileSync(path, "utf8")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push(`line ${i + 1}: not valid JSON`);
        return;
      }
      const r = readListItem(value);
      if (typeof r === "string") problems.push(`line ${i + 1}: ${r}`);
      else records.push(r);
    });
  return { records, problems };
}

export function reportProblems(problems: readonly string[]): void {
  for (const p of problems.slice(0, 20)) process.stderr.write(`skipped ${p}\n`);
  if (problems.length > 20) process.stderr.write(`skipped ${problems.length - 20} more lines\n`);
}
