import { describe, expect, it } from "vitest";
import { applyAction, type InquiryRecord } from "../domain/inquiry/record";
import { logFields, readListItem } from "../adapters/sharepoint/row";
import type { Action } from "../domain/inquiry/status";
import type { Instruction } from "../domain/inquiry/triage";
import { BusinessCalendar } from "../domain/calendar/calendar";
import { DEFAULT_POLICIES } from "../domain/sla/policies";
import { DEFAULT_SETTINGS } from "../domain/settings";
import { inquiry } from "../../test/fixtures/inquiries";
import { destinationOf, forwardNote, handOff, handOffActions, handOffOf, withHandOffs } from "./forward";

const org = DEFAULT_SETTINGS.organisation;
const ag = destinationOf("appealsGrievances", org);
const clinical = destinationOf("clinical", org);
const t = (iso: string) => Date.parse(iso);
const AT = t("2026-03-04T10:02:00-06:00");
const grievance: InquiryRecord = inquiry({ subject: "Complaint", category: "grievance", receivedAt: t("2026-03-04T09:00:00-06:00"), confirmationNumber: "ABCD-<b>" });
const instructions: Instruction[] = [
  { kind: "appealsGrievances", tone: "urgent", title: "Forward to the Appeals & Grievances coordinator now", detail: "A grievance." },
  { kind: "clinical", tone: "urgent", title: "Refer to clinical staff", detail: "No medical advice." },
  { kind: "highPriority", tone: "urgent", title: "High priority", detail: "" },
];
const at = (ms: number) => new Date(ms).toISOString();

function fakeLog() {
  const logged: { status: string; action: Action }[] = [];
  return { logged, log: async (r: InquiryRecord, a: Action) => void logged.push({ status: r.status, action: a }) };
}

describe("forwarding to A&G and clinical staff", () => {
  it("opens a forward to the settings' coordinator address and logs the hand-off as a route there, taking a new inquiry first", async () => {
    const opened: { to: string; html: string }[] = [];
    const { logged, log } = fakeLog();
    const out = await handOff(grievance, ag, "a grievance", { me: "ana@plan.example", at: AT, openForward: async (to, html) => void opened.push({ to, html }), log });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.to).toBe("appeals.grievances@plan.example");
    expect(opened[0]!.html).toContain("ABCD-&lt;b&gt;"); // the note escapes what it quotes
    expect(logged.map((l) => `${l.status}:${l.action.kind}`)).toEqual(["new:assign", "assigned:route"]);
    if (!("record" in out)) throw new Error(out.error);
    expect(out.record.status).toBe("routed");
    expect(out.record.assignee).toBe("ana@plan.example");
    expect(handOffOf(out.record, ag)).toEqual({ at: AT, by: "ana@plan.example" });
    expect(handOffOf(out.record, clinical)).toBeNull();
  });

  it("keeps the hand-off in the list's columns, so every pane reads it back", () => {
    const r = (handOffActions(grievance, "ana@plan.example", ag) as Action[]).reduce((rec, a) => applyAction(rec, a, AT, "ana@plan.example"), grievance);
    const calendar = new BusinessCalendar();
    const back = readListItem({ id: "1", fields: logFields(r, calendar, DEFAULT_POLICIES, AT) });
    if (typeof back === "string") throw new Error(back);
    expect(handOffOf(back, ag)).toEqual({ at: AT, by: "ana@plan.example" });
  });

  it("hands the same inquiry to clinical staff after A&G, and refuses a resolved one with a reason, opening nothing", async () => {
    let r = applyAction(grievance, { kind: "assign", to: "ana@plan.example" }, AT, "ana@plan.example");
    r = applyAction(r, { kind: "route", to: "appeals.grievances@plan.example" }, AT, "ana@plan.example");
    expect(handOffActions(r, "ana@plan.example", clinical)).toEqual([{ kind: "route", to: "um.nurseline@plan.example" }]);
    const resolved = applyAction(r, { kind: "resolve" }, AT, "ana@plan.example");
    let opened = 0;
    const out = await handOff(resolved, clinical, "a clinical question", { me: "ana@plan.example", at: AT, openForward: async () => void opened++, log: fakeLog().log });
    expect(out).toEqual({ error: expect.stringMatching(/resolved: reopen it/) });
    expect(opened).toBe(0);
  });

  it("logs nothing when Outlook cannot open the forward, and says so", async () => {
    const { logged, log } = fakeLog();
    const failing = await handOff(grievance, ag, "a grievance", { me: "ana@plan.example", at: AT, openForward: async () => Promise.reject(new Error("no")), log });
    expect(failing).toEqual({ error: expect.stringMatching(/could not open the forward/) });
    const absent = await handOff(grievance, ag, "a grievance", { me: "ana@plan.example", at: AT, openForward: undefined, log });
    expect(absent).toEqual({ error: expect.stringMatching(/forward the email yourself/) });
    expect(logged).toEqual([]);
  });

  it("rewrites the instruction once forwarded ('Forwarded to A&G at …'), and after Resolve without it no longer says 'now'", () => {
    expect(withHandOffs(instructions, grievance, org, at)).toEqual(instructions);
    let r = applyAction(grievance, { kind: "assign", to: "ana@plan.example" }, AT, "ana@plan.example");
    r = applyAction(r, { kind: "route", to: "Appeals.Grievances@plan.example" }, AT, "ana@plan.example");
    const after = withHandOffs(instructions, r, org, at);
    expect(after[0]).toMatchObject({ kind: "appealsGrievances", tone: "info", title: `Forwarded to A&G at ${at(AT)}` });
    expect(after[1]).toEqual(instructions[1]);
    expect(after[2]).toEqual(instructions[2]);
    const resolved = applyAction(applyAction(grievance, { kind: "assign", to: "ana@plan.example" }, AT, "ana@plan.example"), { kind: "resolve" }, AT, "ana@plan.example");
    const titles = withHandOffs(instructions, resolved, org, at).map((i) => i.title);
    expect(titles.filter((x) => /now/.test(x))).toEqual([]);
    expect(titles[0]).toMatch(/no hand-off to the Appeals & Grievances coordinator recorded/);
  });

  it("without an address in the settings opens the forward with no recipient and logs it under the coordinator's name", async () => {
    const bare = destinationOf("appealsGrievances", { ...org, appealsCoordinatorAddress: "" });
    const opened: string[] = [];
    const out = await handOff(grievance, bare, "a grievance", { me: "ana@plan.example", at: AT, openForward: async (to) => void opened.push(to), log: fakeLog().log });
    expect(opened).toEqual([""]);
    if (!("record" in out)) throw new Error(out.error);
    expect(out.record.history.at(-1)?.target).toBe("appeals & grievances coordinator");
    expect(handOffOf(out.record, bare)).not.toBeNull();
    expect(forwardNote(grievance, bare, "a grievance")).toMatch(/^<p>For the Appeals &amp; Grievances coordinator/);
  });
});
