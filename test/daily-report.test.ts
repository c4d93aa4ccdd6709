/** `npm run report -- daily`: the 10:00 report of the procedures, from a list export. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../src/domain/calendar/calendar";
import type { InquiryRecord } from "../src/domain/inquiry/record";
import { logFields } from "../src/adapters/sharepoint/row";
import type { Status } from "../src/domain/inquiry/status";
import type { SlaEvent } from "../src/domain/sla/clocks";
import { DEFAULT_POLICIES, type Mailbox, type Priority } from "../src/domain/sla/policies";

const ROOT = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "triage-daily-"));
const calendar = new BusinessCalendar();
const hostile = "<b>lead</b>";

function item(c: string, o: { mailbox?: Mailbox; policy?: string; priority?: Priority; status?: Status; assignee?: string | null; receivedAt: string; events?: { type: SlaEvent["type"]; at: string }[] }): string {
  const r: InquiryRecord = {
    internetMessageId: `<${c}@mail.example>`, subject: "Jane Secretname's claim", mailbox: o.mailbox ?? "secure-message", receivedAt: Date.parse(o.receivedAt),
    senderAddress: "jane@example.com", senderType: "member", category: "general_inquiry", priority: o.priority ?? "routine", flags: [], policy: o.policy ?? "secure-message",
    status: o.status ?? "new", assignee: o.assignee ?? null, assignedBy: null, assignedAt: null, confirmationNumber: c, correctedFrom: {}, notes: "", history: [],
    events: (o.events ?? []).map((e) => ({ type: e.type, at: Date.parse(e.at) })),
  };
  return JSON.stringify(logFields(r, calendar, DEFAULT_POLICIES, 0));
}

// The report for Monday 5 October 2026 at 10:00 covers everything since Friday 2 October at 10:00.
const lines = [
  item("ARRIVED1", { receivedAt: "2026-10-02T18:00:00-05:00" }), // Friday evening: arrived, counts from Monday, not due today
  item("DUETODAY", { mailbox: "mco-escalations", policy: "mco-high-priority", priority: "high", assignee: "ana@plan.example", status: "assigned", receivedAt: "2026-10-05T08:30:00-05:00" }), // 4 business hours: due 12:30
  item("LATE0001", { assignee: hostile, status: "assigned", receivedAt: "2026-09-30T09:00:00-05:00" }), // no answer in 1 business day
  item("DONEFRI1", { status: "resolved", receivedAt: "2026-10-01T09:00:00-05:00", events: [{ type: "responded", at: "2026-10-01T12:00:00-05:00" }, { type: "resolved", at: "2026-10-02T15:00:00-05:00" }] }),
  item("DONETHU1", { status: "resolved", receivedAt: "2026-09-29T09:00:00-05:00", events: [{ type: "responded", at: "2026-09-29T12:00:00-05:00" }, { type: "resolved", at: "2026-10-01T15:00:00-05:00" }] }),
  item("LATERMON", { receivedAt: "2026-10-05T11:00:00-05:00" }), // after the report's time
];

function daily(...args: string[]) {
  const file = join(dir, `items-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join("\n") + "\n");
  const r = spawnSync("npx", ["tsx", "src/cli/report.ts", "daily", "--items", file, ...args], { cwd: ROOT, encoding: "utf8" });
  const rows = r.stdout.split("\r\n").filter(Boolean).slice(1).map((l) => l.split(","));
  const section = (s: string) => rows.filter((row) => row[0] === s).map((row) => row[1]);
  return { status: r.status, section, err: r.stderr };
}

describe("the daily report command line", () => {
  it("lists what arrived since the last business day's report, what is late, due today, open and completed", () => {
    const r = daily("--date", "2026-10-05");
    expect(r.status).toBe(0);
    expect(r.section("arrived")).toEqual(["DUETODAY", "ARRIVED1"]);
    expect(r.section("late")).toEqual(["LATE0001"]);
    expect(r.section("dueToday")).toEqual(["DUETODAY"]);
    expect(r.section("open").sort()).toEqual(["ARRIVED1", "DUETODAY", "LATE0001"]);
    expect(r.section("completed")).toEqual(["DONEFRI1"]);
  });

  it("writes the same items as an HTML page, completed rows highlighted blue and late red, the data escaped", () => {
    const html = join(dir, "daily.html");
    const csv = join(dir, "daily.csv");
    expect(daily("--date", "2026-10-05", "--html", html, "--csv", csv).status).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/<tr class="completed"><td>DONEFRI1<\/td>/);
    expect(page).toMatch(/<tr class="late"><td>LATE0001<\/td>/);
    expect(page).toContain("Completed since the last report (1)");
    expect(page).toContain("&lt;b&gt;lead&lt;/b&gt;");
    expect(page).not.toContain("Secretname");
    expect(page).not.toMatch(/<script/i);
    const csvText = readFileSync(csv, "utf8");
    for (const c of ["ARRIVED1", "DUETODAY", "LATE0001", "DONEFRI1"]) expect(page.includes(`<td>${c}</td>`)).toBe(csvText.includes(`,${c},`));
    expect(csvText).not.toContain("DONETHU1");
  });

  it("refuses a bad date or time with a message", () => {
    expect(daily("--date", "2026-13-01")).toMatchObject({ status: 2, err: expect.stringContaining("--date must be a date") });
    expect(daily("--date", "2026-10-05", "--time", "25:00")).toMatchObject({ status: 2, err: expect.stringContaining("--time must look like 10:00") });
  });
});
