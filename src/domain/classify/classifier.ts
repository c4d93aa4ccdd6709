/**
 * The classifier of contract section 1: category, sender type, priority, language and flags, with
 * the reasons that decided each, so an advocate can see why and correct it. Rules read the
 * vocabulary (data); the structure of the procedures (the agent template, the specialist request,
 * the contact-us form) is checked here.
 */
import { isMailbox, policyFor, type Mailbox, type MailboxRoute, type Priority } from "../sla/policies";
import { detectLanguage, tagLanguageWords } from "./language";
import { Lexicon, type Tokens } from "./lexicon";
import { NEGATORS, PhraseMatcher, isNegated, sentenceAround, type Hit } from "./matcher";
import {
  MAX_ANALYSED_CHARS,
  htmlToText,
  normalize,
  splitQuoted,
  stripBoilerplate,
} from "./text";
import { CATEGORIES, DEFAULT_VOCABULARY, type Category, type CueList, type SenderType, type Vocabulary } from "./vocabulary";

export const FLAGS = [
  "clinical_referral",
  "account_verification_required",
  "missing_required_info",
  "mixed_lines_of_business",
  "repeat_contact",
  "non_english",
] as const;
export type Flag = (typeof FLAGS)[number];

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

export interface Classification {
  readonly category: Category;
  readonly senderType: SenderType;
  readonly priority: Priority;
  readonly language: string;
  readonly flags: Flag[];
  readonly policy: string;
  readonly confidence: number;
  readonly reasons: Reason[];
  /** For missing_required_info: what is missing, in the procedure's words. */
  readonly missingFields: string[];
  /** Problems with the input itself (empty body, unknown mailbox, truncated, …). */
  readonly warnings: string[];
}

export interface ClassifierOptions {
  readonly vocabulary?: Vocabulary;
  readonly internalDomains?: readonly string[];
  readonly routes?: Readonly<Record<Mailbox, MailboxRoute>>;
}

type Section = "subject" | "own" | "quoted";
/** Negation cancels requests, risks and complaints ("not asking for an appeal"); a topic stays a topic ("I still don't have my card"). */
const NEGATABLE = /^(?:category:(?:appeal|grievance|general_inquiry)|high:|clinical|repeat|accountInfo|escalation|appealDecision|appealObjection)/;
/** How much of a long message is read when nothing later in it calls for more. */
const OWN_READ_CHARS = 1600;
/** Cues that make the pane read a long message to its end. */
const PRECEDENCE_CUE =
  /\b(?:complain|grievance|appeal|reconsider|fair hearing|overturn|disput|disagree|dissatisf|unacceptable|rude|queja|apela|reconsidera|khi[eế]u n[aạ]i|urgen|emergenc|asap|ran out|run(?:ning|s)? out|pills? left|discharg|unsafe|not safe|suicid|chest pain|breath|injur|abuse|neglect|(?:second|third|fourth|2nd|3rd|4th) (?:time|request|email|inquiry)|no one has|nobody has|no response|never heard)/;

/** How much quoted history is read: the most recent older message, about. */
const MAX_QUOTED_CHARS = 1200;

/** Older messages count towards an appeal or grievance only when the sender's own words point at them. */
const REFERS_TO_QUOTED = /\b(?:below|earlier|previous(?:ly)?|original|again|still|abajo|anterior|otra vez|todav[ií]a|b[eê]n d[uư][oớ]i)\b/i;
const SECTION_WEIGHT: Readonly<Record<Section, number>> = { subject: 1.5, own: 1, quoted: 0.5 };

interface Cue {
  readonly group: string;
  /** A number for the group, for cheap keys. */
  readonly groupId: number;
  readonly negatable: boolean;
  readonly isCategory: boolean;
  readonly isOrg: boolean;
  readonly isAppealOrGrievance: boolean;
  readonly weight: number;
  readonly keep: boolean;
  readonly request: boolean;
}

interface ScoredHit {
  readonly cue: Cue;
  readonly section: Section;
  readonly score: number;
  /** Where the words that matched stand (their text is read only for the reasons shown). */
  readonly tokens: Tokens;
  readonly start: number;
  readonly end: number;
}

const GROUP_IDS = new Map<string, number>();

function parseCue(group: string, text: string): { phrase: string; payload: Cue } {
  let groupId = GROUP_IDS.get(group);
  if (groupId === undefined) GROUP_IDS.set(group, (groupId = GROUP_IDS.size));
  const m = /^(.*?)\s*=\s*(-?\d+(?:\.\d+)?)((?:\s+(?:keep|request))*)\s*$/.exec(text);
  if (!m) throw new Error(`vocabulary entry "${text}" in ${group} is not "phrase = weight"`);
  const phrase = m[1]!;
  const flags = m[3] ?? "";
  return {
    phrase,
    payload: {
      group,
      groupId,
      negatable: NEGATABLE.test(group),
      isCategory: group.startsWith("category:"),
      isOrg: /Org$/.test(group),
      isAppealOrGrievance: group === "category:appeal" || group === "category:grievance",
      weight: Number(m[2]),
      keep: /\bkeep\b/.test(flags),
      request: /\brequest\b/.test(flags),
    },
  };
}

const SYSTEM_SENDER = /^(?:no-?reply|do-?not-?reply|voicemail|notifications?|mailer-daemon|system|alerts?)\b|noreply/i;
const PROVIDER_ROLE =
  /^(?:referrals?|billing|priorauth|prior\.?auth|auth|imaging\.auth|appeals|frontdesk|front\.desk|frontoffice|scheduling|ar|revcycle|claims|office|reception|intake|utilization|um|pa|medicalrecords|records|eligibility|verifications?|patientaccounts|businessoffice|admissions|denials)(?:[._-]|$)/i;
const PROVIDER_DOMAIN = /(clinic|medical|med|health|peds|pediatric|ortho|hospital|regional|behavioral|diabetes|women|family|pt|therapy|care|surgery|dental|pharmacy|lab|imaging|physicians?)/i;
const AGENT_DOMAIN = /(insur|broker|benefit|advisor|agency|seniors?|senior|medicareplans)/i;
const STATE_DOMAIN = /(^|\.)(state|gov|dhs|hhs|legis|ombudsman)[.-]|\.gov$|\.state\./i;

const SPECIALTY =
  /\b(?:\w+olog(?:y|ist|ists)|derm\b|dermatolog\w*|cardio\w*|neurosurg\w*|orthoped\w*|ortho\b|ent\b|ear,? nose|gi\b|gastro\w*|ob\/?gyn|obstetric\w*|gynecolog\w*|podiatr\w*|pulmon\w*|nephro\w*|oncolog\w*|urolog\w*|rheumat\w*|allerg\w*|psychiatr\w*|surgeon|surgery|endocrin\w*|ophthalm\w*|optometr\w*|physical therap\w*|speech therap\w*|occupational therap\w*|audiolog\w*|pain management|wound care|sleep medicine|hematolog\w*|infectious disease|geriatric\w*|behavioral health|mental health|counsel\w*)/i;
const LOCATION =
  /\b\d{5}(?:-\d{4})?\b|\bin the [\w\s/]{1,40}\barea\b|\b(?:near|close to|lives in|living in|located in|miles of|area of|county|city of|member address|home:|member's home|address:)\b|,\s*[A-Z]{2}\b|\b(?:cerca de|código postal|codigo postal)\b/;

const AGENT_FIELDS: readonly (readonly [string, RegExp])[] = [
  ["Agent Name", /^\s*agent name\s*:?[ \t]*(.*)$/im],
  ["Agent SAN", /^\s*agent san\s*:?[ \t]*(.*)$/im],
  ["Member ID #", /^\s*member id\s*(?:#|number|no\.?)?\s*:?[ \t]*(.*)$/im],
  ["Member Name", /^\s*member name(?: in question)?\s*:?[ \t]*(.*)$/im],
  ["Summary of issue", /^\s*summary(?: of (?:the )?issue)?\s*:?[ \t]*(.*)$/im],
];
const AGENT_SUBJECT = /^(?:\s*(?:re|fw|fwd)\s*:\s*)*[\p{L}'’. -]+,\s*[\p{L}'’. -]+?\s+(?:medicare|individual)\s*$/iu;

const MEDICARE = /\bmedicare\b|\bplh-m-|\bpart [abcd]\b/i;
const INDIVIDUAL =
  /\bindividual\s+(?:\(?commercial\)?\s+)?(?:(?:silver|gold|bronze|platinum|marketplace|hmo|ppo|epo)\s+)?(?:plans?|members?|polic(?:y|ies)|coverage|line|product)\b|\bone of your individual\b|\bcommercial (?:plan|member|coverage)\b|\bplh-i-/i;

const ASKING = ["please", "can", "could", "would", "need", "want", "help", "necesito", "quiero", "puede", "pueden", "favor", "xin", "ayuda"];
const TAG_NEGATOR = 1;
const TAG_ASKING = 2;
const TAG_LANGUAGE_FIRST_BIT = 4;

/** Short closing lines where a signature stands: organisation names count there only. */
function signatureOf(own: string): string {
  const tail = own.length > 800 ? own.slice(-800) : own;
  const lines = tail.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  return lines
    .slice(-8)
    .filter((l) => l.length <= 80 && l.split(/\s+/).length <= 7 && !l.endsWith("?"))
    .join("\n");
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}

export class Classifier {
  private readonly matcher: PhraseMatcher<Cue>;
  private readonly lexicon: Lexicon;
  private readonly medicareId: number;
  private readonly internalDomains: readonly string[];
  private readonly routes: Readonly<Record<Mailbox, MailboxRoute>> | undefined;
  private readonly informational: PhraseMatcher<true>;

  constructor(options: ClassifierOptions = {}) {
    const vocab = options.vocabulary ?? DEFAULT_VOCABULARY;
    const specs: { phrase: string; payload: Cue }[] = [];
    const add = (group: string, list: CueList) => {
      for (const entry of list) specs.push(parseCue(group, entry));
    };
    for (const c of CATEGORIES) add(`category:${c}`, vocab.categories[c]);
    for (const [k, list] of Object.entries(vocab.high)) add(`high:${k}`, list);
    add("appealDecision", vocab.appealDecision);
    add("appealObjection", vocab.appealObjection);
    add("escalation", vocab.escalation);
    add("repeat", vocab.repeat);
    add("clinical", vocab.clinical);
    add("accountInfo", vocab.accountInfo);
    for (const [k, list] of Object.entries(vocab.sender)) add(`sender:${k}`, list);
    this.lexicon = new Lexicon();
    for (const w of NEGATORS) this.lexicon.tag(w, TAG_NEGATOR);
    for (const w of ASKING) this.lexicon.tag(w, TAG_ASKING);
    tagLanguageWords(this.lexicon, TAG_LANGUAGE_FIRST_BIT);
    this.matcher = new PhraseMatcher(this.lexicon, specs);
    this.informational = new PhraseMatcher(this.lexicon, vocab.informational.map((phrase) => ({ phrase, payload: true as const })));
    this.medicareId = this.lexicon.add("medicare");
    this.internalDomains = (options.internalDomains ?? ["plan.example"]).map((d) => d.toLowerCase());
    this.routes = options.routes;
  }

  private isInformational(a: number, b: number, marks: readonly number[]): boolean {
    for (const m of marks) if (m >= a && m < b) return true;
    return false;
  }

  /**
   * Scores one part of the email. `only` picks which cues count here: the signature lines count
   * organisation words only; the body everything else; a quoted message that the sender's own words
   * do not point at counts no appeal or grievance.
   */
  private scoreSection(tokens: Tokens, section: Section, out: ScoredHit[], factor: number, only: (cue: Cue) => boolean): void {
    const hits: Hit<Cue>[] = this.matcher.findAll(tokens).filter((h) => only(h.spec.payload));
    let marks: number[] | undefined;
    // one reading per group for the same words: "ID card" is not also "card" (the heavier phrase wins)
    hits.sort((a, b) => b.spec.payload.weight - a.spec.payload.weight);
    const used = new Set<number>();
    for (const h of hits) {
      const cue = h.spec.payload;
      const startKey = (cue.groupId * 2) * 1_000_000 + h.start;
      const endKey = (cue.groupId * 2 + 1) * 1_000_000 + h.end;
      if (used.has(startKey) || used.has(endKey)) continue;
      used.add(startKey);
      used.add(endKey);
      if (!cue.keep && cue.negatable && isNegated(tokens, this.lexicon, TAG_NEGATOR, h.start)) continue;
      let score = cue.weight * SECTION_WEIGHT[section] * factor;
      if (cue.request || cue.isCategory) {
        const { a, b, question } = sentenceAround(tokens, h.start, h.end);
        if (cue.request) marks ??= this.informational.findAll(tokens).map((x) => x.start);
        if (cue.request && this.isInformational(a, b, marks!)) score *= 0.25;
        else if (cue.isCategory && (question || this.asksForAction(tokens, a, b))) score *= 1.4;
      }
      out.push({ cue, section, score, tokens, start: h.start, end: h.end });
    }
  }

  private asksForAction(tokens: Tokens, a: number, b: number): boolean {
    for (let k = a; k < b; k++) if ((this.lexicon.tags(tokens.ids[k]!) & TAG_ASKING) !== 0) return true;
    return false;
  }

  classify(input: EmailInput): Classification {
    const warnings: string[] = [];
    const reasons: Reason[] = [];
    const mailboxKnown = isMailbox(input.mailbox);
    const mailbox: Mailbox = mailboxKnown ? (input.mailbox as Mailbox) : "member-services-email";
    if (!mailboxKnown) {
      warnings.push(`unknown mailbox "${String(input.mailbox).slice(0, 60)}": timed as member-services-email until a lead sets it`);
    }
    const subject = typeof input.subject === "string" ? input.subject.slice(0, 1000) : "";
    let raw = typeof input.body === "string" ? input.body : "";
    if (raw.trim() === "") warnings.push("the email has no body text: classified from the subject and sender only");
    const looksHtml = input.bodyType === "html" || /^\s*<(?:!doctype|html|div|p|table|body|span)\b/i.test(raw);
    if (raw.length > MAX_ANALYSED_CHARS * (looksHtml ? 4 : 1)) {
      warnings.push(`the body is ${Math.round(raw.length / 1024)} KB: only the first ${MAX_ANALYSED_CHARS / 1000} thousand characters were read`);
    }
    let text = looksHtml ? htmlToText(raw) : raw.slice(0, MAX_ANALYSED_CHARS);
    if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
    if (text.length > MAX_ANALYSED_CHARS) text = text.slice(0, MAX_ANALYSED_CHARS);
    raw = "";
    const parts = splitQuoted(text);
    const ownFull = parts.own === "" ? parts.quoted : parts.own;
    // A long message is read in full only when its later part holds a cue that can change what must
    // happen (an appeal, a complaint, urgency, a repeat contact); otherwise its opening is enough for
    // the topic, and the signature is read separately. See docs/decisions/0004-classifier-reading.md.
    const own = stripBoilerplate(
      ownFull.length > OWN_READ_CHARS && !PRECEDENCE_CUE.test(ownFull.slice(OWN_READ_CHARS).toLowerCase())
        ? ownFull.slice(0, OWN_READ_CHARS)
        : ownFull,
    );
    // older messages count for less, and only the most recent of them is read (see docs/decisions)
    const quoted = parts.own === "" ? "" : stripBoilerplate(parts.quoted.slice(0, MAX_QUOTED_CHARS));

    this.lexicon.resetArena();
    const tokenize = (t: string) => this.lexicon.tokenize(t);
    const subjTokens = tokenize(subject);
    const ownTokens = tokenize(own);
    const quotedTokens = tokenize(quoted);
    const hits: ScoredHit[] = [];
    const isReply = /^\s*(?:re|fw|fwd|rv|tr)\s*:/i.test(subject);
    this.scoreSection(subjTokens, "subject", hits, isReply ? 0.5 : 1, (c) => !c.isOrg);
    this.scoreSection(ownTokens, "own", hits, 1, (c) => !c.isOrg);
    this.scoreSection(tokenize(signatureOf(ownFull)), "own", hits, 1, (c) => c.isOrg);
    const quotedCounts = quoted !== "" && (ownTokens.count < 12 || REFERS_TO_QUOTED.test(own));
    this.scoreSection(quotedTokens, "quoted", hits, quotedCounts ? 1 : 0.5, (c) => !c.isOrg && (quotedCounts || !c.isAppealOrGrievance));

    const totals = new Map<string, number>();
    const ownTotals = new Map<string, number>();
    const byGroup = new Map<string, ScoredHit[]>();
    for (const h of hits) {
      totals.set(h.cue.group, (totals.get(h.cue.group) ?? 0) + h.score);
      if (h.section === "own") ownTotals.set(h.cue.group, (ownTotals.get(h.cue.group) ?? 0) + h.score);
      const list = byGroup.get(h.cue.group);
      if (list) list.push(h);
      else byGroup.set(h.cue.group, [h]);
    }
    const sum = (group: string, cap = Infinity) => Math.min(totals.get(group) ?? 0, cap);
    const labels = (group: string, max = 3) => {
      const seen = new Set<string>();
      const sorted = [...(byGroup.get(group) ?? [])].sort((a, b) => b.score - a.score);
      for (const h of sorted) {
        seen.add(`“${this.lexicon.text(h.tokens, h.start, h.end)}”${h.section === "subject" ? " in the subject" : h.section === "quoted" ? " in the quoted message" : ""}`);
        if (seen.size >= max) break;
      }
      return [...seen];
    };

    // ---- language
    const form = readForm(own);
    const langText = form.message || own || subject;
    const lang = detectLanguage(
      langText,
      form.message ? tokenize(form.message) : ownTokens.count ? ownTokens : subjTokens,
      this.lexicon,
      TAG_LANGUAGE_FIRST_BIT,
    );
    if (lang.language !== "en") reasons.push({ field: "language", text: `written in ${languageName(lang.language)}` });

    // ---- category
    const scores = new Map<Category, number>();
    for (const c of CATEGORIES) scores.set(c, sum(`category:${c}`));
    const fullText = `${subject}\n${own}\n${quoted}`;
    const fromAddress = String(input.from ?? "").trim().toLowerCase();
    const [local = "", domain = ""] = fromAddress.includes("@") ? [fromAddress.slice(0, fromAddress.lastIndexOf("@")), fromAddress.slice(fromAddress.lastIndexOf("@") + 1)] : [fromAddress, ""];
    if (mailbox === "agent-support") {
      const lineInSubject = /\bmedicaid\b/i.test(subject);
      const medicaidMember = lineInSubject || /\b(?:is|a|an|as)\s+(?:a\s+)?medicaid member\b|\bmedicaid (?:member|issue|question|plan|coverage)/i.test(own);
      if (medicaidMember && !MEDICARE.test(subject) && !INDIVIDUAL.test(subject)) {
        scores.set("out_of_scope", 100);
        reasons.push({ field: "category", text: "a Medicaid member's question in the agent-support mailbox, which serves Medicare and Individual members only" });
      }
    }
    if (mailbox === "specialist") {
      // the specialist mailbox exists to locate specialists: that is its topic unless the email says otherwise
      scores.set("provider_search", (scores.get("provider_search") ?? 0) + 2);
    }
    // a decision and an objection to it make an appeal even without the word
    const decision = sum("appealDecision");
    const objection = sum("appealObjection");
    if (decision >= 1.5 && objection >= 2) {
      scores.set("appeal", (scores.get("appeal") ?? 0) + 3);
      reasons.push({ field: "category", text: `objects to a decision: ${[...labels("appealDecision", 1), ...labels("appealObjection", 1)].join(", ")}` });
    }
    const appeal = scores.get("appeal") ?? 0;
    const grievance = scores.get("grievance") ?? 0;
    const authorization = scores.get("authorization") ?? 0;
    let category: Category;
    let top: number;
    let second: number;
    const topical = CATEGORIES.filter((c) => c !== "appeal" && c !== "grievance" && c !== "general_inquiry");
    const ranked = [...topical].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0));
    const bestTopic = ranked[0]!;
    const bestTopicScore = scores.get(bestTopic) ?? 0;
    const general = scores.get("general_inquiry") ?? 0;
    if ((scores.get("out_of_scope") ?? 0) >= 100) {
      category = "out_of_scope";
      top = 10;
      second = 0;
    } else if (appeal >= 3) {
      category = "appeal";
      top = appeal;
      second = Math.max(grievance, bestTopicScore);
    } else if (grievance >= 3) {
      category = "grievance";
      top = grievance;
      second = Math.max(appeal, bestTopicScore);
    } else if (authorization >= 3) {
      category = "authorization";
      top = authorization;
      second = bestTopicScore;
    } else if (bestTopicScore >= 1.5 && bestTopicScore >= general) {
      category = bestTopic;
      top = bestTopicScore;
      second = Math.max(scores.get(ranked[1]!) ?? 0, general, authorization);
    } else {
      category = "general_inquiry";
      top = Math.max(general, 0.5);
      second = bestTopicScore;
    }
    const catLabels = labels(`category:${category}`);
    reasons.push({
      field: "category",
      text: catLabels.length ? `mentions ${catLabels.join(", ")}` : "no specific topic found: general inquiry",
    });
    if ((category === "appeal" || category === "grievance") && (bestTopicScore >= 3)) {
      reasons.push({ field: "category", text: `also about ${bestTopic.replace(/_/g, " ")}; ${category} takes precedence` });
    }

    // ---- sender type
    const senderType = this.senderType(mailbox, local, domain, form, ownTotals, own, quoted, reasons);

    // ---- flags
    const flags = new Set<Flag>();
    const missingFields: string[] = [];
    const repeat = sum("repeat");
    if (repeat >= 2.5) {
      flags.add("repeat_contact");
      reasons.push({ field: "flags", text: `repeat contact: ${labels("repeat", 2).join(", ")}` });
    }
    // ---- priority
    const high = {
      explicit: sum("high:explicit", 4),
      shortage: sum("high:shortage", 3),
      discharge: sum("high:discharge", 3),
      safety: sum("high:safety", 4),
      blocked: sum("high:blocked", 2),
      soon: sum("high:soon", 1.5),
      urgent: sum("high:urgent", 1.5),
      treatment: sum("high:treatment", 1.5),
    };
    const substance = high.explicit + high.shortage + high.discharge + high.safety + high.blocked;
    const highTotal = substance + high.soon + high.urgent + high.treatment;
    const escalationCues = sum("escalation");
    const stateSender = STATE_DOMAIN.test(domain);
    let priority: Priority = "routine";
    if (highTotal >= 4 && (substance >= 2 || highTotal >= 5)) {
      priority = "high";
      const why = ["explicit", "shortage", "discharge", "safety", "blocked", "soon", "urgent", "treatment"]
        .flatMap((k) => labels(`high:${k}`, 1))
        .slice(0, 4);
      reasons.push({ field: "priority", text: `immediate risk to access to care: ${why.join(", ")}` });
    } else if (mailbox === "mco-escalations") {
      priority = "escalated";
      reasons.push({ field: "priority", text: "arrived through the MCO escalations mailbox" });
    } else if (senderType === "internal" && (escalationCues >= 2 || stateSender)) {
      priority = "escalated";
      reasons.push({ field: "priority", text: `escalated by ${stateSender ? "a state agency" : "plan staff"}: ${labels("escalation", 2).join(", ") || domain}` });
    } else if (stateSender && escalationCues >= 2) {
      priority = "escalated";
      reasons.push({ field: "priority", text: "arrived from a state agency" });
    } else if (flags.has("repeat_contact")) {
      priority = "escalated";
      reasons.push({ field: "priority", text: "a repeat contact about an unresolved issue" });
    }

    const clinical = sum("clinical");
    if (clinical >= 3 || (priority === "high" && (high.shortage > 0 || high.discharge >= 3))) {
      flags.add("clinical_referral");
      const l = labels("clinical", 2);
      reasons.push({
        field: "flags",
        text: l.length ? `needs clinical staff: ${l.join(", ")}` : "needs clinical staff: urgent medication, supply or discharge problem",
      });
    }
    if (mailbox === "contact-us" || mailbox === "voicemail-followup") {
      const account = sum("accountInfo");
      const accountTopic = category === "claims_billing" || category === "eligibility_enrollment";
      if (account >= 2.5 || accountTopic) {
        flags.add("account_verification_required");
        const what = labels("accountInfo", 2).join(", ") || category.replace(/_/g, " ").replace("claims billing", "claims");
        reasons.push({ field: "flags", text: `asks for account details (${what}) through an unauthenticated channel: general information only until identity is verified` });
      }
    }
    if (mailbox === "agent-support" && senderType === "agent") {
      for (const [name, re] of AGENT_FIELDS) {
        const m = re.exec(ownFull);
        if (!m || m[1]!.trim().replace(/^[-–_.]+$/, "") === "") missingFields.push(name);
      }
      if (!AGENT_SUBJECT.test(subject.trim())) missingFields.push("subject in the form “Last, First Medicare” or “Last, First Individual”");
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
    const medicare = this.medicareId;
    const mentionsMedicare = [subjTokens, ownTokens, quotedTokens].some((t) => t.ids.includes(medicare)) || /plh-m-/i.test(fullText);
    if (category !== "out_of_scope" && mentionsMedicare && MEDICARE.test(fullText) && INDIVIDUAL.test(fullText)) {
      flags.add("mixed_lines_of_business");
      reasons.push({ field: "flags", text: "raises issues of both a Medicare member and an Individual member" });
    }
    if (lang.language !== "en") flags.add("non_english");

    const routes = this.routes;
    const policy = routes ? policyFor(mailbox, priority, routes) : policyFor(mailbox, priority);
    const confidence = clamp(0.35 + (0.6 * (top - second)) / (top + 1.5), 0.3, 0.98) * (warnings.length && !own ? 0.7 : 1);
    return {
      category,
      senderType,
      priority,
      language: lang.language,
      flags: FLAGS.filter((f) => flags.has(f)),
      policy,
      confidence: Math.round(confidence * 100) / 100,
      reasons,
      missingFields,
      warnings,
    };
  }

  private senderType(
    mailbox: Mailbox,
    local: string,
    domain: string,
    form: FormFields,
    ownTotals: ReadonlyMap<string, number>,
    own: string,
    quoted: string,
    reasons: Reason[],
  ): SenderType {
    const system = SYSTEM_SENDER.test(local);
    if (!system && domain && this.internalDomains.some((d) => domain === d || domain.endsWith(`.${d}`))) {
      reasons.push({ field: "senderType", text: "sent from the plan's own domain" });
      return "internal";
    }
    if (form.role !== undefined) {
      const r = normalize(form.role);
      const mapped: SenderType = /member|miembro|hoi vien|afiliad|paciente|patient/.test(r)
        ? "member"
        : /provider|proveedor|doctor|clinic|hospital|office/.test(r)
          ? "provider"
          : /agent|broker|agente/.test(r)
            ? "agent"
            : "unknown";
      reasons.push({ field: "senderType", text: `the contact form says “${form.role.slice(0, 30) || "not selected"}”` });
      return mapped;
    }
    const s = (k: string) => ownTotals.get(`sender:${k}`) ?? 0;
    const score = {
      member: s("member"),
      provider: s("provider") + s("providerOrg") + (PROVIDER_ROLE.test(local) ? 3 : 0) + (PROVIDER_DOMAIN.test(domain) && !/example\.(?:com|org|net)$/.test(domain) ? 1 : 0),
      agent: s("agent") + (mailbox === "agent-support" ? 4 : 0) + (AGENT_DOMAIN.test(domain) ? 1.5 : 0),
      internal: s("internal") + (STATE_DOMAIN.test(domain) ? 4 : 0),
    };
    let best: SenderType = "unknown";
    let bestScore = 0;
    for (const [k, v] of Object.entries(score) as [SenderType, number][]) {
      if (v > bestScore) {
        best = k;
        bestScore = v;
      }
    }
    if (bestScore >= 2) {
      reasons.push({ field: "senderType", text: senderWhy(best, local, domain, mailbox) });
      return best;
    }
    if (mailbox === "voicemail-followup") {
      reasons.push({ field: "senderType", text: "a voicemail follow-up: the caller is a member" });
      return "member";
    }
    if (/\b(?:i|i'm|i've|my|me|mine|myself|mi|yo|tôi|toi)\b/i.test(`${own}\n${quoted}`) || MEMBER_MAILBOXES.has(mailbox)) {
      reasons.push({ field: "senderType", text: "writes about their own coverage in the first person" });
      return "member";
    }
    return "unknown";
  }
}

/** Mailboxes that members write to: with no other sign, the sender is a member. */
const MEMBER_MAILBOXES: ReadonlySet<Mailbox> = new Set(["member-services-email", "secure-message", "member-advocate"]);

function senderWhy(type: SenderType, local: string, domain: string, mailbox: Mailbox): string {
  switch (type) {
    case "agent":
      return mailbox === "agent-support" ? "writes to the agent-support mailbox as an agent" : "signs as an agent or broker";
    case "provider":
      return PROVIDER_ROLE.test(local) ? "writes from a practice's shared address" : "writes for a practice about a patient";
    case "internal":
      return STATE_DOMAIN.test(domain) ? "writes from a state agency" : "writes as plan staff or a state partner";
    default:
      return "writes as a member or on a member's behalf";
  }
}

interface FormFields {
  /** The "I am a:" answer of a contact-us form, if the body is one. */
  readonly role?: string;
  /** The "Message:" part of a form, if any. */
  readonly message: string;
}

function readForm(full: string): FormFields {
  // a web form puts its fields at the top; look no further than that
  if (!/(?:^|\n)\s*(?:name|nombre|họ và tên|form|i am an?|soy|tôi là)\s*:/i.test(full.slice(0, 600))) return { message: "" };
  const text = full.slice(0, 20_000);
  const roleMatch = /^\s*(?:i am an?|soy|tôi là|toi la)\s*:?[ \t]*(.*)$/im.exec(text);
  const formLine = /^\s*form\s*:?[ \t]*(.*)$/im.exec(text);
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
