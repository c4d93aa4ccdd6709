/** `npm run report -- tat`: turnaround over a list export, as CSV and as an HTML page with charts. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../src/domain/calendar/calendar";
import type { InquiryRecord } from "../src/domain/inquiry/record";
import { logFields } from "../src/adapters/sharepoint/row";
import type { SlaEvent } from "../src/domain/sla/clocks";
import { DEFAULT_POLICIES, type Mailbox } from "../src/domain/sla/policies";

const ROOT = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "triage-report-"));
const calendar = new BusinessCalendar();

function item(i: number, mailbox: Mailbox, assignee: string, receivedAt: string, events: { type: SlaEvent["type"]; at: string }[]): string {
  const r: InquiryRecord = {
    internetMessageId: `<tat${i}@mail.example>`, subject: "Jane Secretname", mailbox, receivedAt: Date.parse(receivedAt), senderAddress: "jane@example.com",
    senderType: "member", category: "general_inquiry", priority: "routine", flags: [], policy: "secure-message", status: "new", assignee, assignedBy: "lead@plan.example",
    assignedAt: Date.parse(receivedAt), confirmationNumber: null, correctedFrom: {}, notes: "", history: [], events: events.map((e) => ({ type: e.type, at: Date.parse(e.at) })),
  };
  return JSON.stringify({ id: String(i), fields: logFields(r, calendar, DEFAULT_POLICIES, 0) });
}

const hostile = '<img src=x onerror="alert(1)">';
const lines = [
  // Thursday 1 Oct: acknowledged same day, resolved Friday (1 business day)
  item(1, "secure-message", "ana@plan.example", "2026-10-01T09:00:00-05:00", [{ type: "acknowledged", at: "2026-10-01T10:00:00-05:00" }, { type: "resolved", at: "2026-10-02T10:00:00-05:00" }]),
  // Thursday 1 Oct: answered Monday 5 Oct (2 business days), resolved Thursday 8 Oct (5)
  item(2, "secure-message", "ben@plan.example", "2026-10-01T11:00:00-05:00", [{ type: "responded", at: "2026-10-05T10:00:00-05:00" }, { type: "resolved", at: "2026-10-08T10:00:00-05:00" }]),
  // Friday 9 Oct (Monday 12 is a holiday): resolved Tuesday 13 = 1 business day
  item(3, "contact-us", hostile, "2026-10-09T15:00:00-05:00", [{ type: "resolved", at: "2026-10-13T15:00:00-05:00" }]),
  // Friday 30 Oct, never resolved
  item(4, "contact-us", "ana@plan.example", "2026-10-30T12:00:00-05:00", []),
  // 1 November: outside the period
  item(5, "secure-message", "ana@plan.example", "2026-11-02T09:00:00-06:00", [{ type: "resolved", at: "2026-11-02T10:00:00-06:00" }]),
  "{not json Jane Secretname",
];

function report(...args: string[]) {
  const file = join(dir, `items-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join("\n") + "\n");
  const r = spawnSync("npx", ["tsx", "src/cli/report.ts", "tat", "--items", file, ...args], { cwd: ROOT, encoding: "utf8" });
  const [header, ...rows] = r.stdout.split("\r\n").filter(Boolean);
  const cols = (header ?? "").split(",");
  const table = rows.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i]!, v])));
  return { status: r.status, table, err: r.stderr };
}

describe("the turnaround report command line", () => {
  it("counts the period's inquiries within each goal, overall, per mailbox, per advocate and per week", () => {
    const r = report("--from", "2026-10-01", "--to", "2026-10-31");
    expect(r.status).toBe(0);
    const overall = r.table.find((t) => t["Group"] === "overall")!;
    expect(overall).toMatchObject({ Received: "4", "Acknowledged within 1 day": "1", "Answered within 3 days": "1", "Resolved within 2 days": "2", "Resolved within 5 days": "3", Open: "1", "Resolved within 2 days %": "50.0" });
    const box = (k: string) => r.table.find((t) => t["Group"] === "mailbox" && t["Key"] === k);
    expect(box("secure-message")).toMatchObject({ Received: "2", "Resolved within 2 days": "1", "Resolved within 5 days": "2" });
    expect(box("contact-us")).toMatchObject({ Received: "2", "Resolved within 2 days": "1", Open: "1" });
    expect(r.table.find((t) => t["Group"] === "advocate" && t["Key"] === "ana@plan.example")).toMatchObject({ Received: "2", "Resolved within 2 days": "1" });
    expect(r.table.filter((t) => t["Group"] === "week").map((t) => [t["Key"], t["Received"]])).toEqual([["2026-09-28", "2"], ["2026-10-05", "1"], ["2026-10-26", "1"]]);
    expect(r.err).toContain("line 6: not valid JSON");
    expect(r.err).not.toContain("Secretname");
  });

  it("writes an HTML page with the numbers and charts against the goals, the data escaped and no script", () => {
    const html = join(dir, "tat.html");
    const r = report("--from", "2026-10-01", "--to", "2026-10-31", "--html", html, "--csv", join(dir, "tat.csv"));
    expect(r.status).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("Resolved within 2 business days: <strong>50.0%</strong> (goal 95%) — not met");
    expect(page.match(/<svg[^>]*role="img"/g)).toHaveLength(3);
    expect(page).not.toContain("<img");
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(readFileSync(join(dir, "tat.csv"), "utf8")).toContain("overall,all,4,");
  });

  it("refuses impossible dates and a reversed period with a message", () => {
    expect(report("--from", "2026-02-30", "--to", "2026-03-01")).toMatchObject({ status: 2, err: expect.stringContaining("--from must be a date") });
    expect(report("--from", "2026-10-31", "--to", "2026-10-01")).toMatchObject({ status: 2, err: expect.stringContaining("before") });
  });
});
