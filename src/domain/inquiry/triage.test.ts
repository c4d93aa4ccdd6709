import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import { formatInZone } from "../calendar/zone";
import { loadModel } from "../../cli/model";
import { Classifier } from "../classify/classifier";
import { DEFAULT_SETTINGS } from "../settings";
import { instructionsFor, triage, type TriageInput } from "./triage";

const deps = { classifier: new Classifier({ model: loadModel() }), calendar: new BusinessCalendar(), settings: DEFAULT_SETTINGS };
const base: TriageInput = {
  email: { from: "pat@example.com", subject: "Bill", body: "I got a bill from the lab. Was my claim paid?", bodyType: "text", receivedAt: "2026-03-04T10:00:00-06:00" },
  deliveredTo: ["securemessages@plan.example"],
  now: Date.parse("2026-03-04T11:00:00-06:00"),
};
const due = (v: ReturnType<typeof triage>, name: string) => formatInZone(v.sla!.clocks.find((c) => c.name === name)!.dueAt, deps.calendar.zone);

describe("triage of one email", () => {
  it("finds the mailbox from the delivered-to address and runs its policy's clocks", () => {
    const v = triage(base, deps);
    expect([v.mailbox, v.category, v.policy]).toEqual(["secure-message", "claims_billing", "secure-message"]);
    expect(due(v, "firstResponse")).toBe("2026-03-05T17:00:00-06:00");
  });

  it("lets an advocate correct the priority, and the clocks follow the correction", () => {
    const v = triage({ ...base, deliveredTo: ["mco-escalations@plan.example"], correction: { priority: "high" } }, deps);
    expect(v.policy).toBe("mco-high-priority");
    expect(due(v, "firstResponse")).toBe("2026-03-04T14:00:00-06:00");
    expect(v.corrected.priority).toBe(v.classification.priority);
    expect(v.instructions.map((i) => i.kind)).toContain("highPriority");
  });

  it("sends a corrected grievance to the Appeals & Grievances coordinator", () => {
    const v = triage({ ...base, correction: { category: "grievance" } }, deps);
    expect(v.instructions[0]).toMatchObject({ kind: "appealsGrievances", title: expect.stringContaining("Appeals & Grievances coordinator now") });
  });

  it("asks the advocate to choose an unknown mailbox, and times it meanwhile", () => {
    const v = triage({ ...base, deliveredTo: ["someone-else@plan.example"] }, deps);
    expect(v.mailbox).toBeNull();
    expect(v.warnings.join(" ")).toMatch(/choose the mailbox/);
    expect(v.sla?.clocks.length).toBeGreaterThan(0);
  });

  it("reads a received time without an offset in the plan's zone and says so; a missing one starts now", () => {
    const noOffset = triage({ ...base, email: { ...base.email, receivedAt: "2026-03-04T10:00:00" } }, deps);
    expect(noOffset.warnings.join(" ")).toMatch(/no UTC offset/);
    expect(due(noOffset, "firstResponse")).toBe("2026-03-05T17:00:00-06:00");
    const missing = triage({ ...base, email: { ...base.email, receivedAt: "" } }, deps);
    expect(missing.warnings.join(" ")).toMatch(/clocks start now/);
  });

  it("gives an instruction that agrees with every priority badge, calls a voicemail back and says when the email is empty", () => {
    const c = { missingFields: [] as string[], language: "en" as const };
    const kinds = (priority: "high" | "escalated" | "routine", context = {}) => instructionsFor("claims_billing", priority, [], c, DEFAULT_SETTINGS, context).map((i) => i.kind);
    expect(kinds("high")).toContain("highPriority");
    expect(kinds("escalated")).toContain("escalated");
    expect(kinds("routine")).toEqual([]);
    expect(kinds("routine", { mailbox: "voicemail-followup" })).toEqual(["callBack"]);
    const empty = triage({ ...base, email: { ...base.email, subject: "(empty message)", body: "" } }, deps);
    expect(empty.instructions.map((i) => i.kind)).toContain("emptyMessage");
    expect(triage({ ...base, email: { ...base.email, bodyType: "html", body: "<p>&nbsp;</p>" } }, deps).instructions.map((i) => i.kind)).toContain("emptyMessage");
    expect(triage(base, deps).instructions.map((i) => i.kind)).not.toContain("emptyMessage");
    const voicemail = triage({ ...base, deliveredTo: ["memberservices-voicemail@plan.example"] }, deps);
    expect(voicemail.instructions.find((i) => i.kind === "callBack")?.title).toBe("Call the member back");
  });
});
