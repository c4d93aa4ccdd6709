/**
 * The structural reading of an email that stands beside the model (classifier.ts): what of the
 * email is read as the sender's own words, who the sender is by address, and what a web form's
 * fields say. These are the parts training and the pane must read alike (`prepareEmail`), so they
 * are checked here directly; the tests that need the model are in classifier.test.ts.
 */
import { describe, expect, it } from "vitest";
import { Classifier, prepareEmail, signatureStart, type EmailInput } from "./classifier";
import { loadModel } from "../../cli/model";
import { MAX_ANALYSED_CHARS } from "./text";

const email = (over: Partial<EmailInput>): EmailInput => ({
  mailbox: "secure-message",
  from: "pat.doe@example.com",
  subject: "",
  body: "",
  bodyType: "text",
  ...over,
});
const prep = (over: Partial<EmailInput>, internalDomains?: readonly string[]) => prepareEmail(email(over), internalDomains);
const formOf = (body: string) => prep({ mailbox: "contact-us", body }).form;

describe("what of an email is read", () => {
  it("reads CRLF and old-Mac CR line ends as new lines", () => {
    expect(prep({ body: "Hello\r\nMy card never came\rPat" }).own).toBe("Hello\nMy card never came\nPat");
  });

  it("reads a body of spaces as empty, and a missing subject or body as empty, without failing", () => {
    expect(prep({ body: "   \n \t " }).warnings).toEqual([{ code: "emptyBody" }]);
    const broken = { mailbox: "secure-message", from: "pat@example.com" } as unknown as EmailInput;
    const p = prepareEmail(broken);
    expect([p.subject, p.own, p.quoted]).toEqual(["", "", ""]);
    expect(p.warnings).toEqual([{ code: "emptyBody" }]);
    expect(p.local).toBe("pat");
    const noFrom = prepareEmail({ ...broken, from: undefined } as unknown as EmailInput);
    expect([noFrom.local, noFrom.domain]).toEqual(["", ""]);
    const c = new Classifier({ model: loadModel() }).classify(broken);
    expect(c.warnings).toEqual([{ code: "emptyBody" }]);
  });

  it("keeps the first 1,000 characters of a subject and 60 of an unknown mailbox's name", () => {
    expect(prep({ subject: "card ".repeat(400) }).subject).toHaveLength(1000);
    expect(prep({ mailbox: "x".repeat(100), body: "hello" }).warnings).toEqual([{ code: "unknownMailbox", mailbox: "x".repeat(60) }]);
  });

  it("reads a plain-text body as text: angle brackets and entities are kept as written", () => {
    expect(prep({ body: "My husband <joe@example.com> is on my plan &amp; needs a card" }).own).toBe(
      "My husband <joe@example.com> is on my plan &amp; needs a card",
    );
  });

  it("reads a text body of exactly 1.2 million characters whole, and says a longer one was cut, with its size", () => {
    expect(prep({ body: "a".repeat(MAX_ANALYSED_CHARS) }).warnings).toEqual([]);
    expect(prep({ body: "a".repeat(1_300_000) }).warnings).toEqual([{ code: "bodyTruncated", kb: 1270 }]);
  });

  it("allows an HTML body four times the text's length before calling it cut, and still reads at most 1.2 million characters of its text", () => {
    expect(prep({ bodyType: "html", body: `<div class="x">${"<span>a</span>".repeat(30_000)}</div>` }).warnings).toEqual([]);
    const p = prep({ bodyType: "html", body: `<p>${"Please check my claim. ".repeat(60_000)}</p>` });
    expect(p.warnings).toEqual([]);
    expect(p.own.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(p.own.length).toBeGreaterThan(1_190_000);
  });

  it("cuts a long CRLF body at 1.2 million characters as sent, before its line ends are read", () => {
    // 24 characters a line as sent: the first 1.2 million characters are 50,000 whole lines
    const p = prep({ body: "Please check my claim.\r\n".repeat(60_000) });
    expect(p.own.split("\n")).toHaveLength(50_000);
  });

  it("reads a forward with no words of its own as the sender's words, not as quoted history", () => {
    const p = prep({ subject: "FW: my bill", body: "From: Pat\nSent: Monday\nSubject: my bill\n\nI was billed twice for one visit." });
    expect(p.own).toContain("I was billed twice for one visit.");
    expect(p.quoted).toBe("");
    expect(p.structure).not.toContain("quoted=yes");
  });

  it("reads the most recent 2,000 characters of quoted history, not the whole thread", () => {
    const old = "older reply ".repeat(200) + "I want to file a complaint.";
    const p = prep({ body: `Thanks, that answers it.\n\n-----Original Message-----\nFrom: Pat\nSent: Monday\n\n${old}` });
    expect(p.quoted.length).toBeLessThanOrEqual(2000);
    expect(p.quoted).not.toContain("complaint");
    expect(p.structure).toContain("quoted=yes");
  });

  it("marks a body of only a device line and a disclaimer as having no words of the sender's own", () => {
    const p = prep({ body: "Sent from my iPhone\n\nCONFIDENTIALITY NOTICE: this email may contain protected health information." });
    expect(p.own.trim()).toBe("");
    expect(p.structure).toContain("own=empty");
    expect(prep({ body: "Where is my card?" }).structure).not.toContain("own=empty");
    expect(prep({ body: "Where is my card?" }).structure).not.toContain("quoted=yes");
  });
});

describe("the subject's form", () => {
  const marks = (subject: string) => prep({ subject, body: "hello" }).structure.filter((s) => s.startsWith("subject="));
  it("reads a leading RE: or RV: as a reply and FW:, FWD:, TR: as a forward", () => {
    expect(marks("RE: ID card")).toEqual(["subject=reply"]);
    expect(marks("  re : ID card")).toEqual(["subject=reply"]);
    expect(marks("FW: ID card")).toEqual(["subject=forward"]);
    expect(marks("ID card")).toEqual([]);
  });

  it("does not read 're:' inside a subject, or a first word ending in 're' or starting with 'tr', as a reply or forward", () => {
    expect(marks("Question re: my claim")).toEqual([]);
    expect(marks("Procedure: MRI approval")).toEqual([]);
    expect(marks("Request: new ID card")).toEqual([]);
    expect(marks("Review: denied MRI")).toEqual([]);
    expect(marks("Transportation: ride never came")).toEqual([]);
  });

  it("reads RE: FW: as a reply to a forward, not as a forward", () => {
    expect(marks("RE: FW: my card")).toEqual(["subject=reply"]);
    expect(marks("RE:FW: my card")).toEqual(["subject=reply"]);
  });
});

describe("the sender's address", () => {
  it("reads the address inside a display name and angle brackets, whatever the case and spaces around it", () => {
    const p = prep({ from: "Pat Doe <csr@plan.example>" });
    expect([p.local, p.domain, p.internal]).toEqual(["csr", "plan.example", true]);
    const q = prep({ from: "Referrals Desk <Referrals@RiverbendClinic.example>" });
    expect([q.local, q.domain]).toEqual(["referrals", "riverbendclinic.example"]);
    expect(q.structure).toContain("from=role");
    expect(prep({ from: "  CSR@Plan.Example  " }).internal).toBe(true);
  });

  it("reads the address inside a display name or a comment broken over lines, as a folded From header writes them", () => {
    // a no-reply notice is a system, not plan staff; a person of the plan is plan staff
    const p = prep({ from: "Plan Notices\n <no-reply@plan.example>" });
    expect([p.local, p.domain, p.internal]).toEqual(["no-reply", "plan.example", false]);
    expect(p.structure).toContain("from=system");
    const q = prep({ from: "<pat.doe@plan.example> (Member\n Services)" });
    expect([q.local, q.domain, q.internal]).toEqual(["pat.doe", "plan.example", true]);
  });

  it("takes plan.example as the plan's domain when none is given", () => {
    expect(prepareEmail(email({ from: "csr@plan.example" })).structure).toContain("from=internal");
  });

  it("reads an address without a domain as a local part only, and one without a local part as a domain", () => {
    const p = prep({ from: "voicemail" });
    expect([p.local, p.domain]).toEqual(["voicemail", ""]);
    expect(p.structure).toContain("from=system");
    expect(p.structure).not.toContain("from=org");
    const q = prep({ from: "@plan.example" });
    expect([q.local, q.domain]).toEqual(["", "plan.example"]);
  });

  it("counts every one of the plan's domains and their subdomains as the plan's, and an empty entry as none", () => {
    expect(prep({ from: "csr@plan-health.example" }, ["plan.example", "plan-health.example"]).internal).toBe(true);
    expect(prep({ from: "csr@mail.plan.example" }).internal).toBe(true);
    expect(prep({ from: "csr@notplan.example" }).internal).toBe(false);
    expect(prep({ from: "pat" }, [""]).internal).toBe(false);
  });

  it("reads a care organisation's name from its domain, a subdomain's too, not from the top-level domain", () => {
    expect(prep({ from: "referrals@mail.riverbendclinic.example" }).structure).toContain("from=careorg");
    expect(prep({ from: "results@lab.northside.example" }).structure).toContain("from=careorg");
    expect(prep({ from: "info@sunrise.clinic" }).structure).not.toContain("from=careorg");
    expect(prep({ from: "info@sunrise.clinic" }).structure).toContain("from=org");
  });

  it("reads an organisation's name as groups of five letters, letters only, and a very long name only in part", () => {
    expect(prep({ from: "billing@st-mary-s.example" }).structure.filter((s) => s.startsWith("org="))).toEqual(["org=stmar", "org=tmary", "org=marys"]);
    const long = prep({ from: `x@${"a".repeat(300)}.example` }).structure.filter((s) => s.startsWith("org="));
    expect(long.length).toBeLessThanOrEqual(40);
  });
});

describe("plan staff, systems and relays", () => {
  const classifier = new Classifier({ model: loadModel() });

  it("does not take the plan's own no-reply address for plan staff", () => {
    const p = prep({ from: "noreply@plan.example", body: "Your request was received. A member services representative will reply within two business days." });
    expect(p.internal).toBe(false);
    expect(p.structure).toContain("from=system");
  });

  it("reads a web form sent on from a plan address as the filler's words: its 'I am a' field decides", () => {
    const c = classifier.classify(
      email({ mailbox: "contact-us", from: "webmaster@plan.example", body: "Name: A\nI am a: Provider\nMessage: claim status for my patient?" }),
    );
    expect(c.senderType).toBe("provider");
    expect(prep({ mailbox: "contact-us", from: "webmaster@plan.example", body: "Name: A\nI am a: Provider\nMessage: claim status?" }).internal).toBe(false);
  });

  it("reads a voicemail transcript sent from a plan team's address as the caller's words", () => {
    const body = "Voicemail transcript: Hi, this is Maria Lopez, I'm a member and my ID card never came. Please call me back.";
    expect(prep({ mailbox: "voicemail-followup", from: "callcenter@plan.example", body }).internal).toBe(false);
    expect(prep({ mailbox: "voicemail-followup", from: "member-services.calls@plan.example", body }).internal).toBe(false);
    expect(classifier.classify(email({ mailbox: "voicemail-followup", from: "callcenter@plan.example", body })).senderType).toBe("member");
  });

  it("keeps a plan employee (first.last) who forwards a voicemail as plan staff", () => {
    const c = classifier.classify(
      email({ from: "pat.doe@plan.example", subject: "FW: voicemail from a member", body: "Can someone call this member back about her card?" }),
    );
    expect(c.senderType).toBe("internal");
    expect(prep({ from: "j.doe@plan.example", subject: "FW: voicemail from a member", body: "Please call her back." }).internal).toBe(true);
  });

  it("reads only the top of a team mailbox's note for a relay's heading, so a voicemail mentioned later is the team's own words", () => {
    const note =
      "Member called about her ride to dialysis on Monday; the driver never came and she missed her treatment. I checked the trip log and the trip was booked for the wrong address. I rebooked it for Wednesday and confirmed with the transport vendor. I left her a voicemail.";
    expect(note.indexOf("voicemail")).toBeGreaterThan(200);
    expect(prep({ from: "caremgmt@plan.example", body: note }).internal).toBe(true);
  });
});

describe("a web form's fields", () => {
  it("is no form when the body has no form field at its top: nothing is read from it", () => {
    expect(formOf("Form for member reimbursement is attached. Please process it.")).toStrictEqual({ message: "" });
    expect(formOf("Formulary: does my plan cover Ozempic? I am a member since 2020.")).toStrictEqual({ message: "" });
  });

  it("looks for a form's fields only at the top: a long letter signed 'Name: …' is no form", () => {
    const letter =
      "Hello,\nI am a diabetic and my insulin needs a new prior authorization before my refill next week.\n" +
      "My pharmacy says the old one ran out and they cannot fill it until you approve it again. ".repeat(7);
    expect(letter.length).toBeGreaterThan(600);
    expect(formOf(`${letter}\nName: Pat Doe\nMember ID: 123`)).toStrictEqual({ message: "" });
  });

  it("reads the form's Form field alone, with or without the colon's spacing, and the message below its label", () => {
    expect(formOf("Form: Provider inquiry\nMessage:\nclaim status for my patient?")).toStrictEqual({
      role: "Provider",
      message: "claim status for my patient?",
    });
    expect(formOf("Name: A\nForm:Provider inquiry\nMessage: x")).toStrictEqual({ role: "Provider", message: "x" });
    expect(formOf("Name: A\nForm Provider inquiry\nMessage: x")).toStrictEqual({ role: "Provider", message: "x" });
    expect(formOf("Form: Member inquiry\nName: A\nMessage: where is my card?")).toStrictEqual({ role: "Member", message: "where is my card?" });
  });

  it("reads a form whose fields are indented", () => {
    expect(formOf("  Name: A\n  I am a: Provider\n  Message: claim status?")).toStrictEqual({ role: "Provider", message: "claim status?" });
    expect(formOf("  Form: Provider inquiry\n  Message: claim status?")).toStrictEqual({ role: "Provider", message: "claim status?" });
  });

  it("reads 'I am a' and 'Message' with a space before the colon, with no space after it, or with no colon", () => {
    expect(formOf("Name : A\nI am a : Provider\nMessage : claim status?")).toStrictEqual({ role: "Provider", message: "claim status?" });
    expect(formOf("Name: A\nI am a:Provider\nMessage: x")).toStrictEqual({ role: "Provider", message: "x" });
    expect(formOf("Name: A\nI am a Provider\nMessage\nMy card never came")).toStrictEqual({ role: "Provider", message: "My card never came" });
    expect(formOf("Name: A\nI am a: Member\nMessage: my card")).toStrictEqual({ role: "Member", message: "my card" });
    expect(formOf("Name: A\nI am a: Provider   \nMessage: x").role).toBe("Provider");
  });

  it("reads an unselected 'I am a' answer as none", () => {
    expect(formOf("Name: A\nI am a: Select one\nMessage: x")).toStrictEqual({ role: "", message: "x" });
    expect(formOf("Name: A\nI am a: -- select --\nMessage: x")).toStrictEqual({ role: "", message: "x" });
  });

  it("does not read 'I am a', 'form' or 'message' inside a line of the message as a field", () => {
    expect(formOf("Name: A\nMessage: Hello, I am a pharmacist at Main St and need a claim status")).toStrictEqual({
      message: "Hello, I am a pharmacist at Main St and need a claim status",
    });
    expect(formOf("Name: A\nMessage: I need information about a provider near me")).toStrictEqual({ message: "I need information about a provider near me" });
    expect(formOf("Name: Pat\nPreferred contact: text message\nMessage: I need a new card")).toStrictEqual({ message: "I need a new card" });
  });

  it("needs the form's own Name or Form field at a line's start to read 'I am a'", () => {
    expect(formOf("I am a: Provider\nPatient name: Jo Doe\nMessage: claim status?")).toStrictEqual({ message: "claim status?" });
  });

  it("reads a form without a message, or without a role, as what it has", () => {
    expect(formOf("Name: Pat Doe\nPhone: 555-0100")).toStrictEqual({ message: "" });
    expect(formOf("Name: A\nI am a: Provider")).toStrictEqual({ role: "Provider", message: "" });
    expect(formOf("Name: A\nMessage:\nmy card never came")).toStrictEqual({ message: "my card never came" });
  });
});

describe("the signature: the closing lines the reasons never quote", () => {
  const classifier = new Classifier({ model: loadModel() });
  /** The phrases the reasons quote from the email. */
  const quotes = (body: string): string[] => classifier.classify(email({ body })).reasons.flatMap((r) => r.text.match(/“[^”]*”/g) ?? []);
  const quotesAny = (body: string, words: RegExp) => quotes(body).some((q) => words.test(q));
  const opening = "Hello, I am writing to you today about something that happened last month and I hope you can help me.";
  const locked = "My portal password is locked";
  const portal = /portal password/i;
  const providerSignature = "Janet Smithson\nPrior Authorization Coordinator\nRiverbend Clinic";
  const auth = /authorization/i;

  it("quotes a short last line above the closing 'Thanks,', however the closing is spelt or indented", () => {
    expect(quotesAny(`${opening}\n${locked}\nThanks,\nMaria`, portal)).toBe(true);
    expect(quotesAny(`${opening}\n${locked}\nThank-you,\nMaria`, portal)).toBe(true);
    expect(quotesAny(`${opening}\n${locked}\n  Thanks,\n  Maria`, portal)).toBe(true);
  });

  it("reads the closing words of a Vietnamese letter, 'Cảm ơn' or 'Cam on', as the end of the message", () => {
    const opening = "Xin chào, tôi viết thư này vì có chuyện xảy ra tháng trước và mong quý vị giúp đỡ.";
    expect(quotesAny(`${opening}\nMật khẩu bị khóa\nCảm ơn,\nLan`, /khẩu/)).toBe(true);
    expect(quotesAny(`${opening}\nMật khẩu bị khóa\nCam on,\nLan`, /khẩu/)).toBe(true);
  });

  it("quotes a short last sentence that ends in ', thanks.': it is the request, not the closing", () => {
    expect(quotesAny(`${opening}\nPlease unlock my portal password, thanks.\nMaria`, portal)).toBe(true);
  });

  it("quotes a short request that ends in ', thanks' with no full stop: a closing word starts a closing line only at its start", () => {
    expect(quotesAny("Hi there\nPlease unlock my portal password, thanks\nMaria", portal)).toBe(true);
  });

  it("does not quote a closing line of thanks, even one that names the topic, however 'thank you' is spelt", () => {
    expect(quotesAny(`${opening}\nThanks for unlocking my portal password!\nMaria`, portal)).toBe(false);
    expect(quotesAny(`${opening}\nThank-you for unlocking my portal password!\nMaria`, portal)).toBe(false);
  });

  it("takes at most eight short closing lines for the signature: a short line above them is the sender's words", () => {
    const eight = "Maria Lopez\nMember ID 12345678\n12 Main Street\nApartment 4\nSpringfield\nHome 555-0100\nCell 555-0101\nmaria.lopez@example.com";
    expect(quotesAny(`${opening}\n${locked}\n${eight}`, portal)).toBe(true);
  });

  it("reads a short note spaced out with blank lines whole: blank lines are not closing lines", () => {
    expect(quotesAny(`Good morning, member services team\n\n${locked}\n\nMaria\n\nSpringfield\n\n555-0100`, portal)).toBe(true);
  });

  it("reads a short message of short lines whole, however many spaces stand between its words", () => {
    expect(quotesAny(`Hi there,  this is Maria Lopez\n${locked}\nCan someone call me`, portal)).toBe(true);
  });

  it("reads a one-line message whole: a short message has no signature", () => {
    expect(quotesAny(locked, portal)).toBe(true);
  });

  it("ends the signature at a line of more than 60 characters; a line of 60 may still belong to it", () => {
    // six words each time: only the length tells
    const patient = (n: number) => {
      const line = "Patient: Jonathan Montgomery-Fitzgerald, DOB 01/02/1960, #";
      return line + "4".repeat(n - line.length);
    };
    expect(quotesAny(`${patient(61)}\n${providerSignature}`, auth)).toBe(false);
    // with the 60-character line, the closing lines are the whole message but one line: read whole
    expect(quotesAny(`${patient(60)}\n${providerSignature}`, auth)).toBe(true);
  });

  it("reads the closing lines as a signature only when the message above them is more than 30 % of the email", () => {
    const exactly = `Please call me back today.\n${providerSignature}`;
    expect(prep({ body: exactly }).own.indexOf("Janet") / prep({ body: exactly }).own.length).toBe(0.3);
    expect(quotesAny(exactly, auth)).toBe(true);
    const more = `Please call me back Monday.\n${providerSignature}`;
    expect(quotesAny(more, auth)).toBe(false);
  });
});

describe("the signature, after a closing line", () => {
  const classifier = new Classifier({ model: loadModel() });
  const opening = "Hello, I am writing to you today about something that happened last month and I hope you can help me.";

  it("never quotes an organisation's name in a short message's signature, in the reasons or in the may-be-a-grievance sentence", () => {
    const body = "Where is my new card?\nRegards,\nPat Doe\nComplaints and Appeals Department\nCity Legal Aid";
    expect(signatureStart(body)).toBe(body.indexOf("Regards"));
    const c = classifier.classify(email({ body }));
    const quoted = c.reasons.flatMap((r) => r.text.match(/“[^”]*”/g) ?? []);
    expect(quoted.filter((q) => /appeals|complaints|legal aid|pat doe/i.test(q))).toEqual([]);
    expect(c.mayBe?.sentence ?? "").not.toMatch(/Appeals|Legal Aid|Regards/);
  });

  it("takes 'Kind regards,', 'Many thanks,', 'Warm regards' and 'Yours truly' for closings: the short line above them is the sender's words", () => {
    for (const closing of ["Kind regards,", "Many thanks,", "Warm regards", "Yours truly,", "Muchas gracias,"]) {
      const body = `${opening}\nMy portal password is locked\n${closing}\nMaria`;
      expect(signatureStart(body), closing).toBe(body.indexOf(closing));
    }
    const quoted = classifier.classify(email({ body: `${opening}\nMy portal password is locked\nKind regards,\nMaria` })).reasons.map((r) => r.text);
    expect(quoted.some((t) => /portal password/.test(t))).toBe(true);
  });

  it("ends the signature at a short sentence in Chinese, Japanese or Arabic script, as at one ending in a full stop", () => {
    for (const line of ["我的门户密码被锁了。", "パスワードがロックされました！", "هل يمكنكم مساعدتي؟", "My password is locked."]) {
      const body = `${opening}\n${line}\nMaria`;
      expect(signatureStart(body), line).toBe(body.indexOf("Maria"));
    }
  });

  it("reads a message of thanks alone as the sender's words, not as a signature", () => {
    const short = "Thanks so much!\nMaria";
    expect(signatureStart(short)).toBe(short.length);
    const long = "Thank you for sending my card so fast!\nMaria";
    expect(signatureStart(long)).toBe(long.indexOf("Maria"));
  });
});

describe("a web form's fields, further", () => {
  it("reads an agent or broker who fills in the contact form as an agent", () => {
    expect(prep({ mailbox: "contact-us", body: "Name: Al Brooks\nI am a: Agent\nMessage: my client needs a new card" }).structure).toContain("form=agent");
    expect(prep({ mailbox: "contact-us", body: "Name: Al Brooks\nI am a: Broker\nMessage: x" }).structure).toContain("form=agent");
  });

  it("is no form when its top line is a field whose name only ends in a form's word ('Username:', 'Platform:')", () => {
    expect(formOf("Username: pdoe1960\nMessage: I cannot log in to the portal")).toStrictEqual({ message: "" });
    expect(formOf("Platform: iPhone app\nMessage: the app will not open")).toStrictEqual({ message: "" });
  });

  it("does not take a 'Username:' field for the form's own Name field", () => {
    expect(formOf("I am a: Provider\nUsername: drsmith\nMessage: I cannot log in")).toStrictEqual({ message: "I cannot log in" });
  });

  it("does not read a message line that opens with a word containing 'form' ('Information …') as the Form field", () => {
    expect(formOf("Name: Pat\nMessage:\nInformation about my member ID card, please")).toStrictEqual({
      message: "Information about my member ID card, please",
    });
  });

  it("reads a form's fields and message from its first 20,000 characters only", () => {
    const form = formOf(`Name: Pat\nMessage: ${"My card never came and I need it for my visit. ".repeat(1000)}`);
    expect(form.message.length).toBeGreaterThan(19_000);
    expect(form.message.length).toBeLessThanOrEqual(20_000);
  });

  it("reads a message line starting 'Formerly…' or 'Formulary…' as the message, not as the form's Form field", () => {
    const formerly = "Formerly my provider was Dr. Lee, and I need a new doctor near me";
    expect(formOf(`Name: Pat\nMessage:\n${formerly}`)).toStrictEqual({ message: formerly });
    expect(formOf("Name: Pat\nMessage:\nFormulary question: is my provider's drug covered?")).toStrictEqual({
      message: "Formulary question: is my provider's drug covered?",
    });
    expect(formOf("Form: Provider contact\nMessage: claim status")).toStrictEqual({ role: "Provider", message: "claim status" });
  });

  it("reads a message line opening with a word that ends in 'form' ('Inform…', 'Uniform…') as the message, not as the form's Form field", () => {
    const inform = "Inform my provider that my address changed";
    expect(formOf(`Name: Pat\nMessage:\n${inform}`)).toStrictEqual({ message: inform });
    expect(formOf("Name: Pat\nMessage:\nUniform allowance for members? I saw it on your site")).toStrictEqual({
      message: "Uniform allowance for members? I saw it on your site",
    });
  });

  it("does not take the word 'form' inside a line for the form's own Form field", () => {
    expect(formOf("I am a: Provider\nPatient name: Jo Doe\nMessage: please mail me the form")).toStrictEqual({ message: "please mail me the form" });
  });

  it("reads a Spanish form's heading 'Formulario de contacto' as the form's own line", () => {
    expect(formOf("Formulario de contacto para proveedores\nNombre: Ana\nMensaje: estado de un reclamo")).toStrictEqual({
      role: "Provider",
      message: "estado de un reclamo",
    });
    expect(formOf("Formulario de Contacto\nNombre: Ana\nSoy: Miembro\nMensaje: mi tarjeta")).toStrictEqual({ role: "Miembro", message: "mi tarjeta" });
  });
});
