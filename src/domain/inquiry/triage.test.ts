import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/calendar";
import { formatInZone } from "../calendar/zone";
import { loadModel } from "../../cli/model";
import { Classifier } from "../classify/classifier";
import { DEFAULT_SETTINGS } from "../settings";
import { instructionsFor, resolveMailbox, triage, type TriageInput } from "./triage";

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

describe("what the pane tells the advocate to do now", () => {
  const org = DEFAULT_SETTINGS.organisation;
  const c = { missingFields: [] as string[], language: "en" };
  const say = (...args: Parameters<typeof instructionsFor>) => instructionsFor(...args).map((i) => `${i.kind}|${i.tone}|${i.title}|${i.detail}`);

  it("forwards a grievance or an appeal to the coordinator at once, saying which it is", () => {
    expect(say("grievance", "routine", [], c, DEFAULT_SETTINGS)).toEqual([
      `appealsGrievances|urgent|Forward to the ${org.appealsCoordinator} now|A grievance: the sender wants a complaint registered or acted on.`,
    ]);
    expect(say("appeal", "routine", [], c, DEFAULT_SETTINGS)).toEqual([
      `appealsGrievances|urgent|Forward to the ${org.appealsCoordinator} now|An appeal: the sender asks the plan to reconsider a decision.`,
    ]);
  });

  it("warns that another category may be a grievance or an appeal, quoting the sentence, but not when it already is one", () => {
    const mayBe = { category: "appeal" as const, probability: 0.4, sentence: "Please reverse the decision." };
    expect(say("claims_billing", "routine", [], { ...c, mayBe }, DEFAULT_SETTINGS)).toEqual([
      `mayBeAppealsGrievances|warning|This may be an appeal: read it before answering|“Please reverse the decision.” If it is, correct the category and forward it to the ${org.appealsCoordinator} now.`,
    ]);
    expect(say("general_inquiry", "routine", [], { ...c, mayBe: { ...mayBe, category: "grievance", sentence: "" } }, DEFAULT_SETTINGS)).toEqual([
      `mayBeAppealsGrievances|warning|This may be a grievance: read it before answering|If it is, correct the category and forward it to the ${org.appealsCoordinator} now.`,
    ]);
    for (const category of ["appeal", "grievance"] as const) expect(instructionsFor(category, "routine", [], { ...c, mayBe }, DEFAULT_SETTINGS).map((i) => i.kind)).toEqual(["appealsGrievances"]);
  });

  it("says what each flag asks of the advocate, in the words the procedures use", () => {
    const one = (flag: Parameters<typeof instructionsFor>[2][number], extra: Partial<typeof c> = {}) => say("general_inquiry", "routine", [flag], { ...c, ...extra }, DEFAULT_SETTINGS);
    expect(one("clinical_referral")).toEqual([`clinical|urgent|Refer to ${org.clinicalTeam}|Medical advice, a medical-necessity review or urgent symptoms: give no medical advice in the reply.`]);
    expect(one("account_verification_required")).toEqual([
      `verify|warning|Verify identity before sharing account details|Unauthenticated channel: general information only until the sender verifies by phone (${org.memberServicesPhone}).`,
    ]);
    expect(one("missing_required_info", { missingFields: ["member ID", "date of birth"] })).toEqual(["missingInfo|warning|Ask for the missing information|Missing: member ID; date of birth."]);
    expect(one("missing_required_info")).toEqual(["missingInfo|warning|Ask for the missing information|A required field is missing."]);
    expect(one("mixed_lines_of_business")).toEqual(["mixedLines|warning|Medicare and Individual issues in one email|Answer and log each member's issue under its own line of business."]);
    expect(one("repeat_contact")).toEqual(["repeat|warning|Repeat contact about an unresolved issue|Check the earlier contacts first; treated as escalated."]);
    expect(one("non_english", { language: "vi" })).toEqual(["language|info|Written in Vietnamese|Answer in that language or arrange language assistance."]);
    expect(one("non_english", { language: "xx" })).toEqual(["language|info|Written in xx|Answer in that language or arrange language assistance."]);
  });

  it("says a high-priority, escalated, voicemail, empty or out-of-scope email for what it is", () => {
    expect(say("claims_billing", "high", [], c, DEFAULT_SETTINGS)).toEqual(["highPriority|urgent|High priority: respond within 4 business hours|Immediate risk to access to care, or a safety concern."]);
    expect(say("claims_billing", "escalated", [], c, DEFAULT_SETTINGS)).toEqual([
      "escalated|warning|Escalated: answer within the escalated time|It came through an escalation path or repeats an unresolved contact; the clocks below say when the answer is due.",
    ]);
    expect(say("claims_billing", "routine", [], c, DEFAULT_SETTINGS, { mailbox: "voicemail-followup" })).toEqual([
      "callBack|warning|Call the member back|A voicemail: call back at the number they left. General information only until they verify their account.",
    ]);
    expect(say("claims_billing", "routine", [], c, DEFAULT_SETTINGS, { emptyBody: true })).toEqual(["emptyMessage|warning|The email has no message|Reply asking what they need help with, or call them if the plan has their number."]);
    expect(say("out_of_scope", "routine", [], c, DEFAULT_SETTINGS)).toEqual(["outOfScope|info|Out of scope for this mailbox|Reply with guidance on where to get this answered."]);
    expect(say("claims_billing", "routine", [], c, DEFAULT_SETTINGS, { mailbox: "secure-message", emptyBody: false })).toEqual([]);
  });

  it("puts the must-forward first and the urgent ones before the rest when several apply", () => {
    const kinds = instructionsFor(
      "grievance",
      "high",
      ["non_english", "repeat_contact", "mixed_lines_of_business", "missing_required_info", "account_verification_required", "clinical_referral"],
      { ...c, language: "es" },
      DEFAULT_SETTINGS,
      { mailbox: "voicemail-followup", emptyBody: true },
    ).map((i) => i.kind);
    expect(kinds).toEqual(["appealsGrievances", "highPriority", "callBack", "emptyMessage", "clinical", "verify", "missingInfo", "mixedLines", "repeat", "language"]);
  });

  it("names the deployment's own coordinator, clinical team and phone, not the defaults", () => {
    const settings = { ...DEFAULT_SETTINGS, organisation: { ...org, appealsCoordinator: "A&G desk", clinicalTeam: "the nurse line", memberServicesPhone: "1-800-555-0199" } };
    const text = instructionsFor("appeal", "routine", ["clinical_referral", "account_verification_required"], c, settings).map((i) => `${i.title} ${i.detail}`).join(" ");
    expect(text).toContain("Forward to the A&G desk now");
    expect(text).toContain("Refer to the nurse line");
    expect(text).toContain("(1-800-555-0199)");
  });
});

describe("triage around the classifier", () => {
  type Classified = ReturnType<Classifier["classify"]>;
  const fixed = (over: Partial<Classified> = {}) => {
    const seen: { mailbox: string }[] = [];
    const classifier = {
      classify: (e: { mailbox: string }): Classified => {
        seen.push({ mailbox: e.mailbox });
        return {
          category: "claims_billing", senderType: "member", priority: "routine", language: "en", flags: [], policy: "secure-message", confidence: 0.9,
          reasons: [], missingFields: [], warnings: [], modelVersion: "test", ...over,
        };
      },
    };
    return { deps: { ...deps, classifier }, seen };
  };

  it("hands the classifier the mailbox found, or none, and words its warnings in the pane's terms", () => {
    const { deps: d, seen } = fixed({ warnings: [{ code: "unknownMailbox", mailbox: "" }, { code: "emptyBody" }] });
    const v = triage({ ...base, deliveredTo: ["nobody@plan.example"] }, d);
    expect(seen).toEqual([{ mailbox: "" }]);
    // the classifier's unknown-mailbox warning is replaced by the pane's own; the others are kept
    expect(v.warnings).toEqual(["This mailbox is not in the deployment's settings: choose the mailbox below so the right SLA applies.", "the email has no body text: classified from the subject and sender only"]);
    triage(base, d);
    expect(seen[1]).toEqual({ mailbox: "secure-message" });
    expect(triage(base, d).warnings).toEqual(["the email has no body text: classified from the subject and sender only"]);
  });

  it("records what a correction changed, and only that", () => {
    const { deps: d } = fixed();
    expect(triage({ ...base, correction: { category: "grievance", priority: "high", mailbox: "contact-us" } }, d).corrected).toEqual({ category: "claims_billing", priority: "routine", mailbox: "secure-message" });
    // a correction to what the model already said, or a mailbox chosen where none was found, changes nothing to record
    expect(triage({ ...base, correction: { category: "claims_billing", priority: "routine", mailbox: "secure-message" } }, d).corrected).toEqual({});
    const chosen = triage({ ...base, deliveredTo: ["nobody@plan.example"], correction: { mailbox: "contact-us" } }, d);
    expect(chosen.corrected).toEqual({});
    expect(chosen.mailbox).toBe("contact-us");
    expect(chosen.warnings).toEqual([]);
  });

  it("says when the policy the settings route to is not configured, and shows no clocks", () => {
    const { deps: d } = fixed();
    const v = triage(base, { ...d, settings: { ...DEFAULT_SETTINGS, policies: DEFAULT_SETTINGS.policies.filter((p) => p.id !== "secure-message") } });
    expect(v.sla).toBeNull();
    expect(v.warnings).toEqual(['The policy "secure-message" is not configured: no SLA clocks.']);
    expect(triage(base, d).warnings).toEqual([]);
  });

  it("runs the clocks from the logged events", () => {
    const { deps: d } = fixed();
    const answered = triage({ ...base, events: [{ type: "responded", at: Date.parse("2026-03-04T10:30:00-06:00") }] }, d);
    expect(answered.sla!.clocks.find((k) => k.name === "firstResponse")!.state).toBe("met");
    expect(triage(base, d).sla!.clocks.find((k) => k.name === "firstResponse")!.state).toBe("running");
  });

  it("takes a body of 100,000 characters or more as a message without reading it for emptiness; a short one of markup only is empty", () => {
    const { deps: d } = fixed();
    const tags = "<p>&nbsp;</p>".repeat(8_000); // 104,000 characters
    expect(triage({ ...base, email: { ...base.email, bodyType: "html", body: tags } }, d).instructions.map((i) => i.kind)).not.toContain("emptyMessage");
    expect(triage({ ...base, email: { ...base.email, bodyType: "html", body: "<div> &#160; </div>" } }, d).instructions.map((i) => i.kind)).toContain("emptyMessage");
  });
});

describe("triage at the edges of what Outlook hands over", () => {
  it("knows a mailbox whatever the case of its delivered-to address, and spaces around it", () => {
    expect(resolveMailbox([" SecureMessages@Plan.Example "], DEFAULT_SETTINGS.mailboxAddresses)).toBe("secure-message");
    expect(resolveMailbox(["AgentSupport@plan.example"], DEFAULT_SETTINGS.mailboxAddresses)).toBe("agent-support");
  });

  it("calls a body of blanks under 100,000 characters empty, and does not read one of 100,000 or more", () => {
    const kinds = (body: string) => triage({ ...base, email: { ...base.email, body } }, deps).instructions.map((i) => i.kind);
    expect(kinds(" ".repeat(99_999))).toContain("emptyMessage");
    expect(kinds(" ".repeat(100_000))).not.toContain("emptyMessage");
  });
});
