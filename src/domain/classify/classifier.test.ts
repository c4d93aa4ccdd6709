import { describe, expect, it } from "vitest";
import { Classifier, warningText, type EmailInput } from "./classifier";
import { loadModel } from "../../cli/model";

const classifier = new Classifier({ model: loadModel() });
const email = (over: Partial<EmailInput>): EmailInput => ({
  mailbox: "secure-message",
  from: "pat.doe@example.com",
  subject: "",
  body: "",
  bodyType: "text",
  ...over,
});

describe("category", () => {
  it("does not call a denied claim an appeal when the member says they are not appealing", () => {
    const c = classifier.classify(email({ subject: "EOB question", body: "My claim was denied. I'm not asking for an appeal, I just want to understand the EOB. Do I owe the $80?" }));
    expect(c.category).toBe("claims_billing");
  });

  it("calls a request to reconsider a decision an appeal, in English and in Spanish", () => {
    expect(classifier.classify(email({ body: "I disagree with your decision to deny my wheelchair and I want it reviewed again." })).category).toBe("appeal");
    expect(classifier.classify(email({ body: "Quiero apelar la decisión de negar la cirugía de mi esposo." })).category).toBe("appeal");
  });

  it("hears an appeal in an objection to a decision, even without the word", () => {
    expect(classifier.classify(email({ body: "You denied my request for a hospital bed. That is not fair and I want someone else to look at it again." })).category).toBe("appeal");
    // Known miss of the shipped model (docs/decisions/0023): "My claim was denied and I don't
    // understand the letter" reads as an appeal; the safety-first threshold accepts such false alarms.
  });

  it("puts an appeal before a grievance and a grievance before the topic", () => {
    expect(classifier.classify(email({ body: "I want to file a complaint and I am also asking you to reconsider the denial of my MRI." })).category).toBe("appeal");
    expect(classifier.classify(email({ subject: "ID card", body: "It has been six weeks and still no ID card. I want to file a complaint about this." })).category).toBe("grievance");
  });

  it("treats an impatient sender without a complaint as the topic, not a grievance", () => {
    const c = classifier.classify(email({ subject: "still no card", body: "It has been three weeks and I still don't have my insurance card. Please mail it." }));
    expect(c.category).toBe("member_materials");
  });

  it("does not count an old complaint quoted below a new, unrelated question", () => {
    const c = classifier.classify(email({
      subject: "RE: my complaint",
      body: "Thanks, the new ID card came today. One more question: what is your mailing address for paper forms?\n\n-----Original Message-----\nFrom: Pat\nSent: Monday\nSubject: my complaint\n\nI want to file a complaint, it has been six weeks.",
    }));
    expect(c.category).not.toBe("grievance");
  });

  it("reads HTML as text and never treats markup as words", () => {
    const c = classifier.classify(email({
      bodyType: "html",
      body: '<html><head><script>var appeal = "complaint grievance";</script><style>.x{}</style></head><body><p>I cannot <b>log in</b> to the member portal; my password reset never arrives.</p><img src="https://t.example/p.gif"></body></html>',
    }));
    expect(c.category).toBe("portal_access");
  });

  it("puts a Medicaid question to the agent-support mailbox out of scope", () => {
    const c = classifier.classify(email({ mailbox: "agent-support", from: "al@bestagents.example", subject: "Brooks, Tanya Medicaid", body: "Agent Name: Al\nAgent SAN: 1\nMember ID #: 2\nMember Name: T\nSummary of issue: she wants a new PCP" }));
    expect(c.category).toBe("out_of_scope");
  });

  it("quotes the sender's own words that decided, never the signature or an empty body", () => {
    const c = classifier.classify(email({ body: "The driver never came for my dialysis ride and nobody called. I want this written down and looked into.\n\nThanks,\nPat Doe\nBilling Office Manager" }));
    const why = c.reasons.filter((r) => r.field === "category").map((r) => r.text).join(" ");
    for (const quoted of why.match(/“([^”]+)”/g) ?? []) expect(c.reasons.length && "The driver never came for my dialysis ride and nobody called. I want this written down and looked into.".toLowerCase()).toContain(quoted.slice(1, -1).replace(/…$/, "").toLowerCase());
    const empty = classifier.classify(email({ subject: "", body: "" }));
    expect(empty.reasons.map((r) => r.text).join(" ")).not.toMatch(/“/);
  });

  it("quotes each deciding word once, however often the sender repeats it", () => {
    const body = "I got a bill for my ambulance ride. ".repeat(30) + "The bill says I owe $900 for the ambulance.";
    const c = classifier.classify(email({ subject: "bill", body }));
    const why = c.reasons.find((r) => r.field === "category")!.text;
    const quotes = (why.match(/“([^”]+)”/g) ?? []).map((q) => q.toLowerCase());
    expect(quotes.length).toBeGreaterThan(0);
    expect(new Set(quotes).size).toBe(quotes.length);
  });
});

describe("priority and flags", () => {
  it("marks a medication about to run out as high priority, an authorization matter", () => {
    const c = classifier.classify(email({ body: "My pharmacy says my insulin needs a new prior authorization and I ran out yesterday. I have none left. Please help today." }));
    expect(c.priority).toBe("high");
    expect(c.category).toBe("authorization");
  });

  it("refers urgent symptoms to clinical staff", () => {
    const c = classifier.classify(
      email({
        subject: "Mom sick after discharge - need a nurse",
        body: "My mother was discharged yesterday and now she has a fever of 103, she is confused and can barely breathe. Please have a nurse call us today, we don't know if we should take her back to the ER.",
      }),
    );
    expect(c.flags).toContain("clinical_referral");
    // Known miss of the shipped model (docs/decisions/0023): the shorter "…now she has a fever of
    // 103 and is confused. The discharge nurse said to call you. What should we do?" stays just
    // under the clinical threshold (0.28 against 0.30); clinical-referral F1 is 0.86 held out.
  });

  it("does not make a prior-authorization status question clinical", () => {
    const c = classifier.classify(email({ body: "What is the status of the prior authorization for my knee MRI? The office sent it two weeks ago." }));
    expect(c.category).toBe("authorization");
    expect(c.flags).not.toContain("clinical_referral");
    expect(c.priority).toBe("routine");
  });

  it("escalates a repeat contact and says so", () => {
    const c = classifier.classify(email({ body: "This is the third time I am writing about my bill. Nobody has answered my last two emails." }));
    expect(c.flags).toContain("repeat_contact");
    expect(c.priority).toBe("escalated");
  });

  it("escalates everything that arrives in the escalations mailbox", () => {
    const c = classifier.classify(email({ mailbox: "mco-escalations", from: "someone@dhs.state.example", body: "Please check this member's enrollment." }));
    expect(c.priority).toBe("escalated");
    expect(c.senderType).toBe("internal");
    expect(c.policy).toBe("mco-escalated");
  });

  it("names the missing agent-template fields", () => {
    const c = classifier.classify(email({ mailbox: "agent-support", from: "ann@agency-insurance.example", subject: "question", body: "Agent Name: Ann\nMember ID #: PLH-M-1\nSummary of issue: card not received" }));
    expect(c.flags).toContain("missing_required_info");
    expect(c.missingFields).toEqual(["Agent SAN", "Member Name", expect.stringContaining("subject in the form")]);
  });

  it("asks a specialist request for the specialty and the location it lacks", () => {
    const c = classifier.classify(email({ mailbox: "specialist", from: "referrals@clinic.example", body: "Please send in-network specialists for our patient below." }));
    expect(c.missingFields).toEqual(["the specialty needed", "the member's location"]);
  });

  it("requires verification for account questions through contact-us and voicemail only", () => {
    const body = "Was my claim for the ambulance paid? I got a bill.";
    expect(classifier.classify(email({ mailbox: "contact-us", body })).flags).toContain("account_verification_required");
    expect(classifier.classify(email({ mailbox: "secure-message", body })).flags).not.toContain("account_verification_required");
  });

  it("flags Medicare and Individual members in one email", () => {
    const c = classifier.classify(email({ body: "I am on your Medicare Advantage plan and my wife is on one of your Individual plans. Do both cover glasses?" }));
    expect(c.flags).toContain("mixed_lines_of_business");
  });

  it("detects Spanish and Vietnamese and flags non-English", () => {
    const es = classifier.classify(email({ body: "Hola, necesito un intérprete para mi cita con el doctor la próxima semana. Gracias." }));
    expect([es.language, es.category]).toEqual(["es", "language_access"]);
    expect(es.flags).toContain("non_english");
    const vi = classifier.classify(email({ body: "Xin chào, tôi cần một thông dịch viên tiếng Việt cho cuộc hẹn với bác sĩ. Xin cảm ơn." }));
    expect(vi.language).toBe("vi");
  });
});

describe("sender type", () => {
  it("reads the contact form's 'I am a' field", () => {
    expect(classifier.classify(email({ mailbox: "contact-us", body: "Name: A\nI am a: Provider\nMessage:\nclaim status?" })).senderType).toBe("provider");
    expect(classifier.classify(email({ mailbox: "contact-us", body: "Name: A\nI am a: -- select --\nMessage:\nwhat are your hours?" })).senderType).toBe("unknown");
  });

  it("treats the plan's own domain as internal, but a voicemail system address as the caller", () => {
    expect(classifier.classify(email({ from: "csr@plan.example", body: "I took a call from a member." })).senderType).toBe("internal");
    expect(classifier.classify(email({ mailbox: "voicemail-followup", from: "voicemail-noreply@plan.example", body: "Transcription: Hi, I'm a member and I need my card." })).senderType).toBe("member");
  });
});

describe("hostile or broken input", () => {
  it("classifies an empty body from the subject and says the body was empty", () => {
    const c = classifier.classify(email({ subject: "ID card", body: "" }));
    expect(c.category).toBe("member_materials");
    expect(c.warnings.map(warningText).join(" ")).toMatch(/no body/);
  });

  it("reads only the first part of a 5 MB body and says so", () => {
    const body = "Please check my claim. ".repeat(240_000);
    const c = classifier.classify(email({ body }));
    expect(c.category).toBe("claims_billing");
    expect(c.warnings.map(warningText).join(" ")).toMatch(/only the first/);
  });

  it("times an unknown mailbox under the member-services standard and warns", () => {
    const c = classifier.classify(email({ mailbox: "no-such-box", body: "hello" }));
    expect(c.policy).toBe("member-services-email");
    expect(c.warnings.map(warningText).join(" ")).toMatch(/unknown mailbox/);
  });
});

describe("sender type from a contact form's provider cues", () => {
  it("reads a doctor's office, clinic, hospital or pharmacy in 'I am a', and a provider form's name, as a provider", () => {
    for (const role of ["Provider", "Doctor's office", "Clinic staff", "Hospital billing", "Pharmacy", "Proveedor"]) {
      expect({ role, senderType: classifier.classify(email({ mailbox: "contact-us", body: `Name: A\nI am a: ${role}\nMessage:\nclaim status for my patient?` })).senderType }).toEqual({ role, senderType: "provider" });
    }
    expect(classifier.classify(email({ mailbox: "contact-us", body: "Form: Provider inquiry\nName: A\nMessage:\nclaim status for my patient?" })).senderType).toBe("provider");
    expect(classifier.classify(email({ mailbox: "contact-us", body: "Name: A\nI am a: Member\nMessage:\nclaim status?" })).senderType).toBe("member");
  });
});
