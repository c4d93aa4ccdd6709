/**
 * One email's triage as the pane shows it: the classification, the advocate's corrections applied
 * on top, the instructions for what must happen now, and the SLA clocks of the resulting policy.
 * Pure: recomputed from its inputs on every item change, correction, event or minute (the pane
 * hands it a classifier that classifies each item once, so a minute recomputes only the clocks).
 */
import type { BusinessCalendar } from "../calendar/calendar";
import { parseInstant } from "../calendar/zone";
import { languageName, warningText, type Classification, type Classifier, type EmailInput, type Flag } from "../classify/classifier";
import type { Category } from "../classify/labels";
import { computeClocks, type SlaEvent, type SlaResult } from "../sla/clocks";
import { findPolicy, isMailbox, policyFor, type Mailbox, type Priority } from "../sla/policies";
import type { DeploymentSettings } from "../settings";

export interface Correction {
  readonly category?: Category;
  readonly priority?: Priority;
  readonly mailbox?: Mailbox;
}

export interface TriageInput {
  readonly email: Omit<EmailInput, "mailbox">;
  /** Addresses the item was delivered to (the shared mailbox first), to find its channel. */
  readonly deliveredTo: readonly string[];
  readonly correction?: Correction;
  readonly events?: readonly SlaEvent[];
  readonly now: number;
}

export type InstructionKind =
  | "appealsGrievances"
  | "mayBeAppealsGrievances"
  | "clinical"
  | "verify"
  | "missingInfo"
  | "mixedLines"
  | "repeat"
  | "language"
  | "outOfScope"
  | "highPriority"
  | "escalated"
  | "callBack"
  | "emptyMessage";

export interface Instruction {
  readonly kind: InstructionKind;
  readonly tone: "urgent" | "warning" | "info";
  readonly title: string;
  readonly detail: string;
}

export interface TriageView {
  readonly classification: Classification;
  readonly category: Category;
  readonly priority: Priority;
  readonly mailbox: Mailbox | null;
  readonly policy: string;
  readonly corrected: { readonly category?: Category; readonly priority?: Priority; readonly mailbox?: Mailbox };
  readonly instructions: readonly Instruction[];
  readonly sla: SlaResult | null;
  readonly receivedAt: number;
  readonly warnings: readonly string[];
}

/** The channel of the first delivered-to address the deployment knows. */
export function resolveMailbox(addresses: readonly string[], known: Readonly<Record<string, Mailbox>>): Mailbox | null {
  for (const a of addresses) {
    const m = known[a.trim().toLowerCase()];
    if (m) return m;
  }
  return null;
}

export function instructionsFor(
  category: Category,
  priority: Priority,
  flags: readonly Flag[],
  c: Pick<Classification, "missingFields" | "language" | "mayBe">,
  settings: DeploymentSettings,
  /** What else decides an instruction: the mailbox (a voicemail is called back) and an empty message. */
  context: { readonly mailbox?: Mailbox | null; readonly emptyBody?: boolean } = {},
): Instruction[] {
  const out: Instruction[] = [];
  const org = settings.organisation;
  if (category === "appeal" || category === "grievance") {
    out.push({
      kind: "appealsGrievances",
      tone: "urgent",
      title: `Forward to the ${org.appealsCoordinator} now`,
      detail: category === "appeal" ? "An appeal: the sender asks the plan to reconsider a decision." : "A grievance: the sender wants a complaint registered or acted on.",
    });
  }
  if (category !== "appeal" && category !== "grievance" && c.mayBe) {
    const which = c.mayBe.category === "appeal" ? "an appeal" : "a grievance";
    out.push({
      kind: "mayBeAppealsGrievances",
      tone: "warning",
      title: `This may be ${which}: read it before answering`,
      detail: `${c.mayBe.sentence ? `“${c.mayBe.sentence}” ` : ""}If it is, correct the category and forward it to the ${org.appealsCoordinator} now.`,
    });
  }
  if (priority === "high") {
    out.push({
      kind: "highPriority",
      tone: "urgent",
      title: "High priority: respond within 4 business hours",
      detail: "Immediate risk to access to care, or a safety concern.",
    });
  }
  if (priority === "escalated") {
    out.push({
      kind: "escalated",
      tone: "warning",
      title: "Escalated: answer within the escalated time",
      detail: "It came through an escalation path or repeats an unresolved contact; the clocks below say when the answer is due.",
    });
  }
  if (context.mailbox === "voicemail-followup") {
    out.push({
      kind: "callBack",
      tone: "warning",
      title: "Call the member back",
      detail: "A voicemail: call back at the number they left. General information only until they verify their account.",
    });
  }
  if (context.emptyBody) {
    out.push({
      kind: "emptyMessage",
      tone: "warning",
      title: "The email has no message",
      detail: "Reply asking what they need help with, or call them if the plan has their number.",
    });
  }
  if (flags.includes("clinical_referral")) {
    out.push({
      kind: "clinical",
      tone: "urgent",
      title: `Refer to ${org.clinicalTeam}`,
      detail: "Medical advice, a medical-necessity review or urgent symptoms: give no medical advice in the reply.",
    });
  }
  if (flags.includes("account_verification_required")) {
    out.push({
      kind: "verify",
      tone: "warning",
      title: "Verify identity before sharing account details",
      detail: `Unauthenticated channel: general information only until the sender verifies by phone (${org.memberServicesPhone}).`,
    });
  }
  if (flags.includes("missing_required_info")) {
    out.push({
      kind: "missingInfo",
      tone: "warning",
      title: "Ask for the missing information",
      detail: c.missingFields.length ? `Missing: ${c.missingFields.join("; ")}.` : "A required field is missing.",
    });
  }
  if (flags.includes("mixed_lines_of_business")) {
    out.push({
      kind: "mixedLines",
      tone: "warning",
      title: "Medicare and Individual issues in one email",
      detail: "Answer and log each member's issue under its own line of business.",
    });
  }
  if (flags.includes("repeat_contact")) {
    out.push({
      kind: "repeat",
      tone: "warning",
      title: "Repeat contact about an unresolved issue",
      detail: "Check the earlier contacts first; treated as escalated.",
    });
  }
  if (flags.includes("non_english")) {
    out.push({
      kind: "language",
      tone: "info",
      title: `Written in ${languageName(c.language)}`,
      detail: "Answer in that language or arrange language assistance.",
    });
  }
  if (category === "out_of_scope") {
    out.push({
      kind: "outOfScope",
      tone: "info",
      title: "Out of scope for this mailbox",
      detail: "Reply with guidance on where to get this answered.",
    });
  }
  return out;
}

export function triage(
  input: TriageInput,
  deps: { readonly classifier: Pick<Classifier, "classify">; readonly calendar: BusinessCalendar; readonly settings: DeploymentSettings },
): TriageView {
  const { settings, calendar } = deps;
  const warnings: string[] = [];
  const found = resolveMailbox(input.deliveredTo, settings.mailboxAddresses);
  const mailbox = input.correction?.mailbox ?? found;
  if (!mailbox) {
    warnings.push("This mailbox is not in the deployment's settings: choose the mailbox below so the right SLA applies.");
  }
  const classification = deps.classifier.classify({ ...input.email, mailbox: mailbox ?? "" });
  // an unknown mailbox is said above, in the pane's words
  for (const w of classification.warnings) if (w.code !== "unknownMailbox") warnings.push(warningText(w));
  const corr = input.correction ?? {};
  const category = corr.category ?? classification.category;
  const priority = corr.priority ?? classification.priority;
  const effectiveMailbox: Mailbox = mailbox && isMailbox(mailbox) ? mailbox : "member-services-email";
  const policyId = policyFor(effectiveMailbox, priority, settings.routes);
  let receivedAt = input.now;
  const parsed = parseInstant(input.email.receivedAt, calendar.zone);
  if ("error" in parsed) {
    warnings.push(`No usable received time (${parsed.error}): the clocks start now.`);
  } else {
    receivedAt = parsed.utcMs;
    if (parsed.assumedZone) warnings.push(`The received time had no UTC offset; read as ${calendar.zone.name} time.`);
  }
  const policy = findPolicy(policyId, settings.policies);
  const sla = policy
    ? computeClocks({ policy, priority, receivedAt, events: input.events ?? [], now: input.now }, calendar)
    : null;
  if (!policy) warnings.push(`The policy "${policyId}" is not configured: no SLA clocks.`);
  const corrected: { category?: Category; priority?: Priority; mailbox?: Mailbox } = {};
  if (corr.category && corr.category !== classification.category) corrected.category = classification.category;
  if (corr.priority && corr.priority !== classification.priority) corrected.priority = classification.priority;
  if (corr.mailbox && found && corr.mailbox !== found) corrected.mailbox = found;
  return {
    classification,
    category,
    priority,
    mailbox,
    policy: policyId,
    corrected,
    instructions: instructionsFor(category, priority, classification.flags, classification, settings, {
      mailbox,
      // no words in the body (tags and entities aside): nothing to answer yet
      emptyBody: input.email.body.length < 100_000 && !input.email.body.replace(/<[^>]*>|&nbsp;|&#160;/g, "").trim(),
    }),
    sla,
    receivedAt,
    warnings,
  };
}
