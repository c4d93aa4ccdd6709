/**
 * The classifier of contract section 1: category, sender type, priority, language and flags, with
 * the reasons that decided each, so an advocate can see why and correct it.
 *
 * A learned model (model.ts, trained from the corpus by `npm run train`) reads the whole of the
 * sender's own words; the procedures' structural rules stand beside it (docs/decisions/0023):
 * the agent template's required fields and subject form, the specialist request's specialty and
 * location, the agent-support mailbox's scope, the contact-us form's "I am a" field, the plan's own
 * domain, the escalations mailbox, and the contract's precedence (a repeat contact is escalated;
 * high wins over escalated). When grievance or appeal is likely but another category wins, the
 * result says so (`mayBe`), because a missed grievance costs more than a second look.
 */
import { isMailbox, policyFor, type Mailbox, type MailboxRoute, type Priority } from "../sla/policies";
import { WordBuffer, readEmail } from "./features";
import { CATEGORIES, FLAGS, LEARNED_FLAGS, SENDER_TYPES, type Category, type Flag, type SenderType } from "./labels";
import { detectLanguage } from "./language";
import { Scorer, type HeadSpec, type LinearModel } from "./model";
import { MAX_ANALYSED_CHARS, htmlToText, normalize, splitQuoted, stripBoilerplate } from "./text";

export { FLAGS, type Flag } from "./labels";

export interface EmailInput {
  readonly mailbox: string;
  readonly from: string;
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly bodyType?: "text" | "html";
  readonly receivedAt?: string;
}

export type ReasonField = "category" | "senderType" | "priority" | "language" | "flags" | "input";

export interface Reason {
  readonly field: ReasonField;
  readonly text: string;
}

/** The must-forward safety net: grievance or appeal is likely though another category won. */
export interface MayBe {
  readonly category: "grievance" | "appeal";
  readonly probability: number;
  /** The sentence of the sender's own words that points at it most. */
  readonly sentence: string;
}

export interface Classification {
  readonly category: Category;
  readonly senderType: SenderType;
  readonly priority: Priority;
  readonly language: string;
  readonly flags: Flag[];
  readonly policy: string;
  /** The model's probability of the category it gave (calibrated on held-out writers). */
  readonly confidence: number;
  readonly reasons: Reason[];
  /** For missing_required_info: what is missing, in the procedure's words. */
  readonly missingFields: string[];
  /** Problems with the input itself (empty body, unknown mailbox, truncated, …), as codes: `warningText` words them. */
  readonly warnings: InputWarning[];
  readonly mayBe?: MayBe;
  /** Which model decided (shown in the pane). */
  readonly modelVersion: string;
}

export interface ClassifierOptions {
  readonly model: LinearModel;
  /** Overrides of the model's decision thresholds (for calibration runs). */
  readonly thresholds?: Readonly<Record<string, number>>;
  readonly internalDomains?: readonly string[];
  readonly routes?: Readonly<Record<Mailbox, MailboxRoute>>;
}

/** The heads a model must have, in this order. */
export const MODEL_HEADS: readonly HeadSpec[] = [
  { name: "category", labels: CATEGORIES, kind: "softmax" },
  { name: "senderType", labels: SENDER_TYPES, kind: "softmax" },
  { name: "priority", labels: ["routine", "escalated", "high"], kind: "softmax" },
  ...LEARNED_FLAGS.map((f): HeadSpec => ({ name: f, labels: [f], kind: "logistic" })),
  /** Grievance or appeal, learned as one yes/no question: the must-forward decision. */
  { name: "grievanceOrAppeal", labels: ["grievance", "appeal"], kind: "logistic", of: "category" },
  /** High priority as one yes/no question. */
  { name: "highPriority", labels: ["high"], kind: "logistic", of: "priority" },
];

/** Thresholds used when a model does not carry its own (see the decision record for the fitted ones). */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, number>> = {
  /** P(grievance) + P(appeal) at which grievance/appeal is chosen over a topic. */
  gaPick: 0.4,
  /** … and at which the pane warns that it may be one. */
  gaWarn: 0.15,
  /** P(high) at which the priority is high. */
  high: 0.4,
  clinical_referral: 0.5,
  account_verification_required: 0.5,
  repeat_contact: 0.5,
  mixed_lines_of_business: 0.5,
};

/** How much quoted history is read: the most recent older messages. */
const MAX_QUOTED_CHARS = 2000;

/** A system's address: one of these words anywhere in the local part ("ivr-voicemail", "no-reply.forms"). */
const SYSTEM_SENDER =
  /(?:^|[._-])(?:no-?reply|do-?not-?reply|donotreply|voice-?mail\w*|vm|ivr|notifications?|notify|mailer-daemon|postmaster|system|alerts?|portal|securemessag\w*|web-?forms?|forms?|contact-?us|transcri\w*|support-?tickets?|tickets?|automated|auto-?reply|fax\w*)(?:$|[._-])|noreply|no_reply/i;
/** A care organisation's domain, in the languages of the plan's providers (a feature, not a rule). */
const CARE_ORG =
  /clinic|clinica|hospital|medical|pharm|farmacia|rx|drug|dental|dentist|ortho|vision|optical|homecare|hospice|rehab|therap|counsel|behavioral|dialysis|renal|imaging|radiolog|pediatr|peds|fqhc|physician|surg|ambulanc|nursing|snf|salud|sante|phongkham|benhvien|nhathuoc|consultorio|billing|revcycle|labs?\b|health(?!plan)/i;
/** A relayed message: a voicemail transcript or a web form, sent on by a system in the caller's or filler's words. */
const RELAY_MARK = /\b(?:voice-?mail|voice message|mensaje de voz|transcri(?:pt|ption|pci[oó]n)|caller id|form submission|web ?form|contact us form|formulario)\b|\[vm\]/i;
const PROVIDER_ROLE =
  /^(?:referrals?|billing|priorauth|prior\.?auth|auth|imaging\.auth|appeals|frontdesk|front\.desk|frontoffice|scheduling|ar|revcycle|claims|office|reception|intake|utilization|um|pa|medicalrecords|records|eligibility|verifications?|patientaccounts|businessoffice|admissions|denials|pharmacy|rx|casemanagement|discharge\w*)(?:[._-]|$)/i;
const STATE_DOMAIN = /(^|\.)(state|gov|dhs|hhs|legis|house|senate|ombudsman)[.-]|\.gov$|\.state\./i;
/** Personal mail services (and the corpus's fictional ones: example.com, inbox.example, …). */
const FREE_MAIL =
  /^(?:example\.(?:com|org|net)|(?:gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|aol|icloud|me|mac|comcast|att|sbcglobal|bellsouth|verizon|charter|cox|earthlink|frontier|windstream|centurylink|juno|netzero|protonmail|proton|gmx|mail|zoho|yandex|qq|163|126)\.(?:com|net|me|ru|cn)(?:\.\w\w)?|(?:inbox|mail|email|correo|webmail|home|family|myemail)\.example|example\.com\.\w\w)$/i;

const SPECIALTY =
  /\b(?:\w+olog(?:y|ist|ists)|derm\b|dermatolog\w*|cardio\w*|neurosurg\w*|orthoped\w*|ortho\b|ent\b|ear,? nose|gi\b|gastro\w*|ob\/?gyn|obstetric\w*|gynecolog\w*|podiatr\w*|pulmon\w*|nephro\w*|oncolog\w*|urolog\w*|rheumat\w*|allerg\w*|psychiatr\w*|surgeon|surgery|endocrin\w*|ophthalm\w*|optometr\w*|physical therap\w*|speech therap\w*|occupational therap\w*|audiolog\w*|pain management|wound care|sleep medicine|hematolog\w*|infectious disease|geriatric\w*|behavioral health|mental health|counsel\w*|cardi[oó]log\w*|dermat[oó]log\w*|pediatra|neur[oó]log\w*)/i;
const LOCATION =
  /\b\d{5}(?:-\d{4})?\b|\bin the [\w\s/]{1,40}\barea\b|\b(?:near|close to|lives in|living in|located in|miles of|area of|county|city of|member address|home:|member's home|address:|location:|zip)\b|,\s*[A-Z]{2}\b|\b(?:cerca de|código postal|codigo postal|condado|vive en)\b/i;

const AGENT_FIELDS: readonly (readonly [string, RegExp])[] = [
  ["Agent Name", /^\s*agent name\s*:?[ \t]*(.*)$/im],
  ["Agent SAN", /^\s*agent san\s*(?:#|number|no\.?)?\s*:?[ \t]*(.*)$/im],
  ["Member ID #", /^\s*member id\s*(?:#|number|no\.?)?\s*:?[ \t]*(.*)$/im],
  ["Member Name", /^\s*member name(?: in question)?\s*:?[ \t]*(.*)$/im],
  ["Summary of issue", /^\s*summary(?: of (?:the )?issue)?\s*:?[ \t]*(.*)$/im],
];
const AGENT_SUBJECT = /^(?:\s*(?:re|fw|fwd)\s*:\s*)*[\p{L}'’. -]+,\s*[\p{L}'’. -]+?\s+(?:medicare|individual)\s*$/iu;

const MEDICARE = /\bmedicare\b|\bplh-m-|\bpart [abcd]\b/i;
const INDIVIDUAL =
  /\bindividual\s+(?:\(?commercial\)?\s+)?(?:(?:silver|gold|bronze|platinum|marketplace|hmo|ppo|epo)\s+)?(?:plans?|members?|polic(?:y|ies)|coverage|line|product)\b|\bone of your individual\b|\bcommercial (?:plan|member|coverage)\b|\bplh-i-/i;

/**
 * An agent's words that the member is on Medicaid ("she is a Medicaid member", "a Medicaid
 * question") — not when they say the opposite ("not a Medicaid member", "a non-Medicaid member").
 */
const SAYS_MEDICAID_MEMBER =
  /(?<!\b(?:not|non|no)[\s-]+(?:(?:is|a|an|as)\s+)*)(?:\b(?:is|a|an|as)\s+(?:a\s+)?medicaid member\b|\bmedicaid (?:member|issue|question|plan|coverage|recipient|beneficiar))/i;

const PRIORITY_LABELS: readonly Priority[] = ["routine", "escalated", "high"];

/** Topics that are about the sender's own account (the contract's account_verification_required). */
const ACCOUNT_TOPICS: ReadonlySet<Category> = new Set(["claims_billing", "eligibility_enrollment", "member_materials", "appeal"]);

/** A line that ends a sentence, in Latin, Chinese or Japanese, or Arabic script. */
const SENTENCE_END = /[?.!。！？؟]$/;
/** Closings that may end in a full stop ("Many thanks." "Sincerely."). */
const CLOSING_WORDS = String.raw`thanks?|thank you|regards|sincerely|gracias|cordialmente|atentamente|(?:kind|warm|warmest|best|with) regards|many thanks|yours (?:truly|sincerely)|muchas gracias`;
const CLOSING_SENTENCE = new RegExp(String.raw`^(?:${CLOSING_WORDS})\b`, "i");
/** A closing line ("Regards," "Kind regards," "Best,"), where a signature starts; "Best of luck." is a sentence, not a closing. */
const CLOSING = new RegExp(String.raw`^(?:${CLOSING_WORDS}|best|respectfully|saludos|c[aả]m [oơ]n|un saludo)\b`, "i");

/** Where a signature starts: the short closing lines of the sender's own words. */
export function signatureStart(own: string): number {
  let end = own.length;
  let lines = 0;
  let start = own.length;
  let closing = false;
  while (end > 0 && lines < 8) {
    const nl = own.lastIndexOf("\n", end - 1);
    const line = own.slice(nl + 1, end).trim();
    end = nl < 0 ? 0 : nl;
    if (line === "") continue;
    if (line.length > 60 || line.split(/\s+/).length > 6 || (SENTENCE_END.test(line) && !CLOSING_SENTENCE.test(line))) break;
    start = nl + 1;
    lines++;
    if (CLOSING.test(line)) {
      closing = true;
      break;
    }
  }
  // a whole short message is not a signature; but lines from a closing ("Regards,") on, after
  // words of the sender's own, are one however short the message ("Where is my card?\nRegards, …")
  if (closing && own.slice(0, start).trim() !== "") return start;
  return start <= own.length * 0.3 ? own.length : start;
}

interface Prepared {
  readonly subject: string;
  readonly own: string;
  readonly quoted: string;
  readonly ownFull: string;
  readonly form: FormFields;
  readonly local: string;
  readonly domain: string;
  /** From plan staff: the plan's own domain, and not a system relaying someone else's words. */
  readonly internal: boolean;
  readonly structure: string[];
  readonly mailbox: Mailbox;
  readonly warnings: InputWarning[];
}

/** A problem with the email as given, as a code; its words are made in one place (`warningText`). */
export type InputWarning =
  | { readonly code: "unknownMailbox"; readonly mailbox: string }
  | { readonly code: "emptyBody" }
  | { readonly code: "bodyTruncated"; readonly kb: number };

export function warningText(w: InputWarning): string {
  switch (w.code) {
    case "unknownMailbox":
      return `unknown mailbox "${w.mailbox}": timed as member-services-email until a lead sets it`;
    case "emptyBody":
      return "the email has no body text: classified from the subject and sender only";
    case "bodyTruncated":
      return `the body is ${w.kb} KB: only the first ${(MAX_ANALYSED_CHARS / 1_000_000).toLocaleString("en-US")} million characters were read`;
  }
}

/** The parts of an email the model and the rules read: the same for training and for the pane. */
export function prepareEmail(input: EmailInput, internalDomains: readonly string[] = ["plan.example"]): Prepared {
  const warnings: InputWarning[] = [];
  const mailboxKnown = isMailbox(input.mailbox);
  const mailbox: Mailbox = mailboxKnown ? (input.mailbox as Mailbox) : "member-services-email";
  if (!mailboxKnown) {
    warnings.push({ code: "unknownMailbox", mailbox: String(input.mailbox).slice(0, 60) });
  }
  const subject = typeof input.subject === "string" ? input.subject.slice(0, 1000) : "";
  const raw = typeof input.body === "string" ? input.body : "";
  if (raw.trim() === "") warnings.push({ code: "emptyBody" });
  const html = input.bodyType === "html";
  if (raw.length > MAX_ANALYSED_CHARS * (html ? 4 : 1)) {
    warnings.push({ code: "bodyTruncated", kb: Math.round(raw.length / 1024) });
  }
  let text = html ? htmlToText(raw) : raw.slice(0, MAX_ANALYSED_CHARS);
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  if (text.length > MAX_ANALYSED_CHARS) text = text.slice(0, MAX_ANALYSED_CHARS);
  const parts = splitQuoted(text);
  const ownFull = parts.own === "" ? parts.quoted : parts.own;
  const own = stripBoilerplate(ownFull);
  const quoted = parts.own === "" ? "" : stripBoilerplate(parts.quoted.slice(0, MAX_QUOTED_CHARS));
  const fromAddress = String(input.from ?? "").trim().toLowerCase().replace(/^[\s\S]*</, "").replace(/>[\s\S]*$/, "");
  const at = fromAddress.lastIndexOf("@");
  const local = at >= 0 ? fromAddress.slice(0, at) : fromAddress;
  const domain = at >= 0 ? fromAddress.slice(at + 1) : "";
  const form = readForm(own);
  const structure = [`mailbox=${mailbox}`];
  const planAddress = domain !== "" && internalDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
  const system = SYSTEM_SENDER.test(local) || (planAddress && isRelay(local, subject, own, form));
  // the plan's own address is plan staff, unless it is a system passing on someone else's words
  const internal = planAddress && !system;
  if (system) structure.push("from=system");
  if (internal) structure.push("from=internal");
  if (STATE_DOMAIN.test(domain)) structure.push("from=state");
  if (PROVIDER_ROLE.test(local)) structure.push("from=role");
  if (domain !== "" && !internal && !FREE_MAIL.test(domain)) {
    structure.push("from=org");
    if (CARE_ORG.test(domain.split(".").slice(0, -1).join("."))) structure.push("from=careorg");
    // the organisation's name, as character groups ("riverbendclinic" → "clini", "linic", …)
    const name = domain.split(".").slice(0, -1).join("").replace(/[^a-z]/g, "");
    for (let i = 0; i + 5 <= name.length && i < 40; i++) structure.push(`org=${name.slice(i, i + 5)}`);
  }
  if (domain !== "" && FREE_MAIL.test(domain)) structure.push("from=personal");
  if (form.role !== undefined) structure.push(`form=${formRole(form.role)}`);
  if (/^\s*(?:re|rv)\s*:/i.test(subject)) structure.push("subject=reply");
  if (/^\s*(?:fw|fwd|tr|rv)\s*:/i.test(subject)) structure.push("subject=forward");
  if (own.trim() === "") structure.push("own=empty");
  if (quoted !== "") structure.push("quoted=yes");
  return { subject, own, quoted, ownFull, form, local, domain, internal, structure, mailbox, warnings };
}

/**
 * A voicemail transcript or a web-form submission that a plan system sent on: the sender is the
 * caller or whoever filled in the form (the contract's sender rule), not plan staff.
 */
function isRelay(local: string, subject: string, own: string, form: FormFields): boolean {
  if (form.role !== undefined) return true; // a web form's "I am a" field
  // a transcript's or a form's heading, from an address that is not a person's (first.last)
  return !/^[a-z]+\.[a-z]+/.test(local) && RELAY_MARK.test(`${subject}\n${own.slice(0, 200)}`);
}

function formRole(role: string): SenderType {
  const r = normalize(role);
  return /member|miembro|hoi vien|afiliad|paciente|patient|parent|guardian|madre|padre/.test(r)
    ? "member"
    : /provider|proveedor|doctor|clinic|hospital|office|pharmac/.test(r)
      ? "provider"
      : /agent|broker|agente/.test(r)
        ? "agent"
        : "unknown";
}

// the parts of features.ts, as local numbers (hot loops)
const PART_SUBJECT = 0;
const PART_OWN = 1;
const PART_QUOTED = 2;

export class Classifier {
  private readonly model: LinearModel;
  private readonly internalDomains: readonly string[];
  private readonly routes: Readonly<Record<Mailbox, MailboxRoute>> | undefined;
  private readonly buf = new WordBuffer();
  private readonly scorer: Scorer;
  private readonly heads: { category: number; sender: number; priority: number; flags: Map<string, number>; ga: number; high: number };
  private readonly thresholds: Readonly<Record<string, number>>;

  constructor(options: ClassifierOptions) {
    this.model = options.model;
    this.internalDomains = (options.internalDomains ?? ["plan.example"]).map((d) => d.toLowerCase());
    this.routes = options.routes;
    const m = this.model;
    this.scorer = new Scorer(m);
    this.heads = {
      category: m.headIndex("category"),
      sender: m.headIndex("senderType"),
      priority: m.headIndex("priority"),
      flags: new Map(LEARNED_FLAGS.map((f) => [f, m.headIndex(f)])),
      ga: m.header.heads.findIndex((h) => h.name === "grievanceOrAppeal"),
      high: m.header.heads.findIndex((h) => h.name === "highPriority"),
    };
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...m.header.thresholds, ...options.thresholds };
  }

  /** The model's probabilities for one email, before any rule or threshold (for calibration). */
  probabilities(input: EmailInput): { category: number[]; priority: number[]; flags: Record<string, number>; ga: number; high: number } {
    const p = prepareEmail(input, this.internalDomains);
    const model = this.model;
    readEmail({ subject: p.subject, own: p.own, quoted: p.quoted, structure: p.structure }, model.features, this.buf);
    const logits = this.scorer.logits(this.buf);
    const flags: Record<string, number> = {};
    for (const [f, h] of this.heads.flags) flags[f] = model.probabilities(h, logits)[0]!;
    return {
      category: model.probabilities(this.heads.category, logits),
      priority: model.probabilities(this.heads.priority, logits),
      flags,
      ga: this.heads.ga >= 0 ? model.probabilities(this.heads.ga, logits)[0]! : -1,
      high: this.heads.high >= 0 ? model.probabilities(this.heads.high, logits)[0]! : -1,
    };
  }

  get modelVersion(): string {
    return this.model.header.version;
  }

  classify(input: EmailInput): Classification {
    const p = prepareEmail(input, this.internalDomains);
    const { mailbox, own, ownFull, subject, quoted, form, domain } = p;
    const warnings = p.warnings;
    const reasons: Reason[] = [];
    const model = this.model;
    readEmail({ subject, own, quoted, structure: p.structure }, model.features, this.buf);
    const logits = this.scorer.logits(this.buf);
    const texts = [subject, own, quoted];
    const sigStart = signatureStart(own);
    const explain = (output: number, against: number | null, max = 3) => this.explain(output, against, texts, sigStart, max);

    // ---- language (a rule: the writing itself)
    const lang = form.message ? detectLanguage(form.message) : own ? detectLanguage(own, this.buf, PART_OWN) : detectLanguage(subject, this.buf, PART_SUBJECT);
    if (lang.language !== "en") reasons.push({ field: "language", text: `written in ${languageName(lang.language)}` });

    // ---- category
    const catHead = this.heads.category;
    const catP = model.probabilities(catHead, logits);
    const catIndex = (c: Category) => CATEGORIES.indexOf(c);
    let best = 0;
    for (let k = 1; k < catP.length; k++) if (catP[k]! > catP[best]!) best = k;
    let category: Category = CATEGORIES[best]!;
    let ruled = false;
    // grievance or appeal: the yes/no head decides (fitted for recall); then which of the two
    const pG = catP[catIndex("grievance")]!;
    const pA = catP[catIndex("appeal")]!;
    // two estimates of one question, averaged: the yes/no head and the softmax's share
    const ga = this.heads.ga >= 0 ? (model.probabilities(this.heads.ga, logits)[0]! + pG + pA) / 2 : pG + pA;
    const gaPicked = ga >= this.thresholds["gaPick"]!;
    // a grievance or an appeal comes first in every mailbox (the contract's precedence): the
    // agent-support rule below never overrules the yes/no head
    if (mailbox === "agent-support" && !gaPicked) {
      const lineInSubject = /\bmedicaid\b/i.test(subject);
      const medicaidMember = lineInSubject || SAYS_MEDICAID_MEMBER.test(own);
      if (medicaidMember && !MEDICARE.test(subject) && !INDIVIDUAL.test(subject)) {
        category = "out_of_scope";
        ruled = true;
        reasons.push({ field: "category", text: "a Medicaid member's question in the agent-support mailbox, which serves Medicare and Individual members only" });
      }
    }
    if (!ruled) {
      if (gaPicked) category = pA >= pG ? "appeal" : "grievance";
      else if (category === "grievance" || category === "appeal") {
        let t = -1;
        for (let k = 0; k < catP.length; k++) if (CATEGORIES[k] !== "grievance" && CATEGORIES[k] !== "appeal" && (t < 0 || catP[k]! > catP[t]!)) t = k;
        category = CATEGORIES[t]!;
      }
    }
    const catOut = model.offsets[catHead]! + catIndex(category);
    if (!ruled) {
      const runnerUp = secondBest(catP, catIndex(category));
      const words = explain(catOut, model.offsets[catHead]! + runnerUp);
      reasons.push({ field: "category", text: words.length ? `${labelOf(category)}: ${words.join(", ")}` : `${labelOf(category)}: nothing in the email's own words points elsewhere` });
    }
    let mayBe: MayBe | undefined;
    if (category !== "grievance" && category !== "appeal" && ga >= this.thresholds["gaWarn"]!) {
      const which = pA >= pG ? "appeal" : "grievance";
      const sentence = this.sentenceFor(model.offsets[catHead]! + catIndex(which), catOut, own, sigStart);
      mayBe = { category: which, probability: round2(ga), sentence };
    }

    // ---- sender type
    let senderType: SenderType;
    if (p.internal) {
      senderType = "internal";
      reasons.push({ field: "senderType", text: "sent from the plan's own domain" });
    } else if (STATE_DOMAIN.test(domain)) {
      senderType = "internal";
      reasons.push({ field: "senderType", text: "sent from a state agency or legislative office" });
    } else if (form.role !== undefined && form.role !== "") {
      senderType = formRole(form.role);
      reasons.push({ field: "senderType", text: `the contact form says “${form.role.slice(0, 30)}”` });
    } else {
      const sP = model.probabilities(this.heads.sender, logits);
      let s = 0;
      for (let k = 1; k < sP.length; k++) if (sP[k]! > sP[s]!) s = k;
      senderType = SENDER_TYPES[s]!;
      const words = explain(model.offsets[this.heads.sender]! + s, model.offsets[this.heads.sender]! + secondBest(sP, s), 2);
      reasons.push({ field: "senderType", text: words.length ? `${senderType}: ${words.join(", ")}` : `${senderType}: from the address and the mailbox` });
    }

    // ---- flags
    const flags = new Set<Flag>();
    const flagP = (f: string) => model.probabilities(this.heads.flags.get(f)!, logits)[0]!;
    const learned = (f: (typeof LEARNED_FLAGS)[number], allowed: boolean, why: string) => {
      if (!allowed || flagP(f) < this.thresholds[f]!) return;
      flags.add(f);
      const words = explain(model.offsets[this.heads.flags.get(f)!]!, null, 2);
      reasons.push({ field: "flags", text: words.length ? `${why}: ${words.join(", ")}` : why });
    };
    learned("repeat_contact", true, "repeat contact");
    learned("clinical_referral", true, "needs clinical staff");
    const unauthenticated = mailbox === "contact-us" || mailbox === "voicemail-followup";
    if (unauthenticated && ACCOUNT_TOPICS.has(category)) {
      // the contract's own examples: claims, eligibility, member-specific details, acting on the account
      flags.add("account_verification_required");
      reasons.push({
        field: "flags",
        text: `asks about ${labelOf(category)} through an unauthenticated channel: general information only until identity is verified`,
      });
    } else {
      learned("account_verification_required", unauthenticated, "asks for account details through an unauthenticated channel: general information only until identity is verified");
    }

    // ---- priority
    const pP = model.probabilities(this.heads.priority, logits);
    const pHigh = this.heads.high >= 0 ? (model.probabilities(this.heads.high, logits)[0]! + pP[2]!) / 2 : pP[2]!;
    let priority: Priority = pHigh >= this.thresholds["high"]! ? "high" : pP[1]! > pP[0]! ? "escalated" : "routine";
    const prOut = (label: Priority) => model.offsets[this.heads.priority]! + PRIORITY_LABELS.indexOf(label);
    if (priority === "high") {
      const words = explain(prOut("high"), prOut("routine"));
      reasons.push({ field: "priority", text: `immediate risk to access to care${words.length ? `: ${words.join(", ")}` : ""}` });
    } else if (mailbox === "mco-escalations") {
      priority = "escalated";
      reasons.push({ field: "priority", text: "arrived through the MCO escalations mailbox" });
    } else if (flags.has("repeat_contact")) {
      priority = "escalated";
      reasons.push({ field: "priority", text: "a repeat contact about an unresolved issue" });
    } else if (priority === "escalated") {
      const words = explain(prOut("escalated"), prOut("routine"), 2);
      reasons.push({ field: "priority", text: `arrived through an escalation path${words.length ? `: ${words.join(", ")}` : ""}` });
    }

    const missingFields: string[] = [];
    if (mailbox === "agent-support" && senderType === "agent") {
      for (const [name, re] of AGENT_FIELDS) {
        const m = re.exec(ownFull);
        if (!m || m[1]!.trim().replace(/^[-–_.]+$/, "") === "") missingFields.push(name);
      }
      if (!AGENT_SUBJECT.test(subject.trim())) missingFields.push("subject in the form 'Last, First Medicare' or 'Last, First Individual'");
    }
    if (mailbox === "specialist" && (category === "provider_search" || category === "authorization")) {
      const body = `${subject}\n${own}`;
      if (!SPECIALTY.test(body.replace(/\bspecialists?\b/gi, ""))) missingFields.push("the specialty needed");
      if (!LOCATION.test(ownFull)) missingFields.push("the member's location");
    }
    if (missingFields.length) {
      flags.add("missing_required_info");
      reasons.push({ field: "flags", text: `missing: ${missingFields.join("; ")}` });
    }
    const fullText = `${subject}\n${own}\n${quoted}`;
    if (category !== "out_of_scope" && MEDICARE.test(fullText) && INDIVIDUAL.test(fullText)) {
      flags.add("mixed_lines_of_business");
      reasons.push({ field: "flags", text: "raises issues of both a Medicare member and an Individual member" });
    } else learned("mixed_lines_of_business", category !== "out_of_scope", "raises issues of both a Medicare member and an Individual member");
    if (lang.language !== "en") flags.add("non_english");

    const routes = this.routes;
    const policy = routes ? policyFor(mailbox, priority, routes) : policyFor(mailbox, priority);
    // how sure: the yes/no head for grievance and appeal, else the topic's share of the rest
    const confidence = ruled ? 0.95 : category === "grievance" || category === "appeal" ? ga * (Math.max(pA, pG) / Math.max(1e-9, pA + pG)) : (1 - ga) * (catP[catIndex(category)]! / Math.max(1e-9, 1 - pA - pG));
    return {
      category,
      senderType,
      priority,
      language: lang.language,
      flags: FLAGS.filter((f) => flags.has(f)),
      policy,
      confidence: round2(confidence),
      reasons,
      missingFields,
      warnings,
      ...(mayBe ? { mayBe } : {}),
      modelVersion: model.header.version,
    };
  }

  private contrib = new Float64Array(1024);

  /** Each word's part in pushing `output` above `against` (or above zero for a flag: against -1). */
  private totals = new Float64Array(4);
  private contributions(output: number, against: number | null, sigStart = Infinity): Float64Array {
    if (this.contrib.length < this.buf.count) this.contrib = new Float64Array(this.buf.count * 2);
    this.scorer.contributions(this.buf, output, against ?? -1, this.contrib, sigStart, this.totals);
    return this.contrib;
  }

  /**
   * The words that carried a decision, quoted from the sender's own words or the subject (the
   * quoted history only when it decided, the signature never), as short phrases.
   */
  private explain(output: number, against: number | null, texts: readonly string[], sigStart: number, max: number): string[] {
    const buf = this.buf;
    // one pass: each word's push, the totals of the quoted history and of the rest, and the strongest eligible word of each
    const c = this.contributions(output, against, sigStart);
    const n = buf.count;
    const part = buf.part;
    const starts = buf.start;
    const [ownTotal, quotedTotal, ownTop, quotedTop] = this.totals as unknown as [number, number, number, number];
    const useQuoted = quotedTotal > ownTotal;
    const top = useQuoted ? quotedTop : ownTop;
    if (top <= 0) return [];
    // the strongest words (at most 6, each word once: its first strongest place), in text order
    const floor = top * 0.35;
    const words = buf.word;
    let k = 0;
    for (let w = 0; w < n; w++) {
      const v = c[w]!;
      if (v < floor) continue;
      const p = part[w]!;
      if (useQuoted ? p !== PART_QUOTED : p === PART_QUOTED || (p === PART_OWN && starts[w]! >= sigStart)) continue;
      let seen = -1;
      // the same word again, or a cross-language cue standing on a word already chosen
      for (let j = 0; j < k; j++) if (words[TOP_W[j]!] === words[w] || (starts[TOP_W[j]!] === starts[w] && part[TOP_W[j]!] === p)) seen = j;
      if (seen >= 0) {
        if (v <= TOP_V[seen]!) continue;
        TOP_W[seen] = w;
        TOP_V[seen] = v;
        continue;
      }
      if (k < TOP_N) {
        TOP_W[k] = w;
        TOP_V[k++] = v;
        continue;
      }
      let min = 0;
      for (let j = 1; j < k; j++) if (TOP_V[j]! < TOP_V[min]!) min = j;
      if (v > TOP_V[min]!) {
        TOP_W[min] = w;
        TOP_V[min] = v;
      }
    }
    // in text order (cue words stand after the words they were read from)
    const chosen = Array.from(TOP_W.subarray(0, k)).sort((a, b) => part[a]! - part[b]! || starts[a]! - starts[b]!);
    // near words of one part make one phrase
    const phrases: { a: number; b: number; value: number }[] = [];
    for (const w of chosen) {
      const last = phrases[phrases.length - 1];
      const gap = last ? starts[w]! - buf.end[last.b]! : -1;
      if (last && buf.part[last.b] === buf.part[w] && gap >= 0 && gap <= 12) {
        last.b = w;
        last.value += c[w]!;
      } else phrases.push({ a: w, b: w, value: c[w]! });
    }
    return phrases
      .sort((x, y) => y.value - x.value)
      .slice(0, max)
      .map((ph) => {
        const part = buf.part[ph.a]!;
        const text = texts[part]!.slice(buf.start[ph.a]!, buf.end[ph.b]!).replace(/\s+/g, " ");
        const where = part === PART_SUBJECT ? " in the subject" : part === PART_QUOTED ? " in the quoted message" : "";
        return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”${where}`;
      });
  }

  /** The sentence of the sender's own words, above the signature, that points most at `output` over `against`. */
  private sentenceFor(output: number, against: number, own: string, sigStart: number): string {
    const buf = this.buf;
    const c = this.contributions(output, against, sigStart);
    const bounds: number[] = [0];
    for (const m of own.matchAll(/[.!?]+\s|\n\s*\n|\n(?=[-•*\d])/g)) bounds.push(m.index + m[0].length);
    bounds.push(own.length);
    const score = new Float64Array(bounds.length);
    let any = false;
    for (let w = 0; w < buf.count; w++) {
      if (buf.part[w] !== PART_OWN || c[w]! <= 0 || buf.start[w]! >= sigStart) continue;
      any = true;
      const pos = buf.start[w]!;
      let lo = 0;
      let hi = bounds.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bounds[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      score[lo]! += c[w]!;
    }
    if (!any) return "";
    let bestK = 0;
    for (let k = 1; k < score.length; k++) if (score[k]! > score[bestK]!) bestK = k;
    const sentence = own.slice(bounds[bestK]!, bounds[bestK + 1] ?? own.length).replace(/\s+/g, " ").trim();
    return sentence.length > 200 ? `${sentence.slice(0, 197)}…` : sentence;
  }
}

const TOP_N = 6;
const TOP_W = new Int32Array(TOP_N);
const TOP_V = new Float64Array(TOP_N);

function secondBest(p: readonly number[], except: number): number {
  let b = except === 0 ? 1 : 0;
  for (let k = 0; k < p.length; k++) if (k !== except && p[k]! > p[b]!) b = k;
  return b;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function labelOf(c: Category): string {
  return c.replace(/_/g, " ");
}

interface FormFields {
  /** The "I am a:" answer of a contact-us form, if the body is one ("" when not selected). */
  readonly role?: string;
  /** The "Message:" part of a form, if any. */
  readonly message: string;
}

function readForm(full: string): FormFields {
  // a web form puts its fields at the top; look no further than that
  if (!/(?:^|\n)\s*(?:name|nombre|họ và tên|form|i am an?|soy|tôi là)\s*:/i.test(full.slice(0, 600))) return { message: "" };
  const text = full.slice(0, 20_000);
  const roleMatch = /^\s*(?:i am an?|soy|tôi là|toi la)\s*:?[ \t]*(.*)$/im.exec(text);
  // "Form" or "Formulario" as a word ("Formerly…" and "Formulary…" are the message's words)
  const formLine = /^\s*(?:form|formulario)\b\s*:?[ \t]*(.*)$/im.exec(text);
  const msg = /^\s*(?:message|mensaje|nội dung|noi dung)\s*:?[ \t]*([\s\S]*)$/im.exec(text);
  const isForm = /^\s*(?:name|nombre|họ và tên)\s*:/im.test(text) || !!formLine;
  let role: string | undefined;
  if (roleMatch && isForm) {
    const r = roleMatch[1]!.trim();
    role = /^(?:--.*--|\(.*\)|select.*|other|otro|otra|)$/i.test(r) ? "" : r;
  } else if (formLine && /provider|proveedor/i.test(formLine[1]!)) {
    role = "Provider";
  } else if (formLine && /member|miembro/i.test(formLine[1]!)) {
    role = "Member";
  }
  return role === undefined ? { message: msg?.[1]?.trim() ?? "" } : { role, message: msg?.[1]?.trim() ?? "" };
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  es: "Spanish", vi: "Vietnamese", fr: "French", pt: "Portuguese", so: "Somali", ht: "Haitian Creole", ar: "Arabic",
  ru: "Russian", zh: "Chinese", ja: "Japanese", ko: "Korean", am: "Amharic", th: "Thai", km: "Khmer", lo: "Lao",
  he: "Hebrew", hi: "Hindi", hy: "Armenian", el: "Greek", en: "English",
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}
