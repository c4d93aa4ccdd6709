/** `npm run audit -- sample`: the month's NCQA sample and worksheet, from an export of the list as the pane writes it. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../src/domain/calendar/calendar";
import type { InquiryRecord } from "../src/domain/inquiry/record";
import { logFields } from "../src/adapters/sharepoint/row";
import { DEFAULT_POLICIES } from "../src/domain/sla/policies";
import type { SlaEvent } from "../src/domain/sla/clocks";

const ROOT = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "triage-audit-"));
const calendar = new BusinessCalendar();

function record(i: number, receivedAt: string, events: { type: SlaEvent["type"]; at: string }[] = [], confirmation: string | null = `C-${i}`): InquiryRecord {
  return {
    internetMessageId: `<audit${i}@mail.example>`, subject: `Member Jane Secretname ${i}`, mailbox: "secure-message", receivedAt: Date.parse(receivedAt),
    senderAddress: "jane.secretname@example.com", senderType: "member", category: "general_inquiry", priority: "routine", flags: [], policy: "secure-message",
    status: "new", assignee: null, assignedBy: null, assignedAt: null, confirmationNumber: confirmation, correctedFrom: {}, notes: "", history: [],
    events: events.map((e) => ({ type: e.type, at: Date.parse(e.at) })),
  };
}

/** `count` inquiries spread over October 2026, plus a few from September and November that must not count. */
function october(count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = 1 + (i % 31);
    const at = `2026-10-${String(day).padStart(2, "0")}T${String(8 + (i % 9)).padStart(2, "0")}:30:00-05:00`;
    lines.push(JSON.stringify({ id: String(i), fields: logFields(record(i, at), calendar, DEFAULT_POLICIES, Date.parse("2026-11-20T12:00:00Z")) }));
  }
  lines.push(JSON.stringify(logFields(record(9001, "2026-09-30T16:00:00-05:00"), calendar, DEFAULT_POLICIES, 0)));
  lines.push(JSON.stringify(logFields(record(9002, "2026-11-01T09:00:00-06:00"), calendar, DEFAULT_POLICIES, 0)));
  return lines;
}

function audit(lines: string[], ...args: string[]) {
  const file = join(dir, `items-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join("\n") + "\n");
  const r = spawnSync("npx", ["tsx", "src/cli/audit.ts", "sample", "--month", "2026-10", "--items", file, ...args], { cwd: ROOT, encoding: "utf8" });
  const rows = r.stdout.split("\r\n").filter(Boolean);
  return { status: r.status, header: rows[0] ?? "", rows: rows.slice(1), err: r.stderr };
}

describe("the audit command line", () => {
  it("samples 10 of 37, 23 of 230 and 50 of 900 of the month's inquiries, the same for the same seed", () => {
    const sizes = [37, 230, 900].map((n) => {
      const r = audit(october(n), "--seed", "424242");
      expect(r.status).toBe(0);
      expect(r.err).toContain(`of ${n} inquiries, seed 424242`);
      return r.rows.length;
    });
    expect(sizes).toEqual([10, 23, 50]);
    const lines = october(230);
    const again = audit([...lines].reverse(), "--seed", "424242");
    expect(again.rows).toEqual(audit(lines, "--seed", "424242").rows);
    expect(audit(lines, "--seed", "7").rows).not.toEqual(again.rows);
  });

  it("records a seed when none is given, and that seed draws the same sample again", () => {
    const lines = october(120);
    const first = audit(lines);
    const seed = /seed (\d+)/.exec(first.err)?.[1];
    expect(seed).toBeDefined();
    expect(audit(lines, "--seed", seed!).rows).toEqual(first.rows);
  });

  it("fills the worksheet's computed columns in business days, counting after-hours mail and holidays as the clocks do", () => {
    const lines = [
      // Friday after 5 pm: counts from Monday 5 Oct; acknowledged Tuesday (1 day, met); resolved Friday 9 Oct (4 days, not met)
      JSON.stringify(logFields(record(1, "2026-10-02T18:10:00-05:00", [{ type: "acknowledged", at: "2026-10-06T09:00:00-05:00" }, { type: "resolved", at: "2026-10-09T15:00:00-05:00" }]), calendar, DEFAULT_POLICIES, 0)),
      // Friday 9 Oct; Monday 12 Oct is Columbus Day: answered Tuesday is 1 business day; resolved Wednesday is 2 (met)
      JSON.stringify(logFields(record(2, "2026-10-09T10:00:00-05:00", [{ type: "responded", at: "2026-10-13T11:00:00-05:00" }, { type: "resolved", at: "2026-10-14T16:00:00-05:00" }]), calendar, DEFAULT_POLICIES, 0)),
      // never acknowledged nor resolved: the computed cells stay empty, with a note
      JSON.stringify(logFields(record(3, "2026-10-20T10:00:00-05:00"), calendar, DEFAULT_POLICIES, 0)),
      // a hostile confirmation number must not become a spreadsheet formula
      JSON.stringify(logFields(record(4, "2026-10-21T10:00:00-05:00", [], '=HYPERLINK("http://evil.example","x")'), calendar, DEFAULT_POLICIES, 0)),
    ];
    const r = audit(lines, "--seed", "1");
    expect(r.header).toBe(
      "Member Id Number,Confirmation Number,Request Date,Acknowledgement Date,Acknowledgement # of Business Days,Acknowledgement TAT Met Y/N," +
        "Resolution Date,Resolution # of Business Days,Resolution TAT Met Y/N,Answered Correctly (Yes/No),Reply Professional (Yes/No),Accurate Information (Yes/No),Notes",
    );
    expect(r.rows).toEqual([
      ",C-1,2026-10-02,2026-10-06,1,Y,2026-10-09,4,N,,,,",
      ",C-2,2026-10-09,2026-10-13,1,Y,2026-10-14,2,Y,,,,",
      ",C-3,2026-10-20,,,,,,,,,,not resolved when the sample was drawn",
      `,"'=HYPERLINK(""http://evil.example"",""x"")",2026-10-21,,,,,,,,,,not resolved when the sample was drawn`,
    ]);
  });

  it("skips unreadable lines by number without echoing them, and refuses bad arguments with a message", () => {
    const r = audit(["{broken Jane Secretname", JSON.stringify({ fields: { InternetMessageId: "<x@y>", ReceivedAt: "yesterday" } }), ...october(12)], "--seed", "3");
    expect(r.status).toBe(0);
    expect(r.rows).toHaveLength(10);
    expect(r.err).toContain("line 1: not valid JSON");
    expect(r.err).toContain("line 2: no ReceivedAt date-time");
    expect(r.err).not.toContain("Secretname");
    const bad = spawnSync("npx", ["tsx", "src/cli/audit.ts", "sample", "--month", "October", "--items", "package.json"], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("month must look like 2026-10");
    const missing = spawnSync("npx", ["tsx", "src/cli/audit.ts", "sample", "--month", "2026-10", "--items", join(dir, "nope.jsonl")], { cwd: ROOT, encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file");
  });
});
