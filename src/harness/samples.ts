/**
 * Sample emails for the local harness: every category, every mailbox and every flag, plus the
 * awkward inputs (HTML with a script and a tracking image, an empty body, an unknown mailbox, a
 * received time without an offset, a 5 MB body). All people, numbers and addresses are fictional.
 */
import type { Mailbox } from "../domain/sla/policies";

export interface SampleEmail {
  readonly id: string;
  readonly mailbox: Mailbox | "unknown";
  readonly fromName: string;
  readonly from: string;
  readonly subject: string;
  readonly bodyType: "text" | "html";
  readonly body: string;
  /** Minutes before the harness's "now"; or an absolute time string as a host might send it. */
  readonly receivedMinutesAgo: number;
  readonly receivedAtOverride?: string;
  /** What the sample is there to show, for the message list. */
  readonly shows: string;
}

export const MAILBOX_ADDRESS: Readonly<Record<Mailbox | "unknown", string>> = {
  "member-services-email": "memberservices@plan.example",
  "mco-escalations": "mco-escalations@plan.example",
  "secure-message": "securemessages@plan.example",
  "contact-us": "contactus@plan.example",
  specialist: "specialist@plan.example",
  "member-advocate": "memberadvocate@plan.example",
  "voicemail-followup": "memberservices-voicemail@plan.example",
  "agent-support": "agentsupport@plan.example",
  unknown: "old-inbox@plan.example",
};

export const SAMPLES: readonly SampleEmail[] = [
  {
    id: "s01", mailbox: "secure-message", fromName: "Dana Rowe", from: "dana.rowe@example.com",
    subject: "Please reconsider the MRI denial",
    body: "Hello,\n\nYour letter says the MRI my doctor ordered is not medically necessary. I disagree with this decision and I am asking you to reconsider it. My doctor will send more records.\n\nDana Rowe\nMember ID PLH-0000101",
    bodyType: "text", receivedMinutesAgo: 30, shows: "appeal",
  },
  {
    id: "s02", mailbox: "member-advocate", fromName: "Paula Ng", from: "paula.ng@example.com",
    subject: "Complaint about the front desk",
    body: "I want to file a complaint about the receptionist at Westside Clinic. She was rude to me in front of other patients and refused to check me in. Please record this as a complaint.\n\nPaula Ng",
    bodyType: "text", receivedMinutesAgo: 200, shows: "grievance",
  },
  {
    id: "s03", mailbox: "mco-escalations", fromName: "Karen Ortiz", from: "k.ortiz@plan.example",
    subject: "HIGH PRIORITY - discharge on hold waiting for SNF auth",
    body: "Member Liaison team,\n\nEscalating a call from the member's son. The member is cleared for discharge today but the nursing facility will not accept her until they have an authorization number from us. The request was faxed to UM yesterday.\n\nKaren Ortiz\nCustomer Service Representative, Member Services Call Center",
    bodyType: "text", receivedMinutesAgo: 150, shows: "authorization, high priority, internal sender",
  },
  {
    id: "s04", mailbox: "agent-support", fromName: "Rob Klein", from: "rob@primeagents.example",
    subject: "Commission statement is short",
    body: "Hi team,\n\nMy commission statement for March is missing two Medicare Advantage enrollments I wrote in February. Who can look at this?\n\nRob Klein\nPrime Agents LLC",
    bodyType: "text", receivedMinutesAgo: 60 * 26, shows: "out of scope, missing required info, agent",
  },
  {
    id: "s05", mailbox: "agent-support", fromName: "Linh Tran", from: "linh@seniorpathagents.example",
    subject: "Nguyen, Thanh Medicare",
    body: "Agent Name: Linh Tran\nAgent SAN: 3300001\nMember ID #: PLH-M-0000105\nMember Name: Thanh Nguyen\nReference #:\nSummary of issue: Mr. Nguyen received a bill from a lab for blood work and says the claim was denied. Can you check the claim status?\n\nAlso his wife is on one of your Individual plans and got an EOB showing $0 paid for a screening. Can someone look at her claim too?\n\nLinh Tran",
    bodyType: "text", receivedMinutesAgo: 60 * 3, shows: "claims & billing, mixed lines of business",
  },
  {
    id: "s06", mailbox: "secure-message", fromName: "Yesenia Arroyo", from: "yesenia.arroyo@example.com",
    subject: "Agregar a mi bebé recién nacido",
    body: "Buenas tardes,\n\nMi bebé nació el mes pasado. Yo tengo Medicaid con ustedes y quiero saber qué tengo que hacer para que él también tenga seguro. ¿Desde qué fecha va a tener cobertura?\n\nGracias,\nYesenia Arroyo",
    bodyType: "text", receivedMinutesAgo: 45, shows: "eligibility, Spanish (non-English)",
  },
  {
    id: "s07", mailbox: "specialist", fromName: "Referral desk", from: "referrals@northfieldfamilymed.example",
    subject: "Specialist needed",
    body: "Good morning,\n\nWe have a patient who needs to be seen by a specialist. Can you send a list of in-network specialists accepting new patients?\n\nMember: D. Hughes, PLH-0000107\n\nBrianna Kessler\nReferral Coordinator\nNorthfield Family Medicine",
    bodyType: "text", receivedMinutesAgo: 90, shows: "provider search, missing specialty and location, provider",
  },
  {
    id: "s08", mailbox: "member-services-email", fromName: "George Petrakis", from: "gpetrakis@example.com",
    subject: "still no insurance card",
    body: "It has been three weeks since my enrollment letter came and I still don't have a card. Just mail it please. Same address as on the letter.\n\nGeorge Petrakis",
    bodyType: "text", receivedMinutesAgo: 60 * 24 * 4, shows: "member materials (impatient, not a grievance)",
  },
  {
    id: "s09", mailbox: "member-services-email", fromName: "Deborah Lind", from: "deborah.lind@example.org",
    subject: "ASL interpreter for my appointment",
    body: "<div><p>Hello,</p><p>I am Deaf and I have an appointment with my orthopedic doctor on <b>Tuesday</b>. Please arrange an ASL interpreter for this appointment.</p><p>Also, what is the TTY number for member services?</p><p>Deborah Lind</p></div>",
    bodyType: "html", receivedMinutesAgo: 60 * 5, shows: "language access, HTML body",
  },
  {
    id: "s10", mailbox: "voicemail-followup", fromName: "Voicemail system", from: "voicemail-noreply@plan.example",
    subject: "Voicemail from (555) 010-0110 - 1 min",
    body: "New voicemail message\nTranscription (automated, may contain errors):\n\"Hi, this is Dolores, I'm a member. I moved in July and never got the new member packet. I want to know what address you have for me on file. Please call me back.\"",
    bodyType: "text", receivedMinutesAgo: 60 * 20, shows: "member materials, account verification required (voicemail)",
  },
  {
    id: "s11", mailbox: "contact-us", fromName: "Marcy Dunlap", from: "marcy.dunlap@example.com",
    subject: "Contact Us - Eligibility",
    body: "Name: Marcy Dunlap\nI am a: Member\nMessage:\nI got a letter saying my renewal is due, but I mailed it back in February. Is my coverage still active right now?",
    bodyType: "text", receivedMinutesAgo: 60 * 2, shows: "eligibility, account verification required (contact us)",
  },
  {
    id: "s12", mailbox: "contact-us", fromName: "Tamsin Yazzie", from: "t.yazzie@example.com",
    subject: "Contact Us - Website Help",
    body: "Name: Tamsin Yazzie\nI am a: Member\nMessage:\nI clicked forgot password on the member login page five times tonight and the reset email never shows up. Can you send the reset link again?",
    bodyType: "text", receivedMinutesAgo: 60 * 14, shows: "portal access",
  },
  {
    id: "s13", mailbox: "member-services-email", fromName: "Ronald Black", from: "ronald.black@example.com",
    subject: "THIRD EMAIL ABOUT MY COVERAGE BEING CUT OFF",
    body: "THIS IS THE THIRD TIME I AM WRITING ABOUT THIS. I SENT IN MY RENEWAL PAPERS IN MAY AND NOW I GET A LETTER SAYING MY MEDICAID ENDED. NOBODY HAS ANSWERED MY LAST TWO EMAILS.\n\nI DONT WANT A COMPLAINT FORM I WANT MY COVERAGE TURNED BACK ON.\n\nRONALD BLACK",
    bodyType: "text", receivedMinutesAgo: 60 * 24 * 2, shows: "eligibility, escalated, repeat contact (not a grievance)",
  },
  {
    id: "s14", mailbox: "secure-message", fromName: "Franklin Osei", from: "franklin.osei@example.com",
    subject: "Blood thinner denied - 2 pills left",
    body: "The plan denied coverage for my blood thinner. The pharmacy gave me a small emergency supply and I have 2 pills left. I am asking you to reconsider this decision today. Should I stretch out the pills I have left?\n\nFranklin Osei",
    bodyType: "text", receivedMinutesAgo: 100, shows: "appeal, high priority, clinical referral",
  },
  {
    id: "s15", mailbox: "secure-message", fromName: "Monique Okafor", from: "m.okafor@example.com",
    subject: "Formulary question",
    body: "Hello,\n\nIs semaglutide on the formulary for my plan, and what would my copay be for a month's supply?\n\nThank you,\nMonique",
    bodyType: "text", receivedMinutesAgo: 60 * 30, shows: "benefits & coverage",
  },
  {
    id: "s16", mailbox: "member-services-email", fromName: "June Harcourt", from: "june.harcourt@example.com",
    subject: "Change PCP for my husband",
    body: "Good morning,\n\nI am my husband's authorized representative. His primary care doctor retired last month. Please change his PCP to Dr. Adeyemi at the same clinic.\n\nJune Harcourt",
    bodyType: "text", receivedMinutesAgo: 60 * 6, shows: "provider search",
  },
  {
    id: "s17", mailbox: "secure-message", fromName: "Tobi Obi", from: "t.obi@example.com",
    subject: "login problem",
    body: '<html><head><script>document.title="pwned";window.parent.postMessage("pwned","*")</script></head><body><p>Hi,</p><p>I cannot sign in to the member portal. It keeps saying <i>invalid credentials</i> after I changed my password.</p><img src="http://tracker.invalid/pixel.gif" width="1" height="1" alt=""><img src=x onerror="document.body.innerHTML=\'pwned\'"><p>Tobi</p></body></html>',
    bodyType: "html", receivedMinutesAgo: 20, shows: "HTML with a script and a tracking image (never run or fetched)",
  },
  {
    id: "s18", mailbox: "voicemail-followup", fromName: "Leroy Pettibone", from: "leroy.p@example.com",
    subject: "mailing address",
    body: "what is your mailing address? my caseworker told me to mail you some papers.\n\nLeroy",
    bodyType: "text", receivedMinutesAgo: 60 * 8, shows: "general inquiry",
  },
  {
    id: "s19", mailbox: "member-advocate", fromName: "Tom Keller", from: "tkeller@plan.example",
    subject: "Escalation - Arabic interpreter and translated letters",
    body: "Hi Member Advocate team,\n\nI'm a CSR in the call center. I took a call today from a member who speaks Arabic. He is asking for an in-person Arabic interpreter for his surgery consult next month and his handbook in Arabic.\n\nThanks!\nTom Keller\nMember Services CSR",
    bodyType: "text", receivedMinutesAgo: 60 * 4, shows: "language access, escalated, internal",
  },
  {
    id: "s20", mailbox: "secure-message", fromName: "Vivian Oduya", from: "vivian.oduya@example.org",
    subject: "RE: Complaint about a dental office - no response",
    body: "I sent the message below a month ago to file a complaint. No one has called or written to me. I want to know that my complaint was filed.\n\nVivian\n\n-----Original Message-----\nFrom: Vivian Oduya\nSent: Wednesday, March 3, 2027 8:47 PM\nSubject: Complaint about a dental office\n\nI want to file a complaint about the office manager at a dental office. She yelled at me in the waiting room.",
    bodyType: "text", receivedMinutesAgo: 60 * 24 * 6, shows: "grievance, repeat contact, quoted older message",
  },
  {
    id: "s21", mailbox: "mco-escalations", fromName: "Legislative Liaison", from: "legislative.liaison@dhs.state.example",
    subject: "FW: Constituent - coverage terminated - G. Whitaker",
    body: "Good morning,\n\nForwarding the constituent concern below. Her redetermination packet was received before the due date, but her MCO enrollment shows a termination. Please confirm her enrollment status and reinstate her if the termination was in error.\n\nDenise Albrecht\nLegislative Liaison\nDepartment of Human Services",
    bodyType: "text", receivedMinutesAgo: 60 * 24 * 5, shows: "eligibility, escalated, state agency",
  },
  {
    id: "s22", mailbox: "contact-us", fromName: "Hugh McAllister", from: "hmcallister@example.com",
    subject: "Contact Us - Other",
    body: "Name: Hugh McAllister\nI am a: Other\nMessage:\nIs Harbor Mutual part of your company? I have a Medicare Supplement policy with them and need their mailing address.",
    bodyType: "text", receivedMinutesAgo: 60 * 3, shows: "out of scope, unknown sender",
  },
  {
    id: "s23", mailbox: "member-services-email", fromName: "Evelyn Marchetti", from: "evelyn.m@example.org",
    subject: "Thank you to Marcus",
    body: "<p>Good afternoon,</p><p>I just wanted to say <b>thank you</b> to Marcus on your phone team. He was patient and kind.</p><p>Evelyn</p>",
    bodyType: "html", receivedMinutesAgo: 60 * 48, shows: "general inquiry (thank-you note)",
  },
  {
    id: "s24", mailbox: "unknown", fromName: "Pat Lee", from: "pat.lee@example.com",
    subject: "Question about my bill",
    body: "I got a bill from the hospital for my ER visit. Did you pay your part?\n\nPat",
    bodyType: "text", receivedMinutesAgo: 60, shows: "unknown mailbox (advocate chooses it)",
  },
  {
    id: "s25", mailbox: "secure-message", fromName: "No Body", from: "no.body@example.com",
    subject: "(empty message)", body: "", bodyType: "text", receivedMinutesAgo: 10, shows: "empty body",
  },
  {
    id: "s26", mailbox: "member-services-email", fromName: "Sam Ward", from: "sam.ward@example.com",
    subject: "Copay question", body: "What is the copay for a specialist visit on my plan?\n\nSam",
    bodyType: "text", receivedMinutesAgo: 0, receivedAtOverride: "2026-03-02T10:15:00",
    shows: "received time without a UTC offset",
  },
  {
    id: "s27", mailbox: "secure-message", fromName: "Bulk Sender", from: "bulk.sender@example.com",
    subject: "Very large message (5 MB)", body: "__LARGE__", bodyType: "text", receivedMinutesAgo: 5,
    shows: "a 5 MB body",
  },
  {
    id: "s28", mailbox: "secure-message", fromName: "<img src=x onerror=alert(1)>", from: "hostile.name@example.com",
    subject: "Question about my card", body: "Hi, when will my new ID card arrive? Thanks.",
    bodyType: "text", receivedMinutesAgo: 15, shows: "member materials, a display name that is markup (shown as text)",
  },
];

/** The 5 MB body is made when asked for, not shipped. */
export function bodyOf(sample: SampleEmail): string {
  if (sample.body !== "__LARGE__") return sample.body;
  const para = "I have a question about my claim for the visit last month and whether it was paid. ";
  return para.repeat(Math.ceil((5 * 1024 * 1024) / para.length));
}

/**
 * The sample's message id as real mail carries one: Gmail's (`+`, `=`, `_`, `-` in base64), Outlook
 * on Microsoft 365's, an on-premises Exchange server's, and a few with `%`, `&`, `#`, `'` and
 * non-ASCII that RFC 5322 allows — so the harness meets what a tenant's ids do to a URL.
 */
export function sampleMessageId(sample: Pick<SampleEmail, "id">): string {
  const n = Number(sample.id.replace(/\D/g, "")) || 0;
  const styles = [
    `<CAJ+x7Q=${n}Ab+c/d_eF-gH=iJ@mail.gmail.com>`,
    `<DM6PR04MB${4400 + n}A1B2C3D4E5F6${n}@DM6PR04MB${4400 + n}.namprd04.prod.outlook.com>`,
    `<8f1c2a${n}e$9b+0@EXCH0${n % 3}.plan-partner.example>`,
    `<${n}.CAB%2Bvictim+list&x#y'z@lists.example.org>`,
    `<réponse-${n}+ñ@correo.example>`,
  ];
  return styles[n % styles.length]!;
}

/** The sample's Outlook conversation id: base64 as Exchange makes them, with `+`, `/` and `=`. */
export function sampleConversationId(sample: Pick<SampleEmail, "id">): string {
  const n = Number(sample.id.replace(/\D/g, "")) || 0;
  return `AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAB+/k${n}x5Zq/+w${n % 7}==`;
}
